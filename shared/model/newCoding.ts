import type { Coding } from './types';

/** What a coding is made of when it is first applied; the rest starts empty. */
export type NewCodingFields = Pick<Coding, 'id' | 'documentId' | 'codeId' | 'start' | 'end' | 'coderId' | 'quote' | 'createdAt'>;

/** A coding as it is first applied: not starred, no memo, no publication excerpt or attribution override. */
export function newCoding(fields: NewCodingFields): Coding {
  return { ...fields, memo: '', representative: false, repOrder: 0, excerpt: null, attribution: null, status: 'ok' };
}
