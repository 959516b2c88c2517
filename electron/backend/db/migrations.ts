import m0001 from '../../../migrations/0001_init.sql?raw';
import m0002 from '../../../migrations/0002_import.sql?raw';
import m0003 from '../../../migrations/0003_workspace.sql?raw';
import m0004 from '../../../migrations/0004_exports.sql?raw';
import m0005 from '../../../migrations/0005_people.sql?raw';
import m0006 from '../../../migrations/0006_team.sql?raw';

/** One forward-only schema step; `version` is what PRAGMA user_version holds after it. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. tests/unit/electron/backend/db/projectFile.test.ts checks this list against the folder. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 2, name: '0002_import', sql: m0002 },
  { version: 3, name: '0003_workspace', sql: m0003 },
  { version: 4, name: '0004_exports', sql: m0004 },
  { version: 5, name: '0005_people', sql: m0005 },
  { version: 6, name: '0006_team', sql: m0006 },
];

/** The schema version this build writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
