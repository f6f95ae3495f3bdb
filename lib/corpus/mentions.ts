import { type Entity, type EntityTable, type Speaker, speakerOf, unnamedSpeaker } from '../vocabulary/entities.ts';

/**
 * Resolving the subject of a speech verb ("Huawei Chairman Liang Hua", "he",
 * "the executive", "some experts") to a speaker, using the entity table and
 * what the text has named so far.
 */

/**
 * What the text has named so far in the current section, most recent first.
 * Pronouns and definite descriptions ("the executive") resolve against it.
 * It carries the document's entity table, so every resolution uses the
 * speakers that document knows (the table's and those found in its text).
 */
export class Salience {
  readonly table: EntityTable;
  #recent: Entity[] = [];
  #lastSpeaker: Entity | undefined;
  #spoken = new Set<string>();

  constructor(table: EntityTable) {
    this.table = table;
  }

  /** Records entities named in `text` (in reading order). */
  see(text: string): void {
    for (const m of this.table.findEntities(text)) this.note(m.entity);
  }

  note(entity: Entity): void {
    this.#recent = [entity, ...this.#recent.filter((e) => e.id !== entity.id)];
  }

  /** Records the party a statement was just attributed to (for "it said"). */
  spoke(entity: Entity): void {
    this.#lastSpeaker = entity;
    this.#spoken.add(entity.id);
    this.note(entity);
  }

  /** Whether the section has given the party words of its own so far (a quote, a turn, a reported claim). */
  hasSpoken(id: string): boolean {
    return this.#spoken.has(id);
  }

  /**
   * The last-named person the pronoun can refer to. A person found in the
   * text whose pronoun the text never gave is a candidate for either, but
   * only while nobody has been named since.
   */
  pronoun(p: 'he' | 'she'): Entity | undefined {
    const people = this.#recent.filter((e) => e.type === 'person');
    const first = people[0];
    if (first && first.pronoun === undefined) return first;
    return people.find((e) => e.pronoun === p);
  }

  /** The most recently named entity that passes `test`. */
  recent(test: (e: Entity) => boolean): Entity | undefined {
    return this.#recent.find(test);
  }

  /** Who was last given a statement (for "the statement read"). */
  lastSpeaker(): Entity | undefined {
    return this.#lastSpeaker;
  }

  /**
   * "it said": the organisation that last spoke, if the last speaker was one
   * and no other organisation has been named since ("The department announced
   * ... Huawei's business ... It has said": "it" may be either, so nobody).
   */
  it(): Entity | undefined {
    const org = this.#lastSpeaker;
    if (org?.type !== 'organization') return undefined;
    return this.#recent.find((e) => e.type === 'organization') === org ? org : undefined;
  }

  /**
   * The last-named entity that carries `title` ("executive", "founder"). A
   * more recent party found in the text (whose titles the table never gave)
   * of the same kind makes it unsure: nobody.
   */
  titled(title: string): Entity | undefined {
    const t = title.toLowerCase();
    for (const e of this.#recent) {
      if (e.titles?.some((x) => x.toLowerCase() === t)) return e;
      if (e.provisional && e.type === (ORG_TITLES.has(t) ? 'organization' : 'person')) return undefined;
    }
    return undefined;
  }
}

/** A statement as the subject of "read"/"said": "the Huawei statement", "the ministry's statement", "the statement". */
const STATEMENT_RE = /^(?:the\s+|a\s+|its\s+|his\s+|her\s+|their\s+)?(.*?)(?:['’]s)?\s*\b(?:statement|press release|release|letter|notice|post)$/i;

/** Titles that stand for an organisation ("the company said"), not a person. */
const ORG_TITLES = new Set(['company', 'firm', 'giant', 'group', 'ministry', 'department', 'agency', 'government', 'administration', 'commission', 'bureau']);

/**
 * A group the text does not name: "some experts in China", "Republican
 * lawmakers", "many analysts". A capitalised modifier without a quantifier
 * counts too; a bare group noun ("officials said") as well.
 */
const GROUP_RE =
  /(?:^|\s)(?:(?:some|many|several|other|most)\s+)?(?:groups?\s+of\s+)?(?:[A-Z][\w.]*\s+)?(politicians|experts|officials|critics|lawmakers|analysts|observers|sources|diplomats|legislators|senators|regulators|authorities|prosecutors)(?:\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w.]*)?$/;
const OBJECT_OF_PREPOSITION = /(?:^|\s)(?:in|of|from|at|to|for|with|by|against|on|about|over|than)\s+(?:the\s+)?$/i;

function pronounEntity(p: string, salience: Salience): Entity | undefined {
  const w = p.toLowerCase();
  return w === 'it' ? salience.it() : salience.pronoun(w as 'he' | 'she');
}

/**
 * Resolves the noun phrase that ends right before a speech verb. The name
 * must END the phrase (it is the verb's subject), so in "Joe Biden took
 * charge ... and Ren expects" only "Ren" can be the subject. Returns null
 * rather than guessing: an unresolved subject makes the sentence narration.
 */
export function resolveSubject(np: string, salience: Salience): Speaker | null {
  const phrase = np.trim();
  if (phrase === '') return null;
  const pronoun = /^(?:(?:and|but|so|where|when|as)\s+)?(he|she|it)$/i.exec(phrase);
  if (pronoun) {
    const e = pronounEntity(pronoun[1]!, salience);
    return e ? speakerOf(e) : null;
  }
  const g = GROUP_RE.exec(phrase);
  if (g) return unnamedSpeaker(g[1]!);
  const mentions = salience.table.findEntities(phrase);
  const last = mentions.at(-1);
  // The name must head the phrase: in "experts in China" or "critics of Huawei" it is an object, not the speaker.
  if (last && last.end === phrase.length && !OBJECT_OF_PREPOSITION.test(phrase.slice(0, last.start))) return speakerOf(last.entity);

  // "the Huawei statement read", "the ministry's statement": whoever issued it; "the statement": who last spoke.
  const issued = STATEMENT_RE.exec(phrase);
  if (issued) {
    const by = issued[1]!.trim();
    if (by === '') {
      const e = salience.lastSpeaker();
      return e ? speakerOf(e) : null;
    }
    return resolveSubject(by, salience) ?? resolveSubject(`the ${by}`, salience);
  }

  const d = salience.table.descriptor.exec(phrase);
  if (d) {
    const definite = d[1]!.toLowerCase() === 'the';
    if (definite) {
      const e = salience.titled(d[3]!);
      return e ? speakerOf(e) : null;
    }
    // "A top Huawei executive": someone of that organization, unnamed here.
    const orgs = new Set(salience.table.findEntities(d[2]!).filter((m) => m.entity.type === 'organization').map((m) => m.entity));
    const [org] = orgs;
    return orgs.size === 1 && org ? speakerOf(org) : null;
  }
  return null;
}

/**
 * Resolves a name phrase that FOLLOWS a speech verb ("said Huawei Chairman
 * Liang Hua at the company's headquarters"): the first person named, else
 * the only organization, else a pronoun.
 */
export function resolveNamePhrase(phrase: string, salience: Salience): Speaker | null {
  const p = phrase.trim();
  const pronoun = /^(he|she|it)$/i.exec(p) ?? /^(he|she)\b/i.exec(p);
  if (pronoun) {
    const e = pronounEntity(pronoun[1]!, salience);
    return e ? speakerOf(e) : null;
  }
  const mentions = salience.table.findEntities(p);
  const person = mentions.find((m) => m.entity.type === 'person');
  if (person) return speakerOf(person.entity);
  const first = mentions[0];
  if (first && first.start === 0) return speakerOf(first.entity);
  return resolveSubject(p, salience);
}
