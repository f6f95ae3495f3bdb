import type { Page } from 'puppeteer-core';

/** Trace categories: main-thread tasks, and V8's sampling profiler to tell whose code ran in each. */
const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what the task cost, whatever else the machine ran meanwhile. */
  tdur?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

export interface OurTasks {
  /** Thread time of each main-thread task in which our code ran, in ms, longest first. */
  durations: number[];
  /** How many of the page's main-thread tasks were sampled (ours or not). */
  tasks: number;
}

/**
 * Records a Chromium trace while `action` runs and returns the tasks of the
 * page's main thread in which the extension's code ran. A task counts as
 * ours when V8's sampling profiler (every 100 µs) caught a stack with a
 * frame from the extension's scripts inside it: the long-task and
 * long-animation-frame APIs do not attribute a content script's work (its
 * isolated world is invisible to them), and a task that only continues
 * after `scheduler.yield()` carries no script URL in the trace. Durations
 * are thread time, so a loaded machine does not stretch them.
 */
export async function ourTasks(page: Page, extensionOrigin: string, action: () => Promise<void>): Promise<OurTasks> {
  const events = await traceDuring(page, CATEGORIES, async () => {
    // Starting V8's sampling profiler costs the renderer 25-30 ms of thread
    // time (it logs every compiled function), paid by the first task that
    // runs script after the trace starts: without this, that is ours (the
    // first pointer move's listener, a frame's first script). A script of the
    // test's own, which is not counted, takes it first.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50))).catch(() => undefined);
    await action();
  });
  const isMain = mainThreads(events);

  // Samples whose stack holds one of our frames, as timestamps per thread.
  const ours = new Map<string, number[]>();
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, ProfileNode> }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, time: (e.args?.data?.startTime as number) ?? e.ts, nodes: new Map() });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      profile.time += deltas[i] ?? 0;
      let ourFrame = false;
      for (let node = profile.nodes.get(samples[i]!); node && !ourFrame; node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)) {
        ourFrame = node.callFrame.url?.startsWith(extensionOrigin) ?? false;
      }

      if (!ourFrame) continue;
      const list = ours.get(profile.thread) ?? [];
      list.push(profile.time);
      ours.set(profile.thread, list);
    }
  }

  const durations: number[] = [];
  let tasks = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !isMain(e) || e.dur === undefined) continue;
    tasks++;
    const samples = ours.get(`${e.pid}:${e.tid}`);
    if (samples?.some((t) => t >= e.ts && t <= e.ts + e.dur!)) durations.push((e.tdur ?? e.dur) / 1000);
  }
  return { durations: durations.sort((a, b) => b - a), tasks };
}

/** What `mainThreadTasks` returns. */
export interface MainThreadTasks {
  /** Thread time of every main-thread task, in ms, longest first. */
  durations: number[];
  /** Thread time of the events of each name on the main threads, summed, in ms (events nested in one of the same name count twice). */
  timeOf(name: string): number;
}

/**
 * Records a Chromium trace while `action` runs and returns the thread time
 * of every main-thread task of the browser's renderers, in ms, longest
 * first, whoever's work it was: a rendering frame (style, layout, paint of
 * the highlights) counts whole. No sampler: it can itself add a long task.
 */
export async function mainThreadTasks(page: Page, action: () => Promise<void>): Promise<MainThreadTasks> {
  const events = await traceDuring(page, ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'], action);
  const isMain = mainThreads(events);
  const onMain = events.filter((e) => e.ph === 'X' && e.dur !== undefined && isMain(e));
  const time = new Map<string, number>();
  for (const e of onMain) time.set(e.name, (time.get(e.name) ?? 0) + (e.tdur ?? e.dur!) / 1000);
  return {
    durations: onMain
      .filter((e) => e.name === 'RunTask')
      .map((e) => (e.tdur ?? e.dur!) / 1000)
      .sort((a, b) => b - a),
    timeOf: (name) => time.get(name) ?? 0,
  };
}

/** The events of a Chromium trace of `categories` recorded while `action` runs. */
async function traceDuring(page: Page, categories: string[], action: () => Promise<void>): Promise<TraceEvent[]> {
  await page.tracing.start({ categories });
  let buffer: Uint8Array | undefined;
  try {
    await action();
  } finally {
    // Stopped whatever happens: a trace left running fails the next one.
    buffer = await page.tracing.stop();
  }
  return (JSON.parse(new TextDecoder().decode(buffer!)) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** Whether an event ran on a renderer's main thread. */
function mainThreads(events: TraceEvent[]): (e: TraceEvent) => boolean {
  const main = new Set<string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  return (e) => main.has(`${e.pid}:${e.tid}`);
}
