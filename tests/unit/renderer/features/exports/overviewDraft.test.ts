import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, EXPORT_SETTINGS_PRESETS, InformantQuoteSettingsPatch, OverviewSettingsPatch } from '../../../../../shared/exports/settings';
import { applyInformantQuotesLanguage, applyOverviewLanguage, informantQuotesDraftToOptions, overviewDraftToOptions } from '../../../../../renderer/features/exports/overviewDraft';

const base = { ...DEFAULT_EXPORT_SETTINGS.overview, informantAttributes: ['Sektor', 'Alder'] };

describe('overviewDraftToOptions', () => {
  it('sends every setting of a valid draft, and the backend’s schema accepts it', () => {
    const { options, blocked } = overviewDraftToOptions(base, 'interviews', ['Alder', 'Sektor']);
    expect(blocked).toBe(false);
    expect(options).toEqual(base);
    expect(OverviewSettingsPatch.safeParse(options).success).toBe(true);
  });

  it('leaves out a template with an unknown placeholder, blocking only the tables that print it', () => {
    const draft = { ...base, total: 'Totalt {timer}, {pages} sider', captions: { ...base.captions, documents: 'Tabell {n} «{x}»' } };
    const interviews = overviewDraftToOptions(draft, 'interviews', []);
    expect(interviews.blocked).toBe(true);
    expect(interviews.options.total).toBeUndefined();
    expect(interviews.options.captions).toEqual({ interviews: base.captions.interviews, informants: base.captions.informants });
    expect(OverviewSettingsPatch.safeParse(interviews.options).success).toBe(true);
    expect(overviewDraftToOptions(draft, 'documents', []).blocked).toBe(true);
    expect(overviewDraftToOptions(draft, 'informants', []).blocked).toBe(false);
    // Counting words, the pages total is not printed, so it does not block.
    expect(overviewDraftToOptions({ ...draft, measure: 'words' }, 'interviews', []).blocked).toBe(false);
  });

  it('drops attribute columns the project no longer has, keeping the chosen order', () => {
    expect(overviewDraftToOptions(base, 'informants', ['alder']).options.informantAttributes).toEqual(['Alder']);
    expect(overviewDraftToOptions({ ...base, informantAttributes: ['Alder', 'Sektor'] }, 'informants', ['Sektor', 'Alder']).options.informantAttributes).toEqual(['Alder', 'Sektor']);
  });
});

describe('applyOverviewLanguage', () => {
  it('changes the wording only: numbering, measure and attribute columns stay', () => {
    const draft = applyOverviewLanguage({ ...base, numbers: { interviews: 4, documents: 2, informants: 3 }, measure: 'words' }, 'nb');
    expect(draft.total).toBe(EXPORT_SETTINGS_PRESETS.nb.overview.total);
    expect(draft.duration).toBe('{h} timer {m} min.');
    expect(draft.captions.interviews).toBe('Tabell {n}: Oversikt over intervjuene');
    expect([draft.numbers, draft.measure, draft.informantAttributes]).toEqual([{ interviews: 4, documents: 2, informants: 3 }, 'words', ['Sektor', 'Alder']]);
  });
});

describe('the quote list for member checking', () => {
  const list = { ...DEFAULT_EXPORT_SETTINGS.informantQuotes, selection: 'representative' as const };

  it('sends caption, columns and selection, which the backend’s schema accepts', () => {
    const { options, blocked } = informantQuotesDraftToOptions({ ...list, caption: 'Sitater fra {label} ({count})', columns: { ...list.columns, context: 'Sammenheng «før og etter»' } });
    expect(blocked).toBe(false);
    expect(options).toEqual({ selection: 'representative', caption: 'Sitater fra {label} ({count})', columns: { ...list.columns, context: 'Sammenheng «før og etter»' } });
    expect(InformantQuoteSettingsPatch.safeParse(options).success).toBe(true);
  });

  it('leaves out a caption with an unknown placeholder and blocks the export', () => {
    const { options, blocked } = informantQuotesDraftToOptions({ ...list, caption: 'Sitater fra {navn}' });
    expect(blocked).toBe(true);
    expect(options.caption).toBeUndefined();
    expect(InformantQuoteSettingsPatch.safeParse(options).success).toBe(true);
  });

  it('takes a language’s caption and column titles, keeping the selection', () => {
    const draft = applyInformantQuotesLanguage(list, 'nb');
    expect([draft.caption, draft.columns.context, draft.selection]).toEqual(['Sitater fra {label}', 'Sammenheng', 'representative']);
  });
});
