import type { Settings } from '../../lib/settings/schema.ts';
import { getSettings, isActiveOn, watchSettings } from '../../lib/settings/store.ts';

export interface LiveSettingsOptions {
  /** The page's `location.hostname`, for `active`. */
  host: string;
  /**
   * Called with the settings once they are read, then after every change
   * made anywhere (popup, settings page, another tab's card), until `signal`
   * aborts. Never called after abort, even for a read already in flight.
   * `active`: whether this page should show highlights at all (not paused,
   * not turned off for this host or a parent domain).
   */
  onChange(settings: Settings, active: boolean): void;
}

/**
 * Keeps a content script in step with the settings without reloading the
 * page: one read at start, then storage change events, which every tab
 * receives as soon as the popup or settings page writes. Resolves with the
 * first settings, after `onChange` has seen them, so the caller can await it
 * before deciding to scan.
 */
export async function applySettingsLive(options: LiveSettingsOptions, signal: AbortSignal): Promise<Settings | undefined> {
  if (signal.aborted) return undefined;
  let latest = 0;
  let shown = 0;
  const deliver = (settings: Settings, seq: number) => {
    // The first read is numbered when it starts: if it resolves after a change already delivered, it is older and dropped.
    if (signal.aborted || seq < shown) return;
    shown = seq;
    options.onChange(settings, isActiveOn(settings, options.host));
  };
  const unwatch = watchSettings((settings) => deliver(settings, ++latest));
  signal.addEventListener('abort', unwatch, { once: true });
  const firstSeq = ++latest;
  const first = await getSettings();
  deliver(first, firstSeq);
  return signal.aborted ? undefined : first;
}
