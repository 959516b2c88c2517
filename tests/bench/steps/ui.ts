import { check, type BenchStep, type Check } from '../types';
import { openBrowserSession, profiled, timeInPage } from './browser';

/** Open the sample project from the start screen until its first transcript shows every highlight. */
export const sampleFirstPaintStep: BenchStep = {
  name: 'UI: open sample to first paint',
  async run(ctx) {
    const session = await openBrowserSession(ctx.dir);
    const { page, backend } = session;
    const samples: number[] = [];
    const checks: Check[] = [];
    try {
      // The first opening writes the sample file; it is a warm-up, not measured.
      for (let run = 0; run <= ctx.runs; run += 1) {
        await page.goto(session.host.origin);
        await page.getByRole('button', { name: /Open the sample project/ }).waitFor();
        const ms = await timeInPage(
          page,
          "[...document.querySelectorAll('button')].find((b) => b.textContent.includes('Open the sample project')).click()",
          "document.querySelectorAll('[data-testid=transcript-text] mark.coding').length > 0 && document.querySelector('.code-tree [role=treeitem]') !== null",
        );
        if (run > 0) samples.push(ms);
        const project = backend.project();
        const first = project.db.prepare('SELECT id FROM documents ORDER BY sort_order LIMIT 1').get() as { id: string };
        const ids = (project.db.prepare('SELECT id FROM codings WHERE document_id = ?').all(first.id) as { id: string }[]).map((r) => r.id).sort();
        const shown = await page.evaluate(() =>
          [...new Set([...document.querySelectorAll<HTMLElement>('mark.coding')].flatMap((m) => (m.dataset.codings ?? '').split(' ')))].filter(Boolean).sort(),
        );
        if (run === 0) checks.push(check('every coding of the first transcript is highlighted', JSON.stringify(shown) === JSON.stringify(ids), `${shown.length} of ${ids.length}`));
        await page.getByRole('button', { name: 'Close project' }).click();
      }
    } finally {
      await session.close();
    }
    return { metrics: [{ name: 'open sample project → first paint with highlights', unit: 'ms', samples, target: 1000 }], checks };
  },
};

/** Select a passage, press V (code in vivo), until its highlight is painted: p50/p95. */
export const applyCodeStep: BenchStep = {
  name: 'UI: apply a code from the keyboard',
  async run(ctx) {
    const session = await openBrowserSession(ctx.dir);
    const { page, backend } = session;
    const samples: number[] = [];
    const checks: Check[] = [];
    const count = ctx.quick ? 5 : 50;
    try {
      await page.getByRole('button', { name: /Open the sample project/ }).click();
      await page.locator('[data-testid=transcript-text] mark.coding').first().waitFor();
      const before = (backend.project().db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
      await profiled(page, 'apply-code-sample', async () => {
      for (let i = 0; i < count; i += 1) {
        // Select the i-th word run of an uncoded stretch: 2 words at a time through the transcript.
        const ms = await page.evaluate(async (index) => {
          const root = document.querySelector('[data-testid=transcript-text]')!;
          const texts: Text[] = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!(n.parentElement?.closest('mark')) && (n as Text).data.length > 30) texts.push(n as Text);
          const node = texts[index % texts.length]!;
          const range = document.createRange();
          const from = node.data.indexOf(' ') + 1;
          const to = node.data.indexOf(' ', from + 8);
          range.setStart(node, from);
          range.setEnd(node, to > from ? to : node.data.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          const scroller = document.querySelector('.transcript-scroll')!;
          scroller.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const marks = root.querySelectorAll('mark.coding').length;
          const begin = performance.now();
          (root as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'v', bubbles: true }));
          while (root.querySelectorAll('mark.coding').length <= marks) {
            if (performance.now() - begin > 10_000) throw new Error('no highlight appeared');
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - begin;
        }, i * 3);
        samples.push(ms);
      }
      });
      const after = (backend.project().db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
      checks.push(check(`${count} codings were saved`, after - before === count, `${after - before}`));
    } finally {
      await session.close();
    }
    return { metrics: [{ name: 'apply code (key V) → highlight painted', unit: 'ms', samples, target: 50, targetOn: 'p95' }], checks };
  },
};
