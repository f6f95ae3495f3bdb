/**
 * The DOM scanner: finds the mentions to highlight under one or more roots,
 * in slices the caller can fit into short main-thread tasks. Plain
 * TypeScript over DOM interfaces; the document comes in with the roots, so it
 * runs in the content script and in Node with happy-dom alike.
 *
 * One pass per root: a TreeWalker over elements and text. Elements whose text
 * is never ours (script, style, code…, our own UI) are skipped with their
 * subtree; open shadow roots are scanned where their host is met. Each text
 * node gets one cheap case-insensitive test ({@link PREFILTER}); only nodes
 * that pass lead to their block, which is then matched once as a whole and
 * decided once by the context rule.
 */
import { applyContext, matchTerms, PREFILTER } from './matcher.ts';
import { blockSignals, mayBeOnTopic, memoize, type BlockDecision, type PageContext, type PageInput } from './context.ts';
import type { Mention } from './types.ts';
import {
  ELEMENT_NODE,
  SHOW_ELEMENTS_AND_TEXT,
  SKIP_TAGS,
  TEXT_NODE,
  isBlockTag,
  type DomRules,
} from './dom-rules.ts';
import { BREAK, MAX_BLOCK_CHARS, buildSegment, locate, makeChainCheck, nearestBlock, nextOutside, type BlockNode } from './blocks.ts';

export interface ScanOptions {
  /**
   * Page-level evidence, or a function computing it when first needed
   * (`lazyPageContext(document)`); the scan calls it at most once.
   */
  page: PageInput;
  /** Tag names of the extension's own UI hosts. Default `['source-context-ui']`. */
  uiTags?: readonly string[];
  /** Attribute marking the extension's own UI elements. Default `data-source-context-ui`. */
  uiAttribute?: string;
  /**
   * Whether an element holding a mention is rendered. Called once per
   * element that holds a mention, never for the rest of the page. Default:
   * always true (the attribute rules of dom-rules.ts still apply); in the
   * browser pass `isRendered`.
   */
  isVisible?: (el: Element) => boolean;
  /** Block-level test. Default: tag names ({@link isBlockTag}). */
  isBlock?: (el: Element) => boolean;
  /** Default `el.shadowRoot` (open roots); a content script may pass `chrome.dom.openOrClosedShadowRoot`. */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
  /** Clock for slicing, in milliseconds. Default `performance.now()`. */
  now?: () => number;
}

/** A mention located in the DOM. `start`/`end` index the block's `text`. */
export interface DomMention extends Mention {
  /** The four fields of a StaticRangeInit: `new StaticRange(mention)` works. */
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
  /** Every text node the mention touches, in order (one in the common case). */
  nodes: Text[];
}

/** The mentions of one block, all decided together. */
export interface BlockMatch {
  block: BlockNode;
  /** The block's own text as matched (see blocks.ts); mention offsets index it. */
  text: string;
  /** `text` with whitespace collapsed and trimmed, for display and excerpts. */
  blockText: string;
  /** How the context rule decided; null when the block has no generic term. */
  decision: BlockDecision | null;
  mentions: DomMention[];
}

/** `el => el.checkVisibility(...)`, for `ScanOptions.isVisible` in a browser. */
export function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length > 0;
}

interface Frame {
  root: Node;
  walker: TreeWalker;
  /** Next node to look at, or null when this root is finished. */
  next: Node | null;
}

/** How many nodes are processed between two looks at the clock. */
const CLOCK_EVERY = 64;

/**
 * One-time costs met at the first block worth matching: V8 compiles a
 * RegExp at its first search, in every renderer (the term table's and the
 * context signals' take tens of milliseconds each on a slow machine, once
 * each: `compiledNow`). A page
 * where no block may be on topic (`mayBeOnTopic`) never pays them; a page
 * with one pays each in a slice of its own, before the first block that
 * passes (see `Scan.compiled`), so none shares a task with other work.
 */
const FIRST_USE: (() => void)[] = [() => matchTerms('Huawei'), () => blockSignals('Huawei')];

/** A block put off to the next slice, which pays a one-time cost first. */
const LATER = Symbol('later');

/**
 * A scan in progress. Call {@link Scan.step} with a time budget until
 * {@link Scan.done}, or iterate {@link Scan.slices}; concatenating the
 * results gives exactly the result of one unbounded step, as long as the DOM
 * does not change in between (mutations are handled by scanning the changed
 * subtrees again, see {@link rescan}).
 */
export class Scan {
  /** The roots in scan order, after {@link rescan}'s normalization if any. */
  readonly roots: readonly Node[];
  private readonly rules: DomRules;
  private readonly page: () => PageContext;
  private readonly isVisible: (el: Element) => boolean;
  private readonly now: () => number;
  private readonly rootSet: ReadonlySet<Node>;
  private readonly excluded: (node: Node) => boolean;
  private readonly seenBlocks = new Set<Node>();
  private readonly visibleMemo = new Map<Element, boolean>();
  private readonly frames: Frame[] = [];
  private nextRoot = 0;
  private finished = false;
  /** Whether the page context was computed (a one-time cost with a slice of its own, like FIRST_USE). */
  private pageRead = false;

  constructor(roots: readonly Node[], options: ScanOptions) {
    this.roots = roots;
    this.rootSet = new Set(roots);
    const page = options.page;
    this.page = typeof page === 'function' ? memoize(page) : () => page;
    this.rules = {
      uiTags: new Set(options.uiTags ?? ['source-context-ui']),
      uiAttribute: options.uiAttribute ?? 'data-source-context-ui',
      isBlock: options.isBlock ?? isBlockTag,
      shadowRootOf: options.shadowRootOf ?? ((el) => el.shadowRoot),
    };
    this.isVisible = options.isVisible ?? (() => true);
    this.now = options.now ?? (() => performance.now());
    this.excluded = makeChainCheck(this.rules);
  }

  get done(): boolean {
    return this.finished;
  }

  /**
   * Scan for about `budgetMs` milliseconds (the clock is read every
   * {@link CLOCK_EVERY} nodes, so a step always makes progress) and return
   * the blocks with mentions found in that time.
   */
  step(budgetMs: number = Infinity): BlockMatch[] {
    return this.run(Infinity, budgetMs === Infinity ? Infinity : this.now() + budgetMs);
  }

  /**
   * The scan as an iterator of small units of work, for a caller that keeps
   * the clock itself: each item is the blocks with mentions found while
   * visiting the next `nodes` nodes (default {@link CLOCK_EVERY}).
   */
  *slices(nodes: number = CLOCK_EVERY): Generator<BlockMatch[], void, undefined> {
    while (!this.finished) yield this.run(nodes, Infinity);
  }

  private run(maxNodes: number, deadline: number): BlockMatch[] {
    const out: BlockMatch[] = [];
    let count = 0;
    while (!this.finished) {
      if (++count > maxNodes) break;
      if (count % CLOCK_EVERY === 0 && this.now() >= deadline) break;
      const frame = this.frames[this.frames.length - 1];
      if (frame === undefined) {
        this.startNextRoot(out);
        continue;
      }
      const node = frame.next;
      if (node === null) {
        this.frames.pop();
        continue;
      }
      if (node.nodeType === TEXT_NODE) {
        // A text node too long to match (see MAX_BLOCK_CHARS) is not even read.
        const candidate = (node as Text).length <= MAX_BLOCK_CHARS && PREFILTER.test((node as Text).data);
        // A one-time cost ends the slice: alone in a slice of its own, the node met again in the next.
        if (candidate && !this.pageRead) {
          if (count === 1) this.readPage();
          break;
        }
        if (candidate && this.visitBlockOf(node, out, count === 1) === LATER) break;
        frame.next = frame.walker.nextNode();
        continue;
      }
      const el = node as Element;
      const name = el.localName;
      if (SKIP_TAGS.has(name) || this.rules.uiTags.has(name) || (el !== frame.root && this.rootSet.has(el))) {
        frame.next = nextOutside(frame.walker);
        continue;
      }
      frame.next = frame.walker.nextNode();
      const shadow = this.rules.shadowRootOf(el);
      if (shadow !== null) this.pushFrame(shadow);
    }
    return out;
  }

  /** Run to the end in one go. */
  all(): BlockMatch[] {
    const out: BlockMatch[] = [];
    while (!this.finished) out.push(...this.step(Infinity));
    return out;
  }

  /** The page context, read at the first candidate block (cheap unless the page may be on topic), in a slice of its own. */
  private readPage(): void {
    this.page();
    this.pageRead = true;
  }

  /**
   * Whether the RegExps a block needs are compiled. Not yet: at the start
   * of a slice, one of them is compiled there (`sliceStart`), and the block
   * waits for the next slice either way, so each compile has a slice of its
   * own; `'now'` compiles them all (a scan root that is a text node).
   */
  private compiled(sliceStart: boolean | 'now'): boolean {
    if (sliceStart === 'now') while (FIRST_USE.length) FIRST_USE.shift()!();
    if (FIRST_USE.length === 0) return true;
    if (sliceStart) FIRST_USE.shift()!();
    return false;
  }

  private startNextRoot(out: BlockMatch[]): void {
    const root = this.roots[this.nextRoot++];
    if (root === undefined) {
      this.finished = true;
      return;
    }
    if (root.nodeType === TEXT_NODE) {
      this.visitBlockOf(root, out, 'now');
      return;
    }
    if (!this.excluded(root)) this.pushFrame(root);
  }

  private pushFrame(root: Node): void {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
    this.frames.push({ root, walker, next: walker.nextNode() });
  }

  /**
   * Match and decide the block holding `text`, once per scan; {@link LATER}
   * when the block needs a RegExp compiled first (see `compiled`): it is
   * visited again from the same node in the next slice.
   */
  private visitBlockOf(text: Node, out: BlockMatch[], sliceStart: boolean | 'now'): typeof LATER | undefined {
    const block = nearestBlock(text, this.rules.isBlock);
    if (this.seenBlocks.has(block)) return undefined;
    if (this.excluded(block)) {
      this.seenBlocks.add(block);
      return undefined;
    }
    const match = this.matchBlock(block, sliceStart);
    if (match === LATER) return LATER;
    this.seenBlocks.add(block);
    if (match !== null) out.push(match);
    return undefined;
  }

  private matchBlock(block: BlockNode, sliceStart: boolean | 'now'): BlockMatch | null | typeof LATER {
    const seg = buildSegment(block, this.rules);
    if (seg === null) return null;
    // A block without a name that is not on topic by itself has only
    // generic words to offer, ours only on an on-topic page: most blocks of
    // most pages stop here, and never compile or run the term table.
    if (!mayBeOnTopic(seg.text) && !this.page().onTopic) return null;
    if (!this.compiled(sliceStart)) return LATER;
    const raw = matchTerms(seg.text);
    if (raw.length === 0) return null;
    const { mentions, decision } = applyContext(seg.text, raw, this.page);
    const located: DomMention[] = [];
    for (const m of mentions) {
      const { start, end, nodes } = locate(seg, m.start, m.end);
      const holder = start.node.parentElement;
      if (holder !== null && !this.visible(holder)) continue;
      located.push({
        ...m,
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
        nodes,
      });
    }
    if (located.length === 0) return null;
    return { block, text: seg.text, blockText: collapseText(seg.text), decision, mentions: located };
  }

  private visible(el: Element): boolean {
    let v = this.visibleMemo.get(el);
    if (v === undefined) {
      v = this.isVisible(el);
      this.visibleMemo.set(el, v);
    }
    return v;
  }
}

/** Whitespace (and block breaks) collapsed to single spaces, trimmed. */
export function collapseText(text: string): string {
  return text.replaceAll(BREAK, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Where offsets of `text` (ascending, at non-space characters: mention
 * starts) land in `collapseText(text)`. One pass, so a block with many
 * mentions costs its length once, not once per mention.
 * @example collapsedOffsets("  a \n\n b", [7]) => [2]
 */
export function collapsedOffsets(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  let length = 0;
  let space = false;
  for (let i = 0; next < offsets.length && i <= text.length; i++) {
    while (next < offsets.length && offsets[next]! <= i) {
      out.push(length + (space && length > 0 ? 1 : 0));
      next++;
    }
    const ch = text[i];
    if (ch === undefined) break;
    if (ch === BREAK || /\s/.test(ch)) {
      space = true;
      continue;
    }
    length += space && length > 0 ? 2 : 1;
    space = false;
  }
  while (out.length < offsets.length) out.push(length);
  return out;
}

/**
 * Start a scan of `roots` in the given order. To show the visible part of a
 * page first, pass the elements in or near the viewport first and the body
 * last: a root met again inside a later root is not scanned twice, and a
 * block is decided once per scan.
 */
export function createScan(roots: readonly Node[], options: ScanOptions): Scan {
  return new Scan(roots, options);
}

/** One unbounded scan (the CLI and tests; the content script slices). */
export function scanAll(roots: readonly Node[], options: ScanOptions): BlockMatch[] {
  return new Scan(roots, options).all();
}

/**
 * Scan changed subtrees again (e.g. a MutationObserver batch's targets and
 * added nodes). Roots are normalized first: disconnected nodes are dropped,
 * text and inline nodes are replaced by their block (a mention may now run
 * into the text around them), and roots inside other roots are dropped. The
 * caller should remove its highlights inside `scan.roots` and then add the
 * results, which cover every mention inside them.
 */
export function rescan(changed: Iterable<Node>, options: ScanOptions): Scan {
  const isBlock = options.isBlock ?? isBlockTag;
  const blocks = new Set<Node>();
  for (const node of changed) {
    if (!node.isConnected) continue;
    const keep = node.nodeType === ELEMENT_NODE ? isBlock(node as Element) : node.nodeType !== TEXT_NODE;
    blocks.add(keep ? node : nearestBlock(node, isBlock));
  }
  const roots = [...blocks].filter((n) => !hasAncestorIn(n, blocks));
  return new Scan(roots, options);
}

/** Whether a proper ancestor of `node` (in its own tree) is in `set`. */
function hasAncestorIn(node: Node, set: ReadonlySet<Node>): boolean {
  for (let p = node.parentNode; p !== null; p = p.parentNode) if (set.has(p)) return true;
  return false;
}
