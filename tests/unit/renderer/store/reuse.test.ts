import { describe, expect, it } from 'vitest';
import { directTransport } from '../../../../renderer/api/directTransport';
import { createAppStore } from '../../../../renderer/store/createAppStore';
import { reuseList, reuseRecord } from '../../../../renderer/store/reuse';
import { selectGioiaTree } from '../../../../renderer/store/selectors';
import { testBackend } from '../../../support/backend';

describe('structural sharing of reloaded data', () => {
  it('keeps unchanged entries and the whole record when nothing changed', () => {
    const a = { id: 'a', n: 1 };
    const b = { id: 'b', n: 2 };
    const previous = { a, b };
    expect(reuseRecord(previous, { a: { id: 'a', n: 1 }, b: { id: 'b', n: 2 } })).toBe(previous);
    const next = reuseRecord(previous, { a: { id: 'a', n: 1 }, b: { id: 'b', n: 3 } });
    expect(next).not.toBe(previous);
    expect(next.a).toBe(a);
    expect(next.b).toEqual({ id: 'b', n: 3 });
    expect(reuseRecord(previous, { a: { id: 'a', n: 1 } })).toEqual({ a });
    const list = [a, b];
    expect(reuseList(list, [{ id: 'a', n: 1 }, { id: 'b', n: 2 }])).toBe(list);
    const moved = reuseList(list, [{ id: 'b', n: 2 }, { id: 'a', n: 1 }]);
    expect(moved).toEqual([b, a]);
    expect(moved[0]).toBe(b);
  });

  it('coding a passage with an existing concept keeps every other code and tree node', async () => {
    const { backend } = testBackend({ coder: 'Kari' });
    const store = createAppStore({ transport: directTransport(backend, async () => ({ path: '' })) });
    await store.getState().start();
    await store.getState().openSample();
    const before = store.getState();
    const tree = selectGioiaTree(before);
    const concept = tree.dimensions[0]!.children[0]!.children[0]!;
    store.getState().setSelection({ start: 0, end: 12 });
    await store.getState().codeSelection({ id: concept.code.id });
    await store.getState().loadCodes();
    const after = selectGioiaTree(store.getState());
    expect(store.getState().codes[concept.code.id]!.codingCount).toBe(concept.code.codingCount + 1);
    // The coded concept's path is new; its sibling dimensions are the very same objects.
    expect(after.dimensions[0]).not.toBe(tree.dimensions[0]);
    expect(after.dimensions.slice(1)).toEqual(tree.dimensions.slice(1));
    after.dimensions.slice(1).forEach((node, i) => expect(node).toBe(tree.dimensions[i + 1]));
    const untouched = Object.keys(before.codes).filter((id) => id !== concept.code.id);
    expect(untouched.every((id) => store.getState().codes[id] === before.codes[id])).toBe(true);
  });
});
