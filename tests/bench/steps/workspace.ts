import fs from 'node:fs';
import path from 'node:path';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { foldString } from '../../../shared/text/fold';
import { Backend } from '../../../electron/backend/backend';
import { rng, transcript } from '../generate';
import { check, timed, type BenchContext, type BenchStep, type Check, type Metric } from '../types';

// The coding workspace's backend: full-text search over a thesis-sized project, undo, and
// retrieval of a dimension's quotes. The three steps share one generated project (built once per
// run of the benchmark, then copied), so only the first pays for the imports.

interface Session {
  readonly backend: Backend;
  readonly api: ApiClient;
  close(): void;
}

function session(dir: string): Session {
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings'), rememberRecent: false });
  backend.settings.setCoderName('Bench');
  return { backend, api: createClient((m, a) => backend.dispatch(m, a)), close: () => backend.close() };
}

/** The size of the project: 60 transcripts of 12,000 words (quick: 3 × 400). */
function size(ctx: BenchContext): { documents: number; words: number; dimensions: number; themes: number; concepts: number; codingsPerConcept: number } {
  return ctx.quick
    ? { documents: 3, words: 400, dimensions: 2, themes: 2, concepts: 2, codingsPerConcept: 3 }
    : { documents: 60, words: 12_000, dimensions: 4, themes: 4, concepts: 5, codingsPerConcept: 40 };
}

let built: { quick: boolean; file: string } | null = null;

/**
 * A project of generated transcripts coded with a Gioia codebook (dimensions → themes → concepts,
 * each concept coded on passages across the documents with createMany). Built once, then copied.
 */
async function project(ctx: BenchContext, name: string): Promise<string> {
  const target = path.join(ctx.dir, `${name}.stige`);
  if (built && built.quick === ctx.quick && fs.existsSync(built.file)) {
    fs.copyFileSync(built.file, target);
    return target;
  }
  const s = size(ctx);
  const source = path.join(path.dirname(ctx.dir), 'workspace-project');
  fs.mkdirSync(source, { recursive: true });
  const file = path.join(source, 'workspace.stige');
  fs.rmSync(file, { force: true });
  const { api, close } = session(source);
  await api.call('projects.create', { path: file });
  ctx.log(`importing ${s.documents} transcripts of ${s.words} words`);
  const ids: string[] = [];
  for (let i = 0; i < s.documents; i += 1) {
    const p = path.join(source, `interview-${i + 1}.txt`);
    fs.writeFileSync(p, transcript(4000 + i, s.words, `Informant ${i + 1}`));
    const report = await api.call('documents.import', { sources: [{ path: p }], informant: `Informant ${i + 1}`, case: `Kommune ${(i % 3) + 1}` });
    ids.push(report.files[0]!.documentId!);
  }
  const texts = await Promise.all(ids.map(async (id) => (await api.call('documents.get', { id })).text));
  const next = rng(99);
  ctx.log('coding');
  for (let d = 0; d < s.dimensions; d += 1) {
    for (let t = 0; t < s.themes; t += 1) {
      for (let c = 0; c < s.concepts; c += 1) {
        const ranges = Array.from({ length: s.codingsPerConcept }, () => {
          const doc = Math.floor(next() * ids.length);
          const text = texts[doc]!;
          let start = Math.floor(next() * (text.length - 400));
          start = text.indexOf(' ', start) + 1;
          let end = text.indexOf(' ', start + 40 + Math.floor(next() * 250));
          if (end < 0) end = text.length;
          return { documentId: ids[doc]!, start, end };
        });
        await api.call('codings.createMany', { code: { concept: `Begrep ${d}.${t}.${c}`, theme: `Tema ${d}.${t}`, dimension: `Dimensjon ${d}` }, ranges });
      }
    }
  }
  close();
  built = { quick: ctx.quick, file };
  fs.copyFileSync(file, target);
  return target;
}

/** Full-text search (FTS5 narrowing + folded matching + context) over the whole project. */
export const workspaceSearchStep: BenchStep = {
  name: 'workspace: full-text search',
  async run(ctx) {
    const file = await project(ctx, 'search');
    const { api, close } = session(ctx.dir);
    const metrics: Metric[] = [];
    const checks: Check[] = [];
    try {
      await api.call('projects.open', { path: file });
      // Phrases taken from the generated text (its words are random, so made-up phrases rarely occur).
      const first = await api.call('documents.get', { id: (await api.call('documents.list', {}))[0]!.id });
      const words = first.text.split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, '')).filter((w) => w.length > 3);
      const phrase = words.slice(20, 23).join(' ');
      const folded = foldString(words.slice(40, 42).join(' '), { ae: 'a' });
      const queries: { label: string; query: string; phrase?: boolean; fold?: boolean }[] = [
        { label: 'folded word "barum"', query: 'barum' },
        { label: 'common word "innovasjon"', query: 'innovasjon' },
        { label: `phrase "${phrase}"`, query: phrase },
        { label: `folded phrase "${folded}"`, query: folded },
        { label: 'all words "trygghet gevinst"', query: 'trygghet gevinst', phrase: false },
        { label: 'exact "Bærum" (no folding)', query: 'Bærum', fold: false },
        { label: 'absent word "sykkelvei"', query: 'sykkelvei' },
      ];
      const cold = await timed(() => api.call('search.text', { query: 'okonomi' }));
      metrics.push({ name: 'search, first after open (folds every text it scans)', unit: 'ms', samples: [cold.ms] });
      for (const q of queries) {
        const samples: number[] = [];
        let total = 0;
        for (let i = 0; i < Math.max(3, ctx.runs); i += 1) {
          const { ms, value } = await timed(() => api.call('search.text', { query: q.query, phrase: q.phrase ?? true, fold: q.fold ?? true, limit: 2000 }));
          samples.push(ms);
          total = value.total;
          if (i === 0 && value.hits.length > 0) {
            const doc = await api.call('documents.get', { id: value.hits[0]!.documentId });
            checks.push(check(`hits of ${q.label} are canonical ranges`, value.hits.slice(0, 50).every((h) => h.documentId !== doc.id || doc.text.slice(h.start, h.end) === h.match)));
          }
        }
        metrics.push({ name: `search ${q.label} (${total} hits)`, unit: 'ms', samples, target: 50 });
      }
      const barum = await api.call('search.text', { query: 'barum', limit: 20_000 });
      checks.push(check('"barum" finds "Bærum"', barum.total > 0 && barum.hits.every((h) => ['barum', 'baerum'].some((f) => foldString(h.match).startsWith(f))), `${barum.total} hits`));
      const absent = await api.call('search.text', { query: 'sykkelvei' });
      checks.push(check('a word in no text has no hits', absent.total === 0));
    } finally {
      close();
    }
    return { metrics, checks };
  },
};

/** 100 steps of coding work, then undo of each (and redo), timed one by one. */
export const workspaceUndoStep: BenchStep = {
  name: 'workspace: undo and redo of 100 steps',
  async run(ctx) {
    const file = await project(ctx, 'undo');
    const { api, backend, close } = session(ctx.dir);
    const undo: number[] = [];
    const redo: number[] = [];
    const checks: Check[] = [];
    const wanted = ctx.quick ? 10 : 100;
    let steps = 0;
    try {
      await api.call('projects.open', { path: file });
      const docs = await api.call('documents.list', {});
      const doc = await api.call('documents.get', { id: docs[0]!.id });
      const concepts = (await api.call('codes.list', {})).filter((c) => c.level === 1);
      const db = () => backend.project().db;
      const dump = () =>
        JSON.stringify([db().prepare('SELECT id, start, end, status FROM codings ORDER BY id').all(), db().prepare('SELECT id, text_hash FROM documents ORDER BY id').all()]);
      const before = dump();
      const count = () => (db().prepare('SELECT count(*) AS n FROM history_steps WHERE undone = 0').get() as { n: number }).n;
      const first = count();
      const next = rng(7);
      // Until `wanted` undo steps exist (an auto-coding whose hits are all coded already makes none).
      for (let i = 0; count() - first < wanted; i += 1) {
        const kind = i % 5;
        const text = (await api.call('documents.get', { id: doc.id })).text;
        const at = text.indexOf(' ', Math.floor(next() * (text.length - 200))) + 1;
        if (kind === 4) {
          // A text edit in the 12,000-word transcript: codings remapped, search index refreshed.
          await api.call('documents.editText', { id: doc.id, edits: [{ start: at, end: at + 3, text: 'søk' }] });
        } else if (kind === 3) {
          const { hits } = await api.call('search.text', { query: 'tillit', limit: 200 });
          await api.call('codings.createMany', { code: { id: concepts[i % concepts.length]!.id }, ranges: hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })) });
        } else {
          await api.call('codings.create', { documentId: doc.id, start: at, end: text.indexOf(' ', at + 30), code: { id: concepts[i % concepts.length]!.id } });
        }
      }
      steps = count() - first;
      const after = dump();
      for (let i = 0; i < steps; i += 1) undo.push((await timed(() => api.call('history.undo', {}))).ms);
      checks.push(check(`undoing ${steps} steps restores the codings and texts`, dump() === before));
      for (let i = 0; i < steps; i += 1) redo.push((await timed(() => api.call('history.redo', {}))).ms);
      checks.push(check(`redoing ${steps} steps restores the end state`, dump() === after));
      const hits = await api.call('search.text', { query: 'søk', limit: 20_000 });
      checks.push(check('the search index follows undo and redo', hits.hits.filter((h) => h.documentId === doc.id).length >= steps / 5, `${hits.total} hits`));
    } finally {
      close();
    }
    return {
      metrics: [
        { name: `undo one step (${steps} steps: codings, auto-coding, text edits of a 12,000-word transcript)`, unit: 'ms', samples: undo, target: 50, targetOn: 'p95' },
        { name: `redo one step (${steps} steps)`, unit: 'ms', samples: redo, target: 50, targetOn: 'p95' },
      ],
      checks,
    };
  },
};

/** The coded segments of one aggregate dimension: every quote of its themes' concepts, with context. */
export const workspaceRetrievalStep: BenchStep = {
  name: 'workspace: retrieve a dimension’s quotes',
  async run(ctx) {
    const file = await project(ctx, 'retrieval');
    const { api, close } = session(ctx.dir);
    const samples: number[] = [];
    const checks: Check[] = [];
    let count = 0;
    try {
      await api.call('projects.open', { path: file });
      const codes = await api.call('codes.list', {});
      const dimension = codes.find((c) => c.level === 3)!;
      for (let i = 0; i < Math.max(3, ctx.runs); i += 1) {
        const { ms, value } = await timed(() => api.call('codings.segments', { codeId: dimension.id }));
        samples.push(ms);
        count = value.length;
        if (i === 0) {
          const s = size(ctx);
          checks.push(check('a dimension’s segments are all its concepts’ codings', value.length > 0 && value.length <= s.themes * s.concepts * s.codingsPerConcept, `${value.length}`));
          // Passages inside an interviewer's question belong to no informant; the others name theirs.
          const named = value.filter((seg) => seg.informants.length > 0).length;
          checks.push(check('most segments name their informant', named >= value.length / 2, `${named} of ${value.length}`));
        }
      }
    } finally {
      close();
    }
    return { metrics: [{ name: `segments of one dimension (${count} quotes)`, unit: 'ms', samples, target: 200 }], checks };
  },
};

/** The workspace steps, in the order they build on each other. */
export const workspaceSteps: readonly BenchStep[] = [workspaceSearchStep, workspaceUndoStep, workspaceRetrievalStep];
