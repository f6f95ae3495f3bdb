import { browser } from 'wxt/browser';

/**
 * One value under one key of an extension storage area: the seam between
 * the settings (`lib/settings`) and the browser's `storage` API, and the
 * only module that calls it for them. A thin layer over
 * `browser.storage[area]` rather than WXT's storage wrapper: the content
 * script, injected into every page and frame, carries this instead of the
 * wrapper's versioning, metadata and locking, which the settings (versioned
 * by their own migrations) never use.
 */
export interface StoredItem<T> {
  /** The stored value, or null when there is none. Rejects where the area refuses (Firefox's sync when disabled). */
  get(): Promise<T | null>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls `onChange` after each change of the value, from any context; returns the function that stops it. */
  watch(onChange: () => void): () => void;
}

type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void;

interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
}

export function storedItem<T>(area: 'sync' | 'local', key: string): StoredItem<T> {
  // Looked up on use: a context may start before the storage API is reachable (and tests swap it).
  const storage = () => (browser.storage as unknown as Record<typeof area, Area>)[area];
  return {
    get: async () => ((await storage().get(key))[key] as T | undefined) ?? null,
    set: (value) => storage().set({ [key]: value }),
    remove: () => storage().remove(key),
    watch(onChange) {
      const listener: ChangeListener = (changes) => {
        const change = changes[key];
        // Some browsers report a write of the same value; readers only care about a new one.
        if (change && JSON.stringify(change.newValue) !== JSON.stringify(change.oldValue)) onChange();
      };
      storage().onChanged.addListener(listener);
      return () => storage().onChanged.removeListener(listener);
    },
  };
}
