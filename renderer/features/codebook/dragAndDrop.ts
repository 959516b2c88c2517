import { useState, type DragEvent } from 'react';
import type { Code } from '../../../shared/model/types';
import { useApp } from '../../store/StoreContext';

/** The drag type of codes (the transcript accepts it too, to code a selection). */
export const DRAG_TYPE = 'application/x-stige-code';

// During dragover a page cannot read the dragged data, only its type; the code being dragged is
// remembered here so drop targets can say at once whether they accept it.
let dragged: Code | null = null;

/** Start dragging a code. */
export function startCodeDrag(event: DragEvent, code: Code): void {
  dragged = code;
  event.dataTransfer.setData(DRAG_TYPE, code.id);
  event.dataTransfer.setData('text/plain', code.label);
  // Moved within the codebook, copied onto a passage in the transcript.
  event.dataTransfer.effectAllowed = 'copyMove';
}

/** The code being dragged, if any. */
export function draggedCode(): Code | null {
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

/** Drop-target handlers for a code row (or the "not yet grouped" pool when `target` is null). */
export function useCodeDrop(target: Code | null) {
  const moveCodes = useApp((s) => s.moveCodes);
  const [over, setOver] = useState(false);
  return {
    over,
    onDragOver(event: DragEvent) {
      const code = dragged;
      if (!code || !event.dataTransfer.types.includes(DRAG_TYPE) || !dropPlacement(code, target)) return;
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
      const code = dragged;
      const placement = code ? dropPlacement(code, target) : null;
      if (!code || !placement) return;
      event.preventDefault();
      event.stopPropagation();
      endCodeDrag();
      void moveCodes([code.id], placement.parentId, placement.beforeId);
    },
  };
}
