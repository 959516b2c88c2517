import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';
import { sharedParsePool } from '../../../electron/backend/import/parsePool';

// Bench step: import many transcripts and measure how other API calls answer meanwhile.
//
//   const result = await importTranscripts({ dir, files: 60, wordsPerFile: 12_000 });
//
// It writes `files` deterministic Norwegian-like interview transcripts (same seed → same bytes)
// into `dir/transcripts/` — a mix of labelled plain text (.txt), Teams-style WebVTT (.vtt) and
// Whisper-style SubRip with [SPEAKER_nn] labels (.srt) — creates `dir/bench.stige`, and imports
// them all in ONE `documents.import` call through `Backend.dispatch`, the path the UI's calls take.
// While the import runs it calls `codes.list` every `probeEveryMs` and records, per call, the time
// from when the call was due to when its answer arrived. That includes any time the event loop was
// blocked, which is what a user clicking during an import would wait. The same probe runs for a
// short while before the import, as a baseline. Nothing here asserts a time: the caller (the bench
// runner) prints or compares the numbers. Target (issue #4): 60 × 12,000 words in < 15 s, and
// other calls answering within 100 ms during the import.

/** What to generate and how often to probe. */
export interface ImportBenchOptions {
  /** A fresh, empty temporary folder; the transcripts and the project are written in it. */
  readonly dir: string;
  readonly files: number;
  readonly wordsPerFile: number;
  /** Same seed, same transcripts. */
  readonly seed?: number;
  /** How often the probe calls `codes.list` (ms); default 10. */
  readonly probeEveryMs?: number;
  /** How long the idle baseline is probed before the import (ms); default 300. */
  readonly baselineMs?: number;
}

/** Latency statistics of the probe calls, in milliseconds. */
export interface LatencyStats {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** What the step measured. */
export interface ImportBenchResult {
  readonly files: number;
  readonly words: number;
  readonly bytes: number;
  readonly generateMs: number;
  /** Wall time of the one `documents.import` call. */
  readonly importMs: number;
  readonly imported: number;
  readonly failed: number;
  /** Turns and characters stored, as a check that the work was done. */
  readonly turns: number;
  readonly chars: number;
  /** How files were parsed: in worker threads (how many), or in-thread with the reason. */
  readonly parseMode: string;
  readonly probeMethod: 'codes.list';
  /** Probe latency before the import (idle) and during it. */
  readonly baseline: LatencyStats;
  readonly duringImport: LatencyStats;
}

const WORDS = (
  'og i det som er på å en for ikke med har jeg vi de at kommunen innovasjon tjenester innbyggerne ' +
  'samarbeid prosjekt ledelse ansatte erfaring løsninger utfordringer endring kultur digitalisering ' +
  'helse omsorg skole barnehage økonomi budsjett strategi plan møte rådmann politikere frivillige ' +
  'nærmiljø bærekraft klima fremtid prøve feile lære dele mot tillit åpenhet «nyskapning» ' +
  'veldig egentlig liksom altså kanskje sikkert gjerne også bare litt mye få ofte aldri alltid ' +
  'Bærum Asker Ålesund Tromsø Øvre Årdal sa tenkte mente gjorde fikk ville kunne skulle måtte'
).split(' ');

/** mulberry32: a small seeded PRNG, so the transcripts are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  picked[0] = picked[0]!.charAt(0).toUpperCase() + picked[0]!.slice(1);
  return `${picked.join(' ')}${next() < 0.2 ? '?' : '.'}`;
}

function clock(ms: number, comma = false): string {
  const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
  return `${pad(ms / 3_600_000)}:${pad((ms / 60_000) % 60)}:${pad((ms / 1000) % 60)}${comma ? ',' : '.'}${pad(ms % 1000, 3)}`;
}

/** One transcript of about `words` words, as .txt, .vtt or .srt (by `index`). */
export function generateTranscript(index: number, words: number, seed = 1): { name: string; content: string; words: number } {
  const next = random(seed * 100_003 + index);
  const informant = ['Inger', 'Kjell', 'Sarah', 'Ola Nordmann', 'Kari Ås'][index % 5]!;
  const format = (['txt', 'vtt', 'srt'] as const)[index % 3]!;
  const lines: string[] = format === 'vtt' ? ['WEBVTT', ''] : [];
  let written = 0;
  let time = 0;
  let cue = 0;
  for (let turn = 0; written < words; turn += 1) {
    const speaker = turn % 2 === 0 ? 'Intervjuer' : informant;
    const sentences = turn % 2 === 0 ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 6);
    for (let s = 0; s < sentences && written < words; s += 1) {
      const n = 6 + Math.floor(next() * 14);
      const text = sentence(next, n);
      written += n;
      const start = time;
      time += n * 380;
      cue += 1;
      if (format === 'txt') lines.push(s === 0 ? `${speaker}: ${text}` : text);
      else if (format === 'vtt') lines.push(`${cue}`, `${clock(start)} --> ${clock(time)}`, `<v ${speaker}>${text}</v>`, '');
      else lines.push(`${cue}`, `${clock(start, true)} --> ${clock(time, true)}`, `[SPEAKER_0${turn % 2}]: ${text}`, '');
    }
  }
  return { name: `intervju-${String(index + 1).padStart(3, '0')}.${format}`, content: `${lines.join('\n')}\n`, words: written };
}

function stats(values: readonly number[]): LatencyStats {
  if (values.length === 0) return { samples: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    samples: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]!),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/**
 * Probe `call` every `everyMs` until `stop()`; each sample is due-time → answer-time, so a blocked
 * event loop shows as latency even when the call itself is quick.
 */
function probe(call: () => Promise<unknown>, everyMs: number): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      await call();
      samples.push(performance.now() - due);
      due += everyMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else due = performance.now();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

/** Generate, import and measure; see the comment at the top of this file. */
export async function importTranscripts(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const seed = options.seed ?? 1;
  const every = options.probeEveryMs ?? 10;
  const folder = path.join(options.dir, 'transcripts');
  fs.mkdirSync(folder, { recursive: true });
  const generateStart = performance.now();
  let words = 0;
  let bytes = 0;
  const paths: string[] = [];
  for (let i = 0; i < options.files; i += 1) {
    const file = generateTranscript(i, options.wordsPerFile, seed);
    const target = path.join(folder, file.name);
    fs.writeFileSync(target, file.content);
    words += file.words;
    bytes += Buffer.byteLength(file.content);
    paths.push(target);
  }
  const generateMs = performance.now() - generateStart;

  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: null, settingsDir: path.join(options.dir, '.settings'), rememberRecent: false, log: () => {} });
  const api = createClient((method, args) => backend.dispatch(method, args));
  try {
    await api.call('projects.create', { path: path.join(options.dir, 'bench.stige') });
    const pool = sharedParsePool();
    const parseMode = pool.mode.kind === 'workers' ? `${pool.mode.size} worker thread(s)` : `in-thread (${pool.mode.reason})`;
    const idle = probe(() => api.call('codes.list', {}), every);
    await new Promise((resolve) => setTimeout(resolve, options.baselineMs ?? 300));
    const baseline = await idle.stop();

    const during = probe(() => api.call('codes.list', {}), every);
    const importStart = performance.now();
    const report = await api.call('documents.import', { sources: paths.map((p) => ({ path: p })) });
    const importMs = performance.now() - importStart;
    const duringImport = await during.stop();

    const summary = await api.call('project.summary', {});
    return {
      files: options.files,
      words,
      bytes,
      generateMs: Math.round(generateMs),
      importMs: Math.round(importMs),
      imported: report.files.filter((f) => f.status === 'imported').length,
      failed: report.files.filter((f) => f.status === 'failed').length,
      turns: summary.documents.reduce((sum, d) => sum + d.turns, 0),
      chars: summary.documents.reduce((sum, d) => sum + d.chars, 0),
      parseMode,
      probeMethod: 'codes.list',
      baseline: stats(baseline),
      duringImport: stats(duringImport),
    };
  } finally {
    backend.close();
  }
}
