import type { Result } from '../../lib/search/result.ts';
import type { CardItem } from './types.ts';

/** A search result as the card shows it. */
export function toCardItem(result: Result): CardItem {
  return {
    id: result.id,
    kind: result.kind,
    voice: result.voice,
    text: result.text,
    speaker: { name: result.speaker.name, role: result.speaker.role, side: result.side },
    topics: result.topics,
    matchedTerms: result.terms,
    answers: result.answers,
    source: result.source,
  };
}
