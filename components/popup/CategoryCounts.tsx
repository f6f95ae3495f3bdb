import { CATEGORIES, type Category } from '../../lib/vocabulary/categories.ts';
import { t } from '../../lib/i18n.ts';
import { Switch } from '../ui/Switch.tsx';
import { Swatch } from '../ui/Swatch.tsx';
import { CATEGORY_KEYS } from '../ui/labels.ts';

export interface CategoryCountsProps {
  /** Mentions found per category; undefined where the page has not answered (the switches still work). */
  counts?: Record<Category, number>;
  total?: number;
  shown: Record<Category, boolean>;
  onToggle(category: Category, on: boolean): void;
}

/**
 * One row per category: its highlight sample, name, how many the page holds,
 * and its switch. A category that is off keeps its count, dimmed: the reader
 * sees what turning it back on would bring.
 */
export function CategoryCounts({ counts, total, shown, onToggle }: CategoryCountsProps) {
  return (
    <section class="sc-popup-section" aria-labelledby="sc-popup-mentions">
      <div class="sc-popup-section__head">
        <h2 id="sc-popup-mentions" class="sc-popup-section__title">
          {t('popup_mentionsHeading')}
        </h2>
        {total !== undefined && <span class="sc-popup-total">{t('popup_highlighted', total)}</span>}
      </div>
      <ul class="sc-popup-cats">
        {CATEGORIES.map((category) => {
          const name = t(CATEGORY_KEYS[category]);
          const count = counts?.[category];
          return (
            <li key={category} class={`sc-popup-cat${shown[category] ? '' : ' sc-popup-cat--off'}`}>
              <Switch checked={shown[category]} onChange={(on) => onToggle(category, on)} name={`category-${category}`}>
                <span class="sc-popup-cat__label">
                  <Swatch category={category} />
                  <span class="sc-popup-cat__name">{name}</span>
                  {count !== undefined && (
                    <span class="sc-popup-cat__count" title={t('popup_categoryCount', count)}>
                      <span aria-hidden="true">{count}</span>
                      <span class="sc-sr-only">{t('popup_categoryCount', count)}</span>
                    </span>
                  )}
                </span>
              </Switch>
            </li>
          );
        })}
      </ul>
      <p class="sc-popup-hint">{t('popup_categoryHint')}</p>
    </section>
  );
}
