import type { ImportedCode, ImportedCodebook } from '../../shared/codebook/model';
import type { Level } from '../../shared/model/levels';
import { DEFAULT_LEVEL_NAMES } from '../../shared/model/levels';
import type { CodeSupport, StructureNode, StructureTheme, StructureTree } from '../../shared/layout/structureTree';

/** A small deterministic PRNG (mulberry32), so generated trees are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function node(id: string, level: Level, label: string, support: CodeSupport): StructureNode {
  return { id, level, label, color: '#888888', ...support };
}

/** A parsed codebook file as the figure's tree, with ids from the path and support from `support`. */
export function treeFromImported(codebook: ImportedCodebook, support: (id: string) => CodeSupport = () => ({ codings: 0, informants: 0, representative: 0 })): StructureTree {
  const concept = (c: ImportedCode, id: string) => node(id, 1, c.label, support(id));
  const theme = (t: ImportedCode, id: string): StructureTheme => ({ ...node(id, 2, t.label, support(id)), concepts: t.children.map((c, i) => concept(c, `${id}.c${i + 1}`)) });
  const roots = codebook.roots;
  return {
    levelNames: DEFAULT_LEVEL_NAMES,
    dimensions: roots.filter((r) => r.level === 3).map((d, i) => ({ ...node(`d${i + 1}`, 3, d.label, support(`d${i + 1}`)), themes: d.children.map((t, j) => theme(t, `d${i + 1}.t${j + 1}`)) })),
    looseThemes: roots.filter((r) => r.level === 2).map((t, i) => theme(t, `t${i + 1}`)),
    ungrouped: roots.filter((r) => r.level === 1).map((c, i) => concept(c, `c${i + 1}`)),
    informantTotal: 12,
  };
}

const WORDS = ['innovasjon', 'samarbeid', 'tillit', 'ledelse', 'kommune', 'erfaring', 'læring', 'endring', 'ressurser', 'brukere', 'digitalisering', 'kultur', 'styring', 'risiko', 'eksperimentering', 'nettverk', 'politikk', 'økonomi', 'tjenester', 'medvirkning'];

function phrase(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A structure of `dimensions` dimensions, `themes` themes and `concepts` concepts spread as evenly
 * as possible, with Norwegian labels of varying length and deterministic support counts.
 */
export function generatedTree(concepts: number, themes: number, dimensions: number, seed = 42): StructureTree {
  const rand = seeded(seed);
  const support = (): CodeSupport => {
    const informants = Math.floor(rand() * 13);
    return { codings: informants * 2 + Math.floor(rand() * 5), informants, representative: Math.floor(rand() * 3) };
  };
  const themeList: StructureTheme[] = Array.from({ length: themes }, (_, t) => ({
    ...node(`t${t + 1}`, 2, phrase(rand, 2, 6), support()),
    concepts: Array.from({ length: Math.floor(concepts / themes) + (t < concepts % themes ? 1 : 0) }, (_, c) => node(`t${t + 1}c${c + 1}`, 1, phrase(rand, 2, 12), support())),
  }));
  return {
    levelNames: ['1. ordens kode', '2. ordens kode', '3. ordens kode'],
    dimensions: Array.from({ length: dimensions }, (_, d) => ({
      ...node(`d${d + 1}`, 3, phrase(rand, 2, 5), support()),
      themes: themeList.filter((_, t) => t % dimensions === d),
    })),
    looseThemes: [],
    ungrouped: [],
    informantTotal: 12,
  };
}
