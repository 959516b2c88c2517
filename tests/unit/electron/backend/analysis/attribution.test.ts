import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analysedInformants, informantsOfCodings, liveCodingInformants, liveCodingsWithInformants } from '../../../../../electron/backend/analysis/attribution';
import { buildLargeProject, SMALL } from '../../../../bench/largeProject';
import { tempDir } from '../../../../support/temp';
import { peopleProject } from '../../../../support/peopleProject';

describe('informants of codings (electron/backend/analysis/attribution.ts)', () => {
  it('attributes each coding to the informants speaking in the turns it overlaps, never to interviewers', async () => {
    const p = await peopleProject();
    const db = p.backend.project().db;
    const names = new Map(Object.entries(p.people).map(([name, id]) => [id, name]));
    const of = informantsOfCodings(db, Object.values(p.codings));
    const byLetter = Object.fromEntries(Object.entries(p.codings).map(([letter, id]) => [letter, (of.get(id) ?? []).map((i) => names.get(i))]));
    expect(byLetter).toEqual({
      a: ['inger'],
      b: ['inger'],
      c: ['inger', 'kjell'], // across two speakers' turns: both
      d: [], // Kari, mapped as a person whose role is interviewer
      e: ['inger'],
      f: ['sara'],
      g: ['sara'],
      h: ['sara'], // Sara's second interview
      i: ['ola'],
      j: [], // a document nobody speaks
      l: [],
      k: ['ola'], // any document, for showing who said a quote
    });
    const live = liveCodingInformants(db);
    expect(live.some((pair) => pair.codingId === p.codings.k)).toBe(false); // doc 5 is not in the analysis
    expect(live).toHaveLength(9); // a, b, c twice, e, f, g, h, i
    expect(liveCodingInformants(db, [p.coders.per])).toEqual([]);
    expect(analysedInformants(db).map((i) => names.get(i.id))).toEqual(['inger', 'kjell', 'sara', 'ola']);
    expect(analysedInformants(db).find((i) => i.id === p.people.sara)!.documentIds).toEqual([p.docs[1], p.docs[2]]);
  });

  it('a coding that ends where a turn starts is not that turn’s (ranges are half-open); one across the line break is', async () => {
    const p = await peopleProject();
    const doc = await p.api.call('documents.get', { id: p.docs[0]! });
    const firstBreak = doc.text.indexOf('\n');
    const interviewerOnly = await p.api.call('codings.create', { documentId: doc.id, start: 0, end: firstBreak + 1, code: { concept: 'C1' } });
    const across = await p.api.call('codings.create', { documentId: doc.id, start: firstBreak - 3, end: firstBreak + 4, code: { concept: 'C1' } });
    const turns = doc.turns.map((t) => [t.start, t.end]);
    expect(turns[1]![0]).toBe(firstBreak + 1);
    const of = informantsOfCodings(p.backend.project().db, [interviewerOnly.coding.id, across.coding.id]);
    expect(of.get(interviewerOnly.coding.id)).toEqual([]);
    expect(of.get(across.coding.id)).toEqual([p.people.inger]);
  });

  it('finds a long turn that starts far before a coding, even when turns overlap', async () => {
    const p = await peopleProject();
    const project = p.backend.project();
    const db = project.db;
    const doc = await p.api.call('documents.get', { id: p.docs[3]! }); // the strategy document: no speakers mapped
    const codingLate = randomUUID();
    const codingMid = randomUUID();
    project.step('test turns', () => {
      db.prepare('DELETE FROM turns WHERE document_id = ?').run(doc.id);
      const speaker = (informantId: string) => {
        const id = randomUUID();
        db.prepare('INSERT INTO speakers (id, document_id, label, informant_id, role) VALUES (?, ?, ?, ?, ?)').run(id, doc.id, id.slice(0, 6), informantId, 'informant');
        return id;
      };
      const long = speaker(p.people.inger);
      const short = speaker(p.people.ola);
      db.prepare('INSERT INTO turns (id, document_id, speaker_id, start, end) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), doc.id, long, 0, doc.text.length);
      db.prepare('INSERT INTO turns (id, document_id, speaker_id, start, end) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), doc.id, short, 20, 30);
      const coder = project.coderId();
      for (const [id, start, end] of [
        [codingLate, 50, 60],
        [codingMid, 25, 26],
      ] as const) {
        db.prepare('INSERT INTO codings (id, document_id, code_id, start, end, coder_id, quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)').run(
          id,
          doc.id,
          p.codes.C1,
          start,
          end,
          coder,
          doc.text.slice(start, end),
        );
      }
    });
    const of = informantsOfCodings(db, [codingLate, codingMid]);
    expect(of.get(codingLate)).toEqual([p.people.inger]);
    expect(of.get(codingMid)).toEqual([p.people.inger, p.people.ola]);
  });

  it('follows role changes: a person made interviewer stops counting, and back', async () => {
    const p = await peopleProject();
    const db = p.backend.project().db;
    await p.api.call('informants.update', { id: p.people.kjell, role: 'interviewer' });
    expect(informantsOfCodings(db, [p.codings.c!]).get(p.codings.c!)).toEqual([p.people.inger]);
    await p.api.call('informants.update', { id: p.people.kari, role: 'informant' });
    expect(informantsOfCodings(db, [p.codings.d!]).get(p.codings.d!)).toEqual([p.people.kari]);
    await p.api.call('history.undo', {});
    expect(informantsOfCodings(db, [p.codings.d!]).get(p.codings.d!)).toEqual([]);
  });

  it('the bulk reader agrees with the SQL join, on this project and on a generated one', async () => {
    const p = await peopleProject();
    const pairs = (db: Parameters<typeof liveCodingInformants>[0], coderIds?: string[]) => ({
      sql: liveCodingInformants(db, coderIds).map((x) => `${x.codingId}|${x.informantId}`).sort(),
      bulk: liveCodingsWithInformants(db, coderIds).flatMap((c) => c.informantIds.map((i) => `${c.id}|${i}`)).sort(),
    });
    const here = pairs(p.backend.project().db);
    expect(here.bulk).toEqual(here.sql);
    expect(liveCodingsWithInformants(p.backend.project().db).map((c) => c.id).sort()).toEqual(Object.entries(p.codings).filter(([l]) => l !== 'k').map(([, id]) => id).sort());
    const tester = pairs(p.backend.project().db, [p.coders.tester]);
    expect(tester.bulk).toEqual(tester.sql);
    const big = await buildLargeProject(tempDir(), SMALL);
    try {
      const generated = pairs(big.backend.project().db);
      expect(generated.sql.length).toBeGreaterThan(SMALL.codings);
      expect(generated.bulk).toEqual(generated.sql);
    } finally {
      big.backend.close();
    }
  });
});
