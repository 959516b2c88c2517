import { LANGUAGE_PRESETS } from './quoteDraft';

/** "Wording: Apply a language…": lays a language preset's wording over the dialog's settings. */
export function LanguageSelect({ onApply }: { onApply: (preset: (typeof LANGUAGE_PRESETS)[number]['id']) => void }) {
  return (
    <label className="field inline">
      <span className="small">Wording</span>
      <select
        aria-label="Language of the wording"
        value=""
        onChange={(e) => {
          const preset = LANGUAGE_PRESETS.find((p) => p.id === e.target.value);
          if (preset) onApply(preset.id);
        }}
      >
        <option value="">Apply a language…</option>
        {LANGUAGE_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
