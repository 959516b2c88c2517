import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/api/limits';
import { contract } from '../../../../shared/api/contract';
import { handlers } from '../../../../electron/backend/dispatch';
import { testBackend } from '../../../support/backend';
import { dumpProject } from '../../../support/dump';

describe('dispatch', () => {
  it('has a handler for every method of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers unknown methods with a VALIDATION envelope', async () => {
    const { backend } = testBackend();
    expect(await backend.dispatch('codes.explode', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Unknown method/) } });
    expect(await backend.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await backend.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('rejects wrong types, unknown keys and oversized strings before any handler runs, changing nothing', async () => {
    const { backend, api, dir } = testBackend();
    await api.call('projects.create', { path: path.join(dir, 'p') });
    await api.call('codes.create', { label: 'Concept', level: 1 });
    const before = dumpProject(backend.project().db);
    const bad: [string, unknown][] = [
      ['codes.create', { label: 42, level: 1 }],
      ['codes.create', { label: 'x', level: 4 }],
      ['codes.create', { label: '   ', level: 1 }],
      ['codes.create', { label: 'x'.repeat(LIMITS.label + 1), level: 1 }],
      ['codes.create', { label: 'x', level: 1, extra: true }],
      ['codes.update', { id: 'x'.repeat(LIMITS.id + 1), label: 'y' }],
      ['codings.create', { documentId: 'd', start: -1, end: 2, code: { concept: 'c' } }],
      ['codings.create', { documentId: 'd', start: 1.5, end: 2, code: { concept: 'c' } }],
      ['codes.update', { id: 'a', color: 'red' }],
      ['project.update', { levels: ['a', 'b'] }],
      ['codes.list', 'not an object'],
      ['codes.list', null],
    ];
    for (const [method, args] of bad) {
      const result = await backend.dispatch(method, args);
      if (method === 'codes.list' && args === null) {
        // null arguments mean "no arguments" for methods that take none.
        expect(result.ok).toBe(true);
        continue;
      }
      expect(result, `${method} ${JSON.stringify(args).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(dumpProject(backend.project().db)).toEqual(before);
  });

  it('names the offending field in the message and details', async () => {
    const { backend } = testBackend();
    const result = await backend.dispatch('codes.create', { label: 1, level: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/label/), details: { issues: [{ path: 'label' }] } } });
  });

  it('answers NO_PROJECT when a project is needed and none is open', async () => {
    const { backend } = testBackend();
    expect(await backend.dispatch('codes.list', {})).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });

  it('turns unexpected errors into INTERNAL without leaking the stack', async () => {
    const { backend, api, dir } = testBackend();
    await api.call('projects.create', { path: path.join(dir, 'p') });
    backend.project().db.close();
    const result = await backend.dispatch('codes.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/at \w+ \(/);
  });

  it('confines HTTP callers to the data folder', async () => {
    const { backend } = testBackend();
    expect(await backend.dispatch('projects.create', { path: '../escape' }, 'http')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.dispatch('projects.open', { path: '/etc/passwd' }, 'http')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.dispatch('documents.import', { sources: [{ path: '/etc/hostname' }] }, 'http')).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
    await backend.dispatch('projects.create', { path: 'inside' }, 'http');
    const imported = await backend.dispatch('documents.import', { sources: [{ path: '/etc/hostname' }] }, 'http');
    expect(imported).toMatchObject({ ok: true, value: { files: [{ status: 'failed', reason: expect.stringMatching(/outside the projects folder/) }] } });
  });
});
