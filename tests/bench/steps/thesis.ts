import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';
import { cachedLargeProject, QUICK_LARGE, QUICK_SMALL, THESIS_LARGE, THESIS_SMALL, type LargeProjectSize } from '../largeProject';
import { check, median, ratioTo, timed, type BenchContext, type BenchStep, type Check, type Metric } from '../types';
import { importTranscripts } from './importTranscripts';
import { floorCounts } from './matrix';
import { benchQuoteDocxExport } from './quotes';
import { exportAndReimport, importNvivo12Sample, NVIVO12_SAMPLE } from './refi';
import { benchStructure } from './structure';

// The reference projects (thesis-small and thesis-large, generated once per run and
// cached) and the steps measured on them through the API, each beside its physical floor where one
// exists, plus the steps that bring their own material: importing 60 transcripts, the NVivo 12
// sample, the data-structure figure and the DOCX of 1,000 quotes.

/** The two reference projects at this run's size. */
export function referenceSizes(quick: boolean): { small: LargeProjectSize; large: LargeProjectSize } {
  return quick ? { small: QUICK_SMALL, large: QUICK_LARGE } : { small: THESIS_SMALL, large: THESIS_LARGE };
}

/** A copy of thesis-large (or thesis-small) for a step, built on first use in this run. */
export async function referenceProject(ctx: BenchContext, which: 'small' | 'large'): Promise<string> {
  const size = referenceSizes(ctx.quick)[which];
  const { file, buildMs } = await cachedLargeProject(ctx.cache, ctx.dir, size, `thesis-${which}`);
  if (buildMs !== null) ctx.log(`generated thesis-${which} (${size.interviews} interviews, ${size.codings} codings) in ${(buildMs / 1000).toFixed(1)} s`);
  return file;
}

function backendIn(dir: string): { backend: Backend; api: ApiClient } {
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings'), rememberRecent: false, log: () => {} });
  backend.settings.setCoderName('Bench');
  return { backend, api: createClient((m, a) => backend.dispatch(m, a)) };
}

/** The backend measurements of one reference project, by metric key (for the scaling rows). */
type Measured = Map<string, { metric: Metric; floor?: { name: string; samples: number[] } }>;

async function measureProject(ctx: BenchContext, which: 'small' | 'large', checks: Check[]): Promise<Measured> {
  const size = referenceSizes(ctx.quick)[which];
  const file = await referenceProject(ctx, which);
  const label = `thesis-${which}`;
  const out: Measured = new Map();
  const runs = Math.max(3, ctx.runs);

  // Open the project to what the first screen needs: lists, statistics, the first transcript and its codings.
  const open: number[] = [];
  const openFloor: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { backend, api } = backendIn(ctx.dir);
    const { ms, value } = await timed(async () => {
      await api.call('projects.open', { path: file });
      const [documents, codes] = await Promise.all([api.call('documents.list', {}), api.call('codes.list', {}), api.call('codes.stats', {}), api.call('informants.list', {})]);
      const [doc, codings] = await Promise.all([api.call('documents.get', { id: documents[0]!.id }), api.call('codings.list', { documentId: documents[0]!.id })]);
      return { documents: documents.length, codes: codes.length, text: doc.text.length, codings: codings.length };
    });
    open.push(ms);
    backend.close();
    if (run === 0) checks.push(check(`${label}: opens with ${size.interviews} documents and ${size.codes} codes`, value.documents === size.interviews && value.codes === size.codes, JSON.stringify(value)));
    openFloor.push((await timed(() => new Database(file, { readonly: true }).prepare('SELECT count(*) FROM documents').get())).ms);
  }
  out.set('open', { metric: { name: `${label}: open project → lists, stats, first transcript`, unit: 'ms', samples: open, target: 1000 }, floor: { name: 'open the SQLite file, one query', samples: openFloor } });

  const { backend, api } = backendIn(ctx.dir);
  try {
    await api.call('projects.open', { path: file });
    const db = backend.project().db;

    // One dimension's quotes: the largest dimension (most codings under it).
    const codes = await api.call('codes.list', {});
    const dimensions = codes.filter((c) => c.level === 3);
    const underDimension = (id: string) => {
      const themes = codes.filter((c) => c.parentId === id).map((c) => c.id);
      return codes.filter((c) => c.parentId !== null && themes.includes(c.parentId)).reduce((n, c) => n + c.codingCount, 0);
    };
    const dimension = dimensions.reduce((best, d) => (underDimension(d.id) > underDimension(best.id) ? d : best), dimensions[0]!);
    const quotes: number[] = [];
    let quoteCount = 0;
    for (let run = 0; run < runs; run += 1) {
      const { ms, value } = await timed(() => api.call('codings.segments', { codeId: dimension.id }));
      quotes.push(ms);
      quoteCount = value.length;
    }
    checks.push(check(`${label}: a dimension's quotes are its concepts' codings`, quoteCount === underDimension(dimension.id), `${quoteCount} vs ${underDimension(dimension.id)}`));
    out.set('quotes', { metric: { name: `${label}: quotes of the largest dimension (${quoteCount})`, unit: 'ms', samples: quotes, target: 200 } });

    // Full-text search: a common word, folded (barum → Bærum), and a phrase.
    const first = (await api.call('documents.get', { id: (await api.call('documents.list', {}))[0]!.id })).text;
    // Two words that stand next to each other in the text (no punctuation between them).
    const tokens = first.split(/\s+/);
    const at = tokens.findIndex((w, i) => i > 30 && /^\p{L}{4,}$/u.test(w) && /^\p{L}{4,}$/u.test(tokens[i + 1] ?? ''));
    const phrase = `${tokens[at]} ${tokens[at + 1]}`;
    await api.call('search.text', { query: 'okonomi' }); // the first search after opening warms the folded texts
    for (const [key, query] of [['search word', 'barum'], ['search phrase', phrase]] as const) {
      const samples: number[] = [];
      let total = 0;
      for (let run = 0; run < runs; run += 1) {
        const { ms, value } = await timed(() => api.call('search.text', { query }));
        samples.push(ms);
        total = value.total;
      }
      checks.push(check(`${label}: search “${query}” finds it`, total > 0, `${total} hits`));
      out.set(key, { metric: { name: `${label}: FTS search “${query}” (${total} hits)`, unit: 'ms', samples, target: 50 } });
    }

    // The full code × informant matrix, beside the bare SQL count of the same cells.
    const matrix: number[] = [];
    const floor: number[] = [];
    let cells = 0;
    for (let run = 0; run < runs; run += 1) {
      const m = await timed(() => api.call('analysis.matrix', { rows: 'tree', columns: { kind: 'informants' }, measure: 'codings' }));
      matrix.push(m.ms);
      cells = m.value.rows.length * m.value.cols.length;
      floor.push((await timed(() => floorCounts(db))).ms);
    }
    checks.push(check(`${label}: the matrix has every code × every informant`, cells === size.codes * size.informants, `${cells}`));
    out.set('matrix', {
      metric: { name: `${label}: matrix, all ${size.codes} codes × ${size.informants} informants`, unit: 'ms', samples: matrix, target: 500 },
      floor: { name: 'bare SQL count per concept × informant', samples: floor },
    });
  } finally {
    backend.close();
  }
  return out;
}

/**
 * The reference projects through the API: open, one dimension's quotes, FTS search, the full
 * matrix, each with its floor where there is one, then each figure's growth from thesis-small to
 * thesis-large beside the growth of the project (10× the codings, 9× the text).
 */
export const thesisStep: BenchStep = {
  name: 'thesis projects: open, quotes, search, matrix, scaling',
  async run(ctx) {
    const checks: Check[] = [];
    const small = await measureProject(ctx, 'small', checks);
    const large = await measureProject(ctx, 'large', checks);
    const metrics: Metric[] = [];
    for (const measured of [small, large]) {
      for (const { metric, floor } of measured.values()) {
        metrics.push(metric);
        if (floor) {
          metrics.push({ name: `  floor: ${floor.name}`, unit: 'ms', samples: floor.samples });
          metrics.push(ratioTo(floor.name, metric, floor.samples));
        }
      }
    }
    const sizes = referenceSizes(ctx.quick);
    const codingRatio = sizes.large.codings / sizes.small.codings;
    const textRatio = (sizes.large.interviews * sizes.large.words) / (sizes.small.interviews * sizes.small.words);
    for (const [key, { metric }] of large) {
      const before = small.get(key);
      if (!before) continue;
      metrics.push({
        name: `scaling ${key}: large/small (size ×${codingRatio.toFixed(0)} codings, ×${textRatio.toFixed(0)} text)`,
        unit: 'ratio',
        samples: [median(metric.samples) / median(before.metric.samples)],
      });
    }
    return { metrics, checks };
  },
};

/** Import of 60 transcripts of 12,000 words (.txt, .vtt, .srt) in one call, beside raw inserts of the same text. */
export const importStep: BenchStep = {
  name: 'import 60 transcripts',
  async run(ctx) {
    const files = ctx.quick ? 3 : 60;
    const words = ctx.quick ? 400 : 12_000;
    const samples: number[] = [];
    const floor: number[] = [];
    const during: number[] = [];
    const checks: Check[] = [];
    for (let run = 0; run < ctx.runs; run += 1) {
      const dir = fs.mkdtempSync(path.join(ctx.dir, 'import-'));
      const result = await importTranscripts({ dir, files, wordsPerFile: words, baselineMs: 100 });
      samples.push(result.importMs);
      during.push(result.duringImport.p95);
      if (run === 0) {
        checks.push(check(`all ${files} files imported`, result.imported === files && result.failed === 0, `${result.imported} imported, ${result.failed} failed`));
        ctx.log(`parsed in ${result.parseMode}; ${result.words} words, ${(result.bytes / 1e6).toFixed(1)} MB`);
      }
      // The floor: the same bytes read and inserted as rows in one transaction, nothing else.
      const texts = fs.readdirSync(path.join(dir, 'transcripts')).map((name) => ({ name, text: fs.readFileSync(path.join(dir, 'transcripts', name), 'utf8') }));
      floor.push(
        (
          await timed(() => {
            const db = new Database(path.join(dir, 'floor.sqlite'));
            db.pragma('journal_mode = WAL');
            db.exec('CREATE TABLE documents (name TEXT, text TEXT)');
            const insert = db.prepare('INSERT INTO documents (name, text) VALUES (?, ?)');
            db.transaction(() => texts.forEach((t) => insert.run(t.name, t.text)))();
            db.close();
          })
        ).ms,
      );
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const metric: Metric = { name: `import ${files} transcripts × ${words} words (one call)`, unit: 'ms', samples, ...(ctx.quick ? {} : { target: 15_000 }) };
    return {
      metrics: [
        metric,
        { name: '  floor: the same text inserted raw, one transaction', unit: 'ms', samples: floor },
        ratioTo('raw insert', metric, floor),
        { name: '  other calls during the import: p95 latency', unit: 'ms', samples: during, target: 100 },
      ],
      checks,
    };
  },
};

/** The NVivo 12 corpus sample (.qdpx, 2 sources of ~600,000 characters, 303 codings). */
export const nvivoStep: BenchStep = {
  name: 'import the NVivo 12 .qdpx',
  async run(ctx) {
    if (!fs.existsSync(NVIVO12_SAMPLE)) return { metrics: [], checks: [check('the NVivo 12 sample is in ../shared/corpus', false, NVIVO12_SAMPLE)] };
    const samples: number[] = [];
    const checks: Check[] = [];
    for (let run = 0; run < ctx.runs; run += 1) {
      const result = await importNvivo12Sample(path.join(ctx.dir, `nvivo-${run}`));
      samples.push(result.ms);
      if (run === 0) checks.push(check('the NVivo sample imports 2 documents, 152 codes, 303 codings', result.detail.documents === 2 && result.detail.codes === 152 && result.detail.codings === 303, JSON.stringify(result.detail)));
    }
    return { metrics: [{ name: 'import NVivo 12 sample .qdpx', unit: 'ms', samples, target: 3000 }], checks };
  },
};

/** .qdpx export of thesis-large and its re-import, beside reading and zipping the same text. */
export const qdpxStep: BenchStep = {
  name: 'qdpx export and re-import',
  async run(ctx) {
    const file = await referenceProject(ctx, 'large');
    const exports: number[] = [];
    const imports: number[] = [];
    const floor: number[] = [];
    const checks: Check[] = [];
    const size = referenceSizes(ctx.quick).large;
    for (let run = 0; run < Math.min(ctx.runs, 3); run += 1) {
      const [exported, reimported] = await exportAndReimport(file, path.join(ctx.dir, `qdpx-${run}`));
      exports.push(exported!.ms);
      imports.push(reimported!.ms);
      if (run === 0) checks.push(check(`the re-import has ${size.interviews} documents and ${size.codings} codings`, reimported!.detail.documents === size.interviews && reimported!.detail.codings === size.codings, JSON.stringify(reimported!.detail)));
      // The floor: read the same texts from the file and zip them (deflate), as the export must at least do.
      floor.push(
        (
          await timed(async () => {
            const db = new Database(file, { readonly: true });
            const zip = new JSZip();
            for (const row of db.prepare('SELECT id, text FROM documents').iterate() as Iterable<{ id: string; text: string }>) zip.file(`sources/${row.id}.txt`, row.text);
            db.close();
            await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
          })
        ).ms,
      );
    }
    const exportMetric: Metric = { name: `qdpx export of thesis-large (${size.codings} codings)`, unit: 'ms', samples: exports, target: 10_000 };
    return {
      metrics: [
        exportMetric,
        { name: '  floor: read the same texts and zip them', unit: 'ms', samples: floor },
        ratioTo('read + zip', exportMetric, floor),
        { name: 'qdpx re-import of that export', unit: 'ms', samples: imports, target: 10_000 },
      ],
      checks,
    };
  },
};

/** The data-structure figure with 150 concepts: layout, SVG, PNG (300 dpi), PDF. */
export const structureStep: BenchStep = {
  name: 'data structure: layout and export',
  async run(ctx) {
    const measured = await benchStructure({ quick: ctx.quick });
    return {
      // The step reports medians and maxima; both go in as samples so the table shows the spread.
      metrics: measured.map((m) => ({ name: `${m.name} (${m.detail})`, unit: 'ms' as const, samples: [m.medianMs, m.maxMs], ...(m.targetMs === null ? {} : { target: m.targetMs }) })),
      checks: [
        check('the layout has a box for each of 150 concepts, 30 themes, 8 dimensions', Number.parseInt(measured[0]!.detail, 10) >= 188, measured[0]!.detail),
        check('the PNG is written', Number.parseInt(measured[2]!.detail, 10) > 1000, measured[2]!.detail),
      ],
    };
  },
};

/** DOCX of 1,000 starred quotes in four tables. */
export const docxStep: BenchStep = {
  name: 'DOCX of 1,000 quotes',
  async run(ctx) {
    const quotes = ctx.quick ? 40 : 1000;
    const result = await benchQuoteDocxExport({ quotes, runs: ctx.quick ? 1 : Math.min(ctx.runs, 3) });
    return {
      metrics: [{ name: `DOCX export of ${quotes} quotes (${result.detail.bytes} bytes)`, unit: 'ms', samples: [...result.runs], target: 3000 }],
      // benchQuoteDocxExport throws unless every run wrote all quotes in 4 tables (rows counted in the XML).
      checks: [check(`the DOCX has ${quotes} quotes in 4 tables`, result.runs.length > 0)],
    };
  },
};
