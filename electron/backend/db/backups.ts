import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Backups live in a folder beside the project that a user can find in their file manager:
 * `thesis.stige` → `thesis backups/thesis 2026-11-22 08.15.03.stige`.
 */
export function backupFolder(projectFile: string): string {
  const base = path.basename(projectFile).replace(/\.stige$/i, '');
  return path.join(path.dirname(projectFile), `${base} backups`);
}

function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}.${pad(date.getMinutes())}.${pad(date.getSeconds())}`;
}

/** Rolling backups of `projectFile`, newest first. */
export function listBackups(projectFile: string): { file: string; mtimeMs: number }[] {
  const dir = backupFolder(projectFile);
  if (!fs.existsSync(dir)) return [];
  const base = path.basename(projectFile).replace(/\.stige$/i, '');
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${base} `) && name.endsWith('.stige') && !name.includes('before migration'))
    .map((name) => {
      const file = path.join(dir, name);
      return { file, mtimeMs: fs.statSync(file).mtimeMs };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** Write a consistent copy of the open database to `target` (VACUUM INTO: compact, no WAL). */
function copyTo(db: Database.Database, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
}

/**
 * Take a backup when the newest is older than `every` ms, keeping the newest `keep` backups.
 * Returns the new backup's path, or null when none was due.
 */
export function rollingBackup(
  db: Database.Database,
  projectFile: string,
  options: { every: number; keep: number; now?: Date },
): string | null {
  const now = options.now ?? new Date();
  const existing = listBackups(projectFile);
  if (existing[0] && now.getTime() - existing[0].mtimeMs < options.every) return null;
  const base = path.basename(projectFile).replace(/\.stige$/i, '');
  const target = path.join(backupFolder(projectFile), `${base} ${stamp(now)}.stige`);
  copyTo(db, target);
  for (const old of listBackups(projectFile).slice(options.keep)) fs.rmSync(old.file, { force: true });
  return target;
}

/** Copy the file before a migration changes it; these copies are kept (they are rare and precious). */
export function backupBeforeMigration(db: Database.Database, projectFile: string, fromVersion: number): string {
  const base = path.basename(projectFile).replace(/\.stige$/i, '');
  const target = path.join(backupFolder(projectFile), `${base} ${stamp(new Date())} before migration from format ${fromVersion}.stige`);
  copyTo(db, target);
  return target;
}
