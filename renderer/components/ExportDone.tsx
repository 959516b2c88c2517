import type { ReactNode } from 'react';
import type { ExportedFile } from '../../shared/api/exportTarget';
import { formatBytes } from '../api/exportFiles';

/** "✓ Exported quotes.docx (12 KB)", then anything the export warned about. */
export function ExportDone({ files, warnings = [], verb = 'Exported', children }: { files: readonly Pick<ExportedFile, 'name' | 'path' | 'bytes'>[]; warnings?: readonly string[]; verb?: string; children?: ReactNode }) {
  return (
    <div className="export-done" role="status">
      ✓ {verb} {files.map((f) => `${f.path ?? f.name} (${formatBytes(f.bytes)})`).join(', ')}
      {children}
      {warnings.length > 0 && (
        <ul className="small">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
