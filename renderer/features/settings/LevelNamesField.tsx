import { LEVEL_NAME_PRESETS } from '../../../shared/model/levels';

const PRESET_TITLES: Record<string, string> = {
  en: 'English',
  'nb-ordens-kode': 'Norsk: 1./2./3. ordens kode',
  'nb-begreper': 'Norsk: begreper / tema / dimensjoner',
};

/** The three level names: a preset or the user's own words. */
export function LevelNamesField({ value, onChange }: { value: readonly [string, string, string]; onChange: (names: readonly [string, string, string]) => void }) {
  const preset = LEVEL_NAME_PRESETS.find((p) => p.names.every((n, i) => n === value[i]))?.id ?? 'custom';
  const set = (index: number, name: string) => {
    const next = [...value] as [string, string, string];
    next[index] = name;
    onChange(next);
  };
  return (
    <fieldset className="field level-names">
      <legend>Names of the three levels</legend>
      <select
        aria-label="Level name preset"
        value={preset}
        onChange={(e) => {
          const chosen = LEVEL_NAME_PRESETS.find((p) => p.id === e.target.value);
          if (chosen) onChange(chosen.names);
        }}
      >
        {LEVEL_NAME_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {PRESET_TITLES[p.id] ?? p.id}
          </option>
        ))}
        <option value="custom">Your own names</option>
      </select>
      {(['First level (concepts)', 'Second level (themes)', 'Third level (dimensions)'] as const).map((label, index) => (
        <label key={label} className="field inline">
          <span className="muted small">{label}</span>
          <input value={value[index]} onChange={(e) => set(index, e.target.value)} aria-label={label} />
        </label>
      ))}
    </fieldset>
  );
}
