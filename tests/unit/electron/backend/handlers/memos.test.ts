import { describe, expect, it } from 'vitest';
import { dumpProject } from '../../../../support/dump';
import { rejection, workspace } from '../../../../support/workspace';

describe('memos', () => {
  it('writes, edits and deletes free memos, each an undoable step', async () => {
    const w = await workspace();
    const empty = dumpProject(w.db());
    const memo = await w.api.call('memos.create', { title: 'Idé om tillit', body: 'Tillit går igjen hos «alle» 👍' });
    expect(memo).toMatchObject({ kind: 'project', title: 'Idé om tillit', body: 'Tillit går igjen hos «alle» 👍', documentId: null });
    expect(memo.updatedAt).toEqual(expect.any(Number));
    expect((await w.api.call('history.state', {})).undoLabel).toBe('New memo “Idé om tillit”');
    const created = dumpProject(w.db());
    expect((created.memos as { coder_id: string | null }[])[0]!.coder_id).not.toBeNull();

    const edited = await w.api.call('memos.update', { id: memo.id, body: 'Tillit og åpenhet' });
    expect(edited).toMatchObject({ title: 'Idé om tillit', body: 'Tillit og åpenhet' });
    const renamed = await w.api.call('memos.update', { id: memo.id, title: 'Tillit' });
    expect(renamed.title).toBe('Tillit');
    await w.api.call('history.undo', {});
    await w.api.call('history.undo', {});
    expect(dumpProject(w.db())).toEqual(created);
    await w.api.call('memos.delete', { id: memo.id });
    expect(await w.api.call('memos.list', {})).toEqual([]);
    await w.api.call('history.undo', {});
    expect(dumpProject(w.db())).toEqual(created);
    await w.api.call('history.undo', {});
    expect(dumpProject(w.db())).toEqual(empty);

    expect((await rejection(w.api.call('memos.update', { id: 'nope', body: 'x' }))).code).toBe('NOT_FOUND');
    expect((await rejection(w.api.call('memos.delete', { id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await rejection(w.api.call('memos.create', { title: '  ' }))).code).toBe('VALIDATION');
  });

  it('lists every non-empty memo: free memos, the project’s, documents, codes, codings, informants', async () => {
    const w = await workspace();
    await w.api.call('memos.create', { title: 'Fri', body: 'Fritt notat' });
    await w.api.call('project.update', { memo: 'Prosjektets memo' });
    await w.api.call('documents.update', { id: w.docs.kjell, memo: 'Intervjuet ble avbrutt' });
    const range = await w.range(w.docs.inger, 'tillit');
    const { coding, createdCodes } = await w.api.call('codings.create', { documentId: w.docs.inger, ...range, code: { concept: 'Tillit' } });
    await w.api.call('codes.update', { id: createdCodes[0]!.id, memo: 'Definisjon av tillit' });
    await w.api.call('codings.update', { id: coding.id, memo: 'Godt sitat' });
    const informant = (await w.api.call('informants.list', {})).find((i) => i.label === 'Kjell')!;
    await w.api.call('informants.update', { id: informant.id, memo: 'Rådgiver' });
    await w.api.call('documents.update', { id: w.docs.inger, memo: '   ' });

    const project = await w.api.call('project.get', {});
    const list = await w.api.call('memos.list', {});
    expect(list.map((m) => [m.kind, m.title, m.body])).toEqual([
      ['project', 'Fri', 'Fritt notat'],
      ['project', project.name, 'Prosjektets memo'],
      ['document', 'kjell', 'Intervjuet ble avbrutt'],
      ['code', 'Tillit', 'Definisjon av tillit'],
      ['coding', 'Tillit: “tillit”', 'Godt sitat'],
      ['informant', 'Kjell', 'Rådgiver'],
    ]);
    expect(list.find((m) => m.kind === 'coding')).toMatchObject({ id: coding.id, documentId: w.docs.inger });
    expect(list.find((m) => m.kind === 'document')).toMatchObject({ id: w.docs.kjell, documentId: w.docs.kjell });

    // The project's own memo is edited and cleared through its id, like a free memo.
    const own = list[1]!;
    expect(await w.api.call('memos.update', { id: own.id, body: 'Nytt' })).toMatchObject({ id: project.id, body: 'Nytt' });
    expect((await w.api.call('project.get', {})).memo).toBe('Nytt');
    expect((await rejection(w.api.call('memos.update', { id: own.id, title: 'Annet navn' }))).code).toBe('VALIDATION');
    await w.api.call('memos.delete', { id: own.id });
    expect((await w.api.call('project.get', {})).memo).toBe('');
    await w.api.call('history.undo', {});
    expect((await w.api.call('project.get', {})).memo).toBe('Nytt');
  });
});
