/**
 * The list of sites where Source Context is off: what a valid entry is, what
 * it covers, and the text forms it is imported from and exported to. Pure
 * functions over plain arrays; the store persists the result.
 *
 * Entries are host names as `location.hostname` reports them (lowercase,
 * punycode, no port), so a check is a string comparison. An entry also
 * covers its subdomains: a reader who types "example.com" means the site,
 * and "www.example.com" or "m.example.com" are the same site to them. The
 * card's "Turn off on this site" adds the exact host it is on.
 */
import { MAX_DISABLED_SITES, type Settings } from './schema.ts';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOST = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * The host name a reader meant, or undefined when there is none. Accepts a
 * bare host, a pasted URL ("https://www.example.com/news?x") or a block-list
 * wildcard ("*.example.com", which entries already imply); lowercases it,
 * converts international names to punycode (what `location.hostname` holds)
 * and drops a port and a trailing dot.
 */
export function normalizeHost(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  if (!text || /\s/.test(text)) return undefined;
  if (text.startsWith('*.')) text = text.slice(2);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text);
  let host: string;
  try {
    const url = new URL(hasScheme ? text : `http://${text}`);
    if (!/^https?:$/.test(url.protocol) || url.username || url.password) return undefined;
    host = url.hostname;
  } catch {
    return undefined;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('[') && host.endsWith(']')) return host; // IPv6, already canonical
  if (IPV4.test(host)) {
    // The URL parser reads "123" or "0x7f.1" as IPv4 addresses; only accept what the reader wrote as one.
    const written = hasScheme ? host : text.split(/[/:?#]/, 1)[0]!.replace(/\.$/, '');
    return written === host ? host : undefined;
  }
  return HOST.test(host) ? host : undefined;
}

/** Whether list entry `site` covers `host`: the same host or one of its subdomains (IP addresses: only the same). */
export function siteCovers(site: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === site) return true;
  return !IPV4.test(site) && !site.startsWith('[') && h.endsWith(`.${site}`);
}

export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, host: string): boolean {
  return settings.disabledSites.some((site) => siteCovers(site, host));
}

/** Whether highlights should show on `host`: not paused and not turned off there. */
export function isActiveOn(settings: Pick<Settings, 'disabledSites' | 'paused'>, host: string): boolean {
  return !settings.paused && !isSiteDisabled(settings, host);
}

/** Sorted, deduplicated, at most MAX_DISABLED_SITES. */
export function tidySites(sites: Iterable<string>): string[] {
  return [...new Set(sites)].sort().slice(0, MAX_DISABLED_SITES);
}

/**
 * The list after turning the extension off (`off`) or back on for `host`.
 * Turning on removes every entry that covers the host, including a parent
 * domain: otherwise the switch would stay off after the reader flipped it.
 */
export function withSiteDisabled(sites: readonly string[], host: string, off: boolean): string[] {
  const normalized = normalizeHost(host);
  if (!normalized) return [...sites];
  if (!off) return sites.filter((site) => !siteCovers(site, normalized));
  return sites.some((site) => siteCovers(site, normalized)) ? [...sites] : tidySites([...sites, normalized]);
}

export type RejectReason = 'invalid' | 'limit';

export interface SiteImport {
  /** The merged list, ready to store. */
  sites: string[];
  /** Entries new to the list. */
  added: string[];
  /** Entries the list already covered. */
  duplicates: number;
  /** Lines (1-based, as in the file) that were not taken, and why. */
  rejected: { line: number; text: string; reason: RejectReason }[];
}

/**
 * Merges an imported list into `current`. Reads what `formatSiteList`
 * writes (one host per line, `#` comments, or JSON: an array of strings or
 * `{ "disabledSites": [...] }`), and lists hand-made or from other tools:
 * URLs, wildcards, blank lines. Never throws: a line that is not a host is
 * reported with its number, the rest is still imported.
 */
export function importSiteList(text: string, current: readonly string[]): SiteImport {
  const entries = parseEntries(text);
  const sites = new Set(current);
  const added: string[] = [];
  const rejected: SiteImport['rejected'] = [];
  let duplicates = 0;
  for (const { line, text: entry } of entries) {
    const host = normalizeHost(entry);
    if (!host) rejected.push({ line, text: entry, reason: 'invalid' });
    else if (sites.has(host)) duplicates++;
    else if (sites.size >= MAX_DISABLED_SITES) rejected.push({ line, text: entry, reason: 'limit' });
    else {
      sites.add(host);
      added.push(host);
    }
  }
  return { sites: tidySites(sites), added, duplicates, rejected };
}

function parseEntries(text: string): { line: number; text: string }[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      const list = Array.isArray(json) ? json : (json as { disabledSites?: unknown } | null)?.disabledSites;
      // JSON has no useful line numbers: report the entry's position instead.
      if (Array.isArray(list)) return list.map((value, i) => ({ line: i + 1, text: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) }));
    } catch {
      // Not JSON after all (a host list cannot start with "[" legitimately, but a typo can): read it as lines.
    }
  }
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ line: i + 1, text: line.trim() }))
    .filter((entry) => entry.text !== '' && !entry.text.startsWith('#'));
}

export type SiteListFormat = 'text' | 'json';

/** The list as a file: one host per line under a comment saying what it is, or JSON `{ "disabledSites": [...] }`. Both import back unchanged. */
export function formatSiteList(sites: readonly string[], format: SiteListFormat, heading = 'Source Context: sites where it is off'): string {
  if (format === 'json') return `${JSON.stringify({ disabledSites: [...sites] }, null, 2)}\n`;
  return `# ${heading}\n${sites.map((site) => `${site}\n`).join('')}`;
}
