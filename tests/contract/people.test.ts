import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/api/errors';
import { inProcess, overHttp, type Harness } from './harness';

// Informants, attributes and the matrix over both transports: uploads for table imports, inline
// exports for browser downloads, null column ids and validation details surviving JSON.

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

const INTERVIEW = 'Intervjuer: Hva er innovasjon?\nInger: «Nye løsninger» 👍 og samarbeid.\nOla: Og tillit.';

describe.each([
  ['in-process', inProcess],
  ['http', overHttp],
] as const)('people and comparison %s', (_name, make) => {
  it('imports an informants table from an upload, computes a matrix by attribute, drills down and exports inline', async () => {
    const h = await make();
    harnesses.push(h);
    const { api } = h;
    await api.call('projects.create', { path: h.projectPath('Sammenligning') });
    await api.call('documents.import', { sources: [await h.source('Gruppe.txt', INTERVIEW)], case: 'Bærum', speakers: { Inger: 'Inger', Ola: 'Ola' } });
    const table = 'Label;Rolle;Alder\nInger;leder;52\nOla;;61\nPer;politiker;40\n';
    const report = await api.call('informants.importTable', { source: await h.source('informanter.csv', table), createAttributes: true });
    expect(report).toMatchObject({ matched: 2, unmatched: [{ row: 4, label: 'Per' }], changed: 3 });
    const doc = (await api.call('documents.list', {}))[0]!;
    const text = (await api.call('documents.get', { id: doc.id })).text;
    const start = text.indexOf('samarbeid');
    await api.call('codings.create', { documentId: doc.id, start, end: text.indexOf('tillit') + 6, code: { concept: 'Samarbeid', theme: 'Tillit' } });
    const m = await api.call('analysis.matrix', { rows: 'tree', columns: { kind: 'attribute', name: 'rolle' }, measure: 'informants' });
    expect(m.cols.map((c) => [c.id, c.label])).toEqual([
      ['leder', 'leder'],
      [null, '(no value)'],
    ]);
    expect(m.cells).toEqual([
      [1, 1],
      [1, 1],
    ]);
    const cell = await api.call('analysis.matrixCell', { rows: 'tree', columns: { kind: 'attribute', name: 'Rolle' }, rowId: m.rows[0]!.id, colId: null });
    expect(cell[0]!.informants.map((i) => i.label)).toEqual(['Inger', 'Ola']);
    const exported = await api.call('analysis.exportMatrix', { rows: 'tree', columns: { kind: 'cases' }, measure: 'codings', format: 'json', destination: { inline: true } });
    expect(JSON.parse(Buffer.from(exported.files[0]!.data!, 'base64').toString('utf8'))).toMatchObject({ cols: [{ label: 'Bærum' }], cells: [[1], [1]] });
    const alder = report.columns[2]!.attributeId!;
    const inger = (await api.call('informants.list', {}))[0]!.id;
    let error: AppError | null = null;
    try {
      await api.call('attributes.setValues', { scope: 'informant', cells: [{ ownerId: inger, key: `attr:${alder}`, value: 'gammel' }] });
    } catch (e) {
      error = e as AppError;
    }
    expect(error).toMatchObject({ code: 'VALIDATION', details: { problems: [{ rowLabel: 'Inger', column: 'Alder', message: '“gammel” is not a number' }] } });
  });
});
