import type { RefiSourceReport } from '../../../shared/api/methods/refi';

/** What happened to one text source, in words. */
function sourceStatus(status: RefiSourceReport['status'], done: boolean): string {
  switch (status) {
    case 'imported':
      return done ? 'Imported' : 'New';
    case 'matched':
      return 'Already in the project';
    case 'missing':
      return 'Text missing from the file';
    case 'kept':
      return 'Text differs: the project’s kept';
    case 'replaced':
      return 'Text differs: the file’s taken';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** The documents (text sources) of the file: what happens to each, its codings, and how its positions were read. */
export function RefiSources({ sources, done }: { sources: readonly RefiSourceReport[]; done: boolean }) {
  if (sources.length === 0) return null;
  return (
    <table className="report-table refi-sources" aria-label="Documents in the file">
      <thead>
        <tr>
          <th>Document</th>
          <th>{done ? 'Result' : 'On import'}</th>
          <th className="num">Codings</th>
          <th>Positions read as</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.guid} className={s.status === 'missing' ? 'skipped' : 'imported'}>
            <td className="refi-name">{s.name}</td>
            <td>
              {sourceStatus(s.status, done)}
              {s.speakerLabels.length > 0 && <div className="muted small">Speakers: {s.speakerLabels.join(', ')}</div>}
            </td>
            <td className="num">{s.codings}</td>
            <td className="small">{s.status === 'missing' ? <span className="muted">{s.note}</span> : (s.offsets ?? '—')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
