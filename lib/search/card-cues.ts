import { personWords, type Topic } from '../vocabulary/topics.ts';

/**
 * What the card matches a paragraph and a statement on: the corpus topics,
 * and matters news treats apart within them, which the corpus has no topic
 * for. Whether there is evidence (an accusation "without evidence", "no
 * evidence that Huawei has ever...") is the core of the security dispute;
 * how Huawei fares despite the measures ("despite sanctions",
 * "self-sufficiency", "overcome") is another story than the measures
 * themselves; that a party denies a claim ("Huawei has denied the
 * allegations") is answered by its denial, not by every statement on the
 * claim; that a measure is political ("politicised", "a bargaining chip")
 * by the statements that call it so; a no-spy pledge (an offer to sign an
 * agreement) is a narrower matter than spying. A government keeping a
 * company out of its 5G networks (a ban, restrictions, licence conditions)
 * is the security dispute even where the paragraph names no security word
 * (exclusion): a matter of questions only, read from the measure and the
 * networks together (`cardQuestion`), never of a statement. How much each
 * matter of a paragraph asks for each matter of a statement is learned
 * (`npm run tune:card`).
 */
export type Matter = Topic | 'evidence' | 'resilience' | 'denial' | 'politics' | 'pledge' | 'exclusion';

/**
 * How news paragraphs say what they are about, mapped to the corpus topics
 * (`lib/vocabulary/topics.ts`). The corpus patterns classify the parties' own
 * sentences; a reader's paragraph is the reporter's wording of the same
 * matter, and uses other words for it: a government "excludes" Huawei as a
 * "high-risk vendor" (security), a "crackdown", "curbs" or the
 * "suppression" of firms are sanctions, allegations called "false" are a
 * denial, "access to customers' networks" is the backdoor question,
 * "ties to the Communist Party" is the independence question, breaking
 * "WTO" or "trade rules" is trade, a measure "waking" a company's
 * "capacity" or "no way" it can "crush" the company is how it fares
 * despite the measure (resilience), a company "part of a trade deal" is a
 * bargaining chip (politics). These cues
 * read the paragraph and the sentence, and add to a statement's corpus
 * topics for the card (`statementMatters` in `query.ts`); they never change
 * the corpus.
 */
export const QUERY_TOPIC_CUES: Readonly<Partial<Record<Matter, RegExp>>> = {
  'no-spy':
    /\bno[-\s]?spy\b|\bspy(?:ing|ware)?\b|\bspies\b|\bespionage\b|\bsurveil\w*|\beavesdrop\w*|\bsnoop\w*|\bintelligence[-\s]gathering\b|\bcollect (?:intelligence|data)\b|\b(?:hand|turn)(?:s|ed|ing)? over (?:user |customer |sensitive )?(?:data|information)\b|\bshar(?:e|es|ed|ing) (?:user |customer |sensitive )?(?:data|information) with\b|\bused by (?:the )?(?:Chinese|Beijing|China)\b|\bTrojan horses?\b/i,
  backdoor: /\bback[-\s]?doors?\b|\bkill[-\s]switch\w*|\bhidden (?:access|code)\b|\bvulnerabilit(?:y|ies)\b|\b(?:covert(?:ly)?|secret(?:ly)?|unauthori[sz]ed|remote) access\b|\baccess(?:ing)? (?:to )?(?:its |their )?(?:customers['’]? |carriers['’]? |operators['’]? |telecom )networks?\b/i,
  security:
    /\bsecurity\b|\bsecure\b|\b(?:high|security|national[-\s]security)[-\s]risks?\b|\brisks?\b|\bthreats?\b|\b(?:un)?trusted (?:vendor|supplier)s?\b|\bcritical (?:national )?infrastructure\b|\bcyber\w*|\bhack\w*|\bsabotage\b|\bcompromis\w+/i,
  independence:
    /\bindependen(?:t|ce)\b|\bowned by (?:its )?(?:employees|workers|staff)\b|\bemployee[-\s]owned\b|\bties (?:to|with) (?:the )?(?:Chinese|Communist|People's Liberation|PLA|Beijing|Chinese government|state)\b|\b(?:state|government|party)[-\s](?:control\w*|influence|backed|linked)\b|\bcontrolled by\b|\bCommunist Party\b|\bshareholders?\b/i,
  'intelligence-law':
    /\bintelligence law\b|\bnational intelligence\b|\bChinese laws?\b|\b(?:law|laws) (?:that )?(?:require|requires|compel|compels|oblige|obliges|force|forces)\b|\b(?:required|compelled|obliged|forced) (?:by law )?to (?:cooperate|assist|help|support|hand)\b/i,
  sanctions:
    /\bsanction\w*|\bbans?\b|\bbann(?:ed|ing)\b|\brestrict\w*|\bcrack(?:ing|s)?[-\s]?down\b|\bcurbs?\b|\bcurb(?:ed|ing)\b|\bblacklist\w*|\bprohibit\w*|\bbarr(?:ed|ing)\b|\bbars\b|\bexclu(?:de|ded|des|ding|sion)\b|\bexport (?:controls?|licen[cs]es?|rules?)\b|\blicen[cs]es?\b|\bcut (?:it |them |Huawei |the company )?off\b|\bpenalt\w+|\bEntity List\b|\bforeign direct product\b|\bpressure\w*|\bsuppress\w*|\bcampaign against\b|\bpoliticall?y[-\s]motivated\b|\bpoliticis\w+|\bpoliticiz\w+|\bpolitical (?:means|tools?|weapons?|reasons?|decision|one|pawn)\b|\babout politics\b/i,
  'entity-list': /\bEntity List\b|\bblack[-\s]?list\w*|\btrade blacklist\b/i,
  chips:
    /(?<!bargaining )\bchips?\b|\bmicrochips?\b|\bsemiconductors?\b|\bchipsets?\b|\bchipmak\w+|\bprocessors?\b|\bKirin\b|\bTSMC\b|\bSMIC\b|\bHiSilicon\b|\bforeign direct product\b/i,
  '5g': /\b5G\b|\bnetwork equipment\b|\bmobile networks?\b|\bbase stations?\b|\btelecom(?:munications)? (?:networks?|operators?|carriers?|equipment|gear|infrastructure)\b|\bwireless networks?\b/i,
  trade:
    /\btrade\b|\btrading\b|\btariffs?\b|\bexports?\b|\bimports?\b|\bsupply chains?\b|\bsuppliers?\b|\bwin-win\b|\b(?:buy|buying|bought|sell|selling|sold|purchas\w+) (?:from|to|more|components|parts|chips|goods)\b|\b(?:buy|buying|bought|sell|selling|sold|purchas\w+)\b[^.]{0,30}\b(?:equipment|components|parts|materials|goods|products|volumes)\b|\bmarket economy\b|\bcommercial\b|\bbusiness(?:es)? with\b|\bdecoupl\w+|\b(?:US|U\.S\.|American) (?:companies|firms)\b|\bmutually beneficial\b|\bproduction capacity\b|\bWTO\b|\bWorld Trade Organi[sz]ation\b|\btrade rules\b|\bfair competition\b|\bnon-?discrimination\b/i,
  // Her names are data (`topicPeople` in names.json); the rest is how news tells her case.
  extradition: new RegExp(
    `${personWords('extradition')}|\\bextradit\\w+|\\barrest(?:ed)?\\b|\\bhouse arrest\\b|\\bdetention\\b|\\bdetained\\b|\\bVancouver\\b|\\bchief financial officer\\b|\\bCFO\\b|\\bbank fraud\\b|\\bHSBC\\b`,
    'i',
  ),
  globalisation: /\bglobali[sz]\w+|\bglobal (?:industry|industries|supply chains?|cooperation|ecosystem)\b|\bgo it alone\b/i,
  evidence: /\b(?:no|any|without|not|never|lack of)\b[^.]{0,40}\b(?:evidence|proof)\b|\bevidence\b[^.]{0,20}\b(?:never|not)\b|\bunfounded\b|\bbaseless\b|\bunproven\b/i,
  resilience: /\b(?:despite|in spite of) (?:[\p{L}.'’-]+ ){0,4}(?:sanctions|bans?|restrictions|curbs|blacklist\w*|export controls|pressure|crackdown)\b|\bself[-\s]?(?:sufficien\w*|relian\w*)|\bovercom\w+|\bsurviv\w+|\bthriv\w+|\bcomeback\b|\bbreakthrough\b|\brevenue\b|\bprofits?\b|\bhome-?grown\b|\bin-house\b|\bself-(?:developed|designed|made)\b|\beffective(?:ness)?\b[^.]{0,30}\b(?:sanctions|bans?|restrictions|curbs|export controls|blacklist\w*)|\bdoing (?:really |very |remarkably )?well\b|\b(?:years|generations?) behind\b|\bown (?:chips?|operating system|processors?)\b|\bstronger\b|\b(?:wak(?:e|es|ing|ened)|awak\w+)\b(?: [\p{L}'’-]+){0,3} (?:capacity|capabilit\w+|potential|innovation)\b|\b(?:no way|cannot|can(?:['’]|no)t|could(?: not|n['’]t)|won['’]t|will not|unable to|fail(?:s|ed)? to)\b(?: [\p{L}.'’-]+){0,4} (?:crush|kill|destroy|defeat|sink|bring down|knock out|topple)\b/iu,
  pledge: /\bno[-\s]?(?:spy|backdoors?)\b[^.]{0,30}\b(?:agreements?|deals?|pacts?|pledges?|commitments?|accords?)\b|\bsign(?:s|ed|ing)?\b[^.]{0,30}\bno[-\s]?(?:spy|backdoors?)\b|\bpledg(?:e|es|ed|ing)\b/i,
  denial: /\bden(?:y|ies|ied|ying|ials?)\b|\brefut\w+|\breject(?:s|ed|ing)? (?:the |these |those |such |all |any )?(?:claims?|allegations?|accusations?|charges?|reports?)\b|\bnot true\b|\buntrue\b|\bnot the case\b|\b(?:claims?|allegations?|accusations?|charges?)\b[^.]{0,30}\b(?:incorrect|false|wrong|groundless|unfounded|baseless|illogical|smears?)\b/i,
  politics: /\bpolitic(?:s|al|ally|i[sz](?:e|es|ed|ing|ation))\b|\bgeopolitic\w*|\bbargaining chip\b|\b(?:part|piece) of (?:a |an |any |the |some )?(?:[\p{L}-]+ )?trade (?:deal|agreement|pact|talks|negotiations)\b|\b(?:included|include|including|traded away) (?:\w+ )?in (?:a |an |any |the |some )?(?:[\p{L}-]+ )?trade (?:deal|agreement|pact)\b/iu,
  'operating-system': /\bAndroid\b|\boperating systems?\b|\bGoogle\b|\bGmail\b|\bHarmonyOS\b|\bHongmeng\b|\bPlay Store\b|\bapps?\b/i,
};

/**
 * A paragraph that names a party as the one speaking or acting (not as a
 * place: "Washington" and "Beijing" are too often just places) raises that
 * side's statements. These are the generic wordings ("U.S. officials",
 * "Huawei said"); a person or an institution of the entity table named in
 * the paragraph names its side too (`cardQuestion`), so no name is spelled
 * here.
 */
export const SIDE_CUES: Readonly<Record<string, RegExp>> = {
  'chinese-government': /\bforeign ministry\b|\bministry of foreign affairs\b|\bChinese (?:government|officials?|embassy|authorities)\b|\bBeijing (?:has |had )?(?:said|says|denied|denies|rejected|rejects|accused|accuses|responded|urged|urges|vowed|vows)\b/i,
  'us-government':
    /\b(?:U\.?S\.?|US|American|Washington|White House)\s(?:officials?|administration|government|lawmakers|politicians|leaders|authorities|intelligence)\b|\bCommerce Department\b|\bDepartment of Commerce\b|\bState Department\b|\bWashington (?:has |had )?(?:said|says|argued|argues|claimed|claims|alleged|alleges|accused|accuses|warned|warns)\b/i,
  huawei: /\bHuawei (?:has |had )?(?:said|says|denied|denies|rejected|rejects|insisted|insists|maintained|maintains|argued|argues|pledged|pledges|offered|offers|vowed|vows)\b|\bHuawei (?:spokes\w+|executive|chairman|founder)\b|\bthe company (?:has )?(?:said|says|denied|denies|insists|insisted)\b/i,
};

const globalCues = new Map<RegExp, RegExp>();

/**
 * Where `text` words one of the card's matters: the [start, end) spans of
 * every match of every `QUERY_TOPIC_CUES` pattern. The "Why these" line
 * takes its words from inside them (`card-reason.ts`).
 */
export function cueSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const re of Object.values(QUERY_TOPIC_CUES)) {
    let g = globalCues.get(re);
    if (!g) globalCues.set(re, (g = new RegExp(re.source, `${re.flags}g`)));
    for (const m of text.matchAll(g)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
