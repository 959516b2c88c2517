import type { Level } from '../model/levels';

/** A code as the exported graph places it. */
export interface GraphCode {
  readonly id: string;
  readonly level: Level;
  readonly parentId: string | null;
}

/** A box in graph coordinates (REFI-QDA vertices are integer rectangles). */
export interface GraphBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

const COLUMN_WIDTH = 260;
const COLUMN_GAP = 120;
const BOX_HEIGHT = 40;
const ROW_GAP = 16;

/**
 * Positions for the data-structure graph in a REFI-QDA export: three columns read left to right,
 * concepts → themes → dimensions, each code in its column in tree order, a parent centred on its
 * children where it has any. Deliberately small and self-contained: when `shared/layout` (the
 * on-screen data-structure layout) exists, this function is the one place to swap for it, so the
 * exported graph matches the figure.
 */
export function graphLayout(codes: readonly GraphCode[]): ReadonlyMap<string, GraphBox> {
  const byParent = new Map<string | null, GraphCode[]>();
  for (const code of codes) {
    const list = byParent.get(code.parentId) ?? [];
    list.push(code);
    byParent.set(code.parentId, list);
  }
  const ids = new Set(codes.map((c) => c.id));
  const boxes = new Map<string, GraphBox>();
  const nextRow: Record<Level, number> = { 1: 0, 2: 0, 3: 0 };
  const box = (level: Level, centre: number): GraphBox => {
    const x1 = (level - 1) * (COLUMN_WIDTH + COLUMN_GAP);
    return { x1, y1: centre - BOX_HEIGHT / 2, x2: x1 + COLUMN_WIDTH, y2: centre + BOX_HEIGHT / 2 };
  };
  // Depth-first from the top level down, so each parent can sit in the middle of its children.
  const place = (code: GraphCode): number => {
    const kids = byParent.get(code.id) ?? [];
    let centre: number;
    if (kids.length === 0) {
      centre = nextRow[code.level] * (BOX_HEIGHT + ROW_GAP) + BOX_HEIGHT / 2;
    } else {
      const centres = kids.map(place);
      centre = (Math.min(...centres) + Math.max(...centres)) / 2;
      centre = Math.max(centre, nextRow[code.level] * (BOX_HEIGHT + ROW_GAP) + BOX_HEIGHT / 2);
    }
    nextRow[code.level] = Math.max(nextRow[code.level], Math.ceil((centre + BOX_HEIGHT / 2) / (BOX_HEIGHT + ROW_GAP)));
    boxes.set(code.id, box(code.level, centre));
    return centre;
  };
  const roots = codes.filter((c) => c.parentId === null || !ids.has(c.parentId));
  for (const level of [3, 2, 1] as const) for (const root of roots.filter((r) => r.level === level)) place(root);
  return boxes;
}
