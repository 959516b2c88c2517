import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/errors';
import { parsePlainText } from '../../../shared/import/plainText';
import type { ParsedDocument } from '../../../shared/import/transcript';
import { openZip, readZipText } from './zip';

// OpenDocument text (.odt) and spreadsheets (.ods): content.xml read with fast-xml-parser in
// document order (exceljs does not read .ods).

/** A node of fast-xml-parser's `preserveOrder` output: one element name → children, attributes under ':@'. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

function nameOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Elements whose content is not the document's running text. */
const SKIP = new Set([
  'text:note',
  'office:annotation',
  'office:annotation-end',
  'text:tracked-changes',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
  'office:forms',
  'draw:frame',
  'draw:custom-shape',
  'svg:desc',
  'svg:title',
]);

/** The text of a paragraph's inline content, with ODF's white-space rules applied. */
function inlineText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === '#text') out += String(node['#text']).replace(/[ \t\r\n]+/g, ' ');
    else if (SKIP.has(name)) continue;
    else if (name === 'text:s') out += ' '.repeat(Math.min(Number(attr(node, 'text:c') ?? '1') || 1, 1000));
    else if (name === 'text:tab') out += '\t';
    else if (name === 'text:line-break') out += '\n';
    else out += inlineText(childrenOf(node));
  }
  return out;
}

/** Paragraphs (text:p, text:h) in document order, wherever they are (lists, tables, sections). */
function paragraphs(nodes: readonly XmlNode[], out: string[]): string[] {
  for (const node of nodes) {
    const name = nameOf(node);
    if (SKIP.has(name) || name === '#text') continue;
    if (name === 'text:p' || name === 'text:h') out.push(inlineText(childrenOf(node)).replace(/^ +/, ''));
    else paragraphs(childrenOf(node), out);
  }
  return out;
}

function find(nodes: readonly XmlNode[], path: readonly string[]): XmlNode[] {
  let level: readonly XmlNode[] = nodes;
  for (const step of path) level = level.filter((n) => nameOf(n) === step).flatMap(childrenOf);
  return [...level];
}

async function contentXml(bytes: Uint8Array, fileName: string, mime: string, what: string): Promise<XmlNode[]> {
  const { zip, entries } = await openZip(bytes, fileName, what);
  const mimetype = (await readZipText(zip, 'mimetype', fileName, entries))?.trim();
  if (mimetype && mimetype !== mime && !mimetype.startsWith(`${mime}-`)) {
    throw new AppError('IMPORT', `${fileName} is not a ${what} (it is “${mimetype}”)`, { file: fileName });
  }
  const xml = await readZipText(zip, 'content.xml', fileName, entries);
  if (xml === null) throw new AppError('IMPORT', `${fileName} is not a ${what} (it has no content.xml)`, { file: fileName });
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw new AppError('IMPORT', `${fileName}: its content.xml is not well-formed XML (${error instanceof Error ? error.message : String(error)})`, { file: fileName });
  }
}

/** An OpenDocument text (.odt): its paragraphs, then speaker detection as for plain text. */
export async function parseOdt(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  const root = await contentXml(bytes, fileName, 'application/vnd.oasis.opendocument.text', 'OpenDocument text (.odt)');
  const body = find(root, ['office:document-content', 'office:body', 'office:text']);
  return parsePlainText(paragraphs(body, []).join('\n'), 'odt');
}

/** `PT01H02M03.5S` (an ODF time value) as `01:02:03.500`. */
function odfTime(value: string): string | null {
  const match = /^-?PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value);
  if (!match) return null;
  const seconds = Number(match[3] ?? 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const ms = Math.round((seconds % 1) * 1000);
  return `${pad(Number(match[1] ?? 0))}:${pad(Number(match[2] ?? 0))}:${pad(Math.floor(seconds))}.${String(ms).padStart(3, '0')}`;
}

function cellText(cell: XmlNode): string {
  const text = paragraphs(childrenOf(cell), []).join('\n');
  if (text) return text;
  const time = attr(cell, 'office:time-value');
  if (time) return odfTime(time) ?? time;
  return attr(cell, 'office:value') ?? attr(cell, 'office:date-value') ?? attr(cell, 'office:boolean-value') ?? '';
}

const MAX_ROWS = 200_000;
const MAX_COLUMNS = 200;

/** The rows of an OpenDocument spreadsheet's first sheet that has any content, as strings. */
export async function readOdsRows(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const root = await contentXml(bytes, fileName, 'application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet (.ods)');
  const tables = find(root, ['office:document-content', 'office:body', 'office:spreadsheet']).filter((n) => nameOf(n) === 'table:table');
  for (const table of tables) {
    const rows: string[][] = [];
    const collect = (nodes: readonly XmlNode[]) => {
      for (const node of nodes) {
        const name = nameOf(node);
        if (name === 'table:table-row') {
          const row: string[] = [];
          for (const cell of childrenOf(node)) {
            const cellName = nameOf(cell);
            if (cellName !== 'table:table-cell' && cellName !== 'table:covered-table-cell') continue;
            const text = cellText(cell);
            const repeat = Math.max(1, Number(attr(cell, 'table:number-columns-repeated') ?? '1') || 1);
            for (let i = 0; i < Math.min(repeat, MAX_COLUMNS - row.length); i += 1) row.push(text);
          }
          while (row.length > 0 && row[row.length - 1] === '') row.pop();
          const repeat = Math.max(1, Number(attr(node, 'table:number-rows-repeated') ?? '1') || 1);
          // Empty rows repeated a million times pad the end of a sheet: keep one.
          for (let i = 0; i < (row.length === 0 ? 1 : Math.min(repeat, MAX_ROWS - rows.length)); i += 1) rows.push(row);
          if (rows.length >= MAX_ROWS) return;
        } else if (name === 'table:table-header-rows' || name === 'table:table-rows' || name === 'table:table-row-group') {
          collect(childrenOf(node));
        }
      }
    };
    collect(childrenOf(table));
    if (rows.some((row) => row.length > 0)) return rows;
  }
  throw new AppError('IMPORT', `${fileName}: the spreadsheet has no filled cells`, { file: fileName });
}
