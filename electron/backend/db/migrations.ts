import m0001 from '../../../migrations/0001_init.sql?raw';
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
  // 0002–0007 are reserved for work on other branches; versions only need to increase.
  { version: 8, name: '0008_team', sql: m0008 },
];

/** The schema version this build writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
