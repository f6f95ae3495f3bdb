/**
 * Which parts of a page the scanner reads: block-level elements (the unit of
 * matching and context), elements whose text is never highlighted, and hidden
 * elements. Everything is decided from tag names and attributes, never from
 * computed style, so it is cheap per element and works the same in Node
 * (happy-dom) and in the browser. Real rendering is checked later, and only
 * for elements that hold a mention, by the injectable `isVisible`.
 */

/**
 * Elements whose text is not page prose, or not ours to touch: scripts and
 * styles (also SVG <style>), form controls, editable regions (see
 * {@link exclusionOf}), code, and embedded or fallback content.
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'noembed',
  'noframes',
  'desc',
]);

/**
 * Elements that start a new line box in the default stylesheet, plus table
 * parts, list items, buttons, and SVG/MathML islands: text never runs
 * across their edges, so a mention never spans them and each is its own
 * block of context.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'button',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'math',
  'menu',
  'nav',
  'ol',
  'p',
  'search',
  'section',
  'summary',
  'svg',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Inline elements that break the text flow without holding text (line
 * breaks, images, widgets): the text on either side is not joined into one
 * word. `<wbr>` is deliberately absent: "Hua<wbr>wei" reads "Huawei".
 */
export const BREAK_TAGS: ReadonlySet<string> = new Set(['br', 'img', 'picture', 'meter', 'progress']);

export function isBlockTag(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/**
 * `skip`: visible but not ours (code, form controls, editable regions, our
 * own UI); it still separates the text around it. `hidden`: not rendered
 * (`hidden` attribute, inline `display:none` or `visibility:hidden`); the text
 * around it joins as it does on screen.
 */
export type Exclusion = 'skip' | 'hidden' | null;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

/** Resolved scanner configuration (see `ScanOptions` in scanner.ts). */
export interface DomRules {
  /** Tag names of the extension's own UI hosts. */
  uiTags: ReadonlySet<string>;
  /** Attribute marking the extension's own UI elements. */
  uiAttribute: string;
  isBlock: (el: Element) => boolean;
  shadowRootOf: (el: Element) => ShadowRoot | null;
}

/** What the scanner does with `el` and its subtree; see {@link Exclusion}. */
export function exclusionOf(el: Element, rules: DomRules): Exclusion {
  const name = el.localName;
  if (SKIP_TAGS.has(name) || rules.uiTags.has(name) || el.hasAttribute(rules.uiAttribute)) return 'skip';
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return 'skip';
  if (el.hasAttribute('hidden')) return 'hidden';
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return 'hidden';
  return null;
}

/** Parent in the flat tree as far as the scanner cares: shadow roots lead to their host. */
export function parentOf(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent !== null) return parent;
  const host = (node as Partial<ShadowRoot>).host;
  return host ?? null;
}

/** Node.ELEMENT_NODE etc., spelled out so no DOM global is needed. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT */
export const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
