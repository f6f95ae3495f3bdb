/**
 * A saved page's metadata, as the page itself states it: meta tags (og:,
 * article:, citation_, twitter:, dc., parsely-, itemprop), schema.org JSON-LD
 * (an Article / NewsArticle / BlogPosting..., also inside `@graph`, with `@id`
 * references resolved) and `<link rel=canonical>`. Every field records where
 * it came from, so the provenance entry can say so; a field the page does not
 * state stays null. Nothing is inferred from the URL, the file name or the
 * text: a guessed date or author is worse than none.
 */

export const META_KEYS = ['title', 'publisher', 'author', 'date', 'url'] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** One field's value and the tag or property it was read from (`og:title`, `JSON-LD datePublished`...). */
export interface Found {
  value: string;
  source: string;
}

export interface PageMeta {
  fields: Record<MetaKey, Found | null>;
  /** Values the page has but that could not be used (an unreadable date), for the notes. */
  skipped: string[];
}

/** The minimal DOM surface read here (linkedom's document provides it). */
interface Doc {
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/** schema.org types that describe an article (the list Readability uses). */
const ARTICLE_TYPE =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$/;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clean(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = unescapeEntities(v).replace(/[\s\u00a0]+/g, ' ').trim();
  return t === '' ? null : t;
}

/**
 * Some sites escape entities twice (`&amp;#39;`), so the parsed attribute
 * still shows them; a second decoding pass gives what the page means.
 */
function unescapeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (m, dec: string, hex: string, name: string) => {
    const cp = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : -1;
    if (name) return named[name.toLowerCase()] ?? m;
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const isUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);

/**
 * Meta tags and microdata values by lower-cased key (`property`, `name` or
 * `itemprop`; a property may list several keys), every value in page order.
 * Microdata counts on any element that carries its value in an attribute
 * (`<time itemprop="datePublished" content=...>`); `<time pubdate>` is keyed
 * `pubdate`.
 */
function metaTags(doc: Doc): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string) => out.set(key, [...(out.get(key) ?? []), value]);
  for (const el of doc.querySelectorAll('meta, [itemprop][content], [itemprop][datetime], time[pubdate][datetime]')) {
    const value = clean(el.getAttribute('content') ?? el.getAttribute('value') ?? el.getAttribute('datetime'));
    if (value === null) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('itemprop'), el.getAttribute('pubdate') !== null ? 'pubdate' : null]
      .flatMap((k) => (k ?? '').toLowerCase().split(/\s+/))
      .filter((k) => k !== '');
    for (const k of new Set(keys)) add(k, value);
  }
  return out;
}

/** Every JSON-LD object on the page, arrays and `@graph`s flattened; unreadable scripts are skipped. */
function jsonLdObjects(doc: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) v['@graph'].forEach(visit);
    }
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = (el.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    try {
      visit(JSON.parse(raw));
    } catch {
      // A broken script block says nothing reliable; the meta tags still may.
    }
  }
  return out;
}

const types = (o: Json) => (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).filter((t): t is string => typeof t === 'string');

/** Names of a JSON-LD person/organisation value: a string, an object with `name`, an `@id` reference, or a list of those. */
function names(v: unknown, byId: Map<string, Json>): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => names(x, byId));
  if (typeof v === 'string') return isUrl(v) ? [] : [v];
  if (!isObject(v)) return [];
  const target = typeof v['@id'] === 'string' && v.name === undefined ? byId.get(v['@id']) : v;
  const name = target ? clean(target.name) : null;
  return name ? [name] : [];
}

function ldUrl(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v['@id'] === 'string') return v['@id'];
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function ymd(y: string, m: string | number, d: string | number): string | null {
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/**
 * The calendar date a page's date value states, as `YYYY[-MM[-DD]]`, or null
 * when it cannot be read. The date is taken as written, never shifted to
 * UTC: "2017-01-13T00:00:04-05:00" was published on the 13th where it was
 * published.
 */
export function calendarDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(v) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T\s])/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?:\d{6})?$/.exec(v);
  if (m) return ymd(m[1]!, m[2]!, m[3]!);
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(v))) return `${m[1]}-${m[2]}`;
  if (/^\d{4}$/.test(v)) return v;
  // "June 7, 2019", "Fri Mar 13 21:30:09 EST 2015", "7 June 2019": the first such date in the value.
  for (const d of v.matchAll(/\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?\s+)?(\d{4})\b/gi)) {
    const month = MONTHS.indexOf(d[1]!.toLowerCase()) + 1;
    if (month > 0) return ymd(d[3]!, month, d[2]!);
  }
  for (const d of v.matchAll(/\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/gi)) {
    const month = MONTHS.indexOf(d[2]!.toLowerCase()) + 1;
    if (month > 0) return ymd(d[3]!, month, d[1]!);
  }
  return null;
}

/** "By Jane Smith" -> "Jane Smith"; handles and URLs are not names. */
function authorName(v: string): string | null {
  const t = v.replace(/^by\s+/i, '').trim();
  if (t === '' || isUrl(t) || t.startsWith('@')) return null;
  return t;
}

/**
 * A byline element's text can carry the date and a comment count glued to
 * the name ("Lucas Nolan22 Dec 2016651"); a name has no digits.
 */
const readsAsName = (name: string) => !/\d/.test(name);

/** Reads the page's own metadata. `fallbackTitle` / `byline` are Readability's (the document title, the byline element). */
export function readMetadata(doc: Doc, fallback: { title?: string | null; byline?: string | null } = {}): PageMeta {
  const tags = metaTags(doc);
  const objects = jsonLdObjects(doc);
  const byId = new Map(objects.filter((o) => typeof o['@id'] === 'string').map((o) => [o['@id'] as string, o]));
  const article = objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  const skipped: string[] = [];

  const first = (candidates: [string, string | null | undefined][]): Found | null => {
    for (const [source, value] of candidates) if (value) return { value, source };
    return null;
  };
  const tag = (key: string) => tags.get(key)?.[0];
  const ld = (key: string) => (article ? clean(article[key]) : null);
  /** Authors from one source, joined; a value that does not read as a name is reported, not used. */
  const namesFrom = (source: string, raw: (string | null)[]) => {
    const list = [...new Set(raw.map((v) => (v === null ? null : authorName(v))).filter((n): n is string => n !== null))];
    for (const n of list.filter((x) => !readsAsName(x))) skipped.push(`${source} "${n}" does not read as a name`);
    const good = list.filter(readsAsName);
    return good.length > 0 ? good.join(', ') : undefined;
  };
  const tagNames = (key: string) => () => namesFrom(key, tags.get(key) ?? []);
  const ldNames = (key: string) => () => namesFrom(`JSON-LD ${key}`, article ? names(article[key], byId) : []);

  const publisher = first([
    ['JSON-LD publisher', article ? names(article.publisher, byId)[0] : undefined],
    ['og:site_name', tag('og:site_name')],
    ['citation_publisher', tag('citation_publisher')],
    ['citation_journal_title', tag('citation_journal_title')],
    ['dc.publisher', tag('dc.publisher')],
    ['article:publisher', tag('article:publisher') && !isUrl(tag('article:publisher')!) ? tag('article:publisher') : undefined],
  ]);
  // Sources are read in turn, so only the ones consulted can report a value they could not use.
  const firstOf = (candidates: [string, () => string | undefined][]): Found | null => {
    for (const [source, read] of candidates) {
      const value = read();
      if (value) return { value, source };
    }
    return null;
  };
  const author = firstOf([
    ['JSON-LD author', ldNames('author')],
    ['JSON-LD creator', ldNames('creator')],
    ['meta author', tagNames('author')],
    ['article:author', tagNames('article:author')],
    ['og:article:author', tagNames('og:article:author')],
    ['citation_author', tagNames('citation_author')],
    ['dc.creator', tagNames('dc.creator')],
    ['parsely-author', tagNames('parsely-author')],
    ['sailthru.author', tagNames('sailthru.author')],
    ['byl', tagNames('byl')],
    ['byline in the page', () => namesFrom('byline in the page', [clean(fallback.byline)])],
  ]);

  let title = first([
    ['JSON-LD headline', ld('headline')],
    ['og:title', tag('og:title')],
    ['twitter:title', tag('twitter:title')],
    ['citation_title', tag('citation_title')],
    ['dc.title', tag('dc.title')],
    ['parsely-title', tag('parsely-title')],
    ['JSON-LD name', ld('name')],
    ['document title', clean(fallback.title)],
  ]);
  // "Headline - BBC News", "Headline | Jane Smith": the suffix is the site or the author, stated elsewhere.
  if (title) {
    const suffix = /^(.+?)\s+[|\-–—·:]\s+([^|\-–—·:]+)$/.exec(title.value);
    const same = (a: string, b: string | undefined) => b !== undefined && a.replace(/\W+/g, '').toLowerCase() === b.replace(/\W+/g, '').toLowerCase();
    if (suffix && (same(suffix[2]!, publisher?.value) || author?.value.split(', ').some((a) => same(suffix[2]!, a)))) {
      title = { value: suffix[1]!, source: `${title.source}, without its "${suffix[2]}" suffix` };
    }
  }

  const dateCandidates: [string, string | null | undefined][] = [
    ['JSON-LD datePublished', ld('datePublished')],
    ['article:published_time', tag('article:published_time')],
    ['article:published', tag('article:published')],
    ['itemprop datePublished', tag('datepublished')],
    ['citation_publication_date', tag('citation_publication_date')],
    ['citation_date', tag('citation_date')],
    ['dc.date.issued', tag('dc.date.issued')],
    ['dc.date', tag('dc.date')],
    ['parsely-pub-date', tag('parsely-pub-date')],
    ['article:publicationdate', tag('article:publicationdate')],
    ['time pubdate', tag('pubdate')],
    ['pdate', tag('pdate')],
    ['date', tag('date')],
    ['JSON-LD dateCreated', ld('dateCreated')],
  ];
  let date: Found | null = null;
  for (const [source, raw] of dateCandidates) {
    if (!raw) continue;
    const value = calendarDate(raw);
    if (value) {
      date = { value, source: `${source} "${raw}"` };
      break;
    }
    skipped.push(`${source} "${raw}" is not a date this tool reads`);
  }

  const canonical = [...doc.querySelectorAll('link[rel~="canonical" i]')].map((l) => clean(l.getAttribute('href')))[0];
  const http = (v: string | null | undefined) => (v && /^https?:\/\/\S+$/i.test(v) ? v : undefined);
  if (canonical && !http(canonical)) skipped.push(`link rel=canonical "${canonical}" is not an absolute http(s) URL`);
  const url = first([
    ['link rel=canonical', http(canonical)],
    ['og:url', http(tag('og:url'))],
    ['JSON-LD url', http(article ? ldUrl(article.url) : null)],
    ['JSON-LD mainEntityOfPage', http(article ? ldUrl(article.mainEntityOfPage) : null)],
    ['twitter:url', http(tag('twitter:url'))],
    ['citation_public_url', http(tag('citation_public_url'))],
    ['citation_abstract_html_url', http(tag('citation_abstract_html_url'))],
    ['parsely-link', http(tag('parsely-link'))],
  ]);

  return { fields: { title, publisher, author, date, url }, skipped };
}
