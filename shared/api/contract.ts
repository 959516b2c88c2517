import type { z } from 'zod';
import { analysisMethods } from './methods/analysis';
import { appMethods } from './methods/app';
import { codebookMethods } from './methods/codebook';
import { attributesMethods } from './methods/attributes';
import { codesMethods } from './methods/codes';
import { codingsMethods } from './methods/codings';
import { documentsMethods } from './methods/documents';
import { exportsMethods } from './methods/exports';
import { historyMethods } from './methods/history';
import { memosMethods } from './methods/memos';
import { peopleMethods } from './methods/people';
import { projectMethods } from './methods/project';
import { projectsMethods } from './methods/projects';
import { rosterMethods } from './methods/roster';
import { searchMethods } from './methods/search';
import { refiMethods } from './methods/refi';
import { structureMethods } from './methods/structure';
import { speakersMethods } from './methods/speakers';
import { teamMethods } from './methods/team';

/**
 * The one contract every transport serves (Electron IPC, HTTP devhost, direct calls from the CLI
 * and tests): method name `domain.verb` → argument schema and result type. Each domain's methods,
 * with their documentation, live in `methods/<domain>.ts`.
 */
export const contract = {
  ...appMethods,
  ...projectsMethods,
  ...projectMethods,
  ...documentsMethods,
  ...codesMethods,
  ...codingsMethods,
  ...peopleMethods,
  ...speakersMethods,
  ...historyMethods,
  ...searchMethods,
  ...memosMethods,
  ...refiMethods,
  ...structureMethods,
  ...codebookMethods,
  ...exportsMethods,
  ...rosterMethods,
  ...attributesMethods,
  ...analysisMethods,
  ...teamMethods,
};

/** The contract's type. */
export type Contract = typeof contract;
/** Every method name. */
export type MethodName = keyof Contract;
/** What a caller passes to method M (before defaults and trimming). */
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
/** What a handler of method M receives (after validation). */
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
/** What method M returns. */
export type ResultOf<M extends MethodName> = Exclude<Contract[M]['result'], undefined>;

/** True when `name` is a method of the contract. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
