import m0001 from '../../../migrations/0001_init.sql?raw';
import m0003 from '../../../migrations/0003_workspace.sql?raw';

/** One forward-only schema step; `version` is what PRAGMA user_version holds after it. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. tests/unit/electron/backend/db/migrations.test.ts checks this list against the folder. */
// 0002 is reserved for the import branch's migration (document pages); the numbers join up when it lands.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 3, name: '0003_workspace', sql: m0003 },
];

/** The schema version this build writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
