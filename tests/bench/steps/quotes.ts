import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';

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

/**
 * Draft check of a `pages`-page thesis draft (~400 words a page) quoting the project about once a
 * page, one quote in ten altered by a word.
 */
export async function benchDraftCheck(options: { pages?: number; runs?: number } = {}): Promise<QuoteBenchResult> {
  const pages = options.pages ?? 100;
  const fixture = await thesisProject(Math.max(20, pages * 2));
  try {
    const paragraphs: Paragraph[] = [];
    let altered = 0;
    let quoted = 0;
    for (let page = 0; page < pages; page += 1) {
      for (let p = 0; p < 4; p += 1) paragraphs.push(new Paragraph({ children: [new TextRun(`${wordsFrom(page * 31 + p, 100).join(' ')}.`)] }));
      const quote = fixture.quotes[page % fixture.quotes.length]!;
      let text = quote.text.replace(/\.$/, '');
      if (page % 10 === 9) {
        text = text.replace(/ (\S+)$/, ' ordet');
        altered += 1;
      }
      quoted += 1;
      paragraphs.push(new Paragraph({ children: [new TextRun(`Som en informant sier: «${text}» (${quote.label}).`)] }));
    }
    const file = path.join(fixture.dir, 'Utkast.docx');
    fs.writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    const runs: number[] = [];
    let findings = 0;
    for (let run = 0; run < (options.runs ?? 3); run += 1) {
      const started = performance.now();
      const report = await fixture.api.call('exports.checkDraft', { source: { path: file } });
      runs.push(performance.now() - started);
      if (report.quotes.length !== quoted) throw new Error(`bench: expected ${quoted} quotations, found ${report.quotes.length}`);
      const misquoted = new Set(report.findings.filter((f) => f.kind === 'no-match').map((f) => f.paragraph));
      if (misquoted.size !== altered) throw new Error(`bench: expected ${altered} altered quotes, the check found ${misquoted.size}`);
      findings = report.findings.length;
    }
    return { name: `check a ${pages}-page draft`, runs, medianMs: median(runs), detail: { pages, paragraphs: pages * 5, quotations: quoted, findings } };
  } finally {
    dispose(fixture);
  }
}
