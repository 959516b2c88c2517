import { describe, expect, it } from 'vitest';
import { checkDraft, wordDiff, type DraftSource, type Speech } from '../../../../shared/exports/draftCheck';
import { findQuotations, type DraftParagraph } from '../../../../shared/exports/quotations';
import { EXPORT_SETTINGS_PRESETS } from '../../../../shared/exports/settings';

function p(text: string, extra: Partial<DraftParagraph> = {}): DraftParagraph {
  return { text, style: null, indent: 0, hanging: 0, numbered: false, notes: [], ...extra };
}

function speech(informantId: string | null, documentId: string, text: string): Speech {
  return { informantId, documentId, text, pieces: [{ at: 0, start: 10, length: text.length }] };
}

const INGER = 'Nye løsninger på samfunnsutfordringer, det er innovasjon for oss. Vi har prøvd mye i kommunen.';
const KJELL = 'For meg er begrepet innovasjon nyskapning, noe nytt som virker.';

const source: DraftSource = {
  informants: [
    { id: 'inger', label: 'Inger', roleLabel: 'Informant KS', caseId: 'baerum', role: 'informant' },
    { id: 'kjell', label: 'Kjell', roleLabel: '', caseId: 'asker', role: 'informant' },
  ],
  cases: [
    { id: 'baerum', name: 'Bærum', sortOrder: 0 },
    { id: 'asker', name: 'Asker', sortOrder: 1 },
  ],
  documents: [
    { id: 'd1', title: 'Intervju Inger' },
    { id: 'd2', title: 'Intervju Kjell' },
  ],
  speech: [speech('inger', 'd1', INGER), speech('kjell', 'd2', KJELL)],
  tableQuotes: [
    { codingId: 'c1', documentId: 'd1', start: 10, end: 47, text: 'Nye løsninger på samfunnsutfordringer', attribution: 'Informant fra Bærum', informantIds: ['inger'], where: 'table 5 of “kap4.docx”' },
    { codingId: 'c2', documentId: 'd2', start: 10, end: 72, text: 'For meg er begrepet innovasjon nyskapning, noe nytt som virker', attribution: 'Kjell', informantIds: ['kjell'], where: 'table 5 of “kap4.docx”' },
  ],
  names: EXPORT_SETTINGS_PRESETS.nb.quotes.names,
};

describe('finding quotations in a draft', () => {
  it('finds «…», “…” and "…" with attributions in parentheses, after a dash or in a footnote, and block quotes', () => {
    const quotes = findQuotations([
      p('Hun sier at «Nye løsninger på samfunnsutfordringer» (Inger) er kjernen, mens “noe nytt som virker” – Kjell.'),
      p('Et "skremmeord" her.'),
      p('Som en sa: «For meg er begrepet innovasjon nyskapning».', { notes: [{ at: 55, text: 'Kjell, Asker.' }] }),
      p('Nye løsninger på samfunnsutfordringer (…) Vi har prøvd mye i kommunen.', { style: 'Quote' }),
      p('(Informant KS)'),
      p('Et sitat med innrykk', { indent: 720 }),
      p('Litteratur, 2013', { indent: 720, hanging: 360 }),
    ]);
    expect(quotes).toEqual([
      { paragraph: 0, text: 'Nye løsninger på samfunnsutfordringer', block: false, attribution: 'Inger' },
      { paragraph: 0, text: 'noe nytt som virker', block: false, attribution: 'Kjell' },
      { paragraph: 1, text: 'skremmeord', block: false, attribution: null },
      { paragraph: 2, text: 'For meg er begrepet innovasjon nyskapning', block: false, attribution: 'Kjell, Asker' },
      { paragraph: 3, text: 'Nye løsninger på samfunnsutfordringer (…) Vi har prøvd mye i kommunen.', block: true, attribution: 'Informant KS' },
      { paragraph: 5, text: 'Et sitat med innrykk', block: true, attribution: null },
    ]);
  });
});

describe('draft check', () => {
  it('stays silent on a draft that quotes and attributes as the tables do', () => {
    const report = checkDraft(
      [p('Informantene beskriver «Nye løsninger på samfunnsutfordringer» (Informant fra Bærum) og «For meg er begrepet innovasjon nyskapning, noe nytt som virker» (Kjell).')],
      source,
    );
    expect(report.findings).toEqual([]);
    expect(report.quotes.map((q) => [q.codingId, q.source])).toEqual([
      ['c1', { documentId: 'd1', start: 10, end: 10 + 'Nye løsninger på samfunnsutfordringer'.length, informantId: 'inger' }],
      ['c2', { documentId: 'd2', start: 10, end: 10 + 'For meg er begrepet innovasjon nyskapning, noe nytt som virker'.length, informantId: 'kjell' }],
    ]);
  });

  it('reports words nobody said, another informant’s words, a word changed from the table, a different attribution', () => {
    const report = checkDraft(
      [
        p('Først: «Nye løsninger på store samfunnsutfordringer» (Informant fra Bærum).'),
        p('Så: «For meg er begrepet innovasjon nyskapning» (Inger).'),
        p('Og: «Nye løsninger på samfunnsutfordringer» (Inger).'),
        p('Til slutt: «Vi har prøvd alt mulig i kommunen» (Informant KS).'),
      ],
      source,
    );
    expect(report.findings.map((f) => [f.paragraph, f.kind])).toEqual([
      [1, 'no-match'],
      [1, 'differs-from-table'],
      [2, 'wrong-informant'],
      [2, 'attribution-differs'],
      [3, 'attribution-differs'],
      [4, 'no-match'],
    ]);
    expect(report.findings[1]!.message).toMatch(/not there: “store”/);
    expect(report.findings[2]!.message).toMatch(/these are Kjell's words \(Intervju Kjell\), not Inger's/);
    expect(report.findings[4]!.message).toBe(
      'Paragraph 3: “Nye løsninger på samfunnsutfordringer” is attributed “Inger” in the text but “Informant fra Bærum” in table 5 of “kap4.docx”: readers can link the two',
    );
    expect(report.findings[5]!.message).toMatch(/nearest passage \(Intervju Inger\) reads “Vi har prøvd mye i kommunen”.*not there: “alt”, “mulig”/);
  });

  it('flags a pseudonym next to its informant’s case, and next to a case that is not theirs', () => {
    const report = checkDraft([p('Inger fra Bærum forteller om arbeidet.'), p('Kjell i Bærum er enig.'), p('I Asker var det annerledes. Inger var skeptisk.')], source);
    expect(report.findings.map((f) => [f.paragraph, f.kind])).toEqual([
      [1, 'pseudonym-with-case'],
      [2, 'wrong-case'],
    ]);
  });

  it('skips literature quotes and short scare quotes', () => {
    const report = checkDraft([p('Gioia mfl. skriver «a systematic inductive approach to concept development» (Gioia et al., 2013, s. 17). Et «ord».')], source);
    expect(report.quotes).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('diffs words', () => {
    expect(wordDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual({ added: ['x'], removed: ['b'] });
  });
});

describe('word differences', () => {
  it('ignores a shorter or longer stretch at either end, but not a changed word there', () => {
    const words = (s: string) => s.split(' ');
    expect(wordDiff(words('a b c d'), words('b c'), { ignoreEnds: true })).toEqual({ added: [], removed: [] });
    expect(wordDiff(words('b c'), words('a b c d'), { ignoreEnds: true })).toEqual({ added: [], removed: [] });
    expect(wordDiff(words('a b c d'), words('a b c x'), { ignoreEnds: true })).toEqual({ added: ['x'], removed: ['d'] });
    expect(wordDiff(words('a b c d'), words('a c d'), { ignoreEnds: true })).toEqual({ added: [], removed: ['b'] });
  });
});
