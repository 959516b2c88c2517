import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGioiaJson } from '../../../../shared/codebook/gioiaJson';
import { measureText, wrapText } from '../../../../shared/layout/measure';
import { A4_TEXT_BLOCK, DEFAULT_STRUCTURE_OPTIONS } from '../../../../shared/layout/options';
import { layoutFigure } from '../../../../shared/layout/pages';
import { layoutStructure, type LayoutBox, type LayoutOptions, type StructureLayout } from '../../../../shared/layout/structureLayout';
import type { StructureNode, StructureTheme, StructureTree } from '../../../../shared/layout/structureTree';
import { generatedTree, treeFromImported } from '../../../support/structureFixtures';

const CORPUS = '../shared/corpus/codebooks';
const OPTIONS: LayoutOptions = {
  width: A4_TEXT_BLOCK.portrait.width,
  fontSize: 9,
  counts: 'none',
  fill: 'plain',
  connector: 'bracket',
  ungrouped: false,
  caption: '',
  locale: 'en',
};

/** The layout with every number rounded to 0.01, so snapshots do not depend on float noise. */
function rounded(layout: StructureLayout): unknown {
  return JSON.parse(JSON.stringify(layout, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));
}

function snapshot(layout: StructureLayout, name: string) {
  return expect(`${JSON.stringify(rounded(layout), null, 1)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.json`);
}

const node = (id: string, level: 1 | 2 | 3, label: string): StructureNode => ({ id, level, label, color: '#336699', codings: 3, informants: 2, representative: 1 });

const EMPTY: StructureTree = { levelNames: ['1. ordens kode', '2. ordens kode', '3. ordens kode'], dimensions: [], looseThemes: [], ungrouped: [], informantTotal: 0 };

const LONG_WORD = 'Innovasjonsprosjektgjennomføringsevalueringsrapporteringsrutinene';
const longNorwegian: StructureTree = {
  levelNames: ['Første ordens begreper', 'Andre ordens tema', 'Aggregerte dimensjoner'],
  dimensions: [
    {
      ...node('d1', 3, 'Innovasjon som begrep – hvordan det er forstått i offentlig sektor og i kommunene på Østlandet'),
      themes: [
        {
          ...node('t1', 2, 'Innovasjon som et etablert, men teoretisk begrep med «nyskapning» i sentrum'),
          concepts: [
            node('c1', 1, '«For meg er begrepet innovasjon nyskapning, og det handler om å prøve ut nye løsninger på samfunnsutfordringer sammen med innbyggerne»'),
            node('c2', 1, `${LONG_WORD} blir ofte glemt`),
            node('c3', 1, 'Kort'),
          ],
        },
        { ...node('t2', 2, 'Innovasjon som et middel til å realisere samfunnsoppdraget i Bærum og Asker'), concepts: [node('c4', 1, 'Økonomiske rammer og ressurser styrer hva som er mulig å få til i praksis år for år')] },
      ],
    },
  ],
  looseThemes: [],
  ungrouped: [],
  informantTotal: 10,
};

function overlaps(a: LayoutBox, b: LayoutBox): boolean {
  const eps = 1e-6;
  return a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps && b.y < a.y + a.height - eps;
}

function checkInvariants(tree: StructureTree, layout: StructureLayout): void {
  const boxes = layout.boxes;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i]!, boxes[j]!)) throw new Error(`${boxes[i]!.id} overlaps ${boxes[j]!.id}`);
    }
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const centre = (b: LayoutBox) => b.y + b.height / 2;
  const themes: StructureTheme[] = [...tree.dimensions.flatMap((d) => d.themes), ...tree.looseThemes];
  for (const theme of themes) {
    const tb = byId.get(theme.id)!;
    const concepts = theme.concepts.map((c) => byId.get(c.id)!);
    if (concepts.length > 0) {
      const top = Math.min(...concepts.map((c) => c.y));
      const bottom = Math.max(...concepts.map((c) => c.y + c.height));
      expect(centre(tb)).toBeGreaterThanOrEqual(top - 1e-6);
      expect(centre(tb)).toBeLessThanOrEqual(bottom + 1e-6);
      expect(centre(tb)).toBeCloseTo((top + bottom) / 2, 6);
    }
    for (const c of concepts) expect(c.x + c.width).toBeLessThan(tb.x);
  }
  for (const dim of tree.dimensions) {
    const db = byId.get(dim.id)!;
    const themeBoxes = dim.themes.map((t) => byId.get(t.id)!);
    if (themeBoxes.length > 0) {
      const top = Math.min(...themeBoxes.map((t) => t.y));
      const bottom = Math.max(...themeBoxes.map((t) => t.y + t.height));
      expect(centre(db)).toBeCloseTo((top + bottom) / 2, 6);
    }
    for (const t of themeBoxes) expect(t.x + t.width).toBeLessThan(db.x);
  }
  // Every box inside the figure, every line inside its box and its column.
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(layout.width + 1e-6);
    expect(b.y + b.height).toBeLessThanOrEqual(layout.height + 1e-6);
    for (const line of b.lines) {
      const left = line.anchor === 'start' ? line.x : line.x - line.width / 2;
      expect(left).toBeGreaterThanOrEqual(b.x - 1e-6);
      expect(left + line.width).toBeLessThanOrEqual(b.x + b.width + 1e-6);
      expect(line.size).toBeGreaterThanOrEqual(8);
    }
  }
}

describe('measureText / wrapText', () => {
  it('measures with the font’s advance widths: æøå and « » have their own widths, emoji count as one em', () => {
    expect(measureText('æ', 'regular', 10)).toBeCloseTo(7.78, 2);
    expect(measureText('«»', 'regular', 10)).toBeCloseTo(8.58, 2);
    expect(measureText('ab', 'semibold', 10)).toBeGreaterThan(measureText('ab', 'regular', 10));
    expect(measureText('👍', 'regular', 10)).toBe(10);
    expect(measureText('e\u0301', 'regular', 10)).toBe(measureText('e', 'regular', 10));
  });

  it('wraps at spaces within the width and breaks over-long words without losing a character', () => {
    const width = 120;
    const text = `Dette er en «lang» etikett med ${LONG_WORD} og emoji 👍🏽 på slutten`;
    const lines = wrapText(text, 'regular', 9, width);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measureText(line, 'regular', 9)).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(wrapText('   ', 'regular', 9, 100)).toEqual([]);
  });
});

describe('layoutStructure snapshots', () => {
  it('lays out the corpus Gioia example', async () => {
    const codebook = parseGioiaJson(fs.readFileSync(`${CORPUS}/gioia_healthcare_example.json`, 'utf8'), 'gioia_healthcare_example.json');
    const tree = treeFromImported(codebook);
    const layout = layoutStructure(tree, OPTIONS);
    checkInvariants(tree, layout);
    expect(layout.boxes.filter((b) => b.kind === 'concept')).toHaveLength(7);
    await snapshot(layout, 'gioia-healthcare');
  });

  it('lays out an empty codebook as headers only, with a warning', async () => {
    const layout = layoutStructure(EMPTY, OPTIONS);
    expect(layout.boxes.map((b) => b.kind)).toEqual(['header', 'header', 'header']);
    expect(layout.boxes.map((b) => b.label)).toEqual(['1. ordens kode', '2. ordens kode', '3. ordens kode']);
    expect(layout.warnings[0]).toMatch(/no themes or dimensions/);
    await snapshot(layout, 'empty');
  });

  it('lays out one dimension with one theme with one concept, all centred on one line', async () => {
    const tree: StructureTree = { ...EMPTY, dimensions: [{ ...node('d', 3, 'Dimensjon'), themes: [{ ...node('t', 2, 'Tema'), concepts: [node('c', 1, 'Begrep')] }] }] };
    const layout = layoutStructure(tree, OPTIONS);
    checkInvariants(tree, layout);
    const [c, t, d] = ['c', 't', 'd'].map((id) => layout.boxes.find((b) => b.id === id)!);
    expect(c!.y + c!.height / 2).toBeCloseTo(t!.y + t!.height / 2, 6);
    expect(t!.y + t!.height / 2).toBeCloseTo(d!.y + d!.height / 2, 6);
    expect(layout.paths.map((p) => p.kind)).toEqual(['rule', 'bracket', 'connector', 'arrowhead', 'bracket', 'connector', 'arrowhead']);
    await snapshot(layout, 'one-one-one');
  });

  it('lays out 150 concepts, 30 themes and 8 dimensions', async () => {
    const tree = generatedTree(150, 30, 8);
    const layout = layoutStructure(tree, { ...OPTIONS, counts: 'both', fill: 'support' });
    checkInvariants(tree, layout);
    expect(layout.boxes.filter((b) => b.kind === 'concept')).toHaveLength(150);
    expect(layout.boxes.filter((b) => b.kind === 'theme')).toHaveLength(30);
    expect(layout.boxes.filter((b) => b.kind === 'dimension')).toHaveLength(8);
    await snapshot(layout, 'generated-150-30-8');
  });

  it('wraps very long Norwegian labels with æøå and « » inside their columns', async () => {
    const layout = layoutStructure(longNorwegian, { ...OPTIONS, counts: 'both', caption: 'Figur 5: Rammeverk for analyse. Kilde: Egenprodusert, basert på Gioia et al. (2013).', locale: 'nb' });
    checkInvariants(longNorwegian, layout);
    const c1 = layout.boxes.find((b) => b.id === 'c1')!;
    expect(c1.lines.length).toBeGreaterThan(3);
    expect(c1.lines.map((l) => l.text).join(' ')).toContain('«For meg er begrepet innovasjon nyskapning');
    expect(c1.lines.at(-1)!.text).toBe('3 kodinger · 2 informanter');
    expect(layout.boxes.find((b) => b.id === 'c2')!.lines.map((l) => l.text).join('')).toContain(LONG_WORD);
    expect(layout.boxes.find((b) => b.kind === 'caption')!.label).toMatch(/^Figur 5: Rammeverk/);
    await snapshot(layout, 'long-norwegian');
  });
});

const label = fc.oneof(
  fc.constantFrom('Tillit', 'Økonomi og «ressurser»', 'Samarbeid på tvers av etatene i kommunen', LONG_WORD, 'Læring 👍 i praksis', 'A'),
  fc.string({ minLength: 1, maxLength: 90 }).filter((s) => s.trim().length > 0),
);

const treeArb: fc.Arbitrary<StructureTree> = fc
  .record({
    dimensions: fc.array(fc.tuple(label, fc.array(fc.tuple(label, fc.array(label, { maxLength: 6 })), { maxLength: 4 })), { maxLength: 4 }),
    loose: fc.array(fc.tuple(label, fc.array(label, { maxLength: 3 })), { maxLength: 2 }),
    ungrouped: fc.array(label, { maxLength: 3 }),
  })
  .map(({ dimensions, loose, ungrouped }) => {
    let n = 0;
    const id = (p: string) => `${p}${(n += 1)}`;
    const theme = ([l, cs]: [string, string[]]): StructureTheme => ({ ...node(id('t'), 2, l), concepts: cs.map((c) => node(id('c'), 1, c)) });
    return {
      ...EMPTY,
      dimensions: dimensions.map(([l, ts]) => ({ ...node(id('d'), 3, l), themes: ts.map(theme) })),
      looseThemes: loose.map(theme),
      ungrouped: ungrouped.map((c) => node(id('u'), 1, c)),
      informantTotal: 5,
    };
  });

describe('layoutStructure properties', () => {
  it('for any tree: no two boxes overlap, themes are centred within their concepts, x(concept) < x(theme) < x(dimension)', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.record({
          fontSize: fc.double({ min: 8, max: 14, noNaN: true }),
          counts: fc.constantFrom('none', 'codings', 'informants', 'both'),
          fill: fc.constantFrom('plain', 'support', 'codeColour'),
          connector: fc.constantFrom('bracket', 'lines'),
          ungrouped: fc.boolean(),
          landscape: fc.boolean(),
          caption: fc.constantFrom('', 'Figur 1: Datastruktur'),
        }),
        (tree, o) => {
          const layout = layoutStructure(tree, { ...OPTIONS, ...o, width: A4_TEXT_BLOCK[o.landscape ? 'landscape' : 'portrait'].width });
          checkInvariants(tree, layout);
          expect(new Set(layout.boxes.map((b) => b.id)).size).toBe(layout.boxes.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is pure: the same input gives the same layout', () => {
    const tree = generatedTree(40, 10, 3, 7);
    expect(layoutStructure(tree, OPTIONS)).toEqual(layoutStructure(tree, OPTIONS));
  });
});

describe('layoutFigure', () => {
  it('splits by dimension, fills captions per part, and picks landscape only when portrait is too tall', () => {
    const tree = generatedTree(24, 6, 3);
    const figure = layoutFigure(tree, { ...DEFAULT_STRUCTURE_OPTIONS, split: true, caption: 'Figur {part}: {dimension} ({project})' }, 'Oppgave');
    expect(figure.pages).toHaveLength(3);
    figure.pages.forEach((page, i) => {
      expect(page.dimension).toBe(tree.dimensions[i]!.label);
      expect(page.layout.boxes.find((b) => b.kind === 'caption')!.label).toBe(`Figur ${i + 1}: ${tree.dimensions[i]!.label} (Oppgave)`);
      expect(page.orientation).toBe('portrait');
      expect(page.fits).toBe(true);
    });
    const big = layoutFigure(generatedTree(150, 30, 8), DEFAULT_STRUCTURE_OPTIONS, 'Stor');
    expect(big.pages).toHaveLength(1);
    expect(big.pages[0]!.fits).toBe(false);
    expect(big.warnings.join(' ')).toMatch(/split it by dimension/);
  });
});
