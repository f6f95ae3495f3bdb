/**
 * Where the side panel keeps what should outlive closing it but not the
 * browser session (the last query and filters, a pending "open at"):
 * `storage.session`, which Chrome (102+) and Firefox (115+) give extension
 * pages. Where it is missing (an older or unusual browser) a per-page memory
 * area stands in: state then lasts while the page is open, and nothing a
 * researcher typed is ever written to disk, which `storage.local` would do.
 */

/** The part of a WebExtension StorageArea used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function sessionArea(storage: { session?: KeyValueArea } | undefined): KeyValueArea {
  return storage?.session ?? memoryArea();
}

export function memoryArea(): KeyValueArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}
