import type { Category } from '../../lib/detect/types.ts';
import type { MessageKey } from '../../lib/i18n.ts';

/** Locale keys of the category names (same words as the card's CATEGORY_LABELS). */
export const CATEGORY_KEYS: Readonly<Record<Category, MessageKey>> = {
  huawei: 'category_huawei',
  sanctions: 'category_sanctions',
  'no-spy': 'category_no_spy',
};
