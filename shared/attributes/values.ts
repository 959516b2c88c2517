// Typed attributes of informants and cases (age, role, municipality size, interview date...).
// Values are stored as canonical strings: numbers in JavaScript's shortest decimal form ("3.5"),
// dates as ISO `YYYY-MM-DD`, choices spelled exactly as the definition lists them. An absent value
// is no row at all (null here), never an empty string.

/** What a value of an attribute may be. */
export type AttributeType = 'text' | 'number' | 'date' | 'choice';

/** The attribute types, in the order a type menu lists them. */
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'number', 'date', 'choice'];

/** Whose attribute it is. */
export type AttributeScope = 'informant' | 'case';

/** An attribute definition as the API returns it. */
export interface AttributeDefinition {
  readonly id: string;
  readonly scope: AttributeScope;
  readonly name: string;
  readonly type: AttributeType;
  /** The allowed values of a choice attribute, in display order; empty for other types. */
  readonly choices: readonly string[];
  readonly memo: string;
  readonly sortOrder: number;
  /** How many informants (cases) have a value. */
  readonly valueCount: number;
}

/** Longest text value accepted. */
export const MAX_ATTRIBUTE_TEXT = 2000;

/** The outcome of reading one typed value. */
export type ParsedValue = { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly problem: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as ISO `YYYY-MM-DD`, or null when `raw` is not a real calendar date. Accepts ISO dates,
 * ISO date-times (the date part is kept, as spreadsheets export them) and the Norwegian/German
 * `d.m.yyyy`.
 */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  const iso = ISO_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) return validDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  return null;
}

/**
 * A number in canonical form, or null. Accepts a decimal point or a decimal comma ("3,5"), spaces
 * (also no-break and thin spaces) as thousands separators, and, when both marks occur, the last one
 * as the decimal mark ("1.234,5" and "1,234.5" are both 1234.5).
 */
export function parseNumber(raw: string): string | null {
  let text = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (text === '') return null;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    text = text.split(grouping).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    text = text.split(',').length === 2 ? text.replace(',', '.') : text.split(',').join('');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : null;
}

/**
 * Read `raw` as a value of an attribute of `type` (with `choices` for choice attributes). Blank
 * input clears the value (null). The problem, when there is one, is a phrase that fits after the
 * quoted value: `“abc” is not a number`.
 */
export function parseAttributeValue(definition: { readonly type: AttributeType; readonly choices: readonly string[] }, raw: string | number | null): ParsedValue {
  if (raw === null) return { ok: true, value: null };
  const text = typeof raw === 'number' ? String(raw) : raw.normalize('NFC').trim();
  if (text === '') return { ok: true, value: null };
  switch (definition.type) {
    case 'text':
      return text.length > MAX_ATTRIBUTE_TEXT ? { ok: false, problem: `is longer than ${MAX_ATTRIBUTE_TEXT} characters` } : { ok: true, value: text };
    case 'number': {
      const value = parseNumber(text);
      return value === null ? { ok: false, problem: 'is not a number' } : { ok: true, value };
    }
    case 'date': {
      const value = parseDate(text);
      return value === null ? { ok: false, problem: 'is not a date (write it like 2024-03-01)' } : { ok: true, value };
    }
    case 'choice': {
      const exact = definition.choices.find((c) => c === text);
      if (exact !== undefined) return { ok: true, value: exact };
      const folded = definition.choices.find((c) => c.toLocaleLowerCase() === text.toLocaleLowerCase());
      if (folded !== undefined) return { ok: true, value: folded };
      return { ok: false, problem: `is not one of the choices (${definition.choices.map((c) => `“${c}”`).join(', ')})` };
    }
    default: {
      const never: never = definition.type;
      throw new Error(`unknown attribute type ${String(never)}`);
    }
  }
}

/**
 * Order two canonical values of one attribute: numbers numerically, dates chronologically (ISO
 * strings sort as text), choices in the definition's order, text alphabetically (locale-aware).
 */
export function compareAttributeValues(definition: { readonly type: AttributeType; readonly choices: readonly string[] }, a: string, b: string): number {
  switch (definition.type) {
    case 'number':
      return Number(a) - Number(b);
    case 'date':
      return a < b ? -1 : a > b ? 1 : 0;
    case 'choice': {
      const ia = definition.choices.indexOf(a);
      const ib = definition.choices.indexOf(b);
      return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib) || a.localeCompare(b);
    }
    case 'text':
      return a.localeCompare(b);
    default: {
      const never: never = definition.type;
      throw new Error(`unknown attribute type ${String(never)}`);
    }
  }
}

/**
 * The narrowest type that reads every non-blank value in `samples`: number, then date, else text
 * (choices are never guessed). Used when an import meets a column no attribute is named after.
 */
export function guessAttributeType(samples: readonly string[]): 'text' | 'number' | 'date' {
  const filled = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (filled.length === 0) return 'text';
  if (filled.every((s) => parseNumber(s) !== null)) return 'number';
  if (filled.every((s) => parseDate(s) !== null)) return 'date';
  return 'text';
}

/**
 * Why a list of choices is unusable, or null: a choice attribute needs at least one choice, and no
 * two may be equal ignoring case.
 */
export function choicesProblem(choices: readonly string[]): string | null {
  if (choices.length === 0) return 'A choice attribute needs at least one choice';
  const seen = new Map<string, string>();
  for (const choice of choices) {
    if (choice.trim() === '') return 'A choice cannot be empty';
    const key = choice.toLocaleLowerCase();
    const before = seen.get(key);
    if (before !== undefined) return `The choices “${before}” and “${choice}” are the same`;
    seen.set(key, choice);
  }
  return null;
}
