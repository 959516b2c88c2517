import type { RefiVariable, RefiVariableType, RefiVariableValue } from '../../../shared/refi/types';
import type { OutVariableValue } from '../../../shared/refi/write';

// REFI-QDA variables Stige writes and reads. Cases (informants and cases) and sources carry them.
// Typed attributes, when Stige has them, are added here: `caseVariables` / `documentVariables`
// append one value per attribute, and `readVariables` hands unknown variables back as `other`.

/** A variable declaration, with its GUID derived from the project and the name. */
export interface VariableDef {
  readonly guid: string;
  readonly name: string;
  readonly type: RefiVariableType;
  readonly description: string;
}

/** Declares a variable (once per export) and returns its GUID. */
export type RegisterVariable = (def: Omit<VariableDef, 'guid'>) => string;

/** The names of the variables Stige writes. */
export const VARIABLES = {
  role: { name: 'Stige role', type: 'Text', description: 'informant, interviewer or case' },
  case: { name: 'Stige case', type: 'Text', description: 'The case (e.g. municipality) an informant belongs to, or a case’s parent case' },
  realName: { name: 'Real name', type: 'Text', description: 'The informant’s real name (exported only when asked for)' },
  kind: { name: 'Stige document kind', type: 'Text', description: 'interview, document or note' },
  date: { name: 'Date', type: 'Date', description: 'When the interview took place' },
  used: { name: 'Used in analysis', type: 'Boolean', description: 'Whether the document is part of the analysis' },
} as const satisfies Record<string, Omit<VariableDef, 'guid'>>;

/** Variable values of an informant, interviewer or case. */
export function caseVariables(
  subject: { readonly kind: 'informant' | 'interviewer' | 'case'; readonly parentCase: string | null; readonly realName?: string | null },
  register: RegisterVariable,
): OutVariableValue[] {
  const values: OutVariableValue[] = [{ variableGuid: register(VARIABLES.role), type: 'Text', value: subject.kind }];
  if (subject.parentCase) values.push({ variableGuid: register(VARIABLES.case), type: 'Text', value: subject.parentCase });
  if (subject.realName) values.push({ variableGuid: register(VARIABLES.realName), type: 'Text', value: subject.realName });
  return values;
}

/** Variable values of a document. */
export function documentVariables(
  doc: { readonly kind: string; readonly date: string | null; readonly used_in_analysis: number },
  register: RegisterVariable,
): OutVariableValue[] {
  const values: OutVariableValue[] = [{ variableGuid: register(VARIABLES.kind), type: 'Text', value: doc.kind }];
  if (doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date)) values.push({ variableGuid: register(VARIABLES.date), type: 'Date', value: doc.date });
  values.push({ variableGuid: register(VARIABLES.used), type: 'Boolean', value: doc.used_in_analysis === 1 ? 'true' : 'false' });
  return values;
}

/** What a case's or source's variable values say, by Stige's variable names; the rest as `other`. */
export interface ReadVariables {
  readonly role: 'informant' | 'interviewer' | 'case' | null;
  readonly caseName: string | null;
  readonly realName: string | null;
  readonly kind: 'interview' | 'document' | 'note' | null;
  readonly date: string | null;
  readonly used: boolean | null;
  readonly other: readonly { readonly name: string; readonly value: string }[];
}

/** Interpret variable values against the file's declarations. */
export function readVariables(values: readonly RefiVariableValue[], declared: ReadonlyMap<string, RefiVariable>): ReadVariables {
  const out: { -readonly [K in keyof ReadVariables]: ReadVariables[K] } = { role: null, caseName: null, realName: null, kind: null, date: null, used: null, other: [] };
  const other: { name: string; value: string }[] = [];
  for (const v of values) {
    const name = declared.get(v.variableGuid)?.name ?? v.variableGuid;
    const value = v.value.trim();
    if (name === VARIABLES.role.name && (value === 'informant' || value === 'interviewer' || value === 'case')) out.role = value;
    else if (name === VARIABLES.case.name && value) out.caseName = value;
    else if (name === VARIABLES.realName.name) out.realName = value;
    else if (name === VARIABLES.kind.name && (value === 'interview' || value === 'document' || value === 'note')) out.kind = value;
    else if (name === VARIABLES.date.name && /^\d{4}-\d{2}-\d{2}/.test(value)) out.date = value.slice(0, 10);
    else if (name === VARIABLES.used.name && (value === 'true' || value === 'false' || value === '1' || value === '0')) out.used = value === 'true' || value === '1';
    else other.push({ name, value });
  }
  out.other = other;
  return out;
}
