/**
 * Wrap a reload so overlapping calls coalesce: a call while a run is under way schedules exactly
 * one more run after it (however many calls arrive meanwhile), so the last state always gets
 * loaded and stale answers never land after fresh ones. Each caller's promise settles when a run
 * that started after its call has finished.
 */
export function latestWins(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  const run = (): Promise<void> => {
    if (!running) {
      running = task().finally(() => {
        running = null;
      });
      return running;
    }
    if (!again) {
      const next = () => {
        again = null;
        return run();
      };
      again = running.then(next, next);
    }
    return again;
  };
  return run;
}
