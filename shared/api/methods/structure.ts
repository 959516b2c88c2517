import { z } from 'zod';
import { method } from '../define';
import { ExportDestination, type ExportResult } from '../exportTarget';
import { Id, NoArgs, ShortText } from '../limits';
import type { StructureFigure } from '../../layout/pages';
import { MAX_FONT_SIZE, MIN_FONT_SIZE, type StructureOptions } from '../../layout/options';
import type { StructureTree } from '../../layout/structureTree';

/** Figure options; every field optional (missing ones come from the project's saved options). */
export const StructureOptionsPatch = z.strictObject({
  counts: z.enum(['none', 'codings', 'informants', 'both']).optional(),
  fill: z.enum(['plain', 'support', 'codeColour']).optional(),
  onlyRepresentative: z.boolean().optional(),
  order: z.enum(['manual', 'support']).optional(),
  connector: z.enum(['bracket', 'lines']).optional(),
  split: z.boolean().optional(),
  orientation: z.enum(['auto', 'portrait', 'landscape']).optional(),
  fontSize: z.number().min(MIN_FONT_SIZE, `must be at least ${MIN_FONT_SIZE} pt`).max(MAX_FONT_SIZE).optional(),
  ungrouped: z.boolean().optional(),
  caption: ShortText.optional(),
  locale: z.enum(['en', 'nb']).optional(),
}) satisfies z.ZodType<Partial<StructureOptions>>;

/** Count only this coder's codings (blind coding: the figure may not reveal the others' work). */
const CountedCoder = Id.optional();

/** Export formats of the data-structure figure. */
export const StructureFormat = z.enum(['svg', 'png', 'pdf', 'docx', 'json']);
/** One of StructureFormat. */
export type StructureFormatName = z.infer<typeof StructureFormat>;

export const structureMethods = {
  /** The figure options saved in the project (defaults for what was never set). Errors: NO_PROJECT. */
  'structure.options': method(NoArgs).returns<StructureOptions>(),
  /** Change and save figure options (one undoable step). Errors: NO_PROJECT, VALIDATION. */
  'structure.setOptions': method(StructureOptionsPatch).returns<StructureOptions>(),
  /**
   * The codebook as the figure's tree (dimensions → themes → concepts with codings, informants and
   * starred quotes), filtered and ordered by the options. Errors: NO_PROJECT, VALIDATION.
   */
  'structure.tree': method(z.strictObject({ options: StructureOptionsPatch.optional(), coderId: CountedCoder })).returns<StructureTree>(),
  /**
   * The computed figure: one page (or one per dimension when split), each a layout of positioned
   * boxes, text lines and bracket paths in points — what the screen draws and every export uses.
   * Errors: NO_PROJECT, VALIDATION.
   */
  'structure.layout': method(z.strictObject({ options: StructureOptionsPatch.optional(), coderId: CountedCoder })).returns<StructureFigure>(),
  /**
   * Export the figure: SVG (real text, font embedded unless `embedFont: false`), PNG at 300 dpi,
   * PDF (A4, font embedded), Word (.docx: the figure at text width with its caption in Word's
   * Caption style) or JSON (the layout). Split SVG/PNG give one file per dimension (name-1.svg, …).
   * Errors: NO_PROJECT, VALIDATION, FORBIDDEN (a path outside the projects folder over HTTP).
   */
  'structure.export': method(
    z.strictObject({
      format: StructureFormat,
      destination: ExportDestination,
      options: StructureOptionsPatch.optional(),
      embedFont: z.boolean().optional(),
      coderId: CountedCoder,
    }),
  ).returns<ExportResult>(),
};
