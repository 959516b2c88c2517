import { AppError } from '../api/errors';
import type { Level } from '../model/levels';
import type { ImportedCode, ImportedCodebook } from './model';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The keys a level's children may be under, most specific first. */
const CHILD_KEYS: Readonly<Record<3 | 2, readonly string[]>> = {
  3: ['second_order_themes', 'secondOrderThemes', 'themes'],
  2: ['first_order_concepts', 'firstOrderConcepts', 'concepts'],
};
const ROOT_KEYS = ['aggregate_dimensions', 'aggregateDimensions', 'dimensions'];
const LABEL_KEYS = ['name', 'label', 'title'];
const DESCRIPTION_KEYS = ['definition', 'description'];

/** Extra fields kept in the memo, with the heading each gets. */
const MEMO_FIELDS: readonly (readonly [string, string])[] = [
  ['theoretical_foundation', 'Theoretical foundation'],
  ['researcher_interpretation', 'Researcher interpretation'],
  ['informant_terms', 'Informant terms'],
  ['coding_note', 'Coding note'],
  ['example_quotes', 'Example quotes'],
  ['memo', 'Memo'],
  ['notes', 'Notes'],
];

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(obj: JsonObject, keys: readonly string[]): string {
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return '';
}

function quoteText(q: Json): string {
  if (typeof q === 'string') return `“${q.trim()}”`;
  if (!isObject(q) || typeof q.quote !== 'string') return '';
  const where = [q.document_id, q.lines !== undefined ? `lines ${String(q.lines)}` : null].filter((x) => typeof x === 'string' && x).join(', ');
  return `“${q.quote.trim()}”${where ? ` (${where})` : ''}`;
}

function memoOf(obj: JsonObject): string {
  const parts: string[] = [];
  for (const [key, heading] of MEMO_FIELDS) {
    const v = obj[key];
    if (typeof v === 'string' && v.trim()) parts.push(`${heading}: ${v.trim()}`);
    else if (Array.isArray(v) && v.length > 0) {
      const items = key === 'example_quotes' ? v.map(quoteText).filter(Boolean) : v.filter((x): x is string => typeof x === 'string' && !!x.trim()).map((x) => x.trim());
      if (items.length > 0) parts.push(key === 'example_quotes' ? `${heading}:\n${items.map((i) => `- ${i}`).join('\n')}` : `${heading}: ${items.join('; ')}`);
    }
  }
  return parts.join('\n\n');
}

/** True when parsed JSON has the Gioia shape: a list of aggregate dimensions with themes. */
export function isGioiaJson(value: unknown): boolean {
  if (!isObject(value as Json)) return false;
  const obj = value as JsonObject;
  return ROOT_KEYS.some((k) => Array.isArray(obj[k]) && (obj[k] as Json[]).every((d) => isObject(d) && CHILD_KEYS[3].some((c) => Array.isArray(d[c]) || d[c] === undefined)));
}

/**
 * Read the Gioia JSON shape (`aggregate_dimensions` → `second_order_themes` →
 * `first_order_concepts`, each with `name` and `definition`): definitions become descriptions;
 * informant terms, example quotes, interpretations and notes go into the memo. IMPORT errors name
 * the file and the path of the bad entry.
 */
export function parseGioiaJson(text: string, fileName: string): ImportedCodebook {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (error) {
    throw new AppError('IMPORT', `${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { file: fileName });
  }
  if (!isObject(parsed)) throw new AppError('IMPORT', `${fileName}: expected a JSON object with "aggregate_dimensions"`, { file: fileName });
  const rootKey = ROOT_KEYS.find((k) => Array.isArray(parsed[k]));
  if (!rootKey) throw new AppError('IMPORT', `${fileName}: no "aggregate_dimensions" list found, so this is not a Gioia data structure`, { file: fileName });
  const warnings: string[] = [];

  const readLevel = (items: Json, level: Level, where: string): ImportedCode[] => {
    if (!Array.isArray(items)) throw new AppError('IMPORT', `${fileName}: ${where} must be a list`, { file: fileName, path: where });
    return items.map((item, index) => {
      const path = `${where}[${index}]`;
      if (!isObject(item)) throw new AppError('IMPORT', `${fileName}: ${path} must be an object with a "name"`, { file: fileName, path });
      const label = firstString(item, LABEL_KEYS).replace(/\s+/g, ' ');
      if (!label) throw new AppError('IMPORT', `${fileName}: ${path} has no "name"`, { file: fileName, path });
      let children: ImportedCode[] = [];
      if (level > 1) {
        const key = CHILD_KEYS[level as 3 | 2].find((k) => item[k] !== undefined);
        if (key) children = readLevel(item[key]!, (level - 1) as Level, `${path}.${key}`);
        else warnings.push(`“${label}” (${path}) has no ${level === 3 ? 'second-order themes' : 'first-order concepts'}`);
      }
      return { level, label, description: firstString(item, DESCRIPTION_KEYS), memo: memoOf(item), children, originalPath: null };
    });
  };

  const roots = readLevel(parsed[rootKey]!, 3, rootKey);
  const title = typeof parsed.title === 'string' && parsed.title.trim() ? parsed.title.trim() : null;
  return { format: 'gioia-json', title, roots, warnings };
}
