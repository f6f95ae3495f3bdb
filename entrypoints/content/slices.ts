/**
 * Runs a long job as a series of short tasks so that no task on the page's
 * main thread passes `budgetMs` by much (the target is 50 ms; the default
 * budget leaves room for the step that crosses it and for the page's own
 * work). Yields with `scheduler.yield()` where the browser has it (the page's
 * input stays responsive and we keep our place in the queue), else a
 * zero-delay timeout.
 */
export async function runSliced(
  steps: Iterator<unknown>,
  signal: AbortSignal,
  budgetMs = 8,
  now: () => number = () => performance.now(),
): Promise<void> {
  while (!signal.aborted) {
    const deadline = now() + budgetMs;
    do {
      if (steps.next().done) return;
    } while (now() < deadline);
    await yieldToPage();
  }
}

type YieldingScheduler = { yield?: () => Promise<void> };

/** Lets the page run: the rest of the caller's work goes into a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
