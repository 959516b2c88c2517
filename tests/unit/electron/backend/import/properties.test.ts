import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors';
import { parseFile, TRANSCRIPT_EXTENSIONS } from '../../../../../electron/backend/import/formats';
import { parsePlainText } from '../../../../../shared/import/plainText';
import { parseWebVtt } from '../../../../../shared/import/subtitles';
import type { ParsedDocument } from '../../../../../shared/import/transcript';
import { isCanonical } from '../../../../../shared/text/normalize';

// Property tests: importers never fail with anything but a clear AppError, and what they produce
// is canonical text with turns that point into it exactly.

const EXTENSIONS = [...Object.keys(TRANSCRIPT_EXTENSIONS), '.bin', ''];

/** Parse and report how it ended: a document, or an AppError's code — anything else fails the property. */
async function outcome(bytes: Uint8Array, name: string): Promise<string> {
  try {
    const doc = await parseFile(bytes, name);
    expectValid(doc);
    return 'parsed';
  } catch (error) {
    if (error instanceof AppError && (error.code === 'IMPORT' || error.code === 'UNSUPPORTED')) {
      expect(error.message.startsWith(name)).toBe(true);
      return error.code;
    }
    throw error;
  }
}

/** Canonical text; turns in order, over whole paragraphs, inside the text, never splitting a surrogate pair. */
function expectValid(doc: ParsedDocument): void {
  expect(isCanonical(doc.text)).toBe(true);
  let end = -1;
  for (const turn of doc.turns) {
    expect(turn.start).toBeGreaterThan(end);
    expect(turn.end).toBeGreaterThanOrEqual(turn.start);
    expect(turn.end).toBeLessThanOrEqual(doc.text.length);
    expect(turn.start === 0 || doc.text[turn.start - 1] === '\n').toBe(true);
    expect(turn.end === doc.text.length || doc.text[turn.end] === '\n').toBe(true);
    end = turn.end;
  }
}

const unicodeWord = fc.stringMatching(/^[A-Za-zÆØÅæøåÄÖÜäöüßŁąę«»“”‘’–…👍🙂😀 ]{1,30}$/u);

describe('import properties', () => {
  it('no importer throws anything but a clear IMPORT/UNSUPPORTED AppError on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), fc.constantFrom(...EXTENSIONS), async (bytes, ext) => {
        await outcome(bytes, `random${ext}`);
      }),
      { numRuns: 300 },
    );
  });

  it('no importer throws anything but an AppError on damaged real structures (zip archives, VTT, PDF headers with random bodies)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hei</w:t></w:r></w:p></w:body></w:document>');
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
    zip.file('content.xml', '<office:document-content><office:body><office:text><text:p>Hei</text:p></office:text></office:body></office:document-content>');
    const base = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('.docx', '.odt', '.ods', '.xlsx'),
        async (flips, ext) => {
          const bytes = base.slice();
          for (const [at, value] of flips) bytes[at] = value;
          await outcome(bytes, `damaged${ext}`);
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), fc.constantFrom('%PDF-1.4\n', 'WEBVTT\n\n', '{\\rtf1 ', '1\n00:00:01,000 --> '), async (body, head) => {
        await outcome(new TextEncoder().encode(head + body), `damaged${head.startsWith('%PDF') ? '.pdf' : head.startsWith('WEBVTT') ? '.vtt' : head.startsWith('{') ? '.rtf' : '.srt'}`);
      }),
      { numRuns: 150 },
    );
  });

  it('canonical text round-trips through offsets: every cue and every labelled line is found at its turn’s offsets', () => {
    const speaker = fc.constantFrom('Inger', 'Kjell', 'S01', 'Intervjuer', 'Ola Nordmann');
    fc.assert(
      fc.property(fc.array(fc.tuple(speaker, unicodeWord.filter((w) => w.trim() !== '')), { minLength: 0, maxLength: 30 }), fc.boolean(), (random, crlf) => {
        // Two speakers labelled twice each make it a transcript; the random lines follow.
        const lines: [string, string][] = [['Intervjuer', 'Velkommen'], ['Inger', 'Takk'], ['Intervjuer', 'Hva gjør du?'], ['Inger', 'Jeg jobber.'], ...random];
        const nl = crlf ? '\r\n' : '\n';
        // Plain text: `Label: text` lines.
        const txt = parsePlainText(lines.map(([who, what]) => `${who}: ${what}`).join(nl));
        expectValid(txt);
        // WebVTT: one cue per line, with a voice.
        const vtt = parseWebVtt(`WEBVTT${nl}${nl}${lines.map(([who, what], i) => `00:00:${String(i).padStart(2, '0')}.000 --> 00:00:${String(i).padStart(2, '0')}.500${nl}<v ${who}>${what}`).join(nl + nl)}`);
        expectValid(vtt);
        for (const doc of [txt, vtt]) {
          // Consecutive lines of one speaker make one turn; each turn's text holds exactly its lines, in order.
          const runs: { who: string; parts: string[] }[] = [];
          for (const [who, what] of lines) {
            const last = runs[runs.length - 1];
            if (last && last.who === who) last.parts.push(what.trim().normalize('NFC').replace(doc === vtt ? /\s+/g : /$^/, ' '));
            else runs.push({ who, parts: [what.trim().normalize('NFC').replace(doc === vtt ? /\s+/g : /$^/, ' ')] });
          }
          expect(doc.turns.map((t) => t.speaker)).toEqual(runs.map((r) => r.who));
          doc.turns.forEach((turn, i) => {
            const slice = doc.text.slice(turn.start, turn.end);
            let at = 0;
            for (const part of runs[i]!.parts) {
              const found = slice.indexOf(part, at);
              expect(found).toBeGreaterThanOrEqual(at);
              at = found + part.length;
            }
            expect(at).toBe(slice.length);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});
