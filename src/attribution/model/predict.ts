import type { Doc } from '../../model/doc.ts';
import type { Attribution, Paragraph, Sentence, Token } from '../../model/types.ts';
import { tokensStage } from '../../nlp/tokens.ts';
import { buildAttributions, spansFromLabels } from './decode.ts';
import { extractSequences } from './features.ts';
import { viterbi, type TaggerWeights } from './tagger.ts';
import { loadModel, type LoadedModel } from './weights.ts';

/** Runs the first-pass tagger, then the stacked tagger that reads its labels. Labels per token. */
export function tagTokens(
  model: Pick<LoadedModel, 'cues'> & { bits: number; taggers: TaggerWeights[] },
  tokens: readonly Token[], sentences: readonly Sentence[], paragraphs: readonly Paragraph[],
): Uint8Array {
  const mask = (1 << model.bits) - 1;
  let labels = new Uint8Array(tokens.length);
  let stack: Uint8Array | null = null;
  for (const tagger of model.taggers) {
    for (const seq of extractSequences(tokens, sentences, paragraphs, model.cues, mask, stack)) {
      viterbi(tagger, seq.feats, seq.tokenEnd - seq.tokenStart, labels.subarray(seq.tokenStart, seq.tokenEnd));
    }
    stack = labels;
    labels = new Uint8Array(tokens.length);
  }
  return stack ?? labels;
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
  return buildAttributions(doc.text, tokens, spansFromLabels(labels, tokens, sentences));
}
