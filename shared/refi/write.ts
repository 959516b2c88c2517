import { XMLBuilder } from 'fast-xml-parser';
import { CODEBOOK_NAMESPACE, PROJECT_NAMESPACE } from './parse';
import type { RefiVariableType } from './types';

// Writes QDA-XML 1.0. Element order follows the schemas' sequences exactly (Project-mrt2019.xsd,
// Codebook.xsd); empty containers are left out because the schemas require at least one child.

/** A code to write, with its sub-codes. */
export interface OutCode {
  readonly guid: string;
  readonly name: string;
  readonly color: string | null;
  readonly description: string;
  readonly noteRefs: readonly string[];
  readonly children: readonly OutCode[];
}

/** A `<Coding>` to write. */
export interface OutCoding {
  readonly guid: string;
  readonly codeGuid: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly noteRefs: readonly string[];
}

/** A `<PlainTextSelection>` to write; positions in Unicode code points of the written text. */
export interface OutSelection {
  readonly guid: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly codings: readonly OutCoding[];
}

/** A variable value to write. */
export interface OutVariableValue {
  readonly variableGuid: string;
  readonly type: RefiVariableType;
  readonly value: string;
}

/** A text source; with `pdfPath` it is written as a `<PDFSource>` whose representation holds the text. */
export interface OutSource {
  readonly guid: string;
  readonly name: string;
  readonly plainTextPath: string;
  readonly richTextPath: string | null;
  readonly pdfPath: string | null;
  readonly representationGuid: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly modified: string | null;
  readonly selections: readonly OutSelection[];
  readonly noteRefs: readonly string[];
  readonly variableValues: readonly OutVariableValue[];
}

/** A `<Note>` (memo) to write, its text inline. */
export interface OutNote {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly content: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly modified: string | null;
}

/** A `<Case>` to write. */
export interface OutCase {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly variableValues: readonly OutVariableValue[];
  readonly sourceRefs: readonly string[];
}

/** A `<Set>` of codes. */
export interface OutSet {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly memberCodes: readonly string[];
}

/** A `<Graph>`: boxes for codes and lines between them. */
export interface OutGraph {
  readonly guid: string;
  readonly name: string;
  readonly vertices: readonly {
    readonly guid: string;
    readonly representedGuid: string;
    readonly name: string;
    readonly firstX: number;
    readonly firstY: number;
    readonly secondX: number;
    readonly secondY: number;
    readonly color: string | null;
  }[];
  readonly edges: readonly { readonly guid: string; readonly sourceVertex: string; readonly targetVertex: string }[];
}

/** Everything a .qde holds. */
export interface OutProject {
  readonly name: string;
  readonly origin: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly modified: string | null;
  readonly users: readonly { readonly guid: string; readonly name: string }[];
  readonly codes: readonly OutCode[];
  readonly variables: readonly { readonly guid: string; readonly name: string; readonly type: RefiVariableType; readonly description: string }[];
  readonly cases: readonly OutCase[];
  readonly sources: readonly OutSource[];
  readonly notes: readonly OutNote[];
  readonly sets: readonly OutSet[];
  readonly graphs: readonly OutGraph[];
  readonly description: string;
  readonly projectNoteRefs: readonly string[];
}

type El = Record<string, unknown>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, suppressBooleanAttributes: false });

/** The project.qde of a .qdpx. */
export function writeProjectXml(project: OutProject): string {
  const root: El = {
    ...attrs({
      name: project.name,
      origin: project.origin,
      creatingUserGUID: project.creatingUser,
      creationDateTime: project.created,
      modifyingUserGUID: project.creatingUser,
      modifiedDateTime: project.modified,
      xmlns: PROJECT_NAMESPACE,
    }),
  };
  if (project.users.length) root.Users = { User: project.users.map((u) => attrs({ guid: u.guid, name: u.name })) };
  if (project.codes.length) root.CodeBook = { Codes: { Code: project.codes.map((c) => codeElement(c, true)) } };
  if (project.variables.length) {
    root.Variables = {
      Variable: project.variables.map((v) => ({ ...attrs({ guid: v.guid, name: v.name, typeOfVariable: v.type }), ...textElement('Description', v.description) })),
    };
  }
  if (project.cases.length) {
    root.Cases = {
      Case: project.cases.map((c) => ({
        ...attrs({ guid: c.guid, name: c.name }),
        ...textElement('Description', c.description),
        ...list('VariableValue', c.variableValues.map(variableValue)),
        ...list('SourceRef', c.sourceRefs.map((g) => attrs({ targetGUID: g }))),
      })),
    };
  }
  const textSources = project.sources.filter((s) => !s.pdfPath);
  const pdfSources = project.sources.filter((s) => s.pdfPath);
  if (project.sources.length) {
    const sources: El = {};
    if (textSources.length) sources.TextSource = textSources.map((s) => textSource(s, s.guid, s.name, true));
    if (pdfSources.length) {
      sources.PDFSource = pdfSources.map((s) => ({
        ...attrs({ guid: s.guid, name: s.name, path: s.pdfPath, creatingUser: s.creatingUser, creationDateTime: s.created, modifyingUser: s.creatingUser, modifiedDateTime: s.modified }),
        Representation: textSource(s, s.representationGuid, s.name, false),
        ...list('NoteRef', s.noteRefs.map((g) => attrs({ targetGUID: g }))),
        ...list('VariableValue', s.variableValues.map(variableValue)),
      }));
    }
    root.Sources = sources;
  }
  if (project.notes.length) {
    root.Notes = {
      Note: project.notes.map((n) => ({
        ...attrs({ guid: n.guid, name: n.name, creatingUser: n.creatingUser, creationDateTime: n.created, modifyingUser: n.creatingUser, modifiedDateTime: n.modified }),
        ...textElement('Description', n.description),
        PlainTextContent: clean(n.content),
      })),
    };
  }
  if (project.sets.length) root.Sets = { Set: project.sets.map((s) => setElement(s, 'targetGUID')) };
  if (project.graphs.length) {
    root.Graphs = {
      Graph: project.graphs.map((g) => ({
        ...attrs({ guid: g.guid, name: g.name }),
        ...list(
          'Vertex',
          g.vertices.map((v) =>
            attrs({
              guid: v.guid,
              representedGUID: v.representedGuid,
              name: v.name,
              firstX: String(Math.round(v.firstX)),
              firstY: String(Math.round(v.firstY)),
              secondX: String(Math.round(v.secondX)),
              secondY: String(Math.round(v.secondY)),
              shape: 'RoundedRectangle',
              color: v.color,
            }),
          ),
        ),
        ...list('Edge', g.edges.map((e) => attrs({ guid: e.guid, sourceVertex: e.sourceVertex, targetVertex: e.targetVertex, direction: 'OneWay' }))),
      })),
    };
  }
  Object.assign(root, textElement('Description', project.description));
  Object.assign(root, list('NoteRef', project.projectNoteRefs.map((g) => attrs({ targetGUID: g }))));
  return document({ Project: root });
}

/** A .qdc codebook: codes and sets of codes. */
export function writeCodebookXml(codebook: { readonly origin: string; readonly codes: readonly OutCode[]; readonly sets: readonly OutSet[] }): string {
  const root: El = { ...attrs({ origin: codebook.origin, xmlns: CODEBOOK_NAMESPACE }), Codes: { Code: codebook.codes.map((c) => codeElement(c, false)) } };
  // Codebook.xsd names a member's attribute `guid`, Project-mrt2019.xsd `targetGUID`.
  if (codebook.sets.length) root.Sets = { Set: codebook.sets.map((s) => setElement(s, 'guid')) };
  return document({ CodeBook: root });
}

function document(body: El): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, ...body }) as string;
}

function codeElement(code: OutCode, withNotes: boolean): El {
  return {
    ...attrs({ guid: code.guid, name: code.name, isCodable: 'true', color: code.color }),
    ...textElement('Description', code.description),
    ...(withNotes ? list('NoteRef', code.noteRefs.map((g) => attrs({ targetGUID: g }))) : {}),
    ...list('Code', code.children.map((c) => codeElement(c, withNotes))),
  };
}

function textSource(s: OutSource, guid: string, name: string, full: boolean): El {
  return {
    ...attrs({
      guid,
      name,
      richTextPath: full ? s.richTextPath : null,
      plainTextPath: s.plainTextPath,
      creatingUser: s.creatingUser,
      creationDateTime: s.created,
      modifyingUser: s.creatingUser,
      modifiedDateTime: s.modified,
    }),
    ...list(
      'PlainTextSelection',
      s.selections.map((sel) => ({
        ...attrs({
          guid: sel.guid,
          name: sel.name,
          startPosition: String(sel.start),
          endPosition: String(sel.end),
          creatingUser: sel.creatingUser,
          creationDateTime: sel.created,
          modifyingUser: sel.creatingUser,
          modifiedDateTime: sel.created,
        }),
        ...list(
          'Coding',
          sel.codings.map((c) => ({
            ...attrs({ guid: c.guid, creatingUser: c.creatingUser, creationDateTime: c.created }),
            CodeRef: attrs({ targetGUID: c.codeGuid }),
            ...list('NoteRef', c.noteRefs.map((g) => attrs({ targetGUID: g }))),
          })),
        ),
      })),
    ),
    ...(full ? list('NoteRef', s.noteRefs.map((g) => attrs({ targetGUID: g }))) : {}),
    ...(full ? list('VariableValue', s.variableValues.map(variableValue)) : {}),
  };
}

function setElement(s: OutSet, memberAttribute: 'guid' | 'targetGUID'): El {
  return { ...attrs({ guid: s.guid, name: s.name }), ...textElement('Description', s.description), ...list('MemberCode', s.memberCodes.map((g) => attrs({ [memberAttribute]: g }))) };
}

const VALUE_ELEMENT: Readonly<Record<RefiVariableType, string>> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
};

function variableValue(v: OutVariableValue): El {
  return { VariableRef: attrs({ targetGUID: v.variableGuid }), [VALUE_ELEMENT[v.type]]: clean(v.value) };
}

function attrs(values: Record<string, string | null | undefined>): El {
  const out: El = {};
  for (const [key, value] of Object.entries(values)) {
    // Attribute values cannot keep line breaks (parsers turn them into spaces), so they are written as spaces.
    if (value !== null && value !== undefined) out[`@_${key}`] = clean(value).replace(/[\r\n\t]+/g, ' ');
  }
  return out;
}

function textElement(name: string, value: string): El {
  return value ? { [name]: clean(value) } : {};
}

function list(name: string, items: readonly El[]): El {
  return items.length ? { [name]: items } : {};
}

/** XML 1.0 cannot hold most control characters at all; they are dropped. CRLF becomes LF as XML parsers read it. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
