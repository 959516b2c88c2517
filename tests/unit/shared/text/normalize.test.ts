import { describe, expect, it } from 'vitest';
import { isCanonical, normalizeText } from '../../../../shared/text/normalize';

describe('normalizeText', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('removes a leading byte-order mark only', () => {
    expect(normalizeText('\uFEFFHei\uFEFF')).toBe('Hei\uFEFF');
  });

  it('composes NFD letters to NFC so “å” is one code unit', () => {
    const nfd = 'Bæ' + 'a\u030A' + 'rum';
    const nfc = normalizeText(nfd);
    expect(nfc).toBe('Bærum'.replace('rum', '') + '\u00E5rum');
    expect(nfc.length).toBe(nfd.length - 1);
  });

  it('leaves emoji, guillemets and curly quotes alone', () => {
    const text = '«Det var 👍 bra» – “quote”';
    expect(normalizeText(text)).toBe(text);
    expect(isCanonical(text)).toBe(true);
    expect(isCanonical('a\r\nb')).toBe(false);
  });
});
