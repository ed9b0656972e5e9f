import type { Doc } from '../model/doc.ts';
import type { Attribution } from '../model/types.ts';
import { defineStage } from '../pipeline/stage.ts';
import { completeAttributions } from './complete.ts';
import { mergeAttributions } from './merge.ts';
import { predictAttributions } from './model/predict.ts';
import { findInterviewAttributions } from './interview.ts';
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
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['attributions'],
  run(doc) {
    const paragraphs = doc.get('paragraphs', 'attribution');
    const rules = findRuleAttributions({ text: doc.text, paragraphs, tokens: doc.get('tokens', 'attribution') });
    const found = completeAttributions(doc.text, mergeAttributions(rules, modelAttributions(doc)));
    const interview = findInterviewAttributions(doc.text, paragraphs, doc.get('mentions', 'attribution'), doc.get('entities', 'attribution'));
    return { attributions: interview.covered.length ? withTranscript(found, interview.attributions, interview.covered) : found };
  },
});

/**
 * A transcript's turns replace whatever the rules and the tagger read inside them (the tagger
 * takes "Q" or "A" for a source); attributions elsewhere in the article stay. Ids are renumbered.
 */
function withTranscript(found: readonly Attribution[], turns: readonly Attribution[], covered: readonly { start: number; end: number }[]): Attribution[] {
  const inside = (a: Attribution) => covered.some((c) => a.start < c.end && c.start < a.end);
  const out = [...found.filter((a) => !inside(a)).map((a) => ({ ...a })), ...turns.map((a) => ({ ...a }))];
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  out.forEach((a, i) => (a.id = `a${i + 1}`));
  return out;
}
