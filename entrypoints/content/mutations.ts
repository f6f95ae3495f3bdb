export interface MutationBatch {
  /** Roots of subtrees that were added (deduplicated: none inside another). */
  added: Node[];
  /** Nodes that left the document, text or elements. */
  removed: Node[];
  /** Text nodes whose text changed in place. */
  changed: Node[];
}

/**
 * Watches a root for changes and hands them over in batches, at most one per
 * `delayMs`: a live blog or an infinite scroll can fire thousands of records a
 * second, and the scan and highlight work should follow them in a few bounded
 * tasks, not one per record. Our card host comes and goes with the card
 * and holds no light-DOM text: its batch costs an empty rescan, no more.
 */
export function observeMutations(
  root: Node,
  onBatch: (batch: MutationBatch) => void,
  signal: AbortSignal,
  delayMs = 30,
): MutationObserver {
  let added = new Set<Node>();
  let removed = new Set<Node>();
  let changed = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const batch: MutationBatch = {
      added: outermost([...added].filter((n) => n.isConnected)),
      removed: [...removed],
      changed: [...changed].filter((n) => n.isConnected),
    };
    added = new Set();
    removed = new Set();
    changed = new Set();
    onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        changed.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) added.add(node);
      for (const node of record.removedNodes) {
        removed.add(node);
        added.delete(node);
      }
    }
    if (timer === undefined && (added.size || removed.size || changed.size)) timer = setTimeout(flush, delayMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return observer;
}

/** Drops nodes that sit inside another node of the list. */
function outermost(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return nodes.filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}
