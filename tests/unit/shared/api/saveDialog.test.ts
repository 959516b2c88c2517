import { describe, expect, it } from 'vitest';
import { parseSaveFileRequest } from '../../../../shared/api/saveDialog';

describe('parseSaveFileRequest', () => {
  it('accepts a file name with æøå, dashes and several filters', () => {
    const request = { defaultName: 'Oppgåve – datastruktur.svg', filters: [{ name: 'SVG figure', extensions: ['svg'] }, { name: 'All', extensions: ['svg', 'png'] }] };
    expect(parseSaveFileRequest(request)).toEqual(request);
  });

  it('trims the name', () => {
    expect(parseSaveFileRequest({ defaultName: '  codebook.csv ', filters: [] })?.defaultName).toBe('codebook.csv');
  });

  it.each([
    ['a folder in the name', { defaultName: '../../etc/passwd', filters: [] }],
    ['a Windows folder in the name', { defaultName: 'C:\\Users\\x.svg', filters: [] }],
    ['an empty name', { defaultName: '  ', filters: [] }],
    ['a dotted extension', { defaultName: 'x.svg', filters: [{ name: 'SVG', extensions: ['.svg'] }] }],
    ['a path as extension', { defaultName: 'x.svg', filters: [{ name: 'SVG', extensions: ['a/b'] }] }],
    ['an unknown field', { defaultName: 'x.svg', filters: [], defaultPath: '/tmp' }],
    ['no object', 'x.svg'],
    ['too many filters', { defaultName: 'x', filters: Array.from({ length: 11 }, () => ({ name: 'A', extensions: ['a'] })) }],
  ])('refuses %s', (_why, value) => {
    expect(parseSaveFileRequest(value)).toBeNull();
  });
});
