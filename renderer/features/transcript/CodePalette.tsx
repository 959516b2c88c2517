import { useMemo, useState } from 'react';
import type { Code } from '../../../shared/model/types';
import { useApp } from '../../store/StoreContext';
import { codePath } from '../../store/selectors';
import { inVivoLabel } from './domSelection';

/** Concepts matching every word of the query (case- and accent-insensitive), best first. */
export function matchConcepts(concepts: readonly Code[], query: string): Code[] {
  const fold = (s: string) => s.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const scored = concepts
    .map((code) => {
      const label = fold(code.label);
      if (!words.every((w) => label.includes(w))) return null;
      const score = (label === words.join(' ') ? 0 : label.startsWith(words[0] ?? '') ? 1 : 2) * 1000 + label.length;
      return { code, score };
    })
    .filter((x): x is { code: Code; score: number } => x !== null);
  return scored.sort((a, b) => a.score - b.score).map((x) => x.code);
}

/**
 * Quick-code palette: type to find a concept (its theme is shown), Enter applies the highlighted
 * one; the first row creates a new concept named as typed (prefilled in vivo from the selection).
 */
export function CodePalette({ passage, recodingId }: { passage: string; recodingId?: string }) {
  const codes = useApp((s) => s.codes);
  const recent = useApp((s) => s.recentConceptIds);
  const codeSelection = useApp((s) => s.codeSelection);
  const recode = useApp((s) => s.recode);
  const createCode = useApp((s) => s.createCode);
  const openPalette = useApp((s) => s.openPalette);
  const [query, setQuery] = useState(() => (recodingId ? '' : inVivoLabel(passage)));
  const [active, setActive] = useState(0);
  const concepts = useMemo(() => Object.values(codes).filter((c) => c.level === 1), [codes]);
  const matches = useMemo(() => {
    if (query.trim()) return matchConcepts(concepts, query).slice(0, 12);
    const recentCodes = recent.map((id) => codes[id]).filter((c): c is Code => !!c);
    return [...recentCodes, ...concepts.filter((c) => !recent.includes(c.id)).sort((a, b) => a.label.localeCompare(b.label))].slice(0, 12);
  }, [concepts, query, recent, codes]);
  const exact = matches.some((c) => c.label.toLocaleLowerCase() === query.trim().toLocaleLowerCase());
  const options: ({ kind: 'new'; label: string } | { kind: 'code'; code: Code })[] = [
    ...(query.trim() && !exact ? [{ kind: 'new' as const, label: query.trim() }] : []),
    ...matches.map((code) => ({ kind: 'code' as const, code })),
  ];
  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (recodingId) {
      void (async () => {
        const code = option.kind === 'new' ? await createCode(option.label, 1) : option.code;
        if (code) await recode(recodingId, code.id);
      })();
      return;
    }
    void codeSelection(option.kind === 'new' ? { concept: option.label } : { id: option.code.id });
  };
  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && openPalette(false)}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={recodingId ? 'Recode the passage' : 'Code the passage'}>
        <p className="palette-passage">“{passage.length > 140 ? `${passage.slice(0, 139)}…` : passage}”</p>
        <input
          autoFocus
          aria-label="Concept"
          placeholder="Find a concept or type a new one"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(active);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              openPalette(false);
            }
          }}
        />
        <ul role="listbox" aria-label="Matching concepts">
          {options.map((option, index) => (
            <li
              key={option.kind === 'new' ? 'new' : option.code.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : ''}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(index);
              }}
            >
              {option.kind === 'new' ? (
                <>
                  <span className="swatch new">+</span> Create concept “<strong>{option.label}</strong>”
                </>
              ) : (
                <>
                  <span className="swatch" style={{ background: option.code.color }} />
                  <span>{option.code.label}</span>
                  <span className="muted"> {codePath(codes, option.code.id) || 'not yet grouped'}</span>
                </>
              )}
            </li>
          ))}
          {options.length === 0 && <li className="muted">Type a name for a new concept</li>}
        </ul>
        <p className="palette-help muted">↑↓ to choose · Enter to code · Esc to cancel</p>
      </div>
    </div>
  );
}
