import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';
import { check, type BenchStep } from '../types';

// Benchmark steps for the thesis exports (issue 7), self-contained: each builds its own project in
// a temporary folder, measures, checks the result is right (throwing if not) and cleans up.

/** What a step measured. */
export interface QuoteBenchResult {
  readonly name: string;
  /** Milliseconds of each measured run. */
  readonly runs: readonly number[];
  readonly medianMs: number;
  readonly detail: Readonly<Record<string, number | string>>;
}

const WORDS = 'innovasjon kommune tjeneste innbygger prosjekt samarbeid ledelse erfaring endring løsning utvikling digital skole helse barnehage oppgave'.split(' ');

/** Deterministic words (a small LCG, so every run measures the same project). */
function wordsFrom(seed: number, count: number): string[] {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    // The low bits of this generator cycle quickly; the high ones do not.
    out.push(WORDS[(x >>> 16) % WORDS.length]!);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Fixture {
  readonly dir: string;
  readonly backend: Backend;
  readonly api: ApiClient;
  /** Every starred quote's text and its informant's label. */
  readonly quotes: readonly { readonly text: string; readonly label: string }[];
}

/**
 * A thesis-like project: `interviews` transcripts of informants in two cases, 4 dimensions with
 * 3 themes of 3 concepts each, and `quotes` starred codings spread over the themes (quotes of
 * 60–400 characters, as USERS.md describes).
 */
async function thesisProject(quotes: number, interviews = 20): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-bench-quotes-'));
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings'), rememberRecent: false, log: () => {} });
  backend.settings.setCoderName('Bench');
  const api = createClient((method, args) => backend.dispatch(method, args, 'direct'));
  await api.call('projects.create', { path: path.join(dir, 'bench.stige'), levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
  await api.call('exports.updateSettings', { quotes: { marks: 'guillemets', caption: 'Tabell {n}: Representative sitater knyttet til {dimension}.', names: { case: 'Informant fra {case}' } } });

  const perInterview = Math.ceil(quotes / interviews);
  const passages: { doc: number; text: string }[] = [];
  for (let d = 0; d < interviews; d += 1) {
    const lines: string[] = [];
    for (let q = 0; q < perInterview; q += 1) {
      const passage = `Sitat ${d}-${q}: ${wordsFrom(d * 1000 + q, 8 + ((d * 7 + q * 13) % 50)).join(' ')}.`;
      passages.push({ doc: d, text: passage });
      lines.push(`Intervjuer: Spørsmål ${q}?`, `Informant${d}: ${passage} ${wordsFrom(d * 7 + q, 30).join(' ')}.`);
    }
    const file = path.join(dir, `Intervju ${d}.txt`);
    fs.writeFileSync(file, lines.join('\n'));
    const report = await api.call('documents.import', { sources: [{ path: file }], informant: `Informant ${d}`, case: d % 2 ? 'Bærum' : 'Asker' });
    if (report.files[0]?.status !== 'imported') throw new Error(`bench fixture: ${report.files[0]?.reason}`);
  }

  // The codebook through the API, the codings in one step (the measured part is the export).
  const concepts: string[] = [];
  for (let dim = 0; dim < 4; dim += 1) {
    const dimension = await api.call('codes.create', { label: `Dimensjon ${dim + 1} – æøå`, level: 3 });
    for (let t = 0; t < 3; t += 1) {
      const theme = await api.call('codes.create', { label: `Tema ${dim + 1}.${t + 1}`, level: 2, parentId: dimension.id });
      for (let c = 0; c < 3; c += 1) concepts.push((await api.call('codes.create', { label: `Begrep ${dim + 1}.${t + 1}.${c + 1}`, level: 1, parentId: theme.id })).id);
    }
  }
  const documents = await api.call('documents.list', {});
  const project = backend.project();
  const chosen = passages.slice(0, quotes);
  const texts = new Map(documents.map((d) => [d.id, (project.db.prepare('SELECT text FROM documents WHERE id = ?').get(d.id) as { text: string }).text]));
  project.step('Bench codings', () => {
    const coder = project.coderId();
    const insert = project.db.prepare(
      `INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, representative, rep_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 0, 0)`,
    );
    chosen.forEach((p, i) => {
      const doc = documents[p.doc]!;
      const text = texts.get(doc.id)!;
      const start = text.indexOf(p.text);
      if (start < 0) throw new Error('bench fixture: passage not found');
      insert.run(randomUUID(), doc.id, concepts[i % concepts.length]!, start, start + p.text.length, coder, p.text, i);
    });
  });
  return { dir, backend, api, quotes: chosen.map((p) => ({ text: p.text, label: `Informant ${p.doc}` })) };
}

function dispose(fixture: Fixture): void {
  fixture.backend.close();
  fs.rmSync(fixture.dir, { recursive: true, force: true });
}

/** DOCX export of `quotes` representative quotes (the target: 1,000 quotes in < 3 s). */
export async function benchQuoteDocxExport(options: { quotes?: number; runs?: number } = {}): Promise<QuoteBenchResult> {
  const quotes = options.quotes ?? 1000;
  const fixture = await thesisProject(quotes);
  try {
    const runs: number[] = [];
    let bytes = 0;
    for (let run = 0; run < (options.runs ?? 3); run += 1) {
      const file = path.join(fixture.dir, `tabeller-${run}.docx`);
      const started = performance.now();
      const result = await fixture.api.call('exports.quoteTable', { format: 'docx', path: file });
      runs.push(performance.now() - started);
      if (result.rows !== quotes || result.tables !== 4) throw new Error(`bench: expected ${quotes} quotes in 4 tables, got ${result.rows} in ${result.tables}`);
      bytes = result.bytes;
      const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
      const rows = xml.match(/<w:tr>/g)?.length ?? 0;
      if (rows !== quotes + 4) throw new Error(`bench: the DOCX has ${rows} rows, expected ${quotes + 4}`);
    }
    return { name: `export ${quotes} quotes to DOCX`, runs, medianMs: median(runs), detail: { quotes, tables: 4, bytes } };
  } finally {
    dispose(fixture);
  }
}

/** How the draft misquotes the project on purpose, page by page (the rest quote correctly). */
const DRAFT_FAULTS = {
  /** Last word changed: matches no passage of the informant (no-match) and differs from the table. */
  altered: 3,
  /** Another informant's words: wrong-informant, and attributed otherwise than in the table. */
  misattributed: 5,
  /** Attributed "Informant fra <case>" while the tables print the pseudonym: attribution-differs. */
  byCase: 7,
  /** The pseudonym beside its own case name in the running text: pseudonym-with-case. */
  revealed: 9,
} as const;

/**
 * Draft check of a `pages`-page thesis draft: per page ~370 words of running text and one quotation
 * from the project with its attribution; on some pages (DRAFT_FAULTS, one page in ten each) the
 * quotation is altered, misattributed or attributed by case, or a pseudonym stands beside its case.
 * Throws unless the check finds every quotation and exactly the planted faults of each kind.
 */
export async function benchDraftCheck(options: { pages?: number; runs?: number } = {}): Promise<QuoteBenchResult> {
  const pages = options.pages ?? 100;
  const fixture = await thesisProject(Math.max(20, pages * 2));
  try {
    const caseOf = (label: string) => (Number(label.replace(/\D+/g, '')) % 2 ? 'Bærum' : 'Asker');
    const paragraphs: Paragraph[] = [];
    const planted = { 'no-match': 0, 'differs-from-table': 0, 'wrong-informant': 0, 'attribution-differs': 0, 'pseudonym-with-case': 0 };
    let words = 0;
    const add = (text: string) => {
      words += text.split(/\s+/).filter(Boolean).length;
      paragraphs.push(new Paragraph({ children: [new TextRun(text)] }));
    };
    for (let page = 0; page < pages; page += 1) {
      for (let p = 0; p < 4; p += 1) add(`${wordsFrom(page * 31 + p, 88).join(' ')}.`);
      const quote = fixture.quotes[page % fixture.quotes.length]!;
      let text = quote.text.replace(/\.$/, '');
      let attribution = quote.label;
      switch (page % 10) {
        case DRAFT_FAULTS.altered:
          text = text.replace(/ (\S+)$/, ' ordet');
          planted['no-match'] += 1;
          planted['differs-from-table'] += 1;
          break;
        case DRAFT_FAULTS.misattributed: {
          // The same words, credited to an informant in the other case who never said them.
          const other = fixture.quotes.find((q) => caseOf(q.label) !== caseOf(quote.label))!;
          attribution = other.label;
          planted['wrong-informant'] += 1;
          planted['attribution-differs'] += 1;
          break;
        }
        case DRAFT_FAULTS.byCase:
          attribution = `Informant fra ${caseOf(quote.label)}`;
          planted['attribution-differs'] += 1;
          break;
        case DRAFT_FAULTS.revealed:
          add(`${quote.label} fra ${caseOf(quote.label)} kommune beskriver dette slik.`);
          planted['pseudonym-with-case'] += 1;
          break;
        default:
          break;
      }
      add(`Som en informant sier: «${text}» (${attribution}).`);
    }
    const file = path.join(fixture.dir, 'Utkast.docx');
    fs.writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    const runs: number[] = [];
    const found: Record<string, number> = {};
    let findings = 0;
    for (let run = 0; run < (options.runs ?? 3); run += 1) {
      const started = performance.now();
      const report = await fixture.api.call('exports.checkDraft', { source: { path: file } });
      runs.push(performance.now() - started);
      if (report.quotes.length !== pages) throw new Error(`bench: expected ${pages} quotations, found ${report.quotes.length}`);
      for (const kind of Object.keys(planted) as (keyof typeof planted)[]) {
        const at = new Set(report.findings.filter((f) => f.kind === kind).map((f) => f.paragraph));
        found[kind] = at.size;
        if (at.size !== planted[kind]) {
          const seen = report.findings.map((f) => `${f.paragraph}:${f.kind}`).join(', ');
          throw new Error(`bench: the draft has ${planted[kind]} “${kind}” faults, the check found ${at.size} (${seen})`);
        }
      }
      findings = report.findings.length;
      const expected = Object.values(planted).reduce((a, b) => a + b, 0);
      if (findings !== expected) throw new Error(`bench: expected ${expected} findings, the check made ${findings}: ${report.findings.map((f) => f.message).join(' | ')}`);
      if (findings === 0) throw new Error('bench: the draft check found nothing');
    }
    return {
      name: `check a ${pages}-page draft`,
      runs,
      medianMs: median(runs),
      detail: { pages, words, paragraphs: paragraphs.length, quotations: pages, findings, ...found },
    };
  } finally {
    dispose(fixture);
  }
}

/** The "draft check of a 100-page draft" (10 pages under --quick; correctness checked either way). */
export const draftCheckStep: BenchStep = {
  name: 'draft check of a 100-page draft',
  async run(ctx) {
    const pages = ctx.quick ? 10 : 100;
    const result = await benchDraftCheck({ pages, runs: ctx.quick ? 1 : Math.min(ctx.runs, 3) });
    const d = result.detail;
    return {
      metrics: [{ name: `draft check: ${pages} pages, ${d.words} words, ${d.quotations} quotations, ${d.findings} findings`, unit: 'ms', samples: [...result.runs] }],
      // benchDraftCheck throws unless every quotation was found and each planted fault reported.
      checks: [
        check(`every quotation of the ${pages}-page draft is found`, result.runs.length > 0, `${d.quotations} quotations`),
        check(
          'the check reports the planted faults by kind',
          Number(d.findings) > 0,
          `no-match ${d['no-match']}, differs-from-table ${d['differs-from-table']}, wrong-informant ${d['wrong-informant']}, attribution-differs ${d['attribution-differs']}, pseudonym-with-case ${d['pseudonym-with-case']}; ${d.findings} findings in all`,
        ),
      ],
    };
  },
};
