import { useEffect, useMemo, useState } from 'react';
import { quoteTablesToDoc } from '../../../shared/exports/quoteDocument';
import type { ExportFormat } from '../../../shared/exports/settings';
import { Dialog } from '../../components/Dialog';
import { RunActions } from '../../components/RunActions';
import { useApp } from '../../store/StoreContext';
import type { ExportOutcome } from '../../store/slices/exportsSlice';
import { DocTablesPreview } from './DocTablePreview';
import { ExportDone } from './ExportDone';
import { ExportWarnings } from './ExportWarnings';
import { FormatSelect } from './FormatSelect';
import { LanguageSelect } from './LanguageSelect';
import { QuoteOptions, type QuoteDraft } from './QuoteOptions';
import { applyLanguagePreset, draftToOptions } from './quoteDraft';
import './exports.css';

/**
 * Export ▸ Representative quotes tables: the options on the left, on the right a live preview of
 * the tables as Word will show them and the checks' warnings (never blocking). The choices are kept
 * in the project when exporting, so the next export (and the CLI) starts from them.
 */
export function ExportQuotesDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const settings = useApp((s) => s.exportSettings);
  const loadExportSettings = useApp((s) => s.loadExportSettings);
  const levels = useApp((s) => s.project?.levels) ?? (['Concept', 'Theme', 'Dimension'] as const);
  const [draft, setDraft] = useState<QuoteDraft | null>(null);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const exportQuotes = useApp((s) => s.exportQuotes);
  const close = () => openDialog(null);

  const [loaded, setLoaded] = useState(false);
  // Start from the project's settings as they are now (another window or an undo may have changed them).
  useEffect(() => void loadExportSettings().finally(() => setLoaded(true)), [loadExportSettings]);
  useEffect(() => {
    if (loaded && settings && !draft) setDraft(settings.quotes);
  }, [loaded, settings, draft]);

  const change = (patch: Partial<QuoteDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setOutcome(null);
  };

  return (
    <Dialog title="Export representative quotes tables" onClose={close} className="export-dialog">
      {!draft ? (
        <p className="muted">Loading the project's export settings…</p>
      ) : (
        <div className="tx-layout">
          <div className="tx-options">
            <LanguageSelect onApply={(id) => change(applyLanguagePreset(draft, id))} />
            <QuoteOptions draft={draft} levels={levels} onChange={change} />
          </div>
          <QuotePreviewPane draft={draft} format={format} />
        </div>
      )}
      {outcome && <ExportDone outcome={outcome} what={outcome.rows === 1 ? 'quote' : 'quotes'} />}
      <RunActions
        className="tx-actions"
        leading={draft && <FormatSelect value={format} onChange={(f) => (setFormat(f), setOutcome(null))} />}
        done={!!outcome}
        disabled={!draft || draftToOptions(draft).blocked}
        why={draft ? 'Fix the template marked in red first' : undefined}
        label={`Export ${format.toUpperCase()}`}
        busyLabel="Exporting…"
        onClose={close}
        onRun={async () => {
          const r = draft && (await exportQuotes(format, draftToOptions(draft).options));
          if (r) setOutcome(r);
        }}
      />
    </Dialog>
  );
}

/** The preview, fetched again (coalesced) whenever the options change. */
function QuotePreviewPane({ draft, format }: { draft: QuoteDraft; format: ExportFormat }) {
  const previewQuotes = useApp((s) => s.previewQuotes);
  const preview = useApp((s) => s.quotePreview);
  const options = useMemo(() => draftToOptions(draft).options, [draft]);
  useEffect(() => void previewQuotes(options, format), [options, format, previewQuotes]);
  const doc = useMemo(() => (preview.status === 'ready' ? quoteTablesToDoc(preview.value.model, '') : null), [preview]);
  return (
    <div className="tx-preview">
      <div className="preview-header">
        <h3>Preview</h3>
        {preview.status === 'ready' && (
          <span className="muted small">
            {preview.value.model.quoteCount} quote{preview.value.model.quoteCount === 1 ? '' : 's'} in {preview.value.model.tables.length} table
            {preview.value.model.tables.length === 1 ? '' : 's'} · fonts come from your Word template
          </span>
        )}
      </div>
      {preview.status === 'error' && (
        <p className="field-error" role="alert">
          {preview.message}
        </p>
      )}
      {preview.status === 'ready' && preview.value.model.quoteCount === 0 && (
        <p className="hint">
          No quotes to show yet. Star passages as representative quotes (★ in a coding's details), or choose “All codings”.
        </p>
      )}
      {preview.status === 'ready' && <ExportWarnings warnings={preview.value.warnings} />}
      {doc && doc.tables.length > 0 && <DocTablesPreview tables={doc.tables} label="Preview of the quote tables" />}
    </div>
  );
}
