import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../../support/backend';
import { dumpProject } from '../../../../support/dump';
import { buildUsersExample, codePassage, THEME_2 } from '../../../../support/exportsFixture';

async function example() {
  const { api, dir, backend } = testBackend();
  const ids = await buildUsersExample(api, path.join(dir, 'oppgave.stige'));
  return { api, dir, backend, ids };
}

describe('checks before export', () => {
  it('stay silent on a clean project', async () => {
    const { api, dir } = await example();
    expect((await api.call('exports.quotePreview', {})).warnings).toEqual([]);
    const first = await api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'a.docx') });
    expect(first.warnings).toEqual([]);
    // Exporting the same again, in another format, conflicts with nothing.
    const again = await api.call('exports.quoteTable', { format: 'xlsx', path: path.join(dir, 'a.xlsx') });
    expect(again.warnings).toEqual([]);
  });

  it('catch a quote attributed by pseudonym in one export and by case in a later one', async () => {
    const { api, dir, ids } = await example();
    const first = await api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'kapittel 4.docx') });
    const second = await api.call('exports.quoteTable', { format: 'docx', path: path.join(dir, 'artikkel.docx'), options: { attribution: 'case' } });
    const conflicts = second.warnings.filter((w) => w.kind === 'attribution-conflict');
    expect(conflicts.map((w) => w.codingIds[0]).sort()).toEqual([ids.codings.anne, ids.codings.anne2, ids.codings.jan].sort());
    expect(conflicts.every((w) => w.exportIds.includes(first.exportId))).toBe(true);
    const anne = conflicts.find((w) => w.codingIds[0] === ids.codings.anne)!;
    expect(anne.message).toMatch(/^“Nye løsninger på samfunnsutfordringer” \(Intervju Anne\) is attributed “Informant fra Bærum” in table 5 of this export, but the same passage is attributed “Anne” in table 5 of “kapittel 4\.docx” on \d{4}-\d{2}-\d{2}: readers can link the two attributions$/);
    expect(anne.informantIds).toEqual([ids.informants.anne]);
    // The preview shows the same before anything is written.
    const preview = await api.call('exports.quotePreview', { options: { attribution: 'case' } });
    expect(preview.warnings.filter((w) => w.kind === 'attribution-conflict')).toHaveLength(3);
    const log = await api.call('exports.log', {});
    expect(log.map((e) => [e.fileName, e.kind, e.format, e.quotes])).toEqual([
      ['artikkel.docx', 'quotes', 'docx', 4],
      ['kapittel 4.docx', 'quotes', 'docx', 4],
    ]);
  });

  it('keep the export log out of the undo history', async () => {
    const { api, dir, backend } = await example();
    await api.call('exports.quoteTable', { format: 'md', path: path.join(dir, 'a.md') });
    const before = dumpProject(backend.project().db);
    const state = await api.call('history.state', {});
    expect(state.undoLabel).toBe('Change export settings');
    await api.call('history.undo', {});
    expect(await api.call('exports.log', {})).toHaveLength(1);
    await api.call('history.redo', {});
    expect(dumpProject(backend.project().db)).toEqual(before);
  });

  it('catch overlapping passages of one informant attributed two ways in the same export', async () => {
    const { api, ids } = await example();
    const overlap = await codePassage(api, ids.documents.anne, 'samfunnsutfordringer. Det er det vi sier i kommunen', 'Kommunens språk', THEME_2);
    await api.call('codings.update', { id: overlap, attribution: 'case' });
    const { warnings } = await api.call('exports.quotePreview', {});
    expect(warnings.map((w) => w.kind)).toEqual(['attribution-conflict']);
    expect([...warnings[0]!.codingIds].sort()).toEqual([ids.codings.anne, overlap].sort());
    expect(warnings[0]!.message).toMatch(/“Anne” in table 5 of this export, but the same passage is attributed “Informant fra Bærum” in table 5 of this export|“Informant fra Bærum” in table 5 of this export, but the same passage is attributed “Anne”/);
  });

  it('catch an excerpt that no longer matches its source after the text was edited', async () => {
    const { api, backend, ids } = await example();
    const updated = await api.call('codings.update', { id: ids.codings.kari, excerpt: 'Vi gjør det (…) ikke for å vinne priser' });
    expect(updated.excerpt).toBe('Vi gjør det (…) ikke for å vinne priser');
    expect((await api.call('exports.quotePreview', {})).model.tables[0]!.rows[1]!.quotes[1]!.text).toBe('Vi gjør det (…) ikke for å vinne priser');
    expect((await api.call('exports.quotePreview', {})).warnings).toEqual([]);
    // Someone corrects the transcript: "priser" becomes "pokaler" (same length, so the range stays).
    const project = backend.project();
    project.step('Edit transcript', () => {
      const { text } = project.db.prepare('SELECT text FROM documents WHERE id = ?').get(ids.documents.kari) as { text: string };
      project.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(text.replace('vinne priser', 'vinne prisen'), ids.documents.kari);
    });
    const { warnings } = await api.call('exports.quotePreview', {});
    expect(warnings.map((w) => [w.kind, w.codingIds])).toEqual([['excerpt-mismatch', [ids.codings.kari]]]);
    expect(warnings[0]!.message).toMatch(/no longer matches its passage: the word “priser” is not in the passage/);
  });

  it('refuse an excerpt that adds words, changing nothing', async () => {
    const { api, ids } = await example();
    await expect(api.call('codings.update', { id: ids.codings.kari, excerpt: 'Vi gjør det (…) for å vinne mange priser' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The excerpt does not fit its passage: the word “mange” is not in the passage: an excerpt may only leave text out, marked (…)',
    });
    expect((await api.call('codings.list', {})).find((c) => c.id === ids.codings.kari)!.excerpt).toBeNull();
  });

  it('catch two informants sharing a label, and an informant without the case the attribution needs', async () => {
    const { api, ids } = await example();
    await api.call('informants.update', { id: ids.informants.jan, label: 'Anne' });
    const shared = await api.call('exports.quotePreview', {});
    expect(shared.warnings.map((w) => w.kind)).toEqual(['shared-label']);
    expect([...shared.warnings[0]!.informantIds].sort()).toEqual([ids.informants.anne, ids.informants.jan].sort());
    await api.call('informants.update', { id: ids.informants.jan, label: 'Jan', caseId: null });
    const missing = await api.call('exports.quotePreview', { options: { attribution: 'case' } });
    expect(missing.warnings.map((w) => [w.kind, w.message])).toEqual([
      ['missing-case', '“Jan” has no case, but the attribution names the case; 1 quote attributed “Informant” instead'],
    ]);
    expect(missing.model.tables[0]!.rows[0]!.quotes[1]!.display).toBe('«For meg er begrepet innovasjon nyskapning» (Informant)');
  });

  it('attribute by role label once informants have one', async () => {
    const { api, ids } = await example();
    const kari = await api.call('informants.update', { id: ids.informants.anne, roleLabel: 'Informant KS' });
    expect(kari.roleLabel).toBe('Informant KS');
    await api.call('informants.update', { id: ids.informants.jan, roleLabel: 'Informant prosjektleder' });
    const preview = await api.call('exports.quotePreview', { options: { attribution: 'role' } });
    expect(preview.model.tables[0]!.rows[0]!.quotes.map((q) => q.attribution)).toEqual(['Informant KS', 'Informant prosjektleder']);
    expect(preview.warnings).toEqual([]);
  });
});
