import type { Level } from '../model/levels';
import { fontCovers, fontExtents, FIGURE_FONT_STACK, measureText, wrapText, type FaceName } from './measure';
import { figureWords, MIN_FONT_SIZE, type ConnectorOption, type CountsOption, type FigureLocale, type FillOption } from './options';
import type { CodeSupport, StructureNode, StructureTheme, StructureTree } from './structureTree';

/** One line of text, positioned by its baseline (SVG's and PDF's default), in points. */
export interface TextLine {
  readonly text: string;
  /** Start of the line (`anchor` start) or its centre (`anchor` middle). */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly face: FaceName;
  readonly anchor: 'start' | 'middle';
  readonly color: string;
  /** The line's width measured with the font's metrics. */
  readonly width: number;
}

/** What a box shows. */
export type BoxKind = 'concept' | 'theme' | 'dimension' | 'header' | 'heading' | 'legend' | 'caption';

/** A positioned rectangle with its text; codes' boxes carry the code id (click → its codings). */
export interface LayoutBox {
  /** Unique within the layout: the code id for codes, `header-1`… , `caption`, `legend-…` otherwise. */
  readonly id: string;
  readonly kind: BoxKind;
  readonly codeId: string | null;
  readonly level: Level | null;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Fill colour, or null for none. */
  readonly fill: string | null;
  /** Outline colour, or null for none. */
  readonly stroke: string | null;
  readonly strokeWidth: number;
  readonly lines: readonly TextLine[];
  /** Codings and informants behind a code's box; null for other boxes. */
  readonly support: CodeSupport | null;
}

/** What a path draws. */
export type PathKind = 'bracket' | 'connector' | 'arrowhead' | 'rule';

/** A line drawing as SVG path data (absolute M/H/V/L/Z only, so PDF draws it as is). */
export interface LayoutPath {
  readonly id: string;
  readonly kind: PathKind;
  readonly d: string;
  readonly stroke: string | null;
  readonly strokeWidth: number;
  readonly fill: string | null;
  /** The boxes it joins: children (from) and parent (to); empty for rules. */
  readonly from: readonly string[];
  readonly to: string | null;
}

/** A computed figure, in points (1/72 inch), origin top left. */
export interface StructureLayout {
  readonly unit: 'pt';
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly fontFamily: string;
  /** The three columns, concept first. */
  readonly columns: readonly { readonly level: Level; readonly x: number; readonly width: number; readonly header: string }[];
  /** Back to front: draw in this order. */
  readonly boxes: readonly LayoutBox[];
  readonly paths: readonly LayoutPath[];
  readonly warnings: readonly string[];
}

/** How to lay a tree out. */
export interface LayoutOptions {
  /** Width of the whole figure in points (16 cm = 453.5 pt for an A4 page's text block). */
  readonly width: number;
  /** Label size in points; never below 8. */
  readonly fontSize: number;
  readonly counts: CountsOption;
  readonly fill: FillOption;
  readonly connector: ConnectorOption;
  readonly ungrouped: boolean;
  /** Caption text below the figure (already filled in); empty for none. */
  readonly caption: string;
  readonly locale: FigureLocale;
}

/** Colours of the plain style: greys that print well in black and white. */
const STYLE = {
  text: '#111111',
  muted: '#555555',
  line: '#333333',
  concept: { fill: '#ffffff', stroke: '#4d4d4d' },
  theme: { fill: '#f0f0f0', stroke: '#333333' },
  dimension: { fill: '#dcdcdc', stroke: '#1a1a1a' },
  supportBase: '#2f6690',
} as const;

/** Mix two `#rrggbb` colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mixColor(a: string, b: string, t: number): string {
  const parse = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const ca = parse(a);
  const cb = parse(b);
  return `#${ca.map((v, i) => Math.round(v + (cb[i]! - v) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** The fill of a concept supported by `informants` of `total` informants (white when none). */
export function supportFill(informants: number, total: number): string {
  if (informants <= 0 || total <= 0) return '#ffffff';
  return mixColor('#ffffff', STYLE.supportBase, 0.12 + 0.43 * Math.min(1, informants / total));
}

interface Metrics {
  readonly s: number;
  readonly padX: number;
  readonly padY: number;
  readonly lineH: number;
  readonly countSize: number;
  readonly countLineH: number;
  readonly conceptGap: number;
  readonly themeGap: number;
  readonly dimensionGap: number;
}

function metricsFor(fontSize: number): Metrics {
  const s = Math.max(MIN_FONT_SIZE, fontSize);
  const countSize = Math.max(MIN_FONT_SIZE, s - 1);
  return {
    s,
    padX: 0.55 * s,
    padY: 0.4 * s,
    lineH: 1.22 * s,
    countSize,
    countLineH: 1.22 * countSize,
    conceptGap: 0.45 * s,
    themeGap: 1.1 * s,
    dimensionGap: 2 * s,
  };
}

const MARGIN = 1;

/** Mutable box while laying out; frozen into LayoutBox at the end. */
interface DraftBox {
  id: string;
  kind: BoxKind;
  codeId: string | null;
  level: Level | null;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  /** Lines with y relative to the box top. */
  lines: TextLine[];
  support: CodeSupport | null;
}

/** A stack of boxes laid out from y = 0, with the parent→children groups to connect. */
interface Block {
  boxes: DraftBox[];
  groups: { parent: DraftBox; children: DraftBox[] }[];
  height: number;
}

function shiftBlock(block: Block, dy: number): void {
  for (const box of block.boxes) box.y += dy;
}

/**
 * Lay the tree out as the classic Gioia figure: concepts left, themes in the middle, dimensions
 * right, each theme centred on the span of its concepts and each dimension on the span of its
 * themes' boxes, joined by brackets (or lines). Labels wrap within their column using the figure
 * font's metrics, so every renderer draws the same lines. Pure: same input, same output.
 */
export function layoutStructure(tree: StructureTree, options: LayoutOptions): StructureLayout {
  const m = metricsFor(options.fontSize);
  const words = figureWords(options.locale);
  const inner = options.width - 2 * MARGIN;
  const gap = Math.max(2.6 * m.s, inner * 0.06);
  const conceptWidth = (inner - 2 * gap) * 0.46;
  const themeWidth = (inner - 2 * gap) * 0.3;
  const dimensionWidth = inner - 2 * gap - conceptWidth - themeWidth;
  const columns = [
    { level: 1 as Level, x: MARGIN, width: conceptWidth, header: tree.levelNames[0] },
    { level: 2 as Level, x: MARGIN + conceptWidth + gap, width: themeWidth, header: tree.levelNames[1] },
    { level: 3 as Level, x: MARGIN + conceptWidth + gap + themeWidth + gap, width: dimensionWidth, header: tree.levelNames[2] },
  ] as const;
  const warnings: string[] = [];
  const uncovered = new Set<string>();

  /** A box at y = 0 whose text is `label` wrapped in `width`. */
  const textBox = (
    init: Pick<DraftBox, 'id' | 'kind' | 'codeId' | 'level' | 'label' | 'x' | 'width' | 'fill' | 'stroke' | 'strokeWidth' | 'support'>,
    face: FaceName,
    anchor: 'start' | 'middle',
    size: number,
    color: string,
    extra: readonly string[] = [],
  ): DraftBox => {
    if (!fontCovers(init.label)) uncovered.add(init.label);
    const textWidth = init.width - 2 * m.padX;
    const wrapped = wrapText(init.label, face, size, textWidth);
    const lineH = 1.22 * size;
    const lines: TextLine[] = [];
    const baseline = (top: number, h: number, sz: number) => top + h / 2 + fontExtents(face, sz).capHeight / 2;
    const x = anchor === 'start' ? init.x + m.padX : init.x + init.width / 2;
    let top = m.padY;
    for (const text of wrapped) {
      lines.push({ text, x, y: baseline(top, lineH, size), size, face, anchor, color, width: measureText(text, face, size) });
      top += lineH;
    }
    for (const text of extra) {
      for (const piece of wrapText(text, 'regular', m.countSize, textWidth)) {
        lines.push({ text: piece, x, y: baseline(top, m.countLineH, m.countSize), size: m.countSize, face: 'regular', anchor, color: STYLE.muted, width: measureText(piece, 'regular', m.countSize) });
        top += m.countLineH;
      }
    }
    return { ...init, y: 0, height: Math.max(top + m.padY, lineH + 2 * m.padY), lines };
  };

  const countText = (node: StructureNode): string[] => {
    switch (options.counts) {
      case 'none':
        return [];
      case 'codings':
        return [words.codings(node.codings)];
      case 'informants':
        return [words.informants(node.informants)];
      case 'both':
        return [`${words.codings(node.codings)} · ${words.informants(node.informants)}`];
      default: {
        const never: never = options.counts;
        throw new Error(`unknown counts option ${String(never)}`);
      }
    }
  };

  const fillFor = (node: StructureNode): string => {
    switch (options.fill) {
      case 'plain':
        return node.level === 1 ? STYLE.concept.fill : node.level === 2 ? STYLE.theme.fill : STYLE.dimension.fill;
      case 'support':
        return node.level === 1 ? supportFill(node.informants, tree.informantTotal) : node.level === 2 ? STYLE.theme.fill : STYLE.dimension.fill;
      case 'codeColour':
        return mixColor('#ffffff', /^#[0-9a-f]{6}$/i.test(node.color) ? node.color : '#888888', node.level === 1 ? 0.22 : node.level === 2 ? 0.32 : 0.42);
      default: {
        const never: never = options.fill;
        throw new Error(`unknown fill option ${String(never)}`);
      }
    }
  };

  const codeBox = (node: StructureNode): DraftBox => {
    const column = columns[node.level - 1]!;
    const style = node.level === 1 ? STYLE.concept : node.level === 2 ? STYLE.theme : STYLE.dimension;
    return textBox(
      {
        id: node.id,
        kind: node.level === 1 ? 'concept' : node.level === 2 ? 'theme' : 'dimension',
        codeId: node.id,
        level: node.level,
        label: node.label,
        x: column.x,
        width: column.width,
        fill: fillFor(node),
        stroke: style.stroke,
        strokeWidth: node.level === 3 ? 0.9 : 0.7,
        support: { codings: node.codings, informants: node.informants, representative: node.representative },
      },
      node.level === 1 ? 'regular' : 'semibold',
      node.level === 1 ? 'start' : 'middle',
      m.s,
      STYLE.text,
      node.level === 1 ? countText(node) : [],
    );
  };

  /** Boxes stacked from y = 0 with `gap` between them; returns the bottom. */
  const stack = (boxes: DraftBox[], between: number, from = 0): number => {
    let y = from;
    boxes.forEach((box, i) => {
      if (i > 0) y += between;
      box.y = y;
      y += box.height;
    });
    return y;
  };

  /** A parent box centred on the span of its children's boxes; if it is taller, the children move down. */
  const centreOn = (parent: DraftBox, children: DraftBox[], block: Block): void => {
    if (children.length === 0) {
      parent.y = 0;
      block.height = Math.max(block.height, parent.height);
      return;
    }
    const top = Math.min(...children.map((c) => c.y));
    const bottom = Math.max(...children.map((c) => c.y + c.height));
    let y = (top + bottom) / 2 - parent.height / 2;
    if (y < 0) {
      shiftBlock(block, -y);
      y = 0;
    }
    parent.y = y;
    block.height = Math.max(...block.boxes.map((b) => b.y + b.height), y + parent.height);
  };

  const themeBlock = (theme: StructureTheme): Block & { themeBox: DraftBox } => {
    const concepts = theme.concepts.map(codeBox);
    const block: Block = { boxes: [...concepts], groups: [], height: stack(concepts, m.conceptGap) };
    const themeBox = codeBox(theme);
    centreOn(themeBox, concepts, block);
    block.boxes.push(themeBox);
    if (concepts.length > 0) block.groups.push({ parent: themeBox, children: concepts });
    return { ...block, themeBox };
  };

  /** Blocks one under the other from y = 0 with `between` between them, merged into one block. */
  const concat = (blocks: Block[], between: number): Block => {
    const merged: Block = { boxes: [], groups: [], height: 0 };
    let y = 0;
    blocks.forEach((b, i) => {
      if (i > 0) y += between;
      shiftBlock(b, y);
      merged.boxes.push(...b.boxes);
      merged.groups.push(...b.groups);
      y += b.height;
    });
    merged.height = y;
    return merged;
  };

  // Column headers: the project's level names.
  const headers = columns.map((c) =>
    textBox(
      { id: `header-${c.level}`, kind: 'header', codeId: null, level: c.level, label: c.header, x: c.x, width: c.width, fill: null, stroke: null, strokeWidth: 0, support: null },
      'semibold',
      'middle',
      m.s,
      STYLE.text,
    ),
  );
  const headerHeight = Math.max(...headers.map((h) => h.height));
  for (const h of headers) {
    h.y = MARGIN;
    h.height = headerHeight;
    // Bottom-align header text so short and wrapped headers share a baseline.
    const shift = headerHeight - (h.lines.length * m.lineH + 2 * m.padY);
    h.lines = h.lines.map((l) => ({ ...l, y: l.y + shift }));
  }
  const ruleY = MARGIN + headerHeight + 0.25 * m.s;
  const bodyTop = ruleY + 0.9 * m.s;

  const sections: Block[] = [];
  for (const dimension of tree.dimensions) {
    const themes = dimension.themes.map(themeBlock);
    const block = concat(themes, m.themeGap);
    const dimensionBox = codeBox(dimension);
    const themeBoxes = themes.map((t) => t.themeBox);
    centreOn(dimensionBox, themeBoxes, block);
    block.boxes.push(dimensionBox);
    if (themeBoxes.length > 0) block.groups.push({ parent: dimensionBox, children: themeBoxes });
    sections.push(block);
  }
  if (tree.looseThemes.length > 0) sections.push(concat(tree.looseThemes.map(themeBlock), m.themeGap));
  if (options.ungrouped && tree.ungrouped.length > 0) {
    const heading = textBox(
      { id: 'ungrouped-heading', kind: 'heading', codeId: null, level: null, label: `${words.ungrouped} (${tree.ungrouped.length})`, x: columns[0].x, width: columns[0].width, fill: null, stroke: null, strokeWidth: 0, support: null },
      'semibold',
      'start',
      m.s,
      STYLE.muted,
    );
    const concepts = tree.ungrouped.map(codeBox);
    const boxes = [heading, ...concepts];
    const bottom = stack(concepts, m.conceptGap, heading.height + 0.3 * m.s);
    sections.push({ boxes, groups: [], height: bottom });
  }
  const body = concat(sections, m.dimensionGap);
  shiftBlock(body, bodyTop);
  let bottom = sections.length > 0 ? bodyTop + body.height : MARGIN + headerHeight;
  if (sections.length === 0) warnings.push('The codebook has no themes or dimensions yet, so the figure shows only its column headers');

  const extras: DraftBox[] = [];
  if (options.fill === 'support' && tree.informantTotal > 0) {
    bottom += m.dimensionGap;
    // The title box is as wide as its text, so it never wraps.
    const titleWidth = measureText(words.legend, 'regular', m.countSize) + 2 * m.padX + 0.5;
    const title = textBox(
      { id: 'legend-title', kind: 'legend', codeId: null, level: null, label: words.legend, x: MARGIN, width: titleWidth, fill: null, stroke: null, strokeWidth: 0, support: null },
      'regular',
      'start',
      m.countSize,
      STYLE.muted,
    );
    const steps = Math.min(5, tree.informantTotal + 1);
    const values = Array.from({ length: steps }, (_, i) => Math.round((i * tree.informantTotal) / (steps - 1)));
    const swatchWidth = Math.max(2.6 * m.countSize, measureText(String(tree.informantTotal), 'regular', m.countSize) + 2 * m.padX);
    let x = MARGIN + title.width + 0.3 * m.s;
    let y = bottom;
    title.y = bottom;
    extras.push(title);
    for (const [i, value] of [...new Set(values)].entries()) {
      if (x + swatchWidth > options.width - MARGIN) {
        x = MARGIN + title.width + 0.3 * m.s;
        y += title.height + 0.3 * m.s;
      }
      const swatch = textBox(
        { id: `legend-${i}`, kind: 'legend', codeId: null, level: null, label: String(value), x, width: swatchWidth, fill: supportFill(value, tree.informantTotal), stroke: STYLE.concept.stroke, strokeWidth: 0.5, support: null },
        'regular',
        'middle',
        m.countSize,
        STYLE.text,
      );
      swatch.y = y;
      swatch.height = title.height;
      extras.push(swatch);
      x += swatchWidth + 0.25 * m.s;
    }
    bottom = y + title.height;
  }
  if (options.caption.trim()) {
    bottom += 1.2 * m.s;
    const caption = textBox(
      { id: 'caption', kind: 'caption', codeId: null, level: null, label: options.caption, x: MARGIN, width: inner, fill: null, stroke: null, strokeWidth: 0, support: null },
      'regular',
      'start',
      m.s,
      STYLE.text,
    );
    caption.y = bottom;
    extras.push(caption);
    bottom += caption.height;
  }

  const allBoxes = [...headers, ...body.boxes, ...extras];
  const paths: LayoutPath[] = [
    { id: 'rule-headers', kind: 'rule', d: `M ${r(MARGIN)} ${r(ruleY)} H ${r(options.width - MARGIN)}`, stroke: STYLE.line, strokeWidth: 0.6, fill: null, from: [], to: null },
  ];
  for (const group of body.groups) paths.push(...connect(group.parent, group.children, options.connector, m));

  if (uncovered.size > 0) {
    warnings.push(
      `${uncovered.size} label${uncovered.size === 1 ? '' : 's'} use characters the figure font lacks (such as emoji), drawn with a fallback font: ${[...uncovered].slice(0, 3).map((l) => `“${l}”`).join(', ')}`,
    );
  }
  const boxes = allBoxes.map(freeze);
  return {
    unit: 'pt',
    width: options.width,
    height: bottom + MARGIN,
    fontSize: m.s,
    fontFamily: FIGURE_FONT_STACK,
    columns,
    boxes,
    paths,
    warnings,
  };
}

/** Round for path data (keeps SVG small and snapshots stable). */
function r(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function freeze(box: DraftBox): LayoutBox {
  return { ...box, lines: box.lines.map((l) => ({ ...l, y: l.y + box.y })) };
}

function connect(parent: DraftBox, children: DraftBox[], style: ConnectorOption, m: Metrics): LayoutPath[] {
  const right = Math.max(...children.map((c) => c.x + c.width));
  const left = parent.x;
  const cy = parent.y + parent.height / 2;
  const from = children.map((c) => c.id);
  const stroke = STYLE.line;
  switch (style) {
    case 'lines':
      return children.map((c) => ({
        id: `line-${c.id}`,
        kind: 'connector' as const,
        d: `M ${r(right)} ${r(c.y + c.height / 2)} L ${r(left)} ${r(cy)}`,
        stroke,
        strokeWidth: 0.6,
        fill: null,
        from: [c.id],
        to: parent.id,
      }));
    case 'bracket': {
      const gap = left - right;
      const tick = right + 0.12 * gap;
      const xb = right + 0.32 * gap;
      const top = Math.min(...children.map((c) => c.y)) + 0.5;
      const bottom = Math.max(...children.map((c) => c.y + c.height)) - 0.5;
      const a = 0.45 * m.s;
      return [
        { id: `bracket-${parent.id}`, kind: 'bracket', d: `M ${r(tick)} ${r(top)} H ${r(xb)} V ${r(bottom)} H ${r(tick)}`, stroke, strokeWidth: 0.75, fill: null, from, to: parent.id },
        { id: `arrow-${parent.id}`, kind: 'connector', d: `M ${r(xb)} ${r(cy)} H ${r(left - a)}`, stroke, strokeWidth: 0.75, fill: null, from, to: parent.id },
        {
          id: `arrowhead-${parent.id}`,
          kind: 'arrowhead',
          d: `M ${r(left - a)} ${r(cy - a / 2)} L ${r(left)} ${r(cy)} L ${r(left - a)} ${r(cy + a / 2)} Z`,
          stroke: null,
          strokeWidth: 0,
          fill: stroke,
          from,
          to: parent.id,
        },
      ];
    }
    default: {
      const never: never = style;
      throw new Error(`unknown connector ${String(never)}`);
    }
  }
}
