import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeSourceText, textFingerprint, writeLabels } from '../../../../shared/refi/sourceText';

const NVIVO_STYLE = 'Intervjuer: Hva er innovasjon?\r\nInger: «Nye løsninger» 👍 er bra.\r\nDet handler om å prøve.\r\nIntervjuer: Takk.\r\nInger: Bare hyggelig.';

describe('canonicalizeSourceText', () => {
  it('moves detected speaker labels into turns, makes line breaks LF and keeps every word in place', () => {
    const c = canonicalizeSourceText(NVIVO_STYLE);
    expect(c.text).toBe('Hva er innovasjon?\n«Nye løsninger» 👍 er bra.\nDet handler om å prøve.\nTakk.\nBare hyggelig.');
    expect(c.labels).toEqual(['Intervjuer', 'Inger']);
    expect(c.turns.map((t) => [t.speaker, c.text.slice(t.start, t.end)])).toEqual([
      ['Intervjuer', 'Hva er innovasjon?'],
      ['Inger', '«Nye løsninger» 👍 er bra.\nDet handler om å prøve.'],
      ['Intervjuer', 'Takk.'],
      ['Inger', 'Bare hyggelig.'],
    ]);
    for (const word of ['«Nye løsninger» 👍', 'handler om å prøve', 'Takk', 'hyggelig']) {
      const at = NVIVO_STYLE.indexOf(word);
      expect(c.text.slice(c.map(at, 'start'), c.map(at + word.length, 'end'))).toBe(word);
    }
  });

  it('reports a selection that covers only a label, and shrinks one that starts inside a label', () => {
    const c = canonicalizeSourceText(NVIVO_STYLE);
    const label = NVIVO_STYLE.indexOf('Inger:');
    expect(c.onlyLabel(label, label + 'Inger: '.length)).toBe(true);
    expect(c.map(label, 'start')).toBe(c.map(label + 7, 'start'));
    expect(c.onlyLabel(label, label + 10)).toBe(false);
    expect(c.text.slice(c.map(label, 'start'), c.map(label + 11, 'end'))).toBe('«Nye');
  });

  it('composes decomposed letters (NFC) and maps offsets around them', () => {
    const raw = 'Bærum: a\u030Apen og ærlig\nBærum: igjen\n';
    const c = canonicalizeSourceText(raw);
    expect(c.text).toBe('åpen og ærlig\nigjen\n');
    const at = raw.indexOf('og');
    expect(c.text.slice(c.map(at, 'start'), c.map(at + 2, 'end'))).toBe('og');
  });

  it('leaves a text without labels as it is (apart from line breaks and NFC)', () => {
    const c = canonicalizeSourceText('Notat fra møtet.\r\n\r\nIngen talere her.');
    expect(c.text).toBe('Notat fra møtet.\n\nIngen talere her.');
    expect(c.labels).toEqual([]);
  });
});

describe('writeLabels', () => {
  it('writes "Label: " at each labelled turn and maps starts after and ends before the label', () => {
    const text = 'Hva er innovasjon?\nNye løsninger 👍.';
    const w = writeLabels(text, [
      { start: 0, label: 'Intervjuer' },
      { start: 19, label: 'Inger' },
    ]);
    expect(w.text).toBe('Intervjuer: Hva er innovasjon?\nInger: Nye løsninger 👍.');
    expect(w.text.slice(w.mapStart(19), w.mapEnd(text.length))).toBe('Nye løsninger 👍.');
    expect(w.text.slice(w.mapStart(0), w.mapEnd(19))).toBe('Hva er innovasjon?\n');
  });

  it('is undone exactly by canonicalizeSourceText with the written prefixes, for any text and turns', () => {
    const line = fc.stringMatching(/^[a-zæøåA-ZÆØÅ😀 «».,]{0,20}$/);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (lines, labelled) => {
        const text = lines.join('\n');
        let at = 0;
        const turns = lines.map((l, i) => {
          const t = { start: at, label: labelled[i] ? `Taler ${i}` : null };
          at += l.length + 1;
          return t;
        });
        const written = writeLabels(text, turns);
        const back = canonicalizeSourceText(written.text, written.prefixes);
        expect(back.text).toBe(text);
        for (let offset = 0; offset <= text.length; offset += 1) {
          expect(back.map(written.mapStart(offset), 'start')).toBe(offset);
          expect(back.map(written.mapEnd(offset), 'end')).toBe(offset);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('textFingerprint', () => {
  it('differs when the text differs and is stable otherwise', () => {
    expect(textFingerprint('æøå')).toBe(textFingerprint('æøå'));
    expect(textFingerprint('æøå')).not.toBe(textFingerprint('æøa'));
  });
});
