/**
 * Card lookups through the real extension: an extension page sends the same
 * message the content script sends (`{method: 'lookup', params: {mention,
 * category, context}}`) and times the round trip, with the service worker
 * running (warm) and right after it was stopped (cold). The same lookups are
 * timed in Node straight on `lookupCard` with the bundled data, as the
 * no-messaging reference measured in the same run.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { loadCorpus } from '../../lib/search/load.ts';
import { lookupCard } from '../../lib/search/lookup.ts';
import { root } from './build.ts';
import type { CardLookup } from './queries.ts';
import { distribution, median, type Distribution } from './stats.ts';

export interface LookupResult {
  /** Round trips, worker running and index loaded. */
  warm: Distribution;
  /** First lookup after the worker was stopped: worker start, index load, query, messaging. */
  cold: Distribution;
  /** lookupCard alone in Node on the same data and lookups (no messaging, no worker). */
  direct: Distribution;
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
  const send = (items: readonly CardLookup[]) =>
    page.evaluate(async (items: CardLookup[]) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const times: number[] = [];
      let answered = 0;
      for (const params of items) {
        const t = performance.now();
        const reply = (await runtime.sendMessage({ method: 'lookup', params })) as Reply;
        times.push(performance.now() - t);
        if (!reply?.ok) throw new Error(`lookup failed: ${reply?.error ?? 'no reply'}`);
        if (reply.result!.results.length > 0) answered++;
      }
      return { times, answered };
    }, items as CardLookup[]);

  const batch = Array.from({ length: warmCount }, (_, i) => lookups[i % lookups.length]!);
  await send(lookups); // warm-up: worker running, corpus loaded, code compiled
  const warm = await send(batch);

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

  const direct = directLookups(batch);
  return {
    warm: distribution(warm.times),
    cold: distribution(cold),
    direct: distribution(direct),
    messagingOverhead: median(warm.times) / median(direct),
    answered: warm.answered,
  };
}

/** lookupCard in this process on the bundled data/, after one warm-up pass. */
function directLookups(batch: readonly CardLookup[]): number[] {
  const read = (f: string) => JSON.parse(readFileSync(`${root}data/${f}`, 'utf8'));
  const corpus = loadCorpus({ index: read('index.json'), statements: read('statements.json'), sources: read('sources.json') });
  for (const q of batch) lookupCard(corpus, q.mention, q.context);
  return batch.map((q) => {
    const t = performance.now();
    lookupCard(corpus, q.mention, q.context);
    return performance.now() - t;
  });
}
