import type { RefiImportReport } from '../../../shared/api/methods/refi';

/** What could not be brought over, how much of it, and why — or a plain statement that nothing was lost. */
export function RefiLosses({ report, done }: { report: RefiImportReport; done: boolean }) {
  const losses = report.notImported;
  if (losses.length === 0) {
    return (
      <p className="refi-nothing-lost" aria-label="What could not be brought over">
        ✓ Nothing {done ? 'was' : 'will be'} left out: everything in the file that Stige can hold {done ? 'was' : 'will be'} brought over.
      </p>
    );
  }
  return (
    <table className="report-table refi-losses" aria-label="What could not be brought over">
      <thead>
        <tr>
          <th>Not brought over, and why</th>
          <th className="num">How many</th>
          <th>For example</th>
        </tr>
      </thead>
      <tbody>
        {losses.map((loss) => (
          <tr key={loss.kind}>
            <td>{loss.reason}</td>
            <td className="num">{loss.count}</td>
            <td className="refi-examples">{loss.examples.slice(0, 3).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
