import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';
import { openProjectFile } from '../../../electron/backend/db/projectFile';
import { transcript } from '../generate';
import { check, timed, type BenchStep, type Check } from '../types';

function backendIn(dir: string): Backend {
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings'), rememberRecent: false });
  backend.settings.setCoderName('Bench');
  return backend;
}

/** Creating an empty project file (schema, settings row, WAL). */
export const createProjectStep: BenchStep = {
  name: 'create project',
  async run(ctx) {
    const samples: number[] = [];
    const checks: Check[] = [];
    for (let i = 0; i < ctx.runs; i += 1) {
      const backend = backendIn(ctx.dir);
      const api = createClient((m, a) => backend.dispatch(m, a));
      const { ms, value } = await timed(() => api.call('projects.create', { path: path.join(ctx.dir, `p${i}`) }));
      samples.push(ms);
      backend.close();
      if (i === 0) checks.push(check('a new project has the default level names', value.levels[0] === 'First-order concepts'));
    }
    return { metrics: [{ name: 'create project', unit: 'ms', samples }], checks };
  },
};

/** Importing N plain-text transcripts through the backend (each file its own transaction). */
export const importTextStep: BenchStep = {
  name: 'import .txt transcripts',
  async run(ctx) {
    const files = ctx.quick ? 3 : 20;
    const words = ctx.quick ? 400 : 8000;
    const sources = Array.from({ length: files }, (_, i) => {
      const file = path.join(ctx.dir, `interview-${i + 1}.txt`);
      fs.writeFileSync(file, transcript(1000 + i, words, `Informant ${i + 1}`));
      return { path: file };
    });
    const samples: number[] = [];
    const checks: Check[] = [];
    for (let run = 0; run < ctx.runs; run += 1) {
      const backend = backendIn(ctx.dir);
      const api = createClient((m, a) => backend.dispatch(m, a));
      await api.call('projects.create', { path: path.join(ctx.dir, `import-${run}`) });
      const { ms, value } = await timed(() => api.call('documents.import', { sources }));
      samples.push(ms);
      if (run === 0) {
        checks.push(check(`all ${files} files imported`, value.files.every((f) => f.status === 'imported'), JSON.stringify(value.files.map((f) => f.status))));
        const summary = await api.call('project.summary', {});
        checks.push(check('each transcript has two speakers', summary.documents.every((d) => d.speakers.length === 2)));
      }
      backend.close();
    }
    return { metrics: [{ name: `import ${files} × ${words} words`, unit: 'ms', samples }], checks };
  },
};

/** `stige code` run as a command, as scripted pipelines do (process start included). */
export const cliCodeStep: BenchStep = {
  name: 'stige code throughput',
  async run(ctx) {
    const count = ctx.quick ? 3 : 20;
    const file = path.join(ctx.dir, 'cli.stige');
    const text = transcript(7, ctx.quick ? 300 : 2000, 'Inger');
    fs.writeFileSync(path.join(ctx.dir, 'inger.txt'), text);
    const cli = path.resolve('electron/cli/bin.mjs');
    const runCli = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, STIGE_SETTINGS_DIR: path.join(ctx.dir, '.settings') } });
    runCli(['new', file]);
    runCli(['import', file, path.join(ctx.dir, 'inger.txt')]);
    // Distinct passages: the first words of successive informant turns.
    const passages = text
      .split('\n')
      .filter((l) => l.startsWith('Inger: '))
      .map((l) => l.slice('Inger: '.length).split(' ').slice(0, 4).join(' '))
      .filter((p, i, all) => all.indexOf(p) === i)
      .slice(0, count);
    const samples: number[] = [];
    const checks: Check[] = [];
    for (const [i, passage] of passages.entries()) {
      const { ms, value } = await timed(() => runCli(['code', file, '--document', 'inger', '--text', passage, '--concept', `Concept ${i % 5}`, '--theme', 'Theme', '--coder', 'Bench']));
      samples.push(ms);
      if (value.status !== 0) checks.push(check(`stige code “${passage}”`, false, value.stderr));
    }
    const info = JSON.parse(runCli(['info', file, '--json']).stdout) as { codings: number };
    checks.push(check(`${passages.length} codings recorded`, info.codings === passages.length, `got ${info.codings}`));
    checks.push(check('one file left after the commands', fs.readdirSync(ctx.dir).filter((f) => f.startsWith('cli.stige')).length === 1));
    const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
    return {
      metrics: [
        { name: 'stige code (one command)', unit: 'ms', samples },
        { name: 'stige code throughput', unit: 'ops/s', samples: [median ? 1000 / median : 0] },
      ],
      checks,
    };
  },
};

/** Opening a project with documents and codings: file open (+ backup when due) and the first lists. */
export const openProjectStep: BenchStep = {
  name: 'open project',
  async run(ctx) {
    const backend = backendIn(ctx.dir);
    const api = createClient((m, a) => backend.dispatch(m, a));
    const file = path.join(ctx.dir, 'open.stige');
    await api.call('projects.create', { path: file });
    const files = ctx.quick ? 2 : 20;
    const sources = Array.from({ length: files }, (_, i) => {
      const p = path.join(ctx.dir, `open-${i}.txt`);
      fs.writeFileSync(p, transcript(500 + i, ctx.quick ? 300 : 8000, `Informant ${i}`));
      return { path: p };
    });
    const report = await api.call('documents.import', { sources });
    const codingsPerDoc = ctx.quick ? 10 : 75;
    for (const f of report.files) {
      const doc = await api.call('documents.get', { id: f.documentId! });
      for (let i = 0; i < codingsPerDoc; i += 1) {
        // Never split an emoji (a surrogate pair) in two: the backend refuses such a range.
        const whole = (at: number) => (/[\udc00-\udfff]/.test(doc.text[at] ?? '') ? at + 1 : at);
        const start = whole(Math.floor((i / codingsPerDoc) * (doc.text.length - 60)));
        await api.call('codings.create', { documentId: doc.id, start, end: whole(start + 40 + (i % 20)), code: { concept: `Concept ${i % 25}`, theme: `Theme ${i % 5}` } });
      }
    }
    backend.close();
    const samples: number[] = [];
    let counts = { documents: 0, codes: 0 };
    for (let run = 0; run < ctx.runs; run += 1) {
      const fresh = backendIn(ctx.dir);
      const client = createClient((m, a) => fresh.dispatch(m, a));
      const { ms, value } = await timed(async () => {
        await client.call('projects.open', { path: file });
        const [documents, codes] = await Promise.all([client.call('documents.list', {}), client.call('codes.list', {})]);
        return { documents: documents.length, codes: codes.length };
      });
      samples.push(ms);
      counts = value;
      fresh.close();
    }
    // The raw floor: opening the SQLite file alone.
    const floor = await timed(() => openProjectFile(file).close());
    return {
      metrics: [
        { name: `open project (${files} documents, ${files * codingsPerDoc} codings)`, unit: 'ms', samples, target: 1000 },
        { name: 'floor: open the SQLite file', unit: 'ms', samples: [floor.ms] },
      ],
      checks: [check('all documents and codes listed', counts.documents === files && counts.codes === Math.min(codingsPerDoc, 25) + Math.min(codingsPerDoc, 5), JSON.stringify(counts))],
    };
  },
};
