import type { Doc } from '../../model/doc.ts';
import type { Attribution, Paragraph, Sentence, Token } from '../../model/types.ts';
import { tokensStage } from '../../nlp/tokens.ts';
import { buildAttributions, spansFromLabels } from './decode.ts';
import { extractFeatures, paragraphSequences, type CueClasses } from './features.ts';
import { viterbi, type TaggerWeights } from './tagger.ts';
import { loadModel } from './weights.ts';

// Feature buffers reused across articles: a fresh pair per article was most of the GC work.
let baseBuf: Uint32Array = new Uint32Array(0);
let extraBuf: Uint32Array = new Uint32Array(0);

/**
 * Runs the first-pass tagger, then each stacked tagger on the labels of the one before, one
 * paragraph at a time (features are paragraph-local), so memory stays bounded on huge texts.
 * Returns the last pass's label per token.
 */
export function tagTokens(
  model: { bits: number; taggers: TaggerWeights[]; cues: CueClasses },
  tokens: readonly Token[], sentences: readonly Sentence[], paragraphs: readonly Paragraph[],
): Uint8Array {
  const mask = (1 << model.bits) - 1;
  const passes = model.taggers.map(() => new Uint8Array(tokens.length));
  for (const q of paragraphSequences(sentences, paragraphs)) {
    const n = q.tokenEnd - q.tokenStart;
    const one = [q];
    const base = baseBuf = extractFeatures(tokens, sentences, one, model.cues, mask, null, null, baseBuf, q.tokenStart);
    viterbi(model.taggers[0], base, 0, n, passes[0].subarray(q.tokenStart, q.tokenEnd));
    for (let k = 1; k < model.taggers.length; k++) {
      const extra = extraBuf = extractFeatures(tokens, sentences, one, model.cues, mask, passes[k - 1], base, extraBuf, q.tokenStart);
      viterbi(model.taggers[k], extra, 0, n, passes[k].subarray(q.tokenStart, q.tokenEnd));
    }
  }
  return passes[passes.length - 1];
}

/**
 * Attributions predicted by the trained tagger (models/attribution.bin.gz): reported speech,
 * "according to", beliefs and direct quotes, with cue and source spans as written. Uses the doc's
 * token layers when present, otherwise tokenises the text itself. Returns [] if no model file.
 */
export function predictAttributions(doc: Doc): Attribution[] {
  const model = loadModel();
  if (!model) return [];
  const { tokens, sentences, paragraphs } = doc.has('tokens')
    ? { tokens: doc.get('tokens'), sentences: doc.get('sentences'), paragraphs: doc.get('paragraphs') }
    : tokensStage.run(doc);
  if (tokens.length === 0) return [];
  const labels = tagTokens({ bits: model.header.bits, taggers: model.taggers, cues: model.cues }, tokens, sentences, paragraphs);
  return buildAttributions(doc.text, tokens, sentences, spansFromLabels(labels, tokens, sentences));
}
