import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { Devhost } from './fixtures';

/** The Stige app in a browser, as a user sees it. Waits on state, never on time. */
export class StigePage {
  readonly page: Page;
  readonly devhost: Devhost;
  private readonly testInfo: TestInfo;

  constructor(page: Page, devhost: Devhost, info: TestInfo) {
    this.page = page;
    this.devhost = devhost;
    this.testInfo = info;
  }

  /** Open the app; on first run, give the coder name. */
  async open(coder: string | null = 'Kari Nordmann'): Promise<void> {
    await this.page.goto(this.devhost.url);
    if (coder) {
      await this.page.getByLabel('Your name as coder').fill(coder);
      await this.page.getByRole('button', { name: 'Continue' }).click();
      await expect(this.page.getByRole('dialog', { name: 'Welcome to Stige' })).toBeHidden();
    }
  }

  /** Keep a screenshot as a test artifact (test-results/playwright/...). */
  async screenshot(name: string): Promise<void> {
    const file = this.testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path: file });
    await this.testInfo.attach(name, { path: file, contentType: 'image/png' });
  }

  async newProject(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /New project/ }).click();
    await this.page.getByLabel('Project name').fill(name);
    await this.page.getByRole('button', { name: 'Create' }).click();
    await expect(this.page.locator('.project-name')).toHaveText(name);
  }

  /** Import files through the Import… button's file picker. */
  async importByPicker(files: readonly string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles([...files]);
  }

  /**
   * Drop files onto the window, as dragging them from the file manager does: given as text, or as
   * paths of real files (read here and handed to the page byte for byte).
   */
  async importByDrop(files: readonly ({ name: string; content: string } | { path: string })[]): Promise<void> {
    const payload = files.map((f) =>
      'path' in f ? { name: path.basename(f.path), base64: fs.readFileSync(f.path).toString('base64') } : { name: f.name, base64: Buffer.from(f.content).toString('base64') },
    );
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, payload);
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  }

  /** Remember whether the import progress panel shows up (it may come and go quickly). */
  async watchImportProgress(): Promise<() => Promise<boolean>> {
    await this.page.evaluate(() => {
      const w = window as unknown as { sawImportProgress: boolean };
      w.sawImportProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[aria-label="Import progress"] progress')) w.sawImportProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { sawImportProgress: boolean }).sawImportProgress);
  }

  /** Close the import report after checking what it says. */
  async expectImportReport(imported: number, skipped = 0, failed = 0): Promise<void> {
    const report = this.page.getByRole('dialog', { name: 'Import finished' });
    await expect(report).toContainText(`${imported} imported · ${skipped} skipped · ${failed} failed`);
    await report.getByRole('button', { name: 'OK' }).click();
  }

  documentItem(title: string): Locator {
    return this.page.locator('.document-item', { hasText: title });
  }

  transcript(): Locator {
    return this.page.getByTestId('transcript-text');
  }

  /** Select the first occurrence of `passage` in the transcript, as a mouse drag would. */
  async select(passage: string): Promise<void> {
    await this.transcript().locator('p').first().waitFor();
    const found = await this.page.evaluate((wanted) => {
      const root = document.querySelector('[data-testid="transcript-text"]')!;
      const paragraphs = [...root.querySelectorAll('p')];
      for (const p of paragraphs) {
        const text = p.textContent ?? '';
        const at = text.indexOf(wanted);
        if (at < 0) continue;
        // Walk the paragraph's text nodes to turn paragraph offsets into DOM points: the start lies
        // in the node where it is strictly inside, the end in the node it closes.
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const locate = (target: number, isEnd: boolean): [Node, number] | null => {
          let seen = 0;
          for (const node of nodes) {
            const length = node.data.length;
            if (isEnd ? target <= seen + length : target < seen + length) return [node, target - seen];
            seen += length;
          }
          return null;
        };
        const startPoint = locate(at, false);
        const endPoint = locate(at + wanted.length, true);
        if (!startPoint || !endPoint) return false;
        const points = [startPoint, endPoint];
        const range = document.createRange();
        range.setStart(points[0]![0], points[0]![1]);
        range.setEnd(points[1]![0], points[1]![1]);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, passage);
    expect(found, `“${passage}” in the transcript`).toBe(true);
    await this.page.locator('.transcript-scroll').dispatchEvent('mouseup');
    await expect(this.page.getByRole('toolbar', { name: 'Code the selected passage' })).toBeVisible();
  }

  /** Code the selected passage through the palette (key C), creating or picking `concept`. */
  async codeSelectionAs(concept: string): Promise<void> {
    await this.transcript().focus();
    await this.page.keyboard.press('c');
    const palette = this.page.getByRole('dialog', { name: 'Code the passage' });
    await palette.getByRole('textbox', { name: 'Concept' }).fill(concept);
    await this.page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
  }

  /** The marks covering `text` (by their data-codings). */
  marksWith(text: string): Locator {
    return this.transcript().locator('mark.coding', { hasText: text });
  }

  codeRow(label: string): Locator {
    return this.page.locator('.code-row', { has: this.page.locator('.code-label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  /** Add a code with the codebook's + buttons. */
  async addCode(levelButton: RegExp, label: string): Promise<void> {
    await this.page.locator('.add-buttons').getByRole('button', { name: levelButton }).click();
    await this.page.locator('.new-code input').fill(label);
    await this.page.keyboard.press('Enter');
    await expect(this.codeRow(label)).toBeVisible();
  }

  /** Drag one code onto another in the codebook. */
  async dragCode(label: string, onto: string | 'pool'): Promise<void> {
    const target = onto === 'pool' ? this.page.getByRole('region', { name: 'Not yet grouped' }) : this.codeRow(onto);
    await this.codeRow(label).dragTo(target);
  }

  /** `stige info --json` for a project file in the data folder (read straight from the SQLite file). */
  info(file: string): { documents: { title: string; turns: number }[]; codes: Record<string, number>; codings: number } {
    const result = spawnSync(process.execPath, [path.resolve('electron/cli/bin.mjs'), 'info', path.join(this.devhost.dataDir, file), '--json'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout);
  }

  /** Files (not folders) in the data folder. */
  dataFiles(): string[] {
    return fs.readdirSync(this.devhost.dataDir).filter((f) => fs.statSync(path.join(this.devhost.dataDir, f)).isFile());
  }
}
