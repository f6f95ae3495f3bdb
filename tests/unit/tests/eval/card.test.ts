import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../../lib/data/types.ts';
import { runCardEval } from '../../../eval/card-run.ts';
import { normalise, parseItems, resolveAll, resolveLabel, scoreItem, totals } from '../../../eval/card.ts';
import { corpus } from '../../lib/search/helpers.ts';
import { labelledParagraph } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SET = join(ROOT, 'tests/fixtures/card/paragraphs.json');
const TEST_SPLIT = join(ROOT, 'tests/fixtures/card/test-split.json');
const TEST_SPLIT_2 = join(ROOT, 'tests/fixtures/card/test-split-2.json');
const TEST_SPLIT_3 = join(ROOT, 'tests/fixtures/card/test-split-3.json');
const TEST_SPLIT_4 = join(ROOT, 'tests/fixtures/card/test-split-4.json');

/**
 * The card's figures on the development set with the code of the day they
 * were measured: the suite fails when a change makes the card worse. Raise
 * them when the card gets better; the goal is TARGETS (issue #14). Hit@3,
 * recall@5, MRR, empty: 69.2% / 47.8% / 0.62 / 31% with the first card query
 * (81 paragraphs), 85.3% / 62.2% / 0.775 / 93.8% with the paragraph’s card
 * (91 paragraphs); 93.3% / 66.2% / 0.864 / 100% with lead-in matters, the
 * evidence and resilience matters, politics as a sanctions cue, other
 * countries' sanctions off topic, and three labels added in an audit
 * (session 4; 90.7% / 65.1% held out by article); 93.3% / 67.9% / 0.864 /
 * 100% with one answering statement next to the lead, "WTO"/"trade rules" as
 * trade and a measure "waking" a company's capacity as resilience (session 5;
 * 93.3% / 67.9% held out); 96.0% / 75.4% / 0.911 / 100% with the denial,
 * politics and pledge matters, the paragraph's claim sentence, shared word
 * pairs, a one-word name that speaks naming its person and the no-spy
 * terms asking for no-spy only (session 6; 94.7% / 72.7% held out);
 * 96.0% / 75.4% / 0.902 / 100% once seed 001's "The Trump administration
 * believe ..." became the reporter's words, not the U.S. government's (a
 * data fix: c69 "under the Trump administration" now leads with Zhao, its
 * relevant statement third; session 7; 93.3% / 73.3% held out); 97.3% /
 * 75.4% / 0.912 / 100% with sanctions named in a sentence about Meng
 * Wanzhou's case asking for her case (c91; 94.7% / 73.3% held out);
 * 97.3% / 75.6% / 0.919 / 100% with surviving a measure ("no way the US can
 * crush") as resilience, Huawei "part of a trade deal" as politics,
 * resilience asked only under pressure (a measure or the U.S. named), and
 * a claim's answers sharing its link gain (session 9; 96.0% / 74.4% held
 * out); 97.3% / 75.9% / 0.921 / 100% with only an answer on the
 * paragraph's matter beside the lead (session 10; 97.3% / 74.4% / 0.899
 * held out). The set then grew from 91 paragraphs (60 articles) to 168
 * (113), the new 77 labelled before the card was run on them (session 11):
 * on the same code 85.7% / 64.3% / 0.792 / 96.4% (87.9% / 62.6% / 0.785
 * held out), the new paragraphs alone 72.3% / 50.9% / 0.643 / 91.7%; with
 * a second batch of 23 (191 paragraphs, 130 articles) 85.0% / 63.9% /
 * 0.787 / 93.5% (86.3% / 62.5% / 0.782 held out), that batch alone 80.0% /
 * 60.8% / 0.754 / 66.7%. The floors went down because the set changed, not
 * the card. 86.3% / 64.6% / 0.788 / 93.5% with a measure on the 5G networks
 * read as the exclusion matter (its affinity row learned) and "Trojan horse"
 * as spying (session 12; 87.5% / 63.7% / 0.785 held out); 86.9% / 65.3% /
 * 0.790 / 93.5% with a speaker's third statement of one matter list after
 * the others (87.5% / 64.6% / 0.787 held out). 90.6% / 68.3% / 0.811 /
 * 93.5% with the learned word model of the paragraph's matters and an
 * unanswered denial's gain from the opposed camp's claims (session 13;
 * 88.8% / 65.9% / 0.804 held out). 91.9% / 69.1% / 0.816 / 93.5% with the
 * word model's odds of whose words the paragraph asks for (session 13,
 * round 2; 89.4% / 66.4% / 0.812 held out).
 */
const FLOORS = { measured: '2026-12-02', hit3: 0.918, recall5: 0.691, mrr: 0.815, emptyRate: 0.935 };

/**
 * The test splits' figures on the day they stopped being unseen (fixture
 * README): split 1 was read in session 7, split 2 in session 9 after its
 * first blind run (86.2% / 56.0% / 0.766, empty 7 of 9). Held so that a
 * change that loses on them shows; a new unseen figure needs a new split.
 * The detector: every labelled on-topic mention highlighted, and the
 * off-topic ones highlighted at most as today (split 2: the Mate 8 review's
 * "Huawei", a name the detector always highlights; its card is empty).
 * Split 3 (session 10) is held a little under the figures of main when it
 * landed (6324262: 81.8% / 60.2% / 0.704, empty 6 of 9, 4 of 58 labelled
 * mentions not highlighted, 1 of 6 off-topic ones highlighted: a Mate 20
 * Pro review's "Huawei"); its first blind run, on a55c8a9, was 81.8% /
 * 60.7% / 0.698; on 076dc1e (session 11, the card unchanged since) it
 * measured the same. Split 4 (labelled blind in session 11) is held a little
 * under its first blind run, on 076dc1e: 74.5% / 49.2% / 0.696, empty 8 of
 * 10, 6 of 55 labelled mentions not highlighted, 2 of 6 off-topic ones
 * highlighted. Splits 1 and 2 raised in session 12 (the exclusion matter:
 * split 1 recall@5 73.1% -> 74.2%, split 2 60.1% -> 61.2%, MRR 0.787 -> 0.800).
 * Session 13 (the word model and the denial links): split 1 MRR 0.865 ->
 * 0.898, split 2 89.7% / 61.2% / 0.800 -> 93.1% / 67.2% / 0.807, split 3
 * 81.8% / 60.8% / 0.704 -> 83.6% / 63.7% / 0.723 (floors raised), and
 * split 4 76.5% / 50.2% / 0.698 -> 74.5% / 50.7% / 0.684: one paragraph's
 * lead lost. Split 4's MRR floor was lowered from 0.69 to 0.68 for it, by
 * the lead, on the two blind splits taken together (106 paragraphs: 79.2%
 * / 55.7% / 0.701 -> 79.2% / 57.4% / 0.704), which the change does not
 * make worse; the fixture README says so. Round 2 (whose words the
 * paragraph asks for): split 2 recall@5 67.2% -> 68.4%, MRR 0.807 ->
 * 0.819, split 3 MRR 0.723 -> 0.735, split 4 50.7% / 0.684 -> 50.8% /
 * 0.693 (its MRR floor back at 0.69); floors raised.
 */
const SPLIT_FLOORS = {
  'test split 1': { hit3: 0.954, recall5: 0.742, mrr: 0.897, emptyRate: 0.8, undetected: 0, offTopicHighlighted: 0 },
  'test split 2': { hit3: 0.931, recall5: 0.683, mrr: 0.818, emptyRate: 1, undetected: 0, offTopicHighlighted: 2 },
  'test split 3': { hit3: 0.83, recall5: 0.63, mrr: 0.73, emptyRate: 0.66, undetected: 4, offTopicHighlighted: 1 },
  'test split 4': { hit3: 0.74, recall5: 0.5, mrr: 0.69, emptyRate: 0.8, undetected: 6, offTopicHighlighted: 2 },
} as const;
const TARGETS = { hit3: 0.9, recall5: 0.75 };

function statement(id: string, file: string, text: string, duplicates: Statement['duplicates'] = []): Statement {
  return {
    id,
    text,
    file,
    span: [0, text.length],
    speaker: { id: 'x', name: 'X', role: 'x', side: 'press' },
    kind: 'primary',
    voice: 'quote',
    via: 'quote-tag',
    topics: [],
    answers: [],
    duplicates,
  };
}

describe('card eval: labels', () => {
  const seeds: Record<string, string> = { 'b.txt': 'Intro. We’ll  continue serving our customers well, he said.' };
  const dup = 'We’ll  continue serving our customers well';
  const at = seeds['b.txt']!.indexOf(dup);
  const seedText = (f: string) => seeds[f] ?? '';
  const statements = [
    statement('a#1', 'a.txt', 'We will never spy on anyone for any government.'),
    statement('a#2', 'a.txt', "We'll continue serving our customers well", [{ file: 'b.txt', span: [at, at + dup.length] }]),
  ];

  it('normalises case, curly quotes and whitespace', () => {
    expect(normalise('  “No-Spy”\n  It’s ')).toBe('"no-spy" it\'s');
  });

  it('resolves a fragment to the statements of that file holding it, or kept for a duplicate in it', () => {
    expect(resolveLabel({ file: 'a.txt', quote: 'never SPY on anyone for  any' }, statements, seedText)).toEqual(['a#1']);
    expect(resolveLabel({ file: 'b.txt', quote: 'We’ll continue serving our customers well' }, statements, seedText)).toEqual(['a#2']);
    expect(resolveLabel({ file: 'b.txt', quote: 'never spy on anyone for any' }, statements, seedText)).toEqual([]);
  });

  it('reports each label that resolves to nothing, naming its item', () => {
    const items = parseItems(
      [labelledParagraph({ paragraph: 'Huawei said it would sign.', mention: 'Huawei', file: 'a.txt', quote: 'We will never spy on anyone' })],
      'set.json',
    );
    const { resolved, stale } = resolveAll(items, statements, seedText);
    expect(resolved.get('x1')).toEqual([['a#1'], []]);
    expect(stale).toEqual([{ item: 'x1', file: 'a.txt', quote: 'a quote that is not in the corpus' }]);
  });

  it('rejects a malformed item with the file and item named', () => {
    const base = { id: 'c1', url: 'u', publisher: 'p', date: null, paragraph: 'Huawei said', mention: 'Huawei', relevant: [], note: 'n' };
    expect(() => parseItems([{ ...base, mention: 'ZTE' }], 'set.json')).toThrow(/set\.json: item 0 \(c1\): "mention" is not a substring/);
    expect(() => parseItems([base, base], 'set.json')).toThrow(/item 1 \(c1\): duplicate id/);
    expect(() => parseItems([{ ...base, relevant: [{ file: 'a', quote: 'too short' }] }], 'set.json')).toThrow(/fewer than 6 words/);
    expect(() => parseItems([{ ...base, date: 'May 2020' }], 'set.json')).toThrow(/"date"/);
    expect(() => parseItems([{ ...base, offTopic: true, relevant: [{ file: 'a', quote: 'one two three four five six' }] }], 'set.json')).toThrow(/offTopic/);
    const items = [base, { ...base, id: 'c2', mention: 'ZTE' }];
    const text = JSON.stringify(items, null, 2);
    expect(() => parseItems(items, 'set.json', text)).toThrow(/^set\.json:13: item 1 \(c2\):/);
  });
});

describe('card eval: metrics', () => {
  it('hit@3, recall@5 and reciprocal rank count each label once, at its best-ranked statement', () => {
    const card = ['s1', 's2', 's3', 's4', 's5', 's6'];
    expect(scoreItem(card, [['s3'], ['s6', 's9']])).toEqual({ hit3: true, recall5: 0.5, rr: 1 / 3 });
    expect(scoreItem(card, [['s4'], ['s9', 's5']])).toEqual({ hit3: false, recall5: 1, rr: 1 / 4 });
    expect(scoreItem(card, [['s9']])).toEqual({ hit3: false, recall5: 0, rr: 0 });
    expect(scoreItem([], [['s1']])).toEqual({ hit3: false, recall5: 0, rr: 0 });
  });

  it('averages over answerable paragraphs and rates empty cards over the others', () => {
    const t = totals(
      [
        { hit3: true, recall5: 1, rr: 1 },
        { hit3: false, recall5: 0.5, rr: 0.25 },
      ],
      [true, false, true, true],
    );
    expect(t).toEqual({ answerable: 2, hit3: 0.5, recall5: 0.75, mrr: 0.625, empty: 4, emptyRate: 0.75 });
    expect(totals([], [])).toEqual({ answerable: 0, hit3: 0, recall5: 0, mrr: 0, empty: 0, emptyRate: 0 });
  });
});

describe('card eval: the development set', () => {
  const items = parseItems(JSON.parse(readFileSync(SET, 'utf8')), SET);
  const statements = JSON.parse(readFileSync(join(ROOT, 'data/statements.json'), 'utf8')) as Statement[];
  const seedText = (file: string) => readFileSync(join(ROOT, 'seeds', file), 'utf8');
  const result = runCardEval(corpus(), statements, items, seedText);

  it('is the size issue #14 asks for: 60+ paragraphs from 25+ articles, with empty and off-topic ones', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((i) => i.url)).size).toBeGreaterThanOrEqual(25);
    expect(items.filter((i) => i.offTopic).length).toBeGreaterThan(0);
    expect(items.filter((i) => !i.offTopic && i.relevant.length === 0).length).toBeGreaterThan(0);
  });

  it('every label names a statement of today’s corpus', () => {
    expect(result.stale.map((s) => `${s.item}: ${s.file} “${s.quote}”`)).toEqual([]);
  });

  it(`holds the card at least at the figures of ${FLOORS.measured} (targets: hit@3 ${TARGETS.hit3}, recall@5 ${TARGETS.recall5})`, () => {
    const t = result.totals;
    expect(t.hit3).toBeGreaterThanOrEqual(FLOORS.hit3);
    expect(t.recall5).toBeGreaterThanOrEqual(FLOORS.recall5);
    expect(t.mrr).toBeGreaterThanOrEqual(FLOORS.mrr);
    expect(t.emptyRate).toBeGreaterThanOrEqual(FLOORS.emptyRate);
  });
});

/**
 * The test splits (fixture README): their shape, disjoint from the
 * development set and from each other, every label resolving, and their
 * figures (SPLIT_FLOORS).
 */
describe.each([
  ['test split 1', TEST_SPLIT, 20, 8],
  ['test split 2', TEST_SPLIT_2, 30, 12],
  ['test split 3', TEST_SPLIT_3, 40, 20],
  ['test split 4', TEST_SPLIT_4, 60, 35],
] as const)('card eval: %s', (name, file, paragraphs, articles) => {
  const items = parseItems(JSON.parse(readFileSync(file, 'utf8')), file);
  const others = [SET, TEST_SPLIT, TEST_SPLIT_2, TEST_SPLIT_3, TEST_SPLIT_4].filter((f) => f !== file).flatMap((f) => parseItems(JSON.parse(readFileSync(f, 'utf8')), f));
  const statements = JSON.parse(readFileSync(join(ROOT, 'data/statements.json'), 'utf8')) as Statement[];
  const seedText = (f: string) => readFileSync(join(ROOT, 'seeds', f), 'utf8');

  it(`has ${paragraphs}+ paragraphs from ${articles}+ articles, off-topic ones among them, and no article or id of another set`, () => {
    expect(items.length).toBeGreaterThanOrEqual(paragraphs);
    expect(new Set(items.map((i) => i.url)).size).toBeGreaterThanOrEqual(articles);
    expect(items.filter((i) => i.offTopic).length).toBeGreaterThan(0);
    const otherUrls = new Set(others.map((i) => i.url));
    expect(items.filter((i) => otherUrls.has(i.url)).map((i) => i.id)).toEqual([]);
    expect(items.filter((i) => others.some((d) => d.id === i.id)).map((i) => i.id)).toEqual([]);
  });

  it('every label names a statement of today’s corpus', () => {
    expect(resolveAll(items, statements, seedText).stale.map((s) => `${s.item}: ${s.file} “${s.quote}”`)).toEqual([]);
  });

  it(`holds the card and the detector at least at the figures of ${FLOORS.measured}`, () => {
    const floor = SPLIT_FLOORS[name];
    const result = runCardEval(corpus(), statements, items, seedText);
    expect(result.totals.hit3).toBeGreaterThanOrEqual(floor.hit3);
    expect(result.totals.recall5).toBeGreaterThanOrEqual(floor.recall5);
    expect(result.totals.mrr).toBeGreaterThanOrEqual(floor.mrr);
    expect(result.totals.emptyRate).toBeGreaterThanOrEqual(floor.emptyRate);
    expect(result.undetected.length).toBeLessThanOrEqual(floor.undetected);
    expect(result.offTopicHighlighted.length).toBeLessThanOrEqual(floor.offTopicHighlighted);
  });
});
