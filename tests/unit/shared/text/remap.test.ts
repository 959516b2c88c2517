import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCharBoundary } from '../../../../shared/text/offsets';
import {
  applyEdits,
  EditMap,
  editsProblem,
  nextStatus,
  remapAdjacent,
  remapRange,
  remapTurns,
  sortEdits,
  type TextEdit,
} from '../../../../shared/text/remap';

const TEXT = 'Vi prøver å dele erfaringer 👍 på tvers.';

function remap(text: string, edits: TextEdit[], range: { start: number; end: number }) {
  expect(editsProblem(text, edits)).toBeNull();
  const sorted = sortEdits(edits);
  const newText = applyEdits(text, sorted);
  const r = remapRange(new EditMap(sorted), text, newText, range);
  return { ...r, newText, quote: newText.slice(r.start, r.end) };
}

describe('edits', () => {
  it('applies edits given in any order', () => {
    expect(applyEdits('abcdef', sortEdits([{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'AA' }, { start: 2, end: 2, text: '-' }]))).toBe('AAb-cdEf');
  });

  it('refuses overlapping, out-of-range, surrogate-splitting and ambiguous edits with a specific reason', () => {
    expect(editsProblem('abcdef', [{ start: 1, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toMatch(/overlap/);
    expect(editsProblem('abc', [{ start: 1, end: 9, text: '' }])).toMatch(/past the end/);
    expect(editsProblem('abc', [{ start: 2, end: 1, text: '' }])).toMatch(/end is before start/);
    expect(editsProblem('a👍b', [{ start: 2, end: 2, text: 'x' }])).toMatch(/splits a character/);
    expect(editsProblem('ab', [{ start: 1, end: 1, text: '\ud83d' }])).toMatch(/lone surrogate/);
    expect(editsProblem('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toMatch(/combine them/);
    // Touching edits and an insertion before a replacement at the same offset are fine.
    expect(editsProblem('abcdef', [{ start: 1, end: 3, text: 'X' }, { start: 3, end: 4, text: 'Y' }, { start: 1, end: 1, text: '>' }])).toBeNull();
  });
});

describe('remapRange', () => {
  const coded = { start: TEXT.indexOf('dele'), end: TEXT.indexOf(' på') };

  it('moves a coding when text is inserted or deleted before it, and leaves it when the edit is after', () => {
    expect(remap(TEXT, [{ start: 0, end: 0, text: 'Ja, ' }], coded)).toMatchObject({ change: 'moved', quote: 'dele erfaringer 👍' });
    expect(remap(TEXT, [{ start: 3, end: 10, text: '' }], coded)).toMatchObject({ change: 'moved', quote: 'dele erfaringer 👍' });
    expect(remap(TEXT, [{ start: TEXT.length - 1, end: TEXT.length, text: '!' }], coded)).toMatchObject({ change: 'unchanged', ...coded });
  });

  it('keeps text inserted exactly at its start or end outside it', () => {
    expect(remap(TEXT, [{ start: coded.start, end: coded.start, text: 'å ' }], coded)).toMatchObject({ change: 'moved', quote: 'dele erfaringer 👍' });
    expect(remap(TEXT, [{ start: coded.end, end: coded.end, text: ' 🙂' }], coded)).toMatchObject({ change: 'unchanged', quote: 'dele erfaringer 👍' });
  });

  it('flags a coding whose own text changed, keeping the new words inside it', () => {
    const inside = TEXT.indexOf('erfaringer');
    expect(remap(TEXT, [{ start: inside, end: inside + 'erfaringer'.length, text: 'kunnskap' }], coded)).toMatchObject({ change: 'changed', quote: 'dele kunnskap 👍' });
    expect(remap(TEXT, [{ start: inside, end: inside, text: 'gode ' }], coded)).toMatchObject({ change: 'changed', quote: 'dele gode erfaringer 👍' });
    // Replacing exactly the coded words: the coding covers the replacement (pseudonymisation).
    expect(remap(TEXT, [{ start: coded.start, end: coded.end, text: 'noe' }], coded)).toMatchObject({ change: 'changed', quote: 'noe' });
  });

  it('trims a coding when an edit cuts into one side of it', () => {
    const left = remap(TEXT, [{ start: coded.start - 2, end: coded.start + 5, text: '' }], coded);
    expect(left).toMatchObject({ change: 'changed', quote: 'erfaringer 👍' });
    const right = remap(TEXT, [{ start: TEXT.indexOf('👍'), end: TEXT.length, text: '.' }], coded);
    expect(right).toMatchObject({ change: 'changed', quote: 'dele erfaringer .' });
  });

  it('orphans a coding whose text was deleted entirely, at the deletion point', () => {
    const r = remap(TEXT, [{ start: coded.start - 1, end: coded.end + 3, text: '' }], coded);
    expect(r).toMatchObject({ change: 'orphaned', start: coded.start - 1, end: coded.start - 1 });
    // An orphaned coding (empty range) moves with the text as a point.
    const sorted = sortEdits([{ start: 0, end: 0, text: 'Ja, ' }]);
    expect(remapRange(new EditMap(sorted), r.newText, applyEdits(r.newText, sorted), { start: r.start, end: r.end })).toMatchObject({ change: 'moved', start: r.start + 4, end: r.start + 4 });
  });

  it('treats an edit that writes the same text as no change', () => {
    expect(remap(TEXT, [{ start: coded.start, end: coded.start + 4, text: 'dele' }], coded)).toMatchObject({ change: 'unchanged' });
  });

  it('derives review status: changed stays changed, orphaned stays orphaned', () => {
    expect(nextStatus('ok', 'moved')).toBe('ok');
    expect(nextStatus('ok', 'changed')).toBe('changed');
    expect(nextStatus('changed', 'moved')).toBe('changed');
    expect(nextStatus('changed', 'orphaned')).toBe('orphaned');
    expect(nextStatus('orphaned', 'unchanged')).toBe('orphaned');
  });
});

// A reference model: every unit of the new text knows where it came from (an old unit, or an edit).
type Origin = { old: number } | { edit: number };
function origins(text: string, edits: readonly TextEdit[]): Origin[] {
  const out: Origin[] = [];
  let cursor = 0;
  edits.forEach((e, i) => {
    for (let k = cursor; k < e.start; k += 1) out.push({ old: k });
    for (let k = 0; k < e.text.length; k += 1) out.push({ edit: i });
    cursor = e.end;
  });
  for (let k = cursor; k < text.length; k += 1) out.push({ old: k });
  return out;
}

const unit = fc.constantFrom('a', 'b', ' ', 'æ', 'ø', '\n', '👍', 'é');
const textArb = fc.array(unit, { minLength: 1, maxLength: 30 }).map((u) => u.join(''));

/** Random valid edits on character boundaries of `text`. */
function editsFor(text: string): fc.Arbitrary<TextEdit[]> {
  const boundaries: number[] = [];
  for (let i = 0; i <= text.length; i += 1) if (isCharBoundary(text, i)) boundaries.push(i);
  return fc
    .array(fc.tuple(fc.nat(boundaries.length - 1), fc.nat(3), fc.array(unit, { maxLength: 4 }).map((u) => u.join(''))), { maxLength: 5 })
    .map((raw) => {
      const edits: TextEdit[] = [];
      for (const [at, span, newText] of raw.sort((a, b) => a[0] - b[0])) {
        const start = boundaries[at]!;
        const end = boundaries[Math.min(boundaries.length - 1, at + span)]!;
        const last = edits[edits.length - 1];
        if (last && (start < last.end || (start === last.start && start === end && last.start === last.end))) continue;
        edits.push({ start, end, text: newText });
      }
      return edits;
    });
}

function rangeFor(text: string): fc.Arbitrary<{ start: number; end: number }> {
  const boundaries: number[] = [];
  for (let i = 0; i <= text.length; i += 1) if (isCharBoundary(text, i)) boundaries.push(i);
  return fc.tuple(fc.nat(boundaries.length - 2), fc.integer({ min: 1, max: 8 })).map(([a, len]) => ({
    start: boundaries[a]!,
    end: boundaries[Math.min(boundaries.length - 1, a + len)]!,
  }));
}

describe('remapRange against a reference model (property)', () => {
  it('covers exactly its surviving text plus the text that replaced parts of it', () => {
    const scenario = textArb.chain((text) => fc.tuple(fc.constant(text), editsFor(text), fc.array(rangeFor(text), { minLength: 1, maxLength: 6 })));
    fc.assert(
      fc.property(scenario, ([text, raw, ranges]) => {
        expect(editsProblem(text, raw)).toBeNull();
        const edits = sortEdits(raw);
        const newText = applyEdits(text, edits);
        const origin = origins(text, edits);
        expect(origin.length).toBe(newText.length);
        const map = new EditMap(edits);
        for (const range of ranges) {
          const r = remapRange(map, text, newText, range);
          const touching = new Set(edits.flatMap((e, i) => (e.start < range.end && e.end > range.start ? [i] : [])));
          const members = origin.flatMap((o, u) => (('old' in o ? o.old >= range.start && o.old < range.end : touching.has(o.edit)) ? [u] : []));
          if (members.length === 0) {
            const before = origin.filter((o) => ('old' in o ? o.old < range.start : edits[o.edit]!.end <= range.start)).length;
            expect(r).toEqual({ start: before, end: before, change: 'orphaned' });
          } else {
            expect(r.start).toBe(members[0]);
            expect(r.end).toBe(members[members.length - 1]! + 1);
            expect(members.length).toBe(r.end - r.start);
            const same = newText.slice(r.start, r.end) === text.slice(range.start, range.end);
            expect(r.change).toBe(!same ? 'changed' : r.start === range.start && r.end === range.end ? 'unchanged' : 'moved');
            expect(isCharBoundary(newText, r.start) && isCharBoundary(newText, r.end)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('remapTurns', () => {
  const text = 'Hva er innovasjon?\nFor meg er det nyskapning.\nOg i Bærum?\nDer deler vi.';
  const turns = [
    { id: 'q1', start: 0, end: 18 },
    { id: 'a1', start: 19, end: 45 },
    { id: 'q2', start: 46, end: 57 },
    { id: 'a2', start: 58, end: 71 },
  ];
  function run(edits: TextEdit[]) {
    const sorted = sortEdits(edits);
    const newText = applyEdits(text, sorted);
    return { newText, ...remapTurns(new EditMap(sorted), newText, turns) };
  }

  it('lets a turn end follow edits inside it and keeps every turn on whole paragraphs', () => {
    const at = text.indexOf('nyskapning');
    const r = run([{ start: at, end: at, text: 'ren ' }, { start: 0, end: 0, text: 'Så: ' }]);
    expect(r.removed).toEqual([]);
    expect(r.turns.map((t) => r.newText.slice(t.start, t.end))).toEqual(['Så: Hva er innovasjon?', 'For meg er det ren nyskapning.', 'Og i Bærum?', 'Der deler vi.']);
  });

  it('includes text typed at a turn’s very start or end', () => {
    const r = run([{ start: 18, end: 18, text: ' Hm.' }, { start: 19, end: 19, text: 'Vel. ' }]);
    expect(r.turns.map((t) => r.newText.slice(t.start, t.end)).slice(0, 2)).toEqual(['Hva er innovasjon? Hm.', 'Vel. For meg er det nyskapning.']);
  });

  it('gives a merged paragraph to the earlier turn and drops a turn left with nothing', () => {
    // Remove the line break between q2 and a2: a2's only paragraph now starts in q2.
    const r = run([{ start: 57, end: 58, text: ' ' }]);
    expect(r.removed).toEqual(['a2']);
    expect(r.turns.map((t) => [t.id, r.newText.slice(t.start, t.end)])).toEqual([
      ['q1', 'Hva er innovasjon?'],
      ['a1', 'For meg er det nyskapning.'],
      ['q2', 'Og i Bærum? Der deler vi.'],
    ]);
  });

  it('removes a turn whose text was deleted, keeping the others', () => {
    const r = run([{ start: 46, end: 57, text: '' }]);
    expect(r.removed).toEqual(['q2']);
    expect(r.turns.map((t) => r.newText.slice(t.start, t.end))).toEqual(['Hva er innovasjon?', 'For meg er det nyskapning.', 'Der deler vi.']);
  });

  it('always returns sorted, disjoint turns over whole non-blank paragraphs (property)', () => {
    const lines = fc.array(fc.array(fc.constantFrom('a', 'b', ' ', 'ø', '👍'), { minLength: 1, maxLength: 6 }).map((u) => u.join('')), { minLength: 1, maxLength: 6 });
    const scenario = lines.chain((ls) => {
      const t = ls.join('\n');
      return fc.tuple(fc.constant(ls), editsFor(t));
    });
    fc.assert(
      fc.property(scenario, ([ls, raw]) => {
        const t = ls.join('\n');
        let at = 0;
        const spans = ls.map((l, i) => {
          const span = { id: `t${i}`, start: at, end: at + l.length };
          at += l.length + 1;
          return span;
        });
        const sorted = sortEdits(raw);
        const newText = applyEdits(t, sorted);
        const r = remapTurns(new EditMap(sorted), newText, spans);
        expect(r.turns.length + r.removed.length).toBe(spans.length);
        let last = -1;
        for (const turn of r.turns) {
          expect(turn.start).toBeGreaterThan(last);
          expect(turn.start === 0 || newText[turn.start - 1] === '\n').toBe(true);
          expect(turn.end === newText.length || newText[turn.end] === '\n').toBe(true);
          expect(newText.slice(turn.start, turn.end).trim()).not.toBe('');
          last = turn.end;
        }
        // Edits that neither add nor remove line breaks keep every turn that still has words.
        const breaksKept = sorted.every((e) => !e.text.includes('\n') && !t.slice(e.start, e.end).includes('\n'));
        if (breaksKept) {
          const newLines = newText.split('\n');
          expect(r.turns.map((x) => newText.slice(x.start, x.end))).toEqual(newLines.filter((l) => l.trim() !== ''));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('remapAdjacent', () => {
  it('keeps neighbouring spans adjacent through edits at and across their boundary', () => {
    const map = new EditMap(sortEdits([{ start: 10, end: 10, text: 'xx' }, { start: 18, end: 22, text: '' }]));
    expect(remapAdjacent(map, [{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 30 }])).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 28 },
    ]);
  });
});
