
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
   * Inference form of integer weights: per bucket 3 float64 words, each holding three labels'
   * weights + 128 as 17-bit lanes of an exact integer, so one addition sums three labels (no lane
   * overflows below 514 features a token). Built by packWeights().
   */
  packed?: Float64Array;
  /** (NUM_LABELS + 1) * NUM_LABELS transition weights, the last row from the start state. */
  trans: Float32Array;
}

const NEG = -1e30;
/** Packed lane width (2^17) and its square: lane sums stay exact integers in a float64. */
const LANE = 131072;
const LANE2 = LANE * LANE;
let scoreBuf = new Float32Array(0);
let deltaBuf = new Float32Array(0);
let backBuf = new Uint8Array(0);
const transBuf = new Float32Array((NUM_LABELS + 1) * NUM_LABELS);
/** Inference-form taggers' transition scores with illegal moves folded in (see legalTransitions). */
const legalTrans = new WeakMap<TaggerWeights, Float32Array>();
/** Legal predecessor labels of each label. */
const PREDS: Uint8Array[] = Array.from({ length: NUM_LABELS }, (_, l) =>
  Uint8Array.from(Array.from({ length: NUM_LABELS }, (_, p) => p).filter((p) => allowed(p, l))));
/** allowed(p, l) at p * NUM_LABELS + l, p up to START. */
const ALLOWED = Uint8Array.from({ length: (NUM_LABELS + 1) * NUM_LABELS }, (_, k) => (allowed(Math.floor(k / NUM_LABELS), k % NUM_LABELS) ? 1 : 0));
/** The predecessor sets forward9() is written for: labels 0, 1, 4, 5, 7 after any label but B-C/I-C; I-C and L-C after B-C/I-C; I-Q after B-Q/I-Q; I-S after B-S/I-S. */
const PREDS9 = [[0, 3, 4, 5, 6, 7, 8], [0, 3, 4, 5, 6, 7, 8], [1, 2], [1, 2], [0, 3, 4, 5, 6, 7, 8], [0, 3, 4, 5, 6, 7, 8], [5, 6], [0, 3, 4, 5, 6, 7, 8], [7, 8]];
const UNROLLED = NUM_LABELS === 9 && PREDS.every((ps, l) => ps.join() === PREDS9[l].join());

/**
 * The Viterbi forward pass for the nine labels with the legal predecessors written out (the
 * generic loop over PREDS spends most of its time on loop control). Same operations in the same
 * order as the generic loop: scores rounded to float32 when stored, ties to the lowest label.
 */
function forward9(score: Float32Array, tr: Float32Array, delta: Float32Array, back: Uint8Array, n: number): void {
  // transition scores of the legal moves, t<from><to>
  const t00 = tr[0], t30 = tr[27], t40 = tr[36], t50 = tr[45], t60 = tr[54], t70 = tr[63], t80 = tr[72];
  const t01 = tr[1], t31 = tr[28], t41 = tr[37], t51 = tr[46], t61 = tr[55], t71 = tr[64], t81 = tr[73];
  const t12 = tr[11], t22 = tr[20], t13 = tr[12], t23 = tr[21];
  const t04 = tr[4], t34 = tr[31], t44 = tr[40], t54 = tr[49], t64 = tr[58], t74 = tr[67], t84 = tr[76];
  const t05 = tr[5], t35 = tr[32], t45 = tr[41], t55 = tr[50], t65 = tr[59], t75 = tr[68], t85 = tr[77];
  const t56 = tr[51], t66 = tr[60];
  const t07 = tr[7], t37 = tr[34], t47 = tr[43], t57 = tr[52], t67 = tr[61], t77 = tr[70], t87 = tr[79];
  const t78 = tr[71], t88 = tr[80];
  for (let i = 1; i < n; i++) {
    const po = (i - 1) * 9;
    const co = po + 9;
    const d0 = delta[po], d1 = delta[po + 1], d2 = delta[po + 2], d3 = delta[po + 3], d4 = delta[po + 4];
    const d5 = delta[po + 5], d6 = delta[po + 6], d7 = delta[po + 7], d8 = delta[po + 8];
    let b: number, a: number, v: number;
    // labels after any label but B-C / I-C
    b = d0 + t00; a = 0;
    v = d3 + t30; if (v > b) { b = v; a = 3; }
    v = d4 + t40; if (v > b) { b = v; a = 4; }
    v = d5 + t50; if (v > b) { b = v; a = 5; }
    v = d6 + t60; if (v > b) { b = v; a = 6; }
    v = d7 + t70; if (v > b) { b = v; a = 7; }
    v = d8 + t80; if (v > b) { b = v; a = 8; }
    delta[co] = b + score[co]; back[co] = a;
    b = d0 + t01; a = 0;
    v = d3 + t31; if (v > b) { b = v; a = 3; }
    v = d4 + t41; if (v > b) { b = v; a = 4; }
    v = d5 + t51; if (v > b) { b = v; a = 5; }
    v = d6 + t61; if (v > b) { b = v; a = 6; }
    v = d7 + t71; if (v > b) { b = v; a = 7; }
    v = d8 + t81; if (v > b) { b = v; a = 8; }
    delta[co + 1] = b + score[co + 1]; back[co + 1] = a;
    b = d0 + t04; a = 0;
    v = d3 + t34; if (v > b) { b = v; a = 3; }
    v = d4 + t44; if (v > b) { b = v; a = 4; }
    v = d5 + t54; if (v > b) { b = v; a = 5; }
    v = d6 + t64; if (v > b) { b = v; a = 6; }
    v = d7 + t74; if (v > b) { b = v; a = 7; }
    v = d8 + t84; if (v > b) { b = v; a = 8; }
    delta[co + 4] = b + score[co + 4]; back[co + 4] = a;
    b = d0 + t05; a = 0;
    v = d3 + t35; if (v > b) { b = v; a = 3; }
    v = d4 + t45; if (v > b) { b = v; a = 4; }
    v = d5 + t55; if (v > b) { b = v; a = 5; }
    v = d6 + t65; if (v > b) { b = v; a = 6; }
    v = d7 + t75; if (v > b) { b = v; a = 7; }
    v = d8 + t85; if (v > b) { b = v; a = 8; }
    delta[co + 5] = b + score[co + 5]; back[co + 5] = a;
    b = d0 + t07; a = 0;
    v = d3 + t37; if (v > b) { b = v; a = 3; }
    v = d4 + t47; if (v > b) { b = v; a = 4; }
    v = d5 + t57; if (v > b) { b = v; a = 5; }
    v = d6 + t67; if (v > b) { b = v; a = 6; }
    v = d7 + t77; if (v > b) { b = v; a = 7; }
    v = d8 + t87; if (v > b) { b = v; a = 8; }
    delta[co + 7] = b + score[co + 7]; back[co + 7] = a;
    // continuations: I-C and L-C after B-C / I-C, I-Q after B-Q / I-Q, I-S after B-S / I-S
    b = d1 + t12; a = 1; v = d2 + t22; if (v > b) { b = v; a = 2; }
    delta[co + 2] = b + score[co + 2]; back[co + 2] = a;
    b = d1 + t13; a = 1; v = d2 + t23; if (v > b) { b = v; a = 2; }
    delta[co + 3] = b + score[co + 3]; back[co + 3] = a;
    b = d5 + t56; a = 5; v = d6 + t66; if (v > b) { b = v; a = 6; }
    delta[co + 6] = b + score[co + 6]; back[co + 6] = a;
    b = d7 + t78; a = 7; v = d8 + t88; if (v > b) { b = v; a = 8; }
    delta[co + 8] = b + score[co + 8]; back[co + 8] = a;
  }
}

/**
 * Illegal moves folded into the transition scores, so the Viterbi inner loop has no branch on
 * them. Kept per tagger in the inference form (packed weights, never changed after loading:
 * viterbi runs once per paragraph); training updates `trans` in place, so there it is redone.
 */
function legalTransitions(model: TaggerWeights): Float32Array {
  let tr = model.packed ? legalTrans.get(model) : undefined;
  if (tr) return tr;
  tr = model.packed ? new Float32Array(transBuf.length) : transBuf;
  const trans = model.trans;
  for (let k = 0; k < tr.length; k++) tr[k] = ALLOWED[k] ? trans[k] : NEG;
  if (model.packed) legalTrans.set(model, tr);
  return tr;
}

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
  const tr = legalTransitions(model);
  const score = scoreBuf;
  const packed = model.packed;
  if (packed && NB * 255 < LANE) {
    // PACKED_WORDS (3) float64 words a bucket, three 17-bit label lanes each. Two sets of sums
    // (even and odd features) halve the chain of dependent float additions; all exact integers.
    const bias = 128 * NB;
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, c0 = 0, c1 = 0, c2 = 0;
      const fo = (t0 + i) * NB;
      const fe = fo + NB;
      let k = fo;
      for (; k + 1 < fe; k += 2) {
        const b = feats[k] * 3;
        const d = feats[k + 1] * 3;
        a0 += packed[b]; a1 += packed[b + 1]; a2 += packed[b + 2];
        c0 += packed[d]; c1 += packed[d + 1]; c2 += packed[d + 2];
      }
      if (k < fe) {
        const b = feats[k] * 3;
        a0 += packed[b]; a1 += packed[b + 1]; a2 += packed[b + 2];
      }
      a0 += c0; a1 += c1; a2 += c2;
      const so = i * L;
      let hi = Math.floor(a0 / LANE2);
      let rest = a0 - hi * LANE2;
      let mid = Math.floor(rest / LANE);
      score[so] = rest - mid * LANE - bias; score[so + 1] = mid - bias; score[so + 2] = hi - bias;
      hi = Math.floor(a1 / LANE2); rest = a1 - hi * LANE2; mid = Math.floor(rest / LANE);
      score[so + 3] = rest - mid * LANE - bias; score[so + 4] = mid - bias; score[so + 5] = hi - bias;
      hi = Math.floor(a2 / LANE2); rest = a2 - hi * LANE2; mid = Math.floor(rest / LANE);
      score[so + 6] = rest - mid * LANE - bias; score[so + 7] = mid - bias; score[so + 8] = hi - bias;
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
  if (UNROLLED) forward9(score, tr, delta, back, n);
  else for (let i = 1; i < n; i++) {
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

const PACKED_WORDS = Math.ceil(NUM_LABELS / 3);

/** Packs int8 weights (NUM_LABELS per bucket) into the three-lanes-per-float64 inference form. */
export function packWeights(w: Int8Array): Float64Array {
  const buckets = w.length / NUM_LABELS;
  const out = new Float64Array(buckets * PACKED_WORDS);
  for (let b = 0; b < buckets; b++) {
    const o = b * NUM_LABELS;
    const lane = (l: number) => (l < NUM_LABELS ? w[o + l] + 128 : 128);
    for (let j = 0; j < PACKED_WORDS; j++) out[b * PACKED_WORDS + j] = lane(3 * j) + lane(3 * j + 1) * LANE + lane(3 * j + 2) * LANE2;
  }
  return out;
}
