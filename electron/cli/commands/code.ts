import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import type { ApiClient } from '../../../shared/api/client';
import { normalizePassage } from '../../../shared/text/normalize';
import { countOccurrences, findOccurrence } from '../../../shared/text/offsets';
import { printJson, printLine } from '../output';
import { cliCoderName, withProject } from '../session';

interface CodeOptions {
  document: string;
  text: string;
  occurrence: string;
  concept: string;
  theme?: string;
  dimension?: string;
  coder?: string;
  representative?: boolean;
  json?: boolean;
}

/** The document whose id is `ref`, or whose title is `ref` (exactly, then ignoring case). */
export async function findDocument(api: ApiClient, ref: string): Promise<{ id: string; title: string }> {
  const documents = await api.call('documents.list', {});
  const byId = documents.find((d) => d.id === ref);
  if (byId) return byId;
  let matches = documents.filter((d) => d.title === ref);
  if (matches.length === 0) matches = documents.filter((d) => d.title.toLocaleLowerCase() === ref.toLocaleLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new AppError('CONFLICT', `Several documents are titled “${ref}”; use the document's id instead`);
  const titles = documents.map((d) => `“${d.title}”`).join(', ');
  throw new AppError('NOT_FOUND', `There is no document “${ref}” (documents: ${titles || 'none'})`);
}

export function registerCodeCommand(program: Command): void {
  program
    .command('code')
    .description('Code a passage, found by its exact text, with a concept (creating and linking codes as needed).')
    .argument('<file.stige>', 'the project file')
    .requiredOption('--document <title-or-id>', 'the document')
    .requiredOption('--text <passage>', 'the exact passage to code')
    .option('--occurrence <N>', 'which occurrence of the passage to code', '1')
    .requiredOption('--concept <label>', 'the first-order concept (created if missing)')
    .option('--theme <label>', 'the second-order theme the concept belongs to (created and linked if missing)')
    .option('--dimension <label>', 'the aggregate dimension the theme belongs to (created and linked if missing)')
    .option('--coder <name>', 'who codes (default: your saved name, $STIGE_CODER, or your user name)')
    .option('--representative', 'mark the coding as a representative quote')
    .option('--json', 'print the coding as JSON')
    .action(async (file: string, opts: CodeOptions) => {
      const occurrence = Number(opts.occurrence);
      if (!Number.isInteger(occurrence) || occurrence < 1) throw new AppError('VALIDATION', `--occurrence must be a whole number from 1 (got “${opts.occurrence}”)`);
      const passage = normalizePassage(opts.text);
      if (!passage.trim()) throw new AppError('VALIDATION', '--text must not be empty');
      const result = await withProject(file, async (api, backend) => {
        const doc = await findDocument(api, opts.document);
        const { text } = await api.call('documents.get', { id: doc.id });
        const range = findOccurrence(text, passage, occurrence);
        if (!range) {
          const found = countOccurrences(text, passage);
          throw new AppError(
            'NOT_FOUND',
            found === 0
              ? `The passage “${passage.length > 60 ? `${passage.slice(0, 59)}…` : passage}” is not in “${doc.title}”`
              : `The passage occurs ${found} time${found === 1 ? '' : 's'} in “${doc.title}”; there is no occurrence ${occurrence}`,
          );
        }
        return api.call('codings.create', {
          documentId: doc.id,
          start: range.start,
          end: range.end,
          code: {
            concept: opts.concept,
            ...(opts.theme ? { theme: opts.theme } : {}),
            ...(opts.dimension ? { dimension: opts.dimension } : {}),
          },
          coder: cliCoderName(opts.coder, backend),
          ...(opts.representative ? { representative: true } : {}),
        });
      });
      if (opts.json) printJson(result);
      else {
        printLine(`Coded [${result.coding.start}, ${result.coding.end}) as “${opts.concept}”`);
        for (const code of result.createdCodes) printLine(`  created ${code.level === 1 ? 'concept' : code.level === 2 ? 'theme' : 'dimension'} “${code.label}”`);
      }
    });
}
