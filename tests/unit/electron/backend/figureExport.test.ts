import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { A4_TEXT_BLOCK } from '../../../../shared/layout/options';
import type { StructureLayout } from '../../../../shared/layout/structureLayout';
import { testBackend } from '../../../support/backend';
import { dumpProject } from '../../../support/dump';
import { writeFile } from '../../../support/temp';

const GIOIA = path.resolve('../shared/corpus/codebooks/gioia_healthcare_example.json');
const CAPTION = 'Figur 5: Rammeverk for analyse. Kilde: Egenprodusert, basert på Gioia et al. (2013).';

async function project() {
  const t = testBackend();
  await t.api.call('projects.create', { path: path.join(t.dir, 'figur.stige'), levels: ['1. ordens kode', '2. ordens kode', '3. ordens kode'] });
  const imported = await t.api.call('codebook.import', { sources: [{ path: GIOIA }] });
  expect(imported.files[0]!.status).toBe('imported');
  // A Norwegian concept with æøå and « » in a theme of its own, and one coding so counts are not all zero.
  const dim = (await t.api.call('codes.list', {})).find((c) => c.label === 'Managing Chronic Uncertainty')!;
  const theme = await t.api.call('codes.create', { label: 'Økt «mestring» på tvers', level: 2, parentId: dim.id });
  const concept = await t.api.call('codes.create', { label: 'Å lære av feil – «prøving og feiling» i kommunen', level: 1, parentId: theme.id });
  const doc = await t.api.call('documents.import', { sources: [{ path: writeFile(t.dir, 'i.txt', 'Intervjuer: Hei?\nInger: Vi lærer av feil hver dag.\nIntervjuer: Og så?\nInger: Vi prøver igjen.') }], speakers: { Intervjuer: '@interviewer', Inger: 'Inger' } });
  expect(doc.files[0]!.reason).toBeNull();
  const documentId = doc.files[0]!.documentId!;
  const text = (await t.api.call('documents.get', { id: documentId })).text;
  const start = text.indexOf('Vi lærer');
  await t.api.call('codings.create', { documentId, start, end: start + 8, code: { id: concept.id }, representative: true });
  const labels = (await t.api.call('codes.list', {})).map((c) => c.label);
  return { ...t, labels };
}

function decode(file: { data: string | null }): Buffer {
  return Buffer.from(file.data!, 'base64');
}

function textOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string' || typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) node.forEach((n) => textOf(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (k !== ':@') textOf(v, out);
  }
  return out;
}

describe('structure.export', () => {
  it('SVG parses as XML, has real <text> for every label, the font embedded, and is 16 cm wide', async () => {
    const { api, labels } = await project();
    const result = await api.call('structure.export', { format: 'svg', destination: { inline: true }, options: { caption: CAPTION } });
    expect(result.files).toHaveLength(1);
    const svg = decode(result.files[0]!).toString('utf8');
    const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(svg) as unknown[];
    const texts: string[] = [];
    const walk = (nodes: unknown[]) => {
      for (const n of nodes as Record<string, unknown>[]) {
        if ('text' in n) texts.push(textOf(n.text).join(''));
        for (const [k, v] of Object.entries(n)) if (k !== 'text' && k !== ':@' && Array.isArray(v)) walk(v);
      }
    };
    walk(parsed);
    const all = texts.join(' ');
    for (const label of labels) expect(all).toContain(label.split(' ')[0]);
    // Each label, re-joined from its wrapped lines, is there whole.
    const layout = (await api.call('structure.layout', { options: { caption: CAPTION } })).pages[0]!.layout;
    for (const box of layout.boxes.filter((b) => b.codeId)) expect(texts.join('\n')).toContain(box.lines.map((l) => l.text).join('\n'));
    expect(layout.boxes.filter((b) => b.codeId).map((b) => b.label).sort()).toEqual([...labels].sort());
    expect(texts).toContain(CAPTION);
    expect(svg).toMatch(/<svg [^>]*width="453\.54pt"/);
    expect(svg).toContain("@font-face{font-family:'Source Sans 3';font-weight:400");
    const referenced = decode((await api.call('structure.export', { format: 'svg', destination: { inline: true }, embedFont: false })).files[0]!).toString('utf8');
    expect(referenced).not.toContain('@font-face');
    expect(referenced).toContain(`font-family="'Source Sans 3', 'Source Sans Pro'`);
  });

  it('PNG has the pixel size of 16 cm at 300 dpi and records 300 dpi', async () => {
    const { api } = await project();
    const layout = (await api.call('structure.layout', {})).pages[0]!.layout;
    const png = decode((await api.call('structure.export', { format: 'png', destination: { inline: true } })).files[0]!);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round((A4_TEXT_BLOCK.portrait.width * 300) / 72));
    expect(png.readUInt32BE(16)).toBe(1890);
    expect(png.readUInt32BE(20)).toBe(Math.round((layout.height * 300) / 72));
    const phys = png.indexOf('pHYs');
    expect(phys).toBeGreaterThan(0);
    expect(png.readUInt32BE(phys + 4)).toBe(11811);
  });

  it('PDF opens with pdfjs on an A4 page and contains every label line as text', async () => {
    const { api } = await project();
    const file = (await api.call('structure.export', { format: 'pdf', destination: { inline: true }, options: { caption: CAPTION, counts: 'both', locale: 'nb' } })).files[0]!;
    expect(file.mime).toBe('application/pdf');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(decode(file)), useSystemFonts: false, isEvalSupported: false }).promise;
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const [, , w, h] = page.view;
    expect(Math.round(w!)).toBe(595);
    expect(Math.round(h!)).toBe(842);
    const content = await page.getTextContent();
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join('\n');
    const layout = (await api.call('structure.layout', { options: { caption: CAPTION, counts: 'both', locale: 'nb' } })).pages[0]!.layout;
    for (const box of layout.boxes) for (const line of box.lines) expect(text).toContain(line.text);
    expect(text).toContain('1 koding · 1 informant');
  });

  it('DOCX holds the figure at text width and the caption in Word’s Caption style with a SEQ field', async () => {
    const { api } = await project();
    const file = (await api.call('structure.export', { format: 'docx', destination: { inline: true }, options: { caption: CAPTION } })).files[0]!;
    const bytes = decode(file);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const cx = Number(/<wp:extent cx="(\d+)"/.exec(xml)![1]);
    expect(cx / 360000).toBeCloseTo(16, 1);
    expect(xml).toContain('<w:pStyle w:val="Caption"/>');
    // Word numbers figures with the SEQ field; its cached result is the number the template gave.
    expect(xml).toContain('<w:r><w:t xml:space="preserve">Figur </w:t></w:r><w:fldSimple w:instr="SEQ Figur \\* ARABIC"><w:r><w:t xml:space="preserve">5</w:t></w:r></w:fldSimple>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="Caption"/);
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    // mammoth skips simple fields' results, so it reads the caption without the number.
    expect(value).toContain('Figur : Rammeverk for analyse. Kilde: Egenprodusert, basert på Gioia et al. (2013).');
    expect(xml).toContain('w:orient="portrait"');
  });

  it('JSON is the layout: every box with id, level, label, x, y, width, height', async () => {
    const { api, labels } = await project();
    const json = JSON.parse(decode((await api.call('structure.export', { format: 'json', destination: { inline: true } })).files[0]!).toString('utf8')) as {
      pages: (StructureLayout & { orientation: string })[];
    };
    const boxes = json.pages[0]!.boxes;
    for (const box of boxes) {
      expect(box).toMatchObject({ id: expect.any(String), label: expect.any(String), x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) });
      expect('level' in box).toBe(true);
    }
    expect(boxes.filter((b) => b.codeId).map((b) => b.label).sort()).toEqual([...labels].sort());
    expect(json.pages[0]!.orientation).toBe('portrait');
  });

  it('split SVG/PNG write one file per dimension next to the path; PDF one page each', async () => {
    const { api, dir } = await project();
    const result = await api.call('structure.export', { format: 'png', destination: { path: path.join(dir, 'figur.png') }, options: { split: true } });
    expect(result.files.map((f) => f.name)).toEqual(['figur-1.png', 'figur-2.png']);
    for (const f of result.files) expect(fs.statSync(f.path!).size).toBe(f.bytes);
    const pdf = await api.call('structure.export', { format: 'pdf', destination: { path: path.join(dir, 'figur.pdf') }, options: { split: true } });
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(pdf.files[0]!.path!)), isEvalSupported: false }).promise;
    expect(doc.numPages).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses paths outside the projects folder over HTTP and bad options, writing nothing', async () => {
    const { backend, dir } = await project();
    const outside = await backend.dispatch('structure.export', { format: 'svg', destination: { path: '/tmp/../etc/x.svg' } }, 'http');
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const small = await backend.dispatch('structure.export', { format: 'svg', destination: { path: path.join(dir, 'a.svg') }, options: { fontSize: 6 } });
    expect(small).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/at least 8 pt/) } });
    expect(fs.existsSync(path.join(dir, 'a.svg'))).toBe(false);
  });
});

describe('structure options and tree', () => {
  it('saves options in the project as one undoable step, and the tree follows the options', async () => {
    const { api, backend } = await project();
    expect((await api.call('structure.options', {})).counts).toBe('none');
    const before = dumpProject(backend.project().db);
    await api.call('structure.setOptions', { counts: 'both', onlyRepresentative: true, caption: 'Figur 1' });
    expect(await api.call('structure.options', {})).toMatchObject({ counts: 'both', onlyRepresentative: true, caption: 'Figur 1' });
    const tree = await api.call('structure.tree', {});
    expect(tree.dimensions).toHaveLength(1);
    expect(tree.dimensions[0]!.themes.map((t) => t.label)).toEqual(['Økt «mestring» på tvers']);
    expect(tree.dimensions[0]!.themes[0]!.concepts[0]).toMatchObject({ codings: 1, informants: 1, representative: 1 });
    expect(tree.levelNames).toEqual(['1. ordens kode', '2. ordens kode', '3. ordens kode']);
    expect((await api.call('history.state', {})).undoLabel).toBe('Change figure options');
    await api.call('history.undo', {});
    expect(dumpProject(backend.project().db)).toEqual(before);
    expect((await api.call('structure.tree', { options: { onlyRepresentative: false } })).dimensions).toHaveLength(2);
  });
});
