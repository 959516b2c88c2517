import path from 'node:path';
import type { ApiClient } from '../../shared/api/client';
import type { Backend } from '../../electron/backend/backend';
import { testBackend } from './backend';
import { writeFile } from './temp';

// A purpose-built project whose matrix figures are known by construction (see the comments):
//
// Cases: Bærum (A) ⊃ Helse, Asker (B).
// People: Kari (interviewer, mapped as a person, then given the interviewer role), Inger (Helse),
// Kjell (Bærum), Sara (Asker, in TWO interviews), Ola (Asker; also in an interview left out of the
// analysis). Attributes: Role (choice leader | politician; Ola has none), Age (number).
// Codebook: D1 ▸ T1 ▸ {C1, C2}, D1 ▸ T2 ▸ {C3, C5 (never coded)}, D2 ▸ T3 ▸ C4, D2 ▸ T4 ▸ C6.
//
// Codings (letter: concept, passage, speaker(s)):
//  a C1 "prøve nye ting"             Inger            (doc 1)
//  b C2 "prøve nye ting 🙂"           Inger            (doc 1; overlaps a: same passage, same theme)
//  c C1 "hver dag.\nPolitikerne må"   Inger AND Kjell  (doc 1; across two speakers' turns)
//  d C3 "Hva betyr innovasjon?"       Kari only        (doc 1; the interviewer: no informant)
//  e C4 "Budsjettet styrer alt"       Inger            (doc 1)
//  f C1 "deler erfaringer"            Sara             (doc 2)
//  g C3 "på tvers"                    Sara             (doc 2; same turn as f)
//  h C2 "Brukerne må med"             Sara             (doc 3: Sara's second interview)
//  i C4 "pårørende også"              Ola              (doc 3)
//  j C1 "være innovativ"              nobody           (doc 4, a strategy document of Bærum; coder Per)
//  l C6 "dele erfaringer"             nobody           (doc 4)
//  k C1 "Innovasjon er viktig"        Ola              (doc 5: NOT used in the analysis)

/** Ids and texts of the purpose-built project. */
export interface PeopleProject {
  readonly backend: Backend;
  readonly api: ApiClient;
  readonly dir: string;
  readonly file: string;
  readonly cases: { readonly baerum: string; readonly helse: string; readonly asker: string };
  readonly people: { readonly kari: string; readonly inger: string; readonly kjell: string; readonly sara: string; readonly ola: string };
  readonly docs: readonly string[];
  readonly codes: Readonly<Record<'D1' | 'D2' | 'T1' | 'T2' | 'T3' | 'T4' | 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6', string>>;
  /** Coding ids by letter. */
  readonly codings: Readonly<Record<string, string>>;
  /** Passage texts by letter. */
  readonly passages: Readonly<Record<string, string>>;
  readonly attributes: { readonly role: string; readonly age: string };
  readonly coders: { readonly tester: string; readonly per: string };
}

const DOC1 = [
  'Intervjuer: Hva betyr innovasjon?',
  'Inger: Innovasjon er å prøve nye ting 🙂 hver dag.',
  'Kjell: Politikerne må tørre å feile.',
  'Intervjuer: Og budsjettet?',
  'Inger: Budsjettet styrer alt i Bærum.',
].join('\n');
const DOC2 = ['Intervjuer: Fortell om jobben.', 'Sara: Vi deler erfaringer på tvers av etatene.'].join('\n');
const DOC3 = ['Intervjuer: Hva med brukerne?', 'Sara: Brukerne må med fra starten.', 'Ola: Enig, og pårørende også.'].join('\n');
const DOC4 = 'Kommunen skal være innovativ og dele erfaringer med andre kommuner.';
const DOC5 = ['Intervjuer: Og til slutt?', 'Ola: Innovasjon er viktig for oss.'].join('\n');

/** The passages by letter, and which document (1-based) and concept each is coded with. */
export const PASSAGES: Readonly<Record<string, { doc: number; concept: string; text: string; coder?: string }>> = {
  a: { doc: 1, concept: 'C1', text: 'prøve nye ting' },
  b: { doc: 1, concept: 'C2', text: 'prøve nye ting 🙂' },
  c: { doc: 1, concept: 'C1', text: 'hver dag.\nPolitikerne må' },
  d: { doc: 1, concept: 'C3', text: 'Hva betyr innovasjon?' },
  e: { doc: 1, concept: 'C4', text: 'Budsjettet styrer alt' },
  f: { doc: 2, concept: 'C1', text: 'deler erfaringer' },
  g: { doc: 2, concept: 'C3', text: 'på tvers' },
  h: { doc: 3, concept: 'C2', text: 'Brukerne må med' },
  i: { doc: 3, concept: 'C4', text: 'pårørende også' },
  j: { doc: 4, concept: 'C1', text: 'være innovativ', coder: 'Per' },
  l: { doc: 4, concept: 'C6', text: 'dele erfaringer' },
  k: { doc: 5, concept: 'C1', text: 'Innovasjon er viktig' },
};

const TREE: Readonly<Record<string, { theme: string; dimension: string }>> = {
  C1: { theme: 'T1', dimension: 'D1' },
  C2: { theme: 'T1', dimension: 'D1' },
  C3: { theme: 'T2', dimension: 'D1' },
  C4: { theme: 'T3', dimension: 'D2' },
  C6: { theme: 'T4', dimension: 'D2' },
};

/** Build the project (through the API, as a user would) and return its ids. */
export async function peopleProject(): Promise<PeopleProject> {
  const { backend, api, dir } = testBackend();
  const file = path.join(dir, 'sammenligning.stige');
  await api.call('projects.create', { path: file });
  const imp = async (name: string, text: string, options: { case?: string; speakers?: Record<string, string>; kind?: 'document' }) => {
    const report = await api.call('documents.import', { sources: [{ path: writeFile(dir, name, text) }], ...options });
    const id = report.files[0]?.documentId;
    if (!id) throw new Error(`import of ${name} failed: ${JSON.stringify(report)}`);
    return id;
  };
  const doc1 = await imp('Intervju Bærum.txt', DOC1, { case: 'Bærum', speakers: { Intervjuer: 'Kari', Inger: 'Inger', Kjell: 'Kjell' } });
  const doc2 = await imp('Intervju Sara.txt', DOC2, { case: 'Asker', speakers: { Intervjuer: '@interviewer', Sara: 'Sara' } });
  const doc3 = await imp('Intervju Asker.txt', DOC3, { case: 'Asker', speakers: { Intervjuer: 'Kari', Sara: 'Sara', Ola: 'Ola' } });
  const doc4 = await imp('Strategi.txt', DOC4, { case: 'Bærum', kind: 'document' });
  const doc5 = await imp('Eksternt intervju.txt', DOC5, { case: 'Asker', speakers: { Intervjuer: '@interviewer', Ola: 'Ola' } });
  await api.call('documents.update', { id: doc5, usedInAnalysis: false });
  const docs = [doc1, doc2, doc3, doc4, doc5];

  const people = Object.fromEntries((await api.call('informants.list', {})).map((i) => [i.label.toLowerCase(), i.id])) as Record<string, string>;
  const cases = Object.fromEntries((await api.call('cases.list', {})).map((c) => [c.name, c.id])) as Record<string, string>;
  const helse = await api.call('cases.create', { name: 'Helse', parentId: cases['Bærum']! });
  await api.call('cases.update', { id: cases['Bærum']!, code: 'A' });
  await api.call('cases.update', { id: cases['Asker']!, code: 'B' });
  await api.call('informants.update', { id: people.kari!, role: 'interviewer' });
  await api.call('informants.update', { id: people.inger!, caseId: helse.id });

  const role = await api.call('attributes.create', { scope: 'informant', name: 'Role', type: 'choice', choices: ['leader', 'politician'] });
  const age = await api.call('attributes.create', { scope: 'informant', name: 'Age', type: 'number' });
  await api.call('attributes.setValues', {
    scope: 'informant',
    cells: [
      { ownerId: people.inger!, key: `attr:${role.id}`, value: 'leader' },
      { ownerId: people.kjell!, key: `attr:${role.id}`, value: 'politician' },
      { ownerId: people.sara!, key: `attr:${role.id}`, value: 'leader' },
      { ownerId: people.inger!, key: `attr:${age.id}`, value: '52' },
      { ownerId: people.kjell!, key: `attr:${age.id}`, value: 61 },
      { ownerId: people.sara!, key: `attr:${age.id}`, value: '45' },
    ],
  });

  const codes: Record<string, string> = {};
  const codings: Record<string, string> = {};
  const passages: Record<string, string> = {};
  const texts = new Map<string, string>();
  for (const [letter, p] of Object.entries(PASSAGES)) {
    const documentId = docs[p.doc - 1]!;
    if (!texts.has(documentId)) texts.set(documentId, (await api.call('documents.get', { id: documentId })).text);
    const text = texts.get(documentId)!;
    const start = text.indexOf(p.text);
    if (start < 0 || text.indexOf(p.text, start + 1) >= 0) throw new Error(`passage ${letter} is not unique in document ${p.doc}`);
    const tree = TREE[p.concept]!;
    const { coding, createdCodes } = await api.call('codings.create', {
      documentId,
      start,
      end: start + p.text.length,
      code: { concept: p.concept, theme: tree.theme, dimension: tree.dimension },
      ...(p.coder ? { coder: p.coder } : {}),
    });
    for (const c of createdCodes) codes[c.label] = c.id;
    codings[letter] = coding.id;
    passages[letter] = p.text;
  }
  const c5 = await api.call('codes.create', { label: 'C5', level: 1, parentId: codes.T2! });
  codes.C5 = c5.id;
  const coders = Object.fromEntries((await api.call('coders.list', {})).map((c) => [c.name, c.id])) as Record<string, string>;
  return {
    backend,
    api,
    dir,
    file,
    cases: { baerum: cases['Bærum']!, helse: helse.id, asker: cases['Asker']! },
    people: { kari: people.kari!, inger: people.inger!, kjell: people.kjell!, sara: people.sara!, ola: people.ola! },
    docs,
    codes: codes as PeopleProject['codes'],
    codings,
    passages,
    attributes: { role: role.id, age: age.id },
    coders: { tester: coders.Tester!, per: coders.Per! },
  };
}
