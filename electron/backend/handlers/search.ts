import { AppError } from '../../../shared/api/errors';
import type { searchMethods } from '../../../shared/api/methods/search';
import type { HandlersOf } from '../handlerTypes';

// Placeholder until the workspace backend lands (branch `workspace`).
export const searchHandlers = {
  'search.text': () => {
    throw new AppError('UNSUPPORTED', 'search is not built yet');
  },
} satisfies HandlersOf<typeof searchMethods>;
