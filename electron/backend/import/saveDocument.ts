import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { isInterviewerLabel, UNNAMED_SPEAKER } from '../../../shared/import/speakers';
import type { DocumentKind } from '../../../shared/model/types';
import type { OpenProject } from '../openProject';
import { ensureCase, ensureInformant } from '../people';
import { sha256 } from './hash';

/** The value of a speaker mapping that marks a speaker as interviewer instead of an informant. */
export const INTERVIEWER_MAPPING = '@interviewer';

/** How an imported document is filed and who speaks in it. */
export interface SaveOptions {
  readonly title: string;
  readonly kind: DocumentKind;
  readonly sourceName: string;
  readonly bytes: Uint8Array;
  /** Links the single (non-interviewer) speaker, or the whole document, to this informant. */
  readonly informant?: string;
  readonly caseName?: string;
  /** Detected speaker label → informant label or "@interviewer". */
  readonly speakers?: Readonly<Record<string, string>>;
  /** The document's id, when the source has one (a REFI-QDA GUID); a new UUID otherwise. */
  readonly id?: string;
  /** sha256 of `bytes` and of the parsed text, when the parse worker computed them already. */
  readonly sourceHash?: string;
  readonly textHash?: string;
}


/**
 * Store a parsed document with its original bytes, speakers and turns as one undoable step.
 * Returns null when a document with the same text already exists (the caller reports it skipped).
 */
export function saveDocument(project: OpenProject, parsed: ParsedDocument, options: SaveOptions): { documentId: string } | null {
  const db = project.db;
  const textHash = options.textHash ?? sha256(parsed.text);
  const duplicate = db.prepare('SELECT title FROM documents WHERE text_hash = ?').get(textHash) as { title: string } | undefined;
  if (duplicate) return null;
  const sourceHash = options.sourceHash ?? sha256(options.bytes);
  const now = Date.now();

  return project.step(`Import “${options.title}”`, () => {
    const caseId = options.caseName ? ensureCase(db, options.caseName) : null;
    const documentId = options.id ?? randomUUID();
    const order = (db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM documents').get() as { n: number }).n;
    db.prepare('INSERT OR IGNORE INTO blobs (hash, bytes, size) VALUES (?, ?, ?)').run(sourceHash, Buffer.from(options.bytes), options.bytes.byteLength);
    db.prepare(
      `INSERT INTO documents (id, title, kind, text, chars, text_hash, case_id, duration_ms, source_name, source_format,
                              source_hash, metadata, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      documentId,
      options.title,
      options.kind,
      parsed.text,
      parsed.text.length,
      textHash,
      caseId,
      parsed.durationMs ?? null,
      options.sourceName,
      parsed.format,
      sourceHash,
      JSON.stringify(parsed.warnings.length > 0 ? { importWarnings: parsed.warnings.slice(0, 200) } : {}),
      order,
      now,
      now,
    );

    const insertPage = db.prepare('INSERT INTO document_pages (document_id, page, label, start, end) VALUES (?, ?, ?, ?, ?)');
    for (const page of parsed.pages ?? []) insertPage.run(documentId, page.page, page.label ?? null, page.start, page.end);

    // Unknown speakers share one "Unnamed speaker" for the user to split; asides get no speaker.
    const labelOf = (turn: ParsedDocument['turns'][number]) => (turn.aside ? null : (turn.speaker ?? UNNAMED_SPEAKER));
    const labels = [...new Set(parsed.turns.map(labelOf).filter((label): label is string => label !== null))];
    const mapping = speakerMapping(labels, options);
    const speakerIds = new Map<string, string>();
    labels.forEach((label, index) => {
      const target = mapping.get(label);
      const id = randomUUID();
      let informantId: string | null = null;
      let role: 'informant' | 'interviewer' | null = null;
      if (target === INTERVIEWER_MAPPING) role = 'interviewer';
      else if (target) {
        informantId = ensureInformant(db, target, { caseId });
        role = (db.prepare('SELECT role FROM informants WHERE id = ?').get(informantId) as { role: 'informant' | 'interviewer' }).role;
      }
      db.prepare('INSERT INTO speakers (id, document_id, label, informant_id, role, sort_order) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        documentId,
        label,
        informantId,
        role,
        index,
      );
      speakerIds.set(label, id);
    });
    const insertTurn = db.prepare(
      'INSERT INTO turns (id, document_id, speaker_id, start, end, time_start_ms, time_end_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const turn of parsed.turns) {
      const label = labelOf(turn);
      insertTurn.run(randomUUID(), documentId, label === null ? null : (speakerIds.get(label) ?? null), turn.start, turn.end, turn.timeStartMs, turn.timeEndMs);
    }
    return { documentId };
  });
}

/**
 * Decide which detected label goes to which informant: explicit `speakers` entries first; role
 * labels such as "Interviewer" become interviewers; `informant` takes the one remaining speaker.
 */
function speakerMapping(labels: readonly string[], options: SaveOptions): Map<string, string> {
  const mapping = new Map<string, string>();
  const explicit = options.speakers ?? {};
  for (const key of Object.keys(explicit)) {
    if (!labels.includes(key)) {
      throw new AppError('IMPORT', `${options.sourceName}: there is no speaker “${key}” (found: ${labels.join(', ')})`, { file: options.sourceName });
    }
  }
  for (const label of labels) {
    const target = explicit[label];
    if (target) mapping.set(label, target.toLowerCase() === INTERVIEWER_MAPPING ? INTERVIEWER_MAPPING : target);
    else if (isInterviewerLabel(label)) mapping.set(label, INTERVIEWER_MAPPING);
  }
  if (options.informant) {
    const open = labels.filter((label) => !mapping.has(label));
    if (open.length === 1) mapping.set(open[0]!, options.informant);
    else if (open.length > 1) {
      throw new AppError(
        'IMPORT',
        `${options.sourceName} has ${open.length} speakers (${open.join(', ')}); say which is “${options.informant}” with --speaker "LABEL=${options.informant}"`,
        { file: options.sourceName, speakers: open },
      );
    }
  }
  return mapping;
}
