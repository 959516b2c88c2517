import type { codebookMethods } from '../../../shared/api/methods/codebook';
import { exportCodebook } from '../codebookExport';
import { detectCodebookFile, importCodebooks, locate } from '../codebookImport';
import type { HandlersOf } from '../handlerTypes';

export const codebookHandlers = {
  'codebook.detect': async ({ source }, ctx) => {
    ctx.backend.project();
    const { file, name } = locate(ctx, source);
    return { format: await detectCodebookFile(file, name) };
  },
  'codebook.import': (args, ctx) => importCodebooks(args, ctx),
  'codebook.export': ({ format, destination }, ctx) => exportCodebook(ctx, format, destination),
} satisfies HandlersOf<typeof codebookMethods>;
