import type { Page } from 'playwright-core';
import type { Metric } from '../types';
import { profiled } from './browser';

/** The Event Timing API reports only events that last at least this long (its minimum threshold). */
const EVENT_TIMING_THRESHOLD = 16;

/**
 * Select a run of words in an uncoded stretch of the open transcript (the `pick`-th text node
 * longer than `minLength` characters, scrolled into view), ready for a key press.
 */
async function selectUncodedWords(page: Page, pick: number, minLength: number): Promise<void> {
  await page.evaluate(
    async ({ pick, minLength }) => {
      const root = document.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
      const candidates: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('mark') && (n as Text).data.length > minLength) candidates.push(n as Text);
      const node = candidates[pick % candidates.length]!;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const from = node.data.indexOf(' ') + 1;
      const to = node.data.indexOf(' ', from + 6);
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to > from ? to : node.data.length);
      root.focus({ preventScroll: true });
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.querySelector('.transcript-scroll')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    },
    { pick, minLength },
  );
}

/**
 * Key press (V: code in vivo) → the frame showing the new highlight presented, as the browser's
 * Event Timing API measures it (the measure behind Interaction to Next Paint): a real key press
 * through the browser's input pipeline, from the event's timestamp to the presentation of the first
 * frame after its handlers ran, in steps of 8 ms. The highlight must be in the DOM by the time the
 * handlers have run (else that frame would not show it, and the measure would not hold): checked.
 * An event shorter than the API's 16 ms threshold is not reported; it counts as 16 ms.
 */
async function timePaintedApply(page: Page): Promise<number> {
  await page.evaluate((threshold) => {
    const root = document.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
    const probe = { markAt: 0, entries: [] as PerformanceEventTiming[] };
    (globalThis as { applyProbe?: typeof probe }).applyProbe = probe;
    const known = new Set([...root.querySelectorAll<HTMLElement>('mark.coding')].flatMap((m) => (m.dataset.codings ?? '').split(' ')));
    const isNew = (node: Node) => node instanceof HTMLElement && node.matches('mark.coding') && (node.dataset.codings ?? '').split(' ').some((id) => !known.has(id));
    const marks = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some(isNew))) {
        probe.markAt = performance.now();
        marks.disconnect();
      }
    });
    marks.observe(root, { childList: true, subtree: true });
    new PerformanceObserver((list) => probe.entries.push(...(list.getEntries() as PerformanceEventTiming[]).filter((e) => e.name === 'keydown'))).observe({
      type: 'event',
      durationThreshold: threshold,
    } as PerformanceObserverInit);
  }, EVENT_TIMING_THRESHOLD);
  await page.keyboard.press('v');
  return page.evaluate(async (threshold) => {
    const probe = (globalThis as { applyProbe?: { markAt: number; entries: PerformanceEventTiming[] } }).applyProbe!;
    const started = performance.now();
    // Entries arrive after the frame is presented; one that does not come within 500 ms was short.
    while (probe.markAt === 0 || (probe.entries.length === 0 && performance.now() - started < 500)) {
      if (performance.now() - started > 10_000) throw new Error('no highlight appeared');
      await new Promise((r) => setTimeout(r, 10));
    }
    const entry = probe.entries[0];
    if (!entry) return threshold;
    if (probe.markAt > entry.processingEnd) throw new Error(`the highlight appeared ${Math.round(probe.markAt - entry.processingEnd)} ms after the key's handlers ran`);
    return entry.duration;
  }, EVENT_TIMING_THRESHOLD);
}

/**
 * The earlier measure, an upper bound: from dispatching a keydown in the page, poll until the
 * mark is in the DOM, then wait for two more animation frames. It also counts a frame after the
 * one that shows the highlight, and whatever ran before that frame.
 */
async function timeTwoFramesApply(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const root = document.querySelector<HTMLElement>('[data-testid=transcript-text]')!;
    const count = () => root.querySelectorAll('mark.coding').length;
    const before = count();
    const started = performance.now();
    root.dispatchEvent(new KeyboardEvent('keydown', { key: 'v', bubbles: true }));
    while (count() <= before) {
      if (performance.now() - started > 10_000) throw new Error('no highlight appeared');
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - started;
  });
}

/**
 * Apply `count` codes by key on the open transcript (each on another uncoded stretch, `stride`
 * text nodes apart): key → highlight presented (Event Timing, p95 target 50 ms), and on a third as
 * many the earlier two-frames measure, reported without a target.
 */
export async function applyMetrics(page: Page, options: { label: string; tag: string; count: number; stride: number; minLength: number }): Promise<Metric[]> {
  const painted: number[] = [];
  const twoFrames: number[] = [];
  await profiled(page, `apply-${options.tag}`, async () => {
    for (let i = 0; i < options.count; i += 1) {
      await selectUncodedWords(page, i * options.stride, options.minLength);
      painted.push(await timePaintedApply(page));
    }
  });
  const upper = Math.max(1, Math.round(options.count / 3));
  for (let i = 0; i < upper; i += 1) {
    await selectUncodedWords(page, (options.count + i) * options.stride, options.minLength);
    twoFrames.push(await timeTwoFramesApply(page));
  }
  return [
    { name: `apply a code (V) on ${options.label}: key → highlight on screen (Event Timing)`, unit: 'ms', samples: painted, target: 50, targetOn: 'p95' },
    { name: `  same, until two frames after the mark appeared (earlier measure, upper bound)`, unit: 'ms', samples: twoFrames },
  ];
}
