import { describe, expect, it } from 'vitest';
import { attributionConflicts, normalizeAttribution, type PrintedQuote } from '../../../../shared/exports/checks';

function printed(partial: Partial<PrintedQuote> & Pick<PrintedQuote, 'codingId' | 'attribution'>): PrintedQuote {
  return {
    exportId: null,
    fileName: null,
    exportedAt: null,
    documentId: 'd1',
    document: 'Intervju Inger',
    start: 0,
    end: 50,
    informantIds: ['inger'],
    text: 'Nye løsninger på samfunnsutfordringer',
    table: 5,
    ...partial,
  };
}

describe('attribution conflicts', () => {
  it('catches a passage printed as «…» (Inger) last month and as «…» (Informant fra Bærum) today', () => {
    const earlier = [printed({ codingId: 'c1', attribution: 'Inger', exportId: 'e1', fileName: 'kapittel4.docx', exportedAt: Date.UTC(2024, 4, 1), table: 5 })];
    const current = [printed({ codingId: 'c1', attribution: 'Informant fra Bærum', table: 7 })];
    const warnings = attributionConflicts(current, earlier);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'attribution-conflict', codingIds: ['c1'], informantIds: ['inger'], exportIds: ['e1'] });
    expect(warnings[0]!.message).toBe(
      '“Nye løsninger på samfunnsutfordringer” (Intervju Inger) is attributed “Informant fra Bærum” in table 7 of this export, but the same passage is attributed “Inger” in table 5 of “kapittel4.docx” on 2024-05-01: readers can link the two attributions',
    );
  });

  it('catches overlapping passages of one informant within one export, once', () => {
    const current = [
      printed({ codingId: 'c1', attribution: 'Inger', start: 0, end: 50 }),
      printed({ codingId: 'c2', attribution: 'Informant', start: 30, end: 80, table: 6 }),
    ];
    expect(attributionConflicts(current, [])).toHaveLength(1);
  });

  it('stays silent for the same attribution, separate passages, other informants and old exports among themselves', () => {
    expect(attributionConflicts([printed({ codingId: 'c1', attribution: 'Inger' })], [printed({ codingId: 'c1', attribution: ' (inger) ', exportId: 'e1' })])).toEqual([]);
    expect(attributionConflicts([printed({ codingId: 'c1', attribution: 'Inger' })], [printed({ codingId: 'c2', attribution: 'Informant', start: 50, end: 90, exportId: 'e1' })])).toEqual([]);
    expect(attributionConflicts([printed({ codingId: 'c1', attribution: 'Inger' })], [printed({ codingId: 'c2', attribution: 'Kjell', informantIds: ['kjell'], exportId: 'e1' })])).toEqual([]);
    expect(
      attributionConflicts([], [printed({ codingId: 'c1', attribution: 'Inger', exportId: 'e1' }), printed({ codingId: 'c1', attribution: 'Informant', exportId: 'e2' })]),
    ).toEqual([]);
  });

  it('compares attributions as readers would', () => {
    expect(normalizeAttribution(' (Informant  fra Bærum). ')).toBe('informant fra bærum');
  });
});
