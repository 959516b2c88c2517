import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { UNNAMED_SPEAKER } from '../../../shared/import/speakers';
import type { Level } from '../../../shared/model/levels';
import { graphLayout } from '../../../shared/refi/graphLayout';
import { codePointCounter } from '../../../shared/refi/offsetUnits';
import { textFingerprint, writeLabels } from '../../../shared/refi/sourceText';
import { STIGE_DATA_NOTE_NAME, type StigeData } from '../../../shared/refi/stigeData';
import { writeCodebookXml, writeProjectXml, type OutCase, type OutCode, type OutNote, type OutSelection, type OutSet, type OutSource } from '../../../shared/refi/write';
import type { OpenProject } from '../openProject';
import { CODING_COLUMNS, type CodingRow } from '../rows';
import { derivedGuid, isSchemaGuid } from './guids';
import { caseVariables, documentVariables, type VariableDef } from './variables';

/** What an export wrote, for the caller's report. */
export interface ExportCounts {
  readonly users: number;
  readonly codes: number;
  readonly documents: number;
  readonly selections: number;
  readonly codings: number;
  readonly notes: number;
  readonly cases: number;
  readonly originals: number;
}

/** A built .qdpx: the project.qde text and the files beside it. */
export interface BuiltQdpx {
  readonly files: ReadonlyMap<string, Uint8Array | string>;
  readonly counts: ExportCounts;
  readonly warnings: readonly string[];
}

/** Export options. */
export interface ExportOptions {
  /** Write informants' real names as a variable (off: real names never leave the project). */
  readonly includeRealNames?: boolean;
  readonly appVersion: string;
}

interface ProjectRow {
  uuid: string;
  /** The namespace of derived GUIDs: the project's own UUID, or that of the project it was imported from (see REFI_NAMESPACE_SETTING). */
  namespace: string;
  name: string;
  level1_name: string;
  level2_name: string;
  level3_name: string;
  memo: string;
  created_at: number;
}
interface CodeRow {
  id: string;
  level: Level | null;
  parent_id: string | null;
  label: string;
  heading: string;
  description: string;
  color: string;
  memo: string;
  sort_order: number;
  original_path: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}
interface DocumentRow {
  id: string;
  title: string;
  kind: 'interview' | 'document' | 'note';
  text: string;
  case_id: string | null;
  date: string | null;
  duration_ms: number | null;
  source_name: string;
  source_format: string;
  source_hash: string | null;
  used_in_analysis: number;
  memo: string;
  created_at: number;
  updated_at: number;
}

const LEVEL_DESCRIPTIONS: Readonly<Record<Level, string>> = {
  1: 'Stige level 1: first-order concepts',
  2: 'Stige level 2: second-order themes',
  3: 'Stige level 3: aggregate dimensions',
};
/**
 * project.settings key holding the namespace for derived GUIDs (selections, variables, sets, the
 * graph, memo notes). A project made by importing a Stige export inherits the exporting project's,
 * so exporting the copy gives the same GUIDs as the original and other tools see the same objects.
 */
export const REFI_NAMESPACE_SETTING = 'refiGuidNamespace';

/** Description of the set of codes not yet placed in a level. */
export const UNPLACED_SET_DESCRIPTION = 'Stige: codes not yet placed in a Gioia level';

/** Reads a project for export and gives every object its GUID. */
class ExportContext {
  readonly db: Database.Database;
  readonly project: ProjectRow;
  constructor(db: Database.Database) {
    this.db = db;
    this.project = db
      .prepare(`SELECT uuid, coalesce(json_extract(settings, '$.${REFI_NAMESPACE_SETTING}'), uuid) AS namespace, name, level1_name, level2_name, level3_name, memo, created_at FROM project`)
      .get() as ProjectRow;
  }
  /** The GUID of a stored id: the id itself when it is a GUID (it always is for objects Stige made). */
  guid(id: string): string {
    return isSchemaGuid(id) ? id : derivedGuid(this.project.namespace, `id:${id}`);
  }
  derived(name: string): string {
    return derivedGuid(this.project.namespace, name);
  }
  levelNames(): [string, string, string] {
    return [this.project.level1_name, this.project.level2_name, this.project.level3_name];
  }
  codes(): CodeRow[] {
    return this.db
      .prepare('SELECT id, level, parent_id, label, heading, description, color, memo, sort_order, original_path, created_by, created_at, updated_at FROM codes ORDER BY sort_order, created_at, id')
      .all() as CodeRow[];
  }
}

/** The codebook as a tree: dimensions (with themes and concepts), then unparented themes, concepts, and unplaced codes. */
function codeTree(ctx: ExportContext, codes: readonly CodeRow[], noteRefs: (code: CodeRow) => string[]): OutCode[] {
  const ids = new Set(codes.map((c) => c.id));
  const byParent = new Map<string | null, CodeRow[]>();
  for (const code of codes) {
    const parent = code.parent_id && ids.has(code.parent_id) ? code.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), code]);
  }
  const build = (code: CodeRow): OutCode => ({
    guid: ctx.guid(code.id),
    name: code.label,
    color: code.color,
    description: code.description,
    noteRefs: noteRefs(code),
    children: (byParent.get(code.id) ?? []).map(build),
  });
  const rank = (level: Level | null) => (level === null ? 4 : 3 - level);
  return [...(byParent.get(null) ?? [])].sort((a, b) => rank(a.level) - rank(b.level)).map(build);
}

function levelSets(ctx: ExportContext, codes: readonly CodeRow[]): OutSet[] {
  const names = ctx.levelNames();
  const sets: OutSet[] = [];
  for (const level of [3, 2, 1] as const) {
    const members = codes.filter((c) => c.level === level).map((c) => ctx.guid(c.id));
    if (members.length) sets.push({ guid: ctx.derived(`level:${level}`), name: names[level - 1]!, description: LEVEL_DESCRIPTIONS[level], memberCodes: members });
  }
  const unplaced = codes.filter((c) => c.level === null).map((c) => ctx.guid(c.id));
  if (unplaced.length) sets.push({ guid: ctx.derived('level:none'), name: 'Not yet placed', description: UNPLACED_SET_DESCRIPTION, memberCodes: unplaced });
  return sets;
}

/** Build a .qdpx's files: project.qde, sources/<guid>.txt, and the original .docx/.pdf where there is one. */
export function buildQdpx(project: OpenProject, options: ExportOptions): BuiltQdpx {
  const ctx = new ExportContext(project.db);
  const db = project.db;
  const warnings: string[] = [];
  const files = new Map<string, Uint8Array | string>();
  const notes: OutNote[] = [];
  // Milliseconds are kept (xsd:dateTime allows them), so times survive a round trip exactly.
  const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);
  const coders = db.prepare('SELECT id, name, created_at FROM coders ORDER BY created_at, name').all() as { id: string; name: string; created_at: number }[];
  const coderGuid = (id: string | null) => (id ? ctx.guid(id) : null);
  const data: StigeData = {
    format: 'stige-refi',
    version: 1,
    project: { id: ctx.project.namespace, levels: ctx.levelNames() },
    codes: {},
    documents: {},
    codings: {},
    informants: {},
    cases: {},
    memos: [],
  };

  // Codes, with memos as notes.
  const codes = ctx.codes();
  for (const code of codes) {
    data.codes[ctx.guid(code.id)] = {
      level: code.level,
      heading: code.heading,
      originalPath: code.original_path,
      sortOrder: code.sort_order,
      createdBy: code.created_by ? ctx.guid(code.created_by) : null,
      createdAt: code.created_at,
      updatedAt: code.updated_at,
    };
  }
  const codeTreeOut = codeTree(ctx, codes, (code) => {
    if (!code.memo.trim()) return [];
    const guid = ctx.derived(`code-memo:${code.id}`);
    notes.push({ guid, name: `Memo: ${code.label}`, description: '', content: code.memo, creatingUser: coderGuid(code.created_by), created: iso(code.created_at), modified: iso(code.updated_at) });
    return [guid];
  });

  // Sources: text with labels written back, selections in code points.
  const documents = db
    .prepare(
      `SELECT id, title, kind, text, case_id, date, duration_ms, source_name, source_format, source_hash, used_in_analysis, memo, created_at, updated_at
       FROM documents ORDER BY sort_order, created_at`,
    )
    .all() as DocumentRow[];
  const codingsOf = db.prepare(
    `SELECT ${CODING_COLUMNS} FROM codings WHERE document_id = ? ORDER BY start, end, coder_id, id`,
  );
  const speakersOf = db.prepare(
    `SELECT s.id, s.label, s.informant_id, s.role, i.label AS informant_label
     FROM speakers s LEFT JOIN informants i ON i.id = s.informant_id WHERE s.document_id = ? ORDER BY s.sort_order`,
  );
  const turnsOf = db.prepare('SELECT start, end, speaker_id, time_start_ms, time_end_ms FROM turns WHERE document_id = ? ORDER BY start');
  const blobOf = db.prepare('SELECT bytes FROM blobs WHERE hash = ?');
  const variables = new Map<string, VariableDef>();
  const sources: OutSource[] = [];
  let selectionCount = 0;
  let codingCount = 0;
  let originals = 0;
  let orphaned = 0;
  for (const doc of documents) {
    const guid = ctx.guid(doc.id);
    const speakers = speakersOf.all(doc.id) as { id: string; label: string; informant_id: string | null; role: 'informant' | 'interviewer' | null; informant_label: string | null }[];
    const turns = turnsOf.all(doc.id) as { start: number; end: number; speaker_id: string | null; time_start_ms: number | null; time_end_ms: number | null }[];
    const labelOf = new Map(speakers.map((s) => [s.id, s.informant_label ?? (s.label && s.label !== UNNAMED_SPEAKER ? s.label : null)]));
    const written = writeLabels(
      doc.text,
      turns.map((t) => ({ start: t.start, label: t.speaker_id ? (labelOf.get(t.speaker_id) ?? null) : null })),
    );
    const points = codePointCounter(written.text);
    files.set(`sources/${guid}.txt`, written.text);
    const speakerIndex = new Map(speakers.map((s, index) => [s.id, index]));
    data.documents[guid] = {
      fingerprint: textFingerprint(written.text),
      kind: doc.kind,
      date: doc.date,
      durationMs: doc.duration_ms,
      usedInAnalysis: doc.used_in_analysis === 1,
      sourceName: doc.source_name,
      sourceFormat: doc.source_format,
      caseId: doc.case_id ? ctx.guid(doc.case_id) : null,
      labels: written.prefixes.map((p) => [p.start, p.length, p.label]),
      speakers: speakers.map((s) => ({ id: s.id, label: s.label, informantId: s.informant_id ? ctx.guid(s.informant_id) : null, role: s.role })),
      turns: turns.map((t) => [t.start, t.end, t.speaker_id ? (speakerIndex.get(t.speaker_id) ?? null) : null, t.time_start_ms, t.time_end_ms]),
    };

    // One selection per passage and coder, holding a Coding per code applied to it.
    const selections: OutSelection[] = [];
    const groups = new Map<string, CodingRow[]>();
    for (const coding of codingsOf.all(doc.id) as CodingRow[]) {
      data.codings[ctx.guid(coding.id)] = { representative: coding.representative === 1, repOrder: coding.rep_order, excerpt: coding.excerpt, status: coding.status };
      if (coding.end <= coding.start) {
        orphaned += 1;
        continue;
      }
      const key = `${coding.start}:${coding.end}:${coding.coder_id}`;
      groups.set(key, [...(groups.get(key) ?? []), coding]);
    }
    for (const group of groups.values()) {
      const first = group[0]!;
      const ids = group.map((c) => c.id).sort();
      selections.push({
        guid: ctx.derived(`selection:${ids[0]}`),
        name: shorten(first.quote, 100),
        start: points(written.mapStart(first.start)),
        end: points(written.mapEnd(first.end)),
        creatingUser: coderGuid(first.coder_id),
        created: iso(Math.min(...group.map((c) => c.created_at))),
        codings: group.map((c) => {
          const noteRefs: string[] = [];
          if (c.memo.trim()) {
            const noteGuid = ctx.derived(`coding-memo:${c.id}`);
            notes.push({ guid: noteGuid, name: `Memo on “${shorten(c.quote, 60)}”`, description: '', content: c.memo, creatingUser: coderGuid(c.coder_id), created: iso(c.created_at), modified: iso(c.created_at) });
            noteRefs.push(noteGuid);
          }
          return { guid: ctx.guid(c.id), codeGuid: ctx.guid(c.code_id), creatingUser: coderGuid(c.coder_id), created: iso(c.created_at), noteRefs };
        }),
      });
      selectionCount += 1;
      codingCount += group.length;
    }

    const noteRefs: string[] = [];
    if (doc.memo.trim()) {
      const noteGuid = ctx.derived(`document-memo:${doc.id}`);
      notes.push({ guid: noteGuid, name: `Memo: ${doc.title}`, description: '', content: doc.memo, creatingUser: null, created: iso(doc.created_at), modified: iso(doc.updated_at) });
      noteRefs.push(noteGuid);
    }

    // The original file, where the document came from a Word or PDF file.
    let richTextPath: string | null = null;
    let pdfPath: string | null = null;
    const blob = doc.source_hash ? (blobOf.get(doc.source_hash) as { bytes: Buffer } | undefined) : undefined;
    if (blob) {
      const kind = originalKind(blob.bytes, doc.source_name, doc.source_format);
      if (kind === 'docx') {
        files.set(`sources/${guid}.docx`, new Uint8Array(blob.bytes));
        richTextPath = `internal://${guid}.docx`;
        originals += 1;
      } else if (kind === 'pdf') {
        files.set(`sources/${guid}.pdf`, new Uint8Array(blob.bytes));
        pdfPath = `internal://${guid}.pdf`;
        originals += 1;
      }
    }
    sources.push({
      guid,
      name: doc.title,
      plainTextPath: `internal://${guid}.txt`,
      richTextPath,
      pdfPath,
      representationGuid: ctx.derived(`representation:${doc.id}`),
      creatingUser: null,
      created: iso(doc.created_at),
      modified: iso(doc.updated_at),
      selections,
      noteRefs,
      variableValues: documentVariables(doc, (def) => registerVariable(ctx, variables, def)),
    });
  }
  if (orphaned) warnings.push(`${orphaned} coding(s) whose text was deleted (orphaned) have no passage and were not written as selections`);

  // Informants and cases as REFI cases, with their roles and memberships as variables.
  const cases: OutCase[] = [];
  const caseRows = db.prepare('SELECT id, parent_id, name, code, memo, sort_order FROM cases ORDER BY sort_order, created_at').all() as {
    id: string;
    parent_id: string | null;
    name: string;
    code: string;
    memo: string;
    sort_order: number;
  }[];
  const caseName = new Map(caseRows.map((c) => [c.id, c.name]));
  const docsOfCase = db.prepare('SELECT id FROM documents WHERE case_id = ? ORDER BY sort_order');
  for (const c of caseRows) {
    data.cases[ctx.guid(c.id)] = { parentId: c.parent_id ? ctx.guid(c.parent_id) : null, code: c.code, sortOrder: c.sort_order };
    cases.push({
      guid: ctx.guid(c.id),
      name: c.name,
      description: c.memo,
      variableValues: caseVariables({ kind: 'case', parentCase: c.parent_id ? (caseName.get(c.parent_id) ?? null) : null }, (def) => registerVariable(ctx, variables, def)),
      sourceRefs: (docsOfCase.all(c.id) as { id: string }[]).map((d) => ctx.guid(d.id)),
    });
  }
  const informants = db.prepare('SELECT id, label, real_name, role, case_id, memo, sort_order FROM informants ORDER BY sort_order, created_at').all() as {
    id: string;
    label: string;
    real_name: string;
    role: 'informant' | 'interviewer';
    case_id: string | null;
    memo: string;
    sort_order: number;
  }[];
  const docsOfInformant = db.prepare('SELECT DISTINCT d.id FROM speakers s JOIN documents d ON d.id = s.document_id WHERE s.informant_id = ? ORDER BY d.sort_order');
  for (const i of informants) {
    data.informants[ctx.guid(i.id)] = { role: i.role, caseId: i.case_id ? ctx.guid(i.case_id) : null, sortOrder: i.sort_order };
    cases.push({
      guid: ctx.guid(i.id),
      name: i.label,
      description: i.memo,
      variableValues: caseVariables(
        { kind: i.role, parentCase: i.case_id ? (caseName.get(i.case_id) ?? null) : null, realName: options.includeRealNames ? i.real_name : null },
        (def) => registerVariable(ctx, variables, def),
      ),
      sourceRefs: (docsOfInformant.all(i.id) as { id: string }[]).map((d) => ctx.guid(d.id)),
    });
  }

  // Free-standing memos, then the note with what REFI-QDA cannot hold.
  const memoRows = db.prepare('SELECT id, title, body, coder_id, created_at, updated_at FROM memos ORDER BY created_at, id').all() as {
    id: string;
    title: string;
    body: string;
    coder_id: string | null;
    created_at: number;
    updated_at: number;
  }[];
  const projectNoteRefs: string[] = [];
  for (const memo of memoRows) {
    const guid = ctx.guid(memo.id);
    notes.push({ guid, name: memo.title, description: '', content: memo.body, creatingUser: coderGuid(memo.coder_id), created: iso(memo.created_at), modified: iso(memo.updated_at) });
    projectNoteRefs.push(guid);
    data.memos.push(guid);
  }
  notes.push({
    guid: ctx.derived('stige-data'),
    name: STIGE_DATA_NOTE_NAME,
    description: 'Written by Stige: Gioia levels, speaker turns, representative quotes and other details REFI-QDA has no element for.',
    content: JSON.stringify(data),
    creatingUser: null,
    created: null,
    modified: null,
  });

  // The data structure as a graph: codes in three columns, lines to their parents.
  const placed = codes.filter((c): c is CodeRow & { level: Level } => c.level !== null);
  const placedIds = new Set(placed.map((c) => c.id));
  const boxes = graphLayout(placed.map((c) => ({ id: c.id, level: c.level, parentId: c.parent_id && placedIds.has(c.parent_id) ? c.parent_id : null })));
  const graphs = placed.length
    ? [
        {
          guid: ctx.derived('graph:data-structure'),
          name: 'Data structure',
          vertices: placed.map((c) => {
            const box = boxes.get(c.id)!;
            return { guid: ctx.derived(`vertex:${c.id}`), representedGuid: ctx.guid(c.id), name: c.label, firstX: box.x1, firstY: box.y1, secondX: box.x2, secondY: box.y2, color: c.color };
          }),
          edges: placed
            .filter((c) => c.parent_id && placedIds.has(c.parent_id))
            .map((c) => ({ guid: ctx.derived(`edge:${c.id}`), sourceVertex: ctx.derived(`vertex:${c.id}`), targetVertex: ctx.derived(`vertex:${c.parent_id}`) })),
        },
      ]
    : [];

  const first = coders[0];
  const qde = writeProjectXml({
    name: ctx.project.name,
    origin: `Stige ${options.appVersion}`,
    creatingUser: first ? ctx.guid(first.id) : null,
    created: iso(ctx.project.created_at),
    modified: iso(ctx.project.created_at),
    users: coders.map((c) => ({ guid: ctx.guid(c.id), name: c.name })),
    codes: codeTreeOut,
    variables: [...variables.values()].map((v) => ({ guid: v.guid, name: v.name, type: v.type, description: v.description })),
    cases,
    sources,
    notes,
    sets: levelSets(ctx, codes),
    graphs,
    description: ctx.project.memo,
    projectNoteRefs,
  });
  files.set('project.qde', qde);
  return {
    files: new Map([['project.qde', qde], ...[...files].filter(([name]) => name !== 'project.qde')]),
    counts: { users: coders.length, codes: codes.length, documents: documents.length, selections: selectionCount, codings: codingCount, notes: notes.length, cases: cases.length, originals },
    warnings,
  };
}

/** Build a .qdc: the codebook (the Gioia tree) with the levels as sets. CONFLICT when there are no codes. */
export function buildQdc(project: OpenProject, options: ExportOptions): { xml: string; codes: number; warnings: string[] } {
  const ctx = new ExportContext(project.db);
  const codes = ctx.codes();
  if (codes.length === 0) throw new AppError('CONFLICT', 'The project has no codes yet, so there is no codebook to export');
  const withMemo = codes.filter((c) => c.memo.trim()).length;
  const warnings = withMemo ? [`${withMemo} code memo(s) are not part of a codebook file (.qdc); export the project (.qdpx) to keep them`] : [];
  return { xml: writeCodebookXml({ origin: `Stige ${options.appVersion}`, codes: codeTree(ctx, codes, () => []), sets: levelSets(ctx, codes) }), codes: codes.length, warnings };
}

function registerVariable(ctx: ExportContext, variables: Map<string, VariableDef>, def: Omit<VariableDef, 'guid'>): string {
  const existing = variables.get(def.name);
  if (existing) return existing.guid;
  const guid = ctx.derived(`variable:${def.name}`);
  variables.set(def.name, { ...def, guid });
  return guid;
}

/** Which original a blob is, from its bytes (names can lie). */
function originalKind(bytes: Uint8Array, sourceName: string, sourceFormat: string): 'docx' | 'pdf' | null {
  if (bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  if (isZip && (/\.docx$/i.test(sourceName) || sourceFormat === 'docx')) return 'docx';
  return null;
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
