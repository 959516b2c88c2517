import zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { FIGURE_FONT_FAMILY } from '../../../shared/layout/measure';
import type { StructureLayout } from '../../../shared/layout/structureLayout';
import { renderStructureSvg } from '../../../shared/layout/structureSvg';
import { figureFontFile } from './fonts';

/** Print resolution of exported PNGs. */
export const PNG_DPI = 300;

/** Pixel size of a layout rendered at `dpi` (layouts are in points, 72 per inch). */
export function pngSize(layout: StructureLayout, dpi = PNG_DPI): { width: number; height: number } {
  return { width: Math.round((layout.width * dpi) / 72), height: Math.round((layout.height * dpi) / 72) };
}

/**
 * Render a layout to PNG with resvg and the shipped font (no system fonts, so every machine draws
 * the same pixels), on white, and record the resolution in a pHYs chunk so Word and image editors
 * place it at its true size.
 */
export function renderPng(layout: StructureLayout, dpi = PNG_DPI): Buffer {
  const svg = renderStructureSvg(layout, { background: '#ffffff' });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: pngSize(layout, dpi).width },
    font: {
      loadSystemFonts: false,
      fontFiles: [figureFontFile('regular'), figureFontFile('semibold')],
      defaultFontFamily: FIGURE_FONT_FAMILY,
      sansSerifFamily: FIGURE_FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 2,
  });
  return withResolution(Buffer.from(resvg.render().asPng()), dpi);
}

/** Insert (or replace) the PNG pHYs chunk: pixels per metre on both axes. */
export function withResolution(png: Buffer, dpi: number): Buffer {
  const chunks: Buffer[] = [png.subarray(0, 8)];
  let offset = 8;
  let inserted = false;
  const perMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8);
  const type = Buffer.from('pHYs', 'ascii');
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(Buffer.concat([type, data])) >>> 0, 17);
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const name = png.toString('ascii', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (name !== 'pHYs') chunks.push(png.subarray(offset, end));
    if (name === 'IHDR' && !inserted) {
      chunks.push(chunk);
      inserted = true;
    }
    offset = end;
  }
  return Buffer.concat(chunks);
}
