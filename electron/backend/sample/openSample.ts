import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { parsePlainText } from '../../../shared/import/plainText';
import { countOccurrences, findOccurrence } from '../../../shared/text/offsets';
import { normalizeText } from '../../../shared/text/normalize';
import type { Backend } from '../backend';
import { createCode, resolveConceptPath } from '../codebook';
import { saveDocument } from '../import/saveDocument';
import type { OpenProject } from '../openProject';
import { ensureCase, ensureInformant } from '../people';
import sampleJson from './sample.json?raw';
import inger from './interview-inger.txt?raw';
import kjell from './interview-kjell.txt?raw';
import sarah from './interview-sarah.txt?raw';

const TEXTS: Readonly<Record<string, string>> = {
  'interview-inger.txt': inger,
  'interview-kjell.txt': kjell,
  'interview-sarah.txt': sarah,
};

/** The coder the sample's codings are recorded under, so the user's own codings stand apart. */
export const SAMPLE_CODER = 'Stige sample';

/** The file name the sample is written to. */
export const SAMPLE_FILE_NAME = 'Sample project.stige';

const Concept = z.object({ concept: z.string(), description: z.string().default('') });
const Sample = z.object({
  name: z.string(),
  levels: z.tuple([z.string(), z.string(), z.string()]),
  cases: z.array(z.object({ name: z.string(), code: z.string() })),
  informants: z.array(z.object({ label: z.string(), case: z.string() })),
  documents: z.array(
    z.object({
      file: z.string(),
      title: z.string(),
      kind: z.enum(['interview', 'document', 'note']),
      date: z.string(),
      case: z.string(),
      speakers: z.record(z.string(), z.string()),
    }),
  ),
  codebook: z.array(
    z.object({
      dimension: z.string(),
      description: z.string().default(''),
      themes: z.array(z.object({ theme: z.string(), description: z.string().default(''), concepts: z.array(Concept) })),
    }),
  ),
  ungrouped: z.array(Concept),
  codings: z.array(z.object({ document: z.string(), text: z.string(), concept: z.string(), representative: z.boolean().optional() })),
});

/** Where the sample lives: the data folder in browser mode, else ~/Stige. */
function sampleLocation(backend: Backend): string {
  return path.join(backend.dataDir ?? path.join(os.homedir(), 'Stige'), SAMPLE_FILE_NAME);
}

/** Open the sample project, writing it first if it is not there yet. */
export function openSampleProject(backend: Backend): OpenProject {
  const file = sampleLocation(backend);
  if (fs.existsSync(file)) return backend.openProject(file);
  const sample = Sample.parse(JSON.parse(sampleJson));
  const project = backend.createProject(file, { name: sample.name, levels: sample.levels });
  try {
    fillSample(project, sample);
  } catch (error) {
    backend.closeProject();
    fs.rmSync(file, { force: true });
    throw error;
  }
  return project;
}

function fillSample(project: OpenProject, sample: z.infer<typeof Sample>): void {
  const db = project.db;
  const documentIds = new Map<string, string>();
  project.step('Set up the sample', () => {
    for (const c of sample.cases) {
      const id = ensureCase(db, c.name);
      db.prepare('UPDATE cases SET code = ? WHERE id = ?').run(c.code, id);
    }
    for (const informant of sample.informants) ensureInformant(db, informant.label, { caseId: ensureCase(db, informant.case) });
  });
  for (const doc of sample.documents) {
    const raw = TEXTS[doc.file];
    if (raw === undefined) throw new AppError('INTERNAL', `sample file ${doc.file} is missing`);
    const saved = saveDocument(project, parsePlainText(raw), {
      title: doc.title,
      kind: doc.kind,
      sourceName: doc.file,
      bytes: new TextEncoder().encode(raw),
      caseName: doc.case,
      speakers: doc.speakers,
    });
    if (!saved) throw new AppError('INTERNAL', `sample document ${doc.title} is a duplicate`);
    documentIds.set(doc.title, saved.documentId);
    project.step('Set up the sample', () => db.prepare('UPDATE documents SET date = ? WHERE id = ?').run(doc.date, saved.documentId));
  }
  project.step('Code the sample', () => {
    const coderId = project.coderId(SAMPLE_CODER);
    const describe = db.prepare('UPDATE codes SET description = ? WHERE id = ?');
    for (const dimension of sample.codebook) {
      for (const theme of dimension.themes) {
        for (const concept of theme.concepts) {
          const { concept: code } = resolveConceptPath(db, { concept: concept.concept, theme: theme.theme, dimension: dimension.dimension }, coderId);
          describe.run(concept.description, code.id);
          describe.run(theme.description, code.parentId);
        }
      }
      describe.run(dimension.description, (db.prepare('SELECT id FROM codes WHERE level = 3 AND label = ?').get(dimension.dimension) as { id: string }).id);
    }
    for (const concept of sample.ungrouped) createCode(db, { label: concept.concept, level: 1, description: concept.description, createdBy: coderId });
    const insert = db.prepare(
      `INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, representative, rep_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const repOrder = new Map<string, number>();
    for (const coding of sample.codings) {
      const documentId = documentIds.get(coding.document);
      const text = documentId && (db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
      const passage = normalizeText(coding.text);
      const range = text ? findOccurrence(text, passage) : null;
      if (!documentId || !text || !range || countOccurrences(text, passage) !== 1) {
        throw new AppError('INTERNAL', `sample coding “${coding.text.slice(0, 40)}” is not found exactly once in ${coding.document}`);
      }
      const code = db.prepare('SELECT id FROM codes WHERE level = 1 AND label = ?').get(coding.concept) as { id: string } | undefined;
      if (!code) throw new AppError('INTERNAL', `sample concept ${coding.concept} is missing`);
      const order = coding.representative ? (repOrder.get(code.id) ?? 0) : 0;
      if (coding.representative) repOrder.set(code.id, order + 1);
      const now = Date.now();
      insert.run(randomUUID(), documentId, code.id, range.start, range.end, coderId, passage, coding.representative ? 1 : 0, order, now, now);
    }
  });
  // A newcomer should not be able to "undo" the sample into an empty project.
  db.prepare('DELETE FROM history_steps').run();
}
