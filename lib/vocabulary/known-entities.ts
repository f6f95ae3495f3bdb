import table from '../../seeds/entities.json' with { type: 'json' };
import { type Entity, EntityTable } from './entities.ts';

/**
 * The repository's entity table as bundled with the extension, for the
 * runtime (which speakers a hovered paragraph names) and for callers that
 * index statements outside a build. `npm run index` validates the same file
 * (`entity-file.ts`) and fails on any problem, so this import sees a checked
 * table whenever `data/` is current.
 */
export const KNOWN_ENTITIES = new EntityTable(table as Entity[]);
