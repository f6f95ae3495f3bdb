/**
 * Card lookups through the real extension: an extension page sends the same
 * message the card sends (`{method: 'lookup', params: {mention, category,
 * context}}`) the way the card sends it, on a port named `LOOKUP_PORT` as
 * `{id, message}` (`portTransport` in lib/messages.ts; the page cannot
 * import it, so the few lines are written out here), and times the round
 * trip, with the service worker running (warm) and right after it was
 * stopped (cold: the port is gone with the worker and opened again, as the
 * card does). The same warm lookups are also sent by `runtime.sendMessage`,
 * the transport of every other message, as a reference in the same run; and
 * timed in Node straight on `lookupCard` with the bundled data, called as
 * the background calls it, the no-messaging reference: warm (the batch
 * cycles the lookups, so every one after the first pass finds the corpus's
 * tables built) and first (the first lookup on a freshly loaded corpus,
 * which builds them, as a woken worker's first lookup does).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { loadCorpus, type Corpus } from '../../lib/search/load.ts';
import { LOOKUP_PORT } from '../../lib/messages.ts';
import { root } from './build.ts';
import { answerLookup, type CardLookup } from './queries.ts';
import { distribution, median, type Distribution } from './stats.ts';

export interface LookupResult {
  /** Round trips on the card's lookup port, worker running and index loaded. */
  warm: Distribution;
  /** The same lookups by `runtime.sendMessage` (one channel per message), for comparison. */
  sendMessage: Distribution;
  /** First lookup after the worker was stopped: worker start, index load, query, messaging. */
  cold: Distribution;
  /** lookupCard alone in Node on the same data and lookups (no messaging, no worker). */
  direct: Distribution;
  /** lookupCard alone in Node, the first lookup on a freshly parsed and loaded corpus (its tables cold), as many as `cold`. */
  directFirst: Distribution;
  /** Median of `warm` over median of `direct`: what messaging and the worker add. */
  messagingOverhead: number;
  /** How many answers had at least one statement (a sanity check that lookups really search). */
  answered: number;
}

type Reply = { ok: boolean; result?: { results: unknown[] }; error?: string };

export async function benchLookups(browser: Browser, lookups: readonly CardLookup[], warmCount: number, coldCount: number): Promise<LookupResult> {
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
  // URL.origin is "null" for chrome-extension: URLs; take scheme and host by hand.
  const origin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())![0];
  const page = await browser.newPage();
  // Any page of the extension can message its background; the side panel is the one it ships.
  await page.goto(`${origin}/sidepanel.html`, { waitUntil: 'load' });
  /** Lookups one after another, as a reader hovers: on one port (`portName`) or each by sendMessage (null). */
  const send = (items: readonly CardLookup[], portName: string | null = LOOKUP_PORT) =>
    page.evaluate(
      async (items: CardLookup[], portName: string | null) => {
        type Port = { postMessage(m: unknown): void; disconnect(): void; onMessage: { addListener(f: (m: { id: number; reply: Reply }) => void): void } };
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown>; connect(o: { name: string }): Port } } }).chrome.runtime;
        const port = portName === null ? null : runtime.connect({ name: portName });
        const waiting = new Map<number, (reply: Reply) => void>();
        port?.onMessage.addListener((m) => waiting.get(m.id)?.(m.reply));
        const times: number[] = [];
        let answered = 0;
        for (const [i, params] of items.entries()) {
          const message = { method: 'lookup', params };
          const t = performance.now();
          const reply = port
            ? await new Promise<Reply>((resolve) => {
                waiting.set(i, resolve);
                port.postMessage({ id: i, message });
              })
            : ((await runtime.sendMessage(message)) as Reply);
          times.push(performance.now() - t);
          if (!reply?.ok) throw new Error(`lookup failed: ${reply?.error ?? 'no reply'}`);
          if (reply.result!.results.length > 0) answered++;
        }
        port?.disconnect();
        return { times, answered };
      },
      items as CardLookup[],
      portName,
    );

  const batch = Array.from({ length: warmCount }, (_, i) => lookups[i % lookups.length]!);
  await send(lookups); // warm-up: worker running, corpus loaded, code compiled
  await send(lookups, null);
  const warm = await send(batch);
  const bySendMessage = await send(batch, null);

  const cdp = await page.createCDPSession();
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) if (v.scriptURL.startsWith(origin)) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  const cold: number[] = [];
  for (let i = 0; i < coldCount; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (status !== 'stopped') {
      if (Date.now() > deadline) throw new Error('service worker did not stop');
      await new Promise((r) => setTimeout(r, 20));
    }
    cold.push(...(await send([lookups[i % lookups.length]!])).times);
    status = '';
  }
  await cdp.detach();
  await page.close();

  const directFirst = firstLookups(lookups, coldCount);
  const direct = directLookups(batch);
  return {
    warm: distribution(warm.times),
    sendMessage: distribution(bySendMessage.times),
    cold: distribution(cold),
    direct: distribution(direct),
    directFirst: distribution(directFirst),
    messagingOverhead: median(warm.times) / median(direct),
    answered: warm.answered,
  };
}

/** The bundled data/, parsed anew and loaded: a corpus no lookup has built its tables on. */
function freshCorpus(): Corpus {
  const read = (f: string) => JSON.parse(readFileSync(`${root}data/${f}`, 'utf8'));
  return loadCorpus({ index: read('index.json'), statements: read('statements.json'), sources: read('sources.json') });
}

function timedLookup(corpus: Corpus, q: CardLookup): number {
  const t = performance.now();
  answerLookup(corpus, q);
  return performance.now() - t;
}

/** lookupCard in this process on the bundled data/, after one warm-up pass. */
function directLookups(batch: readonly CardLookup[]): number[] {
  const corpus = freshCorpus();
  for (const q of batch) timedLookup(corpus, q);
  return batch.map((q) => timedLookup(corpus, q));
}

/** The first lookupCard on each of `count` freshly loaded corpora, cycling `lookups`: the corpus's tables cold every time, the code compiled from the second on. */
function firstLookups(lookups: readonly CardLookup[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => timedLookup(freshCorpus(), lookups[i % lookups.length]!));
}
