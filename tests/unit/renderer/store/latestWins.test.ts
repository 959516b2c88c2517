import { describe, expect, it } from 'vitest';
import { latestWins } from '../../../../renderer/store/latestWins';

/** A task whose runs finish when the test says so. */
function controlledTask() {
  const runs: { done: () => void }[] = [];
  const task = () =>
    new Promise<void>((resolve) => {
      runs.push({ done: resolve });
    });
  return { runs, task };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('latestWins', () => {
  it('runs once when nothing overlaps', async () => {
    const { runs, task } = controlledTask();
    const run = latestWins(task);
    const first = run();
    expect(runs).toHaveLength(1);
    runs[0]!.done();
    await first;
    const second = run();
    expect(runs).toHaveLength(2);
    runs[1]!.done();
    await second;
  });

  it('folds any number of calls during a run into one more run after it', async () => {
    const { runs, task } = controlledTask();
    const run = latestWins(task);
    const first = run();
    const calls = [run(), run(), run()];
    expect(runs).toHaveLength(1);
    expect(calls[0]).toBe(calls[2]);
    runs[0]!.done();
    await first;
    await tick();
    expect(runs).toHaveLength(2);
    let settled = false;
    void calls[0]!.then(() => (settled = true));
    await tick();
    // The callers wait for the run that started after their call, not the one before.
    expect(settled).toBe(false);
    runs[1]!.done();
    await Promise.all(calls);
    expect(runs).toHaveLength(2);
  });

  it('runs again after a failed run', async () => {
    let count = 0;
    const run = latestWins(async () => {
      count += 1;
      if (count === 1) throw new Error('first run fails');
    });
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('first run fails');
    await second;
    expect(count).toBe(2);
  });
});
