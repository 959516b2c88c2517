import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/exports/settings';
import { EXPORT_FORMAT_INFO } from '../../store/slices/exportsSlice';

/** The file format of a thesis export. */
export function FormatSelect({ value, onChange, label = 'Format' }: { value: ExportFormat; onChange: (format: ExportFormat) => void; label?: string }) {
  return (
    <label className="field inline">
      <span className="small">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {EXPORT_FORMAT_INFO[f].label}
          </option>
        ))}
      </select>
    </label>
  );
}
