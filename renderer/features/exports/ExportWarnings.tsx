import type { ExportWarning, ExportWarningKind } from '../../../shared/exports/warnings';

/** What each kind of check means, in a few words a student understands. */
const KIND_TITLES: Readonly<Record<ExportWarningKind, string>> = {
  'attribution-conflict': 'Same quote, different attributions (may reveal who said it)',
  'excerpt-mismatch': 'Excerpt no longer matches its passage',
  'passage-changed': 'Coded text changed after coding',
  'shared-label': 'Two informants print the same label',
  'missing-case': 'Informant without a case',
  'missing-role': 'Informant without a role label',
  'no-informant': 'Passage spoken by no known informant',
  'no-dimension': 'Theme outside any dimension',
  'no-quotes': 'Nothing to show',
  'footnotes-not-native': 'Footnotes in this format',
};

/** The checks' warnings, grouped by kind. They never block an export; they say what a reader could notice. */
export function ExportWarnings({ warnings }: { warnings: readonly ExportWarning[] }) {
  if (warnings.length === 0) {
    return (
      <p className="tx-checks ok small" role="status" aria-label="Checks">
        ✓ Checks passed: attributions consistent with earlier exports, excerpts match their passages.
      </p>
    );
  }
  const groups = new Map<ExportWarningKind, ExportWarning[]>();
  for (const w of warnings) groups.set(w.kind, [...(groups.get(w.kind) ?? []), w]);
  return (
    <section className="tx-checks" aria-label="Checks">
      <h3>
        {warnings.length} thing{warnings.length === 1 ? '' : 's'} to check <span className="muted small">(you can still export)</span>
      </h3>
      {[...groups].map(([kind, list]) => (
        <details key={kind} open={kind === 'attribution-conflict' || kind === 'excerpt-mismatch' || groups.size === 1}>
          <summary>
            <span className="warning">⚠ {KIND_TITLES[kind]}</span> <span className="muted small">({list.length})</span>
          </summary>
          <ul>
            {list.map((w, i) => (
              <li key={i} className="small">
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
