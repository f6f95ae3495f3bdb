import type { Category } from '../../lib/vocabulary/categories.ts';

/** A blank sample drawn with the category's highlight colour and underline shape, so the legend matches the page. Decorative: the row's text names the category. */
export function Swatch({ category }: { category: Category }) {
  return (
    <span class={`sc-swatch sc-swatch--${category}`} aria-hidden="true">
      {'\u00a0\u00a0\u00a0\u00a0'}
    </span>
  );
}
