import { useEffect, useMemo, useState } from 'react';
import type { ExportDoc } from '../../../shared/exports/document';
import { informantQuotesToDoc } from '../../../shared/exports/informantQuotes';
import { overviewToDoc, type OverviewTable } from '../../../shared/exports/overview';
import type { ExportFormat } from '../../../shared/exports/settings';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import type { ExportOutcome } from '../../store/slices/exportsSlice';
import { DocTablesPreview } from './DocTablePreview';
import { ExportDone } from './ExportDone';
import { FormatSelect } from './FormatSelect';
import './exports.css';

type Tab = OverviewTable | 'informantQuotes';

const TABS: readonly { id: Tab; label: string; about: string }[] = [
  { id: 'interviews', label: 'Interviews', about: 'Interviews grouped by case, with date, length and transcript pages, and a total per case.' },
  { id: 'documents', label: 'Documents', about: 'Documents and pages per case (secondary data).' },
  { id: 'informants', label: 'Informants', about: 'Informants with their case and role.' },
  { id: 'informantQuotes', label: 'Quotes per informant', about: 'Everything quoted from one informant, with context: send it to them for member checking.' },
];

/**
 * Export ▸ Overview tables: the interviews, documents and informants tables of a method chapter,
 * and one informant's quote list for member checking, each with a preview and a format.
 */
export function ExportOverviewDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const settings = useApp((s) => s.exportSettings);
  const loadExportSettings = useApp((s) => s.loadExportSettings);
  const informants = useApp((s) => s.informants);
  const previewOverview = useApp((s) => s.previewOverview);
  const previewInformantQuotes = useApp((s) => s.previewInformantQuotes);
  const exportOverview = useApp((s) => s.exportOverview);
  const exportInformantQuotes = useApp((s) => s.exportInformantQuotes);
  const [tab, setTab] = useState<Tab>('interviews');
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [informantId, setInformantId] = useState<string>('');
  const [doc, setDoc] = useState<ExportDoc | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => openDialog(null);
  const chosenInformant = informantId || informants[0]?.id || '';

  useEffect(() => void loadExportSettings(), [loadExportSettings]);
  useEffect(() => {
    if (!settings) return;
    let live = true;
    setDoc(null);
    if (tab === 'informantQuotes') {
      if (chosenInformant)
        void previewInformantQuotes(chosenInformant, {}).then((list) => live && list && setDoc(informantQuotesToDoc(list, settings.informantQuotes, '')));
    } else void previewOverview(tab, {}).then((overview) => live && overview && setDoc(overviewToDoc(overview, settings.overview, '')));
    return () => {
      live = false;
    };
  }, [tab, settings, chosenInformant, previewOverview, previewInformantQuotes]);
  const about = useMemo(() => TABS.find((t) => t.id === tab)!.about, [tab]);

  return (
    <Dialog title="Export overview tables" onClose={close} className="export-dialog">
      <div className="overview-tabs" role="tablist" aria-label="Which table">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => (setTab(t.id), setOutcome(null))}>
            {t.label}
          </button>
        ))}
      </div>
      <p className="muted small">{about} Captions and labels follow the export settings (language) of the quotes export.</p>
      {tab === 'informantQuotes' && (
        <label className="field inline">
          <span className="small">Informant</span>
          <select aria-label="Informant" value={chosenInformant} onChange={(e) => (setInformantId(e.target.value), setOutcome(null))}>
            {informants.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="tx-preview overview-preview">
        {doc ? <DocTablesPreview tables={doc.tables} label="Preview of the table" /> : <p className="muted">Preparing the preview…</p>}
      </div>
      {outcome && <ExportDone outcome={outcome} what={tab === 'informantQuotes' ? 'quotes' : 'rows'} />}
      <div className="dialog-actions tx-actions">
        <FormatSelect value={format} onChange={(f) => (setFormat(f), setOutcome(null))} />
        <span className="spacer" />
        <button type="button" onClick={close}>
          {outcome ? 'Close' : 'Cancel'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || (tab === 'informantQuotes' && !chosenInformant)}
          onClick={() => {
            setBusy(true);
            const run = tab === 'informantQuotes' ? exportInformantQuotes(chosenInformant, format, {}) : exportOverview(tab, format, {});
            void run.then((r) => {
              setBusy(false);
              if (r) setOutcome(r);
            });
          }}
        >
          {busy ? 'Exporting…' : `Export ${format.toUpperCase()}`}
        </button>
      </div>
    </Dialog>
  );
}
