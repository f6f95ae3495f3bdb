import type { Category } from '../../lib/vocabulary/categories.ts';
import type { HighlightStyle } from '../../lib/settings/schema.ts';

/**
 * Our names in the page's `CSS.highlights` registry, which every page
 * script can list. They say nothing about the extension (a name like
 * "source-context-huawei" told any page who was reading it and what we look
 * for), and they are only registered once the page holds a mention (see
 * highlighter.ts). What they still give away is written in the README,
 * "What a page can learn". The stylesheets `components/ui/highlights.css` and
 * `highlight-styles.css` style exactly these names.
 */
const CATEGORY_NAMES: Record<Category, string> = { huawei: 'mark-a', sanctions: 'mark-b', 'no-spy': 'mark-c' };

/** The mention under the pointer, with an open card, or just revealed from the panel. */
export const ACTIVE_HIGHLIGHT = 'mark-x';

/**
 * The name of a category's highlight for a style. Switching style
 * re-registers the same Highlight object under the other name, so no range
 * is rebuilt and the page's DOM is never touched. `underlined: false` is
 * the fill style without its underline shapes, for a page so tall that
 * underlines make every frame dear (`tall-page.ts`); the underline style
 * keeps its lines, which are all it draws.
 */
export function highlightName(category: Category, style: HighlightStyle, underlined = true): string {
  if (style !== 'background') return `${CATEGORY_NAMES[category]}-line`;
  return underlined ? CATEGORY_NAMES[category] : `${CATEGORY_NAMES[category]}-fill`;
}

/** Every name we may register, for code that reads the registry (tests, benchmark). */
export const ALL_HIGHLIGHT_NAMES: readonly string[] = [
  ...Object.values(CATEGORY_NAMES).flatMap((name) => [name, `${name}-fill`, `${name}-line`]),
  ACTIVE_HIGHLIGHT,
];
