import type { Category } from '../../lib/vocabulary/categories.ts';
import type { HighlightStyle } from '../../lib/settings/schema.ts';
import { ACTIVE_HIGHLIGHT, highlightName } from './highlight-names.ts';
import { MAX_REGISTERED, MentionWindow } from './mention-window.ts';
import { isTallPage } from './tall-page.ts';

/** A mention placed on the page: where it is and what it says. */
export interface PlacedMention {
  category: Category;
  /** The mention as written on the page. */
  text: string;
  /** The detector's term-table entry ("Entity List"), passed to the card lookup. */
  term: string;
  /** Whitespace-collapsed text of the nearest block, the card's query context. */
  block: string;
  /** Where the mention starts in `block`, so the lookup finds its sentence. */
  at: number;
  range: StaticRange;
  /** Every text node the mention touches (one in the common case). */
  nodes: readonly Node[];
}

/**
 * Owns our entries in the page's highlight registry and the per-node index
 * that hover hit-testing reads. Ranges are StaticRanges: unlike live Ranges
 * they cost the page nothing when its DOM changes, and the mutation observer
 * drops the ones whose nodes change anyway.
 *
 * Past `MAX_REGISTERED` mentions, only that many, those nearest the
 * viewport, are in the Highlight objects (`mention-window.ts` says why and
 * how); our own index still holds every mention.
 *
 * Nothing is registered until the first mention is added: the registry is
 * readable by every page script, so a page without a mention cannot tell
 * from it that we are there. Hover and lists read our own index, never the
 * registry, so a page that clears it or adds ranges to our highlights only
 * changes what is painted, not what a hover opens.
 */
export class Highlighter {
  readonly #highlights = new Map<Category, Highlight>();
  readonly #active: Highlight;
  #activeMention: PlacedMention | undefined;
  readonly #byNode = new Map<Node, PlacedMention[]>();
  /**
   * Every mention, in the order found. Kept by us rather than read back from
   * the Highlight objects: Firefox does not let a content script iterate a
   * page-world setlike (its Xray wrappers refuse iterators).
   */
  readonly #all = new Set<PlacedMention>();
  /**
   * Open shadow roots that hold mentions, each with its mentions: hit-testing
   * looks inside roots only while there is one, and a root whose host leaves
   * the page takes its mentions with it (`pruneShadowRoots`): the document's
   * mutation observer does not see into it.
   */
  readonly #roots = new Map<ShadowRoot, Set<PlacedMention>>();
  readonly #registry: HighlightRegistry;
  /** Registry name of each shown category; a hidden category has none. */
  readonly #names = new Map<Category, string>();
  #registered = false;
  readonly #window_: Window & typeof globalThis;
  /**
   * Set once the page holds more than `MAX_REGISTERED` mentions: from then on
   * it decides which ranges are in their category's Highlight. Keyboard moves
   * and lists read our own index (`#all`, `#byNode`), so they still see every
   * mention; hover opens only a registered one (`at`).
   */
  #window: MentionWindow | undefined;
  /** The reader's choice, from the last `applyView`: none before it. */
  #view: { visible: Readonly<Record<Category, boolean>>; style: HighlightStyle } | undefined;
  /** Whether the fill style draws its underlines: not on a very tall page (`tall-page.ts`). */
  #underlined = true;
  /** The animation frame that will measure the page's height, if one is requested. */
  #heightFrame = 0;

  /**
   * No category is shown until the first `applyView`: the content script
   * scans before it has read the settings (a page without a mention never
   * reads them), and a page where the reader turned us off must never show
   * a highlight, not even for a moment. Nothing is registered before the
   * first mention either (`#register`).
   */
  constructor(categories: readonly Category[], window_: Window & typeof globalThis = window) {
    this.#registry = window_.CSS.highlights;
    this.#window_ = window_;
    for (const category of categories) this.#highlights.set(category, new window_.Highlight());
    this.#active = new window_.Highlight();
    // Above the category highlights so the hovered mention stands out.
    this.#active.priority = 1;
  }

  get count(): number {
    return this.#all.size;
  }

  add(mention: PlacedMention): void {
    if (!this.#registered) this.#register();
    if (this.#window) this.#window.watch(mention);
    else this.#highlights.get(mention.category)?.add(mention.range);
    for (const node of mention.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(mention);
      else this.#byNode.set(node, [mention]);
    }
    this.#all.add(mention);
    this.#measureHeight();
    if (!this.#window && this.#all.size > MAX_REGISTERED) this.#startWindow();
    const root = shadowRootOf(mention);
    if (!root) return;
    const inRoot = this.#roots.get(root);
    if (inRoot) inRoot.add(mention);
    else this.#roots.set(root, new Set([mention]));
  }

  /** Whether any mention sits in a shadow root (hover then pierces the roots under the pointer). */
  get inShadowRoots(): boolean {
    return this.#roots.size > 0;
  }

  /**
   * Forgets the mentions of every shadow root whose host has left the page.
   * Called after each batch of removals: one `isConnected` per root.
   */
  pruneShadowRoots(): void {
    for (const [root, mentions] of this.#roots) {
      if (root.host.isConnected) continue;
      for (const mention of mentions) for (const node of mention.nodes) this.drop(node);
      this.#roots.delete(root);
    }
  }

  /** Forgets every mention that starts or ends in `node`. */
  drop(node: Node): void {
    const list = this.#byNode.get(node);
    if (!list) return;
    for (const mention of list) {
      if (!this.#all.delete(mention)) continue;
      this.#highlights.get(mention.category)?.delete(mention.range);
      this.#window?.unwatch(mention);
      if (mention === this.#activeMention) this.setActive(undefined);
      const root = shadowRootOf(mention);
      const inRoot = root && this.#roots.get(root);
      if (inRoot) {
        inRoot.delete(mention);
        if (!inRoot.size) this.#roots.delete(root);
      }
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

  /**
   * The shown mention covering `offset` in text node `node`, if any. Only a
   * mention the reader sees marked: past `MAX_REGISTERED`, one the window
   * has not registered (too many near the viewport, or not yet reported) is
   * plain text to the pointer too.
   */
  at(node: Node, offset: number): PlacedMention | undefined {
    return this.#byNode.get(node)?.find((m) => {
      if (!this.#names.has(m.category) || (this.#window && !this.#window.shows(m))) return false;
      const start = m.range.startContainer === node ? m.range.startOffset : 0;
      const end = m.range.endContainer === node ? m.range.endOffset : Number.POSITIVE_INFINITY;
      return offset >= start && offset <= end;
    });
  }

  /** Every mention found, shown or not (counts). */
  mentions(): Iterable<PlacedMention> {
    return this.#all.values();
  }

  /** The mentions of the categories on show (lists and keyboard moves). */
  *shownMentions(): Iterable<PlacedMention> {
    for (const mention of this.mentions()) if (this.#names.has(mention.category)) yield mention;
  }

  /**
   * Shows the chosen categories in the chosen style, live: the same
   * Highlight objects are registered under the style's names (see
   * `highlightName`) or unregistered, so no range is rebuilt and the page's
   * DOM is never touched.
   */
  applyView(visible: Readonly<Record<Category, boolean>>, style: HighlightStyle): void {
    this.#view = { visible, style };
    this.#applyNames();
  }

  /** Registers each shown category's Highlight under its name for the view and the page's height. */
  #applyNames(): void {
    const view = this.#view;
    if (!view) return;
    for (const [category, highlight] of this.#highlights) {
      const old = this.#names.get(category);
      if (old && this.#registered) this.#registry.delete(old);
      this.#names.delete(category);
      if (!view.visible[category]) continue;
      const name = highlightName(category, view.style, this.#underlined);
      if (this.#registered) this.#registry.set(name, highlight);
      this.#names.set(category, name);
    }
  }

  /**
   * In the next animation frame, whether the page is too tall for
   * underlines (`tall-page.ts`), and the names changed if that changed. Asked
   * at each mention added, at most once a frame: the first frame that paints
   * our first mentions already has the right names, and a page that grows
   * past the height (an endless feed) loses its underlines when it does.
   * Read in the frame, the height costs no layout of its own.
   */
  #measureHeight(): void {
    if (this.#heightFrame) return;
    this.#heightFrame = this.#window_.requestAnimationFrame(() => {
      this.#heightFrame = 0;
      const underlined = !isTallPage(this.#window_.document);
      if (underlined === this.#underlined) return;
      this.#underlined = underlined;
      this.#applyNames();
    });
  }

  /** Puts our highlights in the page's registry, on the first mention. */
  #register(): void {
    this.#registered = true;
    for (const [category, name] of this.#names) this.#registry.set(name, this.#highlights.get(category)!);
    this.#registry.set(ACTIVE_HIGHLIGHT, this.#active);
  }

  /**
   * Gives `mention` the active fill (none: `undefined`): the hovered
   * mention, the one whose card is open, the one revealed from the side
   * panel. Every change to a highlight, even clearing an empty one, makes
   * Chromium re-place every range we registered and repaint the page (about
   * 35 µs a range; at most `MAX_REGISTERED` of ours are), so a call that
   * changes nothing touches nothing.
   */
  setActive(mention: PlacedMention | undefined): void {
    if (mention === this.#activeMention) return;
    this.#activeMention = mention;
    this.#active.clear();
    if (mention) this.#active.add(mention.range);
  }

  /** Removes our highlights from the page and forgets everything. */
  dispose(): void {
    if (this.#registered) {
      for (const name of this.#names.values()) this.#registry.delete(name);
      this.#registry.delete(ACTIVE_HIGHLIGHT);
    }
    this.#registered = false;
    this.#window_.cancelAnimationFrame(this.#heightFrame);
    this.#heightFrame = 0;
    this.#view = undefined;
    this.#window?.stop();
    this.#window = undefined;
    this.#activeMention = undefined;
    this.#names.clear();
    this.#highlights.clear();
    this.#byNode.clear();
    this.#all.clear();
    this.#roots.clear();
  }

  /**
   * Puts every mention's range under the window: each stays in its
   * Highlight until the window's first report says it is not among the
   * nearest.
   */
  #startWindow(): void {
    const window = new MentionWindow(this.#window_, (mention, shown) => {
      const highlight = this.#highlights.get(mention.category);
      if (shown) highlight?.add(mention.range);
      else highlight?.delete(mention.range);
    });
    for (const mention of this.#all) window.watch(mention, true);
    this.#window = window;
  }

  #removeFromIndex(node: Node, mention: PlacedMention): void {
    const list = this.#byNode.get(node);
    if (!list) return;
    const rest = list.filter((m) => m !== mention);
    if (rest.length) this.#byNode.set(node, rest);
    else this.#byNode.delete(node);
  }
}

/** The open shadow root `mention` sits in, if any. */
function shadowRootOf(mention: PlacedMention): ShadowRoot | undefined {
  const root = mention.nodes[0]?.getRootNode();
  return root && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host ? (root as ShadowRoot) : undefined;
}
