import type { OverviewTable } from '../../../shared/exports/overview';
import {
  EXPORT_SETTINGS_PRESETS,
  type InformantQuoteSettings,
  type InformantQuoteSettingsPatch,
  overviewWording,
  type OverviewSettings,
  type OverviewSettingsPatch,
} from '../../../shared/exports/settings';
import type { TemplateKind } from '../../../shared/exports/templates';
import { templateFieldProblem } from './TemplateField';

/** The wording of a language preset laid over the overview draft; choices about content stay. */
export function applyOverviewLanguage(draft: OverviewSettings, preset: keyof typeof EXPORT_SETTINGS_PRESETS): OverviewSettings {
  return { ...draft, ...overviewWording(preset) };
}

type TemplateKey = 'duration' | 'durationMinutes' | 'total' | 'totalWords' | 'documentsTotal';
const TEMPLATE_KINDS: Readonly<Record<TemplateKey, TemplateKind>> = {
  duration: 'duration',
  durationMinutes: 'duration',
  total: 'total',
  totalWords: 'total',
  documentsTotal: 'total',
};

/** The templates `table` prints, which must be valid before it is exported. */
function templatesOf(table: OverviewTable, draft: OverviewSettings): TemplateKey[] {
  switch (table) {
    case 'interviews':
      return ['duration', 'durationMinutes', draft.measure === 'words' ? 'totalWords' : 'total'];
    case 'documents':
      return ['documentsTotal'];
    case 'informants':
      return [];
    default: {
      const never: never = table;
      throw new Error(`unknown overview ${String(never)}`);
    }
  }
}

/**
 * The draft as options for the backend: templates with a problem left out (the preview keeps
 * the last good value while the field shows the error), attribute columns the project no longer
 * has left out; and whether a template `table` prints has a problem (then exporting waits).
 */
export function overviewDraftToOptions(
  draft: OverviewSettings,
  table: OverviewTable,
  attributes: readonly string[],
): { options: OverviewSettingsPatch; blocked: boolean } {
  const bad = (key: TemplateKey) => templateFieldProblem(draft[key], TEMPLATE_KINDS[key]) !== null;
  const badCaption = (key: OverviewTable) => templateFieldProblem(draft.captions[key], 'overviewCaption') !== null;
  const known = new Set(attributes.map((a) => a.toLocaleLowerCase()));
  const { captions, duration, durationMinutes, total, totalWords, documentsTotal, informantAttributes, ...rest } = draft;
  const kept: Partial<Record<TemplateKey, string>> = {};
  for (const [key, value] of Object.entries({ duration, durationMinutes, total, totalWords, documentsTotal }) as [TemplateKey, string][]) {
    if (!bad(key)) kept[key] = value;
  }
  const options: OverviewSettingsPatch = {
    ...rest,
    ...kept,
    captions: Object.fromEntries((Object.keys(captions) as OverviewTable[]).filter((k) => !badCaption(k)).map((k) => [k, captions[k]])),
    informantAttributes: informantAttributes.filter((name) => known.has(name.toLocaleLowerCase())),
  };
  return { options, blocked: badCaption(table) || templatesOf(table, draft).some(bad) };
}

/** The wording of a language preset laid over the quote list's draft: caption and column titles. */
export function applyInformantQuotesLanguage(draft: InformantQuoteSettings, preset: keyof typeof EXPORT_SETTINGS_PRESETS): InformantQuoteSettings {
  const words = EXPORT_SETTINGS_PRESETS[preset].informantQuotes;
  return { ...draft, caption: words.caption, columns: words.columns };
}

/** The quote list's draft as options for the backend: the caption left out while it has a problem, which blocks exporting. */
export function informantQuotesDraftToOptions(draft: InformantQuoteSettings): { options: InformantQuoteSettingsPatch; blocked: boolean } {
  const blocked = templateFieldProblem(draft.caption, 'informantCaption') !== null;
  const { caption, ...rest } = draft;
  return { options: blocked ? rest : { ...rest, caption }, blocked };
}
