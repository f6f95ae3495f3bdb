import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../../lib/detect/matcher.ts';
import { blockSignals, decideBlock, NEUTRAL_PAGE, pageContext, memoize, compiledNow } from '../../../../lib/detect/context.ts';

const texts = (s: string, page = NEUTRAL_PAGE) => findMentions(s, page).map((m) => m.text);

const HUAWEI_PAGE = pageContext(
  'Huawei founder Ren Zhengfei says US sanctions will not stop the company',
  'Huawei said on Monday that its business was resilient. Huawei shipped more phones than expected.',
);
const RUSSIA_PAGE = pageContext('EU extends sanctions on Russia for six months', 'Moscow responded. The Kremlin said.');

describe('not ours: the same words in other stories', () => {
  it.each([
    ['Russia', 'The European Union agreed on Thursday to extend economic sanctions against Russia by six months.'],
    ['Iran', 'Washington reimposed sanctions on Iran’s oil exports after leaving the nuclear deal.'],
    ['North Korea', 'Beijing will "seriously" implement new United Nations sanctions imposed on North Korea.'],
    ['N. Korea', "China to 'seriously' implement N. Korea UN sanctions"],
    ['Sudan', 'The American government plans to lift trade sanctions on Sudan.'],
    ['Apple-FBI', 'Apple refused the FBI’s demand to build a backdoor into the San Bernardino gunman’s iPhone.'],
    ['Merkel no-spy', 'Merkel wanted a no-spy agreement with Washington after reports that the NSA tapped her phone.'],
    ['BND no-spy', 'The BND had hoped for a no-spy deal with the United States in 2013.'],
  ])('%s', (_label, sentence) => {
    expect(texts(sentence)).toEqual([]);
    // A page about Huawei does not change an explicitly off-topic block.
    expect(texts(sentence, HUAWEI_PAGE)).toEqual([]);
  });

  it('generic words with no evidence anywhere stay unhighlighted', () => {
    expect(texts('The league sanctioned the club for a backdoor transfer deal.')).toEqual([]);
  });
});

describe('ours: the same words next to Huawei and Chinese tech', () => {
  it.each([
    [
      'Huawei + sanctions',
      'US sanctions have cut Huawei off from Google’s Android services.',
      ['sanctions', 'cut', 'Huawei'],
    ],
    ['Huawei + no-spy', 'Huawei is willing to sign a no-spy agreement with the UK.', ['Huawei', 'no-spy agreement']],
    ['Huawei + backdoor', 'There are no backdoors in Huawei equipment, Liang Hua said.', ['no backdoors', 'Huawei', 'Liang Hua']],
    ['ZTE', 'ZTE was added to the Entity List in 2016.', ['Entity List']],
    ['SMIC', 'SMIC faces tighter export controls.', ['export controls']],
    ['China + chips', 'New chip export curbs aim at China’s ability to make advanced semiconductors.', ['chip export curbs']],
    ['China + 5G', 'Beijing called the 5G blacklist discriminatory.', ['blacklist']],
  ])('%s', (_label, sentence, expected) => {
    expect(texts(sentence)).toEqual(expected);
  });

  it('the Meng Wanzhou case: a block naming Huawei/Meng is ours even when it names Iran', () => {
    const s =
      'Meng Wanzhou, Huawei’s chief financial officer, was arrested in Vancouver on charges related to breaching American sanctions against Iran.';
    expect(texts(s)).toEqual(['Meng Wanzhou', 'Huawei’s', 'sanctions']);
    expect(decideBlock(blockSignals(s), RUSSIA_PAGE)).toEqual({ onTopic: true, reason: 'entity' });
  });

  it('the same Iran sentence without the names is not, even on a Huawei page', () => {
    const s = 'She faces charges related to breaching American sanctions against Iran.';
    expect(texts(s, HUAWEI_PAGE)).toEqual([]);
  });

  it('a block without evidence follows the page', () => {
    const s = 'The sanctions have hurt its smartphone business badly.';
    expect(texts(s, HUAWEI_PAGE)).toEqual(['sanctions']);
    expect(texts(s, RUSSIA_PAGE)).toEqual([]);
    expect(texts(s)).toEqual([]);
  });

  it('a back-reference ("the restrictions") is ours only where the block or the page names the measure itself', () => {
    const s = 'The restrictions in place since 2019 have hurt Huawei’s chip supply.';
    // The page names the measure ("US sanctions" in its title).
    expect(texts(s, HUAWEI_PAGE)).toEqual(['restrictions', 'Huawei’s']);
    expect(texts(s)).toEqual(['Huawei’s']);
    // Nothing on the page names a measure: Covid-19 lockdown rules on a page about Huawei's suppliers.
    const lockdown = pageContext('Shenzhen lockdown hits Huawei suppliers', 'Huawei and Foxconn halted work in Shenzhen as the city locked down.');
    expect(texts('The new restrictions come after a rise in reported cases, Huawei said.', lockdown)).toEqual(['Huawei']);
    // The block names the measure itself: no page needed.
    expect(texts('US sanctions hit Huawei hard, and the restrictions still bite.')).toEqual(['sanctions', 'Huawei', 'restrictions']);
    // The phrase terms decide a noun that says what it is on; an off-topic block stays off; "to ban" is the verb.
    expect(texts('The restrictions on Russian banks were extended.', HUAWEI_PAGE)).toEqual([]);
    expect(texts('The decision to ban the app was taken in Washington.', HUAWEI_PAGE)).toEqual([]);
  });

  it('names are highlighted whatever the page', () => {
    expect(texts('Huawei and Ren Zhengfei', RUSSIA_PAGE)).toEqual(['Huawei', 'Ren Zhengfei']);
  });
});

describe('decideBlock steps', () => {
  const on = { ...NEUTRAL_PAGE, onTopic: true };
  it.each([
    ['entity beats off-topic', 'Huawei and Russia', NEUTRAL_PAGE, true, 'entity'],
    ['off-topic beats china-tech', 'Chinese chips for Russia', NEUTRAL_PAGE, false, 'off-topic'],
    ['off-topic beats the page', 'Iran', on, false, 'off-topic'],
    ['china-tech', 'Chinese 5G networks', NEUTRAL_PAGE, true, 'china-tech'],
    ['China alone is not enough', 'China imposed sanctions on Lockheed Martin', NEUTRAL_PAGE, false, 'none'],
    ['tech alone is not enough', 'chips', NEUTRAL_PAGE, false, 'none'],
    ['page', 'The sanctions bite.', on, true, 'page'],
  ] as const)('%s', (_label, text, page, onTopic, reason) => {
    expect(decideBlock(blockSignals(text), page)).toEqual({ onTopic, reason });
  });

  it('reads the page only when a block cannot decide alone', () => {
    let calls = 0;
    const page = memoize(() => {
      calls++;
      return HUAWEI_PAGE;
    });
    expect(decideBlock(blockSignals('Huawei sanctions'), page).reason).toBe('entity');
    expect(decideBlock(blockSignals('Russia sanctions'), page).reason).toBe('off-topic');
    expect(calls).toBe(0);
    expect(decideBlock(blockSignals('sanctions'), page).reason).toBe('page');
    expect(decideBlock(blockSignals('more sanctions'), page).reason).toBe('page');
    expect(calls).toBe(1);
  });
});

describe('blockSignals', () => {
  it('counts each kind', () => {
    expect(blockSignals('Huawei, ZTE and HiSilicon; China and Beijing; 5G chips; Russia, Iran, NSA')).toEqual({
      entity: 3,
      china: 2,
      tech: 2,
      offTopic: 3,
    });
  });

  it('"china" in lower case is porcelain, South Korea is not North Korea', () => {
    expect(blockSignals('fine china and South Korea')).toEqual({ entity: 0, china: 0, tech: 0, offTopic: 0 });
  });
});

describe('pageContext', () => {
  it('a Huawei title makes the page on topic', () => {
    expect(HUAWEI_PAGE.onTopic).toBe(true);
    expect(HUAWEI_PAGE.score).toBe(5);
  });

  it('an off-topic title and body make it off topic', () => {
    expect(RUSSIA_PAGE.onTopic).toBe(false);
    expect(RUSSIA_PAGE.score).toBe(-5);
  });

  it('a body needs 8 more Huawei mentions than off-topic ones without a telling title', () => {
    const body = (n: number) => 'Huawei said. '.repeat(n);
    expect(pageContext('Tech news', body(7)).onTopic).toBe(false);
    expect(pageContext('Tech news', body(8)).onTopic).toBe(true);
    expect(pageContext('Tech news', body(8) + ' Russia.').onTopic).toBe(false);
  });

  it('an off-topic title is outweighed only by a full body of evidence', () => {
    expect(pageContext('Russia sanctions', 'Huawei. '.repeat(20)).onTopic).toBe(false);
    expect(pageContext('Huawei and Russia', '').onTopic).toBe(true);
  });
});

describe('compiledNow', () => {
  it('leaves a global RegExp searching from the start, whatever its compile search matched', () => {
    // A pattern that matches the compile's own subject: the next search must not resume after it.
    const re = compiledNow(/\s+/g);
    expect(re.lastIndex).toBe(0);
    expect(re.exec('a b')?.index).toBe(1);
  });
});
