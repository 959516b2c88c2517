import type { MergeBase, MergeChange, MergeConflict, MergeConflictKind, MergeConflictSide } from '../../../shared/api/methods/team';
import { describeLevel } from '../../../shared/model/levels';
import type { Base, BaseCode, BaseCoding, SnapCase, SnapCode, SnapCoder, SnapCoding, SnapInformant, SnapMemo, Snapshot } from './snapshot';

// Deciding a merge: which objects of the other file ("theirs") match which here ("ours"), what
// changed on which side since the common ancestor, what is taken over silently (changed on their
// side only), and what is a conflict for the user. Nothing is written here; execute.ts does that.

/** One write the merge will make. Ids of theirs objects are resolved to ours when executed. */
export type MergeAction =
  | { readonly t: 'insertCode'; readonly code: SnapCode; readonly change?: MergeChange }
  | { readonly t: 'updateCode'; readonly id: string; readonly set: CodeFields; readonly by: string | null; readonly change?: MergeChange }
  | { readonly t: 'deleteCode'; readonly id: string; readonly change?: MergeChange }
  | { readonly t: 'insertCoding'; readonly coding: SnapCoding; readonly change?: MergeChange }
  | { readonly t: 'updateCoding'; readonly id: string; readonly set: CodingFields; readonly theirs: SnapCoding; readonly change?: MergeChange }
  | { readonly t: 'deleteCoding'; readonly id: string; readonly change?: MergeChange }
  | { readonly t: 'insertMemo'; readonly memo: SnapMemo; readonly change?: MergeChange }
  | { readonly t: 'updateMemo'; readonly id: string; readonly set: { readonly title?: string; readonly body?: string }; readonly change?: MergeChange }
  | { readonly t: 'deleteMemo'; readonly id: string; readonly change?: MergeChange }
  | { readonly t: 'setLevels'; readonly levels: readonly [string, string, string] };

/** Code fields a merge may set; `parentId` is in theirs' id space (resolved when executed). */
export interface CodeFields {
  readonly label?: string;
  readonly level?: BaseCode['level'];
  readonly parentId?: string | null;
  readonly heading?: string;
  readonly description?: string;
  readonly color?: string;
  readonly memo?: string;
}

/** Coding fields a merge may set; `codeId` is in theirs' id space. */
export interface CodingFields {
  readonly codeId?: string;
  readonly start?: number;
  readonly end?: number;
  readonly memo?: string;
  readonly representative?: boolean;
  readonly excerpt?: string | null;
}

/** A conflict with the writes each choice makes. */
export interface PlannedConflict extends MergeConflict {
  readonly theirsActions: readonly MergeAction[];
}

/** A previous resolution of the same conflict, from the log of an earlier merge of this copy. */
export interface PreviousResolution {
  readonly id: string;
  readonly choice: 'ours' | 'theirs';
  readonly signature: string;
}

/** The ancestors a merge compares against; see bases.ts. */
export interface MergeBases {
  readonly kind: MergeBase;
  readonly ours: Base | null;
  readonly theirs: Base | null;
  /** Theirs code id → ours code id, for codes matched by label in earlier merges. */
  readonly codeMap: ReadonlyMap<string, string>;
  readonly previous: readonly PreviousResolution[];
}

/** The decided merge. */
export interface MergePlan {
  readonly base: MergeBase;
  readonly warnings: string[];
  readonly coderMap: ReadonlyMap<string, string>;
  readonly coderInserts: readonly SnapCoder[];
  readonly caseMap: ReadonlyMap<string, string>;
  readonly caseInserts: readonly SnapCase[];
  readonly informantMap: ReadonlyMap<string, string>;
  readonly informantInserts: readonly SnapInformant[];
  readonly documentMap: ReadonlyMap<string, string>;
  readonly documentInserts: readonly string[];
  /** Matched documents whose text differs (theirs id → ours id): their codings are re-anchored by quote. */
  readonly textDiffers: ReadonlyMap<string, string>;
  readonly codeMap: ReadonlyMap<string, string>;
  readonly counts: {
    coders: number;
    cases: number;
    informants: number;
    documentsById: number;
    documentsByContent: number;
    codesById: number;
    codesByLabel: number;
    duplicates: number;
    deletedHere: number;
  };
  readonly actions: readonly MergeAction[];
  readonly conflicts: readonly PlannedConflict[];
  /** Codings attributed to the copy's own coder, mapped here (their deletions are theirs to make). */
  readonly copyCoderId: string | null;
}

const quoted = (s: string) => `“${s}”`;
const shorten = (text: string, max = 40) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** Did a side change a value since its ancestor? null = cannot tell (no ancestor). */
type Changed = boolean | null;

/** Decide how the sides combine for one value group. */
function decide(differs: boolean, ours: Changed, theirs: Changed): 'same' | 'theirs' | 'ours' | 'conflict' {
  if (!differs) return 'same';
  if (theirs === true && ours === false) return 'theirs';
  if (theirs === false && ours === true) return 'ours';
  return 'conflict';
}

const DETAIL_FIELDS = ['heading', 'description', 'color', 'memo'] as const;

/** Work out the merge of `theirs` into `ours`. */
export function planMerge(ours: Snapshot, theirs: Snapshot, bases: MergeBases): MergePlan {
  const warnings: string[] = [];
  const actions: MergeAction[] = [];
  const conflicts: PlannedConflict[] = [];
  const previous = new Map(bases.previous.map((p) => [p.id, p]));
  const addConflict = (kind: MergeConflictKind, key: string, subject: string, oursSide: MergeConflictSide, theirsSide: MergeConflictSide, theirsActions: MergeAction[]) => {
    const id = `${kind}:${key}`;
    const signature = JSON.stringify([oursSide.values, theirsSide.values]);
    const before = previous.get(id);
    const again = before !== undefined && before.signature === signature;
    conflicts.push({ id, kind, subject, ours: oursSide, theirs: theirsSide, resolution: again ? before.choice : 'ours', previouslyResolved: again, theirsActions });
  };

  // Coders, cases, informants: by id, then by name.
  const { map: coderMap, inserts: coderInserts, matched: codersMatched } = matchByIdThenKey(ours.coders, theirs.coders, (c) => c.name);
  const { map: caseMap, inserts: caseInserts, matched: casesMatched } = matchByIdThenKey(ours.cases, theirs.cases, (c) => c.name);
  const { map: informantMap, inserts: informantInserts, matched: informantsMatched } = matchByIdThenKey(ours.informants, theirs.informants, (i) => i.label);
  const coderName = (id: string | null) => {
    if (!id) return null;
    return ours.coders.find((c) => c.id === id)?.name ?? theirs.coders.find((c) => c.id === id)?.name ?? null;
  };

  // Documents: by id, then by content hash.
  const documentMap = new Map<string, string>();
  const documentInserts: string[] = [];
  const textDiffers = new Map<string, string>();
  const oursDocs = new Map(ours.documents.map((d) => [d.id, d]));
  const oursByHash = new Map<string, string>();
  for (const d of ours.documents) if (!oursByHash.has(d.textHash)) oursByHash.set(d.textHash, d.id);
  let documentsById = 0;
  let documentsByContent = 0;
  const claimed = new Set<string>();
  for (const d of theirs.documents) {
    const same = oursDocs.get(d.id);
    if (same) {
      documentMap.set(d.id, same.id);
      claimed.add(same.id);
      documentsById += 1;
      if (same.textHash !== d.textHash) {
        textDiffers.set(d.id, same.id);
        warnings.push(`The text of ${quoted(same.title)} differs between the files; this project's text is kept and the other file's codings on it are placed by their quotes.`);
      }
    }
  }
  // A document the copy had when it was handed out, and this file no longer has, was deleted
  // here: it is not brought back (documents are not deleted or restored by merges).
  const handedOutAt = ours.replicaId && theirs.origin?.sourceReplicaId === ours.replicaId ? theirs.origin.handedOutAt : null;
  const deletedDocuments = new Set<string>();
  for (const d of theirs.documents) {
    if (documentMap.has(d.id)) continue;
    const byHash = oursByHash.get(d.textHash);
    if (byHash && !claimed.has(byHash)) {
      documentMap.set(d.id, byHash);
      claimed.add(byHash);
      documentsByContent += 1;
    } else if (handedOutAt !== null && d.createdAt <= handedOutAt) {
      deletedDocuments.add(d.id);
    } else documentInserts.push(d.id);
  }
  if (deletedDocuments.size) {
    const lost = theirs.codings.filter((c) => deletedDocuments.has(c.documentId) && !(bases.theirs?.codings?.has(c.id) ?? false)).length;
    const titles = theirs.documents.filter((d) => deletedDocuments.has(d.id)).map((d) => quoted(d.title));
    warnings.push(
      `${titles.join(', ')} ${titles.length === 1 ? 'was' : 'were'} deleted here after the copy was handed out and ${titles.length === 1 ? 'is' : 'are'} not brought back` +
        (lost ? `; ${lost} coding${lost === 1 ? '' : 's'} made in the copy on ${titles.length === 1 ? 'it' : 'them'} ${lost === 1 ? 'is' : 'are'} left out (import the document again and merge again to keep them).` : '.'),
    );
  }

  // Codes: by id, then by label and level.
  const oursCodes = new Map(ours.codes.map((c) => [c.id, c]));
  const theirsCodes = new Map(theirs.codes.map((c) => [c.id, c]));
  const codeMap = new Map<string, string>();
  const matchedOurs = new Set<string>();
  let codesById = 0;
  let codesByLabel = 0;
  for (const t of theirs.codes) {
    if (oursCodes.has(t.id)) {
      codeMap.set(t.id, t.id);
      matchedOurs.add(t.id);
      codesById += 1;
    }
  }
  for (const t of theirs.codes) {
    if (codeMap.has(t.id)) continue;
    const remembered = bases.codeMap.get(t.id);
    const candidate =
      (remembered && oursCodes.has(remembered) && !matchedOurs.has(remembered) ? oursCodes.get(remembered) : undefined) ??
      ours.codes.find((o) => !matchedOurs.has(o.id) && o.label === t.label && o.level === t.level);
    if (candidate) {
      codeMap.set(t.id, candidate.id);
      matchedOurs.add(candidate.id);
      codesByLabel += 1;
    }
  }
  const reverseCodeMap = new Map([...codeMap].map(([t, o]) => [o, t]));
  const mapCode = (theirsId: string | null) => (theirsId === null ? null : (codeMap.get(theirsId) ?? theirsId));
  const oursCodeLabel = (id: string | null) => (id === null ? null : (oursCodes.get(id)?.label ?? theirsCodes.get(reverseCodeMap.get(id) ?? id)?.label ?? null));
  const theirsCodeLabel = (id: string | null) => (id === null ? null : (theirsCodes.get(id)?.label ?? null));
  const describeCode = (c: { label: string; level: BaseCode['level'] }) => `Code ${quoted(c.label)} (${describeLevel(c.level)})`;
  const oursHad = (theirsId: string) => bases.ours?.codes.has(bases.codeMap.get(theirsId) ?? theirsId) ?? false;
  const theirsHad = (oursId: string) => {
    if (!bases.theirs) return false;
    const inTheirs = [...bases.codeMap].find(([, o]) => o === oursId)?.[0] ?? oursId;
    return bases.theirs.codes.has(inTheirs);
  };
  const oursCodeChanged = (o: SnapCode, pick: (c: BaseCode) => unknown): Changed => {
    if (!bases.ours) return null;
    const base = bases.ours.codes.get(o.id);
    return base ? pick(base) !== pick(o) : true;
  };
  const theirsCodeChanged = (t: SnapCode, pick: (c: BaseCode) => unknown): Changed => {
    if (!bases.theirs) return null;
    const base = bases.theirs.codes.get(t.id);
    return base ? pick(base) !== pick(t) : true;
  };
  const placement = (c: { level: BaseCode['level']; parentId: string | null }) => `${c.level ?? '-'}|${c.parentId ?? ''}`;
  const details = (c: BaseCode) => JSON.stringify(DETAIL_FIELDS.map((f) => c[f]));

  // Codes ours deleted (theirs still has them, they existed at the ancestor).
  const deletedByOurs = new Set<string>();
  // Codes theirs deleted.
  const deletedByTheirs = new Set<string>();
  const theirsCodingsByCode = groupBy(theirs.codings, (c) => c.codeId);
  const oursCodingsByCode = groupBy(ours.codings, (c) => c.codeId);
  const theirsCodingNew = (c: SnapCoding) => {
    const base = bases.theirs?.codings?.get(c.id);
    return !base || codingSignature(base) !== codingSignature(c);
  };
  const oursCodingUnknownToTheirs = (c: SnapCoding) => {
    const inTheirsBase = bases.theirs?.codings?.get(c.id);
    if (!inTheirsBase) return true;
    const oursBase = bases.ours?.codings?.get(c.id);
    return oursBase ? codingSignature(oursBase) !== codingSignature(c) : false;
  };

  // New theirs codes are inserted parents first.
  const theirsOrdered = topological(theirs.codes);
  for (const t of theirsOrdered) {
    if (codeMap.has(t.id)) continue;
    if (!oursHad(t.id)) {
      actions.push({ t: 'insertCode', code: t, change: { kind: 'code.added', subject: describeCode(t), summary: `added${t.parentId ? ` under ${quoted(theirsCodeLabel(t.parentId) ?? '?')}` : ''}` } });
      continue;
    }
    deletedByOurs.add(t.id);
    const codings = theirsCodingsByCode.get(t.id) ?? [];
    const used = codings.filter(theirsCodingNew).length;
    const changedThere = theirsCodeChanged(t, (c) => `${c.label}|${placement(c)}|${details(c)}`) === true;
    const newChildren = theirs.codes.filter((c) => c.parentId === t.id && !(bases.theirs?.codes.has(c.id) ?? false)).length;
    if (used === 0 && !changedThere && newChildren === 0) continue;
    const what = [used ? `used it in ${used} new coding${used === 1 ? '' : 's'}` : '', changedThere ? 'changed it' : '', newChildren ? `put ${newChildren} new code${newChildren === 1 ? '' : 's'} under it` : '']
      .filter(Boolean)
      .join(', ');
    addConflict(
      'code.deleted',
      t.id,
      describeCode(t),
      { summary: 'deleted it', values: { deleted: 1 } },
      { summary: what, values: { label: t.label, level: t.level, codings: used, children: newChildren } },
      [{ t: 'insertCode', code: t }, ...codings.map((coding): MergeAction => ({ t: 'insertCoding', coding }))],
    );
  }

  // The copy's own coder: deleting their own codings (with a code) is theirs to decide; other
  // coders' codings are never deleted without asking.
  const copyCoderId = theirs.origin?.coderId ? (coderMap.get(theirs.origin.coderId) ?? theirs.origin.coderId) : null;
  for (const o of ours.codes) {
    if (matchedOurs.has(o.id) || !theirsHad(o.id)) continue;
    const codings = oursCodingsByCode.get(o.id) ?? [];
    const used = codings.filter((c) => oursCodingUnknownToTheirs(c) || c.coderId !== copyCoderId).length;
    const changedHere = oursCodeChanged(o, (c) => `${c.label}|${placement(c)}|${details(c)}`) === true;
    const newChildren = ours.codes.filter((c) => c.parentId === o.id && !(bases.ours?.codes.has(c.id) ?? false)).length;
    if (used === 0 && !changedHere && newChildren === 0) {
      deletedByTheirs.add(o.id);
      actions.push({ t: 'deleteCode', id: o.id, change: { kind: 'code.deleted', subject: describeCode(o), summary: `deleted${codings.length ? ` with ${codings.length} of ${coderName(copyCoderId) ?? 'its coder'}’s codings` : ''}` } });
      continue;
    }
    deletedByTheirs.add(o.id);
    const what = [used ? `uses it in ${used} coding${used === 1 ? '' : 's'}` : '', changedHere ? 'changed it' : '', newChildren ? `has ${newChildren} new code${newChildren === 1 ? '' : 's'} under it` : '']
      .filter(Boolean)
      .join(', ');
    addConflict('code.deleted', o.id, describeCode(o), { summary: what, values: { label: o.label, level: o.level, codings: used, children: newChildren } }, { summary: 'deleted it', values: { deleted: 1 } }, [
      { t: 'deleteCode', id: o.id },
    ]);
  }

  // Matched codes: label, placement, details.
  for (const t of theirs.codes) {
    const oursId = codeMap.get(t.id);
    if (!oursId) continue;
    const o = oursCodes.get(oursId)!;
    const by = coderMap.get(t.updatedBy ?? '') ?? t.updatedBy;
    const byName = coderName(by ?? null);
    const suffix = byName ? ` (${byName})` : '';
    // Label
    const label = decide(o.label !== t.label, oursCodeChanged(o, (c) => c.label), theirsCodeChanged(t, (c) => c.label));
    if (label === 'theirs') {
      actions.push({ t: 'updateCode', id: o.id, set: { label: t.label }, by, change: { kind: 'code.renamed', subject: describeCode(o), summary: `renamed to ${quoted(t.label)}${suffix}` } });
    } else if (label === 'conflict') {
      addConflict('code.rename', o.id, describeCode(o), { summary: `named ${quoted(o.label)}`, values: { label: o.label } }, { summary: `renamed to ${quoted(t.label)}${suffix}`, values: { label: t.label } }, [
        { t: 'updateCode', id: o.id, set: { label: t.label }, by },
      ]);
    }
    // Placement (level and parent)
    const theirsParent = mapCode(t.parentId);
    const moved = decide(
      o.level !== t.level || o.parentId !== theirsParent,
      oursCodeChanged(o, (c) => placement(c)),
      theirsCodeChanged(t, (c) => placement(c)),
    );
    const where = (lvl: BaseCode['level'], parentLabel: string | null) => `${describeLevel(lvl)}${parentLabel ? ` under ${quoted(parentLabel)}` : ', not grouped'}`;
    if (moved === 'theirs' || moved === 'conflict') {
      const action: MergeAction = { t: 'updateCode', id: o.id, set: { level: t.level, parentId: t.parentId }, by };
      const theirsWhere = where(t.level, theirsCodeLabel(t.parentId));
      if (moved === 'theirs') actions.push({ ...action, change: { kind: 'code.moved', subject: describeCode(o), summary: `moved: ${theirsWhere}${suffix}` } });
      else {
        addConflict(
          'code.move',
          o.id,
          describeCode(o),
          { summary: where(o.level, oursCodeLabel(o.parentId)), values: { level: o.level, parent: oursCodeLabel(o.parentId) } },
          { summary: `${theirsWhere}${suffix}`, values: { level: t.level, parent: theirsCodeLabel(t.parentId) } },
          [action],
        );
      }
    }
    // Heading, description, colour, memo
    const differing = DETAIL_FIELDS.filter((f) => o[f] !== t[f]);
    const edited = decide(differing.length > 0, oursCodeChanged(o, details), theirsCodeChanged(t, details));
    if (edited === 'theirs' || edited === 'conflict') {
      const set: Record<string, string> = {};
      for (const f of differing) set[f] = t[f];
      const action: MergeAction = { t: 'updateCode', id: o.id, set, by };
      const fields = differing.join(', ');
      if (edited === 'theirs') actions.push({ ...action, change: { kind: 'code.edited', subject: describeCode(o), summary: `${fields} changed${suffix}` } });
      else {
        addConflict(
          'code.edit',
          o.id,
          describeCode(o),
          { summary: `${fields} as here`, values: Object.fromEntries(differing.map((f) => [f, o[f]])) },
          { summary: `${fields} changed${suffix}`, values: set },
          [action],
        );
      }
    }
  }

  // Codings.
  const oursCodingsById = new Map(ours.codings.map((c) => [c.id, c]));
  const key = (documentId: string, codeId: string, coderId: string, start: number, end: number) => `${documentId}|${codeId}|${coderId}|${start}|${end}`;
  const oursKeys = new Set(ours.codings.map((c) => key(c.documentId, c.codeId, c.coderId, c.start, c.end)));
  const theirsIds = new Set(theirs.codings.map((c) => c.id));
  const matchedByKey = new Set<string>();
  let duplicates = 0;
  let deletedHere = 0;
  const newDocuments = new Set(documentInserts);
  const docTitle = (id: string) => ours.documents.find((d) => d.id === id)?.title ?? theirs.documents.find((d) => d.id === id)?.title ?? id;
  for (const t of theirs.codings) {
    if (deletedByOurs.has(t.codeId)) {
      if (bases.ours?.codings?.has(t.id)) deletedHere += 1;
      continue;
    }
    const documentId = documentMap.get(t.documentId) ?? (newDocuments.has(t.documentId) ? t.documentId : null);
    if (!documentId) continue;
    const coderId = coderMap.get(t.coderId) ?? t.coderId;
    const codeId = mapCode(t.codeId)!;
    const o = oursCodingsById.get(t.id);
    if (o) {
      const oursBase = bases.ours?.codings ? (bases.ours.codings.get(o.id) ?? null) : undefined;
      const theirsBase = bases.theirs?.codings ? (bases.theirs.codings.get(t.id) ?? null) : undefined;
      const fields: (keyof CodingFields)[] = ['codeId', 'start', 'end', 'memo', 'representative', 'excerpt'];
      const oursValue = (f: keyof CodingFields) => o[f];
      const theirsValue = (f: keyof CodingFields) => (f === 'codeId' ? codeId : t[f]);
      const set: Record<string, unknown> = {};
      let conflict = false;
      for (const f of fields) {
        const differs = oursValue(f) !== theirsValue(f);
        const oc: Changed = oursBase === undefined ? null : oursBase === null ? true : oursBase[f] !== o[f];
        const tc: Changed = theirsBase === undefined ? null : theirsBase === null ? true : theirsBase[f] !== t[f];
        const d = decide(differs, oc, tc);
        if (d === 'theirs' || d === 'conflict') set[f] = f === 'codeId' ? t.codeId : t[f];
        if (d === 'conflict') conflict = true;
      }
      if (Object.keys(set).length === 0) continue;
      const subject = `Coding ${quoted(shorten(o.quote))} in ${quoted(docTitle(o.documentId))} (${coderName(o.coderId) ?? 'unknown coder'})`;
      const action: MergeAction = { t: 'updateCoding', id: o.id, set: set as CodingFields, theirs: t };
      const describe = (c: { codeId: string; start: number; end: number; memo: string; representative: boolean }, label: string | null) =>
        `${quoted(label ?? '?')} [${c.start}, ${c.end})${c.representative ? ' ★' : ''}${c.memo ? `, memo ${quoted(shorten(c.memo, 30))}` : ''}`;
      if (!conflict) actions.push({ ...action, change: { kind: 'coding.edited', subject, summary: describe({ ...t, codeId }, oursCodeLabel(codeId) ?? theirsCodeLabel(t.codeId)) } });
      else {
        addConflict(
          'coding.edit',
          o.id,
          subject,
          { summary: describe(o, oursCodeLabel(o.codeId)), values: { code: oursCodeLabel(o.codeId), start: o.start, end: o.end, memo: o.memo, representative: o.representative ? 1 : 0 } },
          { summary: describe({ ...t, codeId }, theirsCodeLabel(t.codeId)), values: { code: theirsCodeLabel(t.codeId), start: t.start, end: t.end, memo: t.memo, representative: t.representative ? 1 : 0 } },
          [action],
        );
      }
      continue;
    }
    if (oursKeys.has(key(documentId, codeId, coderId, t.start, t.end)) && !textDiffers.has(t.documentId)) {
      duplicates += 1;
      matchedByKey.add(key(documentId, codeId, coderId, t.start, t.end));
      continue;
    }
    if (bases.ours?.codings?.has(t.id)) {
      deletedHere += 1;
      continue;
    }
    actions.push({ t: 'insertCoding', coding: t });
  }
  for (const o of ours.codings) {
    if (theirsIds.has(o.id) || deletedByTheirs.has(o.codeId) || !bases.theirs?.codings?.has(o.id)) continue;
    if (matchedByKey.has(key(o.documentId, o.codeId, o.coderId, o.start, o.end))) continue;
    const oursBase = bases.ours?.codings?.get(o.id);
    const changedHere = oursBase ? codingSignature(oursBase) !== codingSignature(o) : true;
    const subject = `Coding ${quoted(shorten(o.quote))} in ${quoted(docTitle(o.documentId))} (${coderName(o.coderId) ?? 'unknown coder'})`;
    if (o.coderId === copyCoderId && !changedHere) {
      actions.push({ t: 'deleteCoding', id: o.id, change: { kind: 'coding.deleted', subject, summary: `removed by ${coderName(o.coderId) ?? 'its coder'} in the copy` } });
    } else {
      addConflict(
        'coding.deleted',
        o.id,
        subject,
        { summary: changedHere ? 'kept and changed here' : 'kept here', values: { code: oursCodeLabel(o.codeId), start: o.start, end: o.end } },
        { summary: `deleted in the copy${theirs.origin?.coderName ? ` of ${theirs.origin.coderName}` : ''}`, values: { deleted: 1 } },
        [{ t: 'deleteCoding', id: o.id }],
      );
    }
  }

  // Memos.
  const oursMemos = new Map(ours.memos.map((m) => [m.id, m]));
  const theirsMemos = new Map(theirs.memos.map((m) => [m.id, m]));
  const memoChanged = (base: Base | null, m: SnapMemo): Changed => {
    if (!base) return null;
    const b = base.memos.get(m.id);
    return b ? b.title !== m.title || b.body !== m.body : true;
  };
  for (const t of theirs.memos) {
    const o = oursMemos.get(t.id);
    const subject = `Memo ${quoted(t.title)}`;
    if (!o) {
      if (bases.ours?.memos.has(t.id)) {
        if (memoChanged(bases.theirs, t) === true) {
          addConflict('memo.deleted', t.id, subject, { summary: 'deleted it', values: { deleted: 1 } }, { summary: 'changed it', values: { title: t.title, body: shorten(t.body, 200) } }, [
            { t: 'insertMemo', memo: t },
          ]);
        }
        continue;
      }
      actions.push({ t: 'insertMemo', memo: t, change: { kind: 'memo.added', subject, summary: `added${coderName(t.coderId) ? ` by ${coderName(coderMap.get(t.coderId ?? '') ?? t.coderId)}` : ''}` } });
      continue;
    }
    const d = decide(o.title !== t.title || o.body !== t.body, memoChanged(bases.ours, o), memoChanged(bases.theirs, t));
    const set = { ...(o.title !== t.title ? { title: t.title } : {}), ...(o.body !== t.body ? { body: t.body } : {}) };
    if (d === 'theirs') actions.push({ t: 'updateMemo', id: o.id, set, change: { kind: 'memo.edited', subject, summary: 'changed in the copy' } });
    else if (d === 'conflict') {
      addConflict('memo.edit', o.id, subject, { summary: shorten(o.body, 80) || '(empty)', values: { title: o.title, body: o.body } }, { summary: shorten(t.body, 80) || '(empty)', values: { title: t.title, body: t.body } }, [
        { t: 'updateMemo', id: o.id, set },
      ]);
    }
  }
  for (const o of ours.memos) {
    if (theirsMemos.has(o.id) || !bases.theirs?.memos.has(o.id)) continue;
    const subject = `Memo ${quoted(o.title)}`;
    if (memoChanged(bases.ours, o) === false) actions.push({ t: 'deleteMemo', id: o.id, change: { kind: 'memo.deleted', subject, summary: 'deleted in the copy' } });
    else addConflict('memo.deleted', o.id, subject, { summary: 'changed here', values: { title: o.title, body: shorten(o.body, 200) } }, { summary: 'deleted it', values: { deleted: 1 } }, [{ t: 'deleteMemo', id: o.id }]);
  }

  // Level names: no ancestor is kept for them, so any difference is a conflict.
  if (theirs.levels.some((l, i) => l && l !== ours.levels[i])) {
    addConflict(
      'project.levels',
      'levels',
      'Names of the three levels',
      { summary: ours.levels.join(' / '), values: { concept: ours.levels[0], theme: ours.levels[1], dimension: ours.levels[2] } },
      { summary: theirs.levels.join(' / '), values: { concept: theirs.levels[0], theme: theirs.levels[1], dimension: theirs.levels[2] } },
      [{ t: 'setLevels', levels: theirs.levels }],
    );
  }

  return {
    base: bases.kind,
    warnings,
    coderMap,
    coderInserts,
    caseMap,
    caseInserts,
    informantMap,
    informantInserts,
    documentMap,
    documentInserts,
    textDiffers,
    codeMap,
    counts: {
      coders: codersMatched,
      cases: casesMatched,
      informants: informantsMatched,
      documentsById,
      documentsByContent,
      codesById,
      codesByLabel,
      duplicates,
      deletedHere,
    },
    actions,
    conflicts,
    copyCoderId,
  };
}

/** Match theirs objects to ours by id, then by a natural key among the ours not yet matched. */
function matchByIdThenKey<T extends { readonly id: string }>(
  ours: readonly T[],
  theirs: readonly T[],
  keyOf: (item: T) => string,
): { map: Map<string, string>; inserts: T[]; matched: number } {
  const map = new Map<string, string>();
  const oursIds = new Set(ours.map((o) => o.id));
  const taken = new Set<string>();
  for (const t of theirs) {
    if (oursIds.has(t.id)) {
      map.set(t.id, t.id);
      taken.add(t.id);
    }
  }
  const inserts: T[] = [];
  for (const t of theirs) {
    if (map.has(t.id)) continue;
    const match = ours.find((o) => !taken.has(o.id) && keyOf(o) === keyOf(t));
    if (match) {
      map.set(t.id, match.id);
      taken.add(match.id);
    } else inserts.push(t);
  }
  return { map, inserts, matched: map.size };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

/** The compared fields of a coding as one string. */
export function codingSignature(c: BaseCoding): string {
  return JSON.stringify([c.codeId, c.start, c.end, c.memo, c.representative, c.excerpt]);
}

/** Codes ordered so that every parent comes before its children. */
function topological(codes: readonly SnapCode[]): SnapCode[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const done = new Set<string>();
  const result: SnapCode[] = [];
  const visit = (c: SnapCode, path: Set<string>) => {
    if (done.has(c.id) || path.has(c.id)) return;
    path.add(c.id);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) visit(parent, path);
    done.add(c.id);
    result.push(c);
  };
  for (const c of codes) visit(c, new Set());
  return result;
}
