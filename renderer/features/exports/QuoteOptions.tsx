import { ANONYMITY_LEVELS, type AnonymityLevel, type AttributionStyle, type QuoteMarks, type QuoteTableSettings } from '../../../shared/exports/settings';
import { TemplateField } from './TemplateField';
import { ColumnField } from './ColumnField';

/** The quote-table settings as the dialog edits them (every field present). */
export type QuoteDraft = QuoteTableSettings;

const ATTRIBUTION_CHOICES: readonly { value: AttributionStyle; label: string }[] = [
  { value: 'pseudonym', label: 'Pseudonym — «…» (Inger)' },
  { value: 'role', label: 'Role label — «…» (Informant KS)' },
  { value: 'case', label: 'Case — «…» (Informant from Bærum)' },
  { value: 'anonymous', label: 'Anonymous — «…» (Informant)' },
  { value: 'footnote', label: 'Footnote — «…»¹ (Word only)' },
  { value: 'custom', label: 'Custom template' },
];

const MARK_CHOICES: readonly { value: QuoteMarks; label: string }[] = [
  { value: 'guillemets', label: '« » (Norwegian, French)' },
  { value: 'curly', label: '“ ” (English)' },
  { value: 'straight', label: '" " (plain)' },
];

const LEVEL_NAMES: Readonly<Record<AnonymityLevel, string>> = { pseudonym: 'Pseudonym', role: 'Role label', case: 'Case', anonymous: 'Anonymous' };

/** Which `names` template the attribution style prints. */
function nameKeyOf(style: AttributionStyle): AnonymityLevel | null {
  return style === 'footnote' || style === 'custom' ? null : style;
}

/**
 * The options of the quote tables (left side of the export dialog). Column fields show the
 * project's level names as placeholders: left empty, the tables use them.
 */
export function QuoteOptions({
  draft,
  levels,
  onChange,
}: {
  draft: QuoteDraft;
  levels: readonly [string, string, string];
  onChange: (patch: Partial<QuoteDraft>) => void;
}) {
  const nameKey = nameKeyOf(draft.attribution);
  return (
    <div className="quote-options">
      <fieldset className="field inline">
        <legend>Tables</legend>
        {(
          [
            ['dimension', `One per ${levels[2].toLowerCase()}`],
            ['theme', `One per ${levels[1].toLowerCase()}`],
            ['all', 'One combined table'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name="quote-per" checked={draft.per === value} onChange={() => onChange({ per: value })} /> {label}
          </label>
        ))}
      </fieldset>

      <fieldset className="field inline">
        <legend>Quotes</legend>
        <label className="check">
          <input type="radio" name="quote-selection" checked={draft.selection === 'representative'} onChange={() => onChange({ selection: 'representative' })} /> Starred
          quotes (★), in your order
        </label>
        <label className="check">
          <input type="radio" name="quote-selection" checked={draft.selection === 'all'} onChange={() => onChange({ selection: 'all' })} /> All codings
        </label>
        <label className="check indent">
          At most{' '}
          <input
            type="number"
            aria-label="At most this many quotes per theme"
            min={1}
            className="narrow"
            placeholder="all"
            value={draft.capPerTheme ?? ''}
            onChange={(e) => onChange({ capPerTheme: e.target.value ? Math.max(1, Math.round(Number(e.target.value))) : null })}
          />{' '}
          per {levels[1].toLowerCase()}
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.conceptColumn} onChange={(e) => onChange({ conceptColumn: e.target.checked })} /> Add a column for the {levels[0].toLowerCase()}
        </label>
      </fieldset>

      <fieldset className="field inline">
        <legend>Quote text</legend>
        <label className="check">
          <input type="radio" name="quote-source" checked={draft.source === 'excerpt'} onChange={() => onChange({ source: 'excerpt' })} /> Publication excerpt (with “(…)”) where
          written
        </label>
        <label className="check">
          <input type="radio" name="quote-source" checked={draft.source === 'passage'} onChange={() => onChange({ source: 'passage' })} /> Always the full coded passage
        </label>
      </fieldset>

      <label className="field inline">
        <span className="small">Quotation marks</span>
        <select aria-label="Quotation marks" value={draft.marks} onChange={(e) => onChange({ marks: e.target.value as QuoteMarks })}>
          {MARK_CHOICES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>

      <label className="field inline">
        <span className="small">Attribution</span>
        <select aria-label="Attribution" value={draft.attribution} onChange={(e) => onChange({ attribution: e.target.value as AttributionStyle })}>
          {ATTRIBUTION_CHOICES.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      {nameKey && (
        <TemplateField
          label="Attribution wording"
          kind="name"
          value={draft.names[nameKey]}
          hint="Placeholders: {label} {case} {role} {document} {page}"
          onChange={(value) => onChange({ names: { ...draft.names, [nameKey]: value } })}
        />
      )}
      {draft.attribution === 'footnote' && (
        <label className="field inline">
          <span className="small">The footnote names</span>
          <select aria-label="The footnote names" value={draft.footnoteLevel} onChange={(e) => onChange({ footnoteLevel: e.target.value as AnonymityLevel })}>
            {ANONYMITY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      )}
      {draft.attribution === 'custom' && (
        <TemplateField
          label="Custom attribution template"
          kind="custom"
          requires="quote"
          value={draft.customTemplate}
          hint="e.g. «{quote}» – {case}"
          onChange={(value) => onChange({ customTemplate: value })}
        />
      )}
      <p className="muted small">A quote can override the anonymity level in its coding details.</p>

      <TemplateField
        label="Caption template"
        kind="caption"
        value={draft.caption}
        hint="Placeholders: {n} (table number) {dimension} {theme}"
        onChange={(value) => onChange({ caption: value })}
      />
      <label className="field inline">
        <span className="small">First table number</span>
        <input
          type="number"
          aria-label="First table number"
          min={0}
          className="narrow"
          value={draft.startNumber}
          onChange={(e) => onChange({ startNumber: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
        />
      </label>
      <TemplateField
        label="Heading before each table (optional)"
        kind="heading"
        value={draft.heading}
        hint="Empty: no heading"
        onChange={(value) => onChange({ heading: value })}
      />

      <fieldset className="field inline column-names">
        <legend>Column titles</legend>
        <span className="muted small">Empty: your level name (shown in grey)</span>
        <ColumnField label={`Column: ${levels[2]}`} value={draft.columns.dimension} placeholder={levels[2]} onChange={(dimension) => onChange({ columns: { ...draft.columns, dimension } })} />
        <ColumnField label={`Column: ${levels[1]}`} value={draft.columns.theme} placeholder={levels[1]} onChange={(theme) => onChange({ columns: { ...draft.columns, theme } })} />
        {draft.conceptColumn && (
          <ColumnField label={`Column: ${levels[0]}`} value={draft.columns.concept} placeholder={levels[0]} onChange={(concept) => onChange({ columns: { ...draft.columns, concept } })} />
        )}
        <ColumnField label="Column: Quotes" value={draft.columns.quote} placeholder="Representative quotes" onChange={(quote) => onChange({ columns: { ...draft.columns, quote } })} />
      </fieldset>
    </div>
  );
}
