import { describe, expect, it } from 'vitest';
import { lookupCard } from '../../../../lib/search/lookup.ts';
import { corpus } from './helpers.ts';

const LIANG_CONTEXT =
  'Huawei chairman Liang Hua said the company was willing to sign a no-spy agreement with the United States, repeating an offer the Chinese firm has made to European governments.';

describe('lookupCard', () => {
  it('answers the card, ranked, with a reason, as plain data (what crosses the messaging is what the CLI prints)', () => {
    const answer = lookupCard(corpus(), 'no-spy agreement', LIANG_CONTEXT, { category: 'no-spy', term: 'no-spy agreement' });
    for (const r of answer.results) expect(Object.getOwnPropertyDescriptor(r, 'terms')).toHaveProperty('value');
    expect(structuredClone(answer)).toEqual(answer);
    expect(answer.results[0]!.speaker.name).toBe('Liang Hua');
    expect(answer.results.some((r) => r.kind === 'counterclaim')).toBe(true);
    expect(answer.reason?.topics).toContain('no-spy');
    expect(answer.reason?.speaker).toBe('Liang Hua');
  });

  it('only the parties’ words: no reporting records on the card', () => {
    const { results } = lookupCard(corpus(), 'Entity List', 'The Commerce Department added Huawei to its Entity List in May 2019.');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.kind).not.toBe('context');
  });

  it('emphasizes the words of the mention, not every context word the statement shares', () => {
    const { results } = lookupCard(corpus(), 'no-spy agreement', LIANG_CONTEXT);
    const offer = results.find((r) => r.text === 'We are willing to sign no-spy agreements with countries')!;
    expect(offer.terms).toEqual(expect.arrayContaining(['no-spy', 'agreements']));
    expect(offer.terms).not.toContain('willing');
    expect(offer.terms).not.toContain('sign');
  });

  it('answers nothing when neither mention nor context is about the corpus topics', () => {
    expect(lookupCard(corpus(), 'Huawei', 'Apple iPhone battery life review')).toEqual({ results: [], reason: null });
  });

  it('uses the category the detector found, not another matcher: the foreign direct product rule is about chip sanctions', () => {
    const context = 'The foreign direct product rule lets Washington stop foundries anywhere from making chips for the company.';
    const { results } = lookupCard(corpus(), 'foreign direct product rule', context, { category: 'sanctions', term: 'foreign direct product rule' });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.topics.some((t) => t === 'sanctions' || t === 'chips')).toBe(true);
  });

  it('the reason line names the paragraph’s words the lead shares that carry meaning: no stop words, no sentence-initial capitals, not the hovered words', () => {
    const context = 'Without evidence, Washington has pushed allies to ban Huawei. Security officials fear spying on 5G networks.';
    const { reason } = lookupCard(corpus(), 'Huawei', context, { category: 'huawei', term: 'Huawei' });
    expect(reason).not.toBeNull();
    expect(reason!.words.length).toBeGreaterThan(0);
    for (const w of reason!.words) {
      expect(w).not.toMatch(/^(?:Huawei|Without|without|Security|has|to|on)$/);
      expect(context.toLowerCase()).toContain(w.toLowerCase());
    }
  });

  it('sanctions named as another country’s, in a paragraph that does not name Huawei, open no card; in Meng Wanzhou’s case they do', () => {
    const zte = 'Trump urged the Commerce Department to punish ZTE, which had been banned for violating sanctions against Iran and North Korea.';
    expect(lookupCard(corpus(), 'sanctions', zte, { category: 'sanctions', term: 'sanctions' }).results).toEqual([]);
    const meng = 'Meng Wanzhou, Huawei’s finance chief, was accused of misleading HSBC and violating US sanctions against Iran.';
    expect(lookupCard(corpus(), 'sanctions', meng, { category: 'sanctions', term: 'sanctions' }).results.length).toBeGreaterThan(0);
  });

  it('a generic word in another story (sanctions on Russia) opens no card', () => {
    const context = 'The EU agreed to extend economic sanctions against Russia for another six months.';
    expect(lookupCard(corpus(), 'sanctions', context, { category: 'sanctions', term: 'sanctions' }).results).toEqual([]);
  });
});
