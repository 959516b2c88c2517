import fs from 'node:fs';
import path from 'node:path';
import { createClient, type ApiClient } from '../../shared/api/client';
import { Backend } from '../../electron/backend/backend';
import { sha256 } from '../../electron/backend/import/hash';
import { rng, sentence } from './generate';

// The benchmark's large project, built directly through the backend in one step (batch inserts),
// deterministically: the same size gives the same texts, people, codebook and codings on every
// machine. Other benchmark steps reuse it (`buildLargeProject`).

/** How large the project is. */
export interface LargeProjectSize {
  readonly interviews: number;
  readonly codings: number;
  /** Codes in all: `dimensions` dimensions, `themes` themes, the rest concepts. */
  readonly codes: number;
  readonly dimensions: number;
  readonly themes: number;
  readonly informants: number;
  readonly interviewers: number;
  readonly cases: number;
  /** Approximate words per interview. */
  readonly words: number;
  readonly seed: number;
  /** Coders sharing the codings (default 2). */
  readonly coders?: number;
  /** Every n-th coding of a document overlaps the one before it (default: none). */
  readonly overlapEvery?: number;
}

/** The size the benchmark names: 60 interviews, 15,000 codings, 400 codes, 60 informants + 3 interviewers, 5 cases. */
export const LARGE: LargeProjectSize = {
  interviews: 60,
  codings: 15_000,
  codes: 400,
  dimensions: 5,
  themes: 40,
  informants: 60,
  interviewers: 3,
  cases: 5,
  words: 6000,
  seed: 20_240_301,
};

/**
 * The reference projects. thesis-large: 60 interviews × 12,000 words, 5 cases, 60 informants
 * + 3 interviewers, 300 concepts / 80 themes / 20 dimensions, 15,000 codings (a third overlapping
 * the one before), 3 coders. thesis-small: 10 interviews × 8,000 words, 1,500 codings, same shape.
 */
export const THESIS_LARGE: LargeProjectSize = {
  interviews: 60,
  codings: 15_000,
  codes: 400,
  dimensions: 20,
  themes: 80,
  informants: 60,
  interviewers: 3,
  cases: 5,
  words: 12_000,
  seed: 20_240_302,
  coders: 3,
  overlapEvery: 3,
};
export const THESIS_SMALL: LargeProjectSize = {
  interviews: 10,
  codings: 1_500,
  codes: 100,
  dimensions: 5,
  themes: 20,
  informants: 10,
  interviewers: 2,
  cases: 2,
  words: 8_000,
  seed: 20_240_303,
  coders: 3,
  overlapEvery: 3,
};
/** Both at --quick size (correctness only). */
export const QUICK_LARGE: LargeProjectSize = { ...THESIS_LARGE, interviews: 4, codings: 400, codes: 40, dimensions: 2, themes: 8, informants: 4, interviewers: 2, cases: 2, words: 1500 };
export const QUICK_SMALL: LargeProjectSize = { ...THESIS_SMALL, interviews: 2, codings: 100, codes: 20, dimensions: 2, themes: 4, informants: 2, words: 800 };

/** A small project of the same shape, for --quick runs and unit tests. */
export const SMALL: LargeProjectSize = { interviews: 6, codings: 600, codes: 40, dimensions: 2, themes: 6, informants: 6, interviewers: 2, cases: 2, words: 1200, seed: 7 };

/** What was built. */
export interface LargeProject {
  readonly backend: Backend;
  readonly api: ApiClient;
  readonly file: string;
  readonly size: LargeProjectSize;
  /** Codings inserted (equals size.codings). */
  readonly codings: number;
  readonly documents: number;
  /** How long building took (ms). */
  readonly buildMs: number;
}

const CASE_NAMES = ['Bærum', 'Asker', 'Drammen', 'Lillestrøm', 'Tromsø', 'Ålesund', 'Bodø', 'Hamar'];
const ROLES = ['leader', 'politician', 'employee'];

/**
 * Create the project file `name` in `dir` and fill it. Every interview has one interviewer and one
 * informant, and every third a second informant (so some people speak in two interviews and some
 * passages span two speakers' turns); codings are spread over the concepts with a skew, so some
 * concepts are large and some thin, 250 per interview for the default size.
 */
export async function buildLargeProject(dir: string, size: LargeProjectSize = LARGE, name = 'large.stige'): Promise<LargeProject> {
  const started = performance.now();
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: dir, settingsDir: path.join(dir, '.settings'), rememberRecent: false });
  backend.settings.setCoderName('Bench');
  const api = createClient((m, a) => backend.dispatch(m, a));
  const file = path.join(dir, name);
  await api.call('projects.create', { path: file });
  const project = backend.project();
  const db = project.db;
  const next = rng(size.seed);
  // Deterministic ids keep the project identical between runs (uuid-shaped, from the seed).
  let counter = 0;
  const id = () => {
    counter += 1;
    const hex = `${size.seed.toString(16)}${counter.toString(16)}`.padStart(32, '0').slice(-32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  const now = Date.UTC(2024, 2, 1);
  let inserted = 0;
  project.step('Build the benchmark project', () => {
    const coders = ['Bench', 'Kari', 'Ola'].slice(0, size.coders ?? 2).map((coderName) => {
      const coderId = id();
      db.prepare('INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)').run(coderId, coderName, now);
      return coderId;
    });
    const cases = Array.from({ length: size.cases }, (_, i) => {
      const caseId = id();
      db.prepare('INSERT INTO cases (id, name, code, sort_order, created_at) VALUES (?, ?, ?, ?, ?)').run(caseId, CASE_NAMES[i % CASE_NAMES.length]!, String.fromCharCode(65 + i), i, now);
      return caseId;
    });
    const insertPerson = db.prepare('INSERT INTO informants (id, label, role, case_id, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const informants = Array.from({ length: size.informants }, (_, i) => {
      const personId = id();
      insertPerson.run(personId, `Informant ${String(i + 1).padStart(2, '0')}`, 'informant', cases[i % cases.length]!, i, now);
      return personId;
    });
    const interviewers = Array.from({ length: size.interviewers }, (_, i) => {
      const personId = id();
      insertPerson.run(personId, `Intervjuer ${i + 1}`, 'interviewer', null, size.informants + i, now);
      return personId;
    });
    const role = id();
    const age = id();
    db.prepare('INSERT INTO attributes (id, scope, name, type, choices, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(role, 'informant', 'Role', 'choice', JSON.stringify(ROLES), 0, now);
    db.prepare('INSERT INTO attributes (id, scope, name, type, choices, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(age, 'informant', 'Age', 'number', '[]', 1, now);
    const insertValue = db.prepare('INSERT INTO informant_values (informant_id, attribute_id, value) VALUES (?, ?, ?)');
    informants.forEach((personId, i) => {
      insertValue.run(personId, role, ROLES[i % ROLES.length]!);
      insertValue.run(personId, age, String(25 + Math.floor(next() * 40)));
    });

    // Codebook: dimensions, themes spread over them, concepts spread over the themes.
    const insertCode = db.prepare(
      'INSERT INTO codes (id, level, parent_id, label, color, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const dimensions = Array.from({ length: size.dimensions }, (_, i) => {
      const codeId = id();
      insertCode.run(codeId, 3, null, `Dimensjon ${i + 1}`, '#0072b2', i, now, now);
      return codeId;
    });
    const themes = Array.from({ length: size.themes }, (_, i) => {
      const codeId = id();
      insertCode.run(codeId, 2, dimensions[i % dimensions.length]!, `Tema ${i + 1}`, '#e69f00', Math.floor(i / dimensions.length), now, now);
      return codeId;
    });
    const conceptCount = size.codes - size.dimensions - size.themes;
    const concepts = Array.from({ length: conceptCount }, (_, i) => {
      const codeId = id();
      insertCode.run(codeId, 1, themes[i % themes.length]!, `Begrep ${i + 1} «${sentence(next).split(' ').slice(0, 2).join(' ')}»`, '#009e73', Math.floor(i / themes.length), now, now);
      return codeId;
    });

    // Interviews: alternating interviewer and informant turns, one paragraph each.
    const insertDoc = db.prepare(
      `INSERT INTO documents (id, title, kind, text, chars, text_hash, case_id, source_name, source_format, sort_order, created_at, updated_at)
       VALUES (?, ?, 'interview', ?, ?, ?, ?, ?, 'txt', ?, ?, ?)`,
    );
    const insertSpeaker = db.prepare('INSERT INTO speakers (id, document_id, label, informant_id, role, sort_order) VALUES (?, ?, ?, ?, ?, ?)');
    const insertTurn = db.prepare('INSERT INTO turns (id, document_id, speaker_id, start, end) VALUES (?, ?, ?, ?, ?)');
    const insertCoding = db.prepare(
      `INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const perDocument = Math.floor(size.codings / size.interviews);
    for (let d = 0; d < size.interviews; d += 1) {
      const documentId = id();
      const main = d % informants.length;
      const voices = [{ person: interviewers[d % interviewers.length]!, role: 'interviewer' as const }, { person: informants[main]!, role: 'informant' as const }];
      if (d % 3 === 2) voices.push({ person: informants[(main + 1) % informants.length]!, role: 'informant' });
      const speakerIds = voices.map((v, i) => {
        const speakerId = id();
        return { speakerId, ...v, index: i };
      });
      const paragraphs: { speaker: number; text: string }[] = [];
      let words = 0;
      let turn = 0;
      while (words < size.words) {
        const speaker = turn % 2 === 0 ? 0 : 1 + Math.floor(next() * (voices.length - 1));
        const sentences = speaker === 0 ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 6);
        const text = Array.from({ length: sentences }, () => sentence(next)).join(' ');
        paragraphs.push({ speaker, text });
        words += text.split(' ').length;
        turn += 1;
      }
      const text = paragraphs.map((p) => p.text).join('\n');
      insertDoc.run(documentId, `Intervju ${String(d + 1).padStart(2, '0')}`, text, text.length, sha256(text), cases[main % cases.length]!, `intervju-${d + 1}.txt`, d, now, now);
      for (const s of speakerIds) insertSpeaker.run(s.speakerId, documentId, s.role === 'interviewer' ? 'Intervjuer' : `Informant ${main + s.index}`, s.person, s.role, s.index);
      let offset = 0;
      for (const p of paragraphs) {
        insertTurn.run(id(), documentId, speakerIds[p.speaker]!.speakerId, offset, offset + p.text.length);
        offset += p.text.length + 1;
      }
      const count = d === size.interviews - 1 ? size.codings - perDocument * (size.interviews - 1) : perDocument;
      const seen = new Set<string>();
      let previous = { start: 0, end: 0 };
      for (let c = 0; c < count; c += 1) {
        // Skewed concept choice: low-numbered concepts are coded far more often.
        const concept = concepts[Math.floor(next() ** 2 * concepts.length)]!;
        const length = 40 + Math.floor(next() * 360);
        const overlaps = size.overlapEvery !== undefined && c % size.overlapEvery === size.overlapEvery - 1 && previous.end > previous.start;
        let start = overlaps ? previous.start + Math.floor((previous.end - previous.start) / 2) : Math.floor(next() * Math.max(1, text.length - length));
        // Never split a surrogate pair (emoji in the generated text).
        if (start > 0 && /[\udc00-\udfff]/.test(text[start]!)) start -= 1;
        let end = Math.min(text.length, start + length);
        if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end += 1;
        const coder = coders.length > 2 ? coders[c % coders.length]! : coders[c % 7 === 0 ? 1 : 0]!;
        const key = `${concept}|${coder}|${start}|${end}`;
        if (seen.has(key)) {
          c -= 1;
          continue;
        }
        seen.add(key);
        previous = { start, end };
        insertCoding.run(id(), documentId, concept, start, end, coder, text.slice(start, end), now, now);
        inserted += 1;
      }
    }
  });
  return { backend, api, file, size, codings: inserted, documents: size.interviews, buildMs: performance.now() - started };
}

/** Project files built during this run of the benchmark, by size: built once, then copied. */
const cache = new Map<LargeProjectSize, string>();

/**
 * A copy of the project of `size` in `dir` (closed, ready to open through the API). The first call
 * in a run builds it into `cacheDir`; later calls copy that file.
 */
export async function cachedLargeProject(cacheDir: string, dir: string, size: LargeProjectSize, name: string): Promise<{ file: string; buildMs: number | null }> {
  let source = cache.get(size);
  let buildMs: number | null = null;
  if (!source || !fs.existsSync(source)) {
    const folder = fs.mkdtempSync(path.join(cacheDir, `${name}-`));
    const built = await buildLargeProject(folder, size, `${name}.stige`);
    built.backend.close();
    source = built.file;
    buildMs = built.buildMs;
    cache.set(size, source);
  }
  const file = path.join(dir, `${name}.stige`);
  fs.copyFileSync(source, file);
  return { file, buildMs };
}
