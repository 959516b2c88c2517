import { describe, expect, it } from 'vitest';
import { benchDraftCheck, benchQuoteDocxExport } from '../../bench/steps/quotes';

// The benchmark steps at a small size: they check their own results and throw when wrong; here
// only correctness is asserted, never time (speed is the benchmark's business).
describe('quote export bench steps', () => {
  it('export a small quote project to DOCX and verify every row', async () => {
    const result = await benchQuoteDocxExport({ quotes: 40, runs: 1 });
    expect(result.runs).toHaveLength(1);
    expect(result.detail).toMatchObject({ quotes: 40, tables: 4 });
  });

  it('check a small draft and find exactly the altered quotes', async () => {
    const result = await benchDraftCheck({ pages: 10, runs: 1 });
    expect(result.detail).toMatchObject({ pages: 10, quotations: 10 });
    expect(result.detail.findings).toBeGreaterThanOrEqual(1);
  });
});
