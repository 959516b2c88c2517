import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PersonRole } from '../../shared/model/types';

// Finding or creating informants and cases by label, for imports and the CLI. Call inside a step.

/** The id of the case named `name`, created if missing. */
export function ensureCase(db: Database.Database, name: string): string {
  const existing = db.prepare('SELECT id FROM cases WHERE name = ? ORDER BY sort_order LIMIT 1').get(name) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = randomUUID();
  const order = (db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM cases').get() as { n: number }).n;
  db.prepare('INSERT INTO cases (id, name, sort_order, created_at) VALUES (?, ?, ?, ?)').run(id, name, order, Date.now());
  return id;
}

/**
 * The id of the informant labelled `label`, created if missing (with `caseId` and `role`). An
 * existing informant without a case gets `caseId`.
 */
export function ensureInformant(
  db: Database.Database,
  label: string,
  options: { caseId?: string | null; role?: PersonRole } = {},
): string {
  const existing = db.prepare('SELECT id, case_id FROM informants WHERE label = ? ORDER BY sort_order LIMIT 1').get(label) as
    | { id: string; case_id: string | null }
    | undefined;
  if (existing) {
    if (options.caseId && !existing.case_id) db.prepare('UPDATE informants SET case_id = ? WHERE id = ?').run(options.caseId, existing.id);
    return existing.id;
  }
  const id = randomUUID();
  const order = (db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM informants').get() as { n: number }).n;
  db.prepare('INSERT INTO informants (id, label, role, case_id, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    label,
    options.role ?? 'informant',
    options.caseId ?? null,
    order,
    Date.now(),
  );
  return id;
}
