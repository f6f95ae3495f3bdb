/**
 * Where the extracted statements sit in a cleaned document. Statement spans
 * are offsets into the ORIGINAL seed file; each reader paragraph carries its
 * own span into that file and its exact text, so a statement maps onto a
 * paragraph by subtracting the paragraph's start, clipped to the paragraph.
 */
import type { Kind, ReaderParagraph, Statement } from '../../lib/data/types.ts';

/** One statement occurrence in a file (its own span, or a merged duplicate's). */
export interface Placement {
  id: string;
  kind: Kind;
  span: [number, number];
}

export interface ParagraphPiece {
  text: string;
  /** The statement this text belongs to; absent for text the pipeline left. */
  statement?: Placement;
}

/**
 * Every place a statement of the corpus occupies in `file`, in text order:
 * statements extracted from it, and statements from elsewhere whose
 * identical duplicate was merged from it.
 */
export function placementsIn(file: string, statements: Iterable<Statement>): Placement[] {
  const out: Placement[] = [];
  for (const s of statements) {
    if (s.file === file) out.push({ id: s.id, kind: s.kind, span: s.span });
    for (const d of s.duplicates) if (d.file === file) out.push({ id: s.id, kind: s.kind, span: d.span });
  }
  return out.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}

/**
 * The paragraph cut into plain and marked pieces. Concatenating the pieces'
 * text gives the paragraph's text back exactly. Where two placements overlap
 * the earlier keeps the shared text.
 */
export function markParagraph(paragraph: ReaderParagraph, placements: readonly Placement[]): ParagraphPiece[] {
  const [start, end] = paragraph.span;
  const pieces: ParagraphPiece[] = [];
  let cursor = 0;
  for (const p of placements) {
    const from = Math.max(p.span[0], start) - start;
    const to = Math.min(p.span[1], end) - start;
    if (to <= Math.max(from, cursor)) continue;
    const clipped = Math.max(from, cursor);
    if (clipped > cursor) pieces.push({ text: paragraph.text.slice(cursor, clipped) });
    pieces.push({ text: paragraph.text.slice(clipped, to), statement: p });
    cursor = to;
  }
  if (cursor < paragraph.text.length) pieces.push({ text: paragraph.text.slice(cursor) });
  return pieces;
}
