import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonMessageSource, setMessageSource, t } from '../../../lib/i18n.ts';
import { CATEGORY_KEYS } from '../../../components/ui/labels.ts';
import { TOPIC_KEYS } from '../../../components/ui/labels.ts';
import en from '../../../public/_locales/en/messages.json';

const root = fileURLToPath(new URL('../../..', import.meta.url));
type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;
const messages = en as Messages;

/** Keys only the manifest uses (`__MSG_key__` in wxt.config.ts), so no source file names them. */
const MANIFEST_KEYS = ['extName', 'extDescription', 'command_openCard', 'command_nextMention', 'command_previousMention', 'command_openPanel'];
/** Keys the background reads with `browser.i18n.getMessage` (the context menu). */
const BACKGROUND_KEYS = ['contextMenu_search'];

/** Every TypeScript file of the UI: popup, settings page, hover card, side panel, their shared parts and the i18n wiring. */
function uiSources(): string[] {
  const dirs = [
    'components/popup',
    'components/settings',
    'components/ui',
    'components/card',
    'components/panel',
    'entrypoints/content',
    'entrypoints/popup',
    'entrypoints/options',
    'entrypoints/sidepanel',
  ];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) files.push(path);
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files;
}

/** Keys named in source: t('key'...), t(cond ? 'a' : 'b'), and the values of `MessageKey` maps and arrays. */
function usedKeys(): Set<string> {
  // Category and topic names are looked up by derived keys (typed, so a missing string does not compile), not by literals.
  const keys = new Set<string>([...Object.values(CATEGORY_KEYS), ...Object.values(TOPIC_KEYS)]);
  for (const file of uiSources()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*([^,)]+)/g)) {
      // Only strings shaped like keys: `t(area === 'sync' ? ...)` names no key 'sync'.
      for (const literal of m[1]!.matchAll(/'([a-z]+_[A-Za-z0-9_]+|ext[A-Z]\w*)'/g)) keys.add(literal[1]!);
    }
    for (const m of text.matchAll(/[:[,]\s*'((?:popup|settings|category|common|card|panel|kind|side|topic|date|citation)_[A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('locale strings', () => {
  beforeAll(() => setMessageSource(jsonMessageSource(messages)));

  it('every key the UI uses exists in the English file', () => {
    const missing = [...usedKeys()].filter((key) => !(key in messages));
    expect(missing).toEqual([]);
  });

  it('every English string is used by the UI or the manifest (no dead strings for translators)', () => {
    const used = usedKeys();
    const unused = Object.keys(messages).filter((key) => !used.has(key) && !MANIFEST_KEYS.includes(key) && !BACKGROUND_KEYS.includes(key));
    expect(unused).toEqual([]);
  });

  it('keys are valid message names, every entry has a description, and every placeholder used is defined', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.description, key).toBeTruthy();
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()), `${key}: $${name}$`).toContain(name!.toLowerCase());
      }
    }
  });

  it('counts come in pairs (Chrome i18n has no plural rules): every `_one` message has its `_other`', () => {
    const keys = Object.keys(messages);
    expect(keys.filter((k) => k.endsWith('_one') && !keys.includes(k.replace(/_one$/, '_other')))).toEqual([]);
    expect(keys.filter((k) => k.endsWith('_other') && !keys.includes(k.replace(/_other$/, '_one')))).toEqual([]);
  });

  it('the manifest strings fit the stores’ limits (name 75, description 132 characters)', () => {
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('fills placeholders the way browsers do', () => {
    expect(t('popup_highlighted', 12)).toBe('12 highlighted');
    expect(t('settings_rejectLimit', [400, 'x.test', 300])).toBe('Line 400: “x.test”: the list is full (300 sites)');
    expect(jsonMessageSource({ a: { message: 'Cost: $$5 for $1' } })('a', ['you'])).toBe('Cost: $5 for you');
  });

  it('a missing key shows as itself, not as a blank', () => {
    setMessageSource(() => '');
    expect(t('popup_settings')).toBe('popup_settings');
    setMessageSource(jsonMessageSource(messages));
  });

  it('asks the browser once for each key and substitutions, and again after the source changes', () => {
    const asked: string[] = [];
    const counting = (key: string, subs?: string | string[]) => (asked.push(key), jsonMessageSource(messages)(key, subs));
    setMessageSource(counting);
    expect([t('popup_settings'), t('popup_settings'), t('popup_highlighted', 3), t('popup_highlighted', 3), t('popup_highlighted', 4)]).toEqual([
      'Settings',
      'Settings',
      '3 highlighted',
      '3 highlighted',
      '4 highlighted',
    ]);
    expect(asked).toEqual(['popup_settings', 'popup_highlighted', 'popup_highlighted']);
    setMessageSource(() => 'other');
    expect(t('popup_settings')).toBe('other');
    setMessageSource(jsonMessageSource(messages));
  });
});
