import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/api/errors';
import type { CodebookImportFile } from '../../../shared/api/methods/codebook';
import type { ImportReport } from '../../../shared/api/methods/documents';
import type { RefiImportReport } from '../../../shared/api/methods/refi';
import { parseLevelsOption } from '../../../shared/refi/levels';
import { CliFailure, printJson, printLine } from '../output';
import { withProject } from '../session';
import { importCodebookFiles, partitionCodebooks, printCodebookReport } from './importCodebook';

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
  levels?: string;
  onConflict?: 'keep' | 'replace';
}

/** Extensions imported as REFI-QDA exchange files (projects and codebooks). */
const REFI_EXTENSIONS = ['.qdpx', '.qde', '.qdc'];

/** True when `file` goes to the REFI-QDA importer: `--as refi`, or a REFI extension unless `--as transcript`. */
export function isRefiFile(file: string, as: ImportOptions['as']): boolean {
  if (as === 'refi') return true;
  if (as === 'transcript') return false;
  return REFI_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .summary('Import transcripts, documents, codebooks and REFI-QDA projects (each file its own transaction).')
    .description(
      'Import transcripts, documents, codebooks and REFI-QDA projects; each file is its own transaction.\n' +
        'Transcripts (by extension and content): .txt .md (speaker labels such as "Inger:", Otter, noScribe, [id1] tags), ' +
        '.docx .odt .pdf .html (noScribe), .vtt (Teams, Zoom, OneDrive, noScribe) .srt (Whisper), .csv .tsv .xlsx .ods (timecode/speaker/text columns).\n' +
        'Codebooks (recognised by content): Gioia JSON, CSV/XLSX with dimension, theme, concept, definition columns, QualCoder plain .txt. ' +
        'REFI-QDA: .qdpx .qde .qdc.',
    )
    .argument('<file.stige>', 'the project file')
    .argument('<files...>', 'files to import (a folder imports every file in it)')
    .option('--as <what>', `what the files are: ${AS.join('|')} (default: detected by extension and content)`)
    .option('--kind <kind>', `document kind: ${KINDS.join('|')} (default: interview, document for PDFs)`)
    .option('--informant <label>', "link the document's single speaker (or the whole document) to this informant, created if missing")
    .option('--case <label>', 'the case of the informant and document, created if missing')
    .option('--speaker <LABEL=INFORMANT>', 'map a detected speaker to an informant, or to @interviewer (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--levels <auto|none|D,T,C>', 'REFI-QDA files: which code-tree depth holds the dimensions, themes and concepts (e.g. 2,3,4; - for none); auto = a tree three deep, or the levels a Stige export recorded', 'auto')
    .option('--on-conflict <keep|replace>', 'REFI-QDA files: when an object with the same GUID differs, keep the project\'s version (default) or take the file\'s', 'keep')
    .option('--json', 'print the import report as JSON (with the REFI-QDA loss report under "refi")')
    .action(async (file: string, files: string[], opts: ImportOptions) => {
      if (opts.kind && !KINDS.includes(opts.kind)) throw new AppError('VALIDATION', `--kind must be one of ${KINDS.join(', ')}`);
      if (opts.as && !AS.includes(opts.as)) throw new AppError('VALIDATION', `--as must be one of ${AS.join(', ')}`);
      if (opts.onConflict && opts.onConflict !== 'keep' && opts.onConflict !== 'replace') throw new AppError('VALIDATION', '--on-conflict must be keep or replace');
      const levels = parseLevelsOption(opts.levels ?? 'auto');
      const speakers = parseSpeakerMappings(opts.speaker);
      // REFI-QDA files by extension (or --as refi); codebooks by content (or --as codebook); the rest are transcripts.
      const all = expandFolders(files);
      if (all.length === 0) throw new AppError('VALIDATION', `There are no files to import in ${files.join(', ')}`);
      const refiFiles = all.filter((f) => isRefiFile(f, opts.as));
      const rest = all.filter((f) => !isRefiFile(f, opts.as));
      const { report, codebooks, refiReports } = await withProject(file, async (api) => {
        const refiReports: RefiImportReport[] = [];
        for (const f of refiFiles) {
          refiReports.push(await api.call('refi.import', { source: { path: path.resolve(f) }, levels, onConflict: opts.onConflict ?? 'keep' }));
        }
        const sorted =
          opts.as === 'codebook' ? { codebooks: rest, others: [] } : opts.as === 'transcript' || opts.as === 'refi' ? { codebooks: [], others: rest } : await partitionCodebooks(api, rest);
        const codebooks: readonly CodebookImportFile[] = sorted.codebooks.length ? await importCodebookFiles(api, sorted.codebooks, opts.as === 'codebook') : [];
        const report: ImportReport = sorted.others.length
          ? await api.call('documents.import', {
              sources: sorted.others.map((f) => ({ path: path.resolve(f) })),
              ...(opts.kind ? { kind: opts.kind } : {}),
              ...(opts.informant ? { informant: opts.informant } : {}),
              ...(opts.case ? { case: opts.case } : {}),
              ...(Object.keys(speakers).length ? { speakers } : {}),
            })
          : { files: [] };
        return { report, codebooks, refiReports };
      });
      if (opts.json) {
        printJson({ ...report, ...(codebooks.length ? { codebooks } : {}), ...(refiReports.length ? { refi: refiReports } : {}) });
      } else {
        for (const r of refiReports) printRefiReport(r);
        printCodebookReport(codebooks);
        if (report.files.length > 0 || (codebooks.length === 0 && refiReports.length === 0)) printReport(report);
      }
      const failed = [...report.files.filter((f) => f.status === 'failed'), ...codebooks.filter((f) => f.status === 'failed')];
      for (const f of failed) process.stderr.write(`stige: ${f.reason}\n`);
      if (failed.length > 0) throw new CliFailure(1);
    });
}

function printReport(report: ImportReport): void {
  for (const f of report.files) {
    if (f.status === 'imported') {
      const speakers = f.speakers.map((s) => `${s.label} (${s.turns} turn${s.turns === 1 ? '' : 's'})`).join(', ');
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

function printRefiReport(r: RefiImportReport): void {
  const counts = (c: RefiImportReport['imported']) =>
    `${c.documents} documents, ${c.codes} codes, ${c.codings} codings, ${c.informants} informants, ${c.cases} cases, ${c.memos} memos, ${c.users} coders`;
  printLine(`imported  ${r.file} [${r.format}${r.origin ? `, from ${r.origin}` : ''}${r.stigeData ? ', a Stige export' : ''}]`);
  printLine(`  added:   ${counts(r.imported)}`);
  printLine(`  matched: ${counts(r.matched)}`);
  const p = r.levels.placed;
  printLine(`  levels:  ${r.levels.rule}; ${p.dimension} dimensions, ${p.theme} themes, ${p.concept} concepts, ${p.unplaced} not yet placed${r.levels.detached ? `, ${r.levels.detached} lifted out of their parent` : ''}`);
  if (r.levels.depth > 0 && p.unplaced > 0) printLine(`           the tree has ${r.levels.perDepth.map((n, i) => `${n} at depth ${i + 1}`).join(', ')}; place them with --levels D,T,C`);
  for (const s of r.sources) {
    const where = s.status === 'missing' ? `missing: ${s.note}` : `${s.status}, positions read as ${s.offsets}${s.offsetScore !== null ? ` (${Math.round(s.offsetScore * 1000) / 10}% on word boundaries)` : ''}`;
    printLine(`  source   ${s.name || s.guid}: ${where}${s.speakerLabels.length ? `; speakers ${s.speakerLabels.join(', ')}` : ''}`);
  }
  for (const c of r.conflicts) printLine(`  conflict ${c.kind} “${c.label}” (${c.fields.join(', ')}): ${c.resolution === 'kept' ? 'kept the project’s version' : 'took the file’s version'}`);
  for (const l of r.notImported) printLine(`  not imported: ${l.count} × ${l.reason}${l.examples.length ? ` (e.g. ${l.examples.slice(0, 2).join('; ')})` : ''}`);
  for (const w of r.warnings) printLine(`  warning: ${w}`);
}
