/**
 * The detection evaluation behind `npm run eval:detect`: runs the
 * extension's detector on the real articles of `tests/fixtures/detect/`
 * exactly as `npm run scan` does on a `.txt` page, and compares what it
 * highlights with the hand labels (format: tests/fixtures/detect/README.md).
 *
 * Pure functions over strings, so the unit test and the CLI share them and a
 * synthetic set can exercise each rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../lib/data/input-error.ts';
import { CATEGORIES, collapseText, findMentions, pageContext } from '../../lib/detect/index.ts';
import type { Category } from '../../lib/detect/index.ts';

/** A mention a careful reader wants highlighted. */
export interface WantLabel {
  context: string;
  mention: string;
  category: Category;
}

/** A use of the same words a reader would not want highlighted. */
export interface OffTopicLabel {
  context: string;
  mention: string;
  why: string;
}

/** One entry of labels.json: an article and its labels. */
export interface ArticleLabels {
  file: string;
  url: string;
  publisher: string | null;
  date: string | null;
  want: WantLabel[];
  offTopic: OffTopicLabel[];
}

/** A highlighted mention, in offsets of the article file. */
export interface Detected {
  start: number;
  end: number;
  text: string;
  term: string;
  category: Category;
}

/** A located label: its span in the article file and its line. */
export interface Span {
  start: number;
  end: number;
  line: number;
}

export interface WantMiss {
  file: string;
  line: number;
  category: Category;
  mention: string;
  context: string;
}

export interface FalseHighlight {
  file: string;
  line: number;
  text: string;
  term: string;
  /** The off-topic label's reason; absent for highlights on unrelated articles and unlabelled ones. */
  why?: string;
  context?: string;
}

export interface ArticleResult {
  file: string;
  /** No wanted mention and no off-topic use: nothing on it may be highlighted. */
  unrelated: boolean;
  wanted: number;
  found: number;
  offTopic: number;
  offTopicHighlighted: number;
  highlights: number;
  misses: WantMiss[];
  offTopicHits: FalseHighlight[];
  /** Highlights on an unrelated article. */
  unrelatedHits: FalseHighlight[];
  /** Highlights on a labelled article that overlap no label: a labelling gap or a false positive. */
  unlabelled: FalseHighlight[];
}

export interface Totals {
  articles: number;
  unrelatedArticles: number;
  wanted: number;
  found: number;
  /** found / wanted. */
  recall: number;
  offTopic: number;
  offTopicHighlighted: number;
  /** offTopicHighlighted / offTopic. */
  offTopicRate: number;
  /** Highlights on unrelated articles. */
  unrelatedHighlights: number;
  unlabelledHighlights: number;
  byCategory: Record<Category, { wanted: number; found: number; recall: number }>;
}

export interface Report {
  totals: Totals;
  articles: ArticleResult[];
}

/**
 * The blocks `npm run scan` matches on a `.txt` page (paragraphs between
 * blank lines, whitespace collapsed), each with the offset in the file of
 * every character of its collapsed text, so highlights map back to the file.
 * The split and collapse rules are scripts/scan.ts's; the unit test checks the
 * two agree on real articles.
 */
export function textBlocks(content: string): { text: string; offsets: number[] }[] {
  const blocks: { text: string; offsets: number[] }[] = [];
  let from = 0;
  for (const sep of [...content.matchAll(/\r?\n[ \t]*\r?\n/g), null]) {
    const to = sep === null ? content.length : sep.index;
    const raw = content.slice(from, to);
    let text = '';
    const offsets: number[] = [];
    let pendingSpace = false;
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i] ?? '';
      if (/\s/.test(ch) || ch === '\uFFFC') {
        pendingSpace = text !== '';
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        offsets.push(from + i - 1);
        pendingSpace = false;
      }
      text += ch;
      offsets.push(from + i);
    }
    if (text !== collapseText(raw)) throw new Error(`eval: block at offset ${from} collapses differently from collapseText`);
    if (text !== '') blocks.push({ text, offsets });
    if (sep !== null) from = sep.index + sep[0].length;
  }
  return blocks;
}

/**
 * What the extension highlights in a `.txt` article, as `npm run scan` finds
 * it: the first non-empty line is the page title, the blocks' text is the
 * page body for the page context, and each block goes through `findMentions`.
 */
export function detectText(content: string): Detected[] {
  const blocks = textBlocks(content);
  const title = content.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const page = pageContext(title, blocks.map((b) => b.text).join('\n'));
  return blocks.flatMap((b) =>
    findMentions(b.text, page).map((m) => {
      const start = b.offsets[m.start] ?? 0;
      const end = (b.offsets[m.end - 1] ?? 0) + 1;
      return { start, end, text: content.slice(start, end), term: m.term, category: m.category };
    }),
  );
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The span of `mention` (its first occurrence in the context, so a name
 * repeated in a list can be labelled from the left) inside the one
 * occurrence of `context` in `text`.
 * Throws (message without location; the caller adds it) when the context is
 * missing or not unique, or the mention is not in it.
 */
export function locate(text: string, context: string, mention: string): Span {
  const at = text.indexOf(context);
  if (at === -1) throw new Error(`context not found in the article: ${JSON.stringify(context)}`);
  if (text.indexOf(context, at + 1) !== -1) throw new Error(`context occurs more than once in the article: ${JSON.stringify(context)}`);
  const inner = context.indexOf(mention);
  if (mention === '' || inner === -1) throw new Error(`mention ${JSON.stringify(mention)} is not in its context ${JSON.stringify(context)}`);
  const start = at + inner;
  return { start, end: start + mention.length, line: lineAt(text, start) };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Compare the highlights of one article with its labels. */
export function evaluateArticle(labels: ArticleLabels, content: string, detected = detectText(content)): ArticleResult {
  const file = labels.file;
  const want = labels.want.map((l) => ({ label: l, span: locate(content, l.context, l.mention) }));
  const off = labels.offTopic.map((l) => ({ label: l, span: locate(content, l.context, l.mention) }));
  const unrelated = want.length === 0 && off.length === 0;
  const hit = (span: Span) => detected.some((d) => overlaps(d, span));
  const misses = want
    .filter((w) => !hit(w.span))
    .map((w) => ({ file, line: w.span.line, category: w.label.category, mention: w.label.mention, context: w.label.context }));
  const offTopicHits = off.flatMap((o) =>
    detected
      .filter((d) => overlaps(d, o.span))
      .map((d) => ({ file, line: o.span.line, text: d.text, term: d.term, why: o.label.why, context: o.label.context })),
  );
  const strays = detected
    .filter((d) => !want.some((w) => overlaps(d, w.span)) && !off.some((o) => overlaps(d, o.span)))
    .map((d) => ({ file, line: lineAt(content, d.start), text: d.text, term: d.term }));
  return {
    file,
    unrelated,
    wanted: want.length,
    found: want.length - misses.length,
    offTopic: off.length,
    offTopicHighlighted: off.filter((o) => hit(o.span)).length,
    highlights: detected.length,
    misses,
    offTopicHits,
    unrelatedHits: unrelated ? strays : [],
    unlabelled: unrelated ? [] : strays,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Per-article results and the totals over the set. */
export function evaluate(set: { labels: ArticleLabels; content: string }[]): Report {
  const articles = set.map((a) => evaluateArticle(a.labels, a.content));
  const sum = (f: (a: ArticleResult) => number) => articles.reduce((n, a) => n + f(a), 0);
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => {
      const wanted = set.reduce((n, a) => n + a.labels.want.filter((w) => w.category === c).length, 0);
      const missed = articles.reduce((n, a) => n + a.misses.filter((m) => m.category === c).length, 0);
      return [c, { wanted, found: wanted - missed, recall: ratio(wanted - missed, wanted) }];
    }),
  ) as Totals['byCategory'];
  const wanted = sum((a) => a.wanted);
  const found = sum((a) => a.found);
  const offTopic = sum((a) => a.offTopic);
  const offTopicHighlighted = sum((a) => a.offTopicHighlighted);
  return {
    totals: {
      articles: articles.length,
      unrelatedArticles: articles.filter((a) => a.unrelated).length,
      wanted,
      found,
      recall: ratio(found, wanted),
      offTopic,
      offTopicHighlighted,
      offTopicRate: offTopic === 0 ? 0 : offTopicHighlighted / offTopic,
      unrelatedHighlights: sum((a) => a.unrelatedHits.length),
      unlabelledHighlights: sum((a) => a.unlabelled.length),
      byCategory,
    },
    articles,
  };
}

/** Line of labels.json where `needle` (a JSON-encoded string) first appears, to point errors at it. */
function jsonLine(json: string, needle: string): number {
  const at = json.indexOf(JSON.stringify(needle));
  return at === -1 ? 1 : lineAt(json, at);
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/**
 * Parse and check labels.json against the articles: the shape of every
 * entry, one entry per article file and no other, every context found once
 * in its article, no label given twice. Errors name `labelsPath:line`.
 */
export function parseLabels(json: string, labelsPath: string, articles: ReadonlyMap<string, string>): ArticleLabels[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new InputError([`${labelsPath}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (!Array.isArray(data)) throw new InputError([`${labelsPath}:1: expected an array of articles`]);
  const seen = new Set<string>();
  const out = data.map((entry: unknown, i): ArticleLabels => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const file = e.file;
    const where = (needle: string) => `${labelsPath}:${jsonLine(json, needle)}`;
    if (!isString(file)) throw new InputError([`${labelsPath}: entry ${i}: "file" must be a string`]);
    const at = where(file);
    const content = articles.get(file);
    if (content === undefined) throw new InputError([`${at}: ${file}: no such article in articles/`]);
    if (seen.has(file)) throw new InputError([`${at}: ${file}: labelled twice`]);
    seen.add(file);
    if (!isString(e.url)) throw new InputError([`${at}: ${file}: "url" must be a string`]);
    for (const k of ['publisher', 'date'] as const) {
      if (e[k] !== null && !isString(e[k])) throw new InputError([`${at}: ${file}: "${k}" must be a string or null`]);
    }
    if (!Array.isArray(e.want) || !Array.isArray(e.offTopic)) throw new InputError([`${at}: ${file}: "want" and "offTopic" must be arrays`]);
    const spans: { start: number; end: number; context: string }[] = [];
    const check = (l: Record<string, unknown>, list: string, extra: 'category' | 'why') => {
      if (!isString(l.context) || !isString(l.mention)) throw new InputError([`${at}: ${file}: ${list}: "context" and "mention" must be strings`]);
      const lat = where(l.context);
      if (extra === 'category' && !CATEGORIES.includes(l.category as Category)) {
        throw new InputError([`${lat}: ${file}: category must be one of ${CATEGORIES.join(', ')}, not ${JSON.stringify(l.category)}`]);
      }
      if (extra === 'why' && (!isString(l.why) || l.why === '')) throw new InputError([`${lat}: ${file}: an off-topic label needs a "why"`]);
      let span: Span;
      try {
        span = locate(content, l.context, l.mention);
      } catch (err) {
        throw new InputError([`${lat}: ${file}: ${err instanceof Error ? err.message : String(err)}`]);
      }
      const twin = spans.find((s) => overlaps(s, span));
      if (twin !== undefined) throw new InputError([`${lat}: ${file}: the same words are labelled twice (also at ${JSON.stringify(twin.context)})`]);
      spans.push({ ...span, context: l.context });
    };
    for (const l of e.want as Record<string, unknown>[]) check(l, 'want', 'category');
    for (const l of e.offTopic as Record<string, unknown>[]) check(l, 'offTopic', 'why');
    return {
      file,
      url: e.url,
      publisher: e.publisher as string | null,
      date: e.date as string | null,
      want: e.want as WantLabel[],
      offTopic: e.offTopic as OffTopicLabel[],
    };
  });
  const unlabelled = [...articles.keys()].filter((f) => !seen.has(f));
  if (unlabelled.length > 0) throw new InputError([`${labelsPath}: no entry for ${unlabelled.join(', ')}`]);
  return out;
}

/** The development set on disk: `dir/articles/*.txt` and `dir/labels.json`. */
export function loadSet(dir: string): { labels: ArticleLabels; content: string }[] {
  const articleDir = join(dir, 'articles');
  const articles = new Map(
    readdirSync(articleDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => [f, readFileSync(join(articleDir, f), 'utf8')] as const),
  );
  const labelsPath = join(dir, 'labels.json');
  const labels = parseLabels(readFileSync(labelsPath, 'utf8'), labelsPath, articles);
  return labels.map((l) => ({ labels: l, content: articles.get(l.file) ?? '' }));
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The human-readable report: totals, one line per article, then every miss and false highlight. */
export function formatReport(report: Report): string {
  const t = report.totals;
  const lines: string[] = [];
  lines.push(
    `Detection on ${t.articles} articles (${t.unrelatedArticles} unrelated):`,
    `  recall            ${pct(t.recall)}  (${t.found}/${t.wanted} wanted mentions highlighted)`,
    ...CATEGORIES.map((c) => `    ${c.padEnd(15)} ${pct(t.byCategory[c].recall)}  (${t.byCategory[c].found}/${t.byCategory[c].wanted})`),
    `  off-topic rate    ${pct(t.offTopicRate)}  (${t.offTopicHighlighted}/${t.offTopic} off-topic uses highlighted)`,
    `  unrelated         ${t.unrelatedHighlights} highlight${t.unrelatedHighlights === 1 ? '' : 's'} on unrelated articles`,
    `  unlabelled        ${t.unlabelledHighlights} highlight${t.unlabelledHighlights === 1 ? '' : 's'} matching no label`,
    '',
    'Per article:',
  );
  for (const a of report.articles) {
    const parts = a.unrelated
      ? [`unrelated, ${a.unrelatedHits.length} highlighted`]
      : [
          `recall ${a.found}/${a.wanted}`,
          `off-topic ${a.offTopicHighlighted}/${a.offTopic}`,
          ...(a.unlabelled.length > 0 ? [`unlabelled ${a.unlabelled.length}`] : []),
        ];
    lines.push(`  ${a.file.padEnd(48)} ${parts.join(', ')}`);
  }
  const misses = report.articles.flatMap((a) => a.misses);
  const offHits = report.articles.flatMap((a) => a.offTopicHits);
  const unrelatedHits = report.articles.flatMap((a) => a.unrelatedHits);
  const unlabelled = report.articles.flatMap((a) => a.unlabelled);
  if (misses.length > 0) {
    lines.push('', `Missed (${misses.length}):`);
    for (const m of misses) lines.push(`  ${m.file}:${m.line}  ${m.category.padEnd(9)} ${JSON.stringify(m.mention)}  in "${m.context}"`);
  }
  if (offHits.length > 0) {
    lines.push('', `Off-topic highlighted (${offHits.length}):`);
    for (const h of offHits) lines.push(`  ${h.file}:${h.line}  ${JSON.stringify(h.text)} as ${h.term} (${h.why})  in "${h.context}"`);
  }
  if (unrelatedHits.length > 0) {
    lines.push('', `Highlighted on unrelated articles (${unrelatedHits.length}):`);
    for (const h of unrelatedHits) lines.push(`  ${h.file}:${h.line}  ${JSON.stringify(h.text)} as ${h.term}`);
  }
  if (unlabelled.length > 0) {
    lines.push('', `Highlighted, no label (${unlabelled.length}):`);
    for (const h of unlabelled) lines.push(`  ${h.file}:${h.line}  ${JSON.stringify(h.text)} as ${h.term}`);
  }
  return lines.join('\n');
}
