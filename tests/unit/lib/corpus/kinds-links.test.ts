import { describe, expect, it } from 'vitest';
import { normalizeForCompare } from '../../../../lib/corpus/text.ts';
import { built, source, statement } from './helpers.ts';

describe('kinds', () => {
  it('direct quotes, transcript turns and self-published text are primary', () => {
    expect(statement('We are willing to sign no-spy agreements').kind).toBe('primary');
    expect(statement("No, because we're going to have").kind).toBe('primary');
    expect(statement('This is simply not true.').kind).toBe('primary');
  });

  it('reported claims that dispute another party are counterclaims', () => {
    expect(statement("U.S. leaders have said Huawei's networks").kind).toBe('counterclaim');
    expect(statement('Some groups of politicians claim').kind).toBe('counterclaim');
    expect(statement('The US accuses Huawei').kind).toBe('counterclaim');
    expect(statement('The United States government has been campaigning').kind).toBe('counterclaim');
    expect(statement('Huawei has repeatedly denied the claims.').kind).toBe('counterclaim');
  });

  it('"Neither have any cases ... been reported, Zhao added." is Zhao’s counterclaim (reported, disputing), not a quote', () => {
    const s = statement('Neither have any cases');
    expect(s.kind).toBe('counterclaim');
    expect(s.voice).toBe('reported');
  });

  it('the writer’s narration is context, with the publication as speaker', () => {
    const s = statement('This culminated last month with the U.S. Commerce Department adding Huawei');
    expect(s.kind).toBe('context');
    expect(s.speaker.side).toBe('press');
    expect(s.speaker.name).toBe('KGOU');
  });

  it('a party’s reported words that dispute nobody are context under that party', () => {
    const s = statement('Ren said the Intelligent Mining Innovation Lab');
    expect(s.kind).toBe('context');
    expect(s.speaker.id).toBe('ren-zhengfei');
  });

  it('the press is never primary or counterclaim, even in its own transcript turns', () => {
    const press = built().statements.filter((s) => s.speaker.side === 'press');
    expect(press.length).toBeGreaterThan(10);
    expect(press.every((s) => s.kind === 'context')).toBe(true);
  });

  it('off-topic narration is not kept ("So stay tuned.", "Thank you for speaking with us.")', () => {
    const texts = built().statements.map((s) => s.text);
    expect(texts.some((t) => t.includes('stay tuned'))).toBe(false);
    expect(texts.some((t) => t.includes('Thank you for speaking with us'))).toBe(false);
  });
});

describe('duplicates', () => {
  it('002’s closing quote, repeated with a different apostrophe, is one record listing the other span', () => {
    const text = source('002_6c67cefa4da1482a.txt');
    const records = built().statements.filter((s) => normalizeForCompare(s.text).startsWith("we'll continue serving"));
    expect(records).toHaveLength(1);
    const [r] = records;
    expect(r!.duplicates).toHaveLength(1);
    const dup = r!.duplicates[0]!;
    expect(dup.file).toBe('002_6c67cefa4da1482a.txt');
    const other = text.slice(dup.span[0], dup.span[1]);
    expect(other).not.toBe(r!.text);
    expect(normalizeForCompare(other)).toBe(normalizeForCompare(r!.text));
    expect(r!.text.includes("We'll") !== other.includes("We'll")).toBe(true);
  });
});

describe('answers links', () => {
  const ids = () => new Map(built().statements.map((s) => [s.id, s]));

  it('Huawei’s "This is simply not true..." answers "Some groups of politicians claim..."', () => {
    expect(statement('This is simply not true.').answers).toContain(statement('Some groups of politicians claim').id);
  });

  it('Zhao’s rebuttals answer "The US accuses Huawei..."', () => {
    const us = statement('The US accuses Huawei').id;
    for (const prefix of ['but Huawei has established', 'Not one of those countries', 'Neither have any cases']) {
      expect(statement(prefix).answers, prefix).toContain(us);
    }
    expect(statement('Without solid evidence, the US has used').answers).toContain(us);
  });

  it('"U.S. leaders have said ... could be used" disputes Liang Hua’s no-spy offer', () => {
    expect(statement("U.S. leaders have said Huawei's networks").answers).toContain(
      statement('We are willing to sign no-spy agreements').id,
    );
  });

  it('"Huawei has repeatedly denied the claims." answers the US campaign and takes its topics', () => {
    const denied = statement('Huawei has repeatedly denied the claims.');
    const campaign = statement('The United States government has been campaigning');
    expect(denied.answers).toEqual([campaign.id]);
    expect(denied.topics).toEqual(campaign.topics);
    // The writer's "without presenting any evidence" does not make the accusation a rebuttal of Ren.
    expect(campaign.answers).toEqual([]);
  });

  it('links stay within a document, point at existing opposing statements and never go both ways', () => {
    const byId = ids();
    for (const s of built().statements) {
      for (const a of s.answers) {
        const t = byId.get(a);
        expect(t, `${s.id} -> ${a}`).toBeDefined();
        expect(t!.file).toBe(s.file);
        expect(t!.speaker.side).not.toBe(s.speaker.side);
        expect(t!.answers).not.toContain(s.id);
      }
    }
  });

  it('narration answers nothing', () => {
    expect(built().statements.filter((s) => s.kind === 'context' && s.answers.length > 0)).toEqual([]);
  });
});
