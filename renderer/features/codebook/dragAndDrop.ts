import { useState, type DragEvent } from 'react';
import type { Level } from '../../../shared/model/levels';
import type { Code } from '../../../shared/model/types';
import { useApp } from '../../store/StoreContext';

/** The drag type of codes (the transcript accepts it too, to code a selection). */
export const DRAG_TYPE = 'application/x-stige-code';

/** What is being dragged: the code under the pointer and every code moving with it (same level). */
export interface CodeDrag {
  readonly lead: Code;
  readonly ids: readonly string[];
}

// During dragover a page cannot read the dragged data, only its type; the codes being dragged are
// remembered here so drop targets can say at once whether they accept them.
let dragged: CodeDrag | null = null;

/**
 * Start dragging a code; when it is part of a multi-selection, the selected codes on its level
 * move with it.
 */
export function startCodeDrag(event: DragEvent, code: Code, selection: readonly Code[] = []): void {
  const together = selection.some((c) => c.id === code.id) ? selection.filter((c) => c.level === code.level).map((c) => c.id) : [code.id];
  dragged = { lead: code, ids: together };
  event.dataTransfer.setData(DRAG_TYPE, code.id);
  event.dataTransfer.setData('text/plain', together.length > 1 ? `${together.length} codes` : code.label);
  // Moved within the codebook, copied onto a passage in the transcript.
  event.dataTransfer.effectAllowed = 'copyMove';
}

/** The code under the pointer of the current drag, if any. */
export function draggedCode(): Code | null {
  return dragged?.lead ?? null;
}

/** The current drag, if any. */
export function currentDrag(): CodeDrag | null {
  return dragged;
}

/** End of a drag, dropped or not. */
export function endCodeDrag(): void {
  dragged = null;
}

/**
 * Where a drop of `code` on `target` puts it: into the target (a concept onto a theme, a theme
 * onto a dimension), beside it (onto a sibling of the same level: same parent, before it), out of
 * any group (target null), or nowhere.
 */
export function dropPlacement(code: Code, target: Code | null): { parentId: string | null; beforeId: string | null } | null {
  if (target === null) return code.parentId === null ? null : { parentId: null, beforeId: null };
  if (target.id === code.id) return null;
  if (code.level !== null && target.level === code.level + 1) return { parentId: target.id, beforeId: null };
  if (target.level === code.level) return { parentId: target.parentId, beforeId: target.id };
  return null;
}

/** Where dropping a whole drag on `target` puts it; nowhere when the target is one of the dragged codes. */
export function dragPlacement(drag: CodeDrag, target: Code | null): { parentId: string | null; beforeId: string | null } | null {
  if (target && drag.ids.includes(target.id)) return null;
  if (target === null && drag.ids.length > 1) return { parentId: null, beforeId: null };
  return dropPlacement(drag.lead, target);
}

/**
 * Where dropping codes not yet placed in the three levels (from another tool) on `target` puts
 * them: into a dimension as themes, into a theme as concepts. Null for placed codes and other targets.
 */
export function unplacedDrop(drag: CodeDrag, target: Code | null): { level: Level; parentId: string } | null {
  if (drag.lead.level !== null || !target || drag.ids.includes(target.id)) return null;
  if (target.level === 3) return { level: 2, parentId: target.id };
  if (target.level === 2) return { level: 1, parentId: target.id };
  return null;
}

/** Drop-target handlers for a code row (or the "not yet grouped" pool when `target` is null). */
export function useCodeDrop(target: Code | null) {
  const moveCodes = useApp((s) => s.moveCodes);
  const setCodeLevel = useApp((s) => s.setCodeLevel);
  const [over, setOver] = useState(false);
  return {
    over,
    onDragOver(event: DragEvent) {
      const drag = dragged;
      if (!drag || !event.dataTransfer.types.includes(DRAG_TYPE) || !(dragPlacement(drag, target) ?? unplacedDrop(drag, target))) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave() {
      setOver(false);
    },
    onDrop(event: DragEvent) {
      setOver(false);
      const drag = dragged;
      const placement = drag ? dragPlacement(drag, target) : null;
      const placing = drag && !placement ? unplacedDrop(drag, target) : null;
      if (!drag || !(placement ?? placing)) return;
      event.preventDefault();
      event.stopPropagation();
      endCodeDrag();
      if (placement) void moveCodes(drag.ids, placement.parentId, placement.beforeId);
      else if (placing) void setCodeLevel(drag.ids, placing.level, placing.parentId);
    },
  };
}
