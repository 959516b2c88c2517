import { faceWeight, FIGURE_FONT_FAMILY } from './measure';
import type { LayoutBox, StructureLayout, TextLine } from './structureLayout';

/** A renderer-neutral SVG element: the string renderer below and a React renderer both walk it. */
export interface SvgNode {
  readonly tag: string;
  /** SVG attribute names as written in SVG (`stroke-width`, `text-anchor`, `data-code-id`). */
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly children: readonly (SvgNode | string)[];
}

/** How to draw the figure as SVG. */
export interface SvgOptions {
  /**
   * Embed the font as `@font-face` data URLs (base64 WOFF2 or TTF) so the file shows the same
   * letters anywhere; without it the font is referenced by family name.
   */
  readonly embeddedFonts?: { readonly regular: string; readonly semibold: string; readonly format: 'woff2' | 'truetype' } | null;
  /** Background colour, or null for transparent (the screen draws its own). */
  readonly background?: string | null;
}

function el(tag: string, attrs: Record<string, string | number>, children: (SvgNode | string)[] = []): SvgNode {
  return { tag, attrs, children };
}

function n(value: number): number {
  return Math.round(value * 100) / 100;
}

function textNode(line: TextLine): SvgNode {
  return el(
    'text',
    {
      x: n(line.x),
      y: n(line.y),
      'font-size': n(line.size),
      'font-weight': faceWeight(line.face),
      fill: line.color,
      ...(line.anchor === 'middle' ? { 'text-anchor': 'middle' } : {}),
    },
    [line.text],
  );
}

function boxNode(box: LayoutBox): SvgNode {
  const children: SvgNode[] = [];
  if (box.fill || box.stroke) {
    children.push(
      el('rect', {
        x: n(box.x),
        y: n(box.y),
        width: n(box.width),
        height: n(box.height),
        fill: box.fill ?? 'none',
        ...(box.stroke ? { stroke: box.stroke, 'stroke-width': box.strokeWidth } : {}),
      }),
    );
  }
  children.push(...box.lines.map(textNode));
  return el(
    'g',
    {
      id: `box-${box.id}`,
      'data-kind': box.kind,
      ...(box.codeId ? { 'data-code-id': box.codeId } : {}),
      ...(box.level ? { 'data-level': box.level } : {}),
    },
    children,
  );
}

/**
 * The figure as an SVG element tree: real `<text>` for every line (searchable, editable, copyable),
 * boxes as `<rect>`, brackets and connectors as `<path>`, sized in points (`width="453.5pt"`) with a
 * viewBox in points. Code boxes carry `data-code-id` so a click can open that code's codings.
 */
export function structureSvgTree(layout: StructureLayout, options: SvgOptions = {}): SvgNode {
  const children: SvgNode[] = [];
  const fonts = options.embeddedFonts;
  const face = (data: string, weight: number, format: string) =>
    `@font-face{font-family:'${FIGURE_FONT_FAMILY}';font-weight:${weight};font-style:normal;src:url(${data}) format('${format}');}`;
  // The layout measured advance widths without kerning or ligatures; draw the same way.
  const css = `text{font-kerning:none;font-variant-ligatures:none}${fonts ? face(fonts.regular, 400, fonts.format) + face(fonts.semibold, 600, fonts.format) : ''}`;
  children.push(el('style', {}, [css]));
  if (options.background) children.push(el('rect', { x: 0, y: 0, width: n(layout.width), height: n(layout.height), fill: options.background }));
  children.push(
    el(
      'g',
      { 'data-layer': 'paths', fill: 'none', 'stroke-linecap': 'square' },
      layout.paths.map((p) =>
        el('path', {
          id: p.id,
          'data-kind': p.kind,
          d: p.d,
          fill: p.fill ?? 'none',
          ...(p.stroke ? { stroke: p.stroke, 'stroke-width': p.strokeWidth } : {}),
        }),
      ),
    ),
  );
  children.push(el('g', { 'data-layer': 'boxes' }, layout.boxes.map(boxNode)));
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: `${n(layout.width)}pt`,
      height: `${n(layout.height)}pt`,
      viewBox: `0 0 ${n(layout.width)} ${n(layout.height)}`,
      'font-family': layout.fontFamily,
      'text-rendering': 'geometricPrecision',
    },
    children,
  );
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Serialise an SVG element tree as XML text. */
export function svgToString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? escapeXml(c) : svgToString(c))).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** The figure as a standalone SVG document (UTF-8, with an XML declaration). */
export function renderStructureSvg(layout: StructureLayout, options: SvgOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgToString(structureSvgTree(layout, options))}\n`;
}

/** SVG attribute names as React wants them (`stroke-width` → `strokeWidth`); `data-*` stay as they are. */
export function reactAttributeName(name: string): string {
  if (name.startsWith('data-') || name === 'xmlns') return name;
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
