import { describe, expect, it } from 'vitest';
import { tableShapeProblem, cellText } from '../../../../shared/exports/document';
import { buildDocumentsOverview, buildInformantsOverview, buildInterviewsOverview, countWords, formatDuration, overviewToDoc, type OverviewDocument } from '../../../../shared/exports/overview';
import { EXPORT_SETTINGS_PRESETS, mergeSettings } from '../../../../shared/exports/settings';

const NB = EXPORT_SETTINGS_PRESETS.nb.overview;
const minutes = (m: number) => m * 60_000;

function doc(id: string, partial: Partial<OverviewDocument>): OverviewDocument {
  return { id, title: id, kind: 'interview', caseId: null, date: null, durationMs: null, usedInAnalysis: true, words: 0, pageCount: null, informantIds: [], ...partial };
}

const source = {
  documents: [
    doc('Intervju 1', { caseId: 'b', date: '2024-03-01', durationMs: minutes(62), words: 6_000, informantIds: ['i1'] }),
    doc('Intervju 2', { caseId: 'b', date: '2024-03-04', durationMs: minutes(75), words: 7_400, informantIds: ['i2'] }),
    doc('Intervju 3', { caseId: 'b', durationMs: minutes(134), pageCount: 25, informantIds: ['i3'] }),
    doc('Intervju 4', { caseId: 'a', durationMs: minutes(45), words: 4_000 }),
    doc('Ekstern 1', { durationMs: minutes(30), words: 2_000, usedInAnalysis: false }),
    doc('Strategi', { kind: 'document', caseId: 'b', pageCount: 40 }),
    doc('Referat', { kind: 'document', caseId: 'b', words: 900 }),
    doc('Plan', { kind: 'document', caseId: 'a', pageCount: 12 }),
  ],
  informants: [
    { id: 'i1', label: 'Inger', roleLabel: 'Informant KS', caseId: 'b', role: 'informant' as const },
    { id: 'i2', label: 'Kjell', roleLabel: 'Informant prosjektleder', caseId: 'b', role: 'informant' as const },
    { id: 'i3', label: 'Sarah', roleLabel: '', caseId: 'a', role: 'informant' as const },
    { id: 'x', label: 'Intervjuer', roleLabel: '', caseId: null, role: 'interviewer' as const },
  ],
  cases: [
    { id: 'b', name: 'Bærum', sortOrder: 0 },
    { id: 'a', name: 'Asker', sortOrder: 1 },
  ],
};

describe('overview tables', () => {
  it('groups interviews by case with a total row per case in the user’s words, and lists unused interviews apart', () => {
    const overview = buildInterviewsOverview(source, NB);
    expect(overview.caption.text).toBe('Tabell 1: Oversikt over intervjuene');
    expect(overview.blocks.map((b) => [b.case?.label ?? null, b.interviews.map((i) => [i.title, i.pages]), b.total.text])).toEqual([
      ['Bærum', [['Intervju 1', 12], ['Intervju 2', 15], ['Intervju 3', 25]], 'Totalt 4 timer 31 min., 52 sider'],
      ['Asker', [['Intervju 4', 8]], 'Totalt 45 min., 8 sider'],
    ]);
    expect(overview.notUsed.map((b) => [b.case, b.interviews.map((i) => i.title)])).toEqual([[null, ['Ekstern 1']]]);
    const table = overviewToDoc(overview, NB, 'x').tables[0]!;
    expect(tableShapeProblem(table)).toBeNull();
    expect(table.header).toEqual(['Case', 'Intervju', 'Informanter', 'Dato', 'Lengde', 'Sider']);
    expect(table.rows.map((r) => [r.kind, r.cells.map((c) => (c ? cellText(c) : null)).join('|')])).toEqual([
      ['body', 'Bærum|Intervju 1|Inger|2024-03-01|1 timer 2 min.|12'],
      ['body', '|Intervju 2|Kjell|2024-03-04|1 timer 15 min.|15'],
      ['body', '|Intervju 3|Sarah||2 timer 14 min.|25'],
      ['total', 'Totalt 4 timer 31 min., 52 sider|||||'],
      ['body', 'Asker|Intervju 4|||45 min.|8'],
      ['total', 'Totalt 45 min., 8 sider|||||'],
      ['section', 'Intervjuer som ikke er brukt i analysen|||||'],
      ['body', 'Uten case|Ekstern 1|||30 min.|4'],
    ]);
  });

  it('numbers each table by its own setting', () => {
    const numbered = mergeSettings(NB, { numbers: { interviews: 2, documents: 3, informants: 5 } });
    expect(buildInterviewsOverview(source, numbered).caption.text).toBe('Tabell 2: Oversikt over intervjuene');
    expect(buildDocumentsOverview(source, numbered).caption.text).toBe('Tabell 3: Dokumenter per case');
    expect(buildInformantsOverview(source, numbered).caption.text).toBe('Tabell 5: Informanter');
  });

  it('counts words instead of pages, and leaves out unknown lengths', () => {
    const words = buildInterviewsOverview({ ...source, documents: [doc('A', { words: 1234 })] }, mergeSettings(NB, { measure: 'words' }));
    expect(words.blocks[0]!.total.text).toBe('Totalt 1234 ord');
    expect(formatDuration(null, NB)).toBe('');
    expect(formatDuration(minutes(271), NB)).toBe('4 timer 31 min.');
    expect(countWords('Nye løsninger – på «samfunnsutfordringer» 👍 i 2024')).toBe(6);
  });

  it('counts documents and pages per case, and lists informants by case without interviewers', () => {
    const documents = buildDocumentsOverview(source, NB);
    expect(documents.cases.map((c) => [c.case?.label, c.documents, c.pages])).toEqual([
      ['Bærum', 2, 42],
      ['Asker', 1, 12],
    ]);
    expect(documents.total.text).toBe('Totalt 3 dokumenter, 54 sider');
    const informants = buildInformantsOverview(source, NB);
    expect(informants.informants.map((i) => [i.label, i.case, i.role])).toEqual([
      ['Inger', 'Bærum', 'Informant KS'],
      ['Kjell', 'Bærum', 'Informant prosjektleder'],
      ['Sarah', 'Asker', ''],
    ]);
  });
});
