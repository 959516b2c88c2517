import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choicesProblem, compareAttributeValues, guessAttributeType, parseAttributeValue, parseDate, parseNumber } from '../../../../shared/attributes/values';

describe('attribute values', () => {
  it('reads numbers with decimal points or commas and spaces as thousands separators', () => {
    expect(['42', '-3.5', '3,5', '1 234,5', '1\u00a0234', '1.234,5', '1,234.5', '1,234,567', '+7', '.5', '1e3', '\u22122'].map(parseNumber)).toEqual([
      '42', '-3.5', '3.5', '1234.5', '1234', '1234.5', '1234.5', '1234567', '7', '0.5', '1000', '-2',
    ]);
    for (const bad of ['', 'førti', '12a', '1..2', 'Infinity', '1e999', '--1']) expect(parseNumber(bad), bad).toBeNull();
  });

  it('canonical numbers read back as themselves', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = parseNumber(String(n));
        expect(text).not.toBeNull();
        expect(parseNumber(text!)).toBe(text);
        expect(Number(text)).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
  });

  it('reads ISO dates, spreadsheet date-times and d.m.yyyy, and refuses dates that do not exist', () => {
    expect(['2024-03-01', '2024-02-29T00:00:00.000Z', '1.3.2024', '01.03.2024', '2000-02-29'].map(parseDate)).toEqual([
      '2024-03-01', '2024-02-29', '2024-03-01', '2024-03-01', '2000-02-29',
    ]);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '31.4.2024', '2024/03/01', 'i går']) expect(parseDate(bad), bad).toBeNull();
  });

  it('checks values against their type and choices, clearing on blank input', () => {
    const role = { type: 'choice' as const, choices: ['Leder', 'Politiker', 'Ansatt «fast»'] };
    expect(parseAttributeValue(role, 'leder')).toEqual({ ok: true, value: 'Leder' });
    expect(parseAttributeValue(role, ' Ansatt «fast» ')).toEqual({ ok: true, value: 'Ansatt «fast»' });
    expect(parseAttributeValue(role, 'Ordfører')).toEqual({ ok: false, problem: 'is not one of the choices (“Leder”, “Politiker”, “Ansatt «fast»”)' });
    expect(parseAttributeValue(role, '   ')).toEqual({ ok: true, value: null });
    expect(parseAttributeValue({ type: 'number', choices: [] }, 52)).toEqual({ ok: true, value: '52' });
    expect(parseAttributeValue({ type: 'text', choices: [] }, 'A\u030asen 🙂')).toEqual({ ok: true, value: 'Åsen 🙂'.normalize('NFC') });
    expect(parseAttributeValue({ type: 'date', choices: [] }, 'snart')).toEqual({ ok: false, problem: 'is not a date (write it like 2024-03-01)' });
  });

  it('orders values by type', () => {
    const sorted = (type: 'number' | 'date' | 'text' | 'choice', values: string[], choices: string[] = []) => [...values].sort((a, b) => compareAttributeValues({ type, choices }, a, b));
    expect(sorted('number', ['10', '9', '-1', '2.5'])).toEqual(['-1', '2.5', '9', '10']);
    expect(sorted('date', ['2024-03-01', '2023-12-31'])).toEqual(['2023-12-31', '2024-03-01']);
    expect(sorted('choice', ['b', 'c', 'a'], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
    expect(sorted('text', ['Østre', 'Asker', 'Bærum'])).toEqual(['Asker', 'Bærum', 'Østre']);
  });

  it('guesses a type for an imported column, and checks choice lists', () => {
    expect(guessAttributeType(['52', '', '61,5'])).toBe('number');
    expect(guessAttributeType(['2024-01-02', '3.4.2024'])).toBe('date');
    expect(guessAttributeType(['52', 'leder'])).toBe('text');
    expect(guessAttributeType(['', ' '])).toBe('text');
    expect(choicesProblem([])).toMatch(/at least one/);
    expect(choicesProblem(['a', ' '])).toMatch(/empty/);
    expect(choicesProblem(['Æ', 'æ'])).toBe('The choices “Æ” and “æ” are the same');
    expect(choicesProblem(['a', 'b'])).toBeNull();
  });
});
