import regularUrl from 'source-sans/WOFF2/TTF/SourceSans3-Regular.ttf.woff2?url';
import semiboldUrl from 'source-sans/WOFF2/TTF/SourceSans3-Semibold.ttf.woff2?url';
import { FIGURE_FONT_FAMILY } from '../../../shared/layout/measure';

let loading: Promise<boolean> | null = null;

/**
 * Load the figure font (Source Sans 3, regular and semibold, bundled with the app) so the screen
 * draws with the metrics the layout measured. Resolves to false when it could not be loaded; the
 * figure then shows in a fallback sans-serif.
 */
export function loadFigureFont(): Promise<boolean> {
  if (!loading) {
    const faces = [
      new FontFace(FIGURE_FONT_FAMILY, `url("${regularUrl}") format("woff2")`, { weight: '400', style: 'normal' }),
      new FontFace(FIGURE_FONT_FAMILY, `url("${semiboldUrl}") format("woff2")`, { weight: '600', style: 'normal' }),
    ];
    loading = Promise.all(
      faces.map(async (face) => {
        await face.load();
        document.fonts.add(face);
      }),
    ).then(
      () => true,
      () => false,
    );
  }
  return loading;
}
