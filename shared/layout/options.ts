/** What each concept box shows besides its label. */
export type CountsOption = 'none' | 'codings' | 'informants' | 'both';
/** How boxes are filled: plain grey levels, concepts shaded by informant support, or the codes' colours. */
export type FillOption = 'plain' | 'support' | 'codeColour';
/** Order within each group: the codebook's manual order, or most-supported first. */
export type OrderOption = 'manual' | 'support';
/** How a group is joined to the box it belongs to: a bracket with an arrow, or one line per box. */
export type ConnectorOption = 'bracket' | 'lines';
/** Page orientation for PDF and Word; `auto` picks portrait when the figure fits, else landscape. */
export type OrientationOption = 'auto' | 'portrait' | 'landscape';
/** Language of the few words the figure adds (counts, legend, "not yet grouped"). */
export type FigureLocale = 'en' | 'nb';

/** The figure's options, saved per project (project.settings → `structureFigure`). */
export interface StructureOptions {
  readonly counts: CountsOption;
  readonly fill: FillOption;
  /** Show only concepts with at least one representative (starred) quote. */
  readonly onlyRepresentative: boolean;
  readonly order: OrderOption;
  readonly connector: ConnectorOption;
  /** One figure per aggregate dimension (PDF/Word: one page each; SVG/PNG: one file each). */
  readonly split: boolean;
  readonly orientation: OrientationOption;
  /** Type size of labels in points (8–14; exports never go below 8 pt). */
  readonly fontSize: number;
  /** Also list concepts not yet grouped under a theme, in a block below the structure. */
  readonly ungrouped: boolean;
  /**
   * Caption template; empty for none. Placeholders: {project}, {dimension} (the dimension of a
   * split part, else empty), {part} (1, 2, … for split parts), {level1}, {level2}, {level3}.
   */
  readonly caption: string;
  readonly locale: FigureLocale;
}

/** The smallest type size any export uses (legibility in a thesis). */
export const MIN_FONT_SIZE = 8;
/** The largest type size offered. */
export const MAX_FONT_SIZE = 14;

/** Defaults for a project that has not chosen. */
export const DEFAULT_STRUCTURE_OPTIONS: StructureOptions = {
  counts: 'none',
  fill: 'plain',
  onlyRepresentative: false,
  order: 'manual',
  connector: 'bracket',
  split: false,
  orientation: 'auto',
  fontSize: 9,
  ungrouped: false,
  caption: '',
  locale: 'en',
};

/** Stored (possibly partial or older) options merged over the defaults. */
export function resolveStructureOptions(stored: Partial<StructureOptions> | null | undefined): StructureOptions {
  return { ...DEFAULT_STRUCTURE_OPTIONS, ...(stored ?? {}) };
}

/** Points per centimetre. */
export const PT_PER_CM = 72 / 2.54;

/** A4 with 2.5 cm margins: the text block a thesis figure must fit, in points. */
export const A4_TEXT_BLOCK = {
  portrait: { width: 16 * PT_PER_CM, height: 24.7 * PT_PER_CM },
  landscape: { width: 24.7 * PT_PER_CM, height: 16 * PT_PER_CM },
} as const;

/** Fill the caption template's placeholders. */
export function fillCaption(
  template: string,
  values: { readonly project: string; readonly dimension: string; readonly part: number | null; readonly levels: readonly [string, string, string] },
): string {
  return template
    .replace(/\{(project|dimension|part|level1|level2|level3)\}/g, (_m, key: string) => {
      switch (key) {
        case 'project':
          return values.project;
        case 'dimension':
          return values.dimension;
        case 'part':
          return values.part === null ? '' : String(values.part);
        case 'level1':
          return values.levels[0];
        case 'level2':
          return values.levels[1];
        default:
          return values.levels[2];
      }
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words the figure adds, in the figure's language. */
export function figureWords(locale: FigureLocale): {
  readonly codings: (n: number) => string;
  readonly informants: (n: number) => string;
  readonly ungrouped: string;
  readonly legend: string;
} {
  switch (locale) {
    case 'en':
      return {
        codings: (n) => `${n} ${n === 1 ? 'coding' : 'codings'}`,
        informants: (n) => `${n} ${n === 1 ? 'informant' : 'informants'}`,
        ungrouped: 'Not yet grouped',
        legend: 'Informants supporting a concept:',
      };
    case 'nb':
      return {
        codings: (n) => `${n} ${n === 1 ? 'koding' : 'kodinger'}`,
        informants: (n) => `${n} ${n === 1 ? 'informant' : 'informanter'}`,
        ungrouped: 'Ikke gruppert ennå',
        legend: 'Informanter som støtter begrepet:',
      };
    default: {
      const never: never = locale;
      throw new Error(`unknown locale ${String(never)}`);
    }
  }
}
