import path from 'node:path';
import type { Command } from 'commander';
import type { ApiClient } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/errors';
import type { MergePreview } from '../../../shared/api/methods/team';
import { levelOf, type LevelKey } from '../../../shared/model/levels';
import { formatCell } from '../../../shared/team/reportTable';
import { printJson, printLine } from '../output';
import { withProject } from '../session';

// Team commands: hand out a copy, merge a coder's copy back, compute agreement, list coders.

/** Coders by name (exactly, then ignoring case) or id. */
async function findCoders(api: ApiClient, refs: readonly string[]): Promise<string[]> {
  const coders = await api.call('team.coders', {});
  return refs.map((ref) => {
    const match =
      coders.find((c) => c.id === ref) ??
      coders.find((c) => c.name === ref) ??
      coders.find((c) => c.name.toLocaleLowerCase() === ref.toLocaleLowerCase());
    if (!match) throw new AppError('NOT_FOUND', `There is no coder “${ref}” (coders: ${coders.map((c) => c.name).join(', ') || 'none'})`);
    return match.id;
  });
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function printMerge(result: MergePreview, applied: boolean): void {
  const c = result.counts;
  printLine(`${applied ? 'Merged' : 'Would merge'} ${path.basename(result.path)}${result.theirs.origin?.coderName ? ` (${result.theirs.origin.coderName}’s copy)` : ''}`);
  printLine(`  compared against: ${result.base === 'none' ? 'no common ancestor (state against state)' : result.base === 'handout' ? 'the state the copy was handed out with' : result.base === 'siblings' ? 'each copy’s hand-out state' : 'the state after the last merge of this copy'}`);
  printLine(`  codings: ${c.codings.added} added, ${c.codings.duplicates} already here, ${c.codings.changed} changed, ${c.codings.deleted} deleted, ${c.codings.dropped} left out`);
  printLine(`  codes: ${c.codes.added} added, ${c.codes.changed} changed, ${c.codes.deleted} deleted; documents: ${c.documents.added} added; coders: ${c.coders.added} added`);
  for (const change of result.changes) printLine(`  • ${change.subject}: ${change.summary}`);
  if (result.conflicts.length) {
    printLine(`Conflicts (${result.conflicts.length}); pass --theirs ID to take the copy's side:`);
    for (const conflict of result.conflicts) {
      printLine(`  ${conflict.id}`);
      printLine(`    ${conflict.subject}`);
      printLine(`    here: ${conflict.ours.summary}`);
      printLine(`    copy: ${conflict.theirs.summary}`);
      printLine(`    → ${conflict.resolution === 'ours' ? 'kept as here' : 'taken from the copy'}${conflict.previouslyResolved ? ' (as resolved last time)' : ''}`);
    }
  }
  for (const warning of result.warnings) printLine(`  ! ${warning}`);
}

export function registerTeamCommands(program: Command): void {
  program
    .command('handout')
    .description("Write a copy of a project for a coder, to merge back later with `stige merge` (--blind leaves out other coders' codings).")
    .argument('<file.stige>', 'the project file')
    .requiredOption('-o, --out <copy.stige>', 'the copy to write')
    .requiredOption('--coder <name>', 'the coder the copy is for')
    .option('--blind', "leave out other coders' codings and memos, and start the copy in blind mode")
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { out: string; coder: string; blind?: boolean; json?: boolean }) => {
      const result = await withProject(file, (api) => api.call('team.handout', { path: opts.out, coder: opts.coder, blind: opts.blind ?? false }));
      if (opts.json) return printJson(result);
      printLine(`Wrote ${result.path} for ${result.coder}${result.blind ? ' (blind)' : ''}: ${result.codings} coding${result.codings === 1 ? '' : 's'}`);
      if (result.blind) printLine(`  left out ${result.omittedCodings} coding(s) and ${result.omittedMemos} memo(s) of other coders`);
    });

  program
    .command('merge')
    .description(
      "Merge a coder's copy (.stige, or its .qdpx export) into a project as one undoable step; codebook conflicts keep the project's side unless --theirs names them. A .qdpx has no common ancestor: every codebook difference is a conflict and nothing is deleted.",
    )
    .argument('<file.stige>', 'the project to merge into')
    .argument('<other>', "the coder's copy (.stige or .qdpx)")
    .option('--theirs <ID...>', "conflict ids (from a preview) for which the copy's side is taken")
    .option('--dry-run', 'show what the merge would do without changing anything')
    .option('--json', 'print the merge as JSON')
    .action(async (file: string, other: string, opts: { theirs?: string[]; dryRun?: boolean; json?: boolean }) => {
      const theirs = opts.theirs?.flatMap(list);
      const result = await withProject(file, (api) =>
        opts.dryRun ? api.call('team.mergePreview', { path: other }) : api.call('team.mergeApply', { path: other, ...(theirs ? { theirs } : {}) }),
      );
      if (opts.json) return printJson(result);
      printMerge(result, !opts.dryRun);
    });

  program
    .command('agreement')
    .description("Inter-coder agreement per code and overall: percent agreement, Cohen's kappa (two coders), Krippendorff's alpha.")
    .argument('<file.stige>', 'the project file')
    .requiredOption('--coders <A,B,...>', 'two or more coders, by name')
    .option('--level <level>', 'concept, theme or dimension: report on every code of that level', 'concept')
    .option('--codes <labels>', 'report on these codes (labels or ids, comma-separated) instead of a whole level')
    .option('--documents <titles>', 'only these documents (titles or ids, comma-separated); default: all used in the analysis')
    .option('--unit <unit>', 'char, turn or paragraph', 'char')
    .option('--exclude-uncoded', 'leave out text that no coder coded with any of the codes')
    .option('--out <file>', 'also write the report (.xlsx, .csv or .docx)')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        file: string,
        opts: { coders: string; level: string; codes?: string; documents?: string; unit: string; excludeUncoded?: boolean; out?: string; json?: boolean },
      ) => {
        if (!['concept', 'theme', 'dimension'].includes(opts.level)) throw new AppError('VALIDATION', `--level must be concept, theme or dimension (got “${opts.level}”)`);
        if (!['char', 'turn', 'paragraph'].includes(opts.unit)) throw new AppError('VALIDATION', `--unit must be char, turn or paragraph (got “${opts.unit}”)`);
        const format = opts.out ? path.extname(opts.out).slice(1).toLowerCase() : null;
        if (format !== null && !['xlsx', 'csv', 'docx'].includes(format)) throw new AppError('VALIDATION', `--out must end in .xlsx, .csv or .docx (got “${opts.out}”)`);
        const report = await withProject(file, async (api) => {
          const coderIds = await findCoders(api, list(opts.coders));
          let codeIds: string[] | undefined;
          if (opts.codes) {
            const codes = await api.call('codes.list', {});
            codeIds = list(opts.codes).map((ref) => {
              const matches = codes.filter((c) => c.id === ref || c.label === ref);
              if (matches.length === 0) throw new AppError('NOT_FOUND', `There is no code “${ref}”`);
              if (matches.length > 1) throw new AppError('CONFLICT', `Several codes are labelled “${ref}”; use the code's id`);
              return matches[0]!.id;
            });
          }
          let documentIds: string[] | undefined;
          if (opts.documents) {
            const documents = await api.call('documents.list', {});
            documentIds = list(opts.documents).map((ref) => {
              const match = documents.find((d) => d.id === ref || d.title === ref) ?? documents.find((d) => d.title.toLocaleLowerCase() === ref.toLocaleLowerCase());
              if (!match) throw new AppError('NOT_FOUND', `There is no document “${ref}”`);
              return match.id;
            });
          }
          const args = {
            coderIds,
            ...(codeIds ? { codeIds } : { level: levelOf(opts.level as LevelKey) }),
            ...(documentIds ? { documentIds } : {}),
            unit: opts.unit as 'char' | 'turn' | 'paragraph',
            excludeUncoded: opts.excludeUncoded ?? false,
          };
          if (opts.out) await api.call('team.exportAgreement', { ...args, path: opts.out, format: format as 'xlsx' | 'csv' | 'docx' });
          return api.call('team.agreement', args);
        });
        if (opts.json) return printJson(report);
        const table = report.table;
        const rows = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells.map((cell, i) => (cell === null && table.columns[i]!.kind === 'text' ? '' : formatCell(cell, table.columns[i]!.kind))))];
        const keep = table.columns.map((c) => c.key !== 'level');
        const widths = table.columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        printLine(table.title);
        for (const [k, v] of table.meta) printLine(`${k}: ${v}`);
        printLine();
        for (const row of rows) printLine(row.map((cell, i) => (keep[i] ? (table.columns[i]!.kind === 'text' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)) : null)).filter((c) => c !== null).join('  ').trimEnd());
        if (opts.out) printLine(`\nWrote ${opts.out}`);
      },
    );

  program
    .command('coders')
    .description('List the coders of a project with what each has coded.')
    .argument('<file.stige>', 'the project file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const coders = await withProject(file, (api) => api.call('team.coders', {}));
      if (opts.json) return printJson(coders);
      for (const c of coders) printLine(`${c.name}${c.isMe ? ' (you)' : ''}: ${c.codings} coding${c.codings === 1 ? '' : 's'} in ${c.documents} document${c.documents === 1 ? '' : 's'}, ${c.codesCreated} code${c.codesCreated === 1 ? '' : 's'} created`);
    });
}
