import { escapeLiteral } from './patterns.ts';

/**
 * The camp a speaker belongs to; drives the card's grouping and colours.
 * `unnamed` is a party the source does not identify ("some groups of
 * politicians"): it is kept apart so that a vague claim is never shown under a
 * named camp the text does not name.
 */
export type Side =
  | 'huawei'
  | 'chinese-government'
  | 'us-government'
  | 'independent'
  | 'press'
  | 'unnamed';

export interface Speaker {
  /** Stable key in the entity table, e.g. "ren-zhengfei". */
  id: string;
  /** Canonical display name, e.g. "Ren Zhengfei". */
  name: string;
  /** Role and affiliation, e.g. "Founder and CEO, Huawei". */
  role: string;
  side: Side;
}

/**
 * The parties the corpus quotes, as a table a maintainer edits:
 * `seeds/entities.json`. It is the only hand-kept knowledge attribution
 * uses: who exists, how texts name them, and which camp they belong to. It
 * never says which sentence is whose; the rules in `attribute.ts` decide that
 * from the text. `seeds.ts` validates the file (file:line on every problem).
 */
export interface Entity extends Speaker {
  type: 'person' | 'organization';
  /**
   * Names the text may use, matched case-sensitively on word boundaries, e.g.
   * "Ren Zhengfei", "Ren" (surname), "Zhengfei" (given name, as in 004).
   * The longest alias wins, so "Trump administration" beats "Trump".
   */
  aliases: string[];
  /**
   * Role nouns a definite description may use for this entity once it has
   * been named: "the executive", "the Huawei founder" resolve to the most
   * recently named entity carrying that title.
   */
  titles?: string[];
  /** Upper-case transcript labels, e.g. "GOGOI" for `GOGOI: ...`. */
  labels?: string[];
  /** Pronoun used for people ("he said"); organizations have none. */
  pronoun?: 'he' | 'she';
  /**
   * Prefixes of a `publisher` in provenance.json that mean the entity
   * published the document itself: its text is then its own words.
   */
  publishes?: string[];
  /**
   * Set on a speaker the rules found in a document's text (a person named with
   * a role) rather than in the table: `--report` lists them for a maintainer
   * to confirm and give a side. Never written to `seeds/entities.json`.
   */
  provisional?: { line: number; phrase: string; rule: string };
}

export const SIDES: readonly Side[] = ['huawei', 'chinese-government', 'us-government', 'independent', 'press', 'unnamed'];

/** Camps that dispute each other: the build links a rebuttal to an opposed camp's claim (`lib/corpus/link.ts`), the card a denial to the claims it denies (`lib/search/query.ts`). */
const OPPOSED: ReadonlySet<string> = new Set(
  (
    [
      ['huawei', 'us-government'],
      ['chinese-government', 'us-government'],
      ['unnamed', 'huawei'],
      ['unnamed', 'chinese-government'],
    ] satisfies [Side, Side][]
  ).flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]),
);

export function opposed(a: Side, b: Side): boolean {
  return OPPOSED.has(`${a}|${b}`);
}

const FIELDS = ['id', 'name', 'type', 'role', 'side', 'pronoun', 'aliases', 'titles', 'labels', 'publishes', 'note'] as const;
const LISTS = ['aliases', 'titles', 'labels', 'publishes'] as const;

/**
 * Problems of one entry of `seeds/entities.json`, each with the field it is
 * about (so the caller can name the field's line). Empty when it is fine.
 */
export function validateEntity(value: unknown): { field: string | null; problem: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field: null, problem: 'entry is not an object' }];
  const o = value as Record<string, unknown>;
  const out: { field: string | null; problem: string }[] = [];
  const bad = (field: string | null, problem: string) => out.push({ field, problem });
  for (const k of Object.keys(o)) {
    if (!(FIELDS as readonly string[]).includes(k)) bad(k, `unknown field "${k}" (fields: ${FIELDS.join(', ')})`);
  }
  for (const k of ['id', 'name', 'role'] as const) {
    if (typeof o[k] !== 'string' || (o[k] as string).trim() === '') bad(k in o ? k : null, `"${k}" must be a non-empty string`);
  }
  if (typeof o.id === 'string' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(o.id)) bad('id', `"id" must be lower-case words joined by "-", got "${o.id}"`);
  if (o.type !== 'person' && o.type !== 'organization') bad('type' in o ? 'type' : null, `"type" must be "person" or "organization", got ${JSON.stringify(o.type)}`);
  if (!SIDES.includes(o.side as Side)) bad('side' in o ? 'side' : null, `"side" must be one of ${SIDES.join(', ')}, got ${JSON.stringify(o.side)}`);
  if (o.pronoun !== undefined) {
    if (o.pronoun !== 'he' && o.pronoun !== 'she') bad('pronoun', `"pronoun" must be "he" or "she", got ${JSON.stringify(o.pronoun)}`);
    else if (o.type !== 'person') bad('pronoun', '"pronoun" is for persons only');
  }
  for (const k of LISTS) {
    if (o[k] === undefined) {
      if (k === 'aliases') bad(null, '"aliases" is missing (the names the text uses, incl. the full name)');
      continue;
    }
    const list = o[k];
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === '' || x !== x.trim())) {
      bad(k, `"${k}" must be an array of non-empty, trimmed strings`);
    } else if (new Set(list).size !== list.length) bad(k, `"${k}" lists the same string twice`);
    else if (k === 'aliases' && list.length === 0) bad(k, '"aliases" must list at least one name');
    else if (k === 'labels' && list.some((x) => x !== x.toUpperCase())) bad(k, '"labels" are upper-case transcript labels ("REN:")');
  }
  if (o.note !== undefined && typeof o.note !== 'string') bad('note', '"note" must be a string');
  return out;
}

/**
 * Where a text names a party of the table. Not the page matcher's `Mention`
 * (`lib/detect/types.ts`): that one is a highlighted term with a category;
 * this one is an alias resolved to the entity it names.
 */
export interface EntityMention {
  entity: Entity;
  /** Offsets relative to the searched string. */
  start: number;
  end: number;
}

/**
 * The entity table in the form the rules use: lookups by id, label and
 * publisher, and one regular expression of every alias (longest first). A
 * document's attribution works on an `extend()`ed copy, to which speakers
 * found in that document's text are added.
 */
export class EntityTable {
  readonly entities: readonly Entity[];
  #byId: Map<string, Entity>;
  #aliasOf = new Map<string, Entity>();
  #aliasRe: RegExp | null = null;
  #descriptor = /$^/;

  constructor(entities: readonly Entity[]) {
    this.entities = [...entities];
    this.#byId = new Map(this.entities.map((e) => [e.id, e]));
    this.#index();
  }

  #index(): void {
    const aliases = this.entities
      .flatMap((entity) => entity.aliases.map((alias) => ({ alias, entity })))
      .sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias));
    this.#aliasOf = new Map();
    for (const a of aliases) if (!this.#aliasOf.has(a.alias)) this.#aliasOf.set(a.alias, a.entity);
    this.#aliasRe =
      aliases.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map((a) => escapeLiteral(a.alias)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    const titles = [...new Set(this.entities.flatMap((e) => e.titles ?? []).map((t) => t.toLowerCase()))];
    this.#descriptor =
      titles.length === 0
        ? /$^/
        : new RegExp(`(?:^|\\s)(the|a|an)\\s+((?:[\\p{L}\\p{N}'’.-]+\\s+){0,3}?)(${titles.map(escapeLiteral).join('|')})$`, 'iu');
  }

  /** A copy that speakers and names found in one document can be added to (the table stays as it is). */
  extend(): EntityTable {
    return new EntityTable(this.entities.map((e) => ({ ...e, aliases: [...e.aliases] })));
  }

  /** Whether `alias` already names a party. */
  hasAlias(alias: string): boolean {
    return this.#aliasOf.has(alias);
  }

  /** Adds a speaker found in the text; its aliases join the table for the rest of the document. */
  add(entity: Entity): void {
    (this.entities as Entity[]).push(entity);
    this.#byId.set(entity.id, entity);
    this.#index();
  }

  byId(id: string): Entity | undefined {
    return this.#byId.get(id);
  }

  byLabel(label: string): Entity | undefined {
    return this.entities.find((e) => e.labels?.includes(label));
  }

  /**
   * A description ending in a title noun of the table: "the Huawei founder"
   * (groups: article, modifiers, title). Never matches when no entity has titles.
   */
  get descriptor(): RegExp {
    return this.#descriptor;
  }

  /**
   * Every entity mention in `text`, left to right, non-overlapping. Where
   * aliases overlap the longest wins wherever it starts: in "The U.S.
   * Commerce Department" it is "U.S. Commerce Department", not "The U.S.".
   */
  findEntities(text: string): EntityMention[] {
    const re = this.#aliasRe;
    if (!re) return [];
    const all: EntityMention[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const entity = this.#aliasOf.get(m[0]);
      if (entity) all.push({ entity, start: m.index, end: m.index + m[0].length });
      re.lastIndex = m.index + 1;
    }
    const chosen: EntityMention[] = [];
    for (const m of [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (chosen.every((c) => m.end <= c.start || m.start >= c.end)) chosen.push(m);
    }
    return chosen.sort((a, b) => a.start - b.start);
  }

  /** Adds a name the text uses for a known party (a misspelling, say), for this document only. */
  addAlias(entity: Entity, alias: string): void {
    if (this.#aliasOf.has(alias)) return;
    entity.aliases.push(alias);
    this.#index();
  }

  /** Adds role nouns that stand for a known party in one document ("the spokesman" of its ministry); a new array, the table's stays as it is. */
  addTitles(entity: Entity, titles: readonly string[]): void {
    entity.titles = [...new Set([...(entity.titles ?? []), ...titles])];
    this.#index();
  }

  /** The entity that published a document itself, if any (see `publishes`). */
  selfPublisher(publisher: string | null): Entity | undefined {
    if (publisher === null) return undefined;
    return this.entities.find((e) => e.publishes?.some((p) => publisher.startsWith(p)));
  }
}

/** Id prefix of a speaker found in a document's text rather than the table (see `discover.ts`). */
export const PROVISIONAL_ID = 'new:';

/**
 * Whether a statement's speaker was found in the text, not the table: named,
 * but with no confirmed side yet (its side is `unnamed` until a maintainer
 * adds it to `seeds/entities.json`).
 */
export function isProvisional(speaker: Speaker): boolean {
  return speaker.id.startsWith(PROVISIONAL_ID);
}

/** The plain `Speaker` of an entity (what a statement stores). */
export function speakerOf(e: Speaker): Speaker {
  return { id: e.id, name: e.name, role: e.role, side: e.side };
}

/**
 * The speaker for a document's own narration: the publication, on the press
 * side. Its display name is the publisher up to the first "(" or ",",
 * e.g. "KGOU (Oklahoma public radio ...)" -> "KGOU".
 */
export function pressSpeaker(file: string, publisher: string | null): Speaker {
  const short = publisher?.split(/\s*[(,]/)[0]?.trim();
  const name = short && short.length > 0 ? short : 'Unknown publisher';
  return {
    id: `press:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
    name,
    role: `Publisher of ${file} (the writer's own narration)`,
    side: 'press',
  };
}

/**
 * A party the text describes but does not name ("some groups of
 * politicians", "some experts in China"). Its side is `unnamed` on purpose.
 */
export function unnamedSpeaker(noun: string): Speaker {
  const n = noun.toLowerCase();
  return { id: `unnamed-${n}`, name: `Unnamed ${n}`, role: 'Not identified by the source', side: 'unnamed' };
}
