import { browser } from 'wxt/browser';
import { isBlockTag, nearestBlock } from '../../lib/detect/index.ts';
import {
  client,
  contentRequests,
  listen,
  MAX_LISTED_MENTIONS,
  MAX_LISTED_TEXT,
  MAX_TITLE,
  MAX_URL,
  type ContentApi,
  type PageListing,
  type PageMention,
  type PanelApi,
  type Request,
} from '../../lib/messages.ts';
import type { Highlighter, PlacedMention } from './highlighter.ts';
import { inDocumentOrder } from './keyboard.ts';
import { sentenceAround } from '../../lib/detect/sentence.ts';

/** How long a revealed mention keeps the active highlight: long enough to find it after the scroll. */
export const FLASH_MS = 1500;

/**
 * Shortest gap between two "mentions changed" broadcasts. A page that
 * mutates all the time (tickers, live blogs) sends at most one message per
 * gap, and the panel re-lists at that pace, not per mutation.
 */
export const CHANGE_GAP_MS = 600;

export interface PageMentionsOptions {
  document?: Document;
  /** Broadcasts to extension pages; `browser.runtime.sendMessage` by default (tests pass their own). */
  broadcast?: (message: Request<PanelApi>) => Promise<unknown>;
}

/**
 * Serves the side panel's "On this page" list from the content script:
 * `listMentions` (every mention in document order, with its sentence) and
 * `revealMention` (scroll to one and flash it). Returns `onChange`, for the
 * scanner to call after each scan slice or mutation batch: it tells open
 * panels to re-list, at most once per CHANGE_GAP_MS, and only once some
 * panel has listed this page. A page no panel looks at sends nothing, and
 * does not wake the background for nothing.
 */
export function servePageMentions(highlighter: Highlighter, signal: AbortSignal, options: PageMentionsOptions = {}): { onChange(): void } {
  const document_ = options.document ?? document;
  const panels = client<PanelApi>(options.broadcast ?? ((message) => browser.runtime.sendMessage(message)));
  /** The last listing: `revealMention` indexes into what the panel was shown. */
  let listed: PlacedMention[] = [];
  let watched = false;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let changeTimer: ReturnType<typeof setTimeout> | undefined;

  const list = (): PageListing => {
    listed = inDocumentOrder(highlighter);
    watched = true;
    return {
      url: (document_.location?.href ?? '').slice(0, MAX_URL),
      title: document_.title.slice(0, MAX_TITLE),
      mentions: listed.slice(0, MAX_LISTED_MENTIONS).map((m, index) => describe(document_, m, index)),
      total: listed.length,
    };
  };

  const reveal = ({ index }: { index: number }): { ok: boolean } => {
    const mention = listed[index];
    const node = mention?.nodes[0];
    // Gone since the listing (the page changed): say so rather than flash something else.
    if (!mention || !node?.isConnected || !highlighter.has(node)) return { ok: false };
    node.parentElement?.scrollIntoView({ block: 'center' });
    highlighter.setActive(mention);
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => highlighter.setActive(undefined), FLASH_MS);
    return { ok: true };
  };

  const onMessage = listen<ContentApi, 'listMentions' | 'revealMention'>(contentRequests, { listMentions: list, revealMention: reveal });
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(flashTimer);
    clearTimeout(changeTimer);
  });

  return {
    onChange() {
      if (!watched || changeTimer !== undefined || signal.aborted) return;
      changeTimer = setTimeout(() => {
        changeTimer = undefined;
        // No panel open is the normal case: nobody to receive is not an error.
        void panels('mentionsChanged', {}).catch(() => {});
      }, CHANGE_GAP_MS);
    },
  };
}

/**
 * How much text on each side of a mention its sentence is looked for in: a
 * sentence is far shorter, and a block of megabytes must not be read, copied
 * and searched once per mention.
 */
const SENTENCE_REACH = 2000;

/** A mention with its sentence, read from the block it sits in; every field is capped (see MAX_LISTED_TEXT). */
function describe(document_: Document, mention: PlacedMention, index: number): PageMention {
  const { startContainer, startOffset, endContainer, endOffset } = mention.range;
  const block = nearestBlock(startContainer, isBlockTag);
  const range = document_.createRange();
  let sentence: string;
  try {
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
    const own = range.toString();
    const before = textBeside(document_, block, startContainer, startOffset, -1);
    const after = textBeside(document_, block, endContainer, endOffset, 1);
    sentence = sentenceAround(before + own + after, before.length, before.length + own.length);
  } catch {
    // The range no longer fits the DOM (a node changed under it): look for the words in the block's text instead.
    const at = Math.max(0, mention.block.indexOf(mention.text));
    sentence = sentenceAround(mention.block, at, at + mention.text.length);
  }
  return { index, category: mention.category, text: mention.text.slice(0, MAX_LISTED_TEXT), sentence };
}

/**
 * Up to SENTENCE_REACH characters of `block`'s text before (`direction` -1)
 * or after (1) the point (`node`, `offset`), walking text nodes outwards.
 */
function textBeside(document_: Document, block: Node, node: Node, offset: number, direction: -1 | 1): string {
  const own = node.textContent ?? '';
  let text = direction < 0 ? own.slice(Math.max(0, offset - SENTENCE_REACH), offset) : own.slice(offset, offset + SENTENCE_REACH);
  const walker = document_.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  while (text.length < SENTENCE_REACH) {
    const next = direction < 0 ? walker.previousNode() : walker.nextNode();
    if (!next) break;
    const data = (next as Text).data;
    text = direction < 0 ? data.slice(-(SENTENCE_REACH - text.length)) + text : text + data.slice(0, SENTENCE_REACH - text.length);
  }
  return text;
}
