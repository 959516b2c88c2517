import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/api/errors';
import { inProcess, overHttp, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const INTERVIEW = 'Intervjuer: Hva er innovasjon?\nInger: «Nye løsninger på samfunnsutfordringer» 👍 og å dele erfaringer.\nIntervjuer: Takk.';

describe.each([
  ['in-process', inProcess],
  ['http', overHttp],
] as const)('team scenarios %s', (_name, make) => {
  it('hands out a copy, merges it back and compares the coders', async () => {
    const h = await make();
    harnesses.push(h);
    const { api, projectPath, source } = h;
    await api.call('projects.create', { path: projectPath('team') });
    const report = await api.call('documents.import', { sources: [await source('Inger.txt', INTERVIEW)], informant: 'Inger' });
    const documentId = report.files[0]!.documentId!;
    const { text } = await api.call('documents.get', { id: documentId });
    const range = (passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });
    await api.call('codings.create', { documentId, ...range('«Nye løsninger på samfunnsutfordringer»'), code: { concept: 'Nye løsninger' }, coder: 'Ola' });

    const handout = await api.call('team.handout', { path: projectPath('kopi for Kari'), coder: 'Kari', blind: true });
    expect(handout).toMatchObject({ coder: 'Kari', blind: true, codings: 0, omittedCodings: 1 });
    if (h.name === 'http') {
      // Over HTTP, files outside the data folder are out of reach.
      const outside = await api.call('team.handout', { path: '../utenfor.stige', coder: 'Kari' }).catch((e: unknown) => e);
      expect((outside as AppError).code).toBe('FORBIDDEN');
    }

    // Kari codes in her copy (opened in this backend for brevity), then the lead merges it back.
    const main = (await api.call('project.get', {})).path;
    await api.call('projects.open', { path: projectPath('kopi for Kari.stige') });
    await api.call('codings.create', { documentId, ...range('«Nye løsninger på samfunnsutfordringer» 👍'), code: { concept: 'Nye løsninger' } });
    await api.call('projects.open', { path: h.name === 'http' ? 'team.stige' : main });
    const merged = await api.call('team.mergeApply', { path: projectPath('kopi for Kari.stige') });
    expect(merged.counts.codings.added).toBe(1);
    expect(merged.conflicts).toEqual([]);

    const coders = await api.call('team.coders', {});
    const ids = ['Kari', 'Ola'].map((name) => coders.find((c) => c.name === name)!.id);
    const agreement = await api.call('team.agreement', { coderIds: ids });
    expect(agreement.rows.map((r) => [r.label, r.coded])).toEqual([['Nye løsninger', ['«Nye løsninger på samfunnsutfordringer» 👍'.length, '«Nye løsninger på samfunnsutfordringer»'.length]]]);
    const disagreements = await api.call('team.disagreements', { coderIds: ids });
    expect(disagreements.items).toHaveLength(1);
    const item = disagreements.items[0]!;
    await api.call('team.resolve', { documentId, start: item.start, end: item.end, coderIds: ids, codeIds: [item.codes[0]!.id], action: { kind: 'accept', coderId: ids[1]! } });
    expect((await api.call('team.disagreements', { coderIds: ids })).total).toBe(0);
  });
});
