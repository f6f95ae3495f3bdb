/**
 * Page-level context from a live document: the title plus a sample of the
 * body's prose, read once before scanning so every block of the page is
 * decided against the same evidence (a sliced scan then gives the same result
 * as a full one, whatever the order of its slices).
 */
import { memoize, NEUTRAL_PAGE, pageContext, pageMayBeOnTopic, type PageContext } from './context.ts';
import { SHOW_ELEMENTS_AND_TEXT, SKIP_TAGS, TEXT_NODE } from './dom-rules.ts';
import { nextOutside } from './blocks.ts';

/**
 * How much body text the page context reads. Enough for the lead of any
 * article; bounded so the cost stays a few milliseconds on huge pages.
 */
export const PAGE_SAMPLE_CHARS = 30_000;

/** The first `maxChars` characters of prose under `root`, skipping script, style, code… */
export function textSample(root: Node, maxChars: number = PAGE_SAMPLE_CHARS): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
  const parts: string[] = [];
  let length = 0;
  let node = walker.nextNode();
  while (node !== null && length < maxChars) {
    if (node.nodeType === TEXT_NODE) {
      // Only the part that fits: a page's one 50 MB text node is not copied.
      const text = node as Text;
      const part = text.length > maxChars - length ? text.substringData(0, maxChars - length) : text.data;
      parts.push(part);
      length += part.length + 1;
      node = walker.nextNode();
    } else if (SKIP_TAGS.has((node as Element).localName)) {
      node = nextOutside(walker);
    } else {
      node = walker.nextNode();
    }
  }
  return parts.join(' ').slice(0, maxChars);
}

/**
 * {@link pageContext} of a document: its title and a sample of its body. A
 * page that cannot be on topic (a title not on topic by itself, no entity
 * in the sample: {@link pageMayBeOnTopic}) gets {@link NEUTRAL_PAGE} without
 * its signals being counted: the same decisions, and most pages never
 * compile the signals' RegExp.
 */
export function pageContextOf(doc: Document, maxChars: number = PAGE_SAMPLE_CHARS): PageContext {
  const body = doc.body ?? doc.documentElement;
  const sample = body === null ? '' : textSample(body, maxChars);
  return pageMayBeOnTopic(doc.title, sample) ? pageContext(doc.title, sample) : NEUTRAL_PAGE;
}

/**
 * {@link pageContextOf} deferred until a block needs it and then remembered:
 * what to pass as `ScanOptions.page` for a whole page and its rescans.
 */
export function lazyPageContext(doc: Document): () => PageContext {
  return memoize(() => pageContextOf(doc));
}
