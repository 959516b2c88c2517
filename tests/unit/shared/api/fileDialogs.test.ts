import { describe, expect, it } from 'vitest';
import { parseOpenFileRequest, parseSaveFileRequest } from '../../../../shared/api/fileDialogs';

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

describe('parseOpenFileRequest', () => {
  it('accepts a title and the REFI-QDA file types', () => {
    const request = { title: 'Velg en fil …', filters: [{ name: 'REFI-QDA project or codebook', extensions: ['qdpx', 'qde', 'qdc'] }] };
    expect(parseOpenFileRequest(request)).toEqual(request);
  });

  it.each([
    ['no filters (any file)', { title: 'Open', filters: [] }],
    ['an empty title', { title: ' ', filters: [{ name: 'A', extensions: ['a'] }] }],
    ['a dotted extension', { title: 'Open', filters: [{ name: 'A', extensions: ['.qdpx'] }] }],
    ['a default path', { title: 'Open', filters: [{ name: 'A', extensions: ['a'] }], defaultPath: '/etc' }],
    ['no request', undefined],
  ])('refuses %s', (_why, value) => {
    expect(parseOpenFileRequest(value)).toBeNull();
  });
});
