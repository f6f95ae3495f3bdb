import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { migrateSettings, repair, storedVersion } from '../../../../lib/settings/migrations.ts';
import { DEFAULT_SETTINGS, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, SETTINGS_VERSION, type Settings } from '../../../../lib/settings/schema.ts';

const valid: Settings = {
  version: SETTINGS_VERSION,
  categories: { huawei: false, sanctions: true, 'no-spy': false },
  highlightStyle: 'underline',
  highlightDensity: 'every',
  hoverDelayMs: 750,
  openOn: 'click',
  paused: true,
  disabledSites: ['example.com', 'news.example.org'],
};

describe('migrateSettings', () => {
  it('v0 (the bare site list of local:disabledSites) becomes current settings with that list, defaults elsewhere', () => {
    expect(migrateSettings(['www.Example.com', 'b.org', 'b.org', 'not a host'])).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['b.org', 'www.example.com'],
    });
  });

  it('v1 (no density: every mention was highlighted, by no choice of the reader) takes the default density and keeps the rest', () => {
    const v1 = { version: 1, categories: valid.categories, highlightStyle: 'underline', hoverDelayMs: 750, openOn: 'click', paused: true, disabledSites: valid.disabledSites };
    expect(migrateSettings(v1)).toEqual({ ...valid, highlightDensity: 'first' });
    expect(DEFAULT_SETTINGS.highlightDensity).toBe('first');
  });

  it('keeps a valid current value as it is', () => {
    expect(migrateSettings(valid)).toEqual(valid);
  });

  it('repairs each bad field alone and keeps the good ones', () => {
    const stored = {
      version: 1,
      categories: { huawei: 'yes', sanctions: false },
      highlightStyle: 'glow',
      highlightDensity: 'some',
      hoverDelayMs: 99999,
      openOn: 'click',
      paused: 'no',
      disabledSites: ['ok.example', 42, null, 'HTTPS://WWW.Site.TEST/path?q=1'],
    };
    expect(migrateSettings(stored)).toEqual({
      ...DEFAULT_SETTINGS,
      categories: { huawei: true, sanctions: false, 'no-spy': true },
      hoverDelayMs: HOVER_DELAY_MAX_MS,
      openOn: 'click',
      disabledSites: ['ok.example', 'www.site.test'],
    });
  });

  it('clamps and rounds the hover delay; a non-number becomes the default', () => {
    expect(repair({ hoverDelayMs: 5 }).hoverDelayMs).toBe(HOVER_DELAY_MIN_MS);
    expect(repair({ hoverDelayMs: 412.6 }).hoverDelayMs).toBe(413);
    expect(repair({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(repair({ hoverDelayMs: '500' }).hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('a value from a newer build (after a downgrade) keeps the fields this build knows', () => {
    expect(migrateSettings({ ...valid, version: SETTINGS_VERSION + 3, newThing: { a: 1 } })).toEqual(valid);
  });

  it('an object without a version is read as the current shape', () => {
    expect(storedVersion({ paused: true })).toBe(SETTINGS_VERSION);
    expect(migrateSettings({ paused: true })).toEqual({ ...DEFAULT_SETTINGS, paused: true });
  });

  it('garbage of any shape gives valid settings and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.anything()), fc.record({ version: fc.anything(), disabledSites: fc.anything(), categories: fc.anything() })), (value) => {
        const settings = migrateSettings(value);
        expect(settings.version).toBe(SETTINGS_VERSION);
        expect(Object.values(settings.categories).every((v) => typeof v === 'boolean')).toBe(true);
        expect(['background', 'underline']).toContain(settings.highlightStyle);
        expect(['hover', 'click']).toContain(settings.openOn);
        expect(settings.hoverDelayMs).toBeGreaterThanOrEqual(HOVER_DELAY_MIN_MS);
        expect(settings.hoverDelayMs).toBeLessThanOrEqual(HOVER_DELAY_MAX_MS);
        expect(typeof settings.paused).toBe('boolean');
        expect(settings.disabledSites).toEqual([...new Set(settings.disabledSites)].sort());
        // Migrating again changes nothing: what the store writes back is stable.
        expect(migrateSettings(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
      }),
      { numRuns: 500 },
    );
  });

  it('never hands out the shared defaults (a caller mutating its copy cannot change them)', () => {
    const a = migrateSettings(null);
    a.categories.huawei = false;
    a.disabledSites.push('x.example');
    expect(migrateSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});
