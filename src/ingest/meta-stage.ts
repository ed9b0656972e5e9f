import { defineStage } from '../pipeline/stage.ts';
import { mergeMeta, metaFromText } from './text-meta.ts';

/** `meta`: the page's markup metadata (when the input was HTML) merged with what the text says. */
export const metaStage = defineStage({
  name: 'meta',
  requires: [],
  assigns: ['meta'],
  run(doc) {
    return { meta: mergeMeta(doc.page?.meta ?? {}, metaFromText(doc.text)) };
  },
});
