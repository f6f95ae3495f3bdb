/**
 * Display names for the shared vocabulary (categories, statement kinds,
 * speakers' sides, topics), one wording on every surface: locale keys typed
 * so a new topic cannot ship without its name, looked up when rendered.
 */
import { t, type MessageKey } from '../../lib/i18n.ts';
import type { Kind } from '../../lib/data/types.ts';
import type { Category } from '../../lib/vocabulary/categories.ts';
import type { Side } from '../../lib/vocabulary/entities.ts';
import { type Topic, topicMessageKey, TOPICS } from '../../lib/vocabulary/topics.ts';

/** Locale keys of the category names: the popup's counts, the card's header and the side panel's page list. */
export const CATEGORY_KEYS: Readonly<Record<Category, MessageKey>> = {
  huawei: 'category_huawei',
  sanctions: 'category_sanctions',
  'no-spy': 'category_no_spy',
};

/**
 * Locale keys of the kind labels. They say what sort of text an item is,
 * never whether it is true: "Disputing claim", not "Rebuttal" or "Debunk".
 */
export const KIND_KEYS: Readonly<Record<Kind, MessageKey>> = {
  primary: 'kind_primary',
  counterclaim: 'kind_counterclaim',
  context: 'kind_context',
};

/** Locale keys of the side markers' text, so side is never conveyed by colour alone. */
export const SIDE_KEYS: Readonly<Record<Side, MessageKey>> = {
  huawei: 'side_huawei',
  'chinese-government': 'side_chinese_government',
  'us-government': 'side_us_government',
  independent: 'side_independent',
  press: 'side_press',
  unnamed: 'side_unnamed',
};

/** "entity-list" -> "entity_list": locale keys cannot hold dashes. */
type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;

/**
 * Locale key of a topic's name (`topicMessageKey`). Typed, so a topic added
 * to `lib/vocabulary/topics.ts` does not compile until `npm run index` has
 * written its name into `public/_locales/en/messages.json`.
 */
function topicKey(topic: Topic): MessageKey {
  // Returning the `topic_...` union as a `MessageKey` is what makes a missing string a type error.
  const key = topicMessageKey(topic) as `topic_${Underscored<Topic>}`;
  return key;
}

/** Locale keys of the topic names, for the filters that list every topic. */
export const TOPIC_KEYS: Readonly<Record<Topic, MessageKey>> = Object.fromEntries(TOPICS.map((t) => [t, topicKey(t)])) as Record<Topic, MessageKey>;

/*
 * Labels are looked up when rendered, not built into constants when this
 * module loads: the message source is set at each entrypoint's startup, after
 * its imports have run.
 */

/** Header label for what the detector found (the popup's category names). */
export function categoryLabel(category: Category): string {
  return t(CATEGORY_KEYS[category]);
}

export function kindLabel(kind: Kind): string {
  return t(KIND_KEYS[kind]);
}

export function sideLabel(side: Side): string {
  return t(SIDE_KEYS[side]);
}

export function topicLabel(topic: Topic): string {
  return t(TOPIC_KEYS[topic]);
}
