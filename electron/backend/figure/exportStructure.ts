import { AppError } from '../../../shared/api/errors';
import type { ExportResult } from '../../../shared/api/exportTarget';
import type { StructureFormatName } from '../../../shared/api/methods/structure';
import type { StructureOptions } from '../../../shared/layout/options';
import { renderStructureSvg } from '../../../shared/layout/structureSvg';
import { deliver, type Destination, type ProducedFile } from '../exportFiles';
import type { HandlerContext } from '../handlerTypes';
import { currentProject } from '../handlers/project';
import { renderDocx } from './docx';
import { figureFontBytes } from './fonts';
import { renderPdf } from './pdf';
import { renderPng } from './png';
import { projectFigure } from './structureData';

const MIME: Readonly<Record<StructureFormatName, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
};

/** Render the open project's figure in `format` and deliver it. */
export async function exportStructure(
  ctx: HandlerContext,
  format: StructureFormatName,
  destination: Destination,
  options: StructureOptions,
  embedFont: boolean,
  coderId: string | null = null,
): Promise<ExportResult> {
  const project = ctx.backend.project();
  const info = currentProject(project);
  const figure = projectFigure(project, options, coderId);
  const split = figure.pages.length > 1;
  const one = (bytes: Uint8Array): ProducedFile[] => [{ part: null, extension: `.${format}`, mime: MIME[format], bytes }];
  let files: ProducedFile[];
  const warnings = [...figure.warnings];
  switch (format) {
    case 'svg': {
      const embeddedFonts = embedFont
        ? {
            regular: `data:font/woff2;base64,${figureFontBytes('regular', 'woff2').toString('base64')}`,
            semibold: `data:font/woff2;base64,${figureFontBytes('semibold', 'woff2').toString('base64')}`,
            format: 'woff2' as const,
          }
        : null;
      files = figure.pages.map((p, i) => ({
        part: split ? i + 1 : null,
        extension: '.svg',
        mime: MIME.svg,
        bytes: Buffer.from(renderStructureSvg(p.layout, { embeddedFonts, background: '#ffffff' }), 'utf8'),
      }));
      break;
    }
    case 'png':
      files = figure.pages.map((p, i) => ({ part: split ? i + 1 : null, extension: '.png', mime: MIME.png, bytes: renderPng(p.layout) }));
      break;
    case 'pdf':
      files = one(await renderPdf(figure.pages, info.name));
      break;
    case 'docx': {
      // The caption goes in Word's Caption style below the picture, not into the picture.
      const bare = projectFigure(project, { ...options, caption: '' });
      const captions = figure.pages.map((p) => p.layout.boxes.find((b) => b.kind === 'caption')?.label ?? '');
      if (bare.pages.length !== captions.length) throw new AppError('INTERNAL', 'figure parts changed between layouts');
      for (const p of bare.pages) {
        if (!p.fits) warnings.push(`In Word, the picture${p.dimension ? ` for “${p.dimension}”` : ''} is scaled down to fit the page, so its type is smaller than ${options.fontSize} pt`);
      }
      files = one(await renderDocx(bare.pages, captions, info.name));
      break;
    }
    case 'json':
      files = one(
        Buffer.from(
          `${JSON.stringify({ project: info.name, unit: 'pt', options, pages: figure.pages.map((p) => ({ orientation: p.orientation, dimension: p.dimension, fits: p.fits, ...p.layout })), warnings }, null, 2)}\n`,
          'utf8',
        ),
      );
      break;
    default: {
      const never: never = format;
      throw new AppError('UNSUPPORTED', `Unknown figure format ${String(never)}`);
    }
  }
  const safeName = info.name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'figure';
  return { files: deliver(ctx, destination, `${safeName} – data structure`, files), warnings };
}
