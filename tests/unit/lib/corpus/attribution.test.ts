import { describe, expect, it } from 'vitest';
import { built, source, statement, statementContaining } from './helpers.ts';

/** Attribution on the real seed sentences: one test per pattern the corpus contains. */

describe('quotation tags', () => {
  it('`"...," said Ren.` names Ren Zhengfei', () => {
    const s = statement('Trade benefits both sides.');
    expect(s.speaker.id).toBe('ren-zhengfei');
    expect(s.via).toBe('quote-tag');
  });

  it('`concluded Ren` names Ren Zhengfei', () => {
    expect(statement("We'll continue serving our customers well").speaker.id).toBe('ren-zhengfei');
  });

  it('`Ren told journalists` names Ren Zhengfei', () => {
    expect(statement('We have found new and more ways to overcome').speaker.id).toBe('ren-zhengfei');
  });

  it('`” Ren said.` (no comma) names Ren Zhengfei', () => {
    expect(statement('By supporting the mining industry').speaker.id).toBe('ren-zhengfei');
  });

  it('`said Huawei Chairman Liang Hua at ...` names Liang Hua, not Huawei', () => {
    const s = statement('We are willing to sign no-spy agreements with countries');
    expect(s.speaker.id).toBe('liang-hua');
    expect(s.speaker.side).toBe('huawei');
  });

  it('a second quote in the same paragraph keeps the tagged speaker (Liang Hua)', () => {
    const s = statement('But since the U.S. has not bought from us');
    expect(s.speaker.id).toBe('liang-hua');
    expect(s.via).toBe('quote-sibling');
  });

  it('`"...," he said` resolves the pronoun to the person named before (Liang, 001)', () => {
    expect(statement('It is inappropriate to use political means').speaker.id).toBe('liang-hua');
  });

  it('`"...," he said` resolves to Zhao in 003', () => {
    expect(statement("It will definitely harm US' national interests").speaker.id).toBe('zhao-lijian');
    expect(statement('Many successful companies in other countries').speaker.id).toBe('zhao-lijian');
  });

  it('`he said, adding that "this is hegemony."` is Zhao', () => {
    expect(statement('this is hegemony').speaker.id).toBe('zhao-lijian');
  });

  it('`"...," Zhao said. "..."` names Zhao for both quotes', () => {
    expect(statement('The US is the biggest country for cyber-hacking').speaker.id).toBe('zhao-lijian');
    expect(statement("It's a known fact that the US intelligence agencies").speaker.id).toBe('zhao-lijian');
  });

  it('`Li said` is David Daokui Li, though the quote names President Trump', () => {
    const s = statement('What President Trump is doing is waking');
    expect(s.speaker.id).toBe('david-daokui-li');
    expect(s.speaker.side).toBe('independent');
  });

  it('an unattributed quote paragraph continues the previous quote’s speaker (002)', () => {
    const humanity = statement('As humanity keeps making progress');
    expect(humanity.speaker.id).toBe('ren-zhengfei');
    expect(humanity.via).toBe('quote-continuation');
    expect(statement('In the 5G era, connecting businesses').speaker.id).toBe('ren-zhengfei');
  });

  it('the block quote after "Ren Zhengfei, found and CEO of Huawei\\n, said;" is Ren’s (004)', () => {
    const s = statement('Trade benefits all sides.');
    expect(s.speaker.id).toBe('ren-zhengfei');
    expect(s.via).toBe('block-quote');
    expect(s.kind).toBe('primary');
    expect(s.text.endsWith("we'd be happy to talk.")).toBe(true);
  });
});

describe('reported speech', () => {
  it('`Zhao added` at the end of a sentence names Zhao (a claim in the writer’s words)', () => {
    const s = statement('Neither have any cases similar to');
    expect(s.speaker.id).toBe('zhao-lijian');
    expect(s.voice).toBe('reported');
    expect(s.via).toBe('trailing-tag');
  });

  it('`..., Chinese Foreign Ministry spokesperson Zhao Lijian said Tuesday.` names Zhao', () => {
    expect(statement('China will continue to take').speaker.id).toBe('zhao-lijian');
  });

  it('`He urged the US ...` follows Zhao', () => {
    expect(statement('He urged the US to immediately correct').speaker.id).toBe('zhao-lijian');
  });

  it("`Zhao says that the US' actions 'rip away the fig leaf'` (single quotes) is Zhao", () => {
    const s = statement("Zhao says that the US' actions");
    expect(s.speaker.id).toBe('zhao-lijian');
    expect(s.text).toContain("'rip away the fig leaf'");
  });

  it('the lead-in before a colon is Zhao’s reported claim, the quote after it his own words', () => {
    expect(statement("Zhao said that the US' hysterical crackdown").speaker.id).toBe('zhao-lijian');
  });

  it('a paragraph-final `Zhao added` covers the narration before it, up to the US claim', () => {
    const but = statement('but Huawei has established 1,500 networks');
    expect(but.speaker.id).toBe('zhao-lijian');
    expect(but.via).toBe('paragraph-tag');
    expect(statement('Not one of those countries has provided evidence').speaker.id).toBe('zhao-lijian');
    const us = statement('The US accuses Huawei of threatening its national security');
    expect(us.speaker.id).toBe('us-government');
    expect(us.text).toBe('The US accuses Huawei of threatening its national security');
  });

  it('`said economics professor David Daokui Li from Tsinghua University` names Li', () => {
    expect(statement('Huawei has a backup plan').speaker.id).toBe('david-daokui-li');
  });

  it("`Huawei's Liang also said` names Liang Hua", () => {
    expect(statement("Huawei's Liang also said").speaker.id).toBe('liang-hua');
  });

  it('004 calls Ren "Zhengfei"', () => {
    expect(statement('Zhengfei acknowledged that some US politicians').speaker.id).toBe('ren-zhengfei');
    expect(statement('Reiterating comments from last year, Zhengfei stressed').speaker.id).toBe('ren-zhengfei');
  });

  it('"the executive" resolves to the executive named before (Ren, 004)', () => {
    expect(statement('The executive added that Huawei').speaker.id).toBe('ren-zhengfei');
    expect(statement('Talking with international media').speaker.id).toBe('ren-zhengfei');
  });

  it('"A top Huawei executive" (unnamed yet) is the company, not a guessed person', () => {
    expect(statement('A top Huawei executive said Tuesday').speaker.id).toBe('huawei');
  });

  it('an unnamed group ("Some groups of politicians") is an unnamed party, not a named camp', () => {
    const s = statement('Some groups of politicians claim');
    expect(s.speaker.side).toBe('unnamed');
    expect(s.speaker.name).toBe('Unnamed politicians');
  });

  it('"U.S. leaders have said" is the U.S. government', () => {
    expect(statement("U.S. leaders have said Huawei's networks").speaker.id).toBe('us-government');
  });

  it('"He cited" / "Ren stated" follow Ren (002)', () => {
    expect(statement('He cited the example of Huawei built 5G').speaker.id).toBe('ren-zhengfei');
    expect(statement('Ren stated that Huawei creates value').speaker.id).toBe('ren-zhengfei');
  });

  it('"added" with an object is not speech: "the U.S. added Huawei to its ... entity list" is Gogoi’s narration', () => {
    expect(statement('Just last month, the U.S. added Huawei').speaker.id).toBe('pallavi-gogoi');
    const tf = statement('In May 2019, the US commerce department added');
    expect(tf.speaker.side).toBe('press');
    expect(tf.speaker.name).toBe('TechFinancials');
  });
});

describe('transcripts and self-published text', () => {
  it('`PRESIDENT DONALD TRUMP:` is Donald Trump, U.S. government, primary', () => {
    const s = statement("No, because we're going to have");
    expect(s.speaker.id).toBe('donald-trump');
    expect(s.speaker.side).toBe('us-government');
    expect(s.kind).toBe('primary');
    expect(s.text.startsWith('PRESIDENT')).toBe(false);
  });

  it('`LIANG HUA: (Speaking Chinese).` yields no statement', () => {
    const text = source('001_cf337998d25e89a1.txt');
    const at = text.indexOf('LIANG HUA: (Speaking Chinese).');
    expect(at).toBeGreaterThan(0);
    const inside = built().statements.filter((s) => s.file.startsWith('001') && s.span[0] >= at && s.span[0] < at + 30);
    expect(inside).toEqual([]);
    expect(statementContaining('Speaking Chinese')).toBeUndefined();
  });

  it('`GOGOI:` turns and their unlabeled continuations are Pallavi Gogoi, NPR, press', () => {
    const s = statement('Huawei has a plan B');
    expect(s.speaker.id).toBe('pallavi-gogoi');
    expect(s.speaker.side).toBe('press');
    expect(statement('Now, Meng is not just any').speaker.id).toBe('pallavi-gogoi');
  });

  it('`CORNISH:` is Audie Cornish, NPR host', () => {
    expect(statement('Why is this company at the heart of this trade war?').speaker.id).toBe('audie-cornish');
  });

  it('what a journalist reports a party said is that party’s ("And he said the U.S. has not bought" = Liang)', () => {
    expect(statement('And he said the U.S. has not bought anything').speaker.id).toBe('liang-hua');
    expect(statement('Huawei has maintained consistently').speaker.id).toBe('huawei');
  });

  it("Huawei's own page speaks as Huawei (corporate first person)", () => {
    const s = statement('We have been very clear on this point');
    expect(s.speaker.id).toBe('huawei');
    expect(s.via).toBe('self-published');
    expect(s.kind).toBe('primary');
  });
});
