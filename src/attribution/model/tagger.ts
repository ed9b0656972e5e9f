
// Linear-chain tagger: per-token scores are sums of hashed feature weights, one row of NUM_LABELS
// weights per table bucket, plus a label-transition matrix; Viterbi finds the best BIO sequence.

export const LABELS = ['O', 'B-C', 'I-C', 'B-Q', 'I-Q', 'B-S', 'I-S'] as const;
export const NUM_LABELS = LABELS.length;
export const O = 0;
export const B_CONTENT = 1;
export const I_CONTENT = 2;
export const B_CUE = 3;
export const I_CUE = 4;
export const B_SOURCE = 5;
export const I_SOURCE = 6;
/** Index of the start state in the transition matrix (row NUM_LABELS). */
export const START = NUM_LABELS;

/** I-X may only follow B-X or I-X: illegal moves are never decoded. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === I_CONTENT) return prev === B_CONTENT || prev === I_CONTENT;
  if (cur === I_CUE) return prev === B_CUE || prev === I_CUE;
  if (cur === I_SOURCE) return prev === B_SOURCE || prev === I_SOURCE;
  return true;
}

export interface TaggerWeights {
  /** Features per token (the sequences' stride). */
  nf: number;
  /** buckets * NUM_LABELS feature weights. */
  w: Float32Array | Int8Array;
  /**
   * Inference form of integer weights: per bucket 4 int32 words, each holding two labels'
   * weights + 128 as 16-bit lanes, so one addition sums two labels (no lane overflows below 257
   * features a token). Built by packWeights().
   */
  packed?: Int32Array;
  /** (NUM_LABELS + 1) * NUM_LABELS transition weights, the last row from the start state. */
  trans: Float32Array;
}

const NEG = -1e30;
let scoreBuf = new Float32Array(0);
let deltaBuf = new Float32Array(0);
let backBuf = new Uint8Array(0);
const transBuf = new Float32Array((NUM_LABELS + 1) * NUM_LABELS);

/** Best labels for tokens [t0, t0 + n), whose features are feats[(t0 + i) * model.nf ...]. Writes out[0..n). */
export function viterbi(model: TaggerWeights, feats: Uint32Array, t0: number, n: number, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  const L = NUM_LABELS;
  const NB = model.nf;
  if (scoreBuf.length < n * L) {
    scoreBuf = new Float32Array(n * L * 2);
    deltaBuf = new Float32Array(n * L * 2);
    backBuf = new Uint8Array(n * L * 2);
  }
  const w = model.w;
  // illegal moves folded into the transition scores once, so the inner loop has no branch on them
  const tr = transBuf;
  for (let p = 0; p <= L; p++) for (let l = 0; l < L; l++) tr[p * L + l] = allowed(p, l) ? model.trans[p * L + l] : NEG;
  const score = scoreBuf;
  const packed = model.packed;
  if (packed) {
    const bias = 128 * NB;
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      const fo = (t0 + i) * NB;
      const fe = fo + NB;
      for (let k = fo; k < fe; k++) {
        const b = feats[k] << 2;
        a0 = (a0 + packed[b]) | 0; a1 = (a1 + packed[b + 1]) | 0; a2 = (a2 + packed[b + 2]) | 0; a3 = (a3 + packed[b + 3]) | 0;
      }
      const so = i * 7;
      score[so] = (a0 & 0xffff) - bias; score[so + 1] = (a0 >>> 16) - bias;
      score[so + 2] = (a1 & 0xffff) - bias; score[so + 3] = (a1 >>> 16) - bias;
      score[so + 4] = (a2 & 0xffff) - bias; score[so + 5] = (a2 >>> 16) - bias;
      score[so + 6] = (a3 & 0xffff) - bias;
    }
  }
  // emission scores: 7 accumulators, one pass over the token's feature buckets
  for (let i = 0; !packed && i < n; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    const fo = (t0 + i) * NB;
    const fe = fo + NB;
    for (let k = fo; k < fe; k++) {
      const b = feats[k] * 7;
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4]; s5 += w[b + 5]; s6 += w[b + 6];
    }
    const so = i * 7;
    score[so] = s0; score[so + 1] = s1; score[so + 2] = s2; score[so + 3] = s3;
    score[so + 4] = s4; score[so + 5] = s5; score[so + 6] = s6;
  }
  const delta = deltaBuf;
  const back = backBuf;
  for (let l = 0; l < L; l++) delta[l] = score[l] + tr[START * L + l];
  for (let i = 1; i < n; i++) {
    const po = (i - 1) * L;
    const co = i * L;
    for (let l = 0; l < L; l++) {
      let best = delta[po] + tr[l];
      let arg = 0;
      for (let p = 1; p < L; p++) {
        const v = delta[po + p] + tr[p * L + l];
        if (v > best) { best = v; arg = p; }
      }
      delta[co + l] = best + score[co + l];
      back[co + l] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  const lo = (n - 1) * L;
  for (let l = 0; l < L; l++) if (delta[lo + l] > best) { best = delta[lo + l]; arg = l; }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
  return out;
}

/** Packs int8 weights (NUM_LABELS per bucket) into the two-lanes-per-int32 inference form. */
export function packWeights(w: Int8Array): Int32Array {
  const buckets = w.length / NUM_LABELS;
  const out = new Int32Array(buckets * 4);
  for (let b = 0; b < buckets; b++) {
    const o = b * NUM_LABELS;
    const lane = (l: number) => (l < NUM_LABELS ? w[o + l] + 128 : 128);
    for (let j = 0; j < 4; j++) out[b * 4 + j] = lane(2 * j) | (lane(2 * j + 1) << 16);
  }
  return out;
}
