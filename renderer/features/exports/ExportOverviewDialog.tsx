import { useEffect, useMemo, useState } from 'react';
import type { ExportDoc } from '../../../shared/exports/document';
import { informantQuotesToDoc } from '../../../shared/exports/informantQuotes';
import { overviewToDoc, type OverviewTable } from '../../../shared/exports/overview';
import { mergeSettings, type ExportFormat, type InformantQuoteSettings, type OverviewSettings } from '../../../shared/exports/settings';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp } from '../../store/StoreContext';
import type { ExportOutcome } from '../../store/slices/exportsSlice';
import { DocTablesPreview } from './DocTablePreview';
import { ExportDone } from './ExportDone';
import { FormatSelect } from './FormatSelect';
import { LanguageSelect } from './LanguageSelect';
import { OverviewOptions } from './OverviewOptions';
import { applyOverviewLanguage, informantQuotesDraftToOptions, overviewDraftToOptions } from './overviewDraft';
import { InformantQuoteOptions } from './InformantQuoteOptions';
import './exports.css';

type Tab = OverviewTable | 'informantQuotes';

const TABS: readonly { id: Tab; label: string; about: string }[] = [
  { id: 'interviews', label: 'Interviews', about: 'Interviews grouped by case, with date, length and transcript pages, and a total per case.' },
  { id: 'documents', label: 'Documents', about: 'Documents and pages per case (secondary data).' },
  { id: 'informants', label: 'Informants', about: 'Informants with their case, role and the attributes you choose.' },
  { id: 'informantQuotes', label: 'Quotes per informant', about: 'Everything quoted from one informant, with context: send it to them for member checking.' },
];

/**
 * Export ▸ Overview tables: the interviews, documents and informants tables of a method chapter,
 * and one informant's quote list for member checking, each with a preview and a format. The
 * wording (captions, total rows, lengths) and the informants table's attribute columns are edited
 * on the left and kept in the project when exporting, like the quote tables' choices.
 */
export function ExportOverviewDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const settings = useApp((s) => s.exportSettings);
  const loadExportSettings = useApp((s) => s.loadExportSettings);
  const loadExportAttributes = useApp((s) => s.loadExportAttributes);
  const attributes = useApp((s) => s.exportAttributes);
  const informants = useApp((s) => s.informants);
  const previewOverview = useApp((s) => s.previewOverview);
  const previewInformantQuotes = useApp((s) => s.previewInformantQuotes);
  const exportOverview = useApp((s) => s.exportOverview);
  const exportInformantQuotes = useApp((s) => s.exportInformantQuotes);
  const [tab, setTab] = useState<Tab>('interviews');
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [informantId, setInformantId] = useState<string>('');
  const [draft, setDraft] = useState<OverviewSettings | null>(null);
  const [listDraft, setListDraft] = useState<InformantQuoteSettings | null>(null);
  const [doc, setDoc] = useState<ExportDoc | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [loaded, setLoaded] = useState(false);
  const close = () => openDialog(null);
  const chosenInformant = informantId || informants[0]?.id || '';

  // Start from the project's settings as they are now (an undo may have changed them).
  useEffect(() => void Promise.all([loadExportSettings(), loadExportAttributes()]).finally(() => setLoaded(true)), [loadExportSettings, loadExportAttributes]);
  useEffect(() => {
    if (loaded && settings && !draft) setDraft(settings.overview);
    if (loaded && settings && !listDraft) setListDraft(settings.informantQuotes);
  }, [loaded, settings, draft, listDraft]);
  const table = tab === 'informantQuotes' ? null : tab;
  const list = useMemo(() => (listDraft ? informantQuotesDraftToOptions(listDraft) : null), [listDraft]);
  const prepared = useMemo(() => (draft && table ? overviewDraftToOptions(draft, table, attributes) : null), [draft, table, attributes]);

  useEffect(() => {
    if (!settings || !draft) return;
    let live = true;
    if (tab === 'informantQuotes') {
      if (chosenInformant && list) {
        const shown = mergeSettings(settings.informantQuotes, list.options);
        void previewInformantQuotes(chosenInformant, list.options).then((quotes) => live && quotes && setDoc(informantQuotesToDoc(quotes, shown, '')));
      }
    } else if (prepared) {
      // The previous preview stays while the next one comes, so typing in a template does not flicker.
      // Laid over the saved settings, not the draft: a template being typed may not parse yet.
      const shown = mergeSettings(settings.overview, prepared.options);
      void previewOverview(tab, prepared.options).then((overview) => live && overview && setDoc(overviewToDoc(overview, shown, '')));
    }
    return () => {
      live = false;
    };
  }, [tab, settings, draft, prepared, chosenInformant, list, previewOverview, previewInformantQuotes]);
  const about = useMemo(() => TABS.find((t) => t.id === tab)!.about, [tab]);
  const change = (patch: Partial<OverviewSettings>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setOutcome(null);
  };
  const changeList = (patch: Partial<InformantQuoteSettings>) => {
    setListDraft((d) => (d ? { ...d, ...patch } : d));
    setOutcome(null);
  };
  const blocked = tab === 'informantQuotes' ? !chosenInformant || !list || list.blocked : !prepared || prepared.blocked;

  return (
    <Dialog title="Export overview tables" onClose={close} className="export-dialog">
      <div className="overview-tabs" role="tablist" aria-label="Which table">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => (setTab(t.id), setDoc(null), setOutcome(null))}>
            {t.label}
          </button>
        ))}
      </div>
      <p className="muted small">{about}</p>
      <div className="tx-layout">
        <div className="tx-options">
          {table && draft && (
            <>
              <LanguageSelect onApply={(id) => change(applyOverviewLanguage(draft, id))} />
              <OverviewOptions table={table} draft={draft} attributes={attributes} onChange={change} />
              <p className="muted small">Kept in the project when you export, for the next export and the command line.</p>
            </>
          )}
          {table && !draft && <p className="muted">Loading the project's export settings…</p>}
          {tab === 'informantQuotes' && listDraft && (
            <>
              <InformantQuoteOptions
                informants={informants}
                informantId={chosenInformant}
                onInformant={(id) => (setInformantId(id), setOutcome(null))}
                draft={listDraft}
                onChange={changeList}
              />
              <p className="muted small">Kept in the project when you export.</p>
            </>
          )}
        </div>
        <div className="tx-preview overview-preview">
          {doc ? <DocTablesPreview tables={doc.tables} label="Preview of the table" /> : <p className="muted">Preparing the preview…</p>}
        </div>
      </div>
      {outcome && <ExportDone outcome={outcome} what={tab === 'informantQuotes' ? 'quotes' : 'rows'} />}
      <RunActions
        className="tx-actions"
        leading={<FormatSelect value={format} onChange={(f) => (setFormat(f), setOutcome(null))} />}
        done={!!outcome}
        disabled={blocked}
        why={chosenInformant || tab !== 'informantQuotes' ? 'Fix the template marked in red first' : 'The project has no informants yet'}
        label={`Export ${format.toUpperCase()}`}
        busyLabel="Exporting…"
        onClose={close}
        onRun={() =>
          (tab === 'informantQuotes' ? exportInformantQuotes(chosenInformant, format, list!.options) : exportOverview(tab, format, prepared!.options)).then((r) => r && setOutcome(r))
        }
      />
    </Dialog>
  );
}
