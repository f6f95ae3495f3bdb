/**
 * Blocks and their text. A block is the nearest block-level ancestor of a
 * text node (or the shadow root / document when there is none). Its
 * "segment" is the text of the nodes that belong to it directly, in document
 * order, concatenated: nested blocks are segments of their own, so no text is
 * matched twice, and a mention split over inline elements ("Liang <b>Hua</b>")
 * is still one match. Segment offsets map back to (text node, offset) pairs,
 * which is what a Range or StaticRange needs.
 */
import {
  BREAK_TAGS,
  ELEMENT_NODE,
  SHOW_ELEMENTS_AND_TEXT,
  TEXT_NODE,
  exclusionOf,
  parentOf,
  type DomRules,
} from './dom-rules.ts';

/**
 * Stands where text is interrupted (a nested block, a line break, an image,
 * skipped code): U+FFFC OBJECT REPLACEMENT CHARACTER is neither a letter nor
 * whitespace, so no term matches across it and word edges still hold.
 */
export const BREAK = '\uFFFC';

/** A block: an element, or the shadow root / document holding loose text. */
export type BlockNode = Element | ShadowRoot | Document | DocumentFragment;

export interface Segment {
  block: BlockNode;
  /** Concatenated text, with {@link BREAK} at interruptions. */
  text: string;
  /** The text nodes in order, each with the segment offset its data starts at. */
  nodes: Text[];
  starts: number[];
}

/** Nearest block containing `node`, not crossing a shadow boundary. */
export function nearestBlock(node: Node, isBlock: (el: Element) => boolean): BlockNode {
  let cur: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  let last: Node = node;
  while (cur !== null) {
    if (cur.nodeType === ELEMENT_NODE) {
      if (isBlock(cur as Element)) return cur as Element;
    } else {
      return cur as ShadowRoot | Document | DocumentFragment;
    }
    last = cur;
    cur = cur.parentNode;
  }
  // Detached subtree without a block: its top node holds the text.
  return last as Element;
}

/**
 * Most text one block may hold to be matched at all. News prose never comes
 * near it (a long article is ~50,000 characters, spread over many blocks);
 * a block past it is a page's data dump or an attack (one 50 MB text node),
 * and matching it would take one long task and hold its whole text in
 * memory. Such a block is skipped, and the walk stops as soon as it passes.
 */
export const MAX_BLOCK_CHARS = 100_000;

/**
 * Walks `block`'s own text; see the file comment for what belongs to it.
 * Null when the text passes {@link MAX_BLOCK_CHARS}.
 */
export function buildSegment(block: BlockNode, rules: DomRules): Segment | null {
  const doc = block.ownerDocument ?? (block as Document);
  const walker = doc.createTreeWalker(block, SHOW_ELEMENTS_AND_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let node = walker.nextNode();
  while (node !== null) {
    if (node.nodeType === TEXT_NODE) {
      nodes.push(node as Text);
      starts.push(text.length);
      if (text.length + (node as Text).length > MAX_BLOCK_CHARS) return null;
      text += (node as Text).data;
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    const exclusion = exclusionOf(el, rules);
    if (exclusion === null && !rules.isBlock(el)) {
      if (BREAK_TAGS.has(el.localName)) text += BREAK;
      node = walker.nextNode();
      continue;
    }
    // Nested block or skipped element: text does not run through it.
    if (exclusion !== 'hidden') text += BREAK;
    node = nextOutside(walker);
  }
  return { block, text, nodes, starts };
}

/** Move `walker` past the current node's subtree; null at the end. */
export function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}

/** Where a segment offset falls: the text node and the offset inside it. */
export interface Boundary {
  node: Text;
  offset: number;
}

/**
 * Map the segment range [start, end) to DOM boundaries. Terms never contain
 * {@link BREAK}, so both ends fall inside text nodes.
 */
export function locate(seg: Segment, start: number, end: number): { start: Boundary; end: Boundary; nodes: Text[] } {
  const first = indexAt(seg, start, false);
  const last = indexAt(seg, end, true);
  const startNode = seg.nodes[first];
  const endNode = seg.nodes[last];
  if (startNode === undefined || endNode === undefined) throw new Error(`locate: ${start}-${end} is outside the segment`);
  return {
    start: { node: startNode, offset: start - (seg.starts[first] ?? 0) },
    end: { node: endNode, offset: end - (seg.starts[last] ?? 0) },
    nodes: seg.nodes.slice(first, last + 1),
  };
}

/**
 * Index of the node containing `offset` (binary search): the last node
 * starting at or before a start offset, or strictly before an end offset (an
 * end belongs to the node it closes, not to the next one starting there).
 */
function indexAt(seg: Segment, offset: number, asEnd: boolean): number {
  let lo = 0;
  let hi = seg.nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = seg.starts[mid] ?? 0;
    if (asEnd ? s < offset : s <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Whether `node` is inside an excluded or hidden element, up through shadow hosts. */
export function makeChainCheck(rules: DomRules): (node: Node) => boolean {
  const memo = new Map<Node, boolean>();
  const check = (node: Node): boolean => {
    const path: Node[] = [];
    let cur: Node | null = node;
    let result = false;
    while (cur !== null) {
      const known = memo.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(cur);
      if (cur.nodeType === ELEMENT_NODE && exclusionOf(cur as Element, rules) !== null) {
        result = true;
        break;
      }
      cur = parentOf(cur);
    }
    for (const n of path) memo.set(n, result);
    return result;
  };
  return check;
}
