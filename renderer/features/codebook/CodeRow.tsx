import { memo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Code } from '../../../shared/model/types';
import { selectCodeCodingCount, selectCodeStats } from '../../store/coderView';
import { useApp, useAppStore } from '../../store/StoreContext';
import type { CodeTreeNode } from '../../store/selectors';
import { moveWithin, rangeSelection, siblingsOf, toggleId } from './codebookModel';
import { endCodeDrag, startCodeDrag, useCodeDrop } from './dragAndDrop';
import { focusCodeRow, focusNeighbour, shownCodeIds } from './rowFocus';

const LEVEL_CLASS = { 1: 'concept', 2: 'theme', 3: 'dimension' } as const;

/**
 * One code in the tree, with its children. Click selects (Ctrl/Cmd+click adds, Shift+click selects
 * a range); drag to regroup (a selection moves together); double-click or F2 renames; Enter opens
 * the details; Alt+↑/↓ reorders within the group, Alt+← takes it out of its group, M moves it into
 * a group; Delete deletes after a confirmation. Memoised: the tree keeps unchanged nodes' identity,
 * so a change to one code re-renders its row and its ancestors only.
 */
export const CodeRow = memo(function CodeRow({ node, depth, render }: { node: CodeTreeNode; depth: number; render: (node: CodeTreeNode, depth: number) => ReactNode }) {
  const { code, children } = node;
  const store = useAppStore();
  const updateCode = useApp((s) => s.updateCode);
  const showSegments = useApp((s) => s.showSegments);
  const openDialog = useApp((s) => s.openDialog);
  const selected = useApp((s) => s.selectedCodeIds.includes(code.id));
  const stats = useApp((s) => selectCodeStats(s, code.id));
  const [renaming, setRenaming] = useState(false);
  const [open, setOpen] = useState(true);
  const drop = useCodeDrop(code);
  const kind = code.level ? LEVEL_CLASS[code.level] : 'unplaced';
  const total = useApp((s) => countCodings(node, (c) => selectCodeCodingCount(s, c)));

  /** Select this row alone, toggle it, or select the range from the anchor (added to the selection when `additive`). */
  const select = (mode: 'replace' | 'toggle' | 'range', row: Element | null = null, additive = false) => {
    const { selectedCodeIds, selectionAnchor, selectCodes } = store.getState();
    if (mode === 'toggle') selectCodes(toggleId(selectedCodeIds, code.id), code.id);
    else if (mode === 'range') {
      const range = rangeSelection(shownCodeIds(row), selectionAnchor, code.id);
      selectCodes(additive ? [...selectedCodeIds, ...range] : range, selectionAnchor ?? code.id);
    } else selectCodes([code.id], code.id);
  };

  /** The codes a keyboard command acts on: the selection when this row is in it, else this row. */
  const targets = () => {
    const { selectedCodeIds } = store.getState();
    return selectedCodeIds.includes(code.id) ? selectedCodeIds : [code.id];
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (renaming || e.target !== e.currentTarget) return;
    const state = store.getState();
    const key = e.key;
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      const order = moveWithin(
        siblingsOf(state.codes, code).map((c) => c.id),
        code.id,
        key === 'ArrowUp' ? -1 : 1,
      );
      if (order) void state.reorderCodes(code.parentId, code.level, order).then(() => focusCodeRow(code.id));
    } else if (e.altKey && key === 'ArrowLeft') {
      if (code.parentId) void state.moveCodes(targets(), null).then(() => focusCodeRow(code.id));
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      const next = focusNeighbour(e.currentTarget, key === 'ArrowDown' ? 1 : -1);
      if (next && e.shiftKey) {
        const anchor = state.selectionAnchor ?? code.id;
        state.selectCodes(rangeSelection(shownCodeIds(e.currentTarget), anchor, next), anchor);
      }
    } else if (key === 'ArrowLeft' && children.length > 0) setOpen(false);
    else if (key === 'ArrowRight' && children.length > 0) setOpen(true);
    else if (key === ' ') select('toggle');
    else if (key === 'F2') setRenaming(true);
    else if (key === 'Enter') openDialog('codeDetails', code.id);
    else if (key === 'Escape') state.selectCodes([], null);
    else if ((key === 'a' || key === 'A') && (e.ctrlKey || e.metaKey)) state.selectCodes(shownCodeIds(e.currentTarget), code.id);
    else if ((key === 'm' || key === 'M') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      state.selectCodes(targets(), code.id);
      openDialog('moveCodes');
    } else if (key === 'Delete' || key === 'Backspace') {
      state.selectCodes(targets(), code.id);
      openDialog('deleteCodes');
    } else return;
    e.preventDefault();
  };

  const commitRename = (value: string) => {
    const label = value.trim();
    if (label && label !== code.label) void updateCode(code.id, { label });
    setRenaming(false);
  };

  return (
    <div
      className={`code-node ${kind}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={children.length ? open : undefined}
      aria-selected={selected}
      aria-label={code.label}
    >
      <div
        className={`code-row${drop.over ? ' drop-ok' : ''}${selected ? ' selected' : ''}`}
        draggable={!renaming}
        onDragStart={(e) => {
          const { selectedCodeIds, codes } = store.getState();
          startCodeDrag(e, code, selectedCodeIds.map((id) => codes[id]).filter((c): c is Code => !!c));
        }}
        onDragEnd={endCodeDrag}
        onDragOver={drop.onDragOver}
        onDragLeave={drop.onDragLeave}
        onDrop={drop.onDrop}
        tabIndex={0}
        data-code-id={code.id}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('button, input, label')) return;
          select(e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'replace', e.currentTarget, e.ctrlKey || e.metaKey);
        }}
        onKeyDown={onKeyDown}
      >
        {children.length > 0 ? (
          <button type="button" className="twisty" tabIndex={-1} aria-label={open ? `Collapse ${code.label}` : `Expand ${code.label}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <input
          type="checkbox"
          className="select-box"
          tabIndex={-1}
          checked={selected}
          aria-label={`Select ${code.label}`}
          onChange={() => select('toggle')}
        />
        <label className="swatch-picker" title="Change colour">
          <span className="swatch" style={{ background: code.color }} />
          <input type="color" tabIndex={-1} value={code.color} aria-label={`Colour of ${code.label}`} onChange={(e) => void updateCode(code.id, { color: e.target.value })} />
        </label>
        {renaming ? (
          <input
            className="rename"
            autoFocus
            defaultValue={code.label}
            aria-label={`Rename ${code.label}`}
            onFocus={(e) => e.target.select()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitRename(e.currentTarget.value);
              else if (e.key === 'Escape') setRenaming(false);
            }}
            onBlur={(e) => commitRename(e.currentTarget.value)}
          />
        ) : (
          <span className="code-text" onDoubleClick={() => setRenaming(true)} title={code.description || code.label}>
            <span className="code-label">{code.label}</span>
            {code.heading && <span className="code-heading">{code.heading}</span>}
          </span>
        )}
        {stats && stats.informants > 0 && (
          <span
            className="informants"
            title={`${stats.informants} informant${stats.informants === 1 ? '' : 's'}${stats.representative ? ` · ${stats.representative} starred quote${stats.representative === 1 ? '' : 's'}` : ''}`}
            aria-label={`${stats.informants} informant${stats.informants === 1 ? '' : 's'}`}
          >
            <PersonIcon />
            {stats.informants}
          </span>
        )}
        <button
          type="button"
          className="count"
          title={`${total} coding${total === 1 ? '' : 's'}: show the coded segments`}
          aria-label={`Show the ${total} coded segments of ${code.label}`}
          onClick={() => void showSegments(code.id)}
        >
          {total}
        </button>
        <span className="row-actions">
          <button type="button" className="icon" tabIndex={-1} aria-label={`Details of ${code.label}`} title="Definition, heading, memo (Enter)" onClick={() => openDialog('codeDetails', code.id)}>
            <InfoIcon />
          </button>
          <button type="button" className="icon" tabIndex={-1} aria-label={`Rename ${code.label}`} title="Rename (F2)" onClick={() => setRenaming(true)}>
            ✎
          </button>
          <button
            type="button"
            className="icon danger"
            tabIndex={-1}
            aria-label={`Delete ${code.label}`}
            title="Delete (Del)"
            onClick={() => {
              store.getState().selectCodes(targets(), code.id);
              openDialog('deleteCodes');
            }}
          >
            ✕
          </button>
        </span>
      </div>
      {open && children.length > 0 && <div role="group">{children.map((child) => render(child, depth + 1))}</div>}
    </div>
  );
});

function PersonIcon() {
  return (
    <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
      <circle cx="6" cy="3.6" r="2.3" fill="currentColor" />
      <path d="M1.5 11.5c0-2.7 2-4.4 4.5-4.4s4.5 1.7 4.5 4.4z" fill="currentColor" />
    </svg>
  );
}

function InfoIcon() {
  return (
    <svg viewBox="0 0 14 14" width="13" height="13" aria-hidden="true">
      <circle cx="7" cy="7" r="6" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <rect x="6.3" y="6" width="1.4" height="4.2" rx="0.5" fill="currentColor" />
      <circle cx="7" cy="4.1" r="0.85" fill="currentColor" />
    </svg>
  );
}

/** Codings of a code and everything under it (`direct`: the codings on one code, of the counted coder). */
function countCodings(node: CodeTreeNode, direct: (code: Code) => number): number {
  return node.children.reduce((sum, child) => sum + countCodings(child, direct), direct(node.code));
}
