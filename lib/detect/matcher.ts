/**
 * The single-pass matcher: the whole term table compiled into one RegExp, so
 * a text is scanned once whatever the number of terms. Each table entry is
 * one capturing group; the group that matched names the term.
 */
import { TERMS, type TermDef } from '../vocabulary/terms.ts';
import type { Mention } from './types.ts';
import NAMES from '../vocabulary/names.json' with { type: 'json' };
import { escapeLiteral, sharedEdges } from '../vocabulary/patterns.ts';
import { blockSignals, compiledNow, decideBlock, memoize, NEUTRAL_PAGE, type BlockDecision, type PageContext, type PageInput } from './context.ts';

/**
 * The table as one RegExp source (flags `gu`), one capturing group per term
 * in table order, consecutive terms with word edges sharing their edge
 * checks (see `sharedEdges`).
 */
export function termsSource(terms: readonly TermDef[] = TERMS): string {
  return sharedEdges(terms, (pattern) => `(${pattern})`).join('|');
}

/**
 * All terms, in table order (earlier entries win at the same position).
 * Built at first use: the content script loads in every frame, and most
 * frames never hold a candidate block.
 */
const allTerms = memoize(() => compiledNow(new RegExp(termsSource(), 'gu')));

/**
 * Cheap superset test run on every text node before the full matcher: a
 * case-insensitive search for one distinctive word of every term. A term that
 * is split across nodes at word boundaries ("Liang <b>Hua</b>") still leaves
 * its distinctive word whole in one node, so its block is still examined.
 */
export const PREFILTER = new RegExp(
  [
    ...personWords(),
    ...'huawei|hisilicon|futurewei|华为|華為|sanction|entity|export|blacklist|black.list|chip|semiconductor|direct|fdpr|spy|espionage|door|crack|clamp|curb|restrict|embargo|limit|\\bban|\\bbar|\\bblock|\\bcut'.split('|'),
  ].join('|'),
  'i',
);

/**
 * The prefilter's words for Huawei's people (`names.json`: the names are
 * data): per name, the word a name split across nodes still leaves whole,
 * its longest when that is distinctive (5 letters or more: "Liang" of
 * "Liang Hua"), else the whole name ("Ken Hu": "ken" is inside "taken");
 * a CJK name whole; and the surnames that stand alone ("Meng").
 */
function personWords(): string[] {
  const words = NAMES.huaweiPeople.flatMap(({ names }) =>
    names.map((name) => {
      const longest = name.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
      return (longest.length >= 5 ? longest : name).toLowerCase();
    }),
  );
  return [...new Set([...words, ...NAMES.namedAlone.map((n) => n.toLowerCase())])].map(escapeLiteral);
}

/**
 * Every term occurrence in `text`, sorted, non-overlapping, without the
 * context rule: what the text literally says.
 */
export function matchTerms(text: string): Mention[] {
  const out: Mention[] = [];
  const re = allTerms();
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const def = TERMS[group - 1];
    if (def === undefined) throw new Error(`matcher: no term for group ${group}`);
    out.push({ category: def.category, start: m.index, end: m.index + m[0].length, text: m[0], term: def.term });
  }
  return out;
}

const GENERIC_TERMS = new Set(TERMS.filter((t) => t.generic).map((t) => t.term));
const BACK_REFERENCES = new Set(TERMS.filter((t) => t.backReference).map((t) => t.term));

/** A mention that names a measure in words of its own: a sanctions term that is not a back-reference. */
const namesMeasure = (m: Mention) => m.category === 'sanctions' && !BACK_REFERENCES.has(m.term);

const pageMeasures = new WeakMap<PageContext, boolean>();

/**
 * Whether the page's title or body sample names a measure ({@link namesMeasure}):
 * what its back-references may refer to. Worked out once per page, and only
 * when a back-reference needs it: it runs the term table over the sample
 * (about a millisecond for 30,000 characters, warm).
 */
function pageNamesMeasure(page: PageContext): boolean {
  let known = pageMeasures.get(page);
  if (known === undefined) pageMeasures.set(page, (known = matchTerms(page.text).some(namesMeasure)));
  return known;
}

/** Whether a term needs the context rule to confirm it (sanctions, backdoor…). */
export function isGenericTerm(term: string): boolean {
  return GENERIC_TERMS.has(term);
}

/**
 * The mentions the extension highlights in `text`, treated as one block:
 * names always, generic words only when {@link decideBlock} says the block
 * is on topic, given the page (a neutral page when `page` is omitted, so the
 * block alone must show the topic).
 */
export function findMentions(text: string, page: PageInput = NEUTRAL_PAGE): Mention[] {
  return applyContext(text, matchTerms(text), page).mentions;
}

/**
 * Drop the generic mentions of `raw` (from `matchTerms(text)`) unless the
 * block is on topic. The block signals are computed only when there is a
 * generic mention to decide about.
 */
export function applyContext(
  text: string,
  raw: Mention[],
  page: PageInput,
): { mentions: Mention[]; decision: BlockDecision | null } {
  if (!raw.some((m) => GENERIC_TERMS.has(m.term))) return { mentions: raw, decision: null };
  const decision = decideBlock(blockSignals(text), page);
  if (!decision.onTopic) return { mentions: raw.filter((m) => !GENERIC_TERMS.has(m.term)), decision };
  // A back-reference refers to a measure the block or the page names itself; else it is another
  // story's ("the new restrictions" of a Covid-19 lockdown on a page about Chinese factories).
  const referred = (): boolean => raw.some(namesMeasure) || pageNamesMeasure(typeof page === 'function' ? page() : page);
  return { mentions: raw.some((m) => BACK_REFERENCES.has(m.term)) && !referred() ? raw.filter((m) => !BACK_REFERENCES.has(m.term)) : raw, decision };
}
