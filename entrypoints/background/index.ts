import '../../lib/i18n-browser.ts';
import { browser, type Browser } from 'wxt/browser';
import { answerPort, backgroundRequests, client, COMMANDS, listen, LOOKUP_PORT, type BackgroundApi, type CommandName, type ContentApi } from '../../lib/messages.ts';
import { loadCorpus, type Corpus } from '../../lib/search/load.ts';
import { lookupCard } from '../../lib/search/lookup.ts';
import { persistMigration } from '../../lib/settings/store.ts';
import index from '../../data/index.json';
import statements from '../../data/statements.json';
import sources from '../../data/sources.json';
import { reportMentionCount, setupBadge } from './badge.ts';
import { openPanelFor, setupPanel } from './panel.ts';
import { confirmTurnOff, copyText } from './clipboard.ts';
import { injectCard, styleHighlights } from './frame-injection.ts';

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
  const getCorpus = () => (corpus ??= loadCorpus({ index, statements, sources }));

  const lookup: (params: BackgroundApi['lookup']['params']) => BackgroundApi['lookup']['result'] = ({ mention, category, term, context, at }) =>
    lookupCard(getCorpus(), mention, context, { category, term, at });

  // One listener for the whole background: two listeners that both answered
  // would race, and the first reply wins. Messages meant for extension pages
  // (the side panel's, the offscreen document's) are not in this map and go
  // unanswered here.
  const answer = listen<BackgroundApi, keyof BackgroundApi, Browser.runtime.MessageSender>(backgroundRequests, {
    warm: () => ({ statements: getCorpus().statements.size }),
    lookup,
    openPanel: (target, sender) => openPanelFor(sender, target),
    copyText: ({ text }) => copyText(text),
    confirmTurnOff: () => confirmTurnOff(),
    loadCard: (_, sender) => injectCard(sender),
    showHighlights: (_, sender) => styleHighlights(sender),
    mentionCount: ({ count }, sender) => reportMentionCount(count, sender),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    // Only our own contexts; web pages cannot reach this listener without
    // externally_connectable, but other extensions' messages are refused too.
    if (sender.id !== browser.runtime.id) return undefined;
    return answer(message, sender, sendResponse);
  });

  // The card's lookups come over a port (LOOKUP_PORT says why), checked as any message is; only lookups are answered there.
  const answerLookup = listen<BackgroundApi, 'lookup', Browser.runtime.MessageSender>(backgroundRequests, { lookup });
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== LOOKUP_PORT || port.sender?.id !== browser.runtime.id) return void port.disconnect();
    answerPort(port, port.sender, answerLookup);
  });

  // Keyboard commands act on the page: forward them to the active tab's
  // content script, which knows where the caret and the mentions are.
  browser.commands.onCommand.addListener(async (name: string, tab?: Browser.tabs.Tab) => {
    if (!COMMANDS.includes(name as CommandName)) return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target === undefined) return;
    const tabCall = client<ContentApi>((message) => browser.tabs.sendMessage(target, message, { frameId: 0 }));
    await tabCall('command', { name: name as CommandName }).catch(() => {});
  });
});
