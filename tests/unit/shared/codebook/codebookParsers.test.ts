import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../shared/api/errors';
import { detectCodebookText, parseCodebookText } from '../../../../shared/codebook/detect';
import { codebookCsv, codebookMarkdown, codebookRows } from '../../../../shared/codebook/exportRows';
import { parseGioiaJson } from '../../../../shared/codebook/gioiaJson';
import { countImported, type ImportedCode } from '../../../../shared/codebook/model';
import { parseQualCoderPlain } from '../../../../shared/codebook/qualcoderPlain';
import { parseCodebookCsv, readHeader } from '../../../../shared/codebook/table';

const CORPUS = '../shared/corpus';
const read = (p: string) => fs.readFileSync(`${CORPUS}/${p}`, 'utf8');

function shape(codes: readonly ImportedCode[]): unknown[] {
  return codes.map((c) => (c.children.length ? { [c.label]: shape(c.children) } : c.label));
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('did not throw');
}

describe('Gioia JSON', () => {
  it('reads the corpus example: dimensions → themes → concepts with definitions, quotes and terms in the memo', () => {
    const cb = parseGioiaJson(read('codebooks/gioia_healthcare_example.json'), 'gioia_healthcare_example.json');
    expect(cb.title).toBe('Example: Chronic Illness Self-Management');
    expect(countImported(cb)).toEqual({ dimension: 2, theme: 3, concept: 7 });
    expect(shape(cb.roots)).toEqual([
      {
        'Managing Chronic Uncertainty': [
          { 'Adaptive Routine Building': ['Selective symptom tracking', 'Personalizing medical advice', 'Flexible routine adjustment'] },
          { 'Navigating Healthcare Systems': ['Finding doctors who listen', 'Working around insurance barriers'] },
        ],
      },
      { 'Reconstructing Identity Through Illness': [{ 'Redefining Normal': ['Accepting the new baseline', 'Celebrating small victories'] }] },
    ]);
    const concept = cb.roots[0]!.children[0]!.children[0]!;
    expect(concept.description).toBe('Focusing monitoring efforts on meaningful indicators rather than comprehensive tracking');
    expect(concept.memo).toContain('Informant terms: just noting the really bad days; only tracking what matters');
    expect(concept.memo).toContain('“I switched to just noting the really bad days because tracking everything was overwhelming. Now I can actually see patterns.” (P003, lines 45-48)');
    expect(cb.roots[0]!.memo).toMatch(/^Theoretical foundation: Builds on uncertainty management theory/);
  });

  it('reads the template and refuses broken or foreign JSON with the file and path named', () => {
    const cb = parseGioiaJson(read('codebooks/gioia_data_structure_template.json'), 't.json');
    expect(countImported(cb).dimension).toBeGreaterThan(0);
    expect(thrown(() => parseGioiaJson('{"aggregate_dimensions": [', 'x.json')).message).toMatch(/^x.json is not valid JSON/);
    expect(thrown(() => parseGioiaJson('{"codes": []}', 'x.json')).message).toMatch(/no "aggregate_dimensions"/);
    expect(thrown(() => parseGioiaJson('{"aggregate_dimensions": [{"name": "D", "second_order_themes": [{"definition": "x"}]}]}', 'x.json')).message).toBe(
      'x.json: aggregate_dimensions[0].second_order_themes[0] has no "name"',
    );
  });
});

describe('QualCoder plain', () => {
  it('reads the corpus sample: codes are concepts, categories themes or dimensions by height, the misplaced code stays ungrouped', () => {
    const cb = parseQualCoderPlain(read('codebooks/qualcoder_plain_codes_categories.txt'), 'q.txt');
    expect(shape(cb.roots)).toEqual([{ cat3: [{ cat2: ['code4'] }] }, { cat1: ['code2', 'code3'] }, 'code1', 'code5', 'code6']);
    expect(cb.roots.find((r) => r.label === 'code1')!.description).toBe('A memo for code 1');
    expect(cb.roots.find((r) => r.label === 'code5')!.originalPath).toBe('cat3>>code5');
    expect(cb.warnings).toEqual(['q.txt line 5: “code5” sits directly under “cat3”, which holds themes; it is imported as not yet grouped']);
  });

  it('leaves out categories more than three levels up, keeping the path', () => {
    const cb = parseQualCoderPlain('Top>>Dim>>Tema>>Kode\tnotat\nTop>>Dim>>Tema>>Kode 2\n', 'deep.txt');
    expect(shape(cb.roots)).toEqual([{ Dim: [{ Tema: ['Kode', 'Kode 2'] }] }]);
    expect(cb.roots[0]!.originalPath).toBe('Top>>Dim');
    expect(cb.warnings[0]).toMatch(/“Top” is more than three levels above/);
  });
});

describe('tables (CSV/TSV)', () => {
  it('recognises headers in English and Norwegian, and ATLAS.ti / Taguette exports', () => {
    expect(readHeader(['Aggregate dimension', 'Second-order theme', 'First-order concept', 'Definition'])).toEqual({ level: { 3: 0, 2: 1, 1: 2 }, definition: { any: 3 }, memo: null });
    expect(readHeader(['3. ordens kode', '2. ordens kode', '1. ordens kode', 'Definisjon'])).toMatchObject({ level: { 3: 0, 2: 1, 1: 2 } });
    expect(readHeader(['', '', 'Code', 'Grounded', 'Code Groups'])).toMatchObject({ level: { 1: 2, 2: 4 } });
    expect(readHeader(['tag', 'description', 'number of highlights'])).toMatchObject({ level: { 1: 0 }, definition: { any: 1 } });
    expect(readHeader(['id', 'document', 'tag', 'content'])).toBeNull();
    expect(readHeader(['TIMECODE', 'SPEAKER', 'TRANSCRIPT'])).toBeNull();
  });

  it('reads a semicolon CSV with merged-cell blanks, per-level definitions and quoted newlines', () => {
    const csv = [
      'Aggregert dimensjon;Tema;Begrep;Definisjon;Tema definisjon',
      ';;Løst begrep;Ikke gruppert ennå;',
      'Innovasjon;Nyskapning;«Nye løsninger»;Sitat fra Anne;Tema om det nye',
      ';;Prøve og feile;"To linjer,',
      'i én celle";',
      ';Samarbeid;Dele erfaringer;;',
      'Styring;Rammer;Økonomi;;',
    ].join('\r\n');
    const cb = parseCodebookCsv(csv, 'k.csv');
    expect(shape(cb.roots)).toEqual([
      { Innovasjon: [{ Nyskapning: ['«Nye løsninger»', 'Prøve og feile'] }, { Samarbeid: ['Dele erfaringer'] }] },
      { Styring: [{ Rammer: ['Økonomi'] }] },
      'Løst begrep',
    ]);
    const nyskapning = cb.roots[0]!.children[0]!;
    expect(nyskapning.description).toBe('Tema om det nye');
    expect(nyskapning.children[1]!.description).toBe('To linjer,\ni én celle');
  });

  it('reads the corpus Taguette codebook as concepts with descriptions', () => {
    const cb = parseCodebookText('serdif_taguette_codebook.csv', read('codebooks/serdif_taguette_codebook.csv'), false);
    expect(cb.roots).toHaveLength(22);
    expect(cb.roots.every((r) => r.level === 1)).toBe(true);
    expect(cb.roots.find((r) => r.label === 'Additional feature suggestion')!.description).toContain('Add time series, scatter and histogram plots.');
  });
});

describe('detectCodebookText', () => {
  it('tells codebooks from transcripts by content', () => {
    expect(detectCodebookText('gioia_healthcare_example.json', read('codebooks/gioia_healthcare_example.json'))).toBe('gioia-json');
    expect(detectCodebookText('q.txt', read('codebooks/qualcoder_plain_codes_categories.txt'))).toBe('qualcoder-plain');
    expect(detectCodebookText('serdif_taguette_codebook.csv', read('codebooks/serdif_taguette_codebook.csv'))).toBe('table');
    expect(detectCodebookText('qualcoder_sample_transcript.txt', read('transcripts/qualcoder_sample_transcript.txt'))).toBeNull();
    expect(detectCodebookText('noscribe_de_interview.txt', read('transcripts/noscribe_de_interview.txt'))).toBeNull();
    expect(detectCodebookText('ohd_transcript_de.tsv.csv', read('transcripts/ohd_transcript_de.tsv.csv'))).toBeNull();
    expect(detectCodebookText('serdif_taguette_highlights.csv', read('transcripts/serdif_taguette_highlights.csv'))).toBeNull();
    expect(detectCodebookText('devops_gt_codebook_atlasti.md', read('codebooks/devops_gt_codebook_atlasti.md'))).toBeNull();
  });

  it('accepts a headerless CSV and a flat list only when told the file is a codebook', () => {
    const csv = 'Innovasjon,Nyskapning,Nye løsninger,Def\n';
    expect(thrown(() => parseCodebookText('a.csv', csv, false)).message).toMatch(/does not look like a codebook/);
    expect(shape(parseCodebookText('a.csv', csv, true).roots)).toEqual([{ Innovasjon: [{ Nyskapning: ['Nye løsninger'] }] }]);
    expect(shape(parseCodebookText('a.txt', 'Tillit\nLæring\tnotat\n', true).roots)).toEqual(['Tillit', 'Læring']);
    expect(thrown(() => parseCodebookText('a.pdf', 'x', true)).code).toBe('UNSUPPORTED');
  });
});

describe('codebook export rows', () => {
  const codes = [
    { id: 'd', level: 3 as const, parentId: null, label: 'Dimensjon', color: '#000000', sortOrder: 0, description: 'Def, med komma' },
    { id: 't', level: 2 as const, parentId: 'd', label: 'Tema', color: '#000000', sortOrder: 0, description: '' },
    { id: 'c', level: 1 as const, parentId: 't', label: 'Begrep «æøå»', color: '#000000', sortOrder: 0, description: 'Linje 1\nlinje 2' },
    { id: 'u', level: 1 as const, parentId: null, label: 'Løs', color: '#000000', sortOrder: 0, description: '' },
  ];
  const support = new Map([['c', { codings: 4, informants: 2, representative: 1 }]]);
  const levels = ['1. ordens kode', '2. ordens kode', '3. ordens kode'] as const;

  it('writes ungrouped first and reads back through the importer to the same tree', () => {
    const rows = codebookRows(codes, support);
    expect(rows.map((r) => r.codeId)).toEqual(['u', 'd', 't', 'c']);
    const csv = codebookCsv(rows, levels);
    expect(csv.startsWith('\uFEFF3. ordens kode,2. ordens kode,1. ordens kode,Definition,Codings,Informants,Representative quotes\r\n')).toBe(true);
    const back = parseCodebookText('export.csv', csv.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), false);
    expect(shape(back.roots)).toEqual([{ Dimensjon: [{ Tema: ['Begrep «æøå»'] }] }, 'Løs']);
    expect(back.roots[0]!.description).toBe('Def, med komma');
    expect(back.roots[0]!.children[0]!.children[0]!.description).toBe('Linje 1\nlinje 2');
  });

  it('writes Markdown with headings, definitions and counts', () => {
    const md = codebookMarkdown(codebookRows(codes, support), 'Kodebok', levels);
    expect(md).toContain('## Dimensjon\n\nDef, med komma *(0 codings, 0 informants)*');
    expect(md).toContain('- **Begrep «æøå»** — Linje 1 linje 2 *(4 codings, 2 informants, 1 representative)*');
    expect(md).toContain('## Not yet grouped\n\n- **Løs**');
  });
});
