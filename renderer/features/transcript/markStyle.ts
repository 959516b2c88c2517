/** Inline style of a coded run, from the colours of the codes on it (one per coding). */
export interface MarkStyle {
  readonly backgroundColor: string;
  readonly boxShadow: string;
}

/** `#rrggbb` with an alpha, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * One coding: a tint of its code's colour. Overlaps stay visibly distinct: a lighter tint of the
 * first code plus one underline per coding, stacked, each in its code's colour.
 */
export function markStyle(colors: readonly string[]): MarkStyle {
  if (colors.length === 0) return { backgroundColor: '', boxShadow: '' };
  if (colors.length === 1) return { backgroundColor: withAlpha(colors[0]!, 0.32), boxShadow: `inset 0 -2px 0 ${withAlpha(colors[0]!, 0.9)}` };
  const shadows = colors.slice(0, 4).map((color, i) => `inset 0 -${(i + 1) * 3}px 0 ${withAlpha(color, 0.95)}`);
  return { backgroundColor: withAlpha(colors[0]!, 0.22), boxShadow: shadows.join(', ') };
}
