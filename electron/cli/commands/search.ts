import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import { printJson, printLine } from '../output';
import { cliCoderName, withProject } from '../session';
import { findDocument } from './code';

interface SearchOptions {
  allWords?: boolean;
  exact?: boolean;
  document?: string[];
  limit: string;
  codeAs?: string;
  theme?: string;
  dimension?: string;
  coder?: string;
  json?: boolean;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description(
      'Search every transcript for words (letters folded: "sok" finds "søk", "barum" finds "Bærum"), and optionally code every hit with a concept as one undoable step.',
    )
    .argument('<file.stige>', 'the project file')
    .argument('<query>', 'the words to find (each matches words that begin with it)')
    .option('--all-words', 'find every word anywhere in a document, not the words as a phrase')
    .option('--exact', 'no letter folding (still ignores upper/lower case)')
    .option('--document <title-or-id...>', 'search only these documents')
    .option('--limit <N>', 'show at most N hits', '1000')
    .option('--code-as <concept>', 'code every hit with this first-order concept (created if missing)')
    .option('--theme <label>', 'with --code-as: the theme the concept belongs to')
    .option('--dimension <label>', 'with --code-as: the dimension the theme belongs to')
    .option('--coder <name>', 'with --code-as: who codes (default: your saved name, $STIGE_CODER, or your user name)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, query: string, opts: SearchOptions) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 20_000) throw new AppError('VALIDATION', `--limit must be a whole number from 1 to 20000 (got “${opts.limit}”)`);
      if ((opts.theme || opts.dimension) && !opts.codeAs) throw new AppError('VALIDATION', '--theme and --dimension need --code-as');
      const result = await withProject(file, async (api, backend) => {
        const documentIds = opts.document ? await Promise.all(opts.document.map(async (ref) => (await findDocument(api, ref)).id)) : undefined;
        const found = await api.call('search.text', {
          query,
          phrase: !opts.allWords,
          fold: !opts.exact,
          limit,
          ...(documentIds ? { documentIds } : {}),
        });
        if (!opts.codeAs || found.hits.length === 0) return { ...found, coded: null };
        const coded = await api.call('codings.createMany', {
          code: { concept: opts.codeAs, ...(opts.theme ? { theme: opts.theme } : {}), ...(opts.dimension ? { dimension: opts.dimension } : {}) },
          ranges: found.hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })),
          coder: cliCoderName(opts.coder, backend),
        });
        return { ...found, coded: { codings: coded.codings.length, skipped: coded.skipped, createdCodes: coded.createdCodes.map((c) => c.label) } };
      });
      if (opts.json) {
        printJson(result);
        return;
      }
      for (const hit of result.hits) printLine(`${hit.documentTitle} [${hit.start}, ${hit.end}): ${oneLine(hit.before)}[${oneLine(hit.match)}]${oneLine(hit.after)}`);
      printLine(`${result.total} hit${result.total === 1 ? '' : 's'}${result.truncated ? ` (showing ${result.hits.length}; raise --limit)` : ''}`);
      if (result.coded) {
        printLine(`Coded ${result.coded.codings} hit${result.coded.codings === 1 ? '' : 's'} as “${opts.codeAs}”${result.coded.skipped ? ` (${result.coded.skipped} already coded)` : ''}`);
      }
    });
}
