
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
  /** (NUM_LABELS + 1) * NUM_LABELS transition weights, the last row from the start state. */
  trans: Float32Array;
}

const NEG = -1e30;
let scoreBuf = new Float32Array(0);
let deltaBuf = new Float32Array(0);
let backBuf = new Uint8Array(0);

/** Best label sequence for one token sequence. `feats` holds n * NUM_FEATURES bucket ids. */
export function viterbi(model: TaggerWeights, feats: Uint32Array, n: number, out: Uint8Array = new Uint8Array(n)): Uint8Array {
  const L = NUM_LABELS;
  const NF = model.nf;
  if (scoreBuf.length < n * L) {
    scoreBuf = new Float32Array(n * L * 2);
    deltaBuf = new Float32Array(n * L * 2);
    backBuf = new Uint8Array(n * L * 2);
  }
  const w = model.w;
  const tr = model.trans;
  const score = scoreBuf;
  for (let i = 0; i < n; i++) {
    const so = i * L;
    for (let l = 0; l < L; l++) score[so + l] = 0;
    const fo = i * NF;
    for (let k = 0; k < NF; k++) {
      const b = feats[fo + k] * L;
      for (let l = 0; l < L; l++) score[so + l] += w[b + l];
    }
  }
  const delta = deltaBuf;
  const back = backBuf;
  for (let l = 0; l < L; l++) delta[l] = allowed(START, l) ? score[l] + tr[START * L + l] : NEG;
  for (let i = 1; i < n; i++) {
    const po = (i - 1) * L;
    const co = i * L;
    for (let l = 0; l < L; l++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, l)) continue;
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
