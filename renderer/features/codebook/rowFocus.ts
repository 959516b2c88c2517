/** The ids of the code rows the codebook shows (expanded groups only), top to bottom. */
export function shownCodeIds(from: Element | null): string[] {
  const panel = from?.closest('.codebook');
  if (!panel) return [];
  return [...panel.querySelectorAll<HTMLElement>('.code-row[data-code-id]')].map((row) => row.dataset.codeId!);
}

/** Focus a code's row (after the codebook re-rendered, e.g. following a reorder). */
export function focusCodeRow(id: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`.codebook .code-row[data-code-id="${CSS.escape(id)}"]`)?.focus());
}

/** Focus the row `delta` places from `row`; returns the id it moved to. */
export function focusNeighbour(row: HTMLElement, delta: number): string | null {
  const panel = row.closest('.codebook');
  if (!panel) return null;
  const rows = [...panel.querySelectorAll<HTMLElement>('.code-row[data-code-id]')];
  const next = rows[rows.indexOf(row) + delta];
  next?.focus();
  return next?.dataset.codeId ?? null;
}
