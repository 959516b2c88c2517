import { EXPORT_SETTINGS_PRESETS, type QuoteSettingsPatch, type QuoteTableSettings } from '../../../shared/exports/settings';
import type { TemplateKind } from '../../../shared/exports/templates';
import { templateFieldProblem } from './TemplateField';

/** The language presets the dialog offers (the backend's EXPORT_SETTINGS_PRESETS). */
export const LANGUAGE_PRESETS = [
  { id: 'en', label: 'English' },
  { id: 'nb', label: 'Norsk (bokmål)' },
] as const;

/**
 * The wording of a language preset laid over the draft: marks, attribution texts, quote column,
 * caption. Structural choices (tables, selection, columns of levels) stay as the user set them.
 */
export function applyLanguagePreset(draft: QuoteTableSettings, preset: (typeof LANGUAGE_PRESETS)[number]['id']): QuoteTableSettings {
  const words = EXPORT_SETTINGS_PRESETS[preset].quotes;
  return {
    ...draft,
    marks: words.marks,
    customTemplate: words.customTemplate,
    names: words.names,
    columns: { ...draft.columns, quote: words.columns.quote },
    caption: words.caption,
  };
}

/**
 * The draft as options for the backend, without the templates that have a problem (so the
 * preview keeps working on the last good value while the field shows its error), and whether a
 * template the user can see has a problem (then exporting waits).
 */
export function draftToOptions(draft: QuoteTableSettings): { options: QuoteSettingsPatch; blocked: boolean } {
  const bad = (value: string, kind: TemplateKind, requires?: string) => templateFieldProblem(value, kind, requires) !== null;
  const names = Object.fromEntries(Object.entries(draft.names).filter(([, value]) => !bad(value, 'name')));
  const visibleName = draft.attribution === 'footnote' || draft.attribution === 'custom' ? null : draft.names[draft.attribution];
  const badCustom = bad(draft.customTemplate, 'custom', 'quote');
  const badCaption = bad(draft.caption, 'caption');
  const badHeading = bad(draft.heading, 'heading');
  const { customTemplate, caption, heading, ...rest } = draft;
  const options: QuoteSettingsPatch = {
    ...rest,
    names,
    ...(badCustom ? {} : { customTemplate }),
    ...(badCaption ? {} : { caption }),
    ...(badHeading ? {} : { heading }),
  };
  const blocked = badCaption || badHeading || (draft.attribution === 'custom' && badCustom) || (visibleName !== null && bad(visibleName, 'name'));
  return { options, blocked };
}
