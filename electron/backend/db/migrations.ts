import m0001 from '../../../migrations/0001_init.sql?raw';
import m0002 from '../../../migrations/0002_import.sql?raw';
import m0005 from '../../../migrations/0005_exports.sql?raw';
import m0007 from '../../../migrations/0007_people.sql?raw';
import m0008 from '../../../migrations/0008_team.sql?raw';

/** One forward-only schema step; `version` is what PRAGMA user_version holds after it. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. tests/unit/electron/backend/db/migrations.test.ts checks this list against the folder. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 2, name: '0002_import', sql: m0002 },
  { version: 5, name: '0005_exports', sql: m0005 },
  { version: 7, name: '0007_people', sql: m0007 },
  { version: 8, name: '0008_team', sql: m0008 },
];

/** The schema version this build writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
