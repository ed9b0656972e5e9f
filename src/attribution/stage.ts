import type { Doc } from '../model/doc.ts';
import type { Attribution } from '../model/types.ts';
import { defineStage } from '../pipeline/stage.ts';
import { completeAttributions } from './complete.ts';
import { mergeAttributions } from './merge.ts';
import { predictAttributions } from './model/predict.ts';
import { findRuleAttributions } from './rules.ts';

let modelFailed = false;

/**
 * The tagger's spans, or none if its model cannot be used: rule quotes alone are still a useful
 * answer, so a missing or corrupt model file degrades the stage instead of failing the article.
 * The failure is reported once per process.
 */
function modelAttributions(doc: Doc): Attribution[] {
  if (modelFailed) return [];
  try {
    return predictAttributions(doc);
  } catch (err) {
    modelFailed = true;
    process.emitWarning(`attribution model unavailable, using rules only: ${(err as Error).message}`);
    return [];
  }
}

/**
 * Who said what: rule-found quotes (exact, bounded by quote marks) merged with the trained
 * tagger's spans (indirect speech). Speakers stay mentions as written ("he"); the `speakers`
 * stage resolves them to entities. Rules and their reasons: docs/attribution.md.
 */
export const attributionStage = defineStage({
  name: 'attribution',
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions'],
  assigns: ['attributions'],
  run(doc) {
    const rules = findRuleAttributions({
      text: doc.text,
      paragraphs: doc.get('paragraphs', 'attribution'),
      tokens: doc.get('tokens', 'attribution'),
    });
    return { attributions: completeAttributions(doc.text, mergeAttributions(rules, modelAttributions(doc))) };
  },
});
