import type { Level } from '../model/levels';

// The agreement report as a table model: what the screen shows and what the XLSX, CSV and DOCX
// exports write, so the three never disagree.

/** How a column's values are shown. */
export type ReportColumnKind = 'text' | 'integer' | 'share' | 'coefficient';

/** A column of the report. */
export interface ReportColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: ReportColumnKind;
}

/** A row: per code, pooled over codes, or the mean of the codes' figures. */
export interface ReportRow {
  readonly kind: 'code' | 'overall' | 'mean';
  readonly level: Level | null;
  readonly cells: readonly (string | number | null)[];
}

/** The report table with its title, settings (label/value pairs) and notes on method. */
export interface ReportTable {
  readonly title: string;
  readonly meta: readonly (readonly [string, string])[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly notes: readonly string[];
}

/** What `agreementTable` needs from a report. */
export interface AgreementTableInput {
  readonly unit: 'char' | 'turn' | 'paragraph';
  readonly excludeUncoded: boolean;
  readonly coders: readonly { readonly name: string }[];
  readonly documents: readonly { readonly title: string }[];
  readonly levels: readonly [string, string, string];
  readonly rows: readonly {
    readonly label: string;
    readonly level: Level | null;
    readonly path: string;
    readonly units: number;
    readonly percent: number | null;
    readonly kappa: number | null;
    readonly alpha: number | null;
    readonly coded: readonly number[];
  }[];
  readonly overall: AgreementTableInput['rows'][number];
  readonly mean: { readonly percent: number | null; readonly kappa: number | null; readonly alpha: number | null };
  readonly computedAt: number;
}

const UNIT_NAMES = { char: 'characters', turn: 'speaker turns', paragraph: 'paragraphs' } as const;

/** Build the report table from computed agreement. */
export function agreementTable(input: AgreementTableInput): ReportTable {
  const two = input.coders.length === 2;
  const unitName = UNIT_NAMES[input.unit];
  const columns: ReportColumn[] = [
    { key: 'code', label: 'Code', kind: 'text' },
    { key: 'level', label: 'Level', kind: 'text' },
    { key: 'path', label: 'Under', kind: 'text' },
    { key: 'units', label: `Units (${unitName})`, kind: 'integer' },
    ...input.coders.map((c, i) => ({ key: `coded${i}`, label: `Coded by ${c.name}`, kind: 'integer' as const })),
    { key: 'percent', label: 'Agreement', kind: 'share' },
    ...(two ? [{ key: 'kappa', label: "Cohen's κ", kind: 'coefficient' as const }] : []),
    { key: 'alpha', label: "Krippendorff's α", kind: 'coefficient' },
  ];
  const levelName = (level: Level | null) => (level === null ? 'not placed' : input.levels[level - 1]!);
  const cells = (row: AgreementTableInput['rows'][number], label: string, level: string, path: string) => [
    label,
    level,
    path,
    row.units,
    ...row.coded,
    row.percent,
    ...(two ? [row.kappa] : []),
    row.alpha,
  ];
  const rows: ReportRow[] = input.rows.map((row) => ({ kind: 'code', level: row.level, cells: cells(row, row.label, levelName(row.level), row.path) }));
  rows.push({ kind: 'overall', level: null, cells: cells(input.overall, 'All codes (pooled)', '', '') });
  rows.push({
    kind: 'mean',
    level: null,
    cells: ['Mean over codes', '', '', null, ...input.coders.map(() => null), input.mean.percent, ...(two ? [input.mean.kappa] : []), input.mean.alpha],
  });
  return {
    title: `Inter-coder agreement: ${input.coders.map((c) => c.name).join(', ')}`,
    meta: [
      ['Coders', input.coders.map((c) => c.name).join(', ')],
      ['Documents', `${input.documents.length}: ${input.documents.map((d) => d.title).join(', ')}`],
      ['Unit', unitName],
      ['Text no coder coded', input.excludeUncoded ? 'left out' : 'included'],
      ['Computed', new Date(input.computedAt).toISOString().slice(0, 16).replace('T', ' ')],
    ],
    columns,
    rows,
    notes: [
      input.unit === 'char'
        ? 'Each character is a unit; a coder applied a code to it or not.'
        : `Each ${input.unit === 'turn' ? 'speaker turn' : 'paragraph'} is a unit; a coder applied a code to it when one of their codings of the code overlaps it.`,
      'A code counts the codings of every code under it (a theme aggregates its concepts).',
      'A coder who coded nothing in a document has missing values there.',
      'Agreement: the share of units coded alike (for more than two coders, of agreeing pairs of values). Krippendorff’s α for nominal data (Krippendorff 2011); Cohen’s κ (Cohen 1960) for two coders. “–”: undefined because there is no variation (nobody applied the code, or everyone everywhere).',
      'The pooled row treats every unit-and-code decision as one unit.',
    ],
  };
}

/** A cell as text: shares as percentages with one decimal, coefficients with three decimals, null as “–”. */
export function formatCell(value: string | number | null, kind: ReportColumnKind): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'text':
      return String(value);
    case 'integer':
      return String(Math.round(value));
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'coefficient':
      return value.toFixed(3);
    default: {
      const never: never = kind;
      throw new Error(`unknown column kind ${String(never)}`);
    }
  }
}

/** The table as CSV (RFC 4180, comma-separated, CRLF), figures formatted as on screen, settings first. */
export function reportCsv(table: ReportTable): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines: string[] = [quote(table.title)];
  for (const [k, v] of table.meta) lines.push(`${quote(k)},${quote(v)}`);
  lines.push('');
  lines.push(table.columns.map((c) => quote(c.label)).join(','));
  for (const row of table.rows) {
    lines.push(row.cells.map((cell, i) => quote(cell === null && table.columns[i]!.kind === 'text' ? '' : formatCell(cell, table.columns[i]!.kind))).join(','));
  }
  lines.push('');
  for (const note of table.notes) lines.push(quote(note));
  return `${lines.join('\r\n')}\r\n`;
}
