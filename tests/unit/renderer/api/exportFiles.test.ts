import { describe, expect, it } from 'vitest';
import { base64ToBytes, formatBytes } from '../../../../renderer/api/exportFiles';

describe('base64ToBytes', () => {
  it('decodes what Node encodes, including bytes above 127', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
    expect([...base64ToBytes(bytes.toString('base64'))]).toEqual([...bytes]);
  });

  it('decodes UTF-8 text with æøå and emoji back to the same text', () => {
    const text = '<text>Første ordens begreper «sitat» 🙂</text>';
    expect(Buffer.from(base64ToBytes(Buffer.from(text, 'utf8').toString('base64'))).toString('utf8')).toBe(text);
  });
});

describe('formatBytes', () => {
  it('speaks in B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(45_000)).toBe('44 KB');
    expect(formatBytes(3_400_000)).toBe('3.2 MB');
  });
});
