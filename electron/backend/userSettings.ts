import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What Stige remembers per user (not per project): their name as coder and recent projects. */
export interface UserSettings {
  readonly coderName: string | null;
  readonly recent: readonly string[];
}

const Schema = z.object({
  coderName: z.string().min(1).max(500).nullable().catch(null),
  recent: z.array(z.string().max(4096)).max(50).catch([]),
});

const RECENT_LIMIT = 10;

/** Settings stored as JSON in `dir/settings.json`, written atomically. */
export class UserSettingsStore {
  private readonly file: string;
  private value: UserSettings;

  constructor(dir: string) {
    this.file = path.join(dir, 'settings.json');
    this.value = this.read();
  }

  get(): UserSettings {
    return this.value;
  }

  setCoderName(name: string): UserSettings {
    return this.write({ ...this.value, coderName: name });
  }

  /** Put `file` first among recent projects. */
  touchRecent(file: string): UserSettings {
    const recent = [file, ...this.value.recent.filter((f) => f !== file)].slice(0, RECENT_LIMIT);
    return this.write({ ...this.value, recent });
  }

  private read(): UserSettings {
    try {
      const parsed = Schema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      /* missing or unreadable: start fresh */
    }
    return { coderName: null, recent: [] };
  }

  private write(next: UserSettings): UserSettings {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
    fs.renameSync(tmp, this.file);
    this.value = next;
    return next;
  }
}
