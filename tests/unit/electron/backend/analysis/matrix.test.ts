import { describe, expect, it } from 'vitest';
import type { MatrixResult } from '../../../../../shared/api/methods/analysis';
import type { ArgsOf } from '../../../../../shared/api/contract';
import { peopleProject, type PeopleProject } from '../../../../support/peopleProject';

// Every measure on the purpose-built project of tests/support/peopleProject.ts, whose codings are
// listed there by letter. Expected figures are derived from that list by hand (see the comments).

type Args = ArgsOf<'analysis.matrix'>;

async function matrix(p: PeopleProject, args: Args): Promise<MatrixResult> {
  return p.api.call('analysis.matrix', args);
}

/** The cells as { rowLabel: [..] } for readable expectations. */
function byRow(m: MatrixResult): Record<string, number[]> {
  return Object.fromEntries(m.rows.map((r, i) => [r.label, [...m.cells[i]!]]));
}

function totals(m: MatrixResult): Record<string, number> {
  return Object.fromEntries(m.rows.map((r, i) => [r.label, m.rowTotals[i]!]));
}

const len = (p: PeopleProject, ...letters: string[]) => letters.reduce((sum, l) => sum + p.passages[l]!.length, 0);

describe('analysis.matrix on a project with known figures', () => {
  it('lays rows out as the Gioia tree and columns as the informants (never the interviewer, never unused interviews)', async () => {
    const p = await peopleProject();
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'codings' });
    expect(m.rows.map((r) => [r.label, r.level, r.depth])).toEqual([
      ['D1', 'dimension', 0],
      ['T1', 'theme', 1],
      ['C1', 'concept', 2],
      ['C2', 'concept', 2],
      ['T2', 'theme', 1],
      ['C3', 'concept', 2],
      ['C5', 'concept', 2],
      ['D2', 'dimension', 0],
      ['T3', 'theme', 1],
      ['C4', 'concept', 2],
      ['T4', 'theme', 1],
      ['C6', 'concept', 2],
    ]);
    expect(m.rows.find((r) => r.label === 'C1')!.parentId).toBe(p.codes.T1);
    // Kari (interviewer) is no column; Ola is, through his analysed interview (doc 3).
    expect(m.cols.map((c) => c.label)).toEqual(['Inger', 'Kjell', 'Sara', 'Ola']);
    expect(m.informants).toBe(4);
  });

  it('codings: a coding across two turns counts for both speakers; rows aggregate their codes; the interviewer counts for no one', async () => {
    const p = await peopleProject();
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'codings' });
    //                Inger        Kjell  Sara       Ola
    expect(byRow(m)).toEqual({
      D1: [3 /*a b c*/, 1 /*c*/, 3 /*f g h*/, 0],
      T1: [3 /*a b c*/, 1 /*c*/, 2 /*f h*/, 0],
      C1: [2 /*a c*/, 1 /*c*/, 1 /*f*/, 0],
      C2: [1 /*b*/, 0, 1 /*h*/, 0],
      T2: [0, 0, 1 /*g; d is the interviewer's*/, 0],
      C3: [0, 0, 1, 0],
      C5: [0, 0, 0, 0],
      D2: [1 /*e*/, 0, 0, 1 /*i*/],
      T3: [1, 0, 0, 1],
      C4: [1, 0, 0, 1],
      T4: [0, 0, 0, 0],
      C6: [0, 0, 0, 0],
    });
    // Row totals count every coding of the row once, including those nobody speaks (d, j, l).
    expect(totals(m)).toEqual({ D1: 8, T1: 6, C1: 4, C2: 2, T2: 2, C3: 2, C5: 0, D2: 3, T3: 2, C4: 2, T4: 1, C6: 1 });
    expect(m.colTotals).toEqual([4 /*a b c e*/, 1, 3, 1]);
    expect(m.total).toBe(11); // a–j and l; k is in a document left out of the analysis
    expect(m.max).toBe(3);
  });

  it('informants: a theme counts distinct informants over all its concepts, never their sum', async () => {
    const p = await peopleProject();
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'informants' });
    expect(byRow(m).T1).toEqual([1, 1, 1, 0]);
    const t = totals(m);
    // C1 has Inger, Kjell, Sara; C2 has Inger, Sara: T1 has 3 (not 5), and so has D1.
    expect([t.C1, t.C2, t.T1, t.D1]).toEqual([3, 2, 3, 3]);
    // Sara spoke in two interviews and counts once.
    expect([t.C3, t.T2, t.C4, t.D2, t.T4]).toEqual([1, 1, 2, 2, 0]);
    const concepts = await matrix(p, { rows: 'themes', columns: { kind: 'informants' }, measure: 'informants' });
    expect(concepts.rows.map((r) => [r.label, r.depth, r.parentId])).toEqual([
      ['T1', 0, null],
      ['T2', 0, null],
      ['T3', 0, null],
      ['T4', 0, null],
    ]);
  });

  it('cases: a parent case includes its sub-cases; codings nobody speaks count for their document’s case', async () => {
    const p = await peopleProject();
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'cases' }, measure: 'codings' });
    expect(m.cols.map((c) => [c.label, c.depth, c.informants])).toEqual([
      ['Bærum (A)', 0, 2],
      ['Helse', 1, 1],
      ['Asker (B)', 0, 2],
    ]);
    expect(m.cols[1]!.parentId).toBe(p.cases.baerum);
    expect(byRow(m)).toMatchObject({
      D1: [5 /*a b c d j*/, 3 /*a b c: Inger is in Helse*/, 3 /*f g h*/],
      T1: [4 /*a b c j*/, 3, 2 /*f h*/],
      C1: [3 /*a c j*/, 2 /*a c*/, 1 /*f*/],
      T2: [1 /*d, in Bærum's interview*/, 0, 1 /*g*/],
      D2: [2 /*e l*/, 1 /*e*/, 1 /*i*/],
      T4: [1 /*l*/, 0, 0],
    });
    const informants = await matrix(p, { rows: 'tree', columns: { kind: 'cases' }, measure: 'informants' });
    expect(byRow(informants)).toMatchObject({ T1: [2, 1, 1], T2: [0, 0, 1], D2: [1, 1, 1] });
    const percent = await matrix(p, { rows: 'tree', columns: { kind: 'cases' }, measure: 'percent' });
    expect(byRow(percent)).toMatchObject({ T1: [100, 100, 50], T2: [0, 0, 50], D2: [50, 100, 50] });
    expect(totals(percent)).toMatchObject({ T1: 75, C2: 50, T2: 25 });
  });

  it('a "No case" column collects informants and codings without any case', async () => {
    const p = await peopleProject();
    await p.api.call('informants.update', { id: p.people.ola, caseId: null });
    await p.api.call('documents.update', { id: p.docs[2]!, caseId: null });
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'cases' }, measure: 'codings' });
    expect(m.cols.map((c) => [c.id, c.label, c.informants])).toEqual([
      [p.cases.baerum, 'Bærum (A)', 2],
      [p.cases.helse, 'Helse', 1],
      [p.cases.asker, 'Asker (B)', 1 /* Sara still has her own case */],
      [null, 'No case', 1 /* Ola */],
    ]);
    expect(byRow(m).C4).toEqual([1, 1, 0, 1 /*i*/]);
  });

  it('attribute values as columns, with "(no value)" for informants without one', async () => {
    const p = await peopleProject();
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'attribute', name: 'role' }, measure: 'codings' });
    expect(m.cols.map((c) => [c.id, c.label, c.informants])).toEqual([
      ['leader', 'leader', 2],
      ['politician', 'politician', 1],
      [null, '(no value)', 1],
    ]);
    expect(byRow(m)).toMatchObject({ T1: [5 /*a b c f h*/, 1 /*c*/, 0], D2: [1 /*e*/, 0, 1 /*i*/], T4: [0, 0, 0] });
    const percent = await matrix(p, { rows: 'tree', columns: { kind: 'attribute', name: 'Role', scope: 'informant' }, measure: 'percent' });
    expect(byRow(percent)).toMatchObject({ T1: [100, 100, 0], C4: [50, 0, 100] });
    const age = await matrix(p, { rows: 'themes', columns: { kind: 'attribute', name: 'Age' }, measure: 'informants' });
    // Numbers sort numerically: 45 (Sara), 52 (Inger), 61 (Kjell), then Ola without an age.
    expect(age.cols.map((c) => c.label)).toEqual(['45', '52', '61', '(no value)']);
  });

  it('a case attribute: sub-cases inherit their parent’s value', async () => {
    const p = await peopleProject();
    const size = await p.api.call('attributes.create', { scope: 'case', name: 'Size', type: 'choice', choices: ['large', 'small'] });
    await p.api.call('attributes.setValues', {
      scope: 'case',
      cells: [
        { ownerId: p.cases.baerum, key: `attr:${size.id}`, value: 'large' },
        { ownerId: p.cases.asker, key: `attr:${size.id}`, value: 'Small' },
      ],
    });
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'attribute', name: 'Size' }, measure: 'codings' });
    expect(m.cols.map((c) => [c.label, c.informants])).toEqual([
      ['large', 2],
      ['small', 2],
    ]);
    expect(byRow(m)).toMatchObject({ D1: [5, 3], D2: [2, 1] });
  });

  it('documents as columns (only those used in the analysis)', async () => {
    const p = await peopleProject();
    const m = await matrix(p, { rows: 'concepts', columns: { kind: 'documents' }, measure: 'codings' });
    expect(m.cols.map((c) => [c.label, c.informants])).toEqual([
      ['Intervju Bærum', 2],
      ['Intervju Sara', 1],
      ['Intervju Asker', 2],
      ['Strategi', 0],
    ]);
    expect(byRow(m)).toMatchObject({ C1: [2, 1, 0, 1], C2: [1, 0, 1, 0], C6: [0, 0, 0, 1] });
  });

  it('presence, passages and characters: overlapping codings of one theme count once', async () => {
    const p = await peopleProject();
    const presence = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'presence' });
    expect(byRow(presence)).toMatchObject({ T1: [1, 1, 1, 0], T2: [0, 0, 1, 0], C5: [0, 0, 0, 0] });
    const passages = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'passages' });
    // a and b are the same passage coded with C1 and C2: one passage for T1, two codings.
    expect(byRow(passages)).toMatchObject({ C1: [2, 1, 1, 0], C2: [1, 0, 1, 0], T1: [2 /*a∪b, c*/, 1, 2, 0] });
    expect(totals(passages).T1).toBe(5); // a∪b, c, f, h, j
    const chars = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'chars' });
    // b contains a, so T1 covers b and c for Inger; c counts whole for Kjell too.
    expect(byRow(chars)).toMatchObject({
      C1: [len(p, 'a', 'c'), len(p, 'c'), len(p, 'f'), 0],
      T1: [len(p, 'b', 'c'), len(p, 'c'), len(p, 'f', 'h'), 0],
    });
    expect(totals(chars).T1).toBe(len(p, 'b', 'c', 'f', 'h', 'j'));
    expect(len(p, 'b')).toBe('prøve nye ting '.length + 2); // the emoji is two UTF-16 units
  });

  it('counts only chosen coders’ codings when asked', async () => {
    const p = await peopleProject();
    const everyone = await matrix(p, { rows: 'concepts', columns: { kind: 'cases' }, measure: 'codings' });
    const tester = await matrix(p, { rows: 'concepts', columns: { kind: 'cases' }, measure: 'codings', coderIds: [p.coders.tester] });
    expect(totals(everyone).C1).toBe(4);
    expect(totals(tester).C1).toBe(3); // j was coded by Per
    await expect(matrix(p, { rows: 'concepts', columns: { kind: 'cases' }, measure: 'codings', coderIds: ['nobody'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('drills down to the codings of a cell, of a row, and of the "(no value)" column', async () => {
    const p = await peopleProject();
    const cell = await p.api.call('analysis.matrixCell', { rows: 'tree', columns: { kind: 'cases' }, rowId: p.codes.T1, colId: p.cases.baerum });
    expect(cell.map((s) => s.coding.id)).toEqual([p.codings.a, p.codings.b, p.codings.c, p.codings.j]);
    expect(cell.map((s) => s.coding.quote)).toEqual([p.passages.a, p.passages.b, p.passages.c, p.passages.j]);
    expect(cell[2]!.informants.map((i) => i.label)).toEqual(['Inger', 'Kjell']);
    expect(cell[2]!.cases).toEqual(['Helse', 'Bærum (A)']);
    expect(cell[3]!).toMatchObject({ informants: [], cases: ['Bærum (A)'], documentTitle: 'Strategi', coderName: 'Per', codeLabel: 'C1' });
    expect(cell[0]!.after.startsWith(' 🙂 hver dag.')).toBe(true);
    const row = await p.api.call('analysis.matrixCell', { rows: 'tree', columns: { kind: 'cases' }, rowId: p.codes.T2 });
    expect(row.map((s) => s.coding.id)).toEqual([p.codings.d, p.codings.g]);
    const none = await p.api.call('analysis.matrixCell', { rows: 'themes', columns: { kind: 'attribute', name: 'Role' }, rowId: p.codes.T3, colId: null });
    expect(none.map((s) => s.coding.id)).toEqual([p.codings.i]);
    await expect(p.api.call('analysis.matrixCell', { rows: 'themes', columns: { kind: 'cases' }, rowId: p.codes.C1, colId: p.cases.asker })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('warns about codings on codes outside the three levels, and names the attribute it cannot find', async () => {
    const p = await peopleProject();
    const loose = await p.api.call('codes.create', { label: 'Unplaced', level: null });
    await p.api.call('codings.create', { documentId: p.docs[0]!, start: 0, end: 3, code: { id: loose.id } });
    const m = await matrix(p, { rows: 'tree', columns: { kind: 'informants' }, measure: 'codings' });
    expect(m.warnings).toEqual(['1 coding is on codes not placed as concept, theme or dimension; no row counts it']);
    expect(m.total).toBe(11);
    await expect(matrix(p, { rows: 'tree', columns: { kind: 'attribute', name: 'Alder' }, measure: 'codings' })).rejects.toThrow(/no attribute named “Alder”.*“Role”, “Age”/);
    await p.api.call('attributes.create', { scope: 'case', name: 'role', type: 'text' });
    await expect(matrix(p, { rows: 'tree', columns: { kind: 'attribute', name: 'Role' }, measure: 'codings' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
