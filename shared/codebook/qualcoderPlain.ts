import { AppError } from '../api/errors';
import type { Level } from '../model/levels';
import type { ImportedCode, ImportedCodebook } from './model';

const LINE = /^[^\t>]+(?:>>[^\t>]+)*(?:\t.*)?$/;

/**
 * True when text looks like QualCoder's plain codebook (`category>>category>>code<TAB>memo`, one
 * code a line): every non-blank line has that shape and at least one has a `>>` path (without one,
 * a plain list of words could be anything; `--as codebook` accepts it).
 */
export function looksLikeQualCoderPlain(text: string, requirePath = true): boolean {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim());
  if (lines.length === 0) return false;
  if (!lines.every((l) => LINE.test(l) && l.split('\t')[0]!.length <= 1000)) return false;
  return !requirePath || lines.some((l) => l.split('\t')[0]!.includes('>>'));
}

interface Node {
  name: string;
  path: string;
  isCode: boolean;
  memo: string;
  children: Node[];
  line: number;
}

/**
 * Read QualCoder's plain codebook. Each line's last path element is a code (a first-order concept);
 * a category holding codes is a theme, one holding themes a dimension (its height in the tree).
 * Categories more than three levels up are not created: what was under them keeps its path in
 * `originalPath`, and a code directly under a dimension is left not yet grouped; warnings say which.
 */
export function parseQualCoderPlain(text: string, fileName: string, options: { requirePath?: boolean } = {}): ImportedCodebook {
  const root: Node = { name: '', path: '', isCode: false, memo: '', children: [], line: 0 };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    if (!LINE.test(line)) {
      throw new AppError('IMPORT', `${fileName} line ${index + 1} is not “category>>code<TAB>memo”: ${line.slice(0, 80)}`, { file: fileName, line: index + 1 });
    }
    const tab = line.indexOf('\t');
    const pathText = tab >= 0 ? line.slice(0, tab) : line;
    const memo = tab >= 0 ? line.slice(tab + 1).trim() : '';
    const names = pathText.split('>>').map((n) => n.replace(/\s+/g, ' ').trim());
    if (names.some((n) => !n)) throw new AppError('IMPORT', `${fileName} line ${index + 1} has an empty name in “${pathText}”`, { file: fileName, line: index + 1 });
    let node = root;
    names.forEach((name, i) => {
      let child = node.children.find((c) => c.name === name);
      if (!child) {
        child = { name, path: names.slice(0, i + 1).join('>>'), isCode: false, memo: '', children: [], line: index + 1 };
        node.children.push(child);
      }
      node = child;
    });
    node.isCode = true;
    if (memo) node.memo = memo;
  });
  if (root.children.length === 0) throw new AppError('IMPORT', `${fileName} holds no codes`, { file: fileName });
  if (options.requirePath !== false && !looksLikeQualCoderPlain(text)) {
    throw new AppError('IMPORT', `${fileName} has no “category>>code” lines, so it does not look like a QualCoder codebook`, { file: fileName });
  }

  const warnings: string[] = [];
  const height = new Map<Node, number>();
  const measure = (n: Node): number => {
    const h = n.children.length === 0 ? 1 : 1 + Math.max(...n.children.map(measure));
    height.set(n, h);
    return h;
  };
  root.children.forEach(measure);
  const roots: ImportedCode[] = [];

  // A code's level: leaves are concepts; categories take their height. Codes with children in
  // QualCoder are categories too (QualCoder allows codes only as leaves, but be tolerant).
  const build = (n: Node, parentLevel: Level | null): ImportedCode | null => {
    const h = height.get(n)!;
    if (h > 3) {
      warnings.push(`${fileName} line ${n.line}: “${n.path}” is more than three levels above its codes, so it is left out; what is under it keeps its path`);
      n.children.forEach((c) => {
        const built = build(c, null);
        if (built) roots.push(built);
      });
      return null;
    }
    const level = h as Level;
    const children: ImportedCode[] = [];
    for (const c of n.children) {
      const built = build(c, level);
      if (!built) continue;
      if (built.level === level - 1) children.push(built);
      else {
        warnings.push(`${fileName} line ${c.line}: “${c.name}” sits directly under “${n.name}”, which holds themes; it is imported as not yet grouped`);
        roots.push({ ...built, originalPath: c.path });
      }
    }
    const displaced = parentLevel === null && n.path.includes('>>');
    return { level, label: n.name, description: n.memo, memo: '', children, originalPath: displaced ? n.path : null };
  };
  for (const n of root.children) {
    const built = build(n, null);
    if (built) roots.push(built);
  }
  roots.sort((a, b) => b.level - a.level);
  return { format: 'qualcoder-plain', title: null, roots, warnings };
}
