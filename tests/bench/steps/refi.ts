import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient, type ApiClient } from '../../../shared/api/client';
import { Backend } from '../../../electron/backend/backend';

// Benchmark steps for REFI-QDA interchange, self-contained so the bench runner can call them:
// each makes its own backend in `workDir`, times what a user waits for, and closes everything.
// Targets (issue #9): importing the NVivo 12 sample < 3 s; exporting and re-importing the large
// reference project < 10 s.

/** The NVivo 12 for Windows sample: 2 sources (~600,000 characters each, emoji, CRLF), 152 codes, 303 codings. */
export const NVIVO12_SAMPLE = path.resolve('../shared/corpus/refi/nvivo12win_hu_oltas0517.qdpx');

/** One measured step. */
export interface RefiBenchResult {
  readonly name: string;
  readonly ms: number;
  readonly detail: Readonly<Record<string, number | string>>;
}

function backendIn(workDir: string): { backend: Backend; api: ApiClient } {
  fs.mkdirSync(workDir, { recursive: true });
  const backend = new Backend({ mode: 'cli', version: 'bench', dataDir: workDir, settingsDir: path.join(workDir, '.settings'), rememberRecent: false, log: () => {} });
  backend.settings.setCoderName('Bench');
  return { backend, api: createClient((method, args) => backend.dispatch(method, args, 'direct')) };
}

/** Import the NVivo 12 sample into a new project (open + read + detect units + save), timed end to end. */
export async function importNvivo12Sample(workDir: string, sample: string = NVIVO12_SAMPLE): Promise<RefiBenchResult> {
  const { backend, api } = backendIn(workDir);
  try {
    await api.call('projects.create', { path: path.join(workDir, `nvivo12-${Date.now()}`) });
    const start = performance.now();
    const report = await api.call('refi.import', { source: { path: sample } });
    const ms = performance.now() - start;
    return { name: 'refi: import NVivo 12 sample', ms, detail: { documents: report.imported.documents, codes: report.imported.codes, codings: report.imported.codings } };
  } finally {
    backend.close();
  }
}

/**
 * Export `projectFile` as .qdpx and import that file into a new, empty project: the Stige → Stige
 * round trip (and the cost of handing a project to another tool), timed as two steps.
 */
export async function exportAndReimport(projectFile: string, workDir: string): Promise<RefiBenchResult[]> {
  const { backend, api } = backendIn(workDir);
  const qdpx = path.join(workDir, `roundtrip-${Date.now()}.qdpx`);
  try {
    await api.call('projects.open', { path: projectFile });
    let start = performance.now();
    const exported = await api.call('refi.exportProject', { path: qdpx });
    const exportMs = performance.now() - start;
    await api.call('projects.create', { path: path.join(workDir, `reimport-${Date.now()}`) });
    start = performance.now();
    const report = await api.call('refi.import', { source: { path: qdpx } });
    const importMs = performance.now() - start;
    return [
      { name: 'refi: export .qdpx', ms: exportMs, detail: { bytes: exported.bytes, documents: exported.counts.documents, codings: exported.counts.codings } },
      { name: 'refi: re-import the export', ms: importMs, detail: { documents: report.imported.documents, codes: report.imported.codes, codings: report.imported.codings } },
    ];
  } finally {
    backend.close();
    fs.rmSync(qdpx, { force: true });
  }
}
