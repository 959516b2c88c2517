import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';
import { rng, transcript } from '../generate';
import { check, timed, type BenchContext, type BenchStep, type Check } from '../types';

// Teams: merging two thesis-large coders' copies (15,000 codings each) and agreement over the
// whole project. The material is generated here, deterministically (the shared large-project
// generator of tests/bench/steps/matrix.ts is on another branch): 20 interviews of 8,000 words, a
// codebook of 4 dimensions × 3 themes × 5 concepts, and two coders who code mostly the same
// passages, often with the same concept, with boundaries that now and then differ.

/** The size of the material. */
export interface TeamBenchSize {
  readonly documents: number;
  readonly words: number;
  readonly codingsPerCoder: number;
}

/** The benchmark's sizes: full, and quick (correctness only). */
export const TEAM_SIZES: Readonly<Record<'full' | 'quick', TeamBenchSize>> = {
  full: { documents: 20, words: 8000, codingsPerCoder: 15_000 },
  quick: { documents: 3, words: 600, codingsPerCoder: 300 },
};

function backendIn(dir: string, coder: string): Backend {
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, `.settings-${coder}`), rememberRecent: false, log: () => {} });
  backend.settings.setCoderName(coder);
  return backend;
}

function clientOf(backend: Backend): ApiClient {
  return createClient((m, a) => backend.dispatch(m, a));
}

/** The master project: documents and codebook, no codings. Returns its concept ids. */
export async function buildMaster(dir: string, size: TeamBenchSize): Promise<{ file: string; concepts: string[] }> {
  const backend = backendIn(dir, 'Lead');
  const api = clientOf(backend);
  const file = path.join(dir, 'master.stige');
  await api.call('projects.create', { path: file, name: 'Team bench' });
  const sources = Array.from({ length: size.documents }, (_, i) => {
    const p = path.join(dir, `interview-${i + 1}.txt`);
    fs.writeFileSync(p, transcript(9000 + i, size.words, `Informant ${i + 1}`));
    return { path: p };
  });
  await api.call('documents.import', { sources });
  const concepts: string[] = [];
  for (let d = 0; d < 4; d += 1) {
    const dimension = await api.call('codes.create', { label: `Dimensjon ${d + 1}`, level: 3 });
    for (let t = 0; t < 3; t += 1) {
      const theme = await api.call('codes.create', { label: `Tema ${d + 1}.${t + 1}`, level: 2, parentId: dimension.id });
      for (let c = 0; c < 5; c += 1) concepts.push((await api.call('codes.create', { label: `Begrep ${d + 1}.${t + 1}.${c + 1} æøå`, level: 1, parentId: theme.id })).id);
    }
  }
  backend.close();
  return { file, concepts };
}

/**
 * Code a hand-out copy as `coder`: `count` codings on passages drawn with `seed` from a shared
 * stream (so two coders overlap), each coder choosing the "shared" concept 80 % of the time and
 * shifting a boundary 25 % of the time. Written in one step, directly, for speed.
 */
export async function codeCopy(dir: string, file: string, coder: string, seed: number, count: number, concepts: readonly string[]): Promise<void> {
  const backend = backendIn(dir, coder);
  const api = clientOf(backend);
  await api.call('projects.open', { path: file });
  const project = backend.project();
  const docs = project.db.prepare('SELECT id, text FROM documents ORDER BY sort_order').all() as { id: string; text: string }[];
  const shared = rng(4242);
  const own = rng(seed);
  project.step(`Bench codings by ${coder}`, () => {
    const coderId = project.coderId();
    const insert = project.db.prepare(
      'INSERT OR IGNORE INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const now = Date.now();
    for (let i = 0; i < count; i += 1) {
      const doc = docs[Math.floor(shared() * docs.length)]!;
      let start = Math.floor(shared() * Math.max(1, doc.text.length - 400));
      let end = start + 30 + Math.floor(shared() * 300);
      const concept = concepts[Math.floor(shared() * concepts.length)]!;
      const choice = own() < 0.8 ? concept : concepts[Math.floor(own() * concepts.length)]!;
      if (own() < 0.25) start = Math.max(0, start - Math.floor(own() * 40));
      if (own() < 0.25) end = Math.min(doc.text.length, end + Math.floor(own() * 40));
      // Keep emoji whole: never split a surrogate pair.
      if (start > 0 && /[\udc00-\udfff]/.test(doc.text[start]!)) start -= 1;
      if (end < doc.text.length && /[\udc00-\udfff]/.test(doc.text[end]!)) end += 1;
      insert.run(randomUUID(), doc.id, choice, start, end, coderId, doc.text.slice(start, end), now, now);
    }
  });
  backend.close();
}

/** Merging two coders' thesis-large copies into the master, and agreement over the whole project. */
export const teamStep: BenchStep = {
  name: 'team: merge copies, agreement',
  async run(ctx: BenchContext) {
    const size = ctx.quick ? TEAM_SIZES.quick : TEAM_SIZES.full;
    const checks: Check[] = [];
    ctx.log(`generating ${size.documents} interviews of ${size.words} words and two copies with ${size.codingsPerCoder} codings each`);
    const { file, concepts } = await buildMaster(ctx.dir, size);
    const mergeSamples: number[] = [];
    const previewSamples: number[] = [];
    const agreementSamples: number[] = [];
    const themeSamples: number[] = [];
    const disagreementSamples: number[] = [];
    const undoSamples: number[] = [];
    for (let run = 0; run < ctx.runs; run += 1) {
      const master = path.join(ctx.dir, `master-${run}.stige`);
      fs.copyFileSync(file, master);
      const lead = backendIn(ctx.dir, 'Lead');
      const api = clientOf(lead);
      await api.call('projects.open', { path: master });
      const kari = path.join(ctx.dir, `kari-${run}.stige`);
      const ola = path.join(ctx.dir, `ola-${run}.stige`);
      await api.call('team.handout', { path: kari, coder: 'Kari', blind: true });
      await api.call('team.handout', { path: ola, coder: 'Ola', blind: true });
      lead.close();
      await codeCopy(ctx.dir, kari, 'Kari', 1, size.codingsPerCoder, concepts);
      await codeCopy(ctx.dir, ola, 'Ola', 2, size.codingsPerCoder, concepts);

      const again = backendIn(ctx.dir, 'Lead');
      const client = clientOf(again);
      await client.call('projects.open', { path: master });
      const preview = await timed(() => client.call('team.mergePreview', { path: kari }));
      previewSamples.push(preview.ms);
      const first = await timed(() => client.call('team.mergeApply', { path: kari }));
      const second = await timed(() => client.call('team.mergeApply', { path: ola }));
      mergeSamples.push(second.ms);
      if (run === 0) {
        checks.push(check('the first merge adds every coding of the copy', first.value.counts.codings.added + first.value.counts.codings.duplicates === size.codingsPerCoder, JSON.stringify(first.value.counts.codings)));
        checks.push(check('a merge of blind copies has no conflicts', first.value.conflicts.length === 0 && second.value.conflicts.length === 0));
        checks.push(check('the preview counted what the merge did', JSON.stringify(preview.value.counts) === JSON.stringify(first.value.counts)));
      }
      const coders = await client.call('team.coders', {});
      const ids = ['Kari', 'Ola'].map((n) => coders.find((c) => c.name === n)!.id);
      const concept = await timed(() => client.call('team.agreement', { coderIds: ids }));
      agreementSamples.push(concept.ms);
      const theme = await timed(() => client.call('team.agreement', { coderIds: ids, level: 2, unit: 'turn' }));
      themeSamples.push(theme.ms);
      const listed = await timed(() => client.call('team.disagreements', { coderIds: ids, limit: 200 }));
      disagreementSamples.push(listed.ms);
      if (run === 0) {
        const overall = concept.value.overall;
        checks.push(check('agreement covers every concept', concept.value.rows.length === concepts.length));
        checks.push(check('agreement figures are defined and between −1 and 1', [overall.kappa, overall.alpha].every((v) => v !== null && v > -1 && v <= 1), JSON.stringify(overall)));
        checks.push(check('theme agreement by turns has a row per theme', theme.value.rows.length === 12 && theme.value.unit === 'turn'));
        checks.push(check('disagreements are listed', listed.value.total > 0 && listed.value.items.length <= 200));
      }
      const undo = await timed(() => client.call('history.undo', {}));
      undoSamples.push(undo.ms);
      if (run === 0) checks.push(check('a merge undoes as one step', undo.value.done?.label === 'Merge “ola-0.stige” (Ola)', undo.value.done?.label ?? 'nothing undone'));
      again.close();
    }
    return {
      metrics: [
        { name: `merge a copy with ${size.codingsPerCoder} codings (into one with as many)`, unit: 'ms', samples: mergeSamples, target: 5000 },
        { name: 'merge preview (dry run)', unit: 'ms', samples: previewSamples },
        { name: `agreement, all concepts, characters (${size.codingsPerCoder * 2} codings)`, unit: 'ms', samples: agreementSamples, target: 2000 },
        { name: 'agreement, all themes, turns', unit: 'ms', samples: themeSamples, target: 2000 },
        { name: 'disagreements, first 200', unit: 'ms', samples: disagreementSamples },
        { name: 'undo a merge (the undo history replays every row)', unit: 'ms', samples: undoSamples },
      ],
      checks,
    };
  },
};
