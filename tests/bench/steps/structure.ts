import { performance } from 'node:perf_hooks';
import { renderPdf } from '../../../electron/backend/figure/pdf';
import { renderPng } from '../../../electron/backend/figure/png';
import { A4_TEXT_BLOCK, DEFAULT_STRUCTURE_OPTIONS } from '../../../shared/layout/options';
import { layoutStructure, type LayoutOptions } from '../../../shared/layout/structureLayout';
import { renderStructureSvg } from '../../../shared/layout/structureSvg';
import { generatedTree } from '../../support/structureFixtures';

/** One measured step: the median and the slowest of `runs` runs, in milliseconds. */
export interface StructureMeasurement {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  /** What the step produced, for the report (boxes, bytes, pixels). */
  readonly detail: string;
  /** The target, where it names one. */
  readonly targetMs: number | null;
}

async function measure(name: string, runs: number, targetMs: number | null, fn: () => unknown | Promise<unknown>, detail: (last: unknown) => string): Promise<StructureMeasurement> {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]!, detail: detail(last), targetMs };
}

/**
 * The data-structure figure at thesis-plus size — 150 concepts, 30 themes, 8 dimensions, with
 * counts and support shading: the layout (target < 100 ms), the SVG string, the 300 dpi PNG
 * (resvg with the shipped font) and the PDF. Self-contained: builds its own tree, touches no files.
 * `quick` runs each step fewer times.
 */
export async function benchStructure(options: { quick?: boolean } = {}): Promise<StructureMeasurement[]> {
  const tree = generatedTree(150, 30, 8);
  const layoutOptions: LayoutOptions = {
    width: A4_TEXT_BLOCK.portrait.width,
    fontSize: DEFAULT_STRUCTURE_OPTIONS.fontSize,
    counts: 'both',
    fill: 'support',
    connector: 'bracket',
    ungrouped: false,
    caption: 'Figur 5: Rammeverk for analyse. Kilde: Egenprodusert, basert på Gioia et al. (2013).',
    locale: 'nb',
  };
  const n = options.quick ? 3 : 15;
  const layout = layoutStructure(tree, layoutOptions);
  const svg = renderStructureSvg(layout, { background: '#ffffff' });
  return [
    await measure('structure.layout 150/30/8', n, 100, () => layoutStructure(tree, layoutOptions), (l) => `${(l as typeof layout).boxes.length} boxes`),
    await measure('structure.svg 150/30/8', n, null, () => renderStructureSvg(layout, { background: '#ffffff' }), (s) => `${(s as string).length} chars`),
    await measure('structure.png 300 dpi 150/30/8', options.quick ? 1 : 3, null, () => renderPng(layout), (p) => `${(p as Buffer).length} bytes, ${svg.length} chars of SVG`),
    await measure('structure.pdf 150/30/8', options.quick ? 1 : 3, null, () => renderPdf([{ layout, orientation: 'portrait', dimension: null, fits: false }], 'bench'), (p) => `${(p as Buffer).length} bytes`),
  ];
}
