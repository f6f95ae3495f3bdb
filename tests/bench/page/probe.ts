/**
 * Stand-in for `entrypoints/content/slices.ts` in the bench bundle only: the
 * bundler hands this module to `scanning.ts` where it imports `./slices.ts`
 * (see build.ts). It calls the REAL `runSliced` with the same steps, signal
 * and budget, and only watches: it wraps the step iterator and the clock to
 * see where each slice (one main-thread task) starts and ends, and records
 * when each sliced job (the first scan, then each mutation batch's rescan)
 * completes. This is the workaround for a missing completion hook in
 * `startScanning`; the scanning code itself is untouched.
 *
 * Slice boundaries: `runSliced` reads the clock once to set a deadline, then
 * alternates step / clock until the deadline, then yields. So two clock reads
 * with no step between them mark a yield: the slice ended after the last step
 * and a new one begins. The cost of the probe itself is a few performance.now()
 * calls per 64-node step.
 */
import { runSliced as realRunSliced } from '../../../entrypoints/content/slices.ts';

// What scanning.ts takes from slices.ts besides runSliced, passed through unchanged.
export { yieldToPage } from '../../../entrypoints/content/slices.ts';

export interface Slice {
  start: number;
  end: number;
}

/** One sliced job: the initial scan or one mutation batch's rescan. */
export interface Run {
  start: number;
  /** 0 until the job is done. */
  end: number;
  slices: Slice[];
}

export const probe = {
  runs: [] as Run[],
  /** Called when a job completes (set by the page runner). */
  onRunEnd: undefined as ((run: Run) => void) | undefined,
};

/** `runSliced`'s own signature and defaults: the call below passes them through. */
export async function runSliced(...args: Parameters<typeof realRunSliced>): Promise<void> {
  const [steps, signal, budgetMs, now = () => performance.now()] = args;
  const run: Run = { start: performance.now(), end: 0, slices: [] };
  probe.runs.push(run);
  let open: Slice | undefined;
  let lastStepEnd = 0;
  let stepSinceClock = true;
  const clock = () => {
    const t = now();
    if (!stepSinceClock && open) {
      // Two clock reads in a row: the previous slice yielded.
      open.end = lastStepEnd;
      run.slices.push(open);
      open = undefined;
    }
    stepSinceClock = false;
    return t;
  };
  const watched: Iterator<unknown> = {
    next() {
      const t = performance.now();
      if (!open) open = { start: t, end: t };
      const result = steps.next();
      lastStepEnd = performance.now();
      stepSinceClock = true;
      return result;
    },
  };
  try {
    await realRunSliced(watched, signal, budgetMs, clock);
  } finally {
    if (open) {
      open.end = lastStepEnd;
      run.slices.push(open);
    }
    run.end = performance.now();
    probe.onRunEnd?.(run);
  }
}
