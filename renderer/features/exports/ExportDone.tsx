import { formatBytes } from '../../api/exportFiles';
import type { ExportOutcome } from '../../store/slices/exportsSlice';

/** What an export wrote, in one line. */
export function ExportDone({ outcome, what }: { outcome: ExportOutcome; what: string }) {
  return (
    <p className="export-done" role="status">
      ✓ Exported {outcome.rows} {what} in {outcome.tables} table{outcome.tables === 1 ? '' : 's'}: {outcome.savedAs} ({formatBytes(outcome.bytes)})
      {outcome.path === null && ' — see your downloads'}
    </p>
  );
}
