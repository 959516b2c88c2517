import { useState, type ReactNode } from 'react';
import type { Code } from '../../../shared/model/types';
import { useApp } from '../../store/StoreContext';
import type { CodeTreeNode } from '../../store/selectors';
import { endCodeDrag, startCodeDrag, useCodeDrop } from './dragAndDrop';

const LEVEL_CLASS = { 1: 'concept', 2: 'theme', 3: 'dimension' } as const;

/** One code in the tree, with its children: drag to regroup, double-click or F2 to rename, colour, delete. */
export function CodeRow({
  node,
  depth,
  onDelete,
  render,
}: {
  node: CodeTreeNode;
  depth: number;
  onDelete: (code: Code) => void;
  render: (node: CodeTreeNode, depth: number) => ReactNode;
}) {
  const { code, children } = node;
  const updateCode = useApp((s) => s.updateCode);
  const showSegments = useApp((s) => s.showSegments);
  const [renaming, setRenaming] = useState(false);
  const [open, setOpen] = useState(true);
  const drop = useCodeDrop(code);
  const kind = code.level ? LEVEL_CLASS[code.level] : 'unplaced';
  const total = countCodings(node);
  return (
    <div className={`code-node ${kind}`} role="treeitem" aria-level={depth + 1} aria-expanded={children.length ? open : undefined} aria-label={code.label}>
      <div
        className={`code-row${drop.over ? ' drop-ok' : ''}`}
        draggable={!renaming}
        onDragStart={(e) => startCodeDrag(e, code)}
        onDragEnd={endCodeDrag}
        onDragOver={drop.onDragOver}
        onDragLeave={drop.onDragLeave}
        onDrop={drop.onDrop}
        tabIndex={0}
        data-code-id={code.id}
        onKeyDown={(e) => {
          if (renaming) return;
          if (e.key === 'F2') {
            e.preventDefault();
            setRenaming(true);
          } else if (e.key === 'Delete') {
            e.preventDefault();
            onDelete(code);
          }
        }}
      >
        {children.length > 0 ? (
          <button type="button" className="twisty" aria-label={open ? 'Collapse' : 'Expand'} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <label className="swatch-picker" title="Change colour">
          <span className="swatch" style={{ background: code.color }} />
          <input type="color" value={code.color} aria-label={`Colour of ${code.label}`} onChange={(e) => void updateCode(code.id, { color: e.target.value })} />
        </label>
        {renaming ? (
          <input
            className="rename"
            autoFocus
            defaultValue={code.label}
            aria-label={`Rename ${code.label}`}
            onFocus={(e) => e.target.select()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                const label = e.currentTarget.value.trim();
                if (label && label !== code.label) void updateCode(code.id, { label });
                setRenaming(false);
              } else if (e.key === 'Escape') setRenaming(false);
            }}
            onBlur={(e) => {
              const label = e.currentTarget.value.trim();
              if (label && label !== code.label) void updateCode(code.id, { label });
              setRenaming(false);
            }}
          />
        ) : (
          <span className="code-label" onDoubleClick={() => setRenaming(true)} title={code.description || code.label}>
            {code.label}
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
          <button type="button" className="icon" aria-label={`Rename ${code.label}`} title="Rename (F2)" onClick={() => setRenaming(true)}>
            ✎
          </button>
          <button type="button" className="icon danger" aria-label={`Delete ${code.label}`} title="Delete (Del)" onClick={() => onDelete(code)}>
            ✕
          </button>
        </span>
      </div>
      {open && children.length > 0 && <div role="group">{children.map((child) => render(child, depth + 1))}</div>}
    </div>
  );
}

/** Codings of a code and everything under it. */
function countCodings(node: CodeTreeNode): number {
  return node.children.reduce((sum, child) => sum + countCodings(child), node.code.codingCount);
}
