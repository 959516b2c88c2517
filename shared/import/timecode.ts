/**
 * Timestamps as transcription tools write them, in milliseconds: `01:02:03.456` (WebVTT),
 * `01:02:03,456` (SubRip), `1:02:03` and `02:03` (Otter, noScribe, spreadsheets), and Teams 2022's
 * unpadded `0:1:2.30`, whose fraction is a count of milliseconds (`.30` = 30 ms, not 300 ms: the
 * fractions of that exporter have one, two or three digits in the proportions unpadded integers
 * have). Returns null for anything else, including negative parts such as `0:0:-6.-820`.
 */
export function parseTimecode(raw: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(raw.trim());
  if (!match) return null;
  const [, h, m, s, fraction] = match;
  const minutes = Number(m);
  const seconds = Number(s);
  if (minutes > 59 || seconds > 59) return null;
  const unpadded = m!.length === 1 || s!.length === 1;
  let ms = 0;
  if (fraction) ms = unpadded ? Number(fraction) : Number(fraction.padEnd(3, '0'));
  return ((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** `[00:01:02]`, `(01:02)`, `00:01:02.5` at the start of a string: the time and the rest. */
export function leadingTimecode(text: string): { ms: number; rest: string } | null {
  const match = /^[ \t]*(?:\[([\d:.,]+)\]|\(([\d:.,]+)\)|(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)(?=[ \t]|$))[ \t]*/.exec(text);
  if (!match) return null;
  const ms = parseTimecode(match[1] ?? match[2] ?? match[3]!);
  if (ms === null) return null;
  return { ms, rest: text.slice(match[0].length) };
}

/** A time for messages and the gutter: `1:02:03` or `02:03`. */
export function formatTimecode(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
