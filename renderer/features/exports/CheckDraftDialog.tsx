import type { DraftFinding, DraftFindingKind, DraftReport } from '../../../shared/exports/draftCheck';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../store/StoreContext';
import './exports.css';

/** Each kind of finding in words a thesis student understands, in the order they matter. */
const KINDS: readonly { kind: DraftFindingKind; title: string }[] = [
  { kind: 'pseudonym-with-case', title: 'Pseudonym next to a case name that reveals who it is' },
  { kind: 'wrong-case', title: 'Pseudonym next to the wrong case' },
  { kind: 'no-match', title: 'No matching passage in the interviews' },
  { kind: 'wrong-informant', title: 'The words are another informant’s' },
  { kind: 'differs-from-table', title: 'Differs from the quote table version' },
  { kind: 'attribution-differs', title: 'Attributed differently than in the quote tables' },
  { kind: 'unknown-attribution', title: 'Attribution names no known informant, role or case' },
];

/** Where a finding's words are in the material, when the check found them. */
function sourceOf(report: DraftReport, finding: DraftFinding) {
  return report.quotes.find((q) => q.paragraph === finding.paragraph && q.source && (finding.quote === null || q.text === finding.quote))?.source ?? null;
}

/**
 * Export ▸ Check a thesis draft: read a .docx draft, find its quotations and report what a reader
 * or an examiner could catch, each with where it is in the draft; findings whose words were found
 * open the transcript at the passage.
 */
export function CheckDraftDialog() {
  const openDialog = useApp((s) => s.openDialog);
  const checkDraft = useApp((s) => s.checkDraft);
  const draft = useApp((s) => s.draftReport);
  const documents = useApp((s) => s.documents);
  const jump = useApp((s) => s.jump);
  const setMainView = useApp((s) => s.setMainView);
  const close = () => openDialog(null);
  const report = draft?.report ?? null;
  return (
    <Dialog title="Check a thesis draft" onClose={close} wide>
      <p className="muted small">
        Choose your thesis draft (.docx). Stige finds every quotation in it and checks it against the interviews and your quote tables. The draft is only read, never changed.
      </p>
      <label className="field inline">
        <span className="small">Thesis draft (.docx)</span>
        <input
          type="file"
          aria-label="Thesis draft (.docx)"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void checkDraft(file);
          }}
        />
      </label>
      {draft && report && (
        <section className="draft-findings" aria-label="Draft check report">
          <p className="draft-summary" role="status">
            <strong>{draft.fileName}</strong>
            <span>
              {report.quotes.length} quotation{report.quotes.length === 1 ? '' : 's'} in {report.paragraphs} paragraphs ·{' '}
              {report.findings.length === 0 ? '✓ nothing to fix' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`}
            </span>
          </p>
          {KINDS.map(({ kind, title }) => {
            const list = report.findings.filter((f) => f.kind === kind);
            if (list.length === 0) return null;
            return (
              <section key={kind} aria-label={title}>
                <h3>
                  ⚠ {title} <span className="muted small">({list.length})</span>
                </h3>
                <ul>
                  {list.map((finding, i) => {
                    const source = sourceOf(report, finding);
                    const documentTitle = source ? documents.find((d) => d.id === source.documentId)?.title : undefined;
                    return (
                      <li key={i}>
                        <div className="where">Paragraph {finding.paragraph} of the draft</div>
                        {finding.quote && <blockquote>{finding.quote}</blockquote>}
                        <div className="small">{finding.message.replace(/^Paragraph \d+:\s*/, '')}</div>
                        {source && (
                          <button
                            type="button"
                            className="link small"
                            onClick={() => {
                              setMainView('coding');
                              close();
                              void jump(source.documentId, source.start, source.end);
                            }}
                          >
                            Show the passage{documentTitle ? ` in ${documentTitle}` : ''} →
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
