/** Where a figure's sheets sit on the canvas and how the view maps points to pixels. */

/** Room around a figure on its sheet of paper, in points. */
export const SHEET_MARGIN = 16;
/** Space between sheets (split figures), in points; the part's name sits in it. */
export const SHEET_GAP = 34;
/** Space above the first of several sheets, for its part's name. */
const FIRST_LABEL_BAND = 18;
/** Pixels per point at 100 % (CSS: 96 px per inch, 72 pt per inch). */
export const PX_PER_PT = 96 / 72;

/** A width and height. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** One sheet placed on the canvas (points): the paper's box, and where the figure starts in it. */
export interface PlacedSheet {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly figureX: number;
  readonly figureY: number;
}

/**
 * Stack the figures' sheets top to bottom, centred on the widest; returns them and the whole
 * canvas size. Several sheets (a split figure) each get `gap` above them for the part's name.
 */
export function stackSheets(figures: readonly Size[], margin = SHEET_MARGIN, gap = SHEET_GAP): { sheets: PlacedSheet[]; width: number; height: number } {
  const width = Math.max(0, ...figures.map((f) => f.width + 2 * margin));
  const named = figures.length > 1;
  let y = 0;
  const sheets = figures.map((f, i) => {
    if (i > 0) y += gap;
    else if (named) y += Math.min(gap, FIRST_LABEL_BAND);
    const sheet = { x: (width - (f.width + 2 * margin)) / 2, y, width: f.width + 2 * margin, height: f.height + 2 * margin };
    y += sheet.height;
    return { ...sheet, figureX: sheet.x + margin, figureY: sheet.y + margin };
  });
  return { sheets, width, height: y };
}

/** A zoom: screen = world × k + (x, y), with the world in points and the screen in pixels. */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The transform that fits the content's width into the viewport (with `pad` pixels each side),
 * centred, top aligned; never larger than `maxScale` pixels per point (small figures stay a
 * readable size instead of filling a wide screen).
 */
export function fitWidth(content: Size, viewport: Size, pad = 20, maxScale = 2.6): ViewTransform {
  if (content.width <= 0 || viewport.width <= 0) return { k: 1, x: pad, y: pad };
  const k = Math.max(0.05, Math.min(maxScale, (viewport.width - 2 * pad) / content.width));
  return { k, x: (viewport.width - content.width * k) / 2, y: pad };
}

/** Keep at least `keep` pixels of the content inside the viewport on each axis, so it cannot be panned out of sight. */
export function clampTransform(t: ViewTransform, content: Size, viewport: Size, keep = 80): ViewTransform {
  const clamp = (offset: number, size: number, view: number) => {
    const low = Math.min(keep, view / 2) - size * t.k;
    const high = view - Math.min(keep, view / 2);
    return Math.min(Math.max(offset, low), high);
  };
  return { k: t.k, x: clamp(t.x, content.width, viewport.width), y: clamp(t.y, content.height, viewport.height) };
}

/** The SVG viewBox (in points) that shows what the transform puts in the viewport. */
export function viewBoxFor(t: ViewTransform, viewport: Size): string {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return `${r(-t.x / t.k)} ${r(-t.y / t.k)} ${r(viewport.width / t.k)} ${r(viewport.height / t.k)}`;
}

/** The zoom as a percentage of the printed size (100 % = the figure as big as on paper). */
export function zoomPercent(k: number): number {
  return Math.round((k / PX_PER_PT) * 100);
}
