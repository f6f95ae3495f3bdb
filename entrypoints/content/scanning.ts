import { CATEGORIES, collapsedOffsets, createScan, firstOfEachTerm, isRendered, lazyPageContext, rescan, type BlockMatch, type Scan, type ScanOptions } from '../../lib/detect/index.ts';
import type { HighlightDensity } from '../../lib/settings/schema.ts';
import { Highlighter, type PlacedMention } from './highlighter.ts';
import { observeMutations } from './mutations.ts';
import { runSliced, yieldToPage } from './slices.ts';
import { styleShadowRoot } from './shadow-styles.ts';
import { viewportBlocks } from './viewport-blocks.ts';

/**
 * Finds the mentions on a page and keeps them highlighted while the page
 * changes: a first scan in slices, the viewport first, then every mutation
 * batch rescanned where it happened. Everything stops when `signal` aborts.
 */
export function startScanning(
  document_: Document,
  signal: AbortSignal,
  events: { onFirstMention(): void; onChange(): void },
  /** Which mentions of a block to highlight: all, or the first of each term (the reader's setting, fixed for the run). */
  density: HighlightDensity = 'every',
): Highlighter {
  const window_ = document_.defaultView as Window & typeof globalThis;
  const highlighter = new Highlighter(CATEGORIES, window_);
  signal.addEventListener('abort', () => highlighter.dispose());
  // Our one element, the card host, is a plain div whose content sits in a
  // closed shadow root the scan never enters: no tag to skip.
  const options: ScanOptions = { page: lazyPageContext(document_), isVisible: isRendered, uiTags: [] };
  let warned = false;

  const place = (blocks: readonly BlockMatch[]) => {
    // Most slices of most pages find nothing: nothing to report either.
    if (blocks.length === 0) return;
    for (const block of blocks) {
      const mentions = density === 'first' ? firstOfEachTerm(block.mentions) : block.mentions;
      const offsets = collapsedOffsets(block.text, mentions.map((m) => m.start));
      for (const [i, m] of mentions.entries()) {
        // The page may have dropped the node since the scan was queued: its
        // removal was already handled, so a range for it would never go.
        if (!m.startContainer.isConnected || !m.endContainer.isConnected) continue;
        styleShadowRoot(m.startContainer);
        watchShadowRoot(m.startContainer);
        const mention: PlacedMention = {
          category: m.category,
          text: m.text,
          term: m.term,
          block: block.blockText,
          at: offsets[i]!,
          range: new window_.StaticRange(m),
          nodes: m.nodes,
        };
        highlighter.add(mention);
      }
    }
    events.onChange();
    if (!warned && highlighter.count > 0) {
      warned = true;
      events.onFirstMention();
    }
  };

  // Scans are chained so a mutation batch never interleaves with a scan
  // still adding ranges for the same nodes. The first starts in a task of its
  // own, not in the one that evaluated the script.
  let queue = yieldToPage();
  // A MutationObserver on the document does not see inside shadow roots:
  // each one that holds mentions is observed too, by the same observer.
  const watchedRoots = new WeakSet<ShadowRoot>();
  const watchShadowRoot = (node: Node) => {
    const root = node.getRootNode();
    if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE || !(root as ShadowRoot).host || watchedRoots.has(root as ShadowRoot)) return;
    watchedRoots.add(root as ShadowRoot);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };

  const enqueue = (job: () => Iterator<unknown>) => {
    queue = queue.then(() => runSliced(job(), signal)).catch(() => {});
  };

  // The viewport probe's hit tests come first, a step each (15 of them
  // took 18-34 ms together on a 5 MB page): the slices bound them as they
  // bound the walk.
  enqueue(function* () {
    const inView = yield* viewportBlocks(document_);
    yield* mapSlices(createScan([...inView, document_.body ?? document_.documentElement], options), place);
  });

  const observer = observeMutations(
    document_.documentElement,
    (batch) => {
      for (const node of batch.removed) forEachText(node, (text) => highlighter.drop(text));
      if (batch.removed.length) {
        highlighter.pruneShadowRoots();
        events.onChange();
      }
      const changed = [...batch.changed, ...batch.added];
      if (!changed.length) return;
      enqueue(() => {
        const scan = rescan(changed, options);
        for (const root of scan.roots) forEachText(root, (text) => highlighter.drop(text));
        // What was dropped is reported even when the rescan places nothing.
        events.onChange();
        return mapSlices(scan, place);
      });
    },
    signal,
  );
  return highlighter;
}

function* mapSlices(scan: Scan, place: (blocks: BlockMatch[]) => void): Generator<void> {
  for (const blocks of scan.slices()) {
    place(blocks);
    yield;
  }
}

/** Calls `fn` for every text node in `root` (itself included). */
function forEachText(root: Node, fn: (text: Node) => void): void {
  if (root.nodeType === Node.TEXT_NODE) {
    fn(root);
    return;
  }
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) fn(node);
}
