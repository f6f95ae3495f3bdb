/**
 * Card fixtures. Liang Hua's line is from his May 2019 London remarks; the
 * other speakers and texts are invented for the tests and say so in their
 * role, so nothing here is mistaken for a corpus quote.
 */
import { vi } from 'vitest';
import type { CardItem, CardProps, CardReason, CardState } from '../../../../components/card/types.ts';

export function makeItem(overrides: Partial<CardItem> & Pick<CardItem, 'id'>): CardItem {
  return {
    kind: 'primary',
    voice: 'quote',
    text: 'A statement used in tests.',
    speaker: { name: 'Test Speaker', role: 'Fixture role', side: 'press' },
    topics: [],
    matchedTerms: [],
    answers: [],
    source: { file: 'fixture.txt', title: null, publisher: null, date: null, url: null },
    ...overrides,
  };
}

export const liangHua = makeItem({
  id: 'p-liang',
  kind: 'primary',
  text: 'We are willing to sign no-spy agreements with governments, including the UK government, to commit ourselves to making our equipment meet the no-spy, no-backdoors standard.',
  speaker: { name: 'Liang Hua', role: 'Chairman, Huawei', side: 'huawei' },
  topics: ['no-spy'],
  matchedTerms: ['no-spy', 'agreement'],
  source: {
    file: '003_fixture.txt',
    title: 'Huawei offers no-spy deal',
    publisher: 'Reuters',
    date: '2019-05-14',
    url: 'https://example.org/liang-hua',
  },
});

export const ministry = makeItem({
  id: 'p-mfa',
  kind: 'primary',
  text: 'The Chinese government has never asked and will not ask companies to collect intelligence. (test fixture)',
  speaker: { name: 'Foreign ministry spokesperson', role: 'Fixture: Ministry of Foreign Affairs of China', side: 'chinese-government' },
  matchedTerms: ['intelligence'],
  source: { file: '004_fixture.txt', title: null, publisher: 'Ministry of Foreign Affairs', date: '2021-02', url: null },
});

export const counter = makeItem({
  id: 'c-official',
  kind: 'counterclaim',
  text: 'A no-spy agreement cannot override a national intelligence law. (test fixture)',
  speaker: { name: 'Test Official', role: 'Fixture: US official', side: 'us-government' },
  matchedTerms: ['no-spy'],
  answers: ['p-liang'],
  source: { file: '005_fixture.txt', title: null, publisher: 'Example Wire', date: null, url: 'https://example.org/official' },
});

/** A primary item that answers the counterclaim: shows "Answers: …". */
export const rebuttal = makeItem({
  id: 'p-rebuttal',
  kind: 'primary',
  text: 'No law requires any company to install backdoors. (test fixture)',
  speaker: { name: 'Test Spokesperson', role: 'Fixture: Huawei', side: 'huawei' },
  answers: ['c-official'],
  source: { file: '006_fixture.txt', title: null, publisher: 'Example Daily', date: '2019', url: null },
});

/** Items in card order: the first is the lead. */
export function readyState(items: CardItem[], reason: CardReason | null = null): CardState {
  return { status: 'ready', items, reason };
}

/** Props whose callbacks are all `vi.fn()` spies. */
export function makeProps(overrides: Partial<CardProps> = {}) {
  const props = {
    mention: { text: 'no-spy agreement', category: 'no-spy' as const },
    state: readyState([liangHua, counter, ministry], { topics: ['no-spy'], words: ['no-spy', 'agreements'], speaker: 'Liang Hua', pairedLeftOff: 0 }),
    onReadInSource: vi.fn<CardProps['onReadInSource']>(),
    onCopyCitation: vi.fn<CardProps['onCopyCitation']>(),
    onSearchCorpus: vi.fn<CardProps['onSearchCorpus']>(),
    onTurnOffSite: vi.fn<CardProps['onTurnOffSite']>(),
    onClose: vi.fn<CardProps['onClose']>(),
  };
  return { ...props, ...overrides };
}
