import type { RefiImportReport } from '../../../shared/api/methods/refi';
import { singular } from '../codebook/codebookModel';
import { RefiConflicts } from './RefiConflicts';
import { RefiLosses } from './RefiLosses';
import { RefiSources } from './RefiSources';
import { describeCounts, plural } from './refiText';

/**
 * The report after an import: what came in, what was matched, where the codes went, how each
 * conflict was settled, each document, and what could not be brought over and why.
 */
export function RefiImportResult({ report, levelNames, merging }: { report: RefiImportReport; levelNames: readonly [string, string, string]; merging: boolean }) {
  const [conceptName, themeName, dimensionName] = levelNames;
  const { placed } = report.levels;
  const anything = describeCounts(report.imported) !== 'nothing';
  const matched = describeCounts(report.matched);
  const replaced = report.conflicts.filter((c) => c.resolution === 'replaced').length;
  return (
    <div className="refi-result" aria-label="Import report">
      <p className="export-done" role="status">
        {anything
          ? `✓ Imported ${describeCounts(report.imported)} from “${report.file}”.`
          : replaced > 0
            ? `✓ Took the file’s version of ${plural(replaced, 'object')} from “${report.file}”; nothing new to add.`
            : `Nothing new in “${report.file}”: the project already had all of it.`}
      </p>
      {merging && matched !== 'nothing' && <p className="small">Already in the project, matched by ID and not doubled: {matched}.</p>}
      {report.imported.codes > 0 && (
        <p className="small">
          <strong>Codes:</strong> {dimensionName}: {placed.dimension} · {themeName}: {placed.theme} · {conceptName}: {placed.concept} · Not yet placed: {placed.unplaced}.
          {placed.unplaced > 0 &&
            ` The codes not yet placed keep their own tree under “Not yet placed” in the codebook: drag them onto one of your ${dimensionName.toLocaleLowerCase()} or ${themeName.toLocaleLowerCase()} there, or select them and choose Make ${singular(conceptName).toLocaleLowerCase()}, ${singular(themeName).toLocaleLowerCase()} or ${singular(dimensionName).toLocaleLowerCase()}.`}
        </p>
      )}
      {report.conflicts.length > 0 && (
        <section className="refi-section" aria-label="Conflicts settled">
          <h3>Conflicts</h3>
          <p className="small">
            {plural(report.conflicts.length - replaced, 'conflict')} kept the project’s version; {plural(replaced, 'conflict')} took the file’s.
          </p>
          <RefiConflicts conflicts={report.conflicts} choiceFor={(c) => (c.resolution === 'replaced' ? 'replace' : 'keep')} />
        </section>
      )}
      <section className="refi-section" aria-label="Loss report">
        <h3>What could not be brought over</h3>
        <RefiLosses report={report} done />
      </section>
      {report.sources.length > 0 && (
        <section className="refi-section">
          <h3>Documents</h3>
          <RefiSources sources={report.sources} done />
        </section>
      )}
      {report.warnings.length > 0 && (
        <ul className="warnings small">
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {report.undoLabel && <p className="muted small">The whole import is one step: Undo (Ctrl+Z) takes all of it back.</p>}
    </div>
  );
}
