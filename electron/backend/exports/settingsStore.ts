import type Database from 'better-sqlite3';
import { settingsFromStored, type ExportSettings, type ExportSettingsPatch } from '../../../shared/exports/settings';
import type { OpenProject } from '../openProject';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readProjectSettings(db: Database.Database): Plain {
  const row = db.prepare('SELECT settings FROM project WHERE id = 1').get() as { settings: string } | undefined;
  try {
    const parsed: unknown = JSON.parse(row?.settings ?? '{}');
    return isPlain(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** What the user changed, laid over what they changed before (nested objects merged). */
function overlay(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlain(value) && isPlain(base[key]) ? overlay(base[key], value) : value;
  }
  return out;
}

/** The project's export settings with defaults for everything the user has not set. */
export function readExportSettings(db: Database.Database): ExportSettings {
  return settingsFromStored(readProjectSettings(db).exports);
}

/**
 * Change export settings (a validated patch) as one undoable step. Only what the user set is
 * stored (project.settings.exports), so defaults improved later still reach other settings.
 */
export function updateExportSettings(project: OpenProject, patch: ExportSettingsPatch): ExportSettings {
  project.step('Change export settings', () => {
    const all = readProjectSettings(project.db);
    const stored = isPlain(all.exports) ? all.exports : {};
    const next = { ...all, exports: overlay(stored, patch as Plain) };
    project.db.prepare('UPDATE project SET settings = ? WHERE id = 1').run(JSON.stringify(next));
  });
  return readExportSettings(project.db);
}
