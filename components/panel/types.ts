/**
 * The panel's contract with its host page: data comes in as props, every
 * browser effect (storage, clipboard, downloads, the active tab) goes out
 * through `PanelServices`, so the components run the same in the extension
 * and under happy-dom.
 */
import type { DocumentMeta, ReaderDocument } from '../../lib/data/types.ts';
import type { PageMention, PanelTarget } from '../../lib/messages.ts';
import type { FacetFilters } from '../../lib/search/facets.ts';
import type { Corpus } from '../../lib/search/load.ts';

/** What survives closing and reopening the panel within a browser session. */
export interface SavedSearch {
  query: string;
  filters: FacetFilters;
  grouped: boolean;
}

export const EMPTY_SEARCH: SavedSearch = { query: '', filters: {}, grouped: false };

/** The active tab as "On this page" sees it. */
export type PageState =
  | { status: 'loading' }
  | { status: 'ready'; url: string; title: string; mentions: PageMention[]; total: number }
  /** `no-tab`: no active tab to read; `no-script`: the page has no Source Context content script. */
  | { status: 'unavailable'; reason: 'no-tab' | 'no-script' };

export interface PanelServices {
  saveSearch(search: SavedSearch): void;
  copy(text: string): Promise<void>;
  download(name: string, type: string, text: string): void;
  /** Calls `listener` with the active tab's mentions now and whenever they or the tab change. */
  watchPage(listener: (state: PageState) => void): () => void;
  /** Scrolls the active tab to its `index`-th listed mention; false when it is gone. */
  revealMention(index: number): Promise<boolean>;
  /** Targets that arrive while the panel is open ("Read in source" in the card, the context menu). */
  watchTargets(listener: (target: PanelTarget) => void): () => void;
}

export interface PanelData {
  corpus: Corpus;
  /** data/documents.json by file. */
  documents: ReadonlyMap<string, ReaderDocument>;
}

export type { DocumentMeta };
