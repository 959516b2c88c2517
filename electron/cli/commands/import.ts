import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import type { ImportReport } from '../../../shared/api/methods/documents';
import { CliFailure, printJson, printLine } from '../output';
import { withProject } from '../session';

const KINDS = ['interview', 'document', 'note'] as const;
const AS = ['transcript', 'codebook', 'refi'] as const;

/** Parse repeated `--speaker "LABEL=TARGET"` options into a mapping. */
export function parseSpeakerMappings(values: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const label = at > 0 ? value.slice(0, at).trim() : '';
    const target = at > 0 ? value.slice(at + 1).trim() : '';
    if (!label || !target) throw new AppError('VALIDATION', `--speaker needs LABEL=INFORMANT or LABEL=@interviewer (got “${value}”)`);
    mapping[label] = target;
  }
  return mapping;
}

/** Files as given, with each folder replaced by the files in it (sorted, hidden files left out). */
export function expandFolders(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    const full = path.resolve(arg);
    let isFolder = false;
    try {
      isFolder = fs.statSync(full).isDirectory();
    } catch {
      // A missing file is reported by the import, per file.
    }
    if (!isFolder) return [full];
    return fs
      .readdirSync(full, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => path.join(full, entry.name))
      .sort((a, b) => a.localeCompare(b));
  });
}

interface ImportOptions {
  as?: (typeof AS)[number];
  kind?: (typeof KINDS)[number];
  informant?: string;
  case?: string;
  speaker: string[];
  json?: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import transcripts and documents into a project; each file is its own transaction.\n' +
        'Formats (detected by extension and content): .txt .md (speaker labels such as "Inger:", Otter, noScribe, [id1] tags), ' +
        '.docx .odt .pdf .html (noScribe), .vtt (Teams, Zoom, OneDrive, noScribe) .srt (Whisper), .csv .tsv .xlsx .ods (timecode/speaker/text columns).',
    )
    .argument('<file.stige>', 'the project file')
    .argument('<files...>', 'files to import (a folder imports every file in it)')
    .option('--as <what>', `what the files are: ${AS.join('|')} (default: transcript; codebook and refi are not available yet)`)
    .option('--kind <kind>', `document kind: ${KINDS.join('|')} (default: interview, document for PDFs)`)
    .option('--informant <label>', "link the document's single speaker (or the whole document) to this informant, created if missing")
    .option('--case <label>', 'the case of the informant and document, created if missing')
    .option('--speaker <LABEL=INFORMANT>', 'map a detected speaker to an informant, or to @interviewer (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--json', 'print the import report as JSON')
    .action(async (file: string, files: string[], opts: ImportOptions) => {
      if (opts.kind && !KINDS.includes(opts.kind)) throw new AppError('VALIDATION', `--kind must be one of ${KINDS.join(', ')}`);
      if (opts.as && !AS.includes(opts.as)) throw new AppError('VALIDATION', `--as must be one of ${AS.join(', ')}`);
      if (opts.as && opts.as !== 'transcript') {
        throw new AppError('UNSUPPORTED', `--as ${opts.as} is not available in this version of Stige yet`);
      }
      const speakers = parseSpeakerMappings(opts.speaker);
      const sources = expandFolders(files);
      if (sources.length === 0) throw new AppError('VALIDATION', `There are no files to import in ${files.join(', ')}`);
      const report = await withProject(file, (api) =>
        api.call('documents.import', {
          sources: sources.map((f) => ({ path: f })),
          ...(opts.kind ? { kind: opts.kind } : {}),
          ...(opts.informant ? { informant: opts.informant } : {}),
          ...(opts.case ? { case: opts.case } : {}),
          ...(Object.keys(speakers).length ? { speakers } : {}),
        }),
      );
      if (opts.json) printJson(report);
      else printReport(report);
      const failed = report.files.filter((f) => f.status === 'failed');
      for (const f of failed) process.stderr.write(`stige: ${f.reason}\n`);
      if (failed.length > 0) throw new CliFailure(1);
    });
}

function printReport(report: ImportReport): void {
  for (const f of report.files) {
    if (f.status === 'imported') {
      const speakers = f.speakers.map((s) => `${s.label} (${s.turns} turns)`).join(', ');
      printLine(`imported  ${f.name} [${f.format}]${speakers ? `: ${speakers}` : ''}`);
      for (const w of f.warnings) printLine(`          warning: ${w}`);
    } else if (f.status === 'skipped') {
      printLine(`skipped   ${f.name}: ${f.reason}`);
    } else {
      printLine(`failed    ${f.name}`);
    }
  }
  const count = (s: string) => report.files.filter((f) => f.status === s).length;
  printLine(`${count('imported')} imported, ${count('skipped')} skipped, ${count('failed')} failed`);
}
