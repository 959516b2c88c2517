import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../../../shared/stats/agreement';
import { code, rangeOf, teamProject, trackedDump } from '../../../../support/team';

/** Kari and Ola code the Inger interview; only Kari has done Kjell's. */
async function twoCoders() {
  const project = await teamProject();
  const { api, docs, codes } = project;
  await code(api, docs.inger, 'prøve nye ting', codes.tryNew, 'Kari');
  await code(api, docs.inger, 'Budsjettet er stramt', codes.budget, 'Kari');
  await code(api, docs.inger, 'Ledelsen gir oss rom til å feile', codes.room, 'Kari');
  await code(api, docs.kjell, 'medvirkning koster', codes.share, 'Kari');
  await code(api, docs.inger, 'prøve nye ting og lære av det', codes.tryNew, 'Ola');
  await code(api, docs.inger, 'Budsjettet er stramt', codes.budget, 'Ola');
  await code(api, docs.inger, 'gevinstene er vanskelige å måle', codes.measure, 'Ola');
  const coders = await api.call('team.coders', {});
  const id = (name: string) => coders.find((c) => c.name === name)!.id;
  return { ...project, kari: id('Kari'), ola: id('Ola') };
}

describe('coders', () => {
  it('counts what each coder did, renames (the user’s name follows) and folds two names together', async () => {
    const { api, backend, kari, ola } = await twoCoders();
    const coders = await api.call('team.coders', {});
    expect(coders.map((c) => [c.name, c.codings, c.documents, c.isMe])).toEqual([
      ['Lead', 0, 0, true],
      ['Kari', 4, 2, false],
      ['Ola', 3, 1, false],
    ]);
    expect(coders[0]!.codesCreated).toBe(9);
    await expect(api.call('team.renameCoder', { id: kari, name: 'Ola' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const lead = coders[0]!.id;
    await api.call('team.renameCoder', { id: lead, name: 'Lead Æsir' });
    expect(backend.settings.get().coderName).toBe('Lead Æsir');
    expect((await api.call('team.coders', {})).find((c) => c.id === lead)).toMatchObject({ name: 'Lead Æsir', isMe: true });
    // "Budsjettet er stramt" is coded by both: folding Ola into Kari drops Ola's duplicate.
    const folded = await api.call('team.mergeCoders', { fromId: ola, intoId: kari });
    expect(folded.map((c) => [c.name, c.codings])).toEqual([
      ['Lead Æsir', 0],
      ['Kari', 6],
    ]);
    await api.call('history.undo', {});
    expect((await api.call('team.coders', {})).map((c) => c.name)).toEqual(['Lead Æsir', 'Kari', 'Ola']);
  });
});

describe('blind coding', () => {
  it('starts for a user who has not coded yet (their coder is created), and counts one coder’s codings alone', async () => {
    const { api, backend, codes, docs, kari, ola } = await twoCoders();
    backend.settings.setCoderName('Nora Ødegård');
    const status = await api.call('team.setBlind', { mine: true });
    expect(status.blindCoder?.name).toBe('Nora Ødegård');
    expect(status.me.id).toBe(status.blindCoder?.id);
    await api.call('history.undo', {});
    expect((await api.call('team.status', {})).blindCoder).toBeNull();
    backend.settings.setCoderName('');
    await expect(api.call('team.setBlind', { mine: true })).rejects.toMatchObject({ code: 'VALIDATION' });

    const counts = await api.call('team.coderCounts', { coderId: ola });
    expect(counts.codes).toEqual({ [codes.tryNew]: 1, [codes.budget]: 1, [codes.measure]: 1 });
    expect(counts.documents).toEqual({ [docs.inger]: 3 });
    const stats = Object.fromEntries(counts.stats.map((s) => [s.codeId, s.codings]));
    expect(stats).toMatchObject({ [codes.barriers]: 2, [codes.learning]: 1, [codes.dimension]: 3 });
    expect(stats[codes.share]).toBeUndefined();
    expect((await api.call('team.coderCounts', { coderId: kari })).documents).toEqual({ [docs.inger]: 3, [docs.kjell]: 1 });
    await expect(api.call('team.coderCounts', { coderId: codes.share })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('agreement report', () => {
  it('computes percent, kappa and alpha per concept by characters, with missing coders, and aggregates themes', async () => {
    const { api, docs, codes, kari, ola } = await twoCoders();
    const inger = await api.call('documents.get', { id: docs.inger });
    const report = await api.call('team.agreement', { coderIds: [kari, ola] });
    expect(report.coders.map((c) => c.name)).toEqual(['Kari', 'Ola']);
    expect(report.documents.map((d) => [d.title, d.coderIds.length])).toEqual([
      ['intervju-inger', 2],
      ['intervju-kjell', 1],
    ]);
    expect(report.rows.map((r) => r.label)).toEqual(['Prøve nye ting', 'Dele erfaringer', 'Rom til å feile', 'Stramt budsjett', 'Vanskelig å måle']);
    const row = (label: string) => report.rows.find((r) => r.label === label)!;
    const n = inger.text.length;
    // Kari 14 characters, Ola 29 covering them: 15 characters differ.
    expect(row('Prøve nye ting')).toMatchObject({ units: n, coded: [14, 29], path: 'Innovasjonspraksis › Læring' });
    expect(row('Prøve nye ting').percent).toBeCloseTo((n - 15) / n, 12);
    expect(row('Prøve nye ting').kappa).toBeCloseTo(cohenKappa([[n - 29, 15], [0, 14]])!, 12);
    expect(row('Stramt budsjett')).toMatchObject({ percent: 1, kappa: 1, alpha: 1 });
    // Kjell's interview does not count against Ola: nobody applied "Dele erfaringer" where both coded.
    expect(row('Dele erfaringer')).toMatchObject({ units: n, kappa: null, alpha: null, coded: [0, 0] });
    expect(report.overall.units).toBe(5 * n);
    expect(report.table.columns.map((c) => c.label)).toEqual(['Code', 'Level', 'Under', 'Units (characters)', 'Coded by Kari', 'Coded by Ola', 'Agreement', "Cohen's κ", "Krippendorff's α"]);
    expect(report.table.rows.map((r) => r.kind)).toEqual(['code', 'code', 'code', 'code', 'code', 'overall', 'mean']);

    // Themes aggregate their concepts: on "Hindringer" Ola's "Vanskelig å måle" counts.
    const themes = await api.call('team.agreement', { coderIds: [kari, ola], level: 2 });
    expect(themes.rows.map((r) => r.label)).toEqual(['Læring', 'Tillit', 'Hindringer']);
    const barriers = themes.rows.find((r) => r.codeId === codes.barriers)!;
    const measure = await rangeOf(api, docs.inger, 'gevinstene er vanskelige å måle');
    expect(barriers.coded).toEqual(['Budsjettet er stramt'.length, 'Budsjettet er stramt'.length + measure.end - measure.start]);

    // Turns as units; excluding what nobody coded.
    const turns = await api.call('team.agreement', { coderIds: [kari, ola], unit: 'turn', codeIds: [codes.tryNew, codes.budget] });
    expect(turns.rows.map((r) => [r.units, r.percent])).toEqual([
      [inger.turns.length, 1],
      [inger.turns.length, 1],
    ]);
    const excluded = await api.call('team.agreement', { coderIds: [kari, ola], excludeUncoded: true, codeIds: [codes.tryNew] });
    expect(excluded.rows[0]).toMatchObject({ units: 29 });
    expect(excluded.rows[0]!.percent).toBeCloseTo(14 / 29, 12);

    await expect(api.call('team.agreement', { coderIds: [kari, kari] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(api.call('team.agreement', { coderIds: [kari, 'nobody'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.call('team.agreement', { coderIds: [kari, ola], codeIds: ['nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the report to XLSX, CSV and DOCX with the same figures', async () => {
    const { api, dir, kari, ola } = await twoCoders();
    const report = await api.call('team.agreement', { coderIds: [kari, ola] });
    const xlsx = await api.call('team.exportAgreement', { coderIds: [kari, ola], path: path.join(dir, 'samsvar.xlsx'), format: 'xlsx' });
    expect(xlsx.bytes).toBeGreaterThan(1000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path!);
    const sheet = workbook.getWorksheet('Agreement')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const header = values.findIndex((r) => r[0] === 'Code');
    expect(values[header]).toEqual(report.table.columns.map((c) => c.label));
    const budget = values.find((r) => r[0] === 'Stramt budsjett')!;
    expect(budget[6]).toBe(1);
    expect(budget[7]).toBe(1);
    const tryRow = values.find((r) => r[0] === 'Prøve nye ting')!;
    expect(tryRow[7]).toBeCloseTo(report.rows[0]!.kappa!, 12);

    const csv = await api.call('team.exportAgreement', { coderIds: [kari, ola], path: path.join(dir, 'samsvar.csv'), format: 'csv' });
    const text = fs.readFileSync(csv.path!, 'utf8');
    expect(text.startsWith('\uFEFF"Inter-coder agreement: Kari, Ola"\r\nCoders,"Kari, Ola"\r\n')).toBe(true);
    expect(text).toContain('Stramt budsjett,First-order concepts,Innovasjonspraksis › Hindringer,');
    expect(text).toContain(`${report.rows[0]!.kappa!.toFixed(3)},`);

    const docx = await api.call('team.exportAgreement', { coderIds: [kari, ola], path: path.join(dir, 'samsvar.docx'), format: 'docx' });
    const zip = await JSZip.loadAsync(fs.readFileSync(docx.path!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Inter-coder agreement: Kari, Ola');
    expect(xml).toContain('Stramt budsjett');
    expect(xml).toContain('100.0 %');
  });
});

describe('disagreements', () => {
  it('lists passages where coders differ with each version, and resolves them by accepting, merging or discussing, each one undoable step', async () => {
    const { api, backend, docs, codes, kari, ola } = await twoCoders();
    const list = await api.call('team.disagreements', { coderIds: [kari, ola] });
    expect(list.total).toBe(3);
    expect(list.items.map((d) => [d.text, d.codes.map((c) => c.label)])).toEqual([
      ['prøve nye ting og lære av det', ['Prøve nye ting']],
      ['Ledelsen gir oss rom til å feile', ['Rom til å feile']],
      ['gevinstene er vanskelige å måle', ['Vanskelig å måle']],
    ]);
    const first = list.items[0]!;
    expect(first.versions.map((v) => [v.coderName, v.codings.map((c) => c.quote)])).toEqual([
      ['Kari', ['prøve nye ting']],
      ['Ola', ['prøve nye ting og lære av det']],
    ]);

    // Accept Kari's version: Ola's coding is trimmed to hers.
    const before = trackedDump(backend);
    const accepted = await api.call('team.resolve', {
      documentId: first.documentId,
      start: first.start,
      end: first.end,
      coderIds: [kari, ola],
      codeIds: [codes.tryNew],
      action: { kind: 'accept', coderId: kari },
    });
    expect(accepted).toMatchObject({ updated: 1, created: 0, deleted: 0, label: 'Accept Kari’s version of “prøve nye ting og lære av det”' });
    const olaCodings = (await api.call('codings.list', { codeId: codes.tryNew })).filter((c) => c.coderId === ola);
    expect(olaCodings.map((c) => c.quote)).toEqual(['prøve nye ting']);
    expect((await api.call('team.disagreements', { coderIds: [kari, ola] })).total).toBe(2);
    expect((await api.call('history.state', {})).undoLabel).toBe(accepted.label);
    await api.call('history.undo', {});
    expect(trackedDump(backend)).toEqual(before);

    // Merge both versions of "Rom til å feile": Ola gets Kari's coding too.
    const room = list.items[1]!;
    const merged = await api.call('team.resolve', { documentId: docs.inger, start: room.start, end: room.end, coderIds: [kari, ola], codeIds: [codes.room], action: { kind: 'merge' } });
    expect(merged).toMatchObject({ created: 1 });
    const roomCodings = await api.call('codings.list', { codeId: codes.room });
    expect(roomCodings.map((c) => [c.coderId, c.quote, c.memo])).toEqual(
      expect.arrayContaining([[ola, 'Ledelsen gir oss rom til å feile', 'Merged from the other coders’ versions']]),
    );

    // Discuss the third: a memo and an open discussion, shown in the list; codings unchanged.
    const measure = list.items[2]!;
    const discussed = await api.call('team.resolve', {
      documentId: docs.inger,
      start: measure.start,
      end: measure.end,
      coderIds: [kari, ola],
      codeIds: [codes.measure],
      action: { kind: 'discuss', note: 'Er «måle» en hindring eller et tema for seg? 🤔' },
    });
    expect(discussed.discussion).toMatchObject({ status: 'open' });
    const memo = backend.project().db.prepare('SELECT title, body FROM memos WHERE id = ?').get(discussed.discussion!.memoId) as { title: string; body: string };
    expect(memo.title).toBe('Discussion: “gevinstene er vanskelige å måle” (intervju-inger)');
    expect(memo.body).toContain('Kari: nothing');
    expect(memo.body).toContain('Ola: “Vanskelig å måle”');
    expect(memo.body).toContain('🤔');
    const now = await api.call('team.disagreements', { coderIds: [kari, ola] });
    expect(now.items.find((d) => d.start === measure.start)?.discussion).toMatchObject({ status: 'open', memoId: discussed.discussion!.memoId });
    // Accepting Ola's version closes the discussion.
    await api.call('team.resolve', { documentId: docs.inger, start: measure.start, end: measure.end, coderIds: [kari, ola], codeIds: [codes.measure], action: { kind: 'accept', coderId: ola } });
    // Left: the first one, whose acceptance was undone.
    expect((await api.call('team.disagreements', { coderIds: [kari, ola] })).items.map((d) => d.text)).toEqual(['prøve nye ting og lære av det']);
    const status = await api.call('team.status', {});
    expect(status.log.filter((e) => e.kind === 'resolve').map((e) => e.state)).toEqual(['done', 'done', 'done', 'undone']);

    await expect(
      api.call('team.resolve', { documentId: docs.inger, start: 5, end: 2, coderIds: [kari, ola], codeIds: [codes.room], action: { kind: 'merge' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const lead = (await api.call('team.coders', {})).find((c) => c.name === 'Lead')!.id;
    await expect(
      api.call('team.resolve', { documentId: docs.inger, start: 0, end: 5, coderIds: [kari, ola], codeIds: [codes.room], action: { kind: 'accept', coderId: lead } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
