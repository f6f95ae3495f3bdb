/**
 * Public API of lib/detect. Text only: `findMentions`, `matchTerms`,
 * `pageContext`, `decideBlock`. DOM: `pageContextOf`, `createScan` (sliced),
 * `rescan` (changed subtrees), `scanAll`. See README.md.
 */
export type { Mention } from './types.ts';
export { CATEGORIES, type Category } from '../vocabulary/categories.ts';
export { TERMS, type TermDef } from '../vocabulary/terms.ts';
export { findMentions, matchTerms, isGenericTerm, applyContext, PREFILTER, termsSource } from './matcher.ts';
export {
  blockSignals,
  decideBlock,
  pageContext,
  NEUTRAL_PAGE,
  memoize,
  PAGE_THRESHOLD,
  type BlockDecision,
  type DecisionReason,
  type PageContext,
  type PageInput,
  type Signals,
} from './context.ts';
export { pageContextOf, lazyPageContext, textSample, PAGE_SAMPLE_CHARS } from './page.ts';
export { sentenceAround, MAX_SENTENCE } from './sentence.ts';
export { firstOfEachTerm } from './density.ts';
export { nearestBlock, type BlockNode } from './blocks.ts';
export { SKIP_TAGS, BLOCK_TAGS, isBlockTag } from './dom-rules.ts';
export {
  Scan,
  createScan,
  rescan,
  scanAll,
  isRendered,
  collapseText,
  collapsedOffsets,
  type BlockMatch,
  type DomMention,
  type ScanOptions,
} from './scanner.ts';
