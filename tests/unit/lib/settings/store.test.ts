import '../../fake-browser-globals.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../../lib/settings/schema.ts';
import {
  exportSites,
  getSettings,
  importSites,
  persistMigration,
  setSiteDisabled,
  settingsArea,
  updateSettings,
  watchSettings,
} from '../../../../lib/settings/store.ts';

const stored = async (key: string, area: 'local' | 'sync' = 'local') => (await fakeBrowser.storage[area].get(key))[key];

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('gives the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes to storage.sync and reads back what it wrote', async () => {
    await updateSettings({ highlightStyle: 'underline', categories: { sanctions: false } });
    expect(await stored('settings', 'sync')).toMatchObject({ version: SETTINGS_VERSION, highlightStyle: 'underline' });
    expect(await stored('settings')).toBeUndefined();
    const settings = await getSettings();
    expect(settings.highlightStyle).toBe('underline');
    // A category patch changes only that category.
    expect(settings.categories).toEqual({ huawei: true, sanctions: false, 'no-spy': true });
    expect(await settingsArea()).toBe('sync');
  });

  it('repairs a patch before storing it', async () => {
    const next = await updateSettings({ hoverDelayMs: 1e9, disabledSites: ['Bad Host', 'OK.test'] });
    expect(next.hoverDelayMs).toBe(2000);
    expect(next.disabledSites).toEqual(['ok.test']);
  });

  it('migrates the v0 local:disabledSites list, and the first write retires it', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['127.0.0.1', 'news.test'] });
    expect((await getSettings()).disabledSites).toEqual(['127.0.0.1', 'news.test']);
    await updateSettings({ paused: true });
    expect(await stored('disabledSites')).toBeUndefined();
    expect(await getSettings()).toMatchObject({ paused: true, disabledSites: ['127.0.0.1', 'news.test'] });
  });

  it('persistMigration writes an old or damaged value back once, and then has nothing to do', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['a.test'] });
    expect(await persistMigration()).toBe(true);
    expect(await stored('settings', 'sync')).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.test'] });
    expect(await stored('disabledSites')).toBeUndefined();
    expect(await persistMigration()).toBe(false);
    await fakeBrowser.storage.sync.set({ settings: { version: 1, hoverDelayMs: 'slow' } });
    expect(await persistMigration()).toBe(true);
    expect(await stored('settings', 'sync')).toEqual(DEFAULT_SETTINGS);
  });

  it('applies updates of one context in order, each on the result of the last', async () => {
    await Promise.all([setSiteDisabled('a.test', true), setSiteDisabled('b.test', true), setSiteDisabled('c.test', true), setSiteDisabled('a.test', false)]);
    expect((await getSettings()).disabledSites).toEqual(['b.test', 'c.test']);
  });

  it('turning a site back on removes the parent entry that covered it', async () => {
    await updateSettings({ disabledSites: ['example.com'] });
    await setSiteDisabled('www.example.com', false);
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('watchSettings reports changes made through the store, and stops when told', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(s.paused));
    await updateSettings({ paused: true });
    await vi.waitFor(() => expect(seen).toEqual([true]));
    unwatch();
    await updateSettings({ paused: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([true]);
  });

  it('watchSettings repairs what another writer stored', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSettings((s) => seen.push(s.openOn));
    await fakeBrowser.storage.sync.set({ settings: { version: 1, openOn: 'telepathy' } });
    await vi.waitFor(() => expect(seen).toEqual(['hover']));
    unwatch();
  });

  describe('where sync is unavailable or refuses', () => {
    it('reads and writes storage.local when storage.sync rejects (Firefox with sync disabled)', async () => {
      vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage.sync is disabled'));
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('storage.sync is disabled'));
      await updateSettings({ openOn: 'click' });
      expect(await stored('settings')).toMatchObject({ openOn: 'click' });
      expect((await getSettings()).openOn).toBe('click');
      expect(await settingsArea()).toBe('local');
    });

    it('a write that sync refuses (quota) lands locally and this device stays local, so the older synced value never comes back', async () => {
      await updateSettings({ paused: true });
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
      await updateSettings({ paused: false, openOn: 'click' });
      expect(await stored('settings', 'sync')).toMatchObject({ paused: true });
      expect(await getSettings()).toMatchObject({ paused: false, openOn: 'click' });
      // Later writes go to the local copy too, even though sync would take them now.
      await updateSettings({ highlightStyle: 'underline' });
      expect(await stored('settings', 'sync')).toMatchObject({ highlightStyle: 'background' });
      expect(await getSettings()).toMatchObject({ paused: false, highlightStyle: 'underline' });
    });

    it('a watcher hears the local copy change after the fallback', async () => {
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('quota'));
      const seen: string[] = [];
      const unwatch = watchSettings((s) => seen.push(s.highlightStyle));
      await updateSettings({ highlightStyle: 'underline' });
      await vi.waitFor(() => expect(seen.at(-1)).toBe('underline'));
      unwatch();
    });
  });

  describe('site list import and export', () => {
    it('imports into the stored list and reports rejected lines', async () => {
      await setSiteDisabled('old.test', true);
      const result = await importSites('new.test\nold.test\nnope nope\n');
      expect(result.added).toEqual(['new.test']);
      expect(result.duplicates).toBe(1);
      expect(result.rejected).toEqual([{ line: 3, text: 'nope nope', reason: 'invalid' }]);
      expect((await getSettings()).disabledSites).toEqual(['new.test', 'old.test']);
    });

    it('exports what is stored, in both formats', async () => {
      await updateSettings({ disabledSites: ['b.test', 'a.test'] });
      expect(await exportSites('text', 'Heading')).toBe('# Heading\na.test\nb.test\n');
      expect(JSON.parse(await exportSites('json'))).toEqual({ disabledSites: ['a.test', 'b.test'] });
    });
  });
});
