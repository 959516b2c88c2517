import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, QuoteSettingsPatch } from '../../../../../shared/exports/settings';
import { applyLanguagePreset, draftToOptions } from '../../../../../renderer/features/exports/quoteDraft';

const base = DEFAULT_EXPORT_SETTINGS.quotes;

describe('draftToOptions', () => {
  it('sends every setting of a valid draft, and the backend accepts it', () => {
    const { options, blocked } = draftToOptions(base);
    expect(blocked).toBe(false);
    expect(options).toEqual(base);
    expect(QuoteSettingsPatch.safeParse(options).success).toBe(true);
  });

  it('leaves out a caption with an unknown placeholder and blocks the export', () => {
    const { options, blocked } = draftToOptions({ ...base, caption: 'Tabell {n} {nope}' });
    expect(blocked).toBe(true);
    expect(options.caption).toBeUndefined();
    expect(QuoteSettingsPatch.safeParse(options).success).toBe(true);
  });

  it('does not block on a broken custom template while another style is chosen', () => {
    const { options, blocked } = draftToOptions({ ...base, attribution: 'case', customTemplate: 'no quote here' });
    expect(blocked).toBe(false);
    expect(options.customTemplate).toBeUndefined();
    expect(draftToOptions({ ...base, attribution: 'custom', customTemplate: 'no quote here' }).blocked).toBe(true);
  });
});

describe('applyLanguagePreset', () => {
  it('changes the wording only, not the structure the user chose', () => {
    const nb = applyLanguagePreset({ ...base, per: 'theme', conceptColumn: true, columns: { ...base.columns, theme: 'Tema' } }, 'nb');
    expect(nb.marks).toBe('guillemets');
    expect(nb.caption).toContain('Tabell {n}');
    expect(nb.names.case).toBe('Informant fra {case}');
    expect(nb.columns).toEqual({ dimension: '', theme: 'Tema', concept: '', quote: 'Sitat' });
    expect(nb.per).toBe('theme');
    expect(nb.conceptColumn).toBe(true);
  });
});
