import type { Category } from '../../lib/vocabulary/categories.ts';
import type { MessageKey } from '../../lib/i18n.ts';

/** Locale keys of the category names: the popup's counts, the card's header and the side panel's page list. */
export const CATEGORY_KEYS: Readonly<Record<Category, MessageKey>> = {
  huawei: 'category_huawei',
  sanctions: 'category_sanctions',
  'no-spy': 'category_no_spy',
};
