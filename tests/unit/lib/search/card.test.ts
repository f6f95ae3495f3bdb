import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_WEIGHTS } from '../../../../lib/search/card-weights.ts';
import { lookupCard } from '../../../../lib/search/lookup.ts';
import { statementMatters } from '../../../../lib/search/query.ts';
import { cardQuestion, claimSentence, type Detected } from '../../../../lib/search/card-question.ts';
import type { Corpus } from '../../../../lib/search/load.ts';
import type { Entity } from '../../../../lib/vocabulary/entities.ts';
import { codeOf } from '../../ts-lexer.ts';
import { corpus } from './helpers.ts';

/** The card's statements for a mention in its paragraph, as the background answers them. */
const cardOf = (c: Corpus, mention: string, context = '', detected?: Detected) => lookupCard(c, mention, context, detected).results;

const LIANG_CONTEXT =
  'Huawei chairman Liang Hua told reporters in Shenzhen that the company is willing to sign a no-spy agreement with the United States.';

describe('the card lookup', () => {
  it('"no-spy" in a Liang Hua context: Liang Hua’s offer first, and a counterclaim that disputes it', () => {
    const results = cardOf(corpus(), 'no-spy', LIANG_CONTEXT);
    expect(results[0]!.speaker.id).toBe('liang-hua');
    expect(results[0]!.kind).toBe('primary');
    expect(results[0]!.text).toBe('We are willing to sign no-spy agreements with countries');
    const counter = results.find((r) => r.kind === 'counterclaim');
    expect(counter).toBeDefined();
    expect(results.some((r) => r.kind === 'counterclaim' && r.answers.includes(results[0]!.id))).toBe(true);
    expect(results[0]!.terms).toContain('no-spy');
    expect(results[0]!.source).toEqual({
      file: '001_cf337998d25e89a1.txt',
      title: "Huawei Chairman Willing To Sign A 'No-Spy' Deal With The United States",
      publisher: 'KGOU (Oklahoma public radio, NPR member station), republishing NPR content',
      date: '2019-06-04',
      url: 'https://www.kgou.org/post/huawei-chairman-willing-sign-no-spy-deal-united-states',
    });
  });

  it('"Entity List" answers with the parties’ words on US sanctions, both sides', () => {
    const results = cardOf(corpus(), 'Entity List', 'The Commerce Department added Huawei to its Entity List in May 2019.', { category: 'sanctions', term: 'Entity List' });
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results[0]!.topics.some((t) => t === 'entity-list' || t === 'sanctions')).toBe(true);
    expect(results.some((r) => r.kind === 'primary')).toBe(true);
    expect(results.some((r) => r.kind === 'counterclaim')).toBe(true);
    expect(results.some((r) => r.speaker.side === 'huawei')).toBe(true);
    expect(results.some((r) => r.speaker.side === 'chinese-government')).toBe(true);
  });

  it('"blacklist" is about the same sanctions', () => {
    const results = cardOf(corpus(), 'blacklist', 'Washington put the company on a trade blacklist.');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results.slice(0, 3)) expect(r.topics.some((t) => t === 'entity-list' || t === 'sanctions'), r.text).toBe(true);
  });

  it('a paragraph about a 5G ban over spying fears, hovered at "Huawei", leads with the security dispute, not trade', () => {
    const context =
      'Britain banned Huawei from its 5G networks on Tuesday, ordering telecom operators to strip the Chinese company’s equipment out by 2027, after Washington argued that Beijing could use the gear for spying.';
    const results = cardOf(corpus(), 'Huawei', context, { category: 'huawei', term: 'Huawei' });
    for (const r of results.slice(0, 3)) expect(r.topics.some((t) => ['no-spy', 'backdoor', 'security', 'independence'].includes(t)), r.text).toBe(true);
    expect(results.slice(0, 5).some((r) => r.speaker.side === 'us-government')).toBe(true);
    expect(results.slice(0, 5).some((r) => r.speaker.side === 'huawei')).toBe(true);
  });

  it('a quote that names no matter is on its lead-in’s (the sentence before it in its source), a dispute framed as politics is about the measures, and a measure waking a company’s capacity is how it fares despite them', () => {
    const c = corpus();
    const { matters, lent } = statementMatters(c);
    const doc = (text: string) => c.byDoc.findIndex((s) => s.text.startsWith(text));
    const hegemony = doc('this is hegemony');
    expect(c.byDoc[hegemony]!.topics).toEqual([]);
    expect(matters[hegemony]).toContain('sanctions');
    expect(lent[hegemony]).toBe(1);
    const waking = doc('What President Trump is doing is waking');
    expect(c.byDoc[waking]!.topics).toEqual([]);
    expect(matters[waking]).toEqual(['resilience']);
    expect(lent[waking]).toBe(0);
    const political = doc('It is inappropriate to use political means');
    expect(matters[political]).toContain('sanctions');
    expect(lent[political]).toBe(0);
  });

  it('an unrelated context returns nothing', () => {
    expect(cardOf(corpus(), 'Huawei', 'Apple iPhone battery life review')).toEqual([]);
    expect(cardOf(corpus(), 'Apple iPhone battery life review', 'Apple iPhone battery life review')).toEqual([]);
    expect(cardOf(corpus(), 'Huawei', 'Huawei unveiled a foldable phone with a better camera and battery.')).toEqual([]);
  });

  it('a paragraph that reports the no-spy offer without naming who made it leads with the offer, not a broader pledge that also names backdoors', () => {
    const context = "Huawei is ready to sign no-spy agreements with European governments, the company's chairman told reporters in London.";
    const results = cardOf(corpus(), 'no-spy agreements', context, { category: 'no-spy', term: 'no-spy agreement' });
    expect(results[0]!.text).toBe('We are willing to sign no-spy agreements with countries');
  });

  it('a paragraph saying the company denied the accusation brings its denial', () => {
    const context = 'Washington accuses Huawei of helping Beijing spy on its customers, allegations the company has denied.';
    const results = cardOf(corpus(), 'Huawei', context, { category: 'huawei', term: 'Huawei' });
    expect(results.slice(0, 3).map((r) => r.text)).toContain('Huawei has repeatedly denied the claims.');
  });

  it('a paragraph calling a measure political brings the statements that call it so', () => {
    const context = 'Critics say the blacklist has become a bargaining chip, a political tool rather than a security measure.';
    const results = cardOf(corpus(), 'blacklist', context, { category: 'sanctions', term: 'blacklist' });
    expect(results.slice(0, 3).map((r) => r.text)).toContain('It is inappropriate to use political means to disrupt an industry');
  });

  it('only an answer on the paragraph’s matter sits beside the lead; the lead’s pairings left off are counted, so the card never says nothing answers it', () => {
    const c = corpus();
    const { matters } = statementMatters(c);
    const paragraphs = [
      'Huawei said the report was not true and that its 5G equipment is secure.',
      'Huawei called the German newspaper’s report untrue.',
      'Britain banned Huawei from its 5G networks on Tuesday, after Washington argued that Beijing could use the gear for spying.',
      LIANG_CONTEXT,
    ];
    const leftOff: number[] = [];
    for (const context of paragraphs) {
      const detected = { category: 'huawei', term: 'Huawei' } as const;
      const { results, reason } = lookupCard(c, 'Huawei', context, detected);
      const q = cardQuestion('Huawei', context, detected);
      const asked = new Set([...q.mentionTopics, ...q.sentenceTopics, ...q.paragraphTopics]);
      const lead = results[0]!;
      const pairs = new Set([...lead.answers, ...(c.answeredBy.get(lead.id) ?? [])]);
      const shown = results.filter((r) => pairs.has(r.id));
      for (const r of shown) expect(matters[c.docOf.get(r.id)!]!.some((m) => asked.has(m)), `${r.text} beside a lead on “${context}”`).toBe(true);
      expect(reason!.pairedLeftOff, context).toBe(pairs.size - shown.length);
      leftOff.push(reason!.pairedLeftOff);
    }
    // The first: Huawei's "simply not true" leads, and the politicians' claim about Chinese law it answers is another matter.
    expect(leftOff[0]).toBeGreaterThan(0);
  });

  it('a one-word name names its person when the paragraph reports that person speaking, not otherwise', () => {
    expect([...cardQuestion('Huawei', 'Zhengfei said Huawei still hopes to buy American components.').namedSpeakers]).toEqual(['ren-zhengfei']);
    expect([...cardQuestion('Huawei', 'Huawei still hopes to buy American components, said Zhengfei.').namedSpeakers]).toEqual(['ren-zhengfei']);
    expect([...cardQuestion('Huawei', 'Ren and Zhao visited the Huawei plant.').namedSpeakers]).toEqual([]);
  });

  it('where someone speaks, the others named are what they speak about; a name after "the daughter of" is nobody’s speaker', () => {
    expect([...cardQuestion('Huawei', 'Zhengfei said Donald Trump had given the company a reason to go it alone.').namedSpeakers]).toEqual(['ren-zhengfei']);
    expect([...cardQuestion('Huawei', 'The court heard the case of the daughter of Huawei founder Ren Zhengfei.').namedSpeakers]).toEqual([]);
    expect([...cardQuestion('Huawei', 'Ren Zhengfei toured the new Huawei plant on Monday.').namedSpeakers]).toEqual(['ren-zhengfei']);
  });

  it('reads the matter in how news words it: "suppression" of firms, allegations called false, access to customers’ networks, surviving a ban', () => {
    const topics = (paragraph: string) => cardQuestion('Huawei', paragraph, { category: 'huawei', term: 'Huawei' }).paragraphTopics;
    expect(topics('Beijing urged Washington to end its suppression of Chinese firms.')).toContain('sanctions');
    expect(topics('The company called the allegations false and illogical.')).toContain('denial');
    expect(topics('The vendor says it has no access to its customers’ networks at all.')).toContain('backdoor');
    expect(topics('The firm says it will survive the ban on its own.')).toContain('resilience');
    expect(topics('Its founder says there is “no way the US can crush” the company.')).toContain('resilience');
    expect(topics('Trump said Huawei could be part of a future trade deal with China.')).toContain('politics');
    expect(topics('Trump said a trade deal with China was close.')).not.toContain('politics');
    expect(topics('The vendor opened a store and said customers liked it.')).toEqual([]);
  });

  it('how the company fares is asked only under pressure: results or a product launch alone get an honest empty card', () => {
    const topics = (paragraph: string) => cardQuestion('Huawei', paragraph, { category: 'huawei', term: 'Huawei' }).paragraphTopics;
    expect(topics('Huawei reported record revenue and profits for the year.')).not.toContain('resilience');
    expect(cardOf(corpus(), 'Huawei', 'Huawei reported record revenue and profits for the year.', { category: 'huawei', term: 'Huawei' })).toEqual([]);
    expect(topics('Huawei reported record revenue despite US sanctions.')).toContain('resilience');
    expect(topics('Huawei reported record revenue, a slap in the face to Washington.')).toContain('resilience');
  });

  it('a measure on the 5G networks is the security dispute without a security word: the learned exclusion matter asks for it', () => {
    const ask = (paragraph: string) => cardQuestion('Huawei', paragraph, { category: 'huawei', term: 'Huawei' });
    const ban = 'The regulator barred operators from buying Huawei gear for their new 5G networks.';
    expect(ask(ban).paragraphTopics).toContain('exclusion');
    expect(ask(ban).sentenceTopics).toContain('exclusion');
    expect(ask('Huawei showed its new 5G base stations at the fair.').paragraphTopics).not.toContain('exclusion');
    expect(ask('The US tightened its restrictions on Huawei.').paragraphTopics).not.toContain('exclusion');
    const onSecurity = (paragraph: string) =>
      cardOf(corpus(), 'Huawei', paragraph, { category: 'huawei', term: 'Huawei' })
        .slice(0, 5)
        .filter((r) => r.topics.some((t) => ['no-spy', 'backdoor', 'security', 'independence'].includes(t))).length;
    expect(onSecurity(ban)).toBeGreaterThanOrEqual(3);
    expect(onSecurity('The regulator let operators buy Huawei gear for their new 5G networks.')).toBeLessThan(onSecurity(ban));
  });

  it('one speaker’s lines on one matter take at most two places before the other parties’ words', () => {
    const c = corpus();
    const { matters } = statementMatters(c);
    const context = 'Washington stepped up its crackdown on Huawei with new restrictions on the company.';
    const detected = { category: 'huawei', term: 'Huawei' } as const;
    const mostOfOne = (repeats: number) => {
      const firstFive = lookupCard(c, 'Huawei', context, detected, { weights: { ...CARD_WEIGHTS, repeats } }).results.slice(0, 5);
      const counts = new Map<string, number>();
      for (const r of firstFive) {
        const key = `${r.speaker.id} ${matters[c.docOf.get(r.id)!]!.join(' ')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return Math.max(...counts.values());
    };
    expect(mostOfOne(CARD_WEIGHTS.repeats)).toBeLessThanOrEqual(CARD_WEIGHTS.repeats);
    // Without the rule, the foreign ministry's crackdown lines take a third place on this card.
    expect(mostOfOne(Infinity)).toBeGreaterThan(CARD_WEIGHTS.repeats);
  });

  it('sanctions named in a sentence about Meng Wanzhou’s case ask for her case, not for the measures against Huawei', () => {
    const asked = (sentence: string) => cardQuestion('sanctions', sentence, { category: 'sanctions', term: 'sanctions' }).mentionTopics;
    expect(asked('Prosecutors said Meng Wanzhou misled a bank about deals that broke US sanctions.')).toEqual(['extradition']);
    expect(asked('The US tightened its sanctions on Huawei again this week.')).not.toContain('extradition');
  });

  it('the paragraph’s claim counts as the mention’s sentence: the hovered name may sit in a sentence that only introduces the company', () => {
    const paragraph = "Huawei is the world's leading producer of 5G network technology. However, there is an ongoing debate over data security.";
    expect(claimSentence(paragraph)).toBe('However, there is an ongoing debate over data security.');
    expect(cardQuestion('Huawei', paragraph, { category: 'huawei', term: 'Huawei' }).sentenceTopics).toContain('security');
    expect(claimSentence('Huawei opened a store.')).toBe('');
  });

  it('a named person in the context brings that person’s statements', () => {
    const results = cardOf(corpus(), 'Zhao Lijian', 'Foreign ministry spokesperson Zhao Lijian spoke on Tuesday.');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.speaker.id).toBe('zhao-lijian');
  });

  it('the same question gets the same answer: the lead scores 1, the others relative to it', () => {
    const a = cardOf(corpus(), 'backdoor', 'There is no evidence of a backdoor in Huawei equipment.');
    const b = cardOf(corpus(), 'backdoor', 'There is no evidence of a backdoor in Huawei equipment.');
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
    expect(a[0]!.score).toBe(1);
    for (const r of a) expect(r.score).toBeGreaterThan(0);
    for (const r of a) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('the statements that answer the lead follow it, before the rest', () => {
    const c = corpus();
    const results = cardOf(c, 'Huawei', 'The US accuses Huawei of threatening its national security, a charge the company rejects.');
    const lead = results[0]!;
    const paired = results.filter((r) => r.answers.includes(lead.id) || lead.answers.includes(r.id));
    expect(paired.length).toBeGreaterThan(0);
    expect(results.slice(1, 1 + paired.length).map((r) => r.id)).toEqual(paired.map((r) => r.id));
  });

  it('regex metacharacters, empty strings and 100 KB strings are valid questions', () => {
    const c = corpus();
    expect(cardOf(c, '', '')).toEqual([]);
    expect(cardOf(c, '.*+?^${}()|[]\\', '(((')).toEqual([]);
    const huge = 'Huawei no-spy sanctions '.repeat(4500);
    expect(huge.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const results = cardOf(c, huge, huge);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeGreaterThan(0);
  });

  it('property: any input gives a well-formed, sorted, limited answer', () => {
    const c = corpus();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 300 }), (mention, context) => {
        const results = cardOf(c, mention, context);
        expect(results.length).toBeLessThanOrEqual(6);
        expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
        for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
        for (const r of results) expect(c.statements.get(r.id)?.text).toBe(r.text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the card’s code', () => {
  it('spells no person’s name outside comments: who is who, and on which side, is the entity table’s (seeds/entities.json)', () => {
    const root = resolve(import.meta.dirname, '../../../..');
    const table = JSON.parse(readFileSync(join(root, 'seeds/entities.json'), 'utf8')) as Entity[];
    // Aliases of four letters or more: "Li" or "Ren" are parts of ordinary words and names.
    const names = [...new Set(table.filter((e) => e.type === 'person').flatMap((e) => [e.name, ...e.aliases]))].filter((n) => n.length >= 4);
    expect(names).toContain('Trump');
    const found: string[] = [];
    for (const file of readdirSync(join(root, 'lib/search')).filter((f) => f.endsWith('.ts'))) {
      const code = codeOf(readFileSync(join(root, 'lib/search', file), 'utf8'));
      for (const name of names) if (new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(code)) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
