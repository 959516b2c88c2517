// A REFI-QDA (QDA-XML 1.0) project or codebook as read from a .qde/.qdc file: only what Stige uses
// or must report as not imported. GUIDs are normalised (lower case, no braces); positions are as the
// file wrote them (their unit is decided later, per source, by `detectOffsetUnit`).

/** A `<User>`. */
export interface RefiUser {
  readonly guid: string;
  readonly name: string;
}

/** A `<Code>` with its sub-codes. */
export interface RefiCode {
  readonly guid: string;
  readonly name: string;
  readonly color: string | null;
  readonly description: string;
  readonly isCodable: boolean;
  readonly noteRefs: readonly string[];
  readonly children: readonly RefiCode[];
}

/** A `<Coding>`: one code applied to a selection (or a whole source). */
export interface RefiCoding {
  readonly guid: string;
  readonly codeGuid: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly noteRefs: readonly string[];
}

/** A `<PlainTextSelection>`; positions as written in the file. */
export interface RefiTextSelection {
  readonly guid: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly description: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly codings: readonly RefiCoding[];
  readonly noteRefs: readonly string[];
}

/** The value types of `<Variable typeOfVariable>`. */
export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

/** A `<Variable>` declaration. */
export interface RefiVariable {
  readonly guid: string;
  readonly name: string;
  readonly type: RefiVariableType;
  readonly description: string;
}

/** A `<VariableValue>`; `value` is the element's text (booleans as "true"/"false"). */
export interface RefiVariableValue {
  readonly variableGuid: string;
  readonly type: RefiVariableType;
  readonly value: string;
}

/**
 * A source with text: a `<TextSource>`, or the text `<Representation>` of a `<PDFSource>`.
 * `paths` are as written (`internal://…`, a bare name, `relative://…`).
 */
export interface RefiTextSource {
  readonly guid: string;
  readonly name: string;
  readonly kind: 'text' | 'pdf';
  readonly plainTextPath: string | null;
  readonly plainTextContent: string | null;
  readonly richTextPath: string | null;
  /** For PDF sources, the PDF file. */
  readonly originalPath: string | null;
  readonly description: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly modified: string | null;
  readonly selections: readonly RefiTextSelection[];
  /** Codings on the whole source (not on a selection). */
  readonly sourceCodings: readonly RefiCoding[];
  readonly noteRefs: readonly string[];
  readonly variableValues: readonly RefiVariableValue[];
  /** Area selections of a PDF (page rectangles), which Stige cannot import. */
  readonly areaSelections: number;
  readonly areaCodings: number;
}

/** A picture, audio or video source (or a PDF without a text representation): reported, not imported. */
export interface RefiMediaSource {
  readonly guid: string;
  readonly name: string;
  readonly kind: 'picture' | 'audio' | 'video' | 'pdf';
  readonly selections: number;
  readonly codings: number;
  readonly transcripts: number;
}

/** A `<Case>`. */
export interface RefiCase {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly codeRefs: readonly string[];
  readonly variableValues: readonly RefiVariableValue[];
  readonly sourceRefs: readonly string[];
  readonly selectionRefs: readonly string[];
}

/** A `<Note>` (a memo). */
export interface RefiNote {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly plainTextContent: string | null;
  readonly plainTextPath: string | null;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly modified: string | null;
}

/** A `<Set>` of codes, sources and notes. */
export interface RefiSet {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly memberCodes: readonly string[];
  readonly memberSources: readonly string[];
  readonly memberNotes: readonly string[];
}

/** A `<Graph>`, only counted. */
export interface RefiGraph {
  readonly guid: string;
  readonly name: string;
  readonly vertices: number;
  readonly edges: number;
}

/** A `<Link>`, only reported. */
export interface RefiLink {
  readonly guid: string;
  readonly name: string;
}

/** What a .qde (kind 'project') or .qdc (kind 'codebook') file holds. */
export interface RefiFile {
  readonly kind: 'project' | 'codebook';
  readonly name: string;
  readonly origin: string;
  readonly namespace: string;
  readonly creatingUser: string | null;
  readonly created: string | null;
  readonly description: string;
  readonly users: readonly RefiUser[];
  readonly codes: readonly RefiCode[];
  readonly variables: readonly RefiVariable[];
  readonly cases: readonly RefiCase[];
  readonly textSources: readonly RefiTextSource[];
  readonly mediaSources: readonly RefiMediaSource[];
  readonly notes: readonly RefiNote[];
  readonly links: readonly RefiLink[];
  readonly sets: readonly RefiSet[];
  readonly graphs: readonly RefiGraph[];
  readonly projectNoteRefs: readonly string[];
  /** Things the reader noticed (an older namespace, a repeated GUID). */
  readonly warnings: readonly string[];
}
