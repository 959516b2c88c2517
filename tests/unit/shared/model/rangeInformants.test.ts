import { describe, expect, it } from 'vitest';
import { informantsOfRange, type InformantTurn } from '../../../../shared/model/rangeInformants';

const turns: InformantTurn[] = [
  { start: 0, end: 10, informantId: null },
  { start: 11, end: 30, informantId: 'inger' },
  { start: 31, end: 40, informantId: null },
  { start: 41, end: 60, informantId: 'kjell' },
  { start: 61, end: 80, informantId: 'inger' },
];

describe('informants of a range', () => {
  it('are the informants of the turns it overlaps, in speaking order, interviewers left out', () => {
    expect(informantsOfRange(turns, 12, 20)).toEqual(['inger']);
    expect(informantsOfRange(turns, 5, 45)).toEqual(['inger', 'kjell']);
    expect(informantsOfRange(turns, 45, 79)).toEqual(['kjell', 'inger']);
    expect(informantsOfRange(turns, 0, 10)).toEqual([]);
    expect(informantsOfRange(turns, 30, 31)).toEqual([]);
    expect(informantsOfRange(turns, 60, 61)).toEqual([]);
    expect(informantsOfRange(turns, 15, 15)).toEqual(['inger']);
    expect(informantsOfRange([], 0, 5)).toEqual([]);
  });
});
