import { storedItem } from './stored-item.ts';

/**
 * A value kept in `storage.sync` (so it follows the reader to their other
 * browsers) where the browser lets us, and in `storage.local` where it does
 * not. This is the one place that knows the difference:
 *
 * - Chrome always has `storage.sync`; with sync switched off it simply stays
 *   on this device. Its quotas (8 KB per item, 120 writes a minute) can
 *   refuse a write.
 * - Firefox has it too, but every call rejects when the profile disables it
 *   (`webextensions.storage.sync.enabled = false`) or the add-on has no
 *   stable id; Firefox for Android keeps it on the device.
 *
 * A read that rejects means "no sync here": the local copy is used. A write
 * that sync refuses goes to the local copy instead, and a marker keeps this
 * device on the local copy from then on, so a later read does not bring back
 * the older synced value and lose what the reader just set.
 */
export type AreaName = 'sync' | 'local';

export interface SyncedItem<T> {
  /** The stored value (null when none) and the area it came from. */
  read(): Promise<{ area: AreaName; value: T | null }>;
  /** Stores `value`; resolves with the area that took it. */
  write(value: T): Promise<AreaName>;
  /** Calls `onChange` after any change to either copy or the marker, from any context. */
  watch(onChange: () => void): () => void;
}

export function syncedItem<T>(key: string): SyncedItem<T> {
  const synced = storedItem<T>('sync', key);
  const local = storedItem<T>('local', key);
  const localOnly = storedItem<boolean>('local', `${key}.localOnly`);

  return {
    async read() {
      const [stayLocal, localValue, syncValue] = await Promise.all([
        localOnly.get(),
        local.get(),
        synced.get().then(
          (value) => ({ available: true, value }),
          () => ({ available: false, value: null }),
        ),
      ]);
      if (stayLocal === true || !syncValue.available) return { area: 'local', value: localValue };
      // Nothing synced yet: a copy kept here while sync was unavailable is newer than nothing.
      return syncValue.value === null && localValue !== null ? { area: 'local', value: localValue } : { area: 'sync', value: syncValue.value };
    },
    async write(value) {
      if ((await localOnly.get()) !== true) {
        try {
          await synced.set(value);
          return 'sync';
        } catch {
          await localOnly.set(true);
        }
      }
      await local.set(value);
      return 'local';
    },
    watch(onChange) {
      const unwatch = [synced.watch(onChange), local.watch(onChange), localOnly.watch(onChange)];
      return () => unwatch.forEach((fn) => fn());
    },
  };
}
