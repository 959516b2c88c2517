import type { teamMethods } from '../../../shared/api/methods/team';
import { Backend } from '../backend';
import type { HandlersOf } from '../handlerTypes';
import { handout } from '../merge/handout';
import { applyMerge, previewMerge } from '../merge/merge';
import { agreementReport } from '../team/agreement';
import { coderSummaries, mergeCoders, renameCoder, setBlind, teamStatus } from '../team/coders';
import { listDisagreements, resolveDisagreement } from '../team/disagreements';
import { writeReport } from '../team/exportReport';

export const teamHandlers = {
  'team.coders': (_args, { backend }) => coderSummaries(backend),
  'team.renameCoder': ({ id, name }, { backend }) => {
    renameCoder(backend, id, name);
    return coderSummaries(backend);
  },
  'team.mergeCoders': ({ fromId, intoId }, { backend }) => {
    mergeCoders(backend.project(), fromId, intoId);
    return coderSummaries(backend);
  },
  'team.status': (_args, { backend }) => teamStatus(backend),
  'team.setBlind': ({ coderId }, { backend }) => {
    setBlind(backend.project(), coderId);
    return teamStatus(backend);
  },
  'team.handout': ({ path, coder, blind }, { backend, transport }) =>
    handout(backend.project(), backend.resolvePath(Backend.withExtension(path), transport), coder, blind ?? false),
  'team.mergePreview': ({ path }, { backend, transport }) => previewMerge(backend.project(), backend.resolvePath(path, transport)),
  'team.mergeApply': ({ path, theirs }, { backend, transport }) => applyMerge(backend.project(), backend.resolvePath(path, transport), theirs),
  'team.agreement': (args, { backend }) => agreementReport(backend.project().db, args),
  'team.exportAgreement': async ({ path, format, ...args }, { backend, transport }) => {
    const file = backend.resolvePath(path, transport);
    const report = agreementReport(backend.project().db, args);
    return { path: file, bytes: await writeReport(report.table, format, file) };
  },
  'team.disagreements': (args, { backend }) => listDisagreements(backend.project().db, args),
  'team.resolve': (args, { backend }) => resolveDisagreement(backend.project(), args),
} satisfies HandlersOf<typeof teamMethods>;
