/**
 * Display names for the corpus vocabulary the panel shows as filters and
 * headings. Kind, side and category labels are the card's (one wording
 * everywhere); topics are labelled here, typed so a new topic cannot ship
 * without a name.
 */
import type { Topic } from '../../lib/corpus/types.ts';

export { CATEGORY_LABELS, KIND_LABELS, SIDE_LABELS } from '../card/format.ts';

export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  'no-spy': 'No-spy pledges',
  backdoor: 'Backdoors',
  sanctions: 'Sanctions',
  'entity-list': 'Entity List',
  chips: 'Chips',
  '5g': '5G',
  trade: 'Trade',
  'intelligence-law': 'Intelligence law',
  independence: 'Independence',
  'meng-wanzhou': 'Meng Wanzhou',
  security: 'Security',
  globalisation: 'Globalisation',
  'operating-system': 'Operating system',
};
