import { HIGHLIGHT_CSS } from '../../components/ui/highlight-css.ts';

let sheet: CSSStyleSheet | undefined;
const styled = new WeakSet<ShadowRoot>();

/**
 * `::highlight()` rules are scoped like any style: the stylesheet the
 * background inserts on the first mention reaches the document but not the inside of a page's shadow roots, so a mention
 * there would be registered yet invisible. The first mention found in an
 * open shadow root adopts our highlight rules into it: a constructed
 * stylesheet appended to `adoptedStyleSheets`, which adds no node and
 * changes none of the page's rules.
 */
export function styleShadowRoot(node: Node): void {
  const root = node.getRootNode();
  if (!(root instanceof ShadowRoot) || styled.has(root)) return;
  styled.add(root);
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A browser that refuses (or a page that froze the property): the
    // mention stays registered and reachable from the side panel list.
  }
}
