import fills from './highlights.css?inline';
import lines from './highlight-styles.css?inline';

/**
 * Every `::highlight()` rule of ours, both styles. Not manifest CSS: a
 * stylesheet the browser adds to every page would let any page, even one
 * without a mention, read our colours with
 * `getComputedStyle(el, '::highlight(mark-a)')`. The background inserts it
 * into a frame on its first mention (`entrypoints/background/frame-injection.ts`), and
 * `entrypoints/content/shadow-styles.ts` adopts it into the open shadow roots that hold one.
 */
export const HIGHLIGHT_CSS = `${fills}\n${lines}`;
