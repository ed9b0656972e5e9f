import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, NUM_LABELS, packWeights, START, viterbi } from '../src/attribution/model/tagger.ts';
import { extractFeatures, paragraphSequences, withLexicon } from '../src/attribution/model/features.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { Doc } from '../src/model/doc.ts';
import { mulberry32 } from '../scripts/lib/rng.ts';

// The tagger's inference shortcuts (weights packed three labels to a float64, the forward pass
// written out for the nine labels, the stacked pass reusing the base pass's per-token scans)
// must give exactly what the plain algorithm gives.


/** Textbook Viterbi over the legal transitions, in float64, lowest label on ties. */
function reference(w: Int8Array, trans: Float32Array, nf: number, feats: Uint32Array, n: number): number[] {
  const L = NUM_LABELS;
  const emit = (i: number, l: number) => {
    let s = 0;
    for (let k = i * nf; k < (i + 1) * nf; k++) s += w[feats[k] * L + l];
    return s;
  };
  let delta = Array.from({ length: L }, (_, l) => (allowed(START, l) ? trans[START * L + l] : -Infinity) + emit(0, l));
  const back: number[][] = [];
  for (let i = 1; i < n; i++) {
    const row: number[] = [];
    const next: number[] = [];
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, l)) continue;
        const v = delta[p] + trans[p * L + l];
        if (v > best) { best = v; arg = p; }
      }
      next.push(best + emit(i, l));
      row.push(arg);
    }
    back.push(row);
    delta = next;
  }
  let arg = 0;
  for (let l = 1; l < L; l++) if (delta[l] > delta[arg]) arg = l;
  const out = [arg];
  for (let i = n - 1; i >= 1; i--) { arg = back[i - 1][arg]; out.unshift(arg); }
  return out;
}

test('tagger: packed weights and the written-out forward pass give the reference labels', () => {
  const r = mulberry32(7);
  const L = NUM_LABELS;
  const buckets = 1 << 10;
  for (const nf of [57, 34, 3]) {
    const w = Int8Array.from({ length: buckets * L }, () => Math.floor(r() * 255) - 127);
    const trans = Float32Array.from({ length: (L + 1) * L }, () => (r() - 0.5) * 40);
    const n = 60;
    const feats = Uint32Array.from({ length: n * nf }, () => Math.floor(r() * buckets));
    const want = reference(w, trans, nf, feats, n);
    const packed = Array.from(viterbi({ nf, w, packed: packWeights(w), trans }, feats, 0, n));
    const unpacked = Array.from(viterbi({ nf, w, trans }, feats, 0, n));
    assert.deepEqual(packed, want, `packed, ${nf} features`);
    assert.deepEqual(unpacked, want, `unpacked, ${nf} features`);
  }
});

test('tagger: packed lanes hold extreme weights exactly', () => {
  const L = NUM_LABELS;
  const nf = 57;
  // every feature on one bucket whose weights are the int8 extremes: lane sums 57 * 255 and 57 * 1
  const w = Int8Array.from({ length: 4 * L }, (_, k) => (k % 2 ? 127 : -127));
  const trans = new Float32Array((L + 1) * L);
  const feats = new Uint32Array(2 * nf).fill(1);
  const want = reference(w, trans, nf, feats, 2);
  assert.deepEqual(Array.from(viterbi({ nf, w, packed: packWeights(w), trans }, feats, 0, 2)), want);
});

test('features: the stacked pass gives the same ids whether or not the base pass just ran on the paragraph', () => {
  const text = [
    'Officials said on Tuesday that the bridge would reopen, according to a statement.',
    '"We are not there yet," the mayor told reporters. She added that repairs could take weeks.',
    'The council, which met on Monday, declined to comment.',
  ].join('\n');
  const { tokens, sentences, paragraphs } = tokensStage.run(new Doc(text));
  const cues = withLexicon(new Map());
  const mask = (1 << 14) - 1;
  const seqs = paragraphSequences(sentences, paragraphs);
  const stack = Uint8Array.from(tokens, (_, i) => i % NUM_LABELS);
  // all paragraphs in one call: the scratch arrays hold the last paragraph, so each is rescanned
  const base = extractFeatures(tokens, sentences, seqs, cues, mask);
  const together = extractFeatures(tokens, sentences, seqs, cues, mask, stack, base);
  // one paragraph at a time, base then stacked, as inference runs them: the scans are reused
  for (const q of seqs) {
    const b = extractFeatures(tokens, sentences, [q], cues, mask, null, null, null, q.tokenStart);
    const s = extractFeatures(tokens, sentences, [q], cues, mask, stack, b, null, q.tokenStart);
    const nf = s.length / (q.tokenEnd - q.tokenStart);
    assert.deepEqual(Array.from(s), Array.from(together.subarray(q.tokenStart * nf, q.tokenEnd * nf)));
  }
});
