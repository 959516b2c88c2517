import { useState } from 'react';
import { useApp } from '../../store/StoreContext';
import { ExportDialog } from '../../components/ExportDialog';

const FORMATS = { xlsx: 'Excel workbook (.xlsx)', csv: 'CSV (.csv, opens in Excel with æ ø å intact)' } as const;

/** Export the informants table as CSV or Excel, in the layout the import reads back. */
export function ExportInformantsDialog({ onClose }: { onClose(): void }) {
  const exportInformants = useApp((s) => s.exportInformants);
  const [realNames, setRealNames] = useState(false);
  const [informantsOnly, setInformantsOnly] = useState(true);
  return (
    <ExportDialog
      title="Export the informants table"
      description="Labels, roles, cases and attributes, one informant per row. Edit it in Excel and import it back to update the attributes."
      formats={FORMATS}
      initial="xlsx"
      onExport={(format) => exportInformants(format, realNames, informantsOnly)}
      onClose={onClose}
    >
      <label className="check">
        <input type="checkbox" checked={informantsOnly} onChange={(e) => setInformantsOnly(e.target.checked)} /> Informants only (leave out interviewers)
      </label>
      <label className="check">
        <input type="checkbox" checked={realNames} onChange={(e) => setRealNames(e.target.checked)} /> Include real names
      </label>
      {realNames && <p className="warning small">The file will name real people: keep it out of the thesis and store it as your data-protection plan says.</p>}
    </ExportDialog>
  );
}
