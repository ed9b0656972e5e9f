import type { Doc } from '../../model/doc.ts';
import type { Attribution } from '../../model/types.ts';

/** Attributions predicted by the trained tagger. Placeholder until the model lands: none. */
export function predictAttributions(_doc: Doc): Attribution[] {
  return [];
}
