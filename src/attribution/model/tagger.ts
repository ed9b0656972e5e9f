
// Linear-chain tagger: per-token scores are sums of hashed feature weights, one row of NUM_LABELS
// weights per table bucket, plus a label-transition matrix; Viterbi finds the best BIO sequence.

// Content spans are labelled BILOU: B(egin), I(nside), L(ast), U(nit-length); marking the last
// token lets the model learn where reported clauses end, which BIO alone did badly. Cues and
// sources are short, and BIO suffices for them (fewer labels keep decoding cheap).
export const LABELS = ['O', 'B-C', 'I-C', 'L-C', 'U-C', 'B-Q', 'I-Q', 'B-S', 'I-S'] as const;
export const NUM_LABELS = LABELS.length;
export const O = 0;
export const CONTENT = 0;
export const CUE = 1;
export const SOURCE = 2;
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;
/** Index of the start state in the transition matrix (row NUM_LABELS). */
export const START = NUM_LABELS;

const TYPE_OF = [-1, 0, 0, 0, 0, 1, 1, 2, 2];
const POS_OF = [-1, POS_B, POS_I, POS_L, POS_U, POS_B, POS_I, POS_B, POS_I];

/** The label for a span type and position; cue and source map L to I and U to B. */
export function label(type: number, pos: number): number {
  if (type === CONTENT) return 1 + pos;
  const base = type === CUE ? 5 : 7;
  return base + (pos === POS_I || pos === POS_L ? 1 : 0);
}
/** Span type of a label (CONTENT, CUE, SOURCE), or -1 for O or the start state. */
export function labelType(l: number): number {
  return l >= 0 && l < NUM_LABELS ? TYPE_OF[l] : -1;
}
export function labelPos(l: number): number {
  return POS_OF[l];
}

/**
 * I/L continue a span of their own type started by B (or continued by I). Content B and I must
 * be continued; a cue or source may end at any token.
 */
export function allowed(prev: number, cur: number): boolean {
  const pt = labelType(prev);
  const open = pt >= 0 && (labelPos(prev) === POS_B || labelPos(prev) === POS_I);
  const cp = labelPos(cur);
  if (cur !== O && (cp === POS_I || cp === POS_L)) return open && pt === labelType(cur);
  return !(open && pt === CONTENT);
}

export interface TaggerWeights {
  /** Features per token (the sequences' stride). */
  nf: number;
  /** buckets * NUM_LABELS feature weights. */
  w: Float32Array | Int8Array;
  /**
   * Inference form of integer weights: per bucket 5 int32 words, each holding two labels'
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
/** Legal predecessor labels of each label. */
const PREDS: Uint8Array[] = Array.from({ length: NUM_LABELS }, (_, l) =>
  Uint8Array.from(Array.from({ length: NUM_LABELS }, (_, p) => p).filter((p) => allowed(p, l))));

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
    // PACKED_WORDS (5) int32 words a bucket, two 16-bit label lanes each
    const bias = 128 * NB;
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0;
      const fo = (t0 + i) * NB;
      const fe = fo + NB;
      for (let k = fo; k < fe; k++) {
        const b = feats[k] * 5;
        a0 = (a0 + packed[b]) | 0; a1 = (a1 + packed[b + 1]) | 0; a2 = (a2 + packed[b + 2]) | 0;
        a3 = (a3 + packed[b + 3]) | 0; a4 = (a4 + packed[b + 4]) | 0;
      }
      const so = i * L;
      score[so] = (a0 & 0xffff) - bias; score[so + 1] = (a0 >>> 16) - bias;
      score[so + 2] = (a1 & 0xffff) - bias; score[so + 3] = (a1 >>> 16) - bias;
      score[so + 4] = (a2 & 0xffff) - bias; score[so + 5] = (a2 >>> 16) - bias;
      score[so + 6] = (a3 & 0xffff) - bias; score[so + 7] = (a3 >>> 16) - bias;
      score[so + 8] = (a4 & 0xffff) - bias;
    }
  } else {
    // training form: float weights, NUM_LABELS a bucket
    for (let i = 0; i < n; i++) {
      const so = i * L;
      for (let l = 0; l < L; l++) score[so + l] = 0;
      const fo = (t0 + i) * NB;
      const fe = fo + NB;
      for (let k = fo; k < fe; k++) {
        const b = feats[k] * L;
        for (let l = 0; l < L; l++) score[so + l] += w[b + l];
      }
    }
  }
  const delta = deltaBuf;
  const back = backBuf;
  for (let l = 0; l < L; l++) delta[l] = score[l] + tr[START * L + l];
  for (let i = 1; i < n; i++) {
    const po = (i - 1) * L;
    const co = i * L;
    for (let l = 0; l < L; l++) {
      // only the legal predecessors
      const ps = PREDS[l];
      let arg = ps[0];
      let best = delta[po + arg] + tr[arg * L + l];
      for (let k = 1; k < ps.length; k++) {
        const p = ps[k];
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

const PACKED_WORDS = Math.ceil(NUM_LABELS / 2);

/** Packs int8 weights (NUM_LABELS per bucket) into the two-lanes-per-int32 inference form. */
export function packWeights(w: Int8Array): Int32Array {
  const buckets = w.length / NUM_LABELS;
  const out = new Int32Array(buckets * PACKED_WORDS);
  for (let b = 0; b < buckets; b++) {
    const o = b * NUM_LABELS;
    const lane = (l: number) => (l < NUM_LABELS ? w[o + l] + 128 : 128);
    for (let j = 0; j < PACKED_WORDS; j++) out[b * PACKED_WORDS + j] = lane(2 * j) | (lane(2 * j + 1) << 16);
  }
  return out;
}
