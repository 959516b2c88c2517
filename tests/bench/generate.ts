// Deterministic test material for the benchmark: the same seed gives the same projects on every
// machine, so figures are comparable between runs.

/** A seeded pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'kommunen innovasjon tjenester ansatte ledelse budsjett drift prosjekt samarbeid innbyggerne ' +
  'erfaringer nye løsninger prøve feile lære dele utvikling velferd omsorg skole helse digital ' +
  'strategi politikerne rådmann tillit kultur endring gevinst effekt måle bærekraft å være få gjøre ' +
  'og i på for med som det er vi de har ikke men så også når hvis fordi mye litt veldig kanskje ' +
  'Bærum Asker Drammen ønsker behov frivillige ressurser tid rom trygghet hverdag økonomi størrelse ' +
  'tverrfaglig oppfølging gjennomføring forankring medvirkning brukerne pårørende tjenestedesign'
).split(' ');

/** A sentence of 6–22 words, sometimes with «quoted» words, now and then an emoji. */
export function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 16);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
  if (next() < 0.12) {
    const at = Math.floor(next() * (words.length - 2));
    words[at] = `«${words[at]}`;
    words[at + 1] = `${words[at + 1]}»`;
  }
  if (next() < 0.03) words.push('🙂');
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${next() < 0.15 ? '?' : '.'}`;
}

/** A transcript with alternating interviewer and informant turns, about `words` words long. */
export function transcript(seed: number, words: number, informant = 'Informant'): string {
  const next = rng(seed);
  const lines: string[] = [];
  let count = 0;
  let interviewer = true;
  while (count < words) {
    const sentences = interviewer ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 6);
    const text = Array.from({ length: sentences }, () => sentence(next)).join(' ');
    lines.push(`${interviewer ? 'Intervjuer' : informant}: ${text}`);
    count += text.split(' ').length;
    interviewer = !interviewer;
  }
  return `${lines.join('\n')}\n`;
}
