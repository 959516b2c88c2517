/** A column title of an exported table; `placeholder`: what an empty field prints, where it falls back to something. */
export function ColumnField({ label, value, placeholder, onChange }: { label: string; value: string; placeholder?: string; onChange: (value: string) => void }) {
  return (
    <label className="column-field small">
      <span>{label.replace(/^Column: /, '')}</span>
      <input type="text" aria-label={label} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
