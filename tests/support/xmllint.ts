import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The REFI-QDA schemas in the corpus. */
export const SCHEMAS = {
  project: path.resolve('../shared/corpus/schemas/Project-mrt2019.xsd'),
  codebook: path.resolve('../shared/corpus/schemas/Codebook.xsd'),
} as const;

/** Validate `xml` with `xmllint --schema`; returns xmllint's complaints, empty when valid. */
export function xmllintErrors(xml: string, schema: keyof typeof SCHEMAS): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stige-xmllint-'));
  try {
    const file = path.join(dir, schema === 'project' ? 'project.qde' : 'codebook.qdc');
    fs.writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMAS[schema], file], { encoding: 'utf8' });
    if (result.error) throw result.error;
    return result.status === 0 ? '' : result.stderr;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
