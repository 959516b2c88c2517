import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../api/errors';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiFile,
  RefiGraph,
  RefiLink,
  RefiMediaSource,
  RefiNote,
  RefiSet,
  RefiTextSelection,
  RefiTextSource,
  RefiUser,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
} from './types';

/** The namespace of QDA-XML 1.0 projects (.qde). */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** The namespace of QDA-XML 1.0 codebooks (.qdc). */
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

// Elements that may repeat; fast-xml-parser returns them as arrays even when there is one.
const REPEATED = new Set([
  'User', 'Code', 'Variable', 'Case', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource',
  'PlainTextSelection', 'PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection', 'TranscriptSelection',
  'Transcript', 'SyncPoint', 'Coding', 'NoteRef', 'CodeRef', 'SourceRef', 'SelectionRef', 'VariableValue', 'Note', 'Link',
  'Set', 'MemberCode', 'MemberSource', 'MemberNote', 'Graph', 'Vertex', 'Edge',
]);

type Node = Record<string, unknown>;

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const VALUE_ELEMENTS: Readonly<Record<string, RefiVariableType>> = {
  TextValue: 'Text',
  BooleanValue: 'Boolean',
  IntegerValue: 'Integer',
  FloatValue: 'Float',
  DateValue: 'Date',
  DateTimeValue: 'DateTime',
};

/** A GUID as Stige stores it: lower case, without braces. */
export function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase();
}

/** True for a GUID as the schemas define it (with or without braces). */
export function isGuid(value: string): boolean {
  return /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(value.trim());
}

/**
 * Read a REFI-QDA project (.qde, root `<Project>`) or codebook (.qdc, root `<CodeBook>`). Throws
 * AppError('IMPORT') naming `fileName` and, for broken XML, the line and column. Documents with a
 * DOCTYPE are refused (REFI files never need one; entity expansion is an attack surface).
 */
export function parseRefiXml(xml: string, fileName: string): RefiFile {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (text.trim().length === 0) throw new AppError('IMPORT', `${fileName} is empty`, { file: fileName });
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) {
    throw new AppError('IMPORT', `${fileName} contains a DOCTYPE declaration, which REFI-QDA files never have; it was not read`, { file: fileName });
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const unclosed = /^Unclosed tag|^Invalid '\[(.*)\]' found/s.exec(msg);
    const what = unclosed
      ? `it ends before ${(unclosed[1] ?? '').replace(/\s+/g, '').split(',').filter(Boolean).map((t) => `<${t.replace(/"/g, '')}>`).join(', ') || 'its elements'} are closed, so it is truncated`
      : `line ${line}, column ${col}: ${msg}`;
    throw new AppError('IMPORT', `${fileName} is not well-formed XML (${what}). The file is damaged; nothing was imported.`, {
      file: fileName,
      line,
      column: col,
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(text) as Node;
  const warnings: string[] = [];
  // removeNSPrefix drops xmlns attributes too, so the root's namespace is read from the text.
  const namespace = /<(?:[\w.-]+:)?(?:Project|CodeBook)\b[^>]*?\sxmlns\s*=\s*["']([^"']*)["']/.exec(text)?.[1] ?? '';
  if (isNode(doc.Project)) return readProject(doc.Project, namespace, fileName, warnings);
  if (isNode(doc.CodeBook)) return readCodebook(doc.CodeBook, namespace, fileName, warnings);
  const root = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('?'));
  throw new AppError('IMPORT', `${fileName} is not a REFI-QDA file: its root element is <${root ?? 'nothing'}>, not <Project> or <CodeBook>`, { file: fileName });
}

function readProject(node: Node, namespace: string, fileName: string, warnings: string[]): RefiFile {
  if (namespace !== PROJECT_NAMESPACE) {
    if (!/^urn:QDA-XML:project/i.test(namespace)) {
      throw new AppError('IMPORT', `${fileName}: <Project> is in namespace “${namespace || 'none'}”, not ${PROJECT_NAMESPACE}; it is not a REFI-QDA project`, { file: fileName });
    }
    warnings.push(`The project uses namespace ${namespace}; it was read as ${PROJECT_NAMESPACE}`);
  }
  const ids = new GuidRegistry(warnings);
  const codeBook = child(node, 'CodeBook');
  const textSources: RefiTextSource[] = [];
  const mediaSources: RefiMediaSource[] = [];
  const sources = child(node, 'Sources');
  if (sources) {
    for (const s of children(sources, 'TextSource')) textSources.push(readTextSource(s, 'text', null, ids));
    for (const s of children(sources, 'PDFSource')) {
      const representation = child(s, 'Representation');
      const areaSelections = children(s, 'PDFSelection');
      const areaCodings = areaSelections.reduce((n, sel) => n + children(sel, 'Coding').length, 0) + children(s, 'Coding').length;
      if (representation) {
        const read = readTextSource(representation, 'pdf', attr(s, 'path'), ids);
        textSources.push({
          ...read,
          guid: ids.take(attr(s, 'guid'), 'PDFSource'),
          name: attr(s, 'name') ?? read.name,
          description: text(child(s, 'Description')) || read.description,
          noteRefs: [...read.noteRefs, ...refs(s, 'NoteRef')],
          variableValues: [...read.variableValues, ...variableValues(s)],
          areaSelections: areaSelections.length,
          areaCodings,
        });
      } else {
        mediaSources.push({ guid: ids.take(attr(s, 'guid'), 'PDFSource'), name: attr(s, 'name') ?? '', kind: 'pdf', selections: areaSelections.length, codings: areaCodings, transcripts: 0 });
      }
    }
    for (const [tag, kind, selectionTag] of [
      ['PictureSource', 'picture', 'PictureSelection'],
      ['AudioSource', 'audio', 'AudioSelection'],
      ['VideoSource', 'video', 'VideoSelection'],
    ] as const) {
      for (const s of children(sources, tag)) {
        const selections = children(s, selectionTag);
        const transcripts = children(s, 'Transcript');
        const transcriptSelections = transcripts.flatMap((t) => children(t, 'TranscriptSelection'));
        mediaSources.push({
          guid: ids.take(attr(s, 'guid'), tag),
          name: attr(s, 'name') ?? '',
          kind,
          selections: selections.length + transcriptSelections.length,
          codings: [...selections, ...transcriptSelections, s].reduce((n, sel) => n + children(sel, 'Coding').length, 0),
          transcripts: transcripts.length,
        });
      }
    }
  }
  return {
    kind: 'project',
    name: attr(node, 'name') ?? '',
    origin: attr(node, 'origin') ?? '',
    namespace,
    creatingUser: guidAttr(node, 'creatingUserGUID'),
    created: attr(node, 'creationDateTime'),
    description: text(child(node, 'Description')),
    users: children(child(node, 'Users'), 'User').map((u): RefiUser => ({ guid: ids.take(attr(u, 'guid'), 'User'), name: attr(u, 'name') ?? attr(u, 'id') ?? '' })),
    codes: readCodes(child(codeBook, 'Codes'), ids),
    variables: children(child(node, 'Variables'), 'Variable').map(
      (v): RefiVariable => ({
        guid: ids.take(attr(v, 'guid'), 'Variable'),
        name: attr(v, 'name') ?? '',
        type: variableType(attr(v, 'typeOfVariable')),
        description: text(child(v, 'Description')),
      }),
    ),
    cases: children(child(node, 'Cases'), 'Case').map(
      (c): RefiCase => ({
        guid: ids.take(attr(c, 'guid'), 'Case'),
        name: attr(c, 'name') ?? '',
        description: text(child(c, 'Description')),
        codeRefs: refs(c, 'CodeRef'),
        variableValues: variableValues(c),
        sourceRefs: refs(c, 'SourceRef'),
        selectionRefs: refs(c, 'SelectionRef'),
      }),
    ),
    textSources,
    mediaSources,
    notes: children(child(node, 'Notes'), 'Note').map(
      (n): RefiNote => ({
        guid: ids.take(attr(n, 'guid'), 'Note'),
        name: attr(n, 'name') ?? '',
        description: text(child(n, 'Description')),
        plainTextContent: child(n, 'PlainTextContent') === undefined ? null : text(child(n, 'PlainTextContent')),
        plainTextPath: attr(n, 'plainTextPath'),
        creatingUser: guidAttr(n, 'creatingUser'),
        created: attr(n, 'creationDateTime'),
        modified: attr(n, 'modifiedDateTime'),
      }),
    ),
    links: children(child(node, 'Links'), 'Link').map((l): RefiLink => ({ guid: normalizeGuid(attr(l, 'guid') ?? ''), name: attr(l, 'name') ?? '' })),
    sets: readSets(child(node, 'Sets')),
    graphs: children(child(node, 'Graphs'), 'Graph').map(
      (g): RefiGraph => ({ guid: normalizeGuid(attr(g, 'guid') ?? ''), name: attr(g, 'name') ?? '', vertices: children(g, 'Vertex').length, edges: children(g, 'Edge').length }),
    ),
    projectNoteRefs: refs(node, 'NoteRef'),
    warnings,
  };
}

function readCodebook(node: Node, namespace: string, fileName: string, warnings: string[]): RefiFile {
  if (namespace !== CODEBOOK_NAMESPACE) {
    if (!/^urn:QDA-XML:codebook/i.test(namespace)) {
      throw new AppError('IMPORT', `${fileName}: <CodeBook> is in namespace “${namespace || 'none'}”, not ${CODEBOOK_NAMESPACE}; it is not a REFI-QDA codebook`, { file: fileName });
    }
    warnings.push(`The codebook uses namespace ${namespace}; it was read as ${CODEBOOK_NAMESPACE}`);
  }
  const ids = new GuidRegistry(warnings);
  return {
    kind: 'codebook',
    name: '',
    origin: attr(node, 'origin') ?? '',
    namespace,
    creatingUser: null,
    created: null,
    description: '',
    users: [],
    codes: readCodes(child(node, 'Codes'), ids),
    variables: [],
    cases: [],
    textSources: [],
    mediaSources: [],
    notes: [],
    links: [],
    sets: readSets(child(node, 'Sets')),
    graphs: [],
    projectNoteRefs: [],
    warnings,
  };
}

function readCodes(codes: Node | undefined, ids: GuidRegistry): RefiCode[] {
  return children(codes, 'Code').map((c) => readCode(c, ids));
}

function readCode(node: Node, ids: GuidRegistry): RefiCode {
  return {
    guid: ids.take(attr(node, 'guid'), 'Code'),
    name: attr(node, 'name') ?? '',
    color: normalizeColor(attr(node, 'color')),
    description: text(child(node, 'Description')),
    isCodable: attr(node, 'isCodable') !== 'false',
    noteRefs: refs(node, 'NoteRef'),
    children: children(node, 'Code').map((c) => readCode(c, ids)),
  };
}

function readTextSource(node: Node, kind: 'text' | 'pdf', originalPath: string | null, ids: GuidRegistry): RefiTextSource {
  const content = child(node, 'PlainTextContent');
  return {
    guid: ids.take(attr(node, 'guid'), 'TextSource'),
    name: attr(node, 'name') ?? '',
    kind,
    plainTextPath: attr(node, 'plainTextPath'),
    plainTextContent: content === undefined ? null : text(content),
    richTextPath: attr(node, 'richTextPath'),
    originalPath,
    description: text(child(node, 'Description')),
    creatingUser: guidAttr(node, 'creatingUser'),
    created: attr(node, 'creationDateTime'),
    modified: attr(node, 'modifiedDateTime'),
    selections: children(node, 'PlainTextSelection').map(
      (s): RefiTextSelection => ({
        guid: ids.take(attr(s, 'guid'), 'PlainTextSelection'),
        name: attr(s, 'name') ?? '',
        start: integer(attr(s, 'startPosition')),
        end: integer(attr(s, 'endPosition')),
        description: text(child(s, 'Description')),
        creatingUser: guidAttr(s, 'creatingUser'),
        created: attr(s, 'creationDateTime'),
        codings: codings(s, ids),
        noteRefs: refs(s, 'NoteRef'),
      }),
    ),
    sourceCodings: codings(node, ids),
    noteRefs: refs(node, 'NoteRef'),
    variableValues: variableValues(node),
    areaSelections: 0,
    areaCodings: 0,
  };
}

function codings(node: Node, ids: GuidRegistry): RefiCoding[] {
  return children(node, 'Coding').map((c) => ({
    guid: ids.take(attr(c, 'guid'), 'Coding'),
    codeGuid: refs(c, 'CodeRef')[0] ?? '',
    creatingUser: guidAttr(c, 'creatingUser'),
    created: attr(c, 'creationDateTime'),
    noteRefs: refs(c, 'NoteRef'),
  }));
}

function readSets(sets: Node | undefined): RefiSet[] {
  return children(sets, 'Set').map((s) => ({
    guid: normalizeGuid(attr(s, 'guid') ?? ''),
    name: attr(s, 'name') ?? '',
    description: text(child(s, 'Description')),
    memberCodes: refs(s, 'MemberCode'),
    memberSources: refs(s, 'MemberSource'),
    memberNotes: refs(s, 'MemberNote'),
  }));
}

function variableValues(node: Node): RefiVariableValue[] {
  const values: RefiVariableValue[] = [];
  for (const v of children(node, 'VariableValue')) {
    const ref = refs(v, 'VariableRef')[0] ?? guidAttr(child(v, 'VariableRef'), 'targetGUID');
    if (!ref) continue;
    for (const [element, type] of Object.entries(VALUE_ELEMENTS)) {
      const value = v[element];
      if (value !== undefined) values.push({ variableGuid: ref, type, value: text(value as Node | string) });
    }
  }
  return values;
}

/**
 * GUIDs seen while reading; a GUID used twice for objects of one kind gets a fresh one (objects of
 * different kinds may share a GUID in some producers' files, which does no harm in Stige).
 */
class GuidRegistry {
  private readonly seen = new Map<string, Set<string>>();
  private counter = 0;
  constructor(private readonly warnings: string[]) {}

  take(raw: string | null, kind: string): string {
    let guid = raw ? normalizeGuid(raw) : '';
    if (!guid) {
      this.counter += 1;
      guid = `missing-guid-${kind.toLowerCase()}-${this.counter}`;
      this.warnings.push(`A <${kind}> had no guid; it was given ${guid}`);
    }
    const kinds = this.seen.get(kind) ?? new Set<string>();
    this.seen.set(kind, kinds);
    if (kinds.has(guid)) {
      this.counter += 1;
      const fresh = `${guid}-dup${this.counter}`;
      this.warnings.push(`The guid ${guid} is used by two <${kind}> elements; the second was given ${fresh}`);
      guid = fresh;
    }
    kinds.add(guid);
    return guid;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: Node | undefined, name: string): Node | undefined {
  if (!node) return undefined;
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  // An element with only text (or nothing) is parsed as a string; wrap it so callers see a node.
  return isNode(first) ? first : { '#text': String(first) };
}

function children(node: Node | undefined, name: string): Node[] {
  if (!node) return [];
  const value = node[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (isNode(item) ? item : { '#text': String(item) }));
}

function attr(node: Node | undefined, name: string): string | null {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : null;
}

function guidAttr(node: Node | undefined, name: string): string | null {
  const value = attr(node, name);
  return value ? normalizeGuid(value) : null;
}

function refs(node: Node, name: string): string[] {
  return children(node, name)
    // Codebook.xsd's MemberCode carries `guid`; every other reference `targetGUID`.
    .map((r) => attr(r, 'targetGUID') ?? attr(r, 'guid'))
    .filter((g): g is string => !!g)
    .map(normalizeGuid);
}

function text(node: Node | string | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const value = node['#text'];
  return value === undefined ? '' : String(value);
}

function integer(value: string | null): number {
  const n = value === null ? Number.NaN : Number(value.trim());
  return Number.isInteger(n) ? n : Number.NaN;
}

function variableType(value: string | null): RefiVariableType {
  return (VARIABLE_TYPES as readonly string[]).includes(value ?? '') ? (value as RefiVariableType) : 'Text';
}

function normalizeColor(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : null;
}
