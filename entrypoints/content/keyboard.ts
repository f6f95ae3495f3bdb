import type { CommandName } from '../../lib/messages.ts';
import type { Highlighter, PlacedMention } from './highlighter.ts';

/** The shown mentions in document order. */
export function inDocumentOrder(highlighter: Highlighter): PlacedMention[] {
  return [...highlighter.shownMentions()].sort((a, b) => compareStart(a.range, b.range));
}

/**
 * The mention a keyboard command goes to: `open-card` takes the mention at
 * or after the selection or caret (the first of the page without one);
 * next/previous move from the open card's mention, or from the selection,
 * wrapping around the page.
 */
export function mentionForCommand(
  name: CommandName,
  highlighter: Highlighter,
  current: PlacedMention | undefined,
  selection: Selection | null,
): PlacedMention | undefined {
  const list = inDocumentOrder(highlighter);
  if (!list.length) return undefined;
  const caret = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
  const origin = current?.range ?? (caret ? { startContainer: caret.startContainer, startOffset: caret.startOffset } : undefined);
  if (name === 'open-card') {
    if (!origin) return list[0];
    return list.find((m) => compareEnd(m.range, origin) >= 0) ?? list[0];
  }
  if (!origin) return name === 'next-mention' ? list[0] : list[list.length - 1];
  if (name === 'next-mention') return list.find((m) => compareStart(m.range, origin) > 0) ?? list[0];
  return list.findLast((m) => compareStart(m.range, origin) < 0) ?? list[list.length - 1];
}

type Boundary = { startContainer: Node; startOffset: number };

/** Orders two boundary points: negative when `a` comes first. */
function compareStart(a: Boundary, b: Boundary): number {
  return comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}

/** Where mention `m` ends relative to boundary `b`. */
function compareEnd(m: StaticRange, b: Boundary): number {
  return comparePoints(m.endContainer, m.endOffset, b.startContainer, b.startOffset);
}

function comparePoints(nodeA: Node, offsetA: number, nodeB: Node, offsetB: number): number {
  if (nodeA === nodeB) return offsetA - offsetB;
  const position = nodeA.compareDocumentPosition(nodeB);
  if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) {
    // B is inside A: compare A's offset with the index of B's ancestor child.
    let child: Node = nodeB;
    while (child.parentNode !== nodeA) child = child.parentNode!;
    return offsetA <= [...nodeA.childNodes].indexOf(child as ChildNode) ? -1 : 1;
  }
  if (position & Node.DOCUMENT_POSITION_CONTAINS) return -comparePoints(nodeB, offsetB, nodeA, offsetA);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
