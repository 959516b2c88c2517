import path from 'node:path';
import type { ApiClient } from '../../../shared/api/client';
import type { CodebookImportFile } from '../../../shared/api/methods/codebook';
import { printLine } from '../output';

/**
 * Sort the files of `stige import` into codebooks and the rest, by content (the backend's
 * `codebook.detect`): Gioia JSON, a table whose header names the levels, QualCoder's plain format.
 */
export async function partitionCodebooks(api: ApiClient, files: readonly string[]): Promise<{ codebooks: string[]; others: string[] }> {
  const codebooks: string[] = [];
  const others: string[] = [];
  for (const file of files) {
    const { format } = await api.call('codebook.detect', { source: { path: path.resolve(file) } });
    (format ? codebooks : others).push(file);
  }
  return { codebooks, others };
}

/** Import codebook files (each its own undo step); `explicit` when the user said `--as codebook`. */
export async function importCodebookFiles(api: ApiClient, files: readonly string[], explicit: boolean): Promise<readonly CodebookImportFile[]> {
  const report = await api.call('codebook.import', { sources: files.map((f) => ({ path: path.resolve(f) })), explicit });
  return report.files;
}

/** Print a codebook import report, one line per file. */
export function printCodebookReport(files: readonly CodebookImportFile[]): void {
  for (const f of files) {
    if (f.status === 'imported') {
      const c = f.created;
      printLine(`imported  ${f.name} [codebook: ${f.format}]: ${c.dimension} dimensions, ${c.theme} themes, ${c.concept} concepts created, ${f.reused} reused`);
      for (const w of f.warnings) printLine(`          warning: ${w}`);
    } else {
      printLine(`failed    ${f.name}`);
    }
  }
}
