import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AppError } from '../../../shared/api/errors';
import { FIGURE_FONT_METRICS } from '../../../shared/layout/fontMetrics';
import type { FaceName } from '../../../shared/layout/measure';

const require = createRequire(import.meta.url);

/**
 * The figure font's files, from the `source-sans` package (Adobe's Source Sans 3, SIL Open Font
 * License 1.1; the licence is node_modules/source-sans/LICENSE.md). The same TTFs the metrics in
 * shared/layout/fontMetrics.ts were read from.
 */
export function figureFontFile(face: FaceName, kind: 'ttf' | 'woff2' = 'ttf'): string {
  const file = FIGURE_FONT_METRICS[face].file;
  const request = kind === 'ttf' ? `source-sans/TTF/${file}` : `source-sans/WOFF2/TTF/${file}.woff2`;
  try {
    return require.resolve(request);
  } catch {
    throw new AppError('INTERNAL', `The figure font ${request} is missing; reinstall Stige`);
  }
}

const cache = new Map<string, Buffer>();

/** The bytes of a figure font file (read once). */
export function figureFontBytes(face: FaceName, kind: 'ttf' | 'woff2' = 'ttf'): Buffer {
  const key = `${face}:${kind}`;
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = fs.readFileSync(figureFontFile(face, kind));
    cache.set(key, bytes);
  }
  return bytes;
}
