import type { RefiImportReport } from '../../../shared/api/methods/refi';
import { COUNT_KINDS, fileCounts } from './refiText';

/**
 * What the file holds, per kind. When the project already has some of it (same GUIDs), two more
 * columns say what is new and what is matched, so merging never doubles anything unseen.
 */
export function RefiContents({ report, merging }: { report: RefiImportReport; merging: boolean }) {
  const total = fileCounts(report);
  const kinds = COUNT_KINDS.filter((k) => total[k.key] > 0 || k.key === 'documents' || k.key === 'codes' || k.key === 'codings');
  return (
    <table className="report-table refi-counts" aria-label="What the file holds">
      <thead>
        <tr>
          <th>In the file</th>
          <th className="num">{merging ? 'Total' : 'How many'}</th>
          {merging && <th className="num">New</th>}
          {merging && <th className="num">Already in the project</th>}
        </tr>
      </thead>
      <tbody>
        {kinds.map((k) => (
          <tr key={k.key}>
            <td>{k.many[0]!.toUpperCase() + k.many.slice(1)}</td>
            <td className="num">{total[k.key]}</td>
            {merging && <td className="num">{report.imported[k.key]}</td>}
            {merging && <td className="num">{report.matched[k.key]}</td>}
          </tr>
        ))}
        <tr>
          <td>Depth of the code tree</td>
          <td className="num">{report.levels.depth}</td>
          {merging && <td />}
          {merging && <td />}
        </tr>
      </tbody>
    </table>
  );
}
