import type { CleanDocument } from './clean.ts';
import { type Entity, type EntityTable, PROVISIONAL_ID, type Side } from '../vocabulary/entities.ts';
import { findQuotes } from './segment.ts';
import { lineColumn, type Span } from './text.ts';

/**
 * Speakers the entity table does not know, found in a document's own words
 * the way news introduces people: a title before the name ("Commerce
 * Secretary Jane Roe said"), an appositive ("Jane Roe, a spokeswoman for the
 * ministry, said"), a spokesperson of a named body ("a Commerce Department
 * spokesperson told AFP"), a capitalised name as the subject of a reporting
 * verb ("Acme warned that ..."), and misspellings of a known name. Each
 * becomes a *provisional* entity of this document only: its aliases (full
 * name, surname, given name) resolve later references, `--report` lists it
 * for a maintainer to confirm and give a side. Its side is derived only when
 * its affiliation names a party of the table ("U.S. Commerce Secretary":
 * the U.S. government); otherwise it is `unnamed`, never a guessed camp.
 */

/** Role nouns that introduce a person's name or stand for them ("the spokeswoman"). */
const ROLE =
  '(?:[Ss]pokes(?:man|woman|person)|[Ss]ecretary(?: of [A-Za-z]+)?|[Mm]inister|[Cc]hair(?:man|woman|person)?|[Vv]ice [Pp]resident|[Pp]resident|' +
  'CEO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Ff]ounder|[Dd]irector(?:-[Gg]eneral)?|[Ss]enator|Sen\\.|[Rr]epresentative|Rep\\.|[Aa]mbassador|' +
  '[Gg]overnor|[Cc]ommissioner|[Aa]dministrator|[Pp]rofessor|[Aa]nalyst|[Oo]fficial|[Hh]ead|[Dd]eputy|[Uu]ndersecretary|[Aa]dvis[eo]r|' +
  '[Ll]awmaker|[Cc]ongress(?:man|woman)|[Pp]remier|[Ee]xecutive|[Oo]fficer|[Ee]conomist|[Rr]esearcher|[Ee]nvoy|[Aa]ttorney [Gg]eneral|[Cc]ounsel|[Pp]artner|[Ee]ditor|[Cc]orrespondent)';

/** A role noun on its own ("President"): never an alias of the person it precedes. */
const ROLE_WORD = new RegExp(`^${ROLE}$`, 'u');

const NAME_WORD = "[A-Z][\\p{Ll}’'-]+(?:-[A-Z][\\p{Ll}]+)?";
/** Two or three capitalised words, a middle initial allowed: "Gina Raimondo", "Wilbur L. Ross". */
const PERSON_NAME = `${NAME_WORD}(?:\\s+[A-Z]\\.)?(?:\\s+${NAME_WORD}){1,2}`;

const TITLE_BEFORE_NAME = new RegExp(
  `((?:(?:[A-Z][\\p{L}.&’'-]*|of|for|the)\\s+){0,4}?)\\b(${ROLE})\\s+(${PERSON_NAME})(?![\\p{L}])(?!\\s+[A-Z][\\p{Ll}])`,
  'gu',
);
const APPOSITIVE = new RegExp(`(?<![\\p{L}.]\\s|[\\p{L}])(${PERSON_NAME}),\\s+((?:a|an|the)\\s+)?([^,;:"“”]{0,60}?\\b${ROLE}\\b[^,;:"“”]{0,60}),`, 'gu');

/** A body a spokesperson or official speaks for: "a Commerce Department spokesperson", "a spokesman for the Foreign Ministry". */
const BODY_WORDS = "(?:[A-Z][\\p{L}.&’'-]*)(?:\\s+(?:of|for|and|[A-Z][\\p{L}.&’'-]*))*";
const SPOKESPERSON_OF_BODY = new RegExp(
  `\\b[Aa]n?\\s+(?:(${BODY_WORDS})\\s+(?:spokes(?:man|woman|person)|official|representative)|(?:spokes(?:man|woman|person)|official|representative)\\s+(?:for|of|at|from)\\s+(?:the\\s+)?(${BODY_WORDS}))`,
  'gu',
);

/** Verbs whose capitalised subject is a speaker even when the table does not know it. */
const SUBJECT_VERB =
  '(?:said|says|stated|warned|warns|confirmed|confirms|announced|denied|denies|argued|claimed|insisted|added that|told [\\p{L} ]{1,30}? that|urged|accused|rejected|opposed|opposes|responded|replied|' +
  'expressed|voiced|reported|rebuffed|blasted|slammed|hit back|pushed back|vowed|demanded)';
const SUBJECT_BEFORE_VERB = new RegExp(
  `(?:^|[.!?]\\s+|[;,]\\s+(?:and\\s+|but\\s+)?)((?:[Tt]he\\s+)?(?:[A-Z][\\p{L}.&’'-]*)(?:\\s+(?:of|for|and|[A-Z][\\p{L}.&’'-]*)){0,4})(?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?(?:\\s+(?:has|have|had|also))*\\s+${SUBJECT_VERB}(?![\\p{L}])`,
  'gu',
);

/** A person's name with their age set off by commas before a reporting verb: "Ada Brook, 61, said". */
const NAME_AGE_BEFORE_VERB = new RegExp(`(?<![\\p{L}])(${PERSON_NAME}),\\s+\\d{1,3},\\s+(?:also\\s+)?${SUBJECT_VERB}(?![\\p{L}])`, 'gu');

/** One to three capitalised words, as a quote's tag names its speaker. */
const TAG_NAME = "[A-Z][\\p{L}’'-]+(?:\\s+[A-Z][\\p{L}’'-]+){0,2}";
/** The name in a quotation's tag: `," says Parata` / `," Werner said`. */
const QUOTE_TAG_NAME = new RegExp(
  `[,.!?][\u201d"]\\s*(?:(?:says|said|adds|added|continued|explained)\\s+(${TAG_NAME})|(${TAG_NAME})\\s+(?:says|said|adds|added)(?![\\p{L}]))`,
  'gu',
);
/** A body a sentence cites: "..., according to the Harbour Authority." */
const ACCORDING_TO_BODY = new RegExp(`\\baccording to (?:the\\s+)?(${BODY_WORDS})`, 'gu');

/** Words that begin a sentence or name no one: never a speaker's name. */
const NOT_A_NAME = new Set(
  (
    'The A An It Its This That These Those They Their There Here He She His Her We I You Our Some Many Other Others Several Such Both Each ' +
    'In On At For But And So As If When While After Before Meanwhile However Also Yet Still Then Now Last Next Monday Tuesday Wednesday ' +
    'Thursday Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr ' +
    'Officials Critics Experts Analysts Sources Reports Lawmakers Republicans Democrats'
  ).split(' '),
);

/** Last words that make a capitalised phrase an organisation rather than a person. */
const ORG_WORD =
  /(?:^|\s)(?:Department|Ministry|Commission|Agency|Bureau|Office|Council|Committee|Company|Co\.|Corp\.?|Corporation|Inc\.?|Ltd\.?|Group|Technologies|Administration|Government|House|Congress|Senate|Parliament|Party|Embassy|University|Institute|Association|Federation|Union|Court|Board|Authority|Service|Services|Times|News|Post|Journal|Press|Agency)$/;

export interface Discovery {
  entity: Entity;
  /** Which shape named it: title, appositive, spokesperson, subject, variant. */
  rule: string;
  line: number;
  /** The words that introduced it, as the text has them. */
  phrase: string;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Side from an affiliation: the side of the one table party it names, else `unnamed`. */
function sideOf(affiliation: string, table: EntityTable): Side {
  const sides = new Set(
    table
      .findEntities(affiliation)
      .filter((m) => !m.entity.provisional && m.entity.side !== 'press')
      .map((m) => m.entity.side),
  );
  const [only] = sides;
  return sides.size === 1 && only ? only : 'unnamed';
}

function pronounOf(role: string, source: string, surname: string): 'he' | 'she' | undefined {
  if (/woman\b/i.test(role) || new RegExp(`\\b(?:Ms|Mrs|Miss)\\.?\\s+${surname}\\b`).test(source)) return 'she';
  if (/\b\w*man\b/i.test(role) || new RegExp(`\\bMr\\.?\\s+${surname}\\b`).test(source)) return 'he';
  return undefined;
}

function roleNoun(role: string): string | undefined {
  return new RegExp(`${ROLE}(?!.*${ROLE})`, 'u').exec(role)?.[0]?.toLowerCase();
}

/** Titles a definite description may use for a spokesperson or a body ("the spokeswoman", "the ministry"). */
function titlesFor(role: string | undefined, name: string): string[] {
  const out = new Set<string>();
  if (role) {
    out.add(role);
    if (/^spokes/.test(role)) for (const t of ['spokesperson', 'spokesman', 'spokeswoman']) out.add(t);
  }
  const last = /(\p{L}+)$/u.exec(name)?.[1]?.toLowerCase();
  if (last && ORG_WORD.test(` ${last[0]!.toUpperCase()}${last.slice(1)}`)) out.add(last);
  return [...out];
}

/** Text of a paragraph with its quotations blanked (offsets kept): names inside quotes introduce no one. */
function outsideQuotes(source: string, span: Span): string {
  let text = source.slice(span[0], span[1]);
  for (const q of findQuotes(source, span)) {
    const s = q.outer[0] - span[0];
    const e = q.outer[1] - span[0];
    text = text.slice(0, s) + ' '.repeat(e - s) + text.slice(e);
  }
  return text;
}

/** Every word of four letters or more capitalised: a Title Case headline, where capitals say nothing about names. */
function isTitleCase(text: string): boolean {
  const words = (text.match(/\p{L}[\p{L}’'-]*/gu) ?? []).filter((w) => w.length >= 4);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}

/** Whether `a` is `b` with two neighbouring letters swapped ("Feilds" / "Fields"). */
function oneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length]!;
}

/**
 * A known person's one-word alias as the page misspells it ("Zhengfie" for
 * "Zhengfei"): six letters or more, same initial, one letter off or two
 * neighbours swapped (two letters off from eight letters). One person only, or none.
 */
function singleVariantOf(word: string, table: EntityTable): Entity | undefined {
  if (word.length < 6) return undefined;
  const near = new Set<Entity>();
  for (const e of table.entities) {
    if (e.type !== 'person' || e.provisional) continue;
    for (const alias of e.aliases) {
      if (alias.includes(' ') || alias[0] !== word[0] || alias === word) continue;
      if (levenshtein(word, alias) <= (alias.length >= 8 ? 2 : 1) || oneSwap(word, alias)) near.add(e);
    }
  }
  const [only] = near;
  return near.size === 1 ? only : undefined;
}

/**
 * A known person's full name as the page misspells it ("Ren Zhenfei"): same
 * number of words, one word identical, the other a letter or two off with
 * the same initial.
 */
function variantOf(name: string, table: EntityTable): Entity | undefined {
  const words = name.split(/\s+/);
  if (words.length === 1) return singleVariantOf(name, table);
  if (words.length !== 2) return undefined;
  for (const e of table.entities) {
    if (e.type !== 'person' || e.provisional) continue;
    for (const alias of e.aliases) {
      const aw = alias.split(/\s+/);
      if (aw.length !== 2) continue;
      const same = words.filter((w, i) => w === aw[i]).length;
      const k = words[0] === aw[0] ? 1 : 0;
      const w = words[k]!;
      const a = aw[k]!;
      if (same === 1 && w[0] === a[0] && w.length >= 4 && levenshtein(w, a) <= (a.length >= 7 ? 2 : 1)) return e;
    }
  }
  return undefined;
}

/**
 * The one table party whose alias is `name` with a qualifier before it
 * ("Foreign Ministry" of "Chinese Foreign Ministry" / "China's Foreign
 * Ministry"), when the page names that qualifier elsewhere (China, Chinese):
 * news drops the country once the dateline or the story has given it. Two
 * parties, or a qualifier the page never names, leave it a new body.
 */
function shortFormOf(name: string, source: string, table: EntityTable): Entity | undefined {
  const tail = ` ${name.toLowerCase()}`;
  const parties = new Set<Entity>();
  for (const e of table.entities) {
    if (e.provisional || e.type !== 'organization') continue;
    for (const alias of e.aliases) {
      if (!alias.toLowerCase().endsWith(tail)) continue;
      const qualifier = alias.slice(0, alias.length - tail.length).replace(/^[Tt]he\s+/, '').split(/\s+/)[0] ?? '';
      const stem = qualifier.replace(/[’']s$/, '').slice(0, 4);
      if (stem.length === 4 && new RegExp(`\\b${stem}`, 'u').test(source)) parties.add(e);
    }
  }
  const [only] = parties;
  return parties.size === 1 ? only : undefined;
}

/** The full name ("Hori Parata") a surname ("Parata") stands for, as the text gave it before `before`. */
function fullNameBefore(source: string, surname: string, before: number): string | undefined {
  const re = new RegExp(`(?<![\\p{L}])((?:[A-Z][\\p{L}’'-]+\\s+){1,2})${surname}(?![\\p{L}])`, 'gu');
  for (const m of source.slice(0, before).matchAll(re)) {
    const given = m[1]!.trim().split(/\s+/).filter((w) => !NOT_A_NAME.has(w) && !ORG_WORD.test(` ${w}`) && !ROLE_WORD.test(w));
    if (given.length > 0) return `${given.join(' ')} ${surname}`;
  }
  return undefined;
}

/**
 * Finds the speakers of one document that the table does not know and adds
 * them (and misspelt names of known people) to `table`, which must be the
 * document's own `extend()`ed copy. Returns what it found, in text order.
 */
export function discoverSpeakers(source: string, doc: CleanDocument, table: EntityTable): Discovery[] {
  const found: Discovery[] = [];
  const addPerson = (name: string, role: string, affiliation: string, at: number, rule: string, phrase: string) => {
    if (table.hasAlias(name)) return;
    const variant = variantOf(name, table);
    const line = lineColumn(source, at).line;
    if (variant) {
      table.addAlias(variant, name);
      found.push({ entity: variant, rule: 'variant', line, phrase: name });
      return;
    }
    const words = name.split(/\s+/).filter((w) => !/^[A-Z]\.$/.test(w));
    if (words.some((w) => NOT_A_NAME.has(w)) || ORG_WORD.test(name)) return;
    const surname = words.at(-1)!;
    const noun = roleNoun(role);
    const entity: Entity = {
      id: `${PROVISIONAL_ID}${slug(name)}`,
      name,
      role: role.trim() === '' ? 'Named in the text (not in seeds/entities.json)' : role.replace(/\s+/g, ' ').trim(),
      side: sideOf(affiliation, table),
      type: 'person',
      aliases: [name, ...new Set([surname, words[0]!].filter((w) => w.length >= 3 && !table.hasAlias(w) && !NOT_A_NAME.has(w) && !ROLE_WORD.test(w)))],
      titles: titlesFor(noun, ''),
      provisional: { line, phrase, rule },
    };
    const pronoun = pronounOf(role, source, surname);
    if (pronoun) entity.pronoun = pronoun;
    table.add(entity);
    found.push({ entity, rule, line, phrase });
  };
  const addBody = (rawName: string, at: number, rule: string, phrase: string, titles: string[]) => {
    const name = rawName.replace(/^[Tt]he\s+/, '').replace(/\s+/g, ' ').trim();
    if (name === '') return;
    const known = table.findEntities(name).at(-1);
    if (known && known.end === name.length) {
      // "a Commerce Ministry spokesperson": "the spokesperson" later in this document is that party.
      if (titles.length > 0) table.addTitles(known.entity, titles);
      return;
    }
    if (table.hasAlias(name) || table.hasAlias(`the ${name}`) || table.hasAlias(`The ${name}`)) return;
    const words = name.split(' ');
    if (NOT_A_NAME.has(words[0]!.replace(/[’']s$/, '')) || words.length > 5) return;
    const line = lineColumn(source, at).line;
    const party = shortFormOf(name, source, table);
    if (party) {
      // "a Foreign Ministry spokesman" in a page about China: the table's Chinese Foreign Ministry, not a new body.
      table.addAlias(party, name);
      if (titles.length > 0) table.addTitles(party, titles);
      found.push({ entity: party, rule: 'short form', line, phrase });
      return;
    }
    const entity: Entity = {
      id: `${PROVISIONAL_ID}${slug(name)}`,
      name,
      role: 'Named in the text (not in seeds/entities.json)',
      side: sideOf(name, table),
      type: 'organization',
      aliases: [name],
      titles: [...new Set([...titles, ...titlesFor(undefined, name)])],
      provisional: { line, phrase, rule },
    };
    table.add(entity);
    found.push({ entity, rule, line, phrase });
  };

  // The headline names people too ("Secretary Jane Roe confirms ..."), often the only place a transcript
  // does; but not one in Title Case, where "Roe Applauds Closing" would read as a name.
  for (const para of doc.paragraphs) {
    if (para.role !== 'body' && isTitleCase(source.slice(para.span[0], para.span[1]))) continue;
    const text = outsideQuotes(source, para.span);
    const at = (i: number) => para.span[0] + i;
    for (const m of text.matchAll(TITLE_BEFORE_NAME)) {
      const before = (m[1] ?? '').trim().replace(/^(?:(?:of|for|the)\s+)+/, '');
      addPerson(m[3]!, `${before} ${m[2]}`.trim(), `${before} ${m[2]}`, at(m.index), 'title', m[0].trim());
    }
    for (const m of text.matchAll(APPOSITIVE)) {
      addPerson(m[1]!, m[3]!, m[3]!, at(m.index), 'appositive', m[0].trim());
    }
    const raw = source.slice(para.span[0], para.span[1]);
    for (const m of raw.matchAll(QUOTE_TAG_NAME)) {
      const name = (m[1] ?? m[2]!).trim();
      const start = at(m.index + m[0].indexOf(name));
      const known = table.findEntities(name).at(-1);
      if ((known && known.end === name.length) || name.split(/\s+/).some((w) => NOT_A_NAME.has(w))) continue;
      // "says Parata" after "Hori Parata" was named: the person by their full name.
      const full = name.includes(' ') ? name : fullNameBefore(source, name, start);
      if (full) addPerson(full, '', '', start, 'tag', m[0].trim());
      else addBody(name, start, 'tag', m[0].trim(), []);
    }
    for (const m of text.matchAll(ACCORDING_TO_BODY)) {
      const name = m[1]!.trim().replace(/\.$/, '');
      if (name.includes(' ') || ORG_WORD.test(name)) addBody(name, at(m.index), 'according', m[0].trim(), []);
    }
    for (const m of text.matchAll(NAME_AGE_BEFORE_VERB)) {
      addPerson(m[1]!, '', '', at(m.index), 'subject', m[0].trim());
    }
    for (const m of text.matchAll(SPOKESPERSON_OF_BODY)) {
      const body = (m[1] ?? m[2] ?? '').trim();
      addBody(body, at(m.index), 'spokesperson', m[0].trim(), ['spokesperson', 'spokesman', 'spokeswoman', 'official']);
    }
    for (const m of text.matchAll(SUBJECT_BEFORE_VERB)) {
      const np = m[1]!.trim();
      const start = at(m.index + m[0].indexOf(np));
      const known = table.findEntities(np).at(-1);
      if (known && known.end === np.length) continue;
      const words = np.replace(/^[Tt]he\s+/, '').split(/\s+/);
      const variant = words.length === 1 && !/^[Tt]he\s/.test(np) ? variantOf(np, table) : undefined;
      if (variant) {
        if (!table.hasAlias(np)) {
          table.addAlias(variant, np);
          found.push({ entity: variant, rule: 'variant', line: lineColumn(source, start).line, phrase: np });
        }
        continue;
      }
      if (words.length >= 2 && words.length <= 3 && !ORG_WORD.test(np) && words.every((w) => /^[A-Z][\p{Ll}’'-]+$|^[A-Z]\.$/u.test(w)) && !/^[Tt]he\s/.test(np)) {
        addPerson(np, '', '', start, 'subject', np);
      } else addBody(np, start, 'subject', np, []);
    }
  }
  return found;
}
