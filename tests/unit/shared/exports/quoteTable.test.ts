import { describe, expect, it } from 'vitest';
import { cellText, tableShapeProblem } from '../../../../shared/exports/document';
import { quoteTablesToDoc } from '../../../../shared/exports/quoteDocument';
import { quoteTablesJson } from '../../../../shared/exports/quoteJson';
import { buildQuoteTables } from '../../../../shared/exports/quoteTable';
import { DEFAULT_EXPORT_SETTINGS, EXPORT_SETTINGS_PRESETS, mergeSettings, settingsFromStored, type QuoteSettingsPatch } from '../../../../shared/exports/settings';
import type { ExportCoding, ExportSource } from '../../../../shared/exports/source';

const NB = EXPORT_SETTINGS_PRESETS.nb.quotes;

function coding(id: string, codeId: string, informantIds: string[], extra: Partial<ExportCoding> = {}): ExportCoding {
  return {
    id,
    documentId: 'd1',
    codeId,
    start: Number(id.replace(/\D/g, '')) * 100,
    end: Number(id.replace(/\D/g, '')) * 100 + 40,
    passage: `Passasje ${id} med æøå`,
    excerpt: null,
    representative: true,
    repOrder: 0,
    status: 'ok',
    createdAt: 0,
    attribution: null,
    informantIds,
    ...extra,
  };
}

/** Two dimensions; D1 has themes T1 (concepts C1, C2) and T2 (C3); D2 has T3 (C4); T4 sits outside any dimension. */
function source(codings: ExportCoding[]): ExportSource {
  return {
    levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'],
    codes: [
      { id: 'D2', level: 3, parentId: null, label: 'Dimensjon to', sortOrder: 1 },
      { id: 'D1', level: 3, parentId: null, label: 'Dimensjon én', sortOrder: 0 },
      { id: 'T2', level: 2, parentId: 'D1', label: 'Tema to', sortOrder: 1 },
      { id: 'T1', level: 2, parentId: 'D1', label: 'Tema én', sortOrder: 0 },
      { id: 'T3', level: 2, parentId: 'D2', label: 'Tema tre', sortOrder: 0 },
      { id: 'T4', level: 2, parentId: null, label: 'Løst tema', sortOrder: 0 },
      { id: 'C1', level: 1, parentId: 'T1', label: 'Begrep 1', sortOrder: 0 },
      { id: 'C2', level: 1, parentId: 'T1', label: 'Begrep 2', sortOrder: 1 },
      { id: 'C3', level: 1, parentId: 'T2', label: 'Begrep 3', sortOrder: 0 },
      { id: 'C4', level: 1, parentId: 'T3', label: 'Begrep 4', sortOrder: 0 },
      { id: 'C5', level: 1, parentId: 'T4', label: 'Begrep 5', sortOrder: 0 },
    ],
    codings,
    informants: [
      { id: 'inger', label: 'Inger', roleLabel: 'Informant KS', caseId: 'baerum', role: 'informant' },
      { id: 'kjell', label: 'Kjell', roleLabel: '', caseId: null, role: 'informant' },
      { id: 'inger2', label: 'Inger', roleLabel: 'Informant prosjektleder', caseId: 'asker', role: 'informant' },
    ],
    cases: [
      { id: 'baerum', name: 'Bærum', sortOrder: 0 },
      { id: 'asker', name: 'Asker', sortOrder: 1 },
    ],
    documents: [{ id: 'd1', title: 'Intervju 1', kind: 'interview', caseId: null, sortOrder: 0, pages: [] }],
  };
}

const settings = (patch: QuoteSettingsPatch = {}) => mergeSettings(NB, patch);

describe('quote table model', () => {
  it('makes one table per dimension, themes in codebook order, starred quotes in their manual order, captions numbered from the start number', () => {
    const model = buildQuoteTables(
      source([
        coding('q1', 'C2', ['inger'], { repOrder: 1 }),
        coding('q2', 'C1', ['inger'], { repOrder: 0 }),
        coding('q3', 'C3', ['inger']),
        coding('q4', 'C4', ['inger']),
        coding('q5', 'C1', ['inger'], { representative: false }),
      ]),
      settings({ startNumber: 5 }),
    );
    expect(model.tables.map((t) => [t.n, t.dimension?.label, t.rows.map((r) => r.theme.label)])).toEqual([
      [5, 'Dimensjon én', ['Tema én', 'Tema to']],
      [6, 'Dimensjon to', ['Tema tre']],
    ]);
    expect(model.tables[0]!.rows[0]!.quotes.map((q) => q.codingId)).toEqual(['q2', 'q1']);
    expect(model.tables[0]!.caption).toEqual({
      text: 'Tabell 5: Representative sitater knyttet til Dimensjon én. Kilde: Egenprodusert.',
      before: 'Tabell ',
      number: 5,
      after: ': Representative sitater knyttet til Dimensjon én. Kilde: Egenprodusert.',
    });
    expect(model.columns).toEqual({ dimension: '3. ordens kode', theme: '2. ordens kode', concept: null, quote: 'Sitat' });
    expect(model.warnings.map((w) => w.kind)).toEqual([]);
    expect(model.quoteCount).toBe(4);
  });

  it('splits per theme or combines everything, and warns about themes outside any dimension', () => {
    const codings = [coding('q1', 'C1', ['inger']), coding('q3', 'C3', ['inger']), coding('q4', 'C4', ['inger']), coding('q6', 'C5', ['inger'])];
    const perDimension = buildQuoteTables(source(codings), settings());
    expect(perDimension.warnings).toMatchObject([{ kind: 'no-dimension', codeIds: ['T4'] }]);
    const perTheme = buildQuoteTables(source(codings), settings({ per: 'theme', caption: 'Tabell {n}: {theme} ({dimension})' }));
    expect(perTheme.tables.map((t) => t.caption.text)).toEqual(['Tabell 1: Tema én (Dimensjon én)', 'Tabell 2: Tema to (Dimensjon én)', 'Tabell 3: Tema tre (Dimensjon to)', 'Tabell 4: Løst tema ()']);
    const all = buildQuoteTables(source(codings), settings({ per: 'all' }));
    expect(all.tables).toHaveLength(1);
    expect(all.tables[0]!.rows.map((r) => [r.dimension?.label ?? null, r.theme.label])).toEqual([
      ['Dimensjon én', 'Tema én'],
      ['Dimensjon én', 'Tema to'],
      ['Dimensjon to', 'Tema tre'],
      [null, 'Løst tema'],
    ]);
    const doc = quoteTablesToDoc(all, 'x');
    expect(tableShapeProblem(doc.tables[0]!)).toBeNull();
    expect(doc.tables[0]!.rows.map((r) => r.cells[0]?.rowSpan ?? null)).toEqual([2, null, 1, 1]);
  });

  it('quotes every coding with a cap per theme, without repeating a passage coded twice', () => {
    const model = buildQuoteTables(
      source([
        coding('q1', 'C1', ['inger'], { representative: false }),
        coding('q1b', 'C2', ['inger'], { representative: false, start: 100, end: 140 }),
        coding('q2', 'C1', ['inger'], { representative: false }),
        coding('q3', 'C1', ['inger'], { representative: false }),
        coding('q7', 'C2', ['inger']),
      ]),
      settings({ selection: 'all', capPerTheme: 3 }),
    );
    expect(model.tables[0]!.rows[0]!.quotes.map((q) => q.codingId)).toEqual(['q7', 'q1', 'q2']);
  });

  it('groups by concept in a concept column, each concept cell merged over its quotes', () => {
    const model = buildQuoteTables(
      source([coding('q1', 'C2', ['inger']), coding('q2', 'C1', ['inger']), coding('q3', 'C1', ['kjell']), coding('q4', 'T1', ['inger'])]),
      settings({ conceptColumn: true }),
    );
    expect(model.columns.concept).toBe('1. ordens kode');
    expect(model.tables[0]!.rows[0]!.quotes.map((q) => q.concept?.label ?? null)).toEqual([null, 'Begrep 1', 'Begrep 1', 'Begrep 2']);
    const table = quoteTablesToDoc(model, 'x').tables[0]!;
    expect(table.header).toEqual(['3. ordens kode', '2. ordens kode', '1. ordens kode', 'Sitat']);
    expect(tableShapeProblem(table)).toBeNull();
    expect(table.rows.map((r) => (r.cells[2] ? [cellText(r.cells[2]), r.cells[2].rowSpan] : null))).toEqual([['', 1], ['Begrep 1', 2], null, ['Begrep 2', 1]]);
  });

  it('attributes by pseudonym, role, case, anonymously, by footnote or by a custom template, and honours a per-quote override', () => {
    const one = (patch: QuoteSettingsPatch, extra: Partial<ExportCoding> = {}) =>
      buildQuoteTables(source([coding('q1', 'C1', ['inger'], extra)]), settings(patch)).tables[0]!.rows[0]!.quotes[0]!;
    expect(one({}).display).toBe('«Passasje q1 med æøå» (Inger)');
    expect(one({ attribution: 'role' }).display).toBe('«Passasje q1 med æøå» (Informant KS)');
    expect(one({ attribution: 'case' }).display).toBe('«Passasje q1 med æøå» (Informant fra Bærum)');
    expect(one({ attribution: 'anonymous' }).display).toBe('«Passasje q1 med æøå» (Informant)');
    expect(one({ attribution: 'pseudonym', marks: 'curly' }).display).toBe('“Passasje q1 med æøå” (Inger)');
    expect(one({ attribution: 'footnote', marks: 'curly' })).toMatchObject({
      attribution: 'Inger',
      parts: [
        { kind: 'text', text: '“Passasje q1 med æøå”' },
        { kind: 'footnote', text: 'Inger' },
      ],
    });
    const custom = one({ attribution: 'custom', customTemplate: '«{quote}» – {case}' });
    expect(custom).toMatchObject({ display: '«Passasje q1 med æøå» – Bærum', attribution: 'Bærum', level: 'custom' });
    expect(one({ attribution: 'case' }, { attribution: 'anonymous' })).toMatchObject({ display: '«Passasje q1 med æøå» (Informant)', level: 'anonymous' });
    expect(one({ attribution: 'footnote', footnoteLevel: 'case' }, { attribution: 'pseudonym' }).parts[1]).toEqual({ kind: 'footnote', text: 'Inger' });
    expect(one({ source: 'excerpt' }, { excerpt: 'Passasje (…) æøå', passage: 'Passasje q1 med æøå' }).text).toBe('Passasje (…) æøå');
    expect(one({ source: 'passage' }, { excerpt: 'Passasje (…) æøå', passage: 'Passasje q1 med æøå' }).text).toBe('Passasje q1 med æøå');
  });

  it('turns quotation marks inside a quote into the inner pair', () => {
    const q = buildQuoteTables(source([coding('q1', 'C1', ['inger'], { passage: 'Det kalles «løftet» hos oss' })]), settings()).tables[0]!.rows[0]!.quotes[0]!;
    expect(q.display).toBe('«Det kalles “løftet” hos oss» (Inger)');
  });

  it('falls back to the anonymous name and warns when the case or role is missing, or nobody known speaks', () => {
    const model = buildQuoteTables(
      source([coding('q1', 'C1', ['kjell']), coding('q2', 'C1', ['kjell']), coding('q3', 'C3', [])]),
      settings({ attribution: 'case' }),
    );
    expect(model.tables[0]!.rows[0]!.quotes.map((q) => q.display)).toEqual(['«Passasje q1 med æøå» (Informant)', '«Passasje q2 med æøå» (Informant)']);
    expect(model.warnings.filter((w) => w.kind !== 'no-quotes').map((w) => [w.kind, w.message])).toEqual([
      ['missing-case', '“Kjell” has no case, but the attribution names the case; 2 quotes attributed “Informant” instead'],
      ['no-informant', '1 quote in “Intervju 1” is spoken by no known informant (map the speaker to an informant); attributed “Informant”'],
    ]);
    const roles = buildQuoteTables(source([coding('q1', 'C1', ['kjell'])]), settings({ attribution: 'role' }));
    expect(roles.warnings.map((w) => w.kind)).toEqual(['no-quotes', 'missing-role']);
  });

  it('warns when two informants print the same label, and when an excerpt no longer fits its passage', () => {
    const model = buildQuoteTables(
      source([
        coding('q1', 'C1', ['inger']),
        coding('q2', 'C1', ['inger2'], { excerpt: 'Passasje (…) nytt ord', status: 'changed' }),
      ]),
      settings(),
    );
    expect(model.warnings.map((w) => w.kind).sort()).toEqual(['excerpt-mismatch', 'no-quotes', 'passage-changed', 'shared-label']);
    expect(model.warnings.find((w) => w.kind === 'shared-label')).toMatchObject({ informantIds: ['inger', 'inger2'] });
    expect(model.warnings.find((w) => w.kind === 'excerpt-mismatch')!.message).toMatch(/the words “nytt ord” are not in the passage/);
    // Printed by role label, the shared pseudonym is not shown, so there is nothing to confuse.
    const byRole = buildQuoteTables(source([coding('q1', 'C1', ['inger']), coding('q2', 'C1', ['inger2'])]), settings({ attribution: 'role' }));
    expect(byRole.warnings.map((w) => w.kind)).toEqual(['no-quotes']);
  });

  it('lists themes without quotes, and nothing when every theme has some', () => {
    const full = [coding('q1', 'C1', ['inger']), coding('q3', 'C3', ['inger']), coding('q4', 'C4', ['inger'])];
    expect(buildQuoteTables(source(full), settings()).warnings).toEqual([]);
    const withEmpty = buildQuoteTables(source([coding('q1', 'C1', ['inger']), coding('q3', 'C3', ['inger'], { representative: false }), coding('q4', 'C4', ['inger'])]), settings());
    expect(withEmpty.warnings).toMatchObject([{ kind: 'no-quotes', codeIds: ['T2'], message: '“Tema to” has no representative quotes (starred codings), so it is not in the tables' }]);
  });

  it('writes JSON with exactly the documented keys', () => {
    const model = buildQuoteTables(source([coding('q1', 'C1', ['inger', 'kjell'])]), settings());
    expect(quoteTablesJson(model)).toEqual({
      tables: [
        {
          caption: 'Tabell 1: Representative sitater knyttet til Dimensjon én. Kilde: Egenprodusert.',
          dimension: { id: 'D1', label: 'Dimensjon én' },
          rows: [
            {
              theme: { id: 'T1', label: 'Tema én' },
              quotes: [{ text: 'Passasje q1 med æøå', attribution: 'Inger, Kjell', informants: ['Inger', 'Kjell'], document: 'Intervju 1', start: 100, end: 140 }],
            },
          ],
        },
      ],
    });
  });
});

describe('export settings', () => {
  it('reads stored settings leniently, keeping what is valid', () => {
    const read = settingsFromStored({ quotes: { marks: 'guillemets', caption: 'Tabell {bad}', startNumber: -3, names: { case: 'Informant fra {case}' } }, overview: 'x' });
    expect(read.quotes.marks).toBe('guillemets');
    expect(read.quotes.caption).toBe(DEFAULT_EXPORT_SETTINGS.quotes.caption);
    expect(read.quotes.startNumber).toBe(1);
    expect(read.quotes.names).toEqual({ ...DEFAULT_EXPORT_SETTINGS.quotes.names, case: 'Informant fra {case}' });
    expect(read.overview).toEqual(DEFAULT_EXPORT_SETTINGS.overview);
  });

  it('gives each overview table its own number, and reads the one number older projects stored as each table’s', () => {
    const old = settingsFromStored({ overview: { startNumber: 4, noCase: 'Uten case' } });
    expect(old.overview.numbers).toEqual({ interviews: 4, documents: 4, informants: 4 });
    expect(old.overview.noCase).toBe('Uten case');
    const current = settingsFromStored({ overview: { numbers: { interviews: 2, informants: 7 } } });
    expect(current.overview.numbers).toEqual({ interviews: 2, documents: 1, informants: 7 });
    expect(settingsFromStored({ overview: { numbers: { informants: -1 } } }).overview.numbers).toEqual(DEFAULT_EXPORT_SETTINGS.overview.numbers);
    // An older project's number, then one table numbered since: the others keep the older number.
    expect(settingsFromStored({ overview: { startNumber: 4, numbers: { informants: 7 } } }).overview.numbers).toEqual({ interviews: 4, documents: 4, informants: 7 });
  });
});
