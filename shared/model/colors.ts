/**
 * Code colours: distinguishable on white, light enough for a highlight behind black text when
 * drawn at partial opacity, and still distinct for the common forms of colour blindness
 * (Okabe–Ito and Tableau-derived hues).
 */
export const CODE_COLORS: readonly string[] = [
  '#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7',
  '#8c6bb1', '#2ca25f', '#e7298a', '#66a61e', '#a6761d', '#1f78b4', '#fb9a99',
];

/** True for a `#rrggbb` colour. */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

/** The colour for the n-th code created (cycles through CODE_COLORS). */
export function colorForIndex(index: number): string {
  return CODE_COLORS[((index % CODE_COLORS.length) + CODE_COLORS.length) % CODE_COLORS.length]!;
}
