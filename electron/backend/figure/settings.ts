import type Database from 'better-sqlite3';
import { StructureOptionsPatch } from '../../../shared/api/methods/structure';
import { resolveStructureOptions, type StructureOptions } from '../../../shared/layout/options';

/** The key of the figure's options in project.settings (JSON). */
const KEY = 'structureFigure';

function readSettings(db: Database.Database): Record<string, unknown> {
  const { settings } = db.prepare('SELECT settings FROM project WHERE id = 1').get() as { settings: string };
  try {
    const parsed: unknown = JSON.parse(settings);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The figure options saved in the project, over the defaults. A value a newer or older Stige wrote
 * that no longer validates is ignored field by field rather than failing the figure.
 */
export function savedStructureOptions(db: Database.Database): StructureOptions {
  const stored = readSettings(db)[KEY];
  if (!stored || typeof stored !== 'object') return resolveStructureOptions(null);
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const one = StructureOptionsPatch.safeParse({ [key]: value });
    if (one.success) Object.assign(valid, one.data);
  }
  return resolveStructureOptions(valid);
}

/** Save options (merged over what is saved); must run inside a step. */
export function saveStructureOptions(db: Database.Database, patch: Partial<StructureOptions>): StructureOptions {
  const settings = readSettings(db);
  const next = { ...savedStructureOptions(db), ...patch };
  settings[KEY] = next;
  db.prepare('UPDATE project SET settings = ? WHERE id = 1').run(JSON.stringify(settings));
  return next;
}
