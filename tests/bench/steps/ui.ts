import { check, type BenchStep, type Check } from '../types';
import { openBrowserSession, timeInPage } from './browser';
import { applyMetrics } from './applyCode';

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
    const checks: Check[] = [];
    const count = ctx.quick ? 5 : 50;
    try {
      await page.getByRole('button', { name: /Open the sample project/ }).click();
      await page.locator('[data-testid=transcript-text] mark.coding').first().waitFor();
      const before = (backend.project().db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
      const metrics = await applyMetrics(page, { label: 'the sample transcript', tag: 'sample', count, stride: 3, minLength: 30 });
      // Every coding is saved once no mark carries an optimistic (pending) id.
      await page.waitForFunction(() => !document.querySelector('mark.coding[data-codings*="pending:"]'));
      const after = (backend.project().db.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
      const applied = count + metrics[1]!.samples.length;
      checks.push(check(`${applied} codings were saved`, after - before === applied, `${after - before}`));
      return { metrics, checks };
    } finally {
      await session.close();
    }
  },
};
