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

/** Runs the first-pass tagger, then the stacked tagger that reads its labels. Labels per token. */
export function tagTokens(
  model: { bits: number; taggers: TaggerWeights[]; cues: CueClasses },
  tokens: readonly Token[], sentences: readonly Sentence[], paragraphs: readonly Paragraph[],
): Uint8Array {
  const mask = (1 << model.bits) - 1;
  const seqs = paragraphSequences(sentences, paragraphs);
  const base = baseBuf = extractFeatures(tokens, sentences, seqs, model.cues, mask, null, null, baseBuf);
  let labels = new Uint8Array(tokens.length);
  for (const q of seqs) viterbi(model.taggers[0], base, q.tokenStart, q.tokenEnd - q.tokenStart, labels.subarray(q.tokenStart, q.tokenEnd));
  for (let k = 1; k < model.taggers.length; k++) {
    const extra = extraBuf = extractFeatures(tokens, sentences, seqs, model.cues, mask, labels, base, extraBuf);
    labels = new Uint8Array(tokens.length);
    for (const q of seqs) viterbi(model.taggers[k], extra, q.tokenStart, q.tokenEnd - q.tokenStart, labels.subarray(q.tokenStart, q.tokenEnd));
  }
  return labels;
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
