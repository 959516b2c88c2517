import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../../shared/model/types';
import { testBackend } from '../../../support/backend';
import { dumpProject } from '../../../support/dump';
import { writeFile } from '../../../support/temp';

const CODEBOOKS = path.resolve('../shared/corpus/codebooks');

async function project(levels?: [string, string, string]) {
  const t = testBackend();
  await t.api.call('projects.create', { path: path.join(t.dir, `p${Math.random().toString(36).slice(2)}.stige`), ...(levels ? { levels } : {}) });
  return t;
}

/** The codebook as nested labels, top level first, in manual order. */
function tree(codes: readonly Code[]): unknown[] {
  const under = (id: string | null, level: number): unknown[] =>
    codes
      .filter((c) => c.parentId === id && c.level === level)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((c) => (level > 1 && codes.some((k) => k.parentId === c.id) ? { [c.label]: under(c.id, level - 1) } : c.label));
  return [...under(null, 3), ...under(null, 2), ...under(null, 1)];
}

describe('codebook.import', () => {
  it('imports the corpus Gioia JSON, QualCoder and ATLAS.ti XLSX files, each as one undoable step', async () => {
    const { api, backend } = await project();
    const empty = dumpProject(backend.project().db);
    const report = await api.call('codebook.import', {
      sources: ['gioia_healthcare_example.json', 'qualcoder_plain_codes_categories.txt', 'devops_atlasti_code_manager.xlsx'].map((f) => ({ path: path.join(CODEBOOKS, f) })),
    });
    expect(report.files.map((f) => [f.name, f.status, f.format])).toEqual([
      ['gioia_healthcare_example.json', 'imported', 'gioia-json'],
      ['qualcoder_plain_codes_categories.txt', 'imported', 'qualcoder-plain'],
      ['devops_atlasti_code_manager.xlsx', 'imported', 'table'],
    ]);
    expect(report.files[0]!.created).toEqual({ dimension: 2, theme: 3, concept: 7 });
    const atlas = report.files[2]!;
    // The spreadsheet's Code Manager holds 28 codes in 8 groups (more than the Markdown report's selection).
    expect(atlas.created.theme).toBe(8);
    expect(atlas.created.concept).toBe(28);
    const codes = await api.call('codes.list', {});
    const concept = codes.find((c) => c.label === 'Selective symptom tracking')!;
    expect(concept.description).toBe('Focusing monitoring efforts on meaningful indicators rather than comprehensive tracking');
    expect(concept.memo).toContain('Example quotes:');
    expect(codes.find((c) => c.label === 'code5')).toMatchObject({ level: 1, parentId: null, originalPath: 'cat3>>code5' });
    expect(codes.find((c) => c.label === 'collaboration')!.parentId).toBe(codes.find((c) => c.label === 'CULTURE')!.id);
    expect((await api.call('history.state', {})).undoLabel).toBe('Import codebook “devops_atlasti_code_manager.xlsx”');
    for (let i = 0; i < 3; i++) await api.call('history.undo', {});
    expect(dumpProject(backend.project().db)).toEqual(empty);
  });

  it('reuses labels on the same level, links ungrouped ones, and refuses a file whose label is on another level, changing nothing', async () => {
    const { api, backend, dir } = await project();
    const loose = await api.call('codes.create', { label: 'Celebrating small victories', level: 1, description: 'Egen definisjon' });
    const first = await api.call('codebook.import', { sources: [{ path: path.join(CODEBOOKS, 'gioia_healthcare_example.json') }] });
    expect(first.files[0]).toMatchObject({ reused: 1, created: { concept: 6 } });
    const codes = await api.call('codes.list', {});
    const linked = codes.find((c) => c.id === loose.id)!;
    expect(linked.parentId).toBe(codes.find((c) => c.label === 'Redefining Normal')!.id);
    expect(linked.description).toBe('Egen definisjon');
    const again = await api.call('codebook.import', { sources: [{ path: path.join(CODEBOOKS, 'gioia_healthcare_example.json') }] });
    expect(again.files[0]).toMatchObject({ status: 'imported', reused: 12, created: { concept: 0, theme: 0, dimension: 0 } });

    const before = dumpProject(backend.project().db);
    const clash = writeFile(dir, 'clash.csv', 'Dimension,Theme,Concept,Definition\nRedefining Normal,Ny,Begrep,x\n');
    const bad = await api.call('codebook.import', { sources: [{ path: clash }, { path: writeFile(dir, 'tom.json', '{"aggregate_dimensions": [{"name": ""}]}') }] });
    expect(bad.files.map((f) => f.status)).toEqual(['failed', 'failed']);
    expect(bad.files[0]!.reason).toBe('clash.csv: “Redefining Normal” is an aggregate dimension in the file but a second-order theme in the project; rename one of them and import again');
    expect(bad.files[1]!.reason).toBe('tom.json: aggregate_dimensions[0] has no "name"');
    expect(dumpProject(backend.project().db)).toEqual(before);
  });

  it('detects codebooks by content and says no for transcripts', async () => {
    const { api } = await project();
    const detect = async (p: string) => (await api.call('codebook.detect', { source: { path: path.resolve('../shared/corpus', p) } })).format;
    expect(await detect('codebooks/devops_atlasti_code_manager.xlsx')).toBe('table');
    expect(await detect('codebooks/serdif_taguette_codebook.csv')).toBe('table');
    expect(await detect('transcripts/qualcoder_sample_transcript.txt')).toBeNull();
    expect(await detect('transcripts/qualcoder_ID1.docx')).toBeNull();
    expect(await detect('transcripts/does-not-exist.txt')).toBeNull();
  });
});

describe('codebook.export', () => {
  it('writes CSV and XLSX with the level names, definitions and counts that read back into the same codebook', async () => {
    const source = await project(['1. ordens kode', '2. ordens kode', '3. ordens kode']);
    await source.api.call('codebook.import', { sources: [{ path: path.join(CODEBOOKS, 'gioia_healthcare_example.json') }, { path: path.join(CODEBOOKS, 'qualcoder_plain_codes_categories.txt') }] });
    await source.api.call('codes.create', { label: 'Økonomi, «ressurser» og æøå', level: 1, description: 'To linjer\nmed "sitat"' });
    const expected = tree(await source.api.call('codes.list', {}));

    for (const format of ['csv', 'xlsx'] as const) {
      const out = path.join(source.dir, `kodebok.${format}`);
      const result = await source.api.call('codebook.export', { format, destination: { path: out } });
      expect(result.files[0]!.path).toBe(out);
      const target = await project();
      const back = await target.api.call('codebook.import', { sources: [{ path: out }] });
      expect(back.files[0]!.status).toBe('imported');
      const codes = await target.api.call('codes.list', {});
      expect(tree(codes)).toEqual(expected);
      expect(codes.find((c) => c.label === 'Økonomi, «ressurser» og æøå')!.description).toBe('To linjer\nmed "sitat"');
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(source.dir, 'kodebok.xlsx'));
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, '3. ordens kode', '2. ordens kode', '1. ordens kode', 'Definition', 'Codings', 'Informants', 'Representative quotes']);
    const csv = fs.readFileSync(path.join(source.dir, 'kodebok.csv'), 'utf8');
    expect(csv).toContain('Managing Chronic Uncertainty,Adaptive Routine Building,Selective symptom tracking,Focusing monitoring efforts on meaningful indicators rather than comprehensive tracking,0,0,0');
  });

  it('writes Markdown and a Word table with every code', async () => {
    const { api } = await project();
    await api.call('codebook.import', { sources: [{ path: path.join(CODEBOOKS, 'gioia_healthcare_example.json') }] });
    const md = Buffer.from((await api.call('codebook.export', { format: 'md', destination: { inline: true } })).files[0]!.data!, 'base64').toString('utf8');
    expect(md).toContain('## Managing Chronic Uncertainty');
    expect(md).toContain('### Adaptive Routine Building');
    expect(md).toContain('- **Selective symptom tracking** — Focusing monitoring efforts');
    const docx = (await api.call('codebook.export', { format: 'docx', destination: { inline: true } })).files[0]!;
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.data!, 'base64'))).file('word/document.xml')!.async('string');
    for (const c of await api.call('codes.list', {})) expect(xml).toContain(c.label);
    expect(xml).toContain('<w:tbl>');
  });
});
