import type { Level } from '../model/levels';

/** Codebook file formats Stige reads. */
export type CodebookFormat = 'gioia-json' | 'table' | 'qualcoder-plain';

/** A code read from a codebook file; children are exactly one level down. */
export interface ImportedCode {
  readonly level: Level;
  readonly label: string;
  /** Definition or description. */
  readonly description: string;
  /** Everything else the file said about the code (informant terms, example quotes, notes). */
  readonly memo: string;
  readonly children: readonly ImportedCode[];
  /** Where the code sat in the file when the file's tree did not fit the three levels (e.g. "a>>b>>c"). */
  readonly originalPath: string | null;
}

/** A parsed codebook file: dimensions, themes and concepts as roots (any level may be a root). */
export interface ImportedCodebook {
  readonly format: CodebookFormat;
  readonly title: string | null;
  readonly roots: readonly ImportedCode[];
  /** What was adjusted or left out, each naming the code and, where known, the line. */
  readonly warnings: readonly string[];
}

/** How many codes of each level a parsed codebook holds. */
export function countImported(codebook: ImportedCodebook): { readonly concept: number; readonly theme: number; readonly dimension: number } {
  const counts = { concept: 0, theme: 0, dimension: 0 };
  const visit = (code: ImportedCode) => {
    if (code.level === 1) counts.concept += 1;
    else if (code.level === 2) counts.theme += 1;
    else counts.dimension += 1;
    code.children.forEach(visit);
  };
  codebook.roots.forEach(visit);
  return counts;
}

/** A code with no children and no extra notes. */
export function leaf(level: Level, label: string, description = '', memo = '', originalPath: string | null = null): ImportedCode {
  return { level, label, description, memo, children: [], originalPath };
}
