/**
 * The hover card's public surface, so the content script imports one path.
 * The stylesheet is `card.css`, injected into the shadow root by the mounter.
 */
export { Card, VISIBLE_PER_SECTION } from './Card.tsx';
export { CardItemView, COPIED_FEEDBACK_MS, CLAMP_FALLBACK_CHARS } from './CardItemView.tsx';
export { Emphasis, splitForEmphasis } from './Emphasis.tsx';
export type { Segment } from './Emphasis.tsx';
export { getFocusable, handleTrapKeyDown } from './focusTrap.ts';
export {
  KIND_KEYS,
  SIDE_KEYS,
  categoryLabel,
  excerpt,
  formatCitation,
  formatDate,
  kindLabel,
  sideLabel,
  speakerLabel,
} from './format.ts';
export type * from './types.ts';
