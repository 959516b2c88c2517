import { useEffect, useRef, useState } from 'react';
import { fillCaption, MAX_FONT_SIZE, MIN_FONT_SIZE, type StructureOptions } from '../../../shared/layout/options';
import type { FigureOptionsPatch } from '../../store/slices/figureSlice';

/** Type sizes offered (points). */
export const FONT_SIZES: readonly number[] = [8, 8.5, 9, 9.5, 10, 10.5, 11, 12, 13, 14].filter((s) => s >= MIN_FONT_SIZE && s <= MAX_FONT_SIZE);

/** The caption placeholders and what each stands for. */
const PLACEHOLDERS: readonly { key: string; help: string }[] = [
  { key: '{project}', help: 'the project name' },
  { key: '{dimension}', help: 'the dimension of a split part' },
  { key: '{part}', help: 'the number of a split part' },
  { key: '{level1}', help: 'the name of the first level' },
  { key: '{level2}', help: 'the name of the second level' },
  { key: '{level3}', help: 'the name of the third level' },
];

/** Ready-made thesis captions. */
export const CAPTION_PRESETS: readonly { label: string; template: string }[] = [
  { label: 'English', template: 'Figure 1: Data structure. Source: own work, based on Gioia et al. (2013).' },
  { label: 'Norsk', template: 'Figur 1: Datastruktur. Kilde: Egenprodusert, basert på Gioia et al. (2013).' },
  { label: 'Per dimension', template: 'Figure {part}: Data structure of “{dimension}”. Source: own work.' },
];

/**
 * Every option of the figure, applied at once and saved in the project: counts, shading, order,
 * which concepts, connectors, type size, language, page and caption. Used by the structure view's
 * side column and by the export dialog.
 */
export function FigureOptionsPanel({
  options,
  levels,
  projectName,
  onChange,
  idPrefix,
}: {
  options: StructureOptions;
  levels: readonly [string, string, string];
  projectName: string;
  onChange: (patch: FigureOptionsPatch) => void;
  idPrefix: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="figure-options-form">
      <section>
        <h3>Content</h3>
        <label className="option" htmlFor={id('counts')}>
          <span>Counts</span>
          <select id={id('counts')} title="Codings and/or informants under each concept" value={options.counts} onChange={(e) => onChange({ counts: e.target.value as StructureOptions['counts'] })}>
            <option value="none">None</option>
            <option value="codings">Codings</option>
            <option value="informants">Informants</option>
            <option value="both">Both</option>
          </select>
        </label>
        <label className="option" htmlFor={id('order')}>
          <span>Order</span>
          <select id={id('order')} title="Order within each group" value={options.order} onChange={(e) => onChange({ order: e.target.value as StructureOptions['order'] })}>
            <option value="manual">Codebook</option>
            <option value="support">Most support first</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.onlyRepresentative} onChange={(e) => onChange({ onlyRepresentative: e.target.checked })} />
          Only {levels[0].toLocaleLowerCase()} with a starred quote
        </label>
        <label className="check">
          <input type="checkbox" checked={options.ungrouped} onChange={(e) => onChange({ ungrouped: e.target.checked })} />
          List {levels[0].toLocaleLowerCase()} not yet grouped
        </label>
      </section>
      <section>
        <h3>Look</h3>
        <label className="option" htmlFor={id('fill')}>
          <span>Fill</span>
          <select id={id('fill')} title="Grey prints well; informant support shades each concept by how many informants back it" value={options.fill} onChange={(e) => onChange({ fill: e.target.value as StructureOptions['fill'] })}>
            <option value="plain">Grey</option>
            <option value="support">Informant support</option>
            <option value="codeColour">Code colours</option>
          </select>
        </label>
        <label className="option" htmlFor={id('connector')}>
          <span>Connectors</span>
          <select id={id('connector')} title="Brackets with an arrow to the group, or one line per box" value={options.connector} onChange={(e) => onChange({ connector: e.target.value as StructureOptions['connector'] })}>
            <option value="bracket">Brackets</option>
            <option value="lines">Lines</option>
          </select>
        </label>
        <label className="option" htmlFor={id('font')}>
          <span>Type size</span>
          <select id={id('font')} value={String(options.fontSize)} onChange={(e) => onChange({ fontSize: Number(e.target.value) })}>
            {[...new Set([...FONT_SIZES, options.fontSize])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={String(size)}>
                  {String(size).replace('.', ',')} pt
                </option>
              ))}
          </select>
        </label>
        <label className="option" htmlFor={id('locale')}>
          <span>Language</span>
          <select id={id('locale')} value={options.locale} onChange={(e) => onChange({ locale: e.target.value as StructureOptions['locale'] })} title="Language of counts, legend and “not yet grouped”">
            <option value="en">English</option>
            <option value="nb">Norsk (bokmål)</option>
          </select>
        </label>
      </section>
      <section>
        <h3>Page</h3>
        <label className="option" htmlFor={id('orientation')}>
          <span>Orientation</span>
          <select id={id('orientation')} title="Portrait fits 16 cm, landscape 24.7 cm of text width; automatic picks portrait when the figure fits the page" value={options.orientation} onChange={(e) => onChange({ orientation: e.target.value as StructureOptions['orientation'] })}>
            <option value="auto">Automatic</option>
            <option value="portrait">Portrait</option>
            <option value="landscape">Landscape</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.split} onChange={(e) => onChange({ split: e.target.checked })} />
          One figure per {levels[2].toLocaleLowerCase().replace(/s$/, '')}
        </label>
      </section>
      <CaptionField template={options.caption} projectName={projectName} levels={levels} onCommit={(caption) => onChange({ caption })} id={id('caption')} />
    </div>
  );
}

/** The caption template: typed freely, saved on Enter or leaving the field, previewed as it will read. */
function CaptionField({
  template,
  projectName,
  levels,
  onCommit,
  id,
}: {
  template: string;
  projectName: string;
  levels: readonly [string, string, string];
  onCommit: (caption: string) => void;
  id: string;
}) {
  const [draft, setDraft] = useState(template);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => setDraft(template), [template]);
  const commit = (value: string) => {
    if (value !== template) onCommit(value);
  };
  const insert = (text: string) => {
    const area = ref.current;
    const at = area?.selectionStart ?? draft.length;
    const end = area?.selectionEnd ?? at;
    const next = draft.slice(0, at) + text + draft.slice(end);
    setDraft(next);
    commit(next);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + text.length, at + text.length);
    });
  };
  const preview = fillCaption(draft, { project: projectName, dimension: '', part: null, levels });
  return (
    <section>
      <h3>Caption</h3>
      <label className="field compact" htmlFor={id}>
        <span className="small muted">Template (empty for none)</span>
        <textarea
          id={id}
          ref={ref}
          rows={3}
          aria-label="Caption"
          value={draft}
          placeholder="e.g. Figure 5: Data structure. Source: own work, based on Gioia et al. (2013)."
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              commit(e.currentTarget.value);
            }
          }}
        />
      </label>
      <div className="chips" aria-label="Insert a placeholder">
        {PLACEHOLDERS.map((p) => (
          <button key={p.key} type="button" className="chip" title={`Insert ${p.help}`} onMouseDown={(e) => e.preventDefault()} onClick={() => insert(p.key)}>
            {p.key}
          </button>
        ))}
      </div>
      <div className="chips presets">
        <span className="small muted">Use:</span>
        {CAPTION_PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="link small"
            title={p.template}
            onClick={() => {
              setDraft(p.template);
              commit(p.template);
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      {draft.trim() && (
        <p className="caption-preview" aria-label="Caption preview">
          {preview}
        </p>
      )}
    </section>
  );
}
