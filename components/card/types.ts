/**
 * The hover card's props contract. The content script maps search results
 * onto these shapes, so the card depends only on the vocabulary of `lib/`
 * (categories, kinds, sides) and on the lookup's reason, which reaches it
 * unchanged (one declaration, in `lib/search/query.ts`), never on how the
 * search works.
 */

import type { Category } from '../../lib/vocabulary/categories.ts';
import type { Kind, Voice } from '../../lib/data/types.ts';
import type { Side } from '../../lib/vocabulary/entities.ts';
import type { Topic } from '../../lib/vocabulary/topics.ts';
import type { CardReason } from '../../lib/search/query.ts';

export type { CardReason, Category, Kind, Side, Topic, Voice };

export interface CardSpeaker {
  name: string;
  /** Role and affiliation, e.g. "Rotating Chairman, Huawei". May be empty. */
  role: string;
  side: Side;
}

export interface CardSource {
  /** Corpus file name; the stable document id. */
  file: string;
  title: string | null;
  publisher: string | null;
  /** ISO date, possibly partial ("2021-02", "2019"), or null when unknown. */
  date: string | null;
  url: string | null;
}

export interface CardItem {
  id: string;
  kind: Kind;
  /**
   * How the source gives the words: a quote, transcript or the speaker's own
   * page is drawn as a quotation; reported speech is not (see `isVerbatim`).
   */
  voice: Voice;
  /** The statement's text, verbatim from the source. Rendered as text only, never as HTML. */
  text: string;
  speaker: CardSpeaker;
  topics: string[];
  /**
   * Words to emphasize inside `text`: matched case-insensitively at the start
   * of a word; a stem or prefix marks the whole word it starts.
   */
  matchedTerms: string[];
  /** Ids of the items this one answers or disputes (the pairing). */
  answers: string[];
  source: CardSource;
}


export type CardState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /**
   * `items` in the order the search ranked them: the first is the lead, the
   * items that answer it or that it answers follow it. Empty is the honest
   * "nothing in the corpus is about this" state.
   */
  | { status: 'ready'; items: CardItem[]; reason: CardReason | null };

export interface CardMention {
  /** The mention as it appears on the page, e.g. "no-spy agreement". */
  text: string;
  category: Category;
}

export interface CardProps {
  mention: CardMention;
  state: CardState;
  /** Opens the source (side panel reader later; the original URL for now). */
  onReadInSource(item: CardItem): void;
  /**
   * Copies the citation (see `formatCitation`). The card shows "Copied" once
   * this returns or its promise resolves, and "Copy failed" if it throws or
   * rejects.
   */
  onCopyCitation(item: CardItem): void | Promise<void>;
  /** Called from the empty state with the mention text. */
  onSearchCorpus(query: string): void;
  /**
   * "Turn off on this site". Resolves to 'use-toolbar' when the site could
   * not be turned off from the card (the toolbar popup must confirm it) and
   * the popup could not be opened either: the card then says where it is.
   */
  onTurnOffSite(): void | Promise<'use-toolbar' | undefined>;
  /** Escape inside the card, or the close button. */
  onClose(): void;
  /**
   * Move focus into the card when it mounts. Off by default: a card opened by
   * hovering must not steal focus from the page. Turn it on when the reader
   * opened the card from the keyboard.
   */
  autoFocus?: boolean;
}
