import '../../fake-browser-globals.ts';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettingsLive } from '../../../../entrypoints/content/settings-sync.ts';
import { highlightName } from '../../../../entrypoints/content/highlight-names.ts';
import { CATEGORIES, type Settings } from '../../../../lib/settings/schema.ts';
import { setSiteDisabled, updateSettings } from '../../../../lib/settings/store.ts';

describe('applySettingsLive', () => {
  beforeEach(() => fakeBrowser.reset());

  it('delivers the stored settings first, then each change, with whether this host is active', async () => {
    await updateSettings({ highlightStyle: 'underline' });
    const seen: [Partial<Settings>, boolean][] = [];
    const controller = new AbortController();
    const first = await applySettingsLive({ host: 'www.news.test', onChange: (s, active) => seen.push([{ highlightStyle: s.highlightStyle, paused: s.paused }, active]) }, controller.signal);
    expect(first?.highlightStyle).toBe('underline');
    expect(seen).toEqual([[{ highlightStyle: 'underline', paused: false }, true]]);

    await setSiteDisabled('news.test', true);
    await vi.waitFor(() => expect(seen.at(-1)?.[1]).toBe(false));
    await updateSettings({ disabledSites: [], paused: true });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([{ highlightStyle: 'underline', paused: true }, false]));

    controller.abort();
    const count = seen.length;
    await updateSettings({ paused: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(count);
  });

  it('does nothing once aborted, even for a read in flight', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    const pending = applySettingsLive({ host: 'a.test', onChange }, controller.signal);
    controller.abort();
    expect(await pending).toBeUndefined();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('names highlights per style with names that do not announce the extension', () => {
    expect(highlightName('no-spy', 'background')).toBe('mark-c');
    expect(highlightName('no-spy', 'underline')).toBe('mark-c-line');
    // A very tall page: the fill without its line; the underline style keeps its line.
    expect(highlightName('no-spy', 'background', false)).toBe('mark-c-fill');
    expect(highlightName('no-spy', 'underline', false)).toBe('mark-c-line');
    for (const category of CATEGORIES) {
      for (const style of ['background', 'underline'] as const) {
        for (const underlined of [true, false]) expect(highlightName(category, style, underlined)).not.toMatch(/source|context|huawei|sanction|spy/i);
      }
    }
  });

  it('every category has a rule for each style’s name in the content script’s CSS', () => {
    const css = {
      background: readFileSync(new URL('../../../../components/ui/highlights.css', import.meta.url), 'utf8'),
      underline: readFileSync(new URL('../../../../components/ui/highlight-styles.css', import.meta.url), 'utf8'),
    };
    for (const category of CATEGORIES) {
      for (const style of ['background', 'underline'] as const) expect(css[style]).toContain(`::highlight(${highlightName(category, style)})`);
      expect(css.background).toContain(`::highlight(${highlightName(category, 'background', false)})`);
    }
    // Underline means no fill.
    expect(css.underline).not.toMatch(/background/);
  });
});
