import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../../../shared/api/errors';
import type { CellProblem } from '../../../../../shared/api/methods/attributes';
import { dumpProject } from '../../../../support/dump';
import { peopleProject } from '../../../../support/peopleProject';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('attribute definitions', () => {
  it('creates, lists, renames, reorders and refuses clashing or reserved names', async () => {
    const p = await peopleProject();
    const { api } = p;
    expect((await api.call('attributes.list', { scope: 'informant' })).map((a) => [a.name, a.type, a.valueCount])).toEqual([
      ['Role', 'choice', 3],
      ['Age', 'number', 3],
    ]);
    expect(await failure(api.call('attributes.create', { scope: 'informant', name: 'role', type: 'text' }))).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(api.call('attributes.create', { scope: 'informant', name: 'Case', type: 'text' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/built-in column/) });
    expect(await failure(api.call('attributes.create', { scope: 'informant', name: 'Sektor', type: 'choice', choices: [] }))).toMatchObject({ code: 'VALIDATION' });
    expect(await failure(api.call('attributes.create', { scope: 'informant', name: 'Sektor', type: 'choice', choices: ['Kommune', 'kommune'] }))).toMatchObject({
      message: 'The choices “Kommune” and “kommune” are the same',
    });
    expect(await failure(api.call('attributes.create', { scope: 'informant', name: 'Sektor', type: 'text', choices: ['a'] }))).toMatchObject({ code: 'VALIDATION' });
    const date = await api.call('attributes.create', { scope: 'informant', name: 'Intervjudato', type: 'date' });
    // The same name may exist once per scope.
    await api.call('attributes.create', { scope: 'case', name: 'Role', type: 'text' });
    await api.call('attributes.reorder', { ids: [date.id, p.attributes.age] });
    expect((await api.call('attributes.list', { scope: 'informant' })).map((a) => a.name)).toEqual(['Intervjudato', 'Age', 'Role']);
    expect(await failure(api.call('attributes.reorder', { ids: [date.id, (await api.call('attributes.list', { scope: 'case' }))[0]!.id] }))).toMatchObject({ code: 'VALIDATION' });
    const renamed = await api.call('attributes.update', { id: date.id, name: 'Dato for intervju' });
    expect(renamed.attribute.name).toBe('Dato for intervju');
    expect(await failure(api.call('attributes.update', { id: date.id, name: 'AGE' }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('renames choices with their values, retypes values, and refuses what would not fit unless told to clear it', async () => {
    const p = await peopleProject();
    const { api } = p;
    const renamed = await api.call('attributes.update', { id: p.attributes.role, renameChoices: { leader: 'leder', politician: 'politiker' } });
    expect(renamed).toMatchObject({ attribute: { choices: ['leder', 'politiker'] }, converted: 3, cleared: 0 });
    const table = await api.call('informants.table', {});
    expect(table.rows.map((r) => r.values[p.attributes.role] ?? null)).toEqual([null, 'leder', 'politiker', 'leder', null]);
    // Dropping a choice in use is refused, naming who uses it.
    const refused = await failure(api.call('attributes.update', { id: p.attributes.role, choices: ['leder'] }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/1 value of “Role” would not fit \(Kjell: “politiker” is not one of the choices/) });
    // Number → text keeps values; text with words → number needs clearing.
    expect(await api.call('attributes.update', { id: p.attributes.age, type: 'text' })).toMatchObject({ converted: 0, cleared: 0, attribute: { type: 'text' } });
    await api.call('attributes.setValues', { scope: 'informant', cells: [{ ownerId: p.people.ola, key: `attr:${p.attributes.age}`, value: 'rundt femti' }] });
    expect(await failure(api.call('attributes.update', { id: p.attributes.age, type: 'number' }))).toMatchObject({ code: 'CONFLICT', details: { invalid: [{ ownerLabel: 'Ola', value: 'rundt femti' }] } });
    expect(await api.call('attributes.update', { id: p.attributes.age, type: 'number', clearInvalid: true })).toMatchObject({ cleared: 1, attribute: { type: 'number', valueCount: 3 } });
    // A choice attribute from text: values must be among the choices (matched ignoring case).
    const sector = await api.call('attributes.create', { scope: 'informant', name: 'Sektor', type: 'text' });
    await api.call('attributes.setValues', { scope: 'informant', cells: [{ ownerId: p.people.inger, key: `attr:${sector.id}`, value: 'helse' }] });
    expect(await api.call('attributes.update', { id: sector.id, type: 'choice', choices: ['Helse', 'Skole'] })).toMatchObject({ converted: 1 });
    expect((await api.call('informants.table', {})).rows[1]!.values[sector.id]).toBe('Helse');
  });

  it('deletes an attribute after a dry run that counts its values, undoably', async () => {
    const p = await peopleProject();
    const dry = await p.api.call('attributes.delete', { id: p.attributes.age, dryRun: true });
    expect(dry).toMatchObject({ values: 3, deleted: false, attribute: { name: 'Age' } });
    expect(await p.api.call('attributes.list', {})).toHaveLength(2);
    await p.api.call('attributes.delete', { id: p.attributes.age });
    expect((await p.api.call('attributes.list', {})).map((a) => a.name)).toEqual(['Role']);
    expect((await p.api.call('history.state', {})).undoLabel).toBe('Delete attribute “Age”');
    await p.api.call('history.undo', {});
    expect((await p.api.call('informants.table', {})).rows[2]!.values[p.attributes.age]).toBe('61');
  });
});

describe('attributes.setValues: the spreadsheet batch', () => {
  it('writes many cells of several columns in one undoable step, reading numbers, dates, choices and cases', async () => {
    const p = await peopleProject();
    const { api } = p;
    const date = await api.call('attributes.create', { scope: 'informant', name: 'Intervjudato', type: 'date' });
    const before = await api.call('informants.table', {});
    const result = await api.call('attributes.setValues', {
      scope: 'informant',
      cells: [
        { ownerId: p.people.ola, key: `attr:${p.attributes.role}`, value: 'Politician' },
        { ownerId: p.people.ola, key: `attr:${p.attributes.age}`, value: '1 234,5' },
        { ownerId: p.people.ola, key: `attr:${date.id}`, value: '1.3.2024' },
        { ownerId: p.people.sara, key: `attr:${date.id}`, value: '2024-02-29' },
        { ownerId: p.people.kjell, key: `attr:${p.attributes.age}`, value: '' },
        { ownerId: p.people.ola, key: 'case', value: 'a' },
        { ownerId: p.people.ola, key: 'label', value: 'Ola «Nordmann» 🙂' },
        { ownerId: p.people.ola, key: 'realName', value: 'Ola Nordmann' },
        { ownerId: p.people.sara, key: `attr:${p.attributes.role}`, value: 'leader' },
      ],
    });
    expect(result.changed).toBe(8); // Sara's role was already "leader"
    const table = await api.call('informants.table', {});
    const ola = table.rows.find((r) => r.informant.id === p.people.ola)!;
    expect(ola.values).toEqual({ [p.attributes.role]: 'politician', [p.attributes.age]: '1234.5', [date.id]: '2024-03-01' });
    expect(ola.informant).toMatchObject({ label: 'Ola «Nordmann» 🙂', realName: 'Ola Nordmann', caseId: p.cases.baerum });
    expect(ola.caseName).toBe('Bærum (A)');
    expect(table.rows.find((r) => r.informant.id === p.people.kjell)!.values[p.attributes.age]).toBeUndefined();
    expect((await api.call('history.state', {})).undoLabel).toBe('Edit 9 cells of the informants table');
    await api.call('history.undo', {});
    expect(await api.call('informants.table', {})).toEqual(before);
  });

  it('refuses the whole batch when any cell is wrong, naming every problem by row and column', async () => {
    const p = await peopleProject();
    const db = p.backend.project().db;
    const before = dumpProject(db);
    const error = await failure(
      p.api.call('attributes.setValues', {
        scope: 'informant',
        cells: [
          { ownerId: p.people.ola, key: `attr:${p.attributes.role}`, value: 'leader' },
          { ownerId: p.people.inger, key: `attr:${p.attributes.age}`, value: 'førtito' },
          { ownerId: p.people.kjell, key: `attr:${p.attributes.role}`, value: 'ordfører' },
          { ownerId: p.people.sara, key: 'case', value: 'Drammen' },
          { ownerId: p.people.sara, key: 'label', value: '  ' },
          { ownerId: p.people.kari, key: 'role', value: 'boss' },
          { ownerId: 'ghost', key: 'label', value: 'x' },
          { ownerId: p.people.ola, key: 'shoeSize', value: '44' },
        ],
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^7 cells are not valid, nothing was changed: Inger \(row 2\), column “Age”: “førtito” is not a number; Kjell \(row 3\), column “Role”: “ordfører” is not one of the choices \(“leader”, “politician”\)/);
    const problems = (error.details as { problems: CellProblem[] }).problems;
    expect(problems.map((x) => [x.rowLabel, x.row, x.column, x.message])).toEqual([
      ['Inger', 2, 'Age', '“førtito” is not a number'],
      ['Kjell', 3, 'Role', '“ordfører” is not one of the choices (“leader”, “politician”)'],
      ['Sara', 4, 'Case', '“Drammen” is not a case of this project'],
      ['Sara', 4, 'Label', 'a label cannot be empty'],
      ['Kari', 1, 'Speaking role', '“boss” is not a speaking role (informant or interviewer)'],
      ['ghost', 0, 'Label', 'there is no informant with id ghost'],
      ['Ola', 5, 'shoeSize', 'there is no column “shoeSize” in the informants table'],
    ]);
    expect(dumpProject(db)).toEqual(before);
    const dates = await failure(
      p.api.call('attributes.setValues', { scope: 'informant', cells: [{ ownerId: p.people.ola, key: `attr:${(await p.api.call('attributes.create', { scope: 'informant', name: 'Dato', type: 'date' })).id}`, value: '2023-02-29' }] }),
    );
    expect(dates.message).toMatch(/Ola \(row 5\), column “Dato”: “2023-02-29” is not a date \(write it like 2024-03-01\)/);
  });

  it('edits the cases table: names, codes, nesting (never inside itself) and case attributes', async () => {
    const p = await peopleProject();
    const size = await p.api.call('attributes.create', { scope: 'case', name: 'Innbyggere', type: 'number' });
    await p.api.call('attributes.setValues', {
      scope: 'case',
      cells: [
        { ownerId: p.cases.asker, key: 'parent', value: 'Bærum' },
        { ownerId: p.cases.asker, key: `attr:${size.id}`, value: 94000 },
        { ownerId: p.cases.helse, key: 'code', value: 'A1' },
      ],
    });
    const table = await p.api.call('cases.table', {});
    expect(table.rows.map((r) => [r.case.name, r.case.code, r.depth, r.informants, r.documents])).toEqual([
      ['Bærum', 'A', 0, 5, 5],
      ['Asker', 'B', 1, 2, 3],
      ['Helse', 'A1', 1, 1, 0],
    ]);
    expect(table.rows[1]!.values[size.id]).toBe('94000');
    const cycle = await failure(p.api.call('attributes.setValues', { scope: 'case', cells: [{ ownerId: p.cases.baerum, key: 'parent', value: 'A1' }] }));
    expect(cycle.message).toMatch(/Bærum \(row 1\), column “Inside”: a case cannot be inside itself/);
  });
});

describe('informants and cases', () => {
  it('warns when two people share a label, and counts their documents and codings', async () => {
    const p = await peopleProject();
    await p.api.call('informants.create', { label: 'inger ' });
    const table = await p.api.call('informants.table', {});
    expect(table.rows.map((r) => [r.informant.label, r.documents, r.codings])).toEqual([
      ['Kari', 2, 0],
      ['Inger', 1, 4],
      ['Kjell', 1, 1],
      ['Sara', 2, 3],
      ['Ola', 2, 1],
      ['inger', 0, 0],
    ]);
    expect(table.warnings).toEqual([
      {
        kind: 'sharedLabel',
        label: 'Inger',
        ids: [p.people.inger, table.rows[5]!.informant.id],
        message: '2 people share the label “Inger” (rows 2, 6): exports cannot tell their quotes apart. Give each a label of its own if they are different people.',
      },
    ]);
  });

  it('deletes an informant after a dry run with counts; speakers become unmapped, codings stay', async () => {
    const p = await peopleProject();
    const dry = await p.api.call('informants.delete', { id: p.people.sara, dryRun: true });
    expect(dry).toMatchObject({ speakers: 2, documents: 2, codings: 3, values: 2, deleted: false });
    await p.api.call('informants.delete', { id: p.people.sara });
    expect((await p.api.call('informants.list', {})).map((i) => i.label)).toEqual(['Kari', 'Inger', 'Kjell', 'Ola']);
    const m = await p.api.call('analysis.matrix', { rows: 'themes', columns: { kind: 'informants' }, measure: 'codings' });
    expect(m.cols.map((c) => c.label)).toEqual(['Inger', 'Kjell', 'Ola']);
    expect(m.rowTotals[0]).toBe(6); // T1's codings stay
    await p.api.call('history.undo', {});
    expect((await p.api.call('informants.table', {})).rows[3]).toMatchObject({ informant: { label: 'Sara' }, codings: 3 });
  });

  it('nests cases, refusing cycles; deleting a case moves what it held up one level', async () => {
    const p = await peopleProject();
    expect(await failure(p.api.call('cases.update', { id: p.cases.baerum, parentId: p.cases.helse }))).toMatchObject({
      code: 'CONFLICT',
      message: '“Bærum” cannot go inside “Helse”, which is inside it',
    });
    expect(await failure(p.api.call('cases.update', { id: p.cases.baerum, parentId: p.cases.baerum }))).toMatchObject({ code: 'CONFLICT' });
    const moved = await p.api.call('cases.update', { id: p.cases.asker, parentId: p.cases.baerum, name: 'Asker kommune' });
    expect(moved).toMatchObject({ parentId: p.cases.baerum, name: 'Asker kommune', code: 'B' });
    const dry = await p.api.call('cases.delete', { id: p.cases.baerum, dryRun: true });
    expect(dry).toMatchObject({ children: 2, informants: 2 /* Kari, Kjell */, documents: 2, values: 0, deleted: false });
    await p.api.call('cases.delete', { id: p.cases.helse });
    const inger = (await p.api.call('informants.list', {})).find((i) => i.id === p.people.inger)!;
    expect(inger.caseId).toBe(p.cases.baerum);
    await p.api.call('cases.delete', { id: p.cases.baerum });
    const cases = await p.api.call('cases.list', {});
    expect(cases.map((c) => [c.name, c.parentId])).toEqual([['Asker kommune', null]]);
    await p.api.call('history.undo', {});
    expect((await p.api.call('cases.table', {})).rows.map((r) => [r.case.name, r.depth])).toEqual([
      ['Bærum', 0],
      ['Asker kommune', 1],
    ]);
  });
});
