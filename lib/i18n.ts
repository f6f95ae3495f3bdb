/**
 * The UI's strings, from the extension's locale files
 * (`public/_locales/<lang>/messages.json`, English first), so translating
 * the popup, settings page, hover card and side panel is adding a file. `t`
 * is typed by the English file's keys: a misspelt key fails the type check,
 * not in front of a reader.
 *
 * The lookup is injected: entrypoints call
 * `setMessageSource(browser.i18n.getMessage)` once at startup, or import
 * `lib/i18n-browser.ts`, which does it (the side panel, the content script);
 * tests and tools use `jsonMessageSource` over the same JSON, which follows
 * the browser's rules for placeholders, so both render the same text.
 */
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let source: GetMessage | undefined;
/**
 * The strings already looked up, by key and substitutions. The browser's
 * getMessage costs about 0.1 ms a call in a content script, and a card or a
 * panel row asks for the same few strings over and over (2.7 ms of the first
 * card's 55 ms in a trace); a locale does not change while a page lives.
 */
const looked = new Map<string, string>();

export function setMessageSource(getMessage: GetMessage): void {
  source = getMessage;
  looked.clear();
}

/**
 * The string for `key` in the reader's language, with `$1`... filled from
 * `substitutions`. A key missing from the locale shows as itself, visible in
 * a screenshot and caught by the key test, rather than as a blank.
 */
export function t(key: MessageKey, substitutions?: string | number | readonly (string | number)[]): string {
  if (!source) throw new Error('i18n: setMessageSource was not called');
  const subs = substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  const id = subs === undefined ? key : `${key}\u0000${subs.join('\u0000')}`;
  let text = looked.get(id);
  if (text === undefined) {
    text = source(key, subs) || key;
    looked.set(id, text);
  }
  return text;
}

/**
 * A getMessage over a messages.json object, as browsers implement it:
 * named placeholders (`$count$`, case-insensitive) are replaced by their
 * `content`, then `$1`-`$9` by the substitutions, and `$$` is a dollar sign.
 */
export function jsonMessageSource(messages: Record<string, MessageEntry>): GetMessage {
  const byKey = new Map(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v]));
  return (key, substitutions) => {
    const entry = byKey.get(key.toLowerCase());
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
    const fill = (text: string) => text.replace(/\$\$|\$(\d)/g, (match, n: string | undefined) => (n ? (subs[Number(n) - 1] ?? '') : '$'));
    return fill(entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (match, name: string) => placeholders.get(name.toLowerCase()) ?? match));
  };
}
