/**
 * Run `fn` once the next frame has been painted (a task queued from the frame's animation-frame
 * callback runs after its style, layout and paint), or after `latestMs` if no frame comes (a
 * hidden window paints nothing; a save must not wait for it), or on the next turn where there are
 * no frames (tests in Node). Returns a function that cancels it. Work that can wait, such as saving
 * an optimistic change or measuring the margin, goes here so the frame the user waits for is not
 * delayed by it.
 */
export function afterPaint(fn: () => void, latestMs = 100): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    fn();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fallback = setTimeout(run, typeof requestAnimationFrame === 'function' ? latestMs : 0);
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timer = setTimeout(run, 0))) : 0;
  function cancel() {
    done = true;
    clearTimeout(fallback);
    clearTimeout(timer);
    if (frame) cancelAnimationFrame(frame);
  }
  return cancel;
}

/** A promise of `afterPaint`. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterPaint(resolve));
}

/**
 * Run `fn` when the browser is idle (no input or frame work pending), at the latest after
 * `timeoutMs`; where there is no idle callback (tests in Node), after a short timer. Returns a
 * function that cancels it. For work nobody waits for: measuring the margin, refreshing counts.
 */
export function whenIdle(fn: () => void, timeoutMs = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fn, 50);
  return () => clearTimeout(timer);
}
