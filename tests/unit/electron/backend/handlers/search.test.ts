import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/text/fold';
import { findQuery } from '../../../../../shared/text/search';
import { searchIndexStale } from '../../../../../electron/backend/db/searchIndex';
import { dumpProject } from '../../../../support/dump';
import { writeFile } from '../../../../support/temp';
import { workspace } from '../../../../support/workspace';

describe('search.text', () => {
  it('folds letters: "sok" finds "søker", "barum" finds "Bærum", "aerlig" finds "ærlige"', async () => {
    const w = await workspace();
    const sok = await w.api.call('search.text', { query: 'sok' });
    expect(sok.hits.map((h) => h.match)).toEqual(['søker', 'Søknaden', 'søke']);
    const barum = await w.api.call('search.text', { query: 'barum' });
    expect(barum.hits.map((h) => [h.documentTitle, h.match])).toEqual([
      ['inger', 'Bærum'],
      ['inger', 'Bærum'],
      ['kjell', 'Barum'],
      ['Gruppesamtale', 'Bærum'],
    ]);
    const aerlig = await w.api.call('search.text', { query: 'aerlig' });
    expect(aerlig.hits.map((h) => h.match)).toEqual(['ærlige', 'ærlig']);
    expect(aerlig).toMatchObject({ total: 2, truncated: false });
  });

  it('returns canonical offsets with context, usable to code the hits', async () => {
    const w = await workspace();
    const result = await w.api.call('search.text', { query: 'nyskapning 👍' });
    expect(result.hits).toHaveLength(1);
    const hit = result.hits[0]!;
    const text = await w.text(hit.documentId);
    expect(text.slice(hit.start, hit.end)).toBe('nyskapning» 👍');
    expect(hit.before).toBe('Hva betyr innovasjon for deg?\nFor meg er innovasjon «');
    expect(hit.after).toBe(' i kommunen. Vi søker nye løsninger hele tiden.\nOg i Bærum?');
    const coded = await w.api.call('codings.createMany', { code: { concept: 'Nyskaping' }, ranges: result.hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })) });
    expect(coded.codings.map((c) => c.quote)).toEqual(['nyskapning» 👍']);
  });

  it('matches phrases with any whitespace between the words, or all words anywhere', async () => {
    const w = await workspace();
    expect((await w.api.call('search.text', { query: 'nye   løsninger' })).hits.map((h) => h.match)).toEqual(['nye løsninger']);
    expect((await w.api.call('search.text', { query: 'løsninger nye' })).total).toBe(0);
    const all = await w.api.call('search.text', { query: 'løsninger nye', phrase: false });
    expect(all.hits.map((h) => [h.documentTitle, h.match])).toEqual([
      ['inger', 'nye'],
      ['inger', 'løsninger'],
    ]);
    // Kjell says "nye" but never "løsninger": all words must be in the same document.
    expect(all.hits.every((h) => h.documentId === w.docs.inger)).toBe(true);
  });

  it('without folding matches exactly up to case', async () => {
    const w = await workspace();
    expect((await w.api.call('search.text', { query: 'sok', fold: false })).total).toBe(0);
    expect((await w.api.call('search.text', { query: 'SØKNADEN', fold: false })).hits.map((h) => h.match)).toEqual(['Søknaden']);
    expect((await w.api.call('search.text', { query: 'bærum', fold: false })).hits.map((h) => h.match)).toEqual(['Bærum', 'Bærum', 'Bærum']);
  });

  it('limits hits, says when it did, and searches only the documents asked for', async () => {
    const w = await workspace();
    const limited = await w.api.call('search.text', { query: 'vi', limit: 2 });
    expect(limited.hits).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    expect(limited.total).toBeGreaterThan(2);
    const only = await w.api.call('search.text', { query: 'vi', documentIds: [w.docs.kjell] });
    expect(only.hits.length).toBeGreaterThan(0);
    expect(only.hits.every((h) => h.documentId === w.docs.kjell)).toBe(true);
  });

  it('pages through the hits: each page continues where the last ended, and together they are every hit', async () => {
    const w = await workspace();
    const all = await w.api.call('search.text', { query: 'vi', phrase: false, limit: 20_000 });
    expect(all).toMatchObject({ offset: 0, truncated: false });
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = await w.api.call('search.text', { query: 'vi', phrase: false, offset, limit: 2 });
      expect(page).toMatchObject({ total: all.total, offset, truncated: offset + page.hits.length < all.total });
      pages.push(...page.hits);
    }
    expect(pages).toEqual(all.hits);
    const beyond = await w.api.call('search.text', { query: 'vi', offset: all.total + 5 });
    expect(beyond).toMatchObject({ hits: [], total: all.total, truncated: false });
  });

  it('codes every hit, not only the first page, as one undoable step', async () => {
    const w = await workspace();
    const all = await w.api.call('search.text', { query: 'vi', phrase: false, limit: 20_000 });
    const before = dumpProject(w.db());
    const result = await w.api.call('search.codeAll', { query: 'vi', phrase: false, code: { concept: 'Vi-perspektiv' } });
    expect(result).toMatchObject({ total: all.total, coded: all.total, skipped: 0, undoLabel: `Code ${all.total} passages as “Vi-perspektiv”` });
    const codings = await w.api.call('codings.list', {});
    expect(codings.map((c) => [c.documentId, c.start, c.end]).sort()).toEqual(all.hits.map((h) => [h.documentId, h.start, h.end]).sort());
    // Again: every hit is coded already.
    await expect(w.api.call('search.codeAll', { query: 'vi', phrase: false, code: { concept: 'Vi-perspektiv' } })).resolves.toMatchObject({ coded: 0, skipped: all.total });
    await w.api.call('history.undo', {});
    expect(dumpProject(w.db())).toEqual(before);
    await expect(w.api.call('search.codeAll', { query: 'sykkelvei', code: { concept: 'X' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('finds emoji and punctuation without the index', async () => {
    const w = await workspace();
    expect((await w.api.call('search.text', { query: '😅' })).hits.map((h) => h.documentTitle)).toEqual(['kjell']);
    expect((await w.api.call('search.text', { query: '«' })).total).toBe(1);
  });

  it('finds exactly what scanning every document finds: the index never loses a hit (property)', async () => {
    const w = await workspace();
    const docs = await Promise.all(Object.values(w.docs).map(async (id) => ({ id, text: await w.text(id) })));
    const words = [...new Set(docs.flatMap((d) => d.text.split(/[^\p{L}\p{N}]+/u)).filter((x) => x.length > 1))];
    const spell = (s: string) => s.toLowerCase().replaceAll('æ', 'ae').replaceAll('ø', 'o').replaceAll('å', 'a');
    const query = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.integer({ min: 1, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.map(([word, keep, respell]) => (respell ? spell(word) : word).slice(0, keep)).join(' '));
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), fc.boolean(), async (q, phrase, folding) => {
        const result = await w.api.call('search.text', { query: q, phrase, fold: folding, limit: 20_000 });
        const expected = docs.flatMap((d) => {
          if (!folding) return findQuery(d.text, q, { phrase, fold: false }).map((r) => ({ documentId: d.id, ...r }));
          const f = fold(d.text, { ae: 'keep' });
          return findQuery(f.folded, q, { phrase, fold: true }).map((r) => ({ documentId: d.id, start: f.toCanonical(r.start, 'start'), end: f.toCanonical(r.end, 'end') }));
        });
        expect(result.hits.map((h) => ({ documentId: h.documentId, start: h.start, end: h.end }))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the search index through undo and redo', () => {
  it('follows an import, its undo and its redo', async () => {
    const w = await workspace();
    const file = writeFile(w.dir, 'ny.txt', 'Intervjuer: Hei.\nAnne: Vi har et sjøbad i Sandvika.');
    await w.api.call('documents.import', { sources: [{ path: file }], informant: 'Anne' });
    const find = async () => (await w.api.call('search.text', { query: 'sjobad' })).hits.map((h) => h.match);
    expect(await find()).toEqual(['sjøbad']);
    await w.api.call('history.undo', {});
    expect(await find()).toEqual([]);
    expect(searchIndexStale(w.db())).toBe(false);
    await w.api.call('history.redo', {});
    expect(await find()).toEqual(['sjøbad']);
    expect(searchIndexStale(w.db())).toBe(false);
  });

  it('follows a text edit, its undo and its redo, and the database is restored exactly', async () => {
    const w = await workspace();
    const before = dumpProject(w.db());
    const at = await w.range(w.docs.inger, 'tillit');
    await w.api.call('documents.editText', { id: w.docs.inger, edits: [{ ...at, text: 'åpenhet' }] });
    const count = async (q: string) => (await w.api.call('search.text', { query: q })).total;
    expect([await count('tillit'), await count('apenhet')]).toEqual([0, 1]);
    await w.api.call('history.undo', {});
    expect([await count('tillit'), await count('apenhet')]).toEqual([1, 0]);
    expect(dumpProject(w.db())).toEqual(before);
    await w.api.call('history.redo', {});
    expect([await count('tillit'), await count('apenhet')]).toEqual([0, 1]);
    expect(searchIndexStale(w.db())).toBe(false);
  });

  it('forgets a deleted document and finds it again after undo', async () => {
    const w = await workspace();
    await w.api.call('documents.delete', { id: w.docs.kjell });
    expect((await w.api.call('search.text', { query: 'Asker' })).hits.map((h) => h.documentTitle)).toEqual(['Gruppesamtale']);
    await w.api.call('history.undo', {});
    expect((await w.api.call('search.text', { query: 'Asker' })).hits.map((h) => h.documentTitle)).toEqual(['kjell', 'Gruppesamtale']);
  });
});
