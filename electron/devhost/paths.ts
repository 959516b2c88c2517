import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer, looked up from this bundle's location (dist/node/ → dist/renderer/) and
 * from the project root when run from source; null when it has not been built.
 */
export function rendererDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../dist/renderer'), path.resolve(process.cwd(), 'dist/renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}
