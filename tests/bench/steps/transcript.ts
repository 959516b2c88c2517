import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { createClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';
import { paragraphRanges } from '../../../shared/text/paragraphs';
import { rng, transcript } from '../generate';
import { check, ratioTo, type BenchContext, type BenchStep, type Check, type Metric } from '../types';
import { referenceProject } from './thesis';
import { openBrowserSession, profiled, timeInPage, type BrowserSession } from './browser';
import { applyMetrics } from './applyCode';
import { devhostRssAfterOpening } from './devhostMemory';

/** A generated long transcript and how densely it is coded. */
interface Generated {
  readonly words: number;
  readonly codings: number;
  readonly seed: number;
}

/** A transcript to open: the largest of thesis-large, or a generated one. */
interface LongTranscript {
  readonly label: string;
  readonly source: 'thesis-large' | Generated;
  /** First-paint target (ms). */
  readonly target: number;
}

const FULL: readonly LongTranscript[] = [
  { label: 'largest of thesis-large', source: 'thesis-large', target: 500 },
  { label: '300k chars, 3,000 codings', source: { words: 48_000, codings: 3_000, seed: 12 }, target: 1000 },
];
const QUICK: readonly LongTranscript[] = [
  { label: 'largest of thesis-large (quick size)', source: 'thesis-large', target: 500 },
  { label: '10k chars, 100 codings', source: { words: 1_600, codings: 100, seed: 13 }, target: 500 },
];

/** The longest transcript of (a copy of) thesis-large. */
async function largestOfThesisLarge(ctx: BenchContext): Promise<{ file: string; documentId: string; chars: number; title: string }> {
  const file = await referenceProject(ctx, 'large');
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT id, chars, title FROM documents ORDER BY chars DESC LIMIT 1').get() as { id: string; chars: number; title: string };
  db.close();
  return { file, documentId: row.id, chars: row.chars, title: row.title };
}

/**
 * Write a project with one long transcript and many codings (a third of them overlapping another),
 * straight into the database in one step. Returns the file and the document id.
 */
async function buildTranscriptProject(dir: string, spec: Generated): Promise<{ file: string; documentId: string; chars: number; title: string }> {
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings'), rememberRecent: false });
  backend.settings.setCoderName('Bench');
  const api = createClient((m, a) => backend.dispatch(m, a));
  const file = path.join(dir, `transcript-${spec.seed}.stige`);
  await api.call('projects.create', { path: file });
  const raw = transcript(spec.seed, spec.words, 'Inger');
  const { files } = await api.call('documents.import', { sources: [{ path: await writeTemp(dir, `long-${spec.seed}.txt`, raw) }] });
  const documentId = files[0]!.documentId!;
  const project = backend.project();
  const { text } = project.db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string };
  const next = rng(spec.seed);
  project.step('Code the benchmark transcript', () => {
    const coderId = project.coderId();
    const concepts = Array.from({ length: 40 }, (_, i) => {
      const id = randomUUID();
      project.db
        .prepare('INSERT INTO codes (id, level, label, color, sort_order, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?)')
        .run(id, `Concept ${i + 1}`, `#${Math.floor(next() * 0xffffff).toString(16).padStart(6, '0')}`, i, Date.now(), Date.now());
      return id;
    });
    const insert = project.db.prepare(
      'INSERT OR IGNORE INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let previous = { start: 0, end: 0 };
    for (let i = 0; i < spec.codings; i += 1) {
      // Every third coding overlaps the one before; the rest are spread evenly.
      const overlap = i % 3 === 2 && previous.end > previous.start;
      const start = overlap ? previous.start + Math.floor((previous.end - previous.start) / 2) : Math.floor((i / spec.codings) * (text.length - 200));
      const end = Math.min(text.length, start + 20 + Math.floor(next() * 160));
      insert.run(randomUUID(), documentId, concepts[i % concepts.length], start, end, coderId, text.slice(start, end), Date.now(), Date.now());
      previous = { start, end };
    }
  });
  const { title } = project.db.prepare('SELECT title FROM documents WHERE id = ?').get(documentId) as { title: string };
  backend.close();
  return { file, documentId, chars: text.length, title };
}

async function writeTemp(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * Open a project the way a user does, from the start screen's list of the projects folder, until
 * the screen is usable: every document listed, every code in the codebook, and the first
 * transcript with all its highlights. The project was opened before (no first-open work).
 */
async function usableScreenMetric(ctx: BenchContext, session: BrowserSession, file: string, checks: Check[]): Promise<Metric> {
  const { page } = session;
  const name = 'thesis-large-in-ui';
  fs.linkSync(file, path.join(ctx.dir, `${name}.stige`));
  const db = new Database(file, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const documents = count('SELECT count(*) AS n FROM documents');
  const codes = count('SELECT count(*) AS n FROM codes');
  const firstCodings = count('SELECT count(*) AS n FROM codings WHERE document_id = (SELECT id FROM documents ORDER BY sort_order LIMIT 1)');
  db.close();
  const samples: number[] = [];
  for (let run = 0; run <= ctx.runs; run += 1) {
    if (await page.getByRole('button', { name: 'Close project' }).isVisible()) await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('button', { name: /Open project/ }).click();
    await page.locator('.project-list button', { hasText: name }).waitFor();
    const ms = await timeInPage(
      page,
      `[...document.querySelectorAll('.project-list button')].find((b) => b.textContent.includes(${JSON.stringify(name)})).click()`,
      `document.querySelectorAll('.document-item').length === ${documents} && document.querySelectorAll('.code-tree [role=treeitem], .pool [role=treeitem]').length === ${codes} && new Set([...document.querySelectorAll('[data-testid=transcript-text] mark.coding')].flatMap((m) => m.dataset.codings.split(' '))).size >= ${firstCodings}`,
      60_000,
    );
    // The first opening warms the browser's caches (fonts, code); it is not measured.
    if (run > 0) samples.push(ms);
  }
  checks.push(check('thesis-large opens in the UI with every document, code and first-transcript highlight', samples.length === ctx.runs, `${documents} documents, ${codes} codes, ${firstCodings} codings`));
  return { name: `open thesis-large from the start screen → usable (${documents} documents, ${codes} codes, first transcript highlighted)`, unit: 'ms', samples, target: 1000 };
}

/** The floor of painting: building the same paragraphs in a headless Lexical editor, without marks. */
function lexicalFloor(text: string): number {
  const editor = createHeadlessEditor({ nodes: [], onError: (e) => { throw e; } });
  const started = performance.now();
  editor.update(
    () => {
      const root = $getRoot();
      for (const range of paragraphRanges(text)) root.append($createParagraphNode().append($createTextNode(text.slice(range.start, range.end) || ' ')));
    },
    { discrete: true },
  );
  return performance.now() - started;
}

/**
 * Open long, densely coded transcripts in Chromium: time to first paint with every highlight,
 * long tasks while scrolling through, applying a code from the keyboard (p50/p95), and the
 * renderer's JS heap afterwards.
 */
export const transcriptStep: BenchStep = {
  name: 'UI: long transcripts',
  async run(ctx) {
    const metrics: Metric[] = [];
    const checks: Check[] = [];
    // STIGE_BENCH_LONG=TEXT: only the transcripts whose label contains TEXT (e.g. 300k), to iterate.
    const only = process.env.STIGE_BENCH_LONG;
    for (const listed of (ctx.quick ? QUICK : FULL).filter((t) => !only || t.label.includes(only))) {
      const built = listed.source === 'thesis-large' ? await largestOfThesisLarge(ctx) : await buildTranscriptProject(ctx.dir, listed.source);
      const session = await openBrowserSession(ctx.dir);
      const { page } = session;
      try {
        // STIGE_BENCH_CSS: extra CSS for the page, to try a rendering change without rebuilding.
        if (process.env.STIGE_BENCH_CSS) await page.addInitScript((css) => addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css }))), process.env.STIGE_BENCH_CSS);
        await session.backend.dispatch('projects.open', { path: built.file });
        await page.reload();
        await page.locator('.document-item').first().waitFor();
        await page.locator('.document-item', { hasText: built.title }).first().click();
        await page.locator('.document-item.active', { hasText: built.title }).first().waitFor();
        const expected = (session.backend.project().db.prepare('SELECT count(*) AS n FROM codings WHERE document_id = ?').get(built.documentId) as { n: number }).n;
        const spec = { ...listed, label: `${listed.label}: ${Math.round(built.chars / 1000)}k chars, ${expected} codings` };
        if (listed.source === 'thesis-large') {
          const rss = await devhostRssAfterOpening(built.file, built.documentId);
          metrics.push({ name: 'RSS of the backend (`stige serve`) after opening thesis-large and its largest transcript', unit: 'MB', samples: [rss] });
        }
        const paints: number[] = [];
        const tag = listed.source === 'thesis-large' ? 'thesis-large' : `generated-${listed.source.seed}`;
        await profiled(page, `paint-${tag}`, async () => {
        for (let run = 0; run < ctx.runs; run += 1) {
          // Show another view first so that opening the transcript builds it from scratch.
          await page.getByRole('button', { name: 'Data structure', exact: true }).click();
          const ms = await timeInPage(
            page,
            "[...document.querySelectorAll('.view-switch button')].find((b) => b.textContent === 'Code').click()",
            `new Set([...document.querySelectorAll('[data-testid=transcript-text] mark.coding')].flatMap((m) => (m.dataset.codings || '').split(' '))).size >= ${expected}`,
            60_000,
          );
          paints.push(ms);
        }
        });
        const shown = await page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('mark.coding')].flatMap((m) => (m.dataset.codings ?? '').split(' '))).size);
        checks.push(check(`${spec.label}: every coding is highlighted`, shown === expected, `${shown} of ${expected}`));
        const text = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid=transcript-text] p')].map((p) => p.textContent).join('\n'),
        );
        const { text: canonical } = await session.backend.dispatch('documents.get', { id: built.documentId }).then((e) => (e.ok ? (e.value as { text: string }) : { text: '' }));
        checks.push(check(`${spec.label}: editor text equals the canonical text`, text === canonical, `${text.length} vs ${canonical.length}`));
        const paint: Metric = { name: `open ${spec.label} → first paint`, unit: 'ms', samples: paints, target: spec.target };
        const floor = [lexicalFloor(canonical), lexicalFloor(canonical), lexicalFloor(canonical)];
        metrics.push(paint, { name: '  floor: headless Lexical (Node), same paragraphs, no marks', unit: 'ms', samples: floor }, ratioTo('headless Lexical', paint, floor));

        // Scroll through the whole transcript, counting long tasks.
        const longTasks = await profiled(page, `scroll-${tag}`, () => page.evaluate(async () => {
          const scroller = document.querySelector('.transcript-scroll')!;
          const tasks: number[] = [];
          const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
          observer.observe({ type: 'longtask', buffered: false });
          for (let y = 0; y < scroller.scrollHeight; y += 700) {
            scroller.scrollTop = y;
            await new Promise((r) => requestAnimationFrame(r));
          }
          await new Promise((r) => setTimeout(r, 200));
          observer.disconnect();
          return tasks;
        }));
        metrics.push({ name: `scroll ${spec.label}: long tasks > 50 ms`, unit: 'count', samples: [longTasks.length], target: 0, targetOn: 'max' });

        // Apply codes from the keyboard (V, in vivo) to uncoded words, until each highlight is painted.
        metrics.push(...(await applyMetrics(page, { label: spec.label, tag, count: ctx.quick ? 3 : 50, stride: 7, minLength: 40 })));
        if (listed.source === 'thesis-large') await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
        const heap = await page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
        if (heap > 0) metrics.push({ name: `renderer JS heap after ${spec.label}`, unit: 'MB', samples: [heap / 1024 / 1024], target: 300 });
        // Last, as it closes and reopens the project in the page.
        if (listed.source === 'thesis-large') metrics.push(await usableScreenMetric(ctx, session, built.file, checks));
      } finally {
        await session.close();
      }
    }
    return { metrics, checks };
  },
};
