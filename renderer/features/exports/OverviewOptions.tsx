import type { OverviewTable } from '../../../shared/exports/overview';
import { DEFAULT_EXPORT_SETTINGS, type OverviewSettings } from '../../../shared/exports/settings';
import { ColumnField } from './ColumnField';
import { TemplateField } from './TemplateField';

type OverviewColumn = keyof OverviewSettings['columns'];

/** The columns each table prints, in order (pages or words by the chosen measure). */
function columnsOf(table: OverviewTable, measure: OverviewSettings['measure']): OverviewColumn[] {
  const size = measure === 'words' ? 'words' : 'pages';
  if (table === 'interviews') return ['case', 'interview', 'informants', 'date', 'length', size];
  if (table === 'documents') return ['case', 'documents', size];
  return ['label', 'case', 'role'];
}

/**
 * The options of one overview table (left side of the overview dialog): caption and number, the
 * total rows' wording for the interviews and documents tables, the attribute columns of the
 * informants table, the column titles. Every text is a template checked as the user types.
 */
export function OverviewOptions({
  table,
  draft,
  attributes,
  onChange,
}: {
  table: OverviewTable;
  draft: OverviewSettings;
  /** The project's informant attributes, in their order. */
  attributes: readonly string[];
  onChange: (patch: Partial<OverviewSettings>) => void;
}) {
  return (
    <div className="overview-options">
      <TemplateField
        label="Caption template"
        value={draft.captions[table]}
        kind="overviewCaption"
        hint="{n} is the table number (Word numbers it)"
        onChange={(value) => onChange({ captions: { ...draft.captions, [table]: value } })}
      />
      <label className="field inline">
        <span className="small">Table number</span>
        <input
          type="number"
          aria-label="Table number"
          className="narrow"
          min={0}
          value={draft.numbers[table]}
          onChange={(e) => onChange({ numbers: { ...draft.numbers, [table]: Math.max(0, Math.round(Number(e.target.value) || 0)) } })}
        />
      </label>
      {table === 'interviews' && <InterviewOptions draft={draft} onChange={onChange} />}
      {table === 'documents' && (
        <TemplateField
          label="Total row"
          value={draft.documentsTotal}
          kind="total"
          hint="{count} documents, {pages} pages, {words} words"
          onChange={(value) => onChange({ documentsTotal: value })}
        />
      )}
      {table === 'informants' && <AttributeColumns chosen={draft.informantAttributes} attributes={attributes} onChange={(informantAttributes) => onChange({ informantAttributes })} />}
      <fieldset className="field inline column-names">
        <legend>Column titles</legend>
        {columnsOf(table, draft.measure).map((key) => {
          const english = DEFAULT_EXPORT_SETTINGS.overview.columns[key];
          return <ColumnField key={key} label={`Column: ${english}`} value={draft.columns[key]} onChange={(title) => onChange({ columns: { ...draft.columns, [key]: title } })} />;
        })}
      </fieldset>
    </div>
  );
}

function InterviewOptions({ draft, onChange }: { draft: OverviewSettings; onChange: (patch: Partial<OverviewSettings>) => void }) {
  const words = draft.measure === 'words';
  return (
    <>
      <fieldset className="field inline">
        <legend>Transcript size</legend>
        <label className="check">
          <input type="radio" name="overview-measure" checked={!words} onChange={() => onChange({ measure: 'pages' })} /> Pages
        </label>
        <label className="check">
          <input type="radio" name="overview-measure" checked={words} onChange={() => onChange({ measure: 'words' })} /> Words
        </label>
      </fieldset>
      <TemplateField
        label="Total row of each case"
        value={words ? draft.totalWords : draft.total}
        kind="total"
        hint={`{duration} the summed length, ${words ? '{words} words' : '{pages} pages'}, {count} interviews, {case}`}
        onChange={(value) => onChange(words ? { totalWords: value } : { total: value })}
      />
      <TemplateField label="Length with hours" value={draft.duration} kind="duration" hint="{h} hours, {m} minutes" onChange={(value) => onChange({ duration: value })} />
      <TemplateField
        label="Length under an hour"
        value={draft.durationMinutes}
        kind="duration"
        hint="{m} minutes"
        onChange={(value) => onChange({ durationMinutes: value })}
      />
      <label className="field inline">
        <span className="small">Heading of interviews not used</span>
        <input type="text" aria-label="Heading of interviews not used" value={draft.notUsed} onChange={(e) => onChange({ notUsed: e.target.value })} />
      </label>
    </>
  );
}

/** A checklist of the project's informant attributes; ticked ones become columns in the order ticked. */
function AttributeColumns({
  chosen,
  attributes,
  onChange,
}: {
  chosen: readonly string[];
  attributes: readonly string[];
  onChange: (chosen: readonly string[]) => void;
}) {
  const isChosen = (name: string) => chosen.some((c) => c.toLocaleLowerCase() === name.toLocaleLowerCase());
  const shown = chosen.filter((c) => attributes.some((a) => a.toLocaleLowerCase() === c.toLocaleLowerCase()));
  return (
    <fieldset className="field inline">
      <legend>Attribute columns</legend>
      {attributes.length === 0 ? (
        <p className="muted small">The project has no informant attributes yet. Add them in Compare ▸ Informants table (+ Attribute column).</p>
      ) : (
        attributes.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={isChosen(name)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, name] : chosen.filter((c) => c.toLocaleLowerCase() !== name.toLocaleLowerCase()))}
            />{' '}
            {name}
          </label>
        ))
      )}
      {shown.length > 0 && <p className="muted small">Extra columns, in the order ticked: {shown.join(', ')}.</p>}
    </fieldset>
  );
}
