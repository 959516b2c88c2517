import type { RefiConflict, RefiCounts, RefiImportReport } from '../../../shared/api/methods/refi';

/** "1 code", "3 codes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The kinds an import counts, in the order a user thinks of them, with their English names. */
export const COUNT_KINDS: readonly { readonly key: keyof RefiCounts; readonly one: string; readonly many: string }[] = [
  { key: 'documents', one: 'document', many: 'documents' },
  { key: 'codes', one: 'code', many: 'codes' },
  { key: 'codings', one: 'coding', many: 'codings' },
  { key: 'users', one: 'coder', many: 'coders' },
  { key: 'informants', one: 'informant', many: 'informants' },
  { key: 'cases', one: 'case', many: 'cases' },
  { key: 'memos', one: 'memo', many: 'memos' },
];

/** "2 documents, 152 codes and 303 codings" (kinds with none left out); "nothing" when all are zero. */
export function describeCounts(counts: RefiCounts): string {
  const parts = COUNT_KINDS.filter((k) => counts[k.key] > 0).map((k) => plural(counts[k.key], k.one, k.many));
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What the file holds of each kind: new objects plus those the project already has. */
export function fileCounts(report: RefiImportReport): RefiCounts {
  const sum = (key: keyof RefiCounts) => report.imported[key] + report.matched[key];
  return { users: sum('users'), codes: sum('codes'), documents: sum('documents'), codings: sum('codings'), informants: sum('informants'), cases: sum('cases'), memos: sum('memos') };
}

/** How the file's format is named to the user. */
export function describeFormat(format: RefiImportReport['format']): string {
  switch (format) {
    case 'qdpx':
      return 'REFI-QDA project (.qdpx)';
    case 'qde':
      return 'REFI-QDA project file (.qde)';
    case 'qdc':
      return 'REFI-QDA codebook (.qdc)';
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** A conflict's kind as a word. */
export function describeConflictKind(kind: RefiConflict['kind']): string {
  switch (kind) {
    case 'code':
      return 'Code';
    case 'document':
      return 'Document';
    case 'coding':
      return 'Coding';
    case 'informant':
      return 'Informant';
    case 'case':
      return 'Case';
    case 'memo':
      return 'Memo';
    case 'user':
      return 'Coder';
    case 'project':
      return 'Project';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The backend's field names of a conflict in the words the app uses elsewhere. */
export function describeFields(fields: readonly string[]): string {
  const words: Readonly<Record<string, string>> = { label: 'name', title: 'title', text: 'text', memo: 'memo', colour: 'colour', description: 'definition', levels: 'level names' };
  return fields.map((f) => words[f] ?? f).join(', ');
}
