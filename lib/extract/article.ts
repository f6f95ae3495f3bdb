import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../data/input-error.ts';
import { normalizeForCompare, wordCount } from '../corpus/text.ts';
import { calendarDate, type PageMeta, readMetadata } from './meta.ts';

/**
 * A saved article page -> the seed text and its metadata. Readability (the
 * engine of Firefox's Reader View) finds the article body; this module turns
 * that body into paragraphs of the words a reader sees, and sets aside what
 * is on the page but not the article, by its shape in the markup: figures and
 * their captions, media, controls, and blocks that are nothing but links
 * ("Continue reading the main story", "Read more: ..." lists, share links).
 * Text is kept as written; only whitespace is normalised.
 */

export interface Article {
  /** Paragraphs separated by blank lines, ending in a newline: the seed file's contents. */
  text: string;
  paragraphs: string[];
  meta: PageMeta;
  /** What was set aside, for the maintainer to check: `rule: text`. */
  setAside: string[];
}

/** Never article text: media, captions, controls. Skipped with everything inside. */
const SKIP = new Set([
  'FIGURE', 'FIGCAPTION', 'PICTURE', 'IMG', 'SVG', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'MATH',
  'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'FORM', 'NAV', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE',
]);
const MEDIA = 'img, picture, svg, video, audio, iframe';

/**
 * Words in class names sites give to blocks that sit in the article but are
 * not its text: photo captions and credits ("Source: Supplied"), time stamps
 * ("First published February 1, 2016"), bylines, share bars, related-story
 * and promo boxes, ads. A class counts when one of its parts (split at `-`,
 * `_` and camelCase; two parts also read together, "cnnDateStamp"; a last
 * part ending in a long word, "storytimestamp") is such a word, unless the
 * part before it negates it ("no_caption" marks an item that has none, and
 * holds article text).
 */
const CHROME_WORDS = new Set([
  'caption', 'credit', 'credits', 'timestamp', 'datestamp', 'dateline', 'byline',
  'share', 'sharing', 'social', 'related', 'promo', 'newsletter', 'ad', 'ads', 'advert', 'advertisement',
]);
const CHROME_SUFFIX = /(?:caption|credits?|timestamp|datestamp|dateline|byline)$/;

/** The chrome word a class name is built on, if any. */
export function chromeClassWord(className: string): string | undefined {
  const parts = className.split(/[-_]+|(?<=[a-z])(?=[A-Z])/).map((p) => p.toLowerCase());
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && ['no', 'has', 'with', 'without'].includes(parts[i - 1]!)) continue;
    const word = [parts[i]!, parts[i]! + (parts[i + 1] ?? '')].find((w) => CHROME_WORDS.has(w));
    if (word) return word;
    if (i === parts.length - 1) {
      const suffix = CHROME_SUFFIX.exec(parts[i]!);
      if (suffix) return suffix[0];
    }
  }
  return undefined;
}

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD',
  'TR', 'UL',
]);

interface Block {
  /** Whitespace collapsed; a `<br>` is a line break, which the build's cleaning reads as it reads any line. */
  text: string;
  /** Letters inside links, to spot blocks that are only links. */
  linkLetters: number;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  querySelector?(selector: string): unknown;
  getAttribute?(name: string): string | null;
}

const squash = (t: string | null) => (t ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
/** Squashes each line of a block; empty lines go. */
const squashLines = (t: string) =>
  t
    .split('\n')
    .map(squash)
    .filter((l) => l !== '')
    .join('\n');
const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').length;

/** The article element's text as blocks, in reading order. */
function blocks(root: DomNode, setAside: string[]): Block[] {
  const out: Block[] = [];
  let text = '';
  let linkLetters = 0;
  const flush = () => {
    const t = squashLines(text);
    if (t !== '') out.push({ text: t, linkLetters });
    text = '';
    linkLetters = 0;
  };
  const walk = (node: DomNode, inLink: boolean, inBlock: DomNode) => {
    if (node.nodeType === 3) {
      text += (node.textContent ?? '').replace(/\n/g, ' ');
      if (inLink) linkLetters += letters(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') text += '\n';
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    const chrome = (node.getAttribute?.('class') ?? '').split(/\s+/).find((c) => chromeClassWord(c));
    // An inline element counts only when it is all its block says: a dateline span ("CAIRO —") starts a paragraph of the article.
    if (chrome && (block || squash(node.textContent) === squash(inBlock.textContent))) {
      const t = squash(node.textContent);
      if (t !== '') setAside.push(`class "${chrome}": ${t}`);
      return;
    }
    // An inline wrapper around an image holds its caption and credit ("© Provided by ...").
    if (!block && node.querySelector?.(MEDIA)) return;
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, inLink || tag === 'A', block ? node : inBlock);
    if (block) flush();
  };
  walk(root, false, root);
  flush();
  return out;
}

/**
 * Extracts the article of a saved page. `label` names the page in errors.
 * Throws `InputError` (naming the file) when Readability finds no article.
 */
export function extractArticle(html: string, label: string): Article {
  // Two parses: Readability rewrites its document (and drops the JSON-LD scripts) as it works.
  const dom = parseHTML(html).document as unknown as Document;
  const parsed = new Readability<DomNode>(dom, { keepClasses: true, serializer: (n) => n as unknown as DomNode }).parse();
  if (!parsed?.content) throw new InputError([`${label}: no article found (Readability could not tell the article from the rest of the page)`]);
  // Readability's document title and byline element fill in a title or author that no tag states.
  const meta = readMetadata(parseHTML(html).document, { title: parsed.title, byline: parsed.byline });

  const setAside: string[] = [];
  const all = blocks(parsed.content, setAside);
  const kept: string[] = [];
  const author = meta.fields.author?.value;
  const seen = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    const b = all[i]!;
    const total = letters(b.text);
    const next = all[i + 1];
    const key = normalizeForCompare(b.text);
    const repeated = seen.has(key);
    seen.add(key);
    // "1 / 5" (a slideshow counter), "___" (a rule drawn with text): no words, nothing to quote.
    if (!/\p{L}/u.test(b.text)) setAside.push(`no words: ${b.text}`);
    // A slideshow repeats its captions; the article does not repeat a paragraph.
    else if (repeated) setAside.push(`repeated: ${b.text}`);
    else if (total > 0 && b.linkLetters >= total * 0.9) setAside.push(`links only: ${b.text}`);
    else if (wordCount(b.text) <= 5 && /:$/.test(b.text) && next && next.linkLetters >= letters(next.text) * 0.9) setAside.push(`label of a link list: ${b.text}`);
    // "First published February 1, 2016: 1:28 AM ET", "Updated 2019-05-20": a stamp, not a sentence.
    else if (wordCount(b.text) <= 12 && !/[.!?]["”’)]?$/.test(b.text) && (/\b\d{4}-\d\d-\d\d\b/.test(b.text) || calendarDate(b.text)))
      setAside.push(`date line: ${b.text}`);
    else if (author && [author, `by ${author}`].some((a) => normalizeForCompare(a) === normalizeForCompare(b.text))) setAside.push(`byline: ${b.text}`);
    else kept.push(b.text);
  }
  if (kept.length === 0) throw new InputError([`${label}: no article text found (every block of the article was links or media)`]);

  const title = meta.fields.title?.value;
  const paragraphs = title && normalizeForCompare(kept[0]!) !== normalizeForCompare(title) ? [title, ...kept] : kept;
  return { text: `${paragraphs.join('\n\n')}\n`, paragraphs, meta, setAside };
}

/**
 * A saved page's bytes as text, in the charset the page declares (a BOM, or
 * `<meta charset>` / `http-equiv` within the first 4 KB; UTF-8 otherwise).
 * Bytes that are not valid in that charset stop the addition rather than
 * turn into replacement characters inside quotes.
 */
export function decodePage(bytes: Uint8Array, label: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : undefined;
  const charset = (bom ?? declared ?? 'utf-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new InputError([`${label}: the page declares charset "${charset}", which this tool cannot decode; save it as UTF-8`]);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError([`${label}: not valid ${charset}${declared ? ' (the charset the page declares)' : ''}; save the page again as UTF-8`]);
  }
}
