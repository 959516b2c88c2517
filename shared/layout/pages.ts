import { A4_TEXT_BLOCK, fillCaption, type StructureOptions } from './options';
import { layoutStructure, type StructureLayout } from './structureLayout';
import { splitByDimension, type StructureTree } from './structureTree';

/** Page orientation of one figure. */
export type Orientation = 'portrait' | 'landscape';

/** One figure as it goes on a page (or in a file). */
export interface StructurePage {
  readonly layout: StructureLayout;
  readonly orientation: Orientation;
  /** The aggregate dimension this part shows when split, else null. */
  readonly dimension: string | null;
  /** Whether the figure fits the A4 text block of its orientation. */
  readonly fits: boolean;
}

/** The figure (or its parts, one per dimension) ready for screen and export. */
export interface StructureFigure {
  readonly pages: readonly StructurePage[];
  readonly warnings: readonly string[];
}

/**
 * Lay out the figure for A4 pages: the whole structure, or one figure per dimension when
 * `split`. With orientation `auto` a figure is portrait (16 cm wide) if it fits the page's text
 * block, else landscape (24.7 cm) if that fits, else portrait with a warning suggesting a split.
 * Captions are filled from the template per part.
 */
export function layoutFigure(tree: StructureTree, options: StructureOptions, projectName: string): StructureFigure {
  const parts = options.split ? splitByDimension(tree) : [tree];
  const warnings = new Set<string>();
  const pages = parts.map((part, index): StructurePage => {
    const dimension = options.split ? (part.dimensions[0]?.label ?? null) : null;
    const caption = options.caption
      ? fillCaption(options.caption, { project: projectName, dimension: dimension ?? '', part: options.split ? index + 1 : null, levels: tree.levelNames })
      : '';
    const lay = (orientation: Orientation) =>
      layoutStructure(part, {
        width: A4_TEXT_BLOCK[orientation].width,
        fontSize: options.fontSize,
        counts: options.counts,
        fill: options.fill,
        connector: options.connector,
        ungrouped: options.ungrouped,
        caption,
        locale: options.locale,
      });
    const fits = (layout: StructureLayout, orientation: Orientation) => layout.height <= A4_TEXT_BLOCK[orientation].height;
    let orientation: Orientation = options.orientation === 'landscape' ? 'landscape' : 'portrait';
    let layout = lay(orientation);
    if (options.orientation === 'auto' && !fits(layout, 'portrait')) {
      const landscape = lay('landscape');
      if (fits(landscape, 'landscape')) {
        orientation = 'landscape';
        layout = landscape;
      }
    }
    const ok = fits(layout, orientation);
    for (const w of layout.warnings) warnings.add(w);
    if (!ok) {
      const where = dimension ? `The part for “${dimension}”` : 'The figure';
      warnings.add(
        `${where} is ${(layout.height / (72 / 2.54)).toFixed(1)} cm tall, more than an A4 ${orientation} page holds; ${options.split ? 'use a smaller type size or fewer concepts' : 'split it by dimension or use landscape'}`,
      );
    }
    return { layout, orientation, dimension, fits: ok };
  });
  return { pages, warnings: [...warnings] };
}
