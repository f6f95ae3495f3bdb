import type { CleanDocument, Paragraph } from './clean.ts';
import { type Entity, type EntityTable, pressSpeaker, PROVISIONAL_ID, type Side, type Speaker, speakerOf } from '../vocabulary/entities.ts';
import { type Discovery, discoverSpeakers } from './discover.ts';
import { Salience } from './mentions.ts';
import { findQuotes, type Quote, splitSentences } from './segment.ts';
import {
  findAccordingTo,
  findBlockIntro,
  findLeadingSpeech,
  findQuoteTag,
  findTrailingTag,
  isTagAfter,
  type Reported,
  SPEECH_LEAD_IN,
} from './speech.ts';
import { lineColumn, type Span, trimSpan, wordCount } from './text.ts';
import type { DocumentMeta, Via, Voice } from '../data/types.ts';

/**
 * Attribution: cuts each paragraph into statement units (a quotation, a
 * transcript turn, a run of a publisher's own sentences, a reported or
 * narrated sentence) and names whose words each unit carries. The rules, in
 * the order they apply, are documented in lib/corpus/README.md.
 */

export interface Draft {
  span: Span;
  speaker: Speaker;
  voice: Voice;
  via: Via;
  /** Index into the document's paragraphs. */
  paragraph: number;
  /** Text that frames a quote (its tag, the question asked): the quote inherits its topics. */
  setting: Span[];
  /** Split off after ", but" from a reported claim: it answers that claim. */
  contrast: boolean;
  /** Sides of the parties the words name besides their speaker (for the kind: does it dispute someone?). */
  others: Side[];
}

export interface Attribution {
  drafts: Draft[];
  /** Things a maintainer should look at (unattributed quotes, unknown labels). */
  warnings: string[];
  /** Speakers the table does not know, found in the text (see `discover.ts`). */
  discovered: Discovery[];
}

/** `NAME:` / `NAME, BYLINE:` at the start of a transcript paragraph (upper case only). */
const LABEL_RE = /^([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4})(?:, ?([A-Z][A-Z ]*[A-Z]))?:\s+/;
const PRESS_ROLES = /^(?:BYLINE|HOST|ANCHOR|CORRESPONDENT|REPORTER)$/;
/** A turn that is only a stage direction: "(Speaking Chinese)." */
const STAGE_ONLY = /^(?:\s*\([^)]*\)[.\s]*)+$/;

function resolveLabel(table: EntityTable, label: string, role: string | undefined): { speaker: Speaker; known: boolean } {
  const byLabel = table.byLabel(label);
  if (byLabel) return { speaker: speakerOf(byLabel), known: true };
  const titleCase = label.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
  const person = table.findEntities(titleCase).find((m) => m.entity.type === 'person' && m.end === titleCase.length);
  if (person) return { speaker: speakerOf(person.entity), known: true };
  return {
    speaker: {
      id: `label:${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      name: titleCase,
      role: 'Transcript speaker not in the entity table',
      side: role && PRESS_ROLES.test(role) ? 'press' : 'unnamed',
    },
    known: false,
  };
}

/**
 * `Name:` / `01 Name:` / `Q:` in mixed case, as interview pages write turns.
 * Accepted only as a document's pattern (see `transcriptLabels`), never on
 * one line alone: "Note:" or "Washington:" open ordinary paragraphs too.
 * Pages that lose the space after the colon ("Jane Roe:This") still count.
 */
const MIXED_LABEL_RE = /^(?:\d{1,3}\s+)?((?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}):(?:\s+|(?=[\p{Lu}"“‘]))/u;
const NOT_LABELS = /^(?:Note|Editor|Editor's note|Update|Updated|Source|Sources|Photo|Image|Related|Read|Read more|Watch|See|See also|Also|Tags|Posted|Filed|Disclaimer|Correction|Summary|Background|Context|Update \d+)$/i;
const ASKER = /^(?:Q|Question|Interviewer|Reporter|Journalist|Host)(?:\s+Q)?$/i;
const ANSWERER = /^(?:A|Answer)$/i;

/**
 * The mixed-case labels of a document that mark transcript turns: a label
 * used at least twice (an interview alternates), one naming a person of
 * the table, or one that answers a "Q:"/"Reporter Q:" turn. Unknown names become provisional speakers; one who mostly asks
 * (turns ending in "?") while another label answers is the interviewer, on
 * the press side — their questions are theirs, not the page owner's.
 */
function transcriptLabels(source: string, doc: CleanDocument, table: EntityTable, discovered: Discovery[]): Map<string, Speaker | 'answerer'> {
  const turns = new Map<string, string[]>();
  const order: string[] = [];
  const firstAt = new Map<string, number>();
  for (const p of doc.paragraphs) {
    if (p.role !== 'body') continue;
    const text = source.slice(p.span[0], p.span[1]);
    const m = MIXED_LABEL_RE.exec(text);
    if (LABEL_RE.test(text) && !(m && (ASKER.test(m[1]!) || ANSWERER.test(m[1]!)))) continue;
    if (!m || NOT_LABELS.test(m[1]!)) continue;
    const label = m[1]!.replace(/\s+/g, ' ');
    order.push(label);
    turns.set(label, [...(turns.get(label) ?? []), text.slice(m[0].length)]);
    if (!firstAt.has(label)) firstAt.set(label, p.span[0]);
  }
  const person = (label: string) => {
    const bare = label.replace(/^(?:Mr|Ms|Mrs|Dr)\.?\s+/, '');
    const m = table.findEntities(bare).find((x) => x.start === 0 && x.end === bare.length);
    return m?.entity;
  };
  // A label right after a "Reporter Q:" / "Q:" turn answers it, even when each speaks once (a one-question briefing record).
  const answers = new Set(order.filter((l, i) => i > 0 && ASKER.test(order[i - 1]!) && !ASKER.test(l)));
  const accepted = [...turns].filter(
    ([label, t]) => t.length >= 2 || person(label)?.type === 'person' || answers.has(label) || (ASKER.test(label) && answers.size > 0),
  );
  if (accepted.length === 0) return new Map();
  const asks = (t: string[]) => t.filter((x) => /\?["”’]?\s*$/.test(x)).length * 2 >= t.length;
  const someoneAnswers = accepted.some(([label, t]) => !asks(t) && !ASKER.test(label));
  const out = new Map<string, Speaker | 'answerer'>();
  for (const [label, t] of accepted) {
    const known = person(label);
    if (known) out.set(label, speakerOf(known));
    else if (ANSWERER.test(label)) out.set(label, 'answerer');
    else {
      const asker = ASKER.test(label) || (asks(t) && someoneAnswers);
      const entity: Entity = {
        id: `${PROVISIONAL_ID}${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name: ASKER.test(label) ? 'Interviewer' : label,
        role: asker ? 'Interviewer (transcript label)' : 'Transcript speaker (not in seeds/entities.json)',
        side: asker ? 'press' : 'unnamed',
        type: 'person',
        aliases: ASKER.test(label) || table.hasAlias(label) ? [] : [label],
        provisional: { line: lineColumn(source, firstAt.get(label)!).line, phrase: `${label}:`, rule: 'label' },
      };
      table.add(entity);
      discovered.push({ entity, rule: 'label', line: entity.provisional!.line, phrase: `${label}:` });
      out.set(label, speakerOf(entity));
    }
  }
  return out;
}

interface DocContext {
  source: string;
  /** The entity table, extended with the speakers found in this document. */
  table: EntityTable;
  file: string;
  press: Speaker;
  publisher: Entity | undefined;
  drafts: Draft[];
  warnings: string[];
  /** The current section's salience. */
  salience: Salience;
}

function push(ctx: DocContext, d: Omit<Draft, 'setting' | 'contrast' | 'others'> & Partial<Draft>): Draft | null {
  const span = trimSpan(ctx.source, d.span);
  const text = ctx.source.slice(span[0], span[1]);
  if (span[1] <= span[0] || wordCount(text) === 0) return null;
  const others = [...new Set(ctx.table.findEntities(text).filter((m) => m.entity.id !== d.speaker.id).map((m) => m.entity.side))];
  const draft: Draft = { setting: [], contrast: false, others, ...d, span };
  ctx.drafts.push(draft);
  const entity = d.voice === 'narration' || d.voice === 'own-text' ? undefined : ctx.table.byId(d.speaker.id);
  if (entity) ctx.salience.spoke(entity);
  return draft;
}

/** Text of `span` outside the given quotes, for salience (names inside quotes are not referents). */
function seeOutside(ctx: DocContext, salience: Salience, [s, e]: Span, quotes: Quote[]): void {
  let at = s;
  for (const q of quotes) {
    if (q.outer[1] <= s || q.outer[0] >= e) continue;
    salience.see(ctx.source.slice(at, Math.max(at, q.outer[0])));
    at = Math.max(at, q.outer[1]);
  }
  salience.see(ctx.source.slice(at, e));
}

/** A join after which a clause may carry another party's words, or the writer's: ", but", ", even though", ", although", ", while". */
const CONTRAST_JOIN = /,\s+(but|even though|although|though|whereas|while)\s/;
/** A join that closes the text before a clause: "..., even though" right before "the company denied". */
const CONTRAST_BEFORE = /,\s+(?:but|even though|although|though|whereas|while)\s+$/;
/** A subordinate clause that may have a speaker of its own: "X pushed back after Y announced ...". */
const SUBORDINATE_JOIN = /\s(after|when|before|because|since)\s/;
/** ", but said ...": the contrast keeps the subject of the clause before it. */
const SAME_SUBJECT = /^(?:but|although|though|while)\s+(?:also\s+)?(?:said|says|added|adds|insisted|insists|stressed|warned|argued|noted|maintained|maintains)\b/;

/**
 * A non-quoted sentence: a trailing tag ("..., Zhao added.") or a leading
 * speaker + reporting verb makes it reported speech; anything else is the
 * writer's narration. A sentence is cut at a contrast join (", but",
 * ", even though", ", although", ", while") so that each side keeps its own
 * speaker: in "accusations by A that ..., even though the company has denied
 * doing so" the denial is the company's and the accusation is not; and
 * before a subordinate clause with a speaker of its own ("X pushed back
 * after Y announced ..."). `against` is the speaker of the clause this one
 * was cut from: another party's words there are a contrast to them.
 */
function attributeSentence(ctx: DocContext, salience: Salience, span: Span, paragraph: number, narrator: Speaker, against: Speaker | null = null): void {
  const text = ctx.source.slice(span[0], span[1]);
  const unit = (at: Span, speaker: Speaker, voice: Voice, via: Via) =>
    push(ctx, { span: at, speaker, voice, via, paragraph, contrast: against !== null && against.id !== speaker.id });
  const according = findAccordingTo(text, salience);
  if (according) {
    unit(span, according, 'reported', 'reported-speech');
    return;
  }
  const trailing = findTrailingTag(text, salience);
  if (trailing) {
    unit(span, trailing, 'reported', 'trailing-tag');
    return;
  }
  const leading = spokenLead(ctx, salience, span, narrator, findLeadingSpeech(text, salience));
  if (leading && leading.speaker.id !== narrator.id) {
    const before = CONTRAST_BEFORE.exec(text.slice(0, leading.clauseStart));
    if (before) {
      // The speaker's clause starts after the join: what comes before is not theirs.
      const cut = span[0] + before.index;
      attributeSentence(ctx, salience, [span[0], cut], paragraph, narrator, against);
      push(ctx, { span: [cut + before[0].search(/\p{L}/u), span[1]], speaker: leading.speaker, voice: 'reported', via: 'reported-speech', paragraph, contrast: true });
      return;
    }
    const tail = text.slice(leading.verbEnd);
    const join = CONTRAST_JOIN.exec(tail);
    const sub = SUBORDINATE_JOIN.exec(tail);
    const subSpeaker = sub ? findLeadingSpeech(tail.slice(sub.index + sub[0].length), salience) : null;
    // ", while ..." is cut only where another party speaks after it ("X said ..., while Y argued ...").
    const cutAt =
      join && (join[1] !== 'while' || findLeadingSpeech(tail.slice(join.index + join[0].length), salience))
        ? { index: join.index, word: join[1]!, contrast: true }
        : sub && subSpeaker && subSpeaker.speaker.id !== leading.speaker.id && subSpeaker.clauseStart === 0
          ? { index: sub.index, word: sub[1]!, contrast: false }
          : null;
    if (cutAt) {
      const cut = span[0] + leading.verbEnd + cutAt.index;
      const restStart = span[0] + leading.verbEnd + tail.indexOf(cutAt.word, cutAt.index);
      unit([span[0], cut], leading.speaker, 'reported', 'reported-speech');
      const rest = ctx.source.slice(restStart, span[1]);
      if (SAME_SUBJECT.test(rest)) push(ctx, { span: [restStart, span[1]], speaker: leading.speaker, voice: 'reported', via: 'reported-speech', paragraph });
      else attributeSentence(ctx, salience, [restStart, span[1]], paragraph, narrator, cutAt.contrast ? leading.speaker : null);
      return;
    }
    unit(span, leading.speaker, 'reported', 'reported-speech');
    return;
  }
  unit(span, narrator, voiceOf(ctx, narrator), viaOf(ctx, narrator));
}

/**
 * A leading clause whose verb names a belief ("The Trump administration
 * believe that ...", "Ren expects that ...") is the writer's reading of the
 * party. It stands for the party's words only as a paraphrase of a person
 * the section has already quoted or reported ("Ren expects" after Ren's
 * remarks). What an administration, a company or "officials" believe, see
 * or fear is the writer's summary of a stance, never one statement of
 * theirs. Otherwise the sentence stays the narrator's and the report lists
 * it as doubtful, for a maintainer to check.
 */
function spokenLead(ctx: DocContext, salience: Salience, span: Span, narrator: Speaker, lead: Reported | null): Reported | null {
  if (!lead?.belief || lead.speaker.id === narrator.id) return lead;
  const person = salience.table.byId(lead.speaker.id)?.type === 'person';
  if (person && salience.hasSpoken(lead.speaker.id)) return lead;
  const why = person ? 'and nothing before it in this section gives them words' : 'and a body or a group holds no belief but through words the text would report';
  ctx.warnings.push(
    `${ctx.file}:${lineColumn(ctx.source, span[0]).line}: doubtful, left to ${narrator.name}: "${lead.verb}" says what ${lead.speaker.name} holds, not what they said, ${why}: "${ctx.source.slice(span[0], span[0] + 60)}…"`,
  );
  return null;
}

function voiceOf(ctx: DocContext, narrator: Speaker): Voice {
  return ctx.publisher && narrator.id === ctx.publisher.id ? 'own-text' : 'narration';
}

function viaOf(ctx: DocContext, narrator: Speaker): Via {
  return ctx.publisher && narrator.id === ctx.publisher.id ? 'self-published' : 'narration';
}

/** A quotation of five words or more, or a shorter one led in by a speech verb or followed by its tag (`"We are concerned," Roe said`). */
function isSpeechQuote(ctx: DocContext, salience: Salience, q: Quote, sentence: Span): boolean {
  const inner = ctx.source.slice(q.inner[0], q.inner[1]);
  if (wordCount(inner) >= 5) return true;
  if (SPEECH_LEAD_IN.test(ctx.source.slice(sentence[0], q.outer[0]))) return true;
  return /,\s*$/.test(inner) && isTagAfter(ctx.source.slice(q.outer[1], sentence[1]), salience);
}

/** The quote's own words: inside the marks, without the comma that leads into the tag. */
function quoteBody(ctx: DocContext, q: Quote): Span {
  let [s, e] = trimSpan(ctx.source, q.inner);
  while (e > s && /[,\s]/.test(ctx.source[e - 1] ?? '')) e--;
  return [s, e];
}

interface QuoteUnit {
  quote: Quote;
  sentence: Span;
  speaker: Speaker | null;
  via: Via;
}

/**
 * A paragraph of news prose. Quotations get their speaker from a tag after
 * them, else from a reporting clause before them, else from a sibling quote
 * of the same paragraph, else (when the paragraph opens with the quote) from
 * the quote that ended the previous paragraph. Sentences outside quotes go
 * through `attributeSentence`; a run of narration sentences that ends in a
 * sentence with a trailing tag ("..., Zhao added.") belongs to that speaker.
 */
function attributeProse(
  ctx: DocContext,
  salience: Salience,
  para: Paragraph,
  index: number,
  narrator: Speaker,
  carried: Speaker | null,
): { carried: Speaker | null; open: Speaker | null } {
  const { source } = ctx;
  const allQuotes = findQuotes(source, para.span);
  const sentences = splitSentences(source, para.span);
  const startCount = ctx.drafts.length;
  const units: QuoteUnit[] = [];
  const quoteSentences = new Set<Span>();

  for (const sentence of sentences) {
    const quotes = allQuotes.filter(
      (q) => q.outer[0] >= sentence[0] && q.outer[0] < sentence[1] && isSpeechQuote(ctx, salience, q, sentence),
    );
    if (quotes.length === 0) continue;
    quoteSentences.add(sentence);
    quotes.forEach((q, k) => {
      const nextStart = quotes[k + 1]?.outer[0] ?? sentence[1];
      const prevEnd = quotes[k - 1]?.outer[1] ?? sentence[0];
      const after = source.slice(q.outer[1], Math.max(q.outer[1], nextStart));
      let speaker = findQuoteTag(after, salience);
      let via: Via = 'quote-tag';
      if (!speaker) {
        const lead = findLeadingSpeech(source.slice(prevEnd, q.outer[0]), salience);
        if (lead) speaker = lead.speaker;
      }
      if (!speaker) via = 'quote-sibling';
      units.push({ quote: q, sentence, speaker, via });
    });
  }

  // Quotes without a tag: a sibling in the paragraph, else the previous paragraph's closing quote.
  units.forEach((u, k) => {
    if (u.speaker) return;
    const sibling = [...units.slice(0, k)].reverse().find((x) => x.speaker) ?? units.slice(k + 1).find((x) => x.speaker);
    if (sibling?.speaker) {
      u.speaker = sibling.speaker;
      return;
    }
    const opensParagraph = source.slice(para.span[0], u.quote.outer[0]).trim() === '';
    if (opensParagraph && carried) {
      u.speaker = carried;
      u.via = 'quote-continuation';
      return;
    }
    // `"We call on ...". The extension ..., it said.`: the paragraph's one tagged sentence speaks for it.
    const tagged = taggedSpeakers(ctx, salience, sentences.filter((x) => !quoteSentences.has(x)));
    if (tagged.length === 1) {
      u.speaker = tagged[0]!;
      u.via = 'quote-sibling';
    }
  });

  let lastWasQuote = false;
  for (const sentence of sentences) {
    const inSentence = units.filter((u) => u.sentence === sentence);
    if (!quoteSentences.has(sentence)) {
      attributeSentence(ctx, salience, sentence, index, narrator);
      seeOutside(ctx, salience, sentence, allQuotes);
      lastWasQuote = false;
      continue;
    }
    // A reporting lead-in before a colon is the speaker's position in the writer's words.
    const first = inSentence[0];
    if (first) {
      const leadEnd = source.lastIndexOf(':', first.quote.outer[0]);
      if (leadEnd > sentence[0] && source.slice(leadEnd + 1, first.quote.outer[0]).trim() === '') {
        const lead: Span = [sentence[0], leadEnd];
        const leadText = source.slice(lead[0], lead[1]);
        const reported = findLeadingSpeech(leadText, salience);
        if (reported && wordCount(leadText) >= 6) {
          push(ctx, { span: lead, speaker: reported.speaker, voice: 'reported', via: 'reported-speech', paragraph: index });
        }
      } else if (embedsQuotes(ctx, salience, sentence, inSentence)) {
        // `X said that critics "have no evidence" and "should stop"`: the claim is X's in the writer's words, its quoted bits X's own.
        attributeSentence(ctx, salience, sentence, index, narrator);
      }
    }
    for (const u of inSentence) {
      if (!u.speaker) {
        ctx.warnings.push(
          `${ctx.file}:${lineColumn(source, u.quote.outer[0]).line}: quote not attributed, dropped (no tag names a known or introduced speaker, no reporting clause before it, no tagged sentence in its paragraph): "${source.slice(u.quote.inner[0], u.quote.inner[0] + 60)}…"`,
        );
        continue;
      }
      push(ctx, {
        span: quoteBody(ctx, u.quote),
        speaker: u.speaker,
        voice: 'quote',
        via: u.via,
        paragraph: index,
        setting: paragraphSetting(units),
      });
      const entity = ctx.table.byId(u.speaker.id);
      if (entity) salience.note(entity);
    }
    seeOutside(ctx, salience, sentence, units.map((u) => u.quote));
    lastWasQuote = inSentence.some((u) => u.speaker) && sentence === sentences.at(-1);
  }

  applyParagraphTag(ctx, startCount);
  const lastQuote = [...units].reverse().find((u) => u.speaker);
  // "He defended his decision." then a paragraph that is only a quote: his words.
  const last = ctx.drafts.length > startCount ? ctx.drafts.at(-1) : undefined;
  const reportedLast = last && last.voice === 'reported' && last.speaker.side !== 'press' && last.span[1] >= (sentences.at(-1)?.[1] ?? 0) ? last.speaker : null;
  return {
    carried: lastWasQuote && lastQuote ? lastQuote.speaker : reportedLast,
    open: lastQuote && !lastQuote.quote.closed && lastQuote === units.at(-1) ? lastQuote.speaker : null,
  };
}

/**
 * Whether a sentence is a reported claim with quoted fragments inside it: a
 * reporting clause before its first quotation, then four or more words of
 * the writer's outside the quotes (`said on Wednesday that critics of the
 * port "..."`, not `said: "..."` or `said that "..."`).
 */
function embedsQuotes(ctx: DocContext, salience: Salience, sentence: Span, units: QuoteUnit[]): boolean {
  const first = units[0];
  if (!first) return false;
  const lead = findLeadingSpeech(ctx.source.slice(sentence[0], first.quote.outer[0]), salience);
  if (!lead || first.speaker?.id !== lead.speaker.id) return false;
  const outside = settingOf([sentence[0] + lead.verbEnd, sentence[1]], units.map((u) => u.quote.outer))
    .map(([s, e]) => ctx.source.slice(s, e))
    .join(' ');
  return wordCount(outside) >= 4;
}

/** The distinct speakers that tag the given non-quote sentences ("..., it said.", "Huawei said ..."). */
function taggedSpeakers(ctx: DocContext, salience: Salience, sentences: Span[]): Speaker[] {
  const out = new Map<string, Speaker>();
  for (const [s, e] of sentences) {
    const text = ctx.source.slice(s, e);
    const lead = findLeadingSpeech(text, salience);
    const speaker = findTrailingTag(text, salience) ?? (lead?.belief ? undefined : lead?.speaker);
    if (speaker && speaker.side !== 'press') out.set(speaker.id, speaker);
  }
  return [...out.values()];
}

/** Where a paragraph's first quotation mark closes a quote left open by an earlier paragraph; -1 if it opens one or there is none. */
function firstClosingMark(source: string, [start, end]: Span): number {
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (ch === '\u201d') return i;
    if (ch === '\u201c') return -1;
    if (ch === '"') {
      const prev = i === start ? ' ' : (source[i - 1] ?? ' ');
      return /[\s([{\u2014\u2013\-/:]/.test(prev) && !/\s/.test(source[i + 1] ?? ' ') ? -1 : i;
    }
  }
  return -1;
}

/** Whether a paragraph ends as a sentence does (a stop, maybe inside a closing quote or bracket). */
function endsSentence(text: string): boolean {
  return /[.!?\u2026:;]["\u201d\u2019')\]]*\s*$/u.test(text);
}

/** A list point: a bullet first, or a line that does not end as a sentence does. */
function isListItem(text: string): boolean {
  return /^[\u2022\u00b7*\u2013-]\s/u.test(text) || (!endsSentence(text) && wordCount(text) <= 40);
}

function hasQuoteMark(text: string): boolean {
  return /["\u201c\u201d]/.test(text);
}

/** The sentence minus its quotes: the tag and the circumstances ("when asked ... a "no-spy" agreement"). */
function settingOf(sentence: Span, quotes: Span[]): Span[] {
  const out: Span[] = [];
  let at = sentence[0];
  for (const [s, e] of quotes) {
    if (s > at) out.push([at, s]);
    at = e;
  }
  if (sentence[1] > at) out.push([at, sentence[1]]);
  return out;
}

/**
 * The framing of a paragraph's quotes: the non-quote text of its quote
 * sentences (tags, "when asked ... a "no-spy" agreement"). One speaker's
 * answer to one question shares it.
 */
function paragraphSetting(units: QuoteUnit[]): Span[] {
  const sentences = [...new Set(units.map((u) => u.sentence))];
  return sentences.flatMap((s) =>
    settingOf(
      s,
      units.filter((u) => u.sentence === s).map((u) => u.quote.outer),
    ),
  );
}

/**
 * "The US accuses Huawei ..., but Huawei has established ... Not one of those
 * countries ... Neither have any cases ... been reported, Zhao added.": the
 * narration units that run up to a paragraph-final trailing tag are the
 * tagged speaker's reported words too.
 */
function applyParagraphTag(ctx: DocContext, from: number): void {
  const units = ctx.drafts.slice(from);
  const last = units.at(-1);
  if (!last || last.via !== 'trailing-tag') return;
  for (let k = units.length - 2; k >= 0; k--) {
    const u = units[k]!;
    if (u.via !== 'narration') break;
    u.speaker = last.speaker;
    u.voice = 'reported';
    u.via = 'paragraph-tag';
  }
}

interface Turn {
  speaker: Speaker;
}

/**
 * A transcript paragraph (labelled, or continuing the current turn). A
 * party's turn is one primary unit; a journalist's turn is narration,
 * sentence by sentence, so that what it reports of others is found.
 */
function attributeTurn(ctx: DocContext, salience: Salience, para: Paragraph, index: number, body: Span, turn: Turn): void {
  const text = ctx.source.slice(body[0], body[1]);
  if (STAGE_ONLY.test(text)) return;
  if (turn.speaker.side !== 'press') {
    push(ctx, { span: body, speaker: turn.speaker, voice: 'transcript', via: 'transcript-label', paragraph: index });
    salience.see(text);
    return;
  }
  for (const sentence of splitSentences(ctx.source, body)) {
    const before = ctx.drafts.length;
    attributeSentence(ctx, salience, sentence, index, turn.speaker);
    for (const d of ctx.drafts.slice(before)) {
      if (d.via === 'narration') d.via = body[0] === para.span[0] ? 'transcript-turn' : 'transcript-label';
    }
    salience.see(ctx.source.slice(sentence[0], sentence[1]));
  }
}

export function attributeDocument(source: string, doc: CleanDocument, meta: DocumentMeta, entities: EntityTable): Attribution {
  const table = entities.extend();
  const publisher = table.selfPublisher(meta.publisher);
  const ctx: DocContext = {
    source,
    table,
    file: meta.file,
    press: pressSpeaker(meta.file, meta.publisher),
    publisher,
    drafts: [],
    warnings: [],
    salience: new Salience(table),
  };
  const discovered = discoverSpeakers(source, doc, table);
  const mixedLabels = transcriptLabels(source, doc, table, discovered);
  const narrator = publisher ? speakerOf(publisher) : ctx.press;

  let section = -1;
  let salience = ctx.salience;
  let turn: Turn | null = null;
  let carried: Speaker | null = null;
  let blockSpeaker: Speaker | null = null;
  /** The speaker of a quotation left open at the end of the previous paragraph (it runs on until closed). */
  let open: Speaker | null = null;
  /** The speaker whose points a list is summing up ("X also said:" and one point a line). */
  let summarised: Speaker | null = null;

  doc.paragraphs.forEach((para, index) => {
    if (para.section !== section) {
      section = para.section;
      salience = ctx.salience = new Salience(table);
      turn = null;
      carried = null;
      blockSpeaker = null;
      open = null;
    }
    const text = source.slice(para.span[0], para.span[1]);
    // A short point of a summary list reads like a subhead; after "X also said:" it is a point.
    const point = para.role === 'heading' && (blockSpeaker ?? summarised) !== null && wordCount(text) >= 6;
    if (para.role !== 'body' && !point) {
      salience.see(text);
      return;
    }
    const mixed = MIXED_LABEL_RE.exec(text);
    const mixedSpeaker = mixed ? mixedLabels.get(mixed[1]!.replace(/\s+/g, ' ')) : undefined;
    if (mixed && mixedSpeaker) {
      // "A:" is whoever the other labels do not ask: the one party that answers.
      const speaker = mixedSpeaker === 'answerer' ? answererOf(mixedLabels, salience) : mixedSpeaker;
      if (!speaker) {
        ctx.warnings.push(`${meta.file}:${lineColumn(source, para.span[0]).line}: transcript turn "${mixed[1]}:" has no speaker: nobody else in the document answers`);
        turn = null;
        return;
      }
      turn = { speaker };
      const entity = table.byId(speaker.id);
      if (entity) salience.note(entity);
      attributeTurn(ctx, salience, para, index, [para.span[0] + mixed[0].length, para.span[1]], turn);
      carried = null;
      open = null;
      return;
    }
    const label = LABEL_RE.exec(text);
    if (label) {
      const { speaker, known } = resolveLabel(table, label[1]!, label[2]);
      if (!known) ctx.warnings.push(`${meta.file}:${lineColumn(source, para.span[0]).line}: transcript label "${label[1]}" is not in seeds/entities.json (its turns are kept under that label, side ${speaker.side})`);
      turn = { speaker };
      const entity = table.byId(speaker.id);
      if (entity) salience.note(entity);
      attributeTurn(ctx, salience, para, index, [para.span[0] + label[0].length, para.span[1]], turn);
      carried = null;
      return;
    }
    if (turn) {
      attributeTurn(ctx, salience, para, index, para.span, turn);
      return;
    }
    const intro = findBlockIntro(text, salience);
    if (intro) {
      blockSpeaker = intro;
      salience.see(text);
      return;
    }
    // "X also said:" and a list of points: the writer's summary of X's words, one reported unit a point, not a quotation.
    const listOf = blockSpeaker ?? summarised;
    if (listOf && isListItem(text)) {
      push(ctx, { span: para.span, speaker: listOf, voice: 'reported', via: 'reported-speech', paragraph: index });
      salience.see(text);
      summarised = listOf;
      blockSpeaker = null;
      carried = null;
      return;
    }
    summarised = null;
    if (blockSpeaker && !/^["\u201c]/.test(text)) {
      push(ctx, { span: para.span, speaker: blockSpeaker, voice: 'quote', via: 'block-quote', paragraph: index });
      blockSpeaker = null;
      carried = null;
      return;
    }
    if (!open && !hasQuoteMark(text) && !endsSentence(text)) {
      // A caption or a subhead between a quote and its continuation ("Jane Roe at her farm"): narration that breaks no run.
      attributeProse(ctx, salience, para, index, narrator, null);
      return;
    }
    let prose = para;
    if (open) {
      // A quotation runs on over paragraphs until its closing mark (scraped pages often drop the opening marks of the middle ones).
      const close = firstClosingMark(source, para.span);
      if (close < 0 && !hasQuoteMark(text)) {
        push(ctx, { span: para.span, speaker: open, voice: 'quote', via: 'quote-continuation', paragraph: index });
        salience.see(text);
        return;
      }
      if (close >= 0) {
        push(ctx, { span: [para.span[0], close], speaker: open, voice: 'quote', via: 'quote-continuation', paragraph: index });
        open = null;
        carried = null;
        if (source.slice(close + 1, para.span[1]).trim() === '' || wordCount(source.slice(close + 1, para.span[1])) < 3) return;
        prose = { ...para, span: trimSpan(source, [close + 1, para.span[1]]) };
      } else if (/^["\u201c]/.test(text)) carried = open;
      open = null;
    }
    const result = attributeProse(ctx, salience, prose, index, narrator, blockSpeaker ?? carried);
    carried = result.carried;
    open = result.open;
    blockSpeaker = null;
  });
  return { drafts: mergeOwnText(source, ctx.drafts), warnings: ctx.warnings, discovered };
}

/** The speaker of "A:" turns: the one labelled party that is not the interviewer, else the last person named. */
function answererOf(labels: Map<string, Speaker | 'answerer'>, salience: Salience): Speaker | null {
  const parties = [...labels.values()].filter((s): s is Speaker => s !== 'answerer' && s.side !== 'press');
  if (parties.length === 1) return parties[0]!;
  const e = salience.recent((x) => x.type === 'person' && x.side !== 'press');
  return parties.length === 0 && e ? speakerOf(e) : null;
}

/**
 * A publisher's own sentences in one paragraph form one statement: the
 * paragraph is its unit of argument ("This is simply not true. The Chinese
 * government has been explicitly clear ..."). Sentences it reports of others
 * stay apart and break the run.
 */
function mergeOwnText(source: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out.at(-1);
    if (
      prev &&
      prev.voice === 'own-text' &&
      d.voice === 'own-text' &&
      prev.paragraph === d.paragraph &&
      prev.speaker.id === d.speaker.id &&
      source.slice(prev.span[1], d.span[0]).trim() === ''
    ) {
      prev.span = [prev.span[0], d.span[1]];
      prev.contrast ||= d.contrast;
      continue;
    }
    out.push(d);
  }
  return out;
}
