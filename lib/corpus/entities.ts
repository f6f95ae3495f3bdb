import type { Speaker } from './types.ts';

/**
 * The maintained table of the parties the corpus quotes. This is the only
 * hand-written knowledge the attribution stage uses: who exists, how texts
 * name them, and which camp they belong to. It never says which sentence is
 * whose; the rules in `attribute.ts` decide that from the text.
 *
 * To add a speaker for a new document, add one entry here (and check
 * `npm run index -- --report`).
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
}

export const ENTITIES: readonly Entity[] = [
  {
    id: 'huawei',
    name: 'Huawei',
    role: 'Huawei Technologies Co., Ltd. (corporate statement)',
    side: 'huawei',
    type: 'organization',
    aliases: ['Huawei', 'Huawei Technologies', 'the Chinese tech giant', 'The Chinese tech giant'],
    publishes: ['Huawei Technologies'],
  },
  {
    id: 'ren-zhengfei',
    name: 'Ren Zhengfei',
    role: 'Founder and CEO, Huawei',
    side: 'huawei',
    type: 'person',
    pronoun: 'he',
    aliases: ['Ren Zhengfei', 'Ren', 'Zhengfei'],
    titles: ['founder', 'CEO', 'executive'],
    labels: ['REN ZHENGFEI', 'REN'],
  },
  {
    id: 'liang-hua',
    name: 'Liang Hua',
    role: 'Chairman, Huawei',
    side: 'huawei',
    type: 'person',
    pronoun: 'he',
    aliases: ['Liang Hua', 'Liang'],
    titles: ['chairman', 'executive'],
    labels: ['LIANG HUA', 'LIANG'],
  },
  {
    id: 'zhao-lijian',
    name: 'Zhao Lijian',
    role: 'Spokesperson, Ministry of Foreign Affairs of China',
    side: 'chinese-government',
    type: 'person',
    pronoun: 'he',
    aliases: ['Zhao Lijian', 'Zhao'],
    titles: ['spokesperson', 'spokesman'],
    labels: ['ZHAO LIJIAN', 'ZHAO'],
  },
  {
    id: 'chinese-government',
    name: 'Chinese government',
    role: 'Government of the People’s Republic of China',
    side: 'chinese-government',
    type: 'organization',
    aliases: [
      'The Chinese government',
      'the Chinese government',
      'Chinese Foreign Ministry',
      'Chinese foreign ministry',
      'Beijing',
    ],
  },
  {
    id: 'donald-trump',
    name: 'Donald Trump',
    role: 'President of the United States (2017–2021)',
    side: 'us-government',
    type: 'person',
    pronoun: 'he',
    aliases: ['President Donald Trump', 'Donald Trump', 'President Trump', 'Trump'],
    titles: ['president'],
    labels: ['PRESIDENT DONALD TRUMP', 'DONALD TRUMP', 'TRUMP'],
  },
  {
    id: 'mike-pompeo',
    name: 'Mike Pompeo',
    role: 'U.S. Secretary of State (2018–2021)',
    side: 'us-government',
    type: 'person',
    pronoun: 'he',
    aliases: ['Mike Pompeo', 'Pompeo'],
    titles: ['secretary'],
    labels: ['MIKE POMPEO', 'POMPEO'],
  },
  {
    id: 'us-government',
    name: 'U.S. government',
    role: 'United States federal government',
    side: 'us-government',
    type: 'organization',
    aliases: [
      'The United States government',
      'the United States government',
      'The U.S. government',
      'the U.S. government',
      'The US government',
      'the US government',
      'U.S. leaders',
      'US leaders',
      'The Trump administration',
      'the Trump administration',
      'The Biden administration',
      'the Biden administration',
      'U.S. Commerce Department',
      'US commerce department',
      'The United States',
      'the United States',
      'The U.S.',
      'the U.S.',
      'The US',
      'the US',
      'Washington',
    ],
  },
  {
    id: 'david-daokui-li',
    name: 'David Daokui Li',
    role: 'Economics professor, Tsinghua University',
    side: 'independent',
    type: 'person',
    pronoun: 'he',
    aliases: ['David Daokui Li', 'Daokui Li', 'Li'],
    titles: ['professor'],
    labels: ['DAVID DAOKUI LI', 'DAVID LI'],
  },
  {
    id: 'pallavi-gogoi',
    name: 'Pallavi Gogoi',
    role: 'Chief business editor, NPR',
    side: 'press',
    type: 'person',
    pronoun: 'she',
    aliases: ['Pallavi Gogoi', 'Gogoi', 'Pallavi'],
    titles: ['editor'],
    labels: ['PALLAVI GOGOI', 'GOGOI'],
  },
  {
    id: 'audie-cornish',
    name: 'Audie Cornish',
    role: 'Host, All Things Considered, NPR',
    side: 'press',
    type: 'person',
    pronoun: 'she',
    aliases: ['Audie Cornish', 'Cornish', 'Audie'],
    titles: ['host'],
    labels: ['AUDIE CORNISH', 'CORNISH'],
  },
];

const BY_ID = new Map(ENTITIES.map((e) => [e.id, e]));

export function entityById(id: string): Entity | undefined {
  return BY_ID.get(id);
}

/** The plain `Speaker` of an entity (what a statement stores). */
export function speakerOf(e: Speaker): Speaker {
  return { id: e.id, name: e.name, role: e.role, side: e.side };
}

/** The entity that published a document itself, if any (see `publishes`). */
export function selfPublisher(publisher: string | null): Entity | undefined {
  if (publisher === null) return undefined;
  return ENTITIES.find((e) => e.publishes?.some((p) => publisher.startsWith(p)));
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
