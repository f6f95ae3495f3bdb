import type { Category } from '../../lib/detect/types.ts';

/** A mention placed on the page: where it is and what it says. */
export interface PlacedMention {
  category: Category;
  /** The mention as written on the page. */
  text: string;
  /** Whitespace-collapsed text of the nearest block, the card's query context. */
  block: string;
  range: StaticRange;
  /** Every text node the mention touches (one in the common case). */
  nodes: readonly Node[];
}

const HIGHLIGHT_PREFIX = 'source-context-';
export const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;

/**
 * Owns our entries in the page's highlight registry and the per-node index
 * that hover hit-testing reads. Ranges are StaticRanges: unlike live Ranges
 * they cost the page nothing when its DOM changes, and the mutation observer
 * drops the ones whose nodes change anyway.
 */
export class Highlighter {
  readonly #highlights = new Map<Category, Highlight>();
  readonly #active: Highlight;
  readonly #byNode = new Map<Node, PlacedMention[]>();
  readonly #registry: HighlightRegistry;
  #count = 0;

  constructor(categories: readonly Category[], window_: Window & typeof globalThis = window) {
    this.#registry = window_.CSS.highlights;
    for (const category of categories) {
      const highlight = new window_.Highlight();
      this.#highlights.set(category, highlight);
      this.#registry.set(HIGHLIGHT_PREFIX + category, highlight);
    }
    this.#active = new window_.Highlight();
    // Above the category highlights so the hovered mention stands out.
    this.#active.priority = 1;
    this.#registry.set(ACTIVE_HIGHLIGHT, this.#active);
  }

  get count(): number {
    return this.#count;
  }

  add(mention: PlacedMention): void {
    this.#highlights.get(mention.category)?.add(mention.range);
    for (const node of mention.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(mention);
      else this.#byNode.set(node, [mention]);
    }
    this.#count++;
  }

  /** Forgets every mention that starts or ends in `node`. */
  drop(node: Node): void {
    const list = this.#byNode.get(node);
    if (!list) return;
    for (const mention of list) {
      if (!this.#highlights.get(mention.category)?.delete(mention.range)) continue;
      this.#active.delete(mention.range);
      this.#count--;
      for (const other of mention.nodes) {
        if (other !== node) this.#removeFromIndex(other, mention);
      }
    }
    this.#byNode.delete(node);
  }

  /** Whether any mention is indexed under `node` (cheap test before a drop). */
  has(node: Node): boolean {
    return this.#byNode.has(node);
  }

  /** The mention covering `offset` in text node `node`, if any. */
  at(node: Node, offset: number): PlacedMention | undefined {
    return this.#byNode.get(node)?.find((m) => {
      const start = m.range.startContainer === node ? m.range.startOffset : 0;
      const end = m.range.endContainer === node ? m.range.endOffset : Number.POSITIVE_INFINITY;
      return offset >= start && offset <= end;
    });
  }

  /** All mentions in document order of insertion, for lists and keyboard moves. */
  *mentions(): Iterable<PlacedMention> {
    for (const highlight of this.#highlights.values()) {
      for (const range of highlight) yield this.#mentionFor(range as StaticRange)!;
    }
  }

  setActive(mention: PlacedMention | undefined): void {
    this.#active.clear();
    if (mention) this.#active.add(mention.range);
  }

  /** Removes our highlights from the page and forgets everything. */
  dispose(): void {
    for (const category of this.#highlights.keys()) this.#registry.delete(HIGHLIGHT_PREFIX + category);
    this.#registry.delete(ACTIVE_HIGHLIGHT);
    this.#highlights.clear();
    this.#byNode.clear();
    this.#count = 0;
  }

  #mentionFor(range: StaticRange): PlacedMention | undefined {
    return this.#byNode.get(range.startContainer)?.find((m) => m.range === range);
  }

  #removeFromIndex(node: Node, mention: PlacedMention): void {
    const list = this.#byNode.get(node);
    if (!list) return;
    const rest = list.filter((m) => m !== mention);
    if (rest.length) this.#byNode.set(node, rest);
    else this.#byNode.delete(node);
  }
}
