import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../support/backend';
import { closeCopy, openCopy } from '../../../../support/team';

// The acceptance flow on the sample project, through the API the UI uses: two coders code blind
// copies, the lead merges both, looks at agreement and resolves two disagreements.
describe('two coders on the sample project', () => {
  it('code blind, merge, compute agreement and resolve two disagreements', async () => {
    const { api, dir } = testBackend({ coder: 'Lead' });
    const sample = await api.call('projects.openSample', {});
    const documents = await api.call('documents.list', {});
    const inger = documents.find((d) => d.title === 'Interview Inger')!;
    const { text } = await api.call('documents.get', { id: inger.id });
    const concepts = (await api.call('codes.list', {})).filter((c) => c.level === 1);
    const [a, b] = [concepts[0]!, concepts[1]!];
    const sentence = (n: number) => {
      const parts = text.split(/(?<=[.?!])\s+/);
      const s = parts[n]!;
      const start = text.indexOf(s);
      return { start, end: start + s.length };
    };

    for (const coder of ['Kari', 'Ola']) {
      const copy = path.join(dir, `${coder}.stige`);
      const handed = await api.call('team.handout', { path: copy, coder, blind: true });
      expect(handed.codings).toBe(0);
      const c = await openCopy(copy, coder);
      // Both code sentence 2 with a; Kari also sentence 4 with a, Ola sentence 4 with b; Ola alone codes sentence 6.
      await c.api.call('codings.create', { documentId: inger.id, ...sentence(2), code: { id: a.id } });
      await c.api.call('codings.create', { documentId: inger.id, ...sentence(4), code: { id: coder === 'Kari' ? a.id : b.id } });
      if (coder === 'Ola') await c.api.call('codings.create', { documentId: inger.id, ...sentence(6), code: { id: b.id } });
      await closeCopy(c.api);
    }
    await api.call('projects.open', { path: sample.path });
    for (const coder of ['Kari', 'Ola']) {
      const merged = await api.call('team.mergeApply', { path: path.join(dir, `${coder}.stige`) });
      expect(merged.conflicts).toEqual([]);
      expect(merged.counts.codings.added).toBe(coder === 'Kari' ? 2 : 3);
    }
    const coders = await api.call('team.coders', {});
    const ids = ['Kari', 'Ola'].map((n) => coders.find((c) => c.name === n)!.id);
    const report = await api.call('team.agreement', { coderIds: ids, documentIds: [inger.id], codeIds: [a.id, b.id] });
    expect(report.rows[0]!.percent).toBeLessThan(1);
    expect(report.rows[0]!.kappa).toBeGreaterThan(0);
    const before = await api.call('team.disagreements', { coderIds: ids, codeIds: [a.id, b.id] });
    expect(before.total).toBe(2);
    const [first, second] = before.items;
    await api.call('team.resolve', { documentId: inger.id, start: first!.start, end: first!.end, coderIds: ids, codeIds: [a.id, b.id], action: { kind: 'accept', coderId: ids[0]! } });
    await api.call('team.resolve', { documentId: inger.id, start: second!.start, end: second!.end, coderIds: ids, codeIds: [a.id, b.id], action: { kind: 'merge' } });
    expect((await api.call('team.disagreements', { coderIds: ids, codeIds: [a.id, b.id] })).total).toBe(0);
    const after = await api.call('team.agreement', { coderIds: ids, documentIds: [inger.id], codeIds: [a.id, b.id] });
    expect(after.overall.percent).toBe(1);
  });
});
