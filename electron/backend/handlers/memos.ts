import { AppError } from '../../../shared/api/errors';
import type { memosMethods } from '../../../shared/api/methods/memos';
import type { HandlersOf } from '../handlerTypes';

// Placeholder until the workspace backend lands (branch `workspace`).
const notYet = () => {
  throw new AppError('UNSUPPORTED', 'memos are not built yet');
};
export const memosHandlers = {
  'memos.list': notYet,
  'memos.create': notYet,
  'memos.update': notYet,
  'memos.delete': notYet,
} satisfies HandlersOf<typeof memosMethods>;
