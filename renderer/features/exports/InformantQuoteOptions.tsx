import { DEFAULT_EXPORT_SETTINGS, type InformantQuoteSettings } from '../../../shared/exports/settings';
import type { Informant } from '../../../shared/model/types';
import { ColumnField } from './ColumnField';
import { LanguageSelect } from './LanguageSelect';
import { applyInformantQuotesLanguage } from './overviewDraft';
import { TemplateField } from './TemplateField';

const COLUMNS = ['document', 'quote', 'context', 'codes', 'attribution'] as const;

/**
 * The options of one informant's quote list (for member checking): whose quotes, all or only the
 * starred ones, and the wording of the caption and column titles, kept in the project on export.
 */
export function InformantQuoteOptions({
  informants,
  informantId,
  onInformant,
  draft,
  onChange,
}: {
  informants: readonly Informant[];
  informantId: string;
  onInformant: (id: string) => void;
  draft: InformantQuoteSettings;
  onChange: (patch: Partial<InformantQuoteSettings>) => void;
}) {
  return (
    <>
      <label className="field inline">
        <span className="small">Informant</span>
        <select aria-label="Informant" value={informantId} onChange={(e) => onInformant(e.target.value)}>
          {informants.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.selection === 'representative'} onChange={(e) => onChange({ selection: e.target.checked ? 'representative' : 'all' })} /> Only
        starred quotes (★)
      </label>
      <p className="muted small">Each quote with the paragraphs around it, its codes and how the tables attribute it.</p>
      <LanguageSelect onApply={(id) => onChange(applyInformantQuotesLanguage(draft, id))} />
      <TemplateField
        label="Caption template"
        value={draft.caption}
        kind="informantCaption"
        hint="{label} the informant, {case}, {role}, {count} quotes"
        onChange={(caption) => onChange({ caption })}
      />
      <fieldset className="field inline column-names">
        <legend>Column titles</legend>
        {COLUMNS.map((key) => {
          const english = DEFAULT_EXPORT_SETTINGS.informantQuotes.columns[key];
          return <ColumnField key={key} label={`Column: ${english}`} value={draft.columns[key]} onChange={(title) => onChange({ columns: { ...draft.columns, [key]: title } })} />;
        })}
      </fieldset>
    </>
  );
}
