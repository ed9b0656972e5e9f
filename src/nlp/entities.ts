import { defineStage } from '../pipeline/stage.ts';
import { resolveCoreference } from './coref.ts';

/**
 * Clusters mentions into entities (canonical name, type, gender with evidence) and records each
 * mention's entity on the mention itself: the mentions layer is read-only by contract, but its
 * `entity` field exists to be filled here, the one stage that knows it.
 */
export const entitiesStage = defineStage({
  name: 'entities',
  requires: ['mentions', 'tokens', 'sentences'],
  assigns: ['entities'],
  run(doc) {
    const mentions = doc.get('mentions', 'entities');
    const { entities, entityOf } = resolveCoreference(doc.text, doc.get('tokens', 'entities'), doc.get('sentences', 'entities'), mentions);
    for (let i = 0; i < mentions.length; i++) mentions[i].entity = entityOf[i];
    return { entities };
  },
});
