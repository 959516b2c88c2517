import type Database from 'better-sqlite3';
import type { DraftSource, Speech, TableQuote } from '../../../shared/exports/draftCheck';
import type { OverviewAttribute, OverviewDocument, OverviewSource } from '../../../shared/exports/overview';
import { countWords } from '../../../shared/exports/overview';
import type { AnonymityLevel } from '../../../shared/exports/settings';
import type { ExportCase, ExportCoding, ExportDocument, ExportInformant, ExportPage, ExportSource } from '../../../shared/exports/source';
import type { Level } from '../../../shared/model/levels';
import { informantsOfRange, type InformantTurn } from '../../../shared/model/rangeInformants';
import type { CodingStatus, DocumentKind, PersonRole } from '../../../shared/model/types';
import { paragraphRanges } from '../../../shared/text/paragraphs';

// Loading what the export models need from the project file, in a few whole-table queries.

interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  case_id: string | null;
  sort_order: number;
  text: string;
  date: string | null;
  duration_ms: number | null;
  used_in_analysis: number;
}

/** Each paged document's pages (PDF imports), by document id. */
function loadPages(db: Database.Database): Map<string, ExportPage[]> {
  const rows = db.prepare('SELECT document_id, page, start, end FROM document_pages ORDER BY document_id, page').all() as {
    document_id: string;
    page: number;
    start: number;
    end: number;
  }[];
  const pages = new Map<string, ExportPage[]>();
  for (const row of rows) {
    const list = pages.get(row.document_id) ?? [];
    list.push({ page: row.page, start: row.start, end: row.end });
    pages.set(row.document_id, list);
  }
  return pages;
}

function loadDocuments(db: Database.Database): DocumentRow[] {
  return db
    .prepare('SELECT id, title, kind, case_id, sort_order, text, date, duration_ms, used_in_analysis FROM documents ORDER BY sort_order, created_at')
    .all() as DocumentRow[];
}

/** Each document's turns with the informant speaking them (null for interviewers and unmapped speakers), by start. */
function loadTurns(db: Database.Database): Map<string, InformantTurn[]> {
  const rows = db
    .prepare(
      `SELECT t.document_id, t.start, t.end,
              CASE WHEN s.informant_id IS NOT NULL AND coalesce(s.role, i.role) = 'informant' THEN s.informant_id END AS informant_id
       FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id LEFT JOIN informants i ON i.id = s.informant_id
       ORDER BY t.document_id, t.start`,
    )
    .all() as { document_id: string; start: number; end: number; informant_id: string | null }[];
  const byDocument = new Map<string, InformantTurn[]>();
  for (const row of rows) {
    const list = byDocument.get(row.document_id) ?? [];
    list.push({ start: row.start, end: row.end, informantId: row.informant_id });
    byDocument.set(row.document_id, list);
  }
  return byDocument;
}

function loadInformants(db: Database.Database): ExportInformant[] {
  return (
    db.prepare('SELECT id, label, role_label, case_id, role FROM informants ORDER BY sort_order, created_at').all() as {
      id: string;
      label: string;
      role_label: string;
      case_id: string | null;
      role: string;
    }[]
  ).map((r) => ({ id: r.id, label: r.label, roleLabel: r.role_label, caseId: r.case_id, role: r.role as PersonRole }));
}

function loadCases(db: Database.Database): ExportCase[] {
  return (db.prepare('SELECT id, name, sort_order FROM cases ORDER BY sort_order, created_at').all() as { id: string; name: string; sort_order: number }[]).map(
    (r, index) => ({ id: r.id, name: r.name, sortOrder: index }),
  );
}

function levelNames(db: Database.Database): readonly [string, string, string] {
  const row = db.prepare('SELECT level1_name, level2_name, level3_name FROM project WHERE id = 1').get() as {
    level1_name: string;
    level2_name: string;
    level3_name: string;
  };
  return [row.level1_name, row.level2_name, row.level3_name];
}

/** What a quote table or quote list is built from; the document texts are returned beside it for contexts. */
export function loadExportSource(db: Database.Database, options: { representativeOnly?: boolean } = {}): { source: ExportSource; texts: Map<string, string> } {
  const documents = loadDocuments(db);
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const turns = loadTurns(db);
  const codes = (
    db.prepare('SELECT id, level, parent_id, label, sort_order FROM codes').all() as {
      id: string;
      level: number | null;
      parent_id: string | null;
      label: string;
      sort_order: number;
    }[]
  ).map((r) => ({ id: r.id, level: r.level as Level | null, parentId: r.parent_id, label: r.label, sortOrder: r.sort_order }));
  const codingRows = db
    .prepare(
      `SELECT id, document_id, code_id, start, end, excerpt, representative, rep_order, status, created_at, attribution FROM codings
       ${options.representativeOnly ? 'WHERE representative = 1' : ''}`,
    )
    .all() as {
    id: string;
    document_id: string;
    code_id: string;
    start: number;
    end: number;
    excerpt: string | null;
    representative: number;
    rep_order: number;
    status: string;
    created_at: number;
    attribution: string | null;
  }[];
  const codings: ExportCoding[] = codingRows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    codeId: r.code_id,
    start: r.start,
    end: r.end,
    passage: (texts.get(r.document_id) ?? '').slice(r.start, r.end),
    excerpt: r.excerpt,
    representative: r.representative === 1,
    repOrder: r.rep_order,
    status: r.status as CodingStatus,
    createdAt: r.created_at,
    attribution: r.attribution as AnonymityLevel | null,
    informantIds: informantsOfRange(turns.get(r.document_id) ?? [], r.start, r.end),
  }));
  const pages = loadPages(db);
  const exportDocuments: ExportDocument[] = documents.map((d) => ({
    id: d.id,
    title: d.title,
    kind: d.kind as DocumentKind,
    caseId: d.case_id,
    sortOrder: d.sort_order,
    pages: pages.get(d.id) ?? [],
  }));
  return {
    source: { levels: levelNames(db), codes, codings, informants: loadInformants(db), cases: loadCases(db), documents: exportDocuments },
    texts,
  };
}

/** The paragraphs a passage lies in, cut to about `max` characters around it, as context for quote lists. */
export function contextOf(text: string, start: number, end: number, max = 1200): string {
  const paragraphs = paragraphRanges(text).filter((p) => p.end >= start && p.start <= end && p.end > p.start);
  if (paragraphs.length === 0) return text.slice(start, end);
  let from = paragraphs[0]!.start;
  let to = paragraphs[paragraphs.length - 1]!.end;
  const room = Math.max(0, max - (end - start));
  if (start - from > room / 2) from = Math.max(from, start - Math.floor(room / 2));
  if (to - end > room / 2) to = Math.min(to, end + Math.ceil(room / 2));
  return `${from > paragraphs[0]!.start ? '…' : ''}${text.slice(from, to)}${to < paragraphs[paragraphs.length - 1]!.end ? '…' : ''}`;
}

/** What the overview tables are built from. */
export function loadOverviewSource(db: Database.Database): OverviewSource {
  const turns = loadTurns(db);
  const pagesByDocument = loadPages(db);
  const documents: OverviewDocument[] = loadDocuments(db).map((d) => {
    const pages = pagesByDocument.get(d.id) ?? [];
    const speakers: string[] = [];
    for (const t of turns.get(d.id) ?? []) if (t.informantId && !speakers.includes(t.informantId)) speakers.push(t.informantId);
    return {
      id: d.id,
      title: d.title,
      kind: d.kind as DocumentKind,
      caseId: d.case_id,
      date: d.date,
      durationMs: d.duration_ms,
      usedInAnalysis: d.used_in_analysis === 1,
      words: countWords(d.text),
      pageCount: pages.length > 0 ? pages.length : null,
      informantIds: speakers,
    };
  });
  return { documents, informants: loadInformants(db), cases: loadCases(db), attributes: loadInformantAttributes(db) };
}

/** The informant attributes in their order, each with its values by informant. */
function loadInformantAttributes(db: Database.Database): OverviewAttribute[] {
  const attributes = db.prepare("SELECT id, name FROM attributes WHERE scope = 'informant' ORDER BY sort_order, created_at").all() as { id: string; name: string }[];
  const values = new Map(attributes.map((a) => [a.id, {} as Record<string, string>]));
  for (const row of db.prepare('SELECT informant_id, attribute_id, value FROM informant_values').all() as { informant_id: string; attribute_id: string; value: string }[]) {
    const byInformant = values.get(row.attribute_id);
    if (byInformant) byInformant[row.informant_id] = row.value;
  }
  return attributes.map((a) => ({ id: a.id, name: a.name, values: values.get(a.id)! }));
}

/** Each informant's speech per document (their turns joined), and the text of documents nobody speaks in. */
export function loadSpeech(db: Database.Database): Speech[] {
  const turns = loadTurns(db);
  const speech: Speech[] = [];
  for (const doc of loadDocuments(db)) {
    const list = turns.get(doc.id) ?? [];
    const byInformant = new Map<string, InformantTurn[]>();
    for (const t of list) if (t.informantId) byInformant.set(t.informantId, [...(byInformant.get(t.informantId) ?? []), t]);
    for (const [informantId, own] of byInformant) {
      let text = '';
      const pieces: { at: number; start: number; length: number }[] = [];
      for (const t of own) {
        if (text) text += '\n';
        pieces.push({ at: text.length, start: t.start, length: t.end - t.start });
        text += doc.text.slice(t.start, t.end);
      }
      speech.push({ informantId, documentId: doc.id, text, pieces });
    }
    if (doc.kind !== 'interview' && byInformant.size === 0) {
      speech.push({ informantId: null, documentId: doc.id, text: doc.text, pieces: [{ at: 0, start: 0, length: doc.text.length }] });
    }
  }
  return speech;
}

/** Everything the draft check needs except the table quotes (see the caller). */
export function loadDraftSource(db: Database.Database, tableQuotes: readonly TableQuote[], names: DraftSource['names']): DraftSource {
  const documents = (db.prepare('SELECT id, title FROM documents ORDER BY sort_order, created_at').all() as { id: string; title: string }[]);
  return { informants: loadInformants(db), cases: loadCases(db), documents, speech: loadSpeech(db), tableQuotes, names };
}
