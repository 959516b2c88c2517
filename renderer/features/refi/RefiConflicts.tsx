import type { RefiConflict } from '../../../shared/api/methods/refi';
import { describeConflictKind, describeFields, plural } from './refiText';

/** Conflicts shown at most, so a file that differs everywhere does not make the dialog endless. */
const CONFLICTS_SHOWN = 40;

/**
 * Objects the project and the file both have (same GUID) but that differ, each with who wins.
 * With `onChoose`, every row can be switched between the project's version and the file's.
 */
export function RefiConflicts({
  conflicts,
  choiceFor,
  onChoose,
}: {
  conflicts: readonly RefiConflict[];
  choiceFor: (conflict: RefiConflict) => 'keep' | 'replace';
  onChoose?: (conflict: RefiConflict, choice: 'keep' | 'replace') => void;
}) {
  const shown = conflicts.slice(0, CONFLICTS_SHOWN);
  return (
    <>
      <table className="report-table refi-conflicts" aria-label="Conflicts">
        <thead>
          <tr>
            <th>What</th>
            <th>Name in the project</th>
            <th>What differs</th>
            <th>Use</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={`${c.kind}-${c.guid}`}>
              <td>{describeConflictKind(c.kind)}</td>
              <td className="refi-name">{c.label}</td>
              <td>{describeFields(c.fields)}</td>
              <td>
                {onChoose ? (
                  <select aria-label={`Which version of “${c.label}”`} value={choiceFor(c)} onChange={(e) => onChoose(c, e.target.value as 'keep' | 'replace')}>
                    <option value="keep">The project’s version</option>
                    <option value="replace">The file’s version</option>
                  </select>
                ) : choiceFor(c) === 'keep' ? (
                  'The project’s version (kept)'
                ) : (
                  'The file’s version (taken)'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflicts.length > shown.length && <p className="muted small">…and {plural(conflicts.length - shown.length, 'more conflict')} (they follow the choice for all).</p>}
    </>
  );
}
