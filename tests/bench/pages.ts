/**
 * Generated benchmark pages: news-like articles with mentions mixed in, from
 * a seeded generator so every run (and every machine) scans the same bytes.
 *
 * Why generated pages at all, when real pages exist: the real pages top out
 * around 1.6 MB of HTML and a few hundred KB of text, and only a handful
 * mention the topics. The generated ones cover the sizes a long live blog or
 * an archive page reaches (up to 5 MB of text), a DOM made of tens of
 * thousands of small text nodes, and a known density of mentions, both the
 * ones the context rule keeps (Huawei stories) and the ones it drops
 * (sanctions on Russia, Apple vs FBI).
 */

/** A deterministic PRNG (mulberry32): the same seed gives the same page. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const SUBJECTS = ['The ministry', 'Regional officials', 'The company', 'Analysts at the bank', 'The city council', 'Local operators', 'The regulator', 'Industry groups', 'The committee', 'Economists', 'The carrier', 'Union leaders'];
const VERBS = ['said on Tuesday that', 'warned that', 'argued that', 'expects that', 'confirmed that', 'told reporters that', 'noted in a filing that', 'suggested that'];
const CLAUSES = [
  'quarterly revenue had risen faster than forecast',
  'the rollout of new base stations would slow this year',
  'prices for consumers were unlikely to change soon',
  'the project remained on schedule despite the weather',
  'demand for fibre connections in rural areas was growing',
  'the merger would face a lengthy review',
  'spending on infrastructure would double by the end of the decade',
  'a second round of talks was planned for the autumn',
  'the budget deficit had narrowed for the third year running',
  'suppliers were struggling to keep up with orders',
  'the new handset would go on sale in the spring',
  'shares fell sharply in early trading before recovering',
];
const TAILS = ['according to people familiar with the matter', 'in a statement', 'at a press conference in the capital', 'in an interview', 'without giving details', 'citing internal documents', ''];

/** Sentences whose terms are always highlighted (names). */
export const NAME_SENTENCES = [
  'Huawei said it would continue to serve its customers in the region.',
  "Ren Zhengfei, Huawei's founder, told reporters the company had never been asked to hand over data.",
  'Meng Wanzhou returned to Shenzhen after the case against her was dropped.',
  'Liang Hua, the chairman of Huawei, said the company was willing to sign agreements with governments.',
  'Huawei Technologies reported higher sales of network equipment abroad.',
  '华为 declined to comment on the report.',
];
/** Generic terms in an on-topic block: kept by the context rule. */
export const ON_TOPIC_SENTENCES = [
  'The Commerce Department added Huawei to the Entity List, cutting it off from American suppliers.',
  'Washington tightened export controls on chips sold to Chinese companies such as Huawei and SMIC.',
  'Huawei offered to sign a no-spy agreement with European governments, saying its equipment had no backdoor.',
  'New sanctions on Chinese chipmakers followed the foreign direct product rule announced last year.',
  'Beijing said the chip restrictions on China were an abuse of state power against 5G suppliers.',
];
/** Generic terms in an off-topic block: dropped by the context rule. */
export const OFF_TOPIC_SENTENCES = [
  'The European Union extended sanctions on Russia for another six months.',
  'The FBI asked Apple to build a backdoor into the iPhone used in San Bernardino.',
  'Merkel sought a no-spy agreement with Washington after the NSA revelations.',
  'Export controls on Iran were tightened after the talks collapsed.',
];

function fillerSentence(rng: Rng): string {
  const tail = pick(rng, TAILS);
  return `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, CLAUSES)}${tail ? `, ${tail}` : ''}.`;
}

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** Wraps a random word of a sentence in an inline element, as articles do with links. */
function withInline(rng: Rng, sentence: string): string {
  const words = escape(sentence).split(' ');
  if (words.length < 6 || rng() > 0.35) return words.join(' ');
  const at = 1 + Math.floor(rng() * (words.length - 3));
  const tag = pick(rng, ['a href="#"', 'em', 'strong']);
  words[at] = `<${tag}>${words[at]}</${tag.split(' ')[0]}>`;
  return words.join(' ');
}

export interface ParagraphOptions {
  /** Share of paragraphs that carry a mention sentence (default 0.3). */
  mentionShare?: number;
  /** Split every few words into its own <span> (many small text nodes). */
  fragmented?: boolean;
}

/** One news paragraph: 3–6 filler sentences, sometimes a mention sentence among them. */
export function paragraph(rng: Rng, options: ParagraphOptions = {}): string {
  const sentences: string[] = [];
  const n = 3 + Math.floor(rng() * 4);
  for (let i = 0; i < n; i++) sentences.push(fillerSentence(rng));
  if (rng() < (options.mentionShare ?? 0.3)) {
    const r = rng();
    const pool = r < 0.5 ? NAME_SENTENCES : r < 0.8 ? ON_TOPIC_SENTENCES : OFF_TOPIC_SENTENCES;
    sentences.splice(Math.floor(rng() * n), 0, pick(rng, pool));
  }
  if (options.fragmented) {
    // ~3 words per text node, alternating spans and bare text.
    const words = escape(sentences.join(' ')).split(' ');
    const parts: string[] = [];
    for (let i = 0; i < words.length; i += 3) {
      const chunk = words.slice(i, i + 3).join(' ');
      parts.push((i / 3) % 2 ? `<span>${chunk} </span>` : `${chunk} `);
    }
    return `<p>${parts.join('')}</p>`;
  }
  return `<p>${sentences.map((s) => withInline(rng, s)).join(' ')}</p>`;
}

function shell(title: string, body: string): string {
  const nav = ['World', 'Business', 'Technology', 'Markets', 'Opinion', 'Video'].map((s) => `<li><a href="#">${s}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:0 auto;padding:1em}nav ul{display:flex;gap:1em;list-style:none;padding:0}aside{font-size:.9em;color:#555}</style>
<script type="application/json">{"analytics":"Huawei sanctions export controls inside a script are never scanned"}</script>
</head><body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${escape(title)}</h1>
${body}
</article><aside><h2>Related</h2><ul><li><a href="#">Markets close higher as investors weigh rate outlook</a></li><li><a href="#">Carriers test new spectrum bands</a></li></ul></aside></main>
<footer><p>© Example News. All rights reserved.</p></footer></body></html>`;
}

/** Body of about `textBytes` of paragraph text, with headings, quotes and lists in between. */
function articleBody(rng: Rng, textBytes: number, options: ParagraphOptions = {}): string {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < textBytes) {
    const p = paragraph(rng, options);
    parts.push(p);
    size += p.replace(/<[^>]+>/g, '').length;
    i++;
    if (i % 8 === 0) parts.push(`<h2>${escape(fillerSentence(rng).slice(0, 60))}</h2>`);
    if (i % 13 === 0) parts.push(`<blockquote>${escape(fillerSentence(rng))}</blockquote>`);
    if (i % 21 === 0) parts.push(`<ul>${[0, 1, 2].map(() => `<li>${escape(fillerSentence(rng))}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}

export interface GeneratedPage {
  /** File name it is served under. */
  name: string;
  /** What it stands for, for the report. */
  description: string;
  html: string;
}

const KB = 1000;
const MB = 1000 * KB;

/** The generated scan pages: 10 KB to 5 MB of text, plus one with 50,000+ text nodes. */
export function scanPages(quick: boolean): GeneratedPage[] {
  const sizes = quick ? [10 * KB, 200 * KB] : [10 * KB, 100 * KB, 1 * MB, 5 * MB];
  const pages = sizes.map((bytes, i) => ({
    name: `gen-${bytes >= MB ? `${bytes / MB}mb` : `${bytes / KB}kb`}.html`,
    description: `${bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`} of news text`,
    html: shell('Carriers weigh the cost of replacing network equipment', articleBody(random(1000 + i), bytes)),
  }));
  // ~3 words per text node: 1.1 MB of text makes ~60,000 text nodes.
  const fragmentedBytes = quick ? 60 * KB : 1100 * KB;
  pages.push({
    name: 'gen-nodes.html',
    description: `${fragmentedBytes / KB} KB of text in ~3-word text nodes`,
    html: shell('Live: reactions to the new chip rules', articleBody(random(77), fragmentedBytes, { fragmented: true })),
  });
  return pages;
}

/** A page with exactly `mentions` name mentions (always highlighted), four per paragraph, for hover hit-testing. */
export function hoverPage(mentions = 1000): GeneratedPage {
  const rng = random(4242);
  const names = ['Huawei', 'Ren Zhengfei', 'Meng Wanzhou', 'Liang Hua'];
  const paragraphs: string[] = [];
  for (let i = 0; i < mentions / 4; i++) {
    const sentences = [fillerSentence(rng), fillerSentence(rng)];
    const withNames = names.map((n) => `${n} ${pick(rng, VERBS)} ${pick(rng, CLAUSES)}.`);
    paragraphs.push(`<p>${[...withNames.slice(0, 2), ...sentences, ...withNames.slice(2)].join(' ')}</p>`);
  }
  return { name: 'gen-hover.html', description: `${mentions} name mentions`, html: shell('Huawei at the trade fair', paragraphs.join('\n')) };
}

/** The dynamic page's starting article (about 20 KB of text). */
export function dynamicBasePage(): GeneratedPage {
  return { name: 'gen-dynamic.html', description: '20 KB article, then appended batches', html: shell('Live blog: the chip rules', articleBody(random(9), 20 * KB)) };
}

/** `count` paragraphs' HTML for the dynamic page's appended batches (seeded per batch). */
export function batchHtml(batch: number, count: number): string {
  const rng = random(50_000 + batch);
  return Array.from({ length: count }, () => paragraph(rng)).join('');
}
