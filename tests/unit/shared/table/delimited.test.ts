import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter, toCsv } from '../../../../shared/table/delimited';

describe('delimited tables', () => {
  it('detects commas, semicolons and tabs, respecting quotes', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('Navn;Alder\n"Ås, Inger";52\nKjell;61\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('only\none\ncolumn\n')).toBe(',');
  });

  it('round-trips cells with commas, quotes, line breaks, æøå and emoji through CSV', () => {
    const rows = [
      ['Label', 'Memo', 'Age'],
      ['Inger', 'Sa «ja», så "nei"\nog så 🙂', '52'],
      ['Åse', '', '1,5'],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFFLabel,Memo,Age\r\n')).toBe(true);
    expect(parseDelimited(csv)).toEqual({ rows, delimiter: ',' });
    expect(toCsv([[1.5, null, 'x']])).toBe('\uFEFF1.5,,x\r\n');
  });
});
