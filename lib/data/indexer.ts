import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { EntityTable } from '../vocabulary/entities.ts';
import { KNOWN_ENTITIES } from '../vocabulary/known-entities.ts';
import { topicWords } from '../vocabulary/topics.ts';
import type { Statement } from './types.ts';
import { type IndexDoc, INDEX_OPTIONS } from './index-options.ts';

/**
 * What one statement contributes to the index: its words, every name its
 * speaker goes by (so "Zhengfei" or "Ren" finds Ren Zhengfei's records),
 * and its topics' words (so "blacklist" finds Entity List records).
 */
export function toIndexDoc(s: Statement, entities: EntityTable = KNOWN_ENTITIES): IndexDoc {
  const aliases = entities.byId(s.speaker.id)?.aliases ?? [];
  return {
    id: s.id,
    text: s.text,
    speaker: [s.speaker.name, ...aliases, s.speaker.role].join(' '),
    topics: s.topics.map(topicWords).join(' '),
  };
}

/** The serialisable index, built in statement order (so the JSON is the same on every run). */
export function buildIndex(statements: Statement[], entities: EntityTable = KNOWN_ENTITIES): AsPlainObject {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll(statements.map((s) => toIndexDoc(s, entities)));
  return index.toJSON();
}
