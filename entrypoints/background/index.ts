import { browser, type Browser } from 'wxt/browser';
import { COMMANDS, parseBackgroundRequest, type BackgroundApi, type BackgroundRequest, type CommandName, type Reply } from '../../lib/messages.ts';
import { loadCorpus, type Corpus } from '../../lib/search/load.ts';
import { lookupCard } from '../../lib/search/lookup.ts';
import { persistMigration } from '../../lib/settings/store.ts';
import index from '../../data/index.json';
import statements from '../../data/statements.json';
import sources from '../../data/sources.json';
import { reportMentionCount, setupBadge } from './badge.ts';
import { answerOpenPanel, setupPanel } from './panel.ts';
import { answerConfirmTurnOff, answerCopy } from './clipboard.ts';
import { injectCard } from './card-injection.ts';

/**
 * Answers lookups from the bundled index, and routes every other message
 * the extension's contexts send. The index is built from the bundled JSON on
 * the first request of each worker life and kept: a stopped service worker
 * (or unloaded event page) simply builds it again on the next message, so
 * the first lookup after a cold start still answers.
 */
export default defineBackground(() => {
  setupBadge();
  setupPanel();
  browser.runtime.onInstalled.addListener(() => void persistMigration().catch(() => {}));

  let corpus: Corpus | undefined;
  const getCorpus = () =>
    (corpus ??= loadCorpus({ index, statements, sources }));

  const handlers: { [M in keyof BackgroundApi]: (params: BackgroundApi[M]['params']) => BackgroundApi[M]['result'] } = {
    warm: () => ({ statements: getCorpus().statements.size }),
    lookup: ({ mention, category, term, context, at }) => lookupCard(getCorpus(), mention, context, { category, term, at }),
  };

  // One listener for the whole background: two listeners that both answered
  // would race, and the first reply wins.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own contexts; web pages cannot reach this listener without
    // externally_connectable, but other extensions' messages are refused too.
    if (sender.id !== browser.runtime.id) return undefined;
    switch ((message as { method?: unknown } | null)?.method) {
      case 'openPanel':
        return answerOpenPanel(message, sender);
      case 'copyText':
        return answerCopy(message);
      case 'confirmTurnOff':
        return answerConfirmTurnOff();
      case 'loadCard':
        return injectCard(sender);
      case 'mentionCount': {
        const error = reportMentionCount(message, sender);
        return Promise.resolve(error ? { ok: false, error: error.message } : { ok: true, result: undefined });
      }
      // Broadcasts meant for extension pages (the side panel), not for us.
      case 'mentionsChanged':
      case 'show':
      case 'offscreenCopy':
        return undefined;
      default:
        return Promise.resolve(answer(message));
    }
  });

  // Keyboard commands act on the page: forward them to the active tab's
  // content script, which knows where the caret and the mentions are.
  browser.commands.onCommand.addListener(async (name: string, tab?: Browser.tabs.Tab) => {
    if (!COMMANDS.includes(name as CommandName)) return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target === undefined) return;
    await browser.tabs.sendMessage(target, { method: 'command', params: { name } }, { frameId: 0 }).catch(() => {});
  });

  function answer(message: unknown): Reply<unknown> {
    const request = parseBackgroundRequest(message);
    if (request instanceof Error) return { ok: false, error: request.message };
    try {
      const handler = handlers[request.method] as (params: BackgroundRequest['params']) => unknown;
      return { ok: true, result: handler(request.params) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
});
