import { describe, expect, it } from 'vitest';
import { peopleProject } from '../../../../support/peopleProject';

// Grounding, group comparison and co-occurrence on the project of tests/support/peopleProject.ts.

describe('analysis.grounding', () => {
  it('names the informants and top-level cases behind every code, flags thin support, and says it in a sentence', async () => {
    const p = await peopleProject();
    const g = await p.api.call('analysis.grounding', {});
    expect(g.informants).toBe(4);
    expect(g.cases.map((c) => c.label)).toEqual(['Bærum (A)', 'Asker (B)']);
    const entry = (label: string) => g.entries.find((e) => e.label === label)!;
    expect(entry('T1')).toMatchObject({
      codings: 6,
      informants: [{ label: 'Inger' }, { label: 'Kjell' }, { label: 'Sara' }],
      cases: [{ label: 'Bærum (A)' }, { label: 'Asker (B)' }],
      documents: 4,
      share: 0.75,
      flags: [],
      text: 'raised by 3 of 4 informants, both cases',
    });
    // T2: Sara, plus the interviewer's question in Bærum's interview (a coding, but no informant).
    expect(entry('T2')).toMatchObject({ codings: 2, informants: [{ label: 'Sara' }], flags: ['singleInformant'], text: 'raised by 1 of 4 informants, both cases' });
    expect(entry('C5')).toMatchObject({ codings: 0, flags: ['noCodings'], text: 'not coded yet' });
    expect(entry('T4')).toMatchObject({ codings: 1, informants: [], flags: ['noInformant', 'singleCase'], text: 'only in documents (1 coding), only in Bærum (A)' });
    expect(entry('C2').text).toBe('raised by 2 of 4 informants, both cases');
    expect(g.entries.map((e) => e.label)).toEqual(['D1', 'T1', 'C1', 'C2', 'T2', 'C3', 'C5', 'D2', 'T3', 'C4', 'T4', 'C6']);
    const nb = await p.api.call('analysis.grounding', { locale: 'nb' });
    expect(nb.entries.find((e) => e.label === 'T1')!.text).toBe('nevnt av 3 av 4 informanter, begge casene');
    expect(nb.entries.find((e) => e.label === 'T4')!.text).toBe('bare i dokumenter (1 koding), bare i Bærum (A)');
  });

  it('flags a theme resting on a single case', async () => {
    const p = await peopleProject();
    // Take away T1's codings in Asker (f, h): T1 rests on Bærum alone, while Asker still has material.
    await p.api.call('codings.delete', { id: p.codings.f! });
    await p.api.call('codings.delete', { id: p.codings.h! });
    const g = await p.api.call('analysis.grounding', {});
    expect(g.cases.map((c) => c.label)).toEqual(['Bærum (A)', 'Asker (B)']);
    const t1 = g.entries.find((e) => e.label === 'T1')!;
    expect(t1.flags).toEqual(['singleCase']);
    expect(t1.text).toBe('raised by 2 of 4 informants, only in Bærum (A)');
    // With one case in the analysis there is nothing to compare, so nothing is flagged.
    await p.api.call('documents.update', { id: p.docs[1]!, usedInAnalysis: false });
    await p.api.call('documents.update', { id: p.docs[2]!, usedInAnalysis: false });
    const one = await p.api.call('analysis.grounding', {});
    expect(one.informants).toBe(2);
    expect(one.cases.map((c) => c.label)).toEqual(['Bærum (A)']);
    expect(one.entries.find((e) => e.label === 'T1')).toMatchObject({ flags: [], text: 'raised by 2 of 2 informants' });
  });
});

describe('analysis.compare', () => {
  it('compares two cases: only in A, only in B, both, with each group’s share of its informants', async () => {
    const p = await peopleProject();
    const c = await p.api.call('analysis.compare', { a: { kind: 'case', caseId: p.cases.baerum }, b: { kind: 'case', caseId: p.cases.asker }, rows: 'themes' });
    expect(c.groups).toEqual([
      { label: 'Bærum (A)', informants: 2 },
      { label: 'Asker (B)', informants: 2 },
    ]);
    expect(c.sharedInformants).toBe(0);
    expect(c.rows.map((r) => [r.label, r.presence, r.a, r.b, r.difference])).toEqual([
      ['T1', 'both', { codings: 4, informants: 2, share: 1 }, { codings: 2, informants: 1, share: 0.5 }, 50],
      ['T2', 'both', { codings: 1, informants: 0, share: 0 }, { codings: 1, informants: 1, share: 0.5 }, -50],
      ['T3', 'both', { codings: 1, informants: 1, share: 0.5 }, { codings: 1, informants: 1, share: 0.5 }, 0],
      ['T4', 'onlyA', { codings: 1, informants: 0, share: 0 }, { codings: 0, informants: 0, share: 0 }, 0],
    ]);
    expect(c.counts).toEqual({ onlyA: 1, onlyB: 0, both: 3, neither: 0 });
  });

  it('compares leaders with politicians (an attribute) and hand-picked informants', async () => {
    const p = await peopleProject();
    const roles = await p.api.call('analysis.compare', {
      a: { kind: 'attribute', name: 'Role', value: 'leader' },
      b: { kind: 'attribute', name: 'Role', value: 'politician', label: 'Politikere' },
      rows: 'themes',
    });
    expect(roles.groups).toEqual([
      { label: 'Role: leader', informants: 2 },
      { label: 'Politikere', informants: 1 },
    ]);
    expect(roles.rows.map((r) => [r.label, r.presence])).toEqual([
      ['T1', 'both'],
      ['T2', 'onlyA'],
      ['T3', 'onlyA'],
      ['T4', 'neither'],
    ]);
    const picked = await p.api.call('analysis.compare', { a: { kind: 'informants', informantIds: [p.people.inger, p.people.sara] }, b: { kind: 'informants', informantIds: [p.people.sara, p.people.ola] } });
    expect(picked.groups.map((g) => g.label)).toEqual(['Inger, Sara', 'Sara, Ola']);
    expect(picked.sharedInformants).toBe(1);
    expect(picked.rows.find((r) => r.label === 'C4')).toMatchObject({ presence: 'both', a: { informants: 1 }, b: { informants: 1 } });
    expect(picked.rows.find((r) => r.label === 'C3')).toMatchObject({ presence: 'both', a: { codings: 1 }, b: { codings: 1 } });
    const segments = await p.api.call('analysis.groupSegments', { group: { kind: 'case', caseId: p.cases.asker }, rowId: p.codes.T1 });
    expect(segments.map((s) => s.coding.id)).toEqual([p.codings.f, p.codings.h]);
    await expect(p.api.call('analysis.compare', { a: { kind: 'case', caseId: 'nope' }, b: { kind: 'case', caseId: p.cases.asker } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      p.api.call('analysis.compare', { a: { kind: 'attribute', name: 'Role', value: 'mayor' }, b: { kind: 'case', caseId: p.cases.asker } }),
    ).rejects.toThrow(/not a choice/);
  });
});

describe('analysis.cooccurrence', () => {
  it('counts pairs of codings on the same passage, or in the same turn, with drill-down', async () => {
    const p = await peopleProject();
    const passage = await p.api.call('analysis.cooccurrence', {});
    const index = (label: string) => passage.codes.findIndex((c) => c.label === label);
    expect(passage.codes.map((c) => c.label)).toEqual(['C1', 'C2', 'C3', 'C5', 'C4', 'C6']);
    // a (C1) and b (C2) overlap; nothing else does.
    expect(passage.cells[index('C1')]![index('C2')]).toBe(1);
    expect(passage.cells[index('C2')]![index('C1')]).toBe(1);
    expect(passage.cells[index('C1')]![index('C1')]).toBe(4);
    expect(passage.max).toBe(1);
    const offDiagonal = passage.cells.flatMap((row, x) => row.filter((_, y) => x !== y)).reduce((a, b) => a + b, 0);
    expect(offDiagonal).toBe(2);
    const turn = await p.api.call('analysis.cooccurrence', { mode: 'turn' });
    // Inger's first turn holds a, b and the start of c: C1–C2 pairs (a,b) and (c,b); (a,c) are both C1.
    // Sara's turn in doc 2 holds f (C1) and g (C3).
    expect(turn.cells[index('C1')]![index('C2')]).toBe(2);
    expect(turn.cells[index('C1')]![index('C3')]).toBe(1);
    expect(turn.cells[index('C2')]![index('C4')]).toBe(0);
    const pairs = await p.api.call('analysis.cooccurrenceCell', { mode: 'turn', aId: p.codes.C1, bId: p.codes.C2 });
    expect(pairs.map((x) => [x.a.coding.id, x.b.coding.id])).toEqual([
      [p.codings.a, p.codings.b],
      [p.codings.c, p.codings.b],
    ]);
    expect(pairs[0]!.overlap).toEqual({ start: pairs[0]!.a.coding.start, end: pairs[0]!.a.coding.end });
    expect(pairs[1]!.overlap).toBeNull();
    const themes = await p.api.call('analysis.cooccurrence', { level: 'theme', mode: 'turn' });
    const t = (label: string) => themes.codes.findIndex((c) => c.label === label);
    // At theme level C1–C2 pairs are inside T1 and do not count; f–g is T1–T2.
    expect(themes.cells[t('T1')]![t('T2')]).toBe(1);
    expect(themes.cells[t('T1')]![t('T1')]).toBe(6);
    await expect(p.api.call('analysis.cooccurrenceCell', { aId: p.codes.T1, bId: p.codes.C2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
