import { describe, expect, it } from 'vitest';
import { paragraphRanges } from '../../../../../shared/text/paragraphs';
import { lanesIn, stripeLanes } from '../../../../../renderer/features/transcript/stripeLanes';

// Four paragraphs of 9 characters: 0–9, 10–19, 20–29, 30–39.
const paragraphs = paragraphRanges('aaaaaaaaa\nbbbbbbbbb\nccccccccc\nddddddddd');

describe('stripe lanes', () => {
  it('puts codings that share a paragraph in different lanes, and reuses a lane once free', () => {
    const lanes = stripeLanes(paragraphs, [
      { id: 'a', start: 0, end: 15 }, // paragraphs 0–1
      { id: 'b', start: 12, end: 14 }, // paragraph 1
      { id: 'c', start: 20, end: 25 }, // paragraph 2
      { id: 'd', start: 3, end: 5 }, // paragraph 0
    ]);
    const byId = Object.fromEntries(lanes.map((l) => [l.id, l]));
    expect(byId.a).toMatchObject({ first: 0, last: 1, lane: 0 });
    expect(byId.d).toMatchObject({ first: 0, last: 0, lane: 1 });
    expect(byId.b).toMatchObject({ first: 1, last: 1, lane: 1 });
    expect(byId.c).toMatchObject({ first: 2, last: 2, lane: 0 });
  });

  it('a coding ending at a paragraph break stays in its paragraph', () => {
    expect(stripeLanes(paragraphs, [{ id: 'x', start: 10, end: 19 }])[0]).toMatchObject({ first: 1, last: 1 });
  });

  it('finds the stripes reaching into a window of paragraphs', () => {
    const lanes = stripeLanes(paragraphs, [
      { id: 'a', start: 0, end: 25 },
      { id: 'b', start: 31, end: 35 },
    ]);
    expect(lanesIn(lanes, 1, 2).map((l) => l.id)).toEqual(['a']);
    expect(lanesIn(lanes, 3, 3).map((l) => l.id)).toEqual(['b']);
  });
});
