import { describe, expect, it } from 'vitest';
import { checkTemplate, parseTemplate, placeholdersOf, renderTemplate, splitTemplateAt, templateProblem, TemplateError } from '../../../../shared/exports/templates';

describe('templates', () => {
  const caption = 'Tabell {n}: Representative sitater knyttet til {dimension}. Kilde: Egenprodusert.';

  it('fills named placeholders, keeps æøå and « », and writes {{ }} as braces', () => {
    expect(renderTemplate(caption, { n: 5, dimension: 'forståelsen av innovasjonsbegrepet i norske kommuner' })).toBe(
      'Tabell 5: Representative sitater knyttet til forståelsen av innovasjonsbegrepet i norske kommuner. Kilde: Egenprodusert.',
    );
    expect(renderTemplate('«{quote}» – {case} {{x}}', { quote: 'Nye løsninger', case: 'Bærum' })).toBe('«Nye løsninger» – Bærum {x}');
    expect(placeholdersOf('{label}, {case}, {label}')).toEqual(['label', 'case']);
  });

  it('splits a caption around its number for the SEQ field', () => {
    expect(splitTemplateAt(caption, 'n', { n: 5, dimension: 'X' })).toEqual({
      before: 'Tabell ',
      found: true,
      after: ': Representative sitater knyttet til X. Kilde: Egenprodusert.',
    });
    expect(splitTemplateAt('Sitater om {dimension}', 'n', { dimension: 'X' })).toEqual({ before: 'Sitater om X', found: false, after: '' });
  });

  it('names an unknown placeholder and the allowed ones', () => {
    expect(templateProblem('Tabell {nr}: {dimension}', 'caption')).toBe('Unknown placeholder {nr} in the caption template; it may use {n}, {dimension}, {theme}');
    expect(templateProblem('«{quote}» – {kommune}', 'custom')).toMatch(/Unknown placeholder \{kommune\} in the custom attribution template/);
    expect(templateProblem(caption, 'caption')).toBeNull();
    expect(() => checkTemplate('{quote}', 'caption')).toThrow(TemplateError);
  });

  it('reports unbalanced braces', () => {
    expect(() => parseTemplate('Tabell {n')).toThrow(/not closed/);
    expect(() => parseTemplate('Tabell n}')).toThrow(/closes nothing/);
    expect(() => parseTemplate('Tabell {}')).toThrow(/empty placeholder/);
  });
});
