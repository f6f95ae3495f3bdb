import { ENTITIES, type Entity, speakerOf, unnamedSpeaker } from './entities.ts';
import type { Speaker } from './types.ts';

/**
 * Finding entity names in text and resolving the subject of a speech verb
 * ("Huawei Chairman Liang Hua", "he", "the executive", "some experts") to a
 * speaker, using the entity table and what the text has named so far.
 */

export interface Mention {
  entity: Entity;
  /** Offsets relative to the searched string. */
  start: number;
  end: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ALIASES: { alias: string; entity: Entity }[] = ENTITIES.flatMap((entity) =>
  entity.aliases.map((alias) => ({ alias, entity })),
).sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));

const ALIAS_OF = new Map(ALIASES.map((a) => [a.alias, a.entity]));

/** Longest alias first, whole words only, case-sensitive ("Ren", not "ren"). */
const ALIAS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ALIASES.map((a) => escapeRegExp(a.alias)).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Every entity mention in `text`, left to right, non-overlapping. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(ALIAS_RE)) {
    const entity = ALIAS_OF.get(m[0]);
    if (entity) out.push({ entity, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * What the text has named so far in the current section, most recent first.
 * Pronouns and definite descriptions ("the executive") resolve against it.
 */
export class Salience {
  #recent: Entity[] = [];

  /** Records entities named in `text` (in reading order). */
  see(text: string): void {
    for (const m of findMentions(text)) this.note(m.entity);
  }

  note(entity: Entity): void {
    this.#recent = [entity, ...this.#recent.filter((e) => e.id !== entity.id)];
  }

  /** The last-named person the pronoun can refer to. */
  pronoun(p: 'he' | 'she'): Entity | undefined {
    return this.#recent.find((e) => e.type === 'person' && e.pronoun === p);
  }

  /** The last-named entity that carries `title` ("executive", "founder"). */
  titled(title: string): Entity | undefined {
    const t = title.toLowerCase();
    return this.#recent.find((e) => e.titles?.some((x) => x.toLowerCase() === t));
  }
}

const TITLES = [...new Set(ENTITIES.flatMap((e) => e.titles ?? []).map((t) => t.toLowerCase()))];
const DESCRIPTOR_RE = new RegExp(
  `(?:^|\\s)(the|a|an)\\s+((?:[\\p{L}\\p{N}'’.-]+\\s+){0,3}?)(${TITLES.map(escapeRegExp).join('|')})$`,
  'iu',
);
const GROUP_RE =
  /(?:^|\s)(?:some|many|several|other)\s+(?:groups?\s+of\s+)?(?:[A-Z][\w.]*\s+)?(politicians|experts|officials|critics|lawmakers|analysts|observers)(?:\s+in\s+[A-Z][\w.]*)?$/i;

/**
 * Resolves the noun phrase that ends right before a speech verb. The name
 * must END the phrase (it is the verb's subject), so in "Joe Biden took
 * charge ... and Ren expects" only "Ren" can be the subject. Returns null
 * rather than guessing: an unresolved subject makes the sentence narration.
 */
export function resolveSubject(np: string, salience: Salience): Speaker | null {
  const phrase = np.trim();
  if (phrase === '') return null;
  const pronoun = /^(?:(?:and|but|so)\s+)?(he|she)$/i.exec(phrase);
  if (pronoun) {
    const e = salience.pronoun(pronoun[1]!.toLowerCase() as 'he' | 'she');
    return e ? speakerOf(e) : null;
  }
  const mentions = findMentions(phrase);
  const last = mentions.at(-1);
  if (last && last.end === phrase.length) return speakerOf(last.entity);

  const d = DESCRIPTOR_RE.exec(phrase);
  if (d) {
    const definite = d[1]!.toLowerCase() === 'the';
    if (definite) {
      const e = salience.titled(d[3]!);
      return e ? speakerOf(e) : null;
    }
    // "A top Huawei executive": someone of that organization, unnamed here.
    const orgs = new Set(findMentions(d[2]!).filter((m) => m.entity.type === 'organization').map((m) => m.entity));
    const [org] = orgs;
    return orgs.size === 1 && org ? speakerOf(org) : null;
  }
  const g = GROUP_RE.exec(phrase);
  if (g) return unnamedSpeaker(g[1]!);
  return null;
}

/**
 * Resolves a name phrase that FOLLOWS a speech verb ("said Huawei Chairman
 * Liang Hua at the company's headquarters"): the first person named, else
 * the only organization, else a pronoun.
 */
export function resolveNamePhrase(phrase: string, salience: Salience): Speaker | null {
  const p = phrase.trim();
  const pronoun = /^(he|she)\b/i.exec(p);
  if (pronoun) {
    const e = salience.pronoun(pronoun[1]!.toLowerCase() as 'he' | 'she');
    return e ? speakerOf(e) : null;
  }
  const mentions = findMentions(p);
  const person = mentions.find((m) => m.entity.type === 'person');
  if (person) return speakerOf(person.entity);
  const first = mentions[0];
  if (first && first.start === 0) return speakerOf(first.entity);
  return resolveSubject(p, salience);
}
