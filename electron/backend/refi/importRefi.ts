import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { RefiConflict, RefiCounts, RefiImportReport, RefiSourceReport } from '../../../shared/api/methods/refi';
import { isInterviewerLabel } from '../../../shared/import/speakers';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { colorForIndex } from '../../../shared/model/colors';
import type { Level } from '../../../shared/model/levels';
import { placeCodes, treeShape, type LevelMapping, type Placement } from '../../../shared/refi/levels';
import { describeReading, detectOffsetReading, positionConverter, STANDARD_READING, type OffsetDetection } from '../../../shared/refi/offsetUnits';
import { canonicalizeSourceText } from '../../../shared/refi/sourceText';
import { readStigeData, STIGE_DATA_NOTE_NAME, type StigeData } from '../../../shared/refi/stigeData';
import type { RefiCode, RefiCoding, RefiNote, RefiTextSource, RefiVariable } from '../../../shared/refi/types';
import { textFingerprint } from '../../../shared/refi/sourceText';
import { sha256 } from '../import/hash';
import { saveDocument } from '../import/saveDocument';
import type { OpenProject } from '../openProject';
import { REFI_NAMESPACE_SETTING, UNPLACED_SET_DESCRIPTION } from './exportProject';
import type { LoadedRefi } from './readInput';
import { readVariables } from './variables';

/** Options of one import. */
export interface RefiImportOptions {
  readonly levels: LevelMapping;
  readonly onConflict: 'keep' | 'replace';
  readonly resolve: Readonly<Record<string, 'keep' | 'replace'>>;
  /** Only report what would happen: everything runs, then is rolled back. */
  readonly dryRun: boolean;
}

type Counts = { -readonly [K in keyof RefiCounts]: number };
const zero = (): Counts => ({ users: 0, codes: 0, documents: 0, codings: 0, informants: 0, cases: 0, memos: 0 });

/** Thrown inside the transaction of a preview to roll it back. */
class Rollback extends Error {}

/**
 * Import a read REFI-QDA file into the open project as one undoable step, merging by GUID; or,
 * with `dryRun`, run the same import and roll it back, so the preview is exactly what would happen.
 */
export function importRefi(project: OpenProject, loaded: LoadedRefi, options: RefiImportOptions): RefiImportReport {
  const label = `Import “${loaded.fileName}”`;
  let report: RefiImportReport | null = null;
  const run = () => new Importer(project, loaded, options).run();
  if (options.dryRun) {
    try {
      project.db.transaction(() => {
        report = project.file.history.step(label, null, run);
        throw new Rollback();
      })();
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return { ...report!, dryRun: true, undoLabel: null };
  }
  report = project.step(label, run);
  const changed = report.imported.codes + report.imported.documents + report.imported.codings + report.imported.memos + report.imported.informants + report.imported.cases + report.imported.users + report.conflicts.filter((c) => c.resolution === 'replaced').length;
  return { ...report, dryRun: false, undoLabel: changed > 0 ? label : null };
}

class Importer {
  private readonly db: Database.Database;
  private readonly file: LoadedRefi['file'];
  private readonly imported = zero();
  private readonly matched = zero();
  private readonly conflicts: RefiConflict[] = [];
  private readonly losses = new Map<string, { count: number; reason: string; examples: string[] }>();
  private readonly warnings: string[] = [];
  private readonly sources: RefiSourceReport[] = [];
  private readonly notes = new Map<string, RefiNote>();
  private readonly usedNotes = new Set<string>();
  private readonly userIds = new Map<string, string>();
  private readonly codeIds = new Map<string, string>();
  private readonly caseIds = new Map<string, string>();
  private readonly informantIds = new Map<string, string>();
  private readonly variables: Map<string, RefiVariable>;
  private readonly stige: StigeData | null;
  private readonly stigeNoteGuid: string | null;
  private readonly now = Date.now();
  private fallbackCoder: string | null = null;
  /** New codings of the source being imported, inserted together (one compact undo record) by flushCodings. */
  private readonly pending: { guid: string; row: unknown[] }[] = [];
  private readonly pendingIds = new Set<string>();
  private readonly findCoding: Database.Statement;

  constructor(
    private readonly project: OpenProject,
    private readonly loaded: LoadedRefi,
    private readonly options: RefiImportOptions,
  ) {
    this.db = project.db;
    this.findCoding = this.db.prepare('SELECT id, document_id, code_id, start, end, memo FROM codings WHERE id = ?');
    this.file = loaded.file;
    this.variables = new Map(this.file.variables.map((v) => [v.guid, v]));
    for (const note of this.file.notes) this.notes.set(note.guid, note);
    const stigeNote = this.file.notes.find((n) => n.name === STIGE_DATA_NOTE_NAME && n.plainTextContent);
    this.stige = stigeNote ? readStigeData(stigeNote.plainTextContent!) : null;
    this.stigeNoteGuid = stigeNote?.guid ?? null;
    if (stigeNote && !this.stige) this.warnings.push('The file has a “Stige data” note that was changed outside Stige; it was ignored and the file was read like any other');
  }

  run(): RefiImportReport {
    for (const w of this.file.warnings) this.warnings.push(w);
    const hadCodes = (this.db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n > 0;
    const empty = !hadCodes && (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n === 0;
    if (this.stige && empty) {
      // A copy of a Stige project: keep the original's GUID namespace so its exports match the original's.
      this.db.prepare(`UPDATE project SET settings = json_set(settings, '$.${REFI_NAMESPACE_SETTING}', ?)`).run(this.stige.project.id);
    }
    this.importUsers();
    const levels = this.importCodes();
    this.importProjectFields(hadCodes);
    this.importCases();
    for (const source of this.file.textSources) this.importSource(source);
    this.importMemos();
    this.reportUnimportable();
    return {
      file: this.loaded.fileName,
      format: this.loaded.format,
      origin: this.file.origin,
      stigeData: this.stige !== null,
      dryRun: this.options.dryRun,
      levels,
      imported: this.imported,
      matched: this.matched,
      conflicts: this.conflicts,
      sources: this.sources,
      notImported: [...this.losses].map(([kind, l]) => ({ kind, count: l.count, reason: l.reason, examples: l.examples.slice(0, 5) })),
      warnings: this.warnings,
      undoLabel: null,
    };
  }

  // ---- helpers

  private choice(guid: string): 'keep' | 'replace' {
    return this.options.resolve[guid] ?? this.options.onConflict;
  }

  private conflict(kind: RefiConflict['kind'], guid: string, label: string, fields: string[]): boolean {
    const replace = this.choice(guid) === 'replace';
    this.conflicts.push({ kind, guid, label, fields, resolution: replace ? 'replaced' : 'kept' });
    return replace;
  }

  private lose(kind: string, count: number, reason: string, example?: string): void {
    if (count <= 0) return;
    const entry = this.losses.get(kind) ?? { count: 0, reason, examples: [] };
    entry.count += count;
    if (example && entry.examples.length < 5) entry.examples.push(example);
    this.losses.set(kind, entry);
  }

  /** The text of notes referenced by `refs` (joined), marking them used. */
  private noteText(refs: readonly string[]): string {
    const parts: string[] = [];
    for (const ref of refs) {
      const note = this.notes.get(ref);
      if (!note || ref === this.stigeNoteGuid) continue;
      this.usedNotes.add(ref);
      const body = note.plainTextContent ?? this.loaded.noteTexts.get(ref) ?? '';
      if (body.trim()) parts.push(body.replace(/\r\n?/g, '\n').trim());
    }
    return parts.join('\n\n');
  }

  private time(iso: string | null): number {
    const t = iso ? Date.parse(iso) : Number.NaN;
    return Number.isFinite(t) ? t : this.now;
  }

  // ---- users

  private importUsers(): void {
    const byId = this.db.prepare('SELECT id, name FROM coders WHERE id = ?');
    const byName = this.db.prepare('SELECT id FROM coders WHERE name = ?');
    const insert = this.db.prepare('INSERT INTO coders (id, name, created_at) VALUES (?, ?, ?)');
    for (const user of this.file.users) {
      const name = user.name.trim() || `User ${user.guid.slice(0, 8)}`;
      const existing = byId.get(user.guid) as { id: string; name: string } | undefined;
      if (existing) {
        this.userIds.set(user.guid, existing.id);
        this.matched.users += 1;
        if (existing.name !== name) {
          const clash = byName.get(name) as { id: string } | undefined;
          if (this.conflict('user', user.guid, existing.name, ['name']) && !clash) this.db.prepare('UPDATE coders SET name = ? WHERE id = ?').run(name, existing.id);
        }
        continue;
      }
      const sameName = byName.get(name) as { id: string } | undefined;
      if (sameName) {
        this.userIds.set(user.guid, sameName.id);
        this.matched.users += 1;
        continue;
      }
      insert.run(user.guid, name, this.now);
      this.userIds.set(user.guid, user.guid);
      this.imported.users += 1;
    }
  }

  /** The coder for a coding: its creator, else the selection's, source's or project's, else the importing user. */
  private coderFor(...guids: (string | null)[]): string {
    for (const guid of guids) {
      const id = guid ? this.userIds.get(guid) : undefined;
      if (id) return id;
    }
    if (!this.fallbackCoder) {
      this.fallbackCoder = this.project.coderIdIfKnown() ?? this.project.coderId(`${(this.file.origin || 'REFI-QDA').split(/[ ,(]/)[0]} import`);
    }
    return this.fallbackCoder;
  }

  // ---- codes

  private importCodes(): RefiImportReport['levels'] {
    const fixed = this.fixedLevels();
    const { placements, rule } = placeCodes(this.file.codes, this.options.levels, fixed);
    const shape = treeShape(this.file.codes);
    const examples: string[][] = [];
    const collect = (codes: readonly RefiCode[], depth: number) => {
      for (const c of codes) {
        examples[depth - 1] ??= [];
        if (examples[depth - 1]!.length < 4) examples[depth - 1]!.push(c.name);
        collect(c.children, depth + 1);
      }
    };
    collect(this.file.codes, 1);
    const placed = { dimension: 0, theme: 0, concept: 0, unplaced: 0 };
    let detached = 0;
    const getCode = this.db.prepare('SELECT id, level, parent_id, label, description, color, memo FROM codes WHERE id = ?');
    const insert = this.db.prepare(
      `INSERT INTO codes (id, level, parent_id, label, heading, description, color, memo, sort_order, original_path, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const nextOrder = this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM codes WHERE parent_id IS ? AND level IS ?');
    let index = (this.db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n;
    const walk = (codes: readonly RefiCode[]) => {
      for (const code of codes) {
        const place = placements.get(code.guid)!;
        const memo = this.noteText(code.noteRefs);
        const existing = getCode.get(code.guid) as { id: string; level: Level | null; parent_id: string | null; label: string; description: string; color: string; memo: string } | undefined;
        const label = code.name.trim() || 'Unnamed code';
        if (existing) {
          this.codeIds.set(code.guid, existing.id);
          this.matched.codes += 1;
          const fields: string[] = [];
          if (existing.label !== label) fields.push('label');
          if (existing.description !== code.description && code.description) fields.push('description');
          if (code.color && existing.color.toLowerCase() !== code.color) fields.push('colour');
          if (memo && existing.memo !== memo) fields.push('memo');
          if (fields.length && this.conflict('code', code.guid, existing.label, fields)) {
            this.db
              .prepare('UPDATE codes SET label = ?, description = ?, color = ?, memo = ?, updated_at = ? WHERE id = ?')
              .run(label, code.description || existing.description, code.color ?? existing.color, memo || existing.memo, this.now, existing.id);
          }
        } else {
          const parentId = this.parentFor(place);
          if (place.parentGuid && !parentId) detached += 1;
          else if (place.detached) detached += 1;
          const stige = this.stige?.codes[code.guid];
          const order = stige?.sortOrder ?? (nextOrder.get(parentId, place.level) as { n: number }).n;
          const originalPath = stige ? stige.originalPath : this.stige ? null : place.path.join(' / ');
          const createdBy = stige?.createdBy ? (this.userIds.get(stige.createdBy) ?? null) : null;
          insert.run(code.guid, place.level, parentId, label, stige?.heading ?? '', code.description, code.color ?? colorForIndex(index), memo, order, originalPath, createdBy, stige?.createdAt ?? this.now, stige?.updatedAt ?? this.now);
          index += 1;
          this.codeIds.set(code.guid, code.guid);
          this.imported.codes += 1;
          if (place.level === 3) placed.dimension += 1;
          else if (place.level === 2) placed.theme += 1;
          else if (place.level === 1) placed.concept += 1;
          else placed.unplaced += 1;
        }
        walk(code.children);
      }
    };
    walk(this.file.codes);
    return { rule, depth: shape.depth, perDepth: shape.perDepth, examples, placed, detached };
  }

  /** The stored parent for a new code: its tree parent when that parent exists here at the right level. */
  private parentFor(place: Placement): string | null {
    if (!place.parentGuid) return null;
    const parentId = this.codeIds.get(place.parentGuid);
    if (!parentId) return null;
    const parent = this.db.prepare('SELECT level FROM codes WHERE id = ?').get(parentId) as { level: Level | null } | undefined;
    if (!parent) return null;
    const ok = (place.level === null && parent.level === null) || (place.level !== null && parent.level === place.level + 1);
    return ok ? parentId : null;
  }

  /** Levels recorded by a Stige export: its data note, or else its level sets. */
  private fixedLevels(): Map<string, Level | null> | undefined {
    if (this.options.levels.kind !== 'auto') return undefined;
    if (this.stige) return new Map(Object.entries(this.stige.codes).map(([guid, c]) => [guid, c.level]));
    const levelSets = this.file.sets.filter((s) => /^Stige level [123]:/.test(s.description) || s.description === UNPLACED_SET_DESCRIPTION);
    if (levelSets.length === 0) return undefined;
    const fixed = new Map<string, Level | null>();
    for (const set of levelSets) {
      const level = set.description === UNPLACED_SET_DESCRIPTION ? null : (Number(/^Stige level ([123])/.exec(set.description)![1]) as Level);
      for (const guid of set.memberCodes) fixed.set(guid, level);
    }
    return fixed;
  }

  private importProjectFields(hadCodes: boolean): void {
    const current = this.db.prepare('SELECT memo, level1_name, level2_name, level3_name FROM project').get() as { memo: string; level1_name: string; level2_name: string; level3_name: string };
    const description = this.file.description.replace(/\r\n?/g, '\n');
    if (description.trim() && description !== current.memo) {
      if (!current.memo.trim()) this.db.prepare('UPDATE project SET memo = ?').run(description);
      else if (this.conflict('project', 'project-memo', 'Project memo', ['memo'])) this.db.prepare('UPDATE project SET memo = ?').run(description);
    }
    if (this.stige) {
      const [a, b, c] = this.stige.project.levels;
      const same = a === current.level1_name && b === current.level2_name && c === current.level3_name;
      if (!same && (!hadCodes || this.conflict('project', 'project-levels', 'Level names', ['levels']))) {
        this.db.prepare('UPDATE project SET level1_name = ?, level2_name = ?, level3_name = ?').run(a, b, c);
      }
    }
  }

  // ---- informants and cases

  private importCases(): void {
    const stigeCases = this.stige?.cases ?? {};
    const stigeInformants = this.stige?.informants ?? {};
    // Cases first (informants point at them), in the file's order; parents resolved after.
    const caseRows: { guid: string; parentName: string | null }[] = [];
    const informantRows: { guid: string; name: string; role: 'informant' | 'interviewer'; caseName: string | null; realName: string | null; description: string }[] = [];
    const speakerLabels = this.speakerLabelsBySource();
    for (const c of this.file.cases) {
      const vars = readVariables(c.variableValues, this.variables);
      if (vars.other.length) this.lose('case-variables', vars.other.length, 'Variable values (attributes) of cases: Stige has no attributes yet', `${c.name}: ${vars.other[0]!.name}`);
      if (c.codeRefs.length) this.lose('case-code-refs', c.codeRefs.length, 'Codes attached to a whole case (Stige codes passages, not cases)', c.name);
      if (c.selectionRefs.length) this.lose('case-selections', c.selectionRefs.length, 'Passages assigned to a case (Stige assigns passages to informants through speaker turns)', c.name);
      let role = vars.role;
      if (!role) {
        // Another tool's case: a person when its name is a speaker label in one of its sources, else a case.
        const speaks = c.sourceRefs.some((s) => speakerLabels.get(s)?.has(c.name.trim()));
        role = stigeInformants[c.guid] ? stigeInformants[c.guid]!.role : stigeCases[c.guid] ? 'case' : speaks ? 'informant' : 'case';
      }
      const name = c.name.trim() || `Case ${c.guid.slice(0, 8)}`;
      if (role === 'case') {
        const id = this.upsertCase(c.guid, name, c.description, stigeCases[c.guid]?.code ?? '', stigeCases[c.guid]?.sortOrder);
        caseRows.push({ guid: c.guid, parentName: vars.caseName });
        this.caseIds.set(c.guid, id);
        for (const ref of c.sourceRefs) this.sourceCase.set(ref, id);
      } else {
        informantRows.push({ guid: c.guid, name, role, caseName: vars.caseName, realName: vars.realName, description: c.description });
      }
    }
    for (const row of caseRows) {
      const parent = stigeCases[row.guid]?.parentId ? this.caseIds.get(stigeCases[row.guid]!.parentId!) : row.parentName ? this.caseByName(row.parentName) : undefined;
      const id = this.caseIds.get(row.guid)!;
      if (parent && parent !== id) this.db.prepare('UPDATE cases SET parent_id = ? WHERE id = ? AND parent_id IS NULL').run(parent, id);
    }
    for (const row of informantRows) {
      const stige = stigeInformants[row.guid];
      const caseId = stige?.caseId ? (this.caseIds.get(stige.caseId) ?? null) : row.caseName ? (this.caseByName(row.caseName) ?? null) : null;
      this.informantIds.set(row.guid, this.upsertInformant(row.guid, row.name, row.role, caseId, row.realName, row.description, stige?.sortOrder));
    }
  }

  private readonly sourceCase = new Map<string, string>();

  private caseByName(name: string): string | undefined {
    return (this.db.prepare('SELECT id FROM cases WHERE name = ? ORDER BY sort_order LIMIT 1').get(name) as { id: string } | undefined)?.id;
  }

  private upsertCase(guid: string, name: string, memo: string, code: string, sortOrder: number | undefined): string {
    const existing = this.db.prepare('SELECT id, name, memo FROM cases WHERE id = ?').get(guid) as { id: string; name: string; memo: string } | undefined;
    if (existing) {
      this.matched.cases += 1;
      const fields = [...(existing.name !== name ? ['name'] : []), ...(memo && existing.memo !== memo ? ['memo'] : [])];
      if (fields.length && this.conflict('case', guid, existing.name, fields)) this.db.prepare('UPDATE cases SET name = ?, memo = ? WHERE id = ?').run(name, memo || existing.memo, guid);
      return existing.id;
    }
    const byName = this.caseByName(name);
    if (byName) {
      this.matched.cases += 1;
      return byName;
    }
    const order = sortOrder ?? (this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM cases').get() as { n: number }).n;
    this.db.prepare('INSERT INTO cases (id, name, code, memo, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(guid, name, code, memo, order, this.now);
    this.imported.cases += 1;
    return guid;
  }

  private upsertInformant(guid: string, label: string, role: 'informant' | 'interviewer', caseId: string | null, realName: string | null, memo: string, sortOrder: number | undefined): string {
    const existing = this.db.prepare('SELECT id, label, memo, role, case_id FROM informants WHERE id = ?').get(guid) as
      | { id: string; label: string; memo: string; role: string; case_id: string | null }
      | undefined;
    if (existing) {
      this.matched.informants += 1;
      const fields = [...(existing.label !== label ? ['label'] : []), ...(memo && existing.memo !== memo ? ['memo'] : []), ...(existing.role !== role ? ['role'] : [])];
      if (fields.length && this.conflict('informant', guid, existing.label, fields)) {
        this.db.prepare('UPDATE informants SET label = ?, memo = ?, role = ? WHERE id = ?').run(label, memo || existing.memo, role, guid);
      }
      if (caseId && !existing.case_id) this.db.prepare('UPDATE informants SET case_id = ? WHERE id = ?').run(caseId, guid);
      return existing.id;
    }
    const byLabel = this.db.prepare('SELECT id FROM informants WHERE label = ? ORDER BY sort_order LIMIT 1').get(label) as { id: string } | undefined;
    if (byLabel && !this.stige) {
      this.matched.informants += 1;
      return byLabel.id;
    }
    const order = sortOrder ?? (this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM informants').get() as { n: number }).n;
    this.db
      .prepare('INSERT INTO informants (id, label, real_name, role, case_id, memo, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(guid, label, realName ?? '', role, caseId, memo, order, this.now);
    this.imported.informants += 1;
    return guid;
  }

  /** Speaker labels each source's text uses (to tell a person-case from a place-case). */
  private speakerLabelsBySource(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    if (this.file.cases.length === 0) return out;
    for (const source of this.file.textSources) {
      const raw = this.loaded.texts.get(source.guid)?.raw;
      if (raw) out.set(source.guid, new Set(canonicalizeSourceText(raw).labels));
    }
    return out;
  }

  // ---- sources, selections, codings

  private importSource(source: RefiTextSource): void {
    const text = this.loaded.texts.get(source.guid);
    const selectionCount = source.selections.length;
    const codingCount = source.selections.reduce((n, s) => n + s.codings.length, 0) + source.sourceCodings.length;
    const base = { guid: source.guid, name: source.name, selections: selectionCount, codings: codingCount };
    if (source.areaSelections) this.lose('pdf-area-selections', source.areaSelections, 'Area selections on PDF pages (Stige codes text passages)', source.name);
    if (!text?.raw) {
      this.lose('missing-sources', 1, 'Sources whose text is not in the file', `${source.name}: ${text?.missing ?? 'no text'}`);
      this.lose('selections-of-missing-sources', codingCount, 'Codings on sources whose text is not in the file', source.name);
      this.sources.push({ ...base, status: 'missing', documentId: null, textFrom: null, offsets: null, offsetUnit: null, lineBreaks: null, offsetScore: null, speakerLabels: [], note: text?.missing ?? null });
      return;
    }
    const stigeDoc = this.stige?.documents[source.guid];
    const exact = stigeDoc && stigeDoc.fingerprint === textFingerprint(text.raw) ? stigeDoc : null;
    const ranges = source.selections.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end));
    const detection: OffsetDetection = exact
      ? { reading: STANDARD_READING, score: null, checked: 0, equivalent: true, alternatives: [] }
      : detectOffsetReading(text.raw, text.hadBom, ranges);
    const canonical = canonicalizeSourceText(text.raw, exact ? exact.labels.map(([start, length, label]) => ({ start, length, label })) : undefined);
    if (!canonical.text.trim()) {
      this.lose('missing-sources', 1, 'Sources whose text is not in the file', `${source.name}: the text is empty`);
      this.sources.push({ ...base, status: 'missing', documentId: null, textFrom: text.from, offsets: null, offsetUnit: null, lineBreaks: null, offsetScore: null, speakerLabels: [], note: 'the text is empty' });
      return;
    }
    if (detection.score !== null && detection.score < 0.8 && ranges.length >= 5) {
      this.warnings.push(`${source.name}: only ${Math.round(detection.score * 100)}% of the selection boundaries fall between words under the best reading (${describeReading(detection.reading)}); check a few quotes`);
    }
    const { documentId, status, note } = this.documentFor(source, canonical, text, exact);
    const report: RefiSourceReport = {
      ...base,
      status,
      documentId,
      textFrom: text.from,
      offsets: detection.equivalent && !exact ? `${describeReading(detection.reading)} (every reading agrees for this text)` : describeReading(detection.reading),
      offsetUnit: detection.reading.unit,
      lineBreaks: detection.reading.lineBreaks,
      offsetScore: detection.score,
      speakerLabels: canonical.labels,
      note,
    };
    this.sources.push(report);
    if (!documentId) {
      this.lose('codings-on-kept-documents', codingCount, 'Codings on a document whose text differs from the project’s version, which was kept', source.name);
      return;
    }
    const docText = (this.db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
    if (docText !== canonical.text) {
      this.lose('codings-on-kept-documents', codingCount, 'Codings on a document whose text differs from the project’s version, which was kept', source.name);
      return;
    }
    const convert = positionConverter(text.raw, detection.reading);
    for (const selection of source.selections) {
      const rawStart = convert(selection.start);
      const rawEnd = convert(selection.end);
      const where = `${source.name} [${selection.start}, ${selection.end})`;
      if (selection.codings.length === 0) {
        this.lose('uncoded-selections', 1, 'Selections without a code (quotations, comments): Stige keeps coded passages only', selection.description ? `${where}: ${selection.description.slice(0, 60)}` : where);
        continue;
      }
      if (rawStart === null || rawEnd === null || rawEnd <= rawStart) {
        this.lose('selections-outside-text', selection.codings.length, 'Codings on selections outside the text or empty', where);
        continue;
      }
      const start = canonical.map(rawStart, 'start');
      const end = canonical.map(rawEnd, 'end');
      if (end <= start) {
        if (canonical.onlyLabel(rawStart, rawEnd)) this.lose('label-only-selections', selection.codings.length, 'Codings on a speaker label only (labels are not part of the text in Stige)', where);
        else this.lose('selections-outside-text', selection.codings.length, 'Codings on selections outside the text or empty', where);
        continue;
      }
      const memo = [selection.description.trim(), this.noteText(selection.noteRefs)].filter(Boolean).join('\n\n');
      for (const coding of selection.codings) this.importCoding(coding, documentId, docText, start, end, memo, [selection.creatingUser, source.creatingUser, this.file.creatingUser]);
    }
    for (const coding of source.sourceCodings) this.importCoding(coding, documentId, docText, 0, docText.length, '', [source.creatingUser, this.file.creatingUser]);
    this.flushCodings();
  }

  /** Insert the pending codings in one go; one identical to a coding already there is merged into it. */
  private flushCodings(): void {
    if (this.pending.length === 0) return;
    const inserted = this.project.file.history.insertMany('codings', CODING_COLUMNS, this.pending.map((p) => p.row), { orIgnore: true });
    this.pending.forEach((p, i) => {
      if (inserted[i]) this.imported.codings += 1;
      else {
        this.matched.codings += 1;
        this.lose('duplicate-codings', 1, 'Codings identical to one already there (same passage, code and coder) were merged', p.guid);
      }
    });
    this.pending.length = 0;
    this.pendingIds.clear();
  }

  /** Find or create the document for a source; null when the project's differing version is kept. */
  private documentFor(
    source: RefiTextSource,
    canonical: ReturnType<typeof canonicalizeSourceText>,
    text: NonNullable<ReturnType<LoadedRefi['texts']['get']>>,
    exact: StigeData['documents'][string] | null,
  ): { documentId: string | null; status: RefiSourceReport['status']; note: string | null } {
    const existing = this.db.prepare('SELECT id, title, text, memo FROM documents WHERE id = ?').get(source.guid) as { id: string; title: string; text: string; memo: string } | undefined;
    const title = (source.name.trim() || (source.plainTextPath ?? '').replace(/^.*[/\\]/, '') || 'Untitled').replace(/\.(txt|docx|pdf|rtf)$/i, '') || 'Untitled';
    const memo = this.noteText(source.noteRefs);
    if (existing) {
      if (existing.text !== canonical.text) {
        if (!this.conflict('document', source.guid, existing.title, ['text'])) {
          this.matched.documents += 1;
          return { documentId: null, status: 'kept', note: 'the project’s version of this document (a different text) was kept' };
        }
        this.db.prepare('DELETE FROM documents WHERE id = ?').run(existing.id);
        const id = this.createDocument(source, canonical, text, exact, title, memo);
        return { documentId: id, status: 'replaced', note: 'the project’s version (a different text) was replaced, with its codings' };
      }
      this.matched.documents += 1;
      const fields = [...(existing.title !== title ? ['title'] : []), ...(memo && existing.memo !== memo ? ['memo'] : [])];
      if (fields.length && this.conflict('document', source.guid, existing.title, fields)) {
        this.db.prepare('UPDATE documents SET title = ?, memo = ?, updated_at = ? WHERE id = ?').run(title, memo || existing.memo, this.now, existing.id);
      }
      return { documentId: existing.id, status: 'matched', note: null };
    }
    const sameText = this.db.prepare('SELECT id, title FROM documents WHERE text_hash = ?').get(sha256(canonical.text)) as { id: string; title: string } | undefined;
    if (sameText) {
      this.matched.documents += 1;
      return { documentId: sameText.id, status: 'matched', note: `the same text is already in the project as “${sameText.title}”; codings were added to it` };
    }
    return { documentId: this.createDocument(source, canonical, text, exact, title, memo), status: 'imported', note: null };
  }

  private createDocument(
    source: RefiTextSource,
    canonical: ReturnType<typeof canonicalizeSourceText>,
    text: NonNullable<ReturnType<LoadedRefi['texts']['get']>>,
    exact: StigeData['documents'][string] | null,
    title: string,
    memo: string,
  ): string {
    const vars = readVariables(source.variableValues, this.variables);
    if (vars.other.length) this.lose('source-variables', vars.other.length, 'Variable values (attributes) of sources: Stige has no attributes yet', `${source.name}: ${vars.other[0]!.name}`);
    const speakerMap: Record<string, string> = {};
    if (!exact) {
      for (const label of canonical.labels) {
        const informant = this.db.prepare('SELECT label FROM informants WHERE label = ?').get(label) as { label: string } | undefined;
        if (informant && !isInterviewerLabel(label)) speakerMap[label] = informant.label;
      }
    }
    const parsed: ParsedDocument = { format: text.from === 'docx' ? 'docx' : 'txt', text: canonical.text, turns: exact ? [] : canonical.turns, warnings: [] };
    const original = text.original ?? { bytes: new TextEncoder().encode(text.raw ?? ''), name: `${title}.txt`, format: 'txt' };
    const saved = saveDocument(this.project, parsed, {
      id: source.guid,
      title,
      kind: exact?.kind ?? vars.kind ?? (canonical.labels.length > 0 ? 'interview' : 'document'),
      sourceName: exact?.sourceName ?? (original.format === 'txt' ? `${title}.txt` : original.name),
      bytes: original.bytes,
      speakers: speakerMap,
    });
    if (!saved) throw new AppError('INTERNAL', `saveDocument refused ${source.name}`);
    const id = saved.documentId;
    const caseId = exact?.caseId ? (this.caseIds.get(exact.caseId) ?? null) : (this.sourceCase.get(source.guid) ?? null);
    const metadata = { refi: { file: this.loaded.fileName, origin: this.file.origin, textFrom: text.from } };
    this.db
      .prepare('UPDATE documents SET memo = ?, case_id = ?, date = ?, duration_ms = ?, used_in_analysis = ?, source_format = ?, metadata = ?, created_at = ?, updated_at = ? WHERE id = ?')
      .run(
        memo,
        caseId,
        exact?.date ?? vars.date,
        exact?.durationMs ?? null,
        (exact?.usedInAnalysis ?? vars.used ?? true) ? 1 : 0,
        exact?.sourceFormat ?? parsed.format,
        JSON.stringify(metadata),
        this.time(source.created),
        this.time(source.modified ?? source.created),
        id,
      );
    if (exact) this.restoreTurns(id, exact);
    this.imported.documents += 1;
    return id;
  }

  /** Speakers and turns exactly as the Stige export recorded them. */
  private restoreTurns(documentId: string, exact: StigeData['documents'][string]): void {
    const speakerIds = exact.speakers.map((s, index) => {
      const id = this.db.prepare('SELECT 1 FROM speakers WHERE id = ?').get(s.id) ? randomUUID() : s.id;
      const informantId = s.informantId ? (this.informantIds.get(s.informantId) ?? null) : null;
      this.db.prepare('INSERT INTO speakers (id, document_id, label, informant_id, role, sort_order) VALUES (?, ?, ?, ?, ?, ?)').run(id, documentId, s.label, informantId, s.role, index);
      return id;
    });
    this.project.file.history.insertMany(
      'turns',
      ['id', 'document_id', 'speaker_id', 'start', 'end', 'time_start_ms', 'time_end_ms'],
      exact.turns.map(([start, end, speaker, timeStart, timeEnd]) => [randomUUID(), documentId, speaker === null ? null : (speakerIds[speaker] ?? null), start, end, timeStart, timeEnd]),
    );
  }

  private importCoding(coding: RefiCoding, documentId: string, docText: string, start: number, end: number, selectionMemo: string, creators: (string | null)[]): void {
    const codeId = this.codeIds.get(coding.codeGuid);
    if (!codeId) {
      this.lose('unknown-code-codings', 1, 'Codings that name a code the codebook does not have', coding.guid);
      return;
    }
    const memo = [selectionMemo, this.noteText(coding.noteRefs)].filter(Boolean).join('\n\n');
    const coderId = this.coderFor(coding.creatingUser, ...creators);
    const stige = this.stige?.codings[coding.guid];
    // The same GUID twice in one file: the first must be in place to be compared with.
    if (this.pendingIds.has(coding.guid)) this.flushCodings();
    const existing = this.findCoding.get(coding.guid) as
      | { id: string; document_id: string; code_id: string; start: number; end: number; memo: string }
      | undefined;
    if (existing) {
      this.matched.codings += 1;
      const fields = [
        ...(existing.document_id !== documentId || existing.start !== start || existing.end !== end ? ['passage'] : []),
        ...(existing.code_id !== codeId ? ['code'] : []),
        ...(memo && existing.memo !== memo ? ['memo'] : []),
      ];
      if (fields.length && this.conflict('coding', coding.guid, shorten(docText.slice(existing.start, existing.end)), fields)) {
        this.db
          .prepare('UPDATE OR IGNORE codings SET document_id = ?, code_id = ?, start = ?, end = ?, quote = ?, memo = ?, status = ?, updated_at = ? WHERE id = ?')
          .run(documentId, codeId, start, end, docText.slice(start, end), memo || existing.memo, 'ok', this.now, coding.guid);
      }
      return;
    }
    this.pendingIds.add(coding.guid);
    this.pending.push({
      guid: coding.guid,
      row: [
        coding.guid,
        documentId,
        codeId,
        start,
        end,
        coderId,
        docText.slice(start, end),
        memo,
        stige?.representative ? 1 : 0,
        stige?.repOrder ?? 0,
        stige?.excerpt ?? null,
        stige?.status === 'changed' ? 'changed' : 'ok',
        this.time(coding.created),
        this.now,
      ],
    });
  }

  // ---- memos and what cannot be imported

  private importMemos(): void {
    const insert = this.db.prepare('INSERT INTO memos (id, title, body, coder_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const note of this.file.notes) {
      if (note.guid === this.stigeNoteGuid || this.usedNotes.has(note.guid)) continue;
      const body = (note.plainTextContent ?? this.loaded.noteTexts.get(note.guid) ?? '').replace(/\r\n?/g, '\n');
      const title = note.name.trim() || shorten(body) || 'Memo';
      const fullBody = note.description.trim() && !this.stige ? `${note.description.trim()}\n\n${body}` : body;
      const existing = this.db.prepare('SELECT id, title, body FROM memos WHERE id = ?').get(note.guid) as { id: string; title: string; body: string } | undefined;
      if (existing) {
        this.matched.memos += 1;
        const fields = [...(existing.title !== title ? ['title'] : []), ...(existing.body !== fullBody ? ['text'] : [])];
        if (fields.length && this.conflict('memo', note.guid, existing.title, fields)) this.db.prepare('UPDATE memos SET title = ?, body = ?, updated_at = ? WHERE id = ?').run(title, fullBody, this.now, note.guid);
        continue;
      }
      insert.run(note.guid, title, fullBody, note.creatingUser ? (this.userIds.get(note.creatingUser) ?? null) : null, this.time(note.created), this.time(note.modified ?? note.created));
      this.imported.memos += 1;
    }
  }

  private reportUnimportable(): void {
    for (const media of this.file.mediaSources) {
      const what = { picture: 'Picture sources', audio: 'Audio sources', video: 'Video sources', pdf: 'PDF sources without a text representation' }[media.kind];
      this.lose(`${media.kind}-sources`, 1, `${what}: Stige codes text`, media.name);
      this.lose(`${media.kind}-codings`, media.codings, `Codings on ${media.kind} sources`, media.name);
      if (media.transcripts) this.lose('media-transcripts', media.transcripts, 'Transcripts inside audio/video sources (import the transcript as a text file instead)', media.name);
    }
    const levelSet = (description: string) => /^Stige level [123]:/.test(description) || description === UNPLACED_SET_DESCRIPTION;
    for (const set of this.file.sets) {
      if (levelSet(set.description)) continue;
      this.lose('sets', 1, 'Sets (code groups, document groups): Stige has no sets; their members were imported, the grouping was not', set.name);
    }
    for (const link of this.file.links) this.lose('links', 1, 'Links between objects: Stige has no links', link.name || link.guid);
    for (const graph of this.file.graphs) {
      if (this.stige && graph.name === 'Data structure') continue;
      this.lose('graphs', 1, 'Graphs (networks): Stige draws its own data structure from the code tree', graph.name || graph.guid);
    }
  }
}

/** The columns of a new coding, in the order importCoding writes them. */
const CODING_COLUMNS = ['id', 'document_id', 'code_id', 'start', 'end', 'coder_id', 'quote', 'memo', 'representative', 'rep_order', 'excerpt', 'status', 'created_at', 'updated_at'];

function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
