import type { ApiClient } from '../../shared/api/client';
import { writeFile } from './temp';

/** The interviews of the USERS.md example: three informants, two municipalities. */
export const INTERVIEWS = {
  anne: [
    'Intervjuer: Hva betyr innovasjon for dere?',
    'Anne: Nye løsninger på samfunnsutfordringer. Det er det vi sier i kommunen, og det står i strategien.',
    'Intervjuer: Kan du si mer?',
    'Anne: Vi har et «innovasjonsløft» der alle etater er med, også skole & barnehage.',
  ].join('\n'),
  jan: [
    'Intervjuer: Hva tenker du om begrepet?',
    'Jan: For meg er begrepet innovasjon nyskapning, noe nytt som virker. Budsjettet ble kuttet med 5 % og vi måtte tenke_nytt.',
    'Intervjuer: Takk.',
  ].join('\n'),
  kari: [
    'Intervjuer: Hvorfor innoverer kommunen?',
    'Kari: Vi gjør det for å løse samfunnsoppdraget vårt, ikke for å vinne priser. Innbyggerne skal merke forskjell i hverdagen.',
  ].join('\n'),
} as const;

/** Ids of what the example creates. */
export interface UsersExample {
  readonly documents: { readonly anne: string; readonly jan: string; readonly kari: string };
  readonly informants: { readonly anne: string; readonly jan: string; readonly kari: string };
  readonly cases: { readonly baerum: string; readonly asker: string };
  readonly codings: { readonly anne: string; readonly jan: string; readonly kari: string; readonly anne2: string };
  readonly dimension: string;
  readonly themes: readonly [string, string];
}

export const DIMENSION = 'Innovasjon som begrep – hvordan det er forstått i offentlig sektor';
export const THEME_1 = 'Innovasjon som et etablert, men teoretisk begrep';
export const THEME_2 = 'Innovasjon som et middel til å realisere samfunnsoppdraget';

/** Code the exact `passage` of a document as `concept` under `theme` and the dimension, starred. */
export async function codePassage(api: ApiClient, documentId: string, passage: string, concept: string, theme: string, dimension = DIMENSION): Promise<string> {
  const { text } = await api.call('documents.get', { id: documentId });
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`“${passage}” is not in the document`);
  const { coding } = await api.call('codings.create', {
    documentId,
    start,
    end: start + passage.length,
    code: { concept, theme, dimension },
    representative: true,
  });
  return coding.id;
}

/**
 * Build the USERS.md example through the API: levels named "1./2./3. ordens kode", one dimension
 * with two themes, starred quotes from Anne (Bærum), Jan (Asker) and Kari (Bærum, attributed
 * anonymously by a per-quote override), Norwegian export settings.
 */
export async function buildUsersExample(api: ApiClient, projectPath: string): Promise<UsersExample> {
  await api.call('projects.create', { path: projectPath, levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
  const dir = projectPath.replace(/[^/\\]+$/, '');
  const importOne = async (name: string, text: string, informant: string, caseName: string) => {
    const report = await api.call('documents.import', { sources: [{ path: writeFile(dir, name, text) }], informant, case: caseName });
    const file = report.files[0]!;
    if (file.status !== 'imported') throw new Error(`${name}: ${file.reason}`);
    return file.documentId!;
  };
  const documents = {
    anne: await importOne('Intervju Anne.txt', INTERVIEWS.anne, 'Anne', 'Bærum'),
    jan: await importOne('Intervju Jan.txt', INTERVIEWS.jan, 'Jan', 'Asker'),
    kari: await importOne('Intervju Kari.txt', INTERVIEWS.kari, 'Kari', 'Bærum'),
  };
  const people = await api.call('informants.list', {});
  const id = (label: string) => people.find((p) => p.label === label)!.id;
  const informants = { anne: id('Anne'), jan: id('Jan'), kari: id('Kari') };
  const cases = await api.call('cases.list', {});
  const caseId = (name: string) => cases.find((c) => c.name === name)!.id;

  const anne = await codePassage(api, documents.anne, 'Nye løsninger på samfunnsutfordringer', 'Nye løsninger', THEME_1);
  const jan = await codePassage(api, documents.jan, 'For meg er begrepet innovasjon nyskapning', 'Nyskapning', THEME_1);
  // Starred in the order the tables show them (starring order is the default order of quotes).
  const anne2 = await codePassage(api, documents.anne, 'Vi har et «innovasjonsløft» der alle etater er med, også skole & barnehage.', 'Innovasjonsløft', THEME_2);
  const kari = await codePassage(api, documents.kari, 'Vi gjør det for å løse samfunnsoppdraget vårt, ikke for å vinne priser', 'Samfunnsoppdraget', THEME_2);
  await api.call('codings.update', { id: kari, attribution: 'anonymous' });
  await api.call('exports.updateSettings', {
    quotes: {
      marks: 'guillemets',
      caption: 'Tabell {n}: Representative sitater knyttet til {dimension}. Kilde: Egenprodusert.',
      columns: { quote: 'Sitat' },
      names: { case: 'Informant fra {case}' },
      startNumber: 5,
    },
  });
  const codes = await api.call('codes.list', {});
  const code = (label: string) => codes.find((c) => c.label === label)!.id;
  return {
    documents,
    informants,
    cases: { baerum: caseId('Bærum'), asker: caseId('Asker') },
    codings: { anne, jan, kari, anne2 },
    dimension: code(DIMENSION),
    themes: [code(THEME_1), code(THEME_2)],
  };
}
