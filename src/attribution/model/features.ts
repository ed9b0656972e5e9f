import type { Paragraph, Sentence, Token } from '../../model/types.ts';
import { withRoomFor } from '../../model/arrays.ts';
import { CUE_LEXICON } from './lexicon.ts';
import { labelType, NUM_LABELS } from './tagger.ts';

// Hashed feature extraction for the attribution tagger. One sequence per paragraph (content spans
// cross sentence boundaries inside a paragraph, almost never across paragraphs). Every token gets
// exactly NUM_FEATURES feature ids, laid out densely, so the tagger scores with flat loops.
//
// Integer feature hashing: word attributes are hashed once per word form and templates combine
// them with integer multiplications, so no feature string is built. Everything on the hot path
// is module-local on purpose: cross-module calls cost an accessor per call under tsx.

/** FNV-1a over UTF-16 code units. */
function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Feature id = top `bits` bits of a multiplicative hash of (value ^ template seed): written out
// inline at every template (a helper function is not inlined in a body this large), so the
// bucket costs one or two multiplications.
const SEED = new Uint32Array(128);
for (let k = 0, h = 0x2545f491; k < SEED.length; k++) {
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x6a09e667;
  SEED[k] = h >>> 0;
}

/**
 * Per lower-cased word, packed: bits 0-1 the cue class (1 weak, 2 medium, 3 strong: share of uses
 * inside a gold cue), bits 2-12 the word's fine cluster + 1 (0: no cluster). Built by withLexicon().
 */
export type CueClasses = ReadonlyMap<string, number>;

/** The cue class (0-3) of a packed CueClasses value. */
export function cueClassOf(v: number | undefined): number {
  return (v ?? 0) & 3;
}

/** What withLexicon() needs of a cluster table (clusters.ts). */
export interface ClusterTable {
  map: ReadonlyMap<string, number>;
}

/** One paragraph: the unit the tagger decodes. */
export interface Sequence {
  /** Token index range [tokenStart, tokenEnd) in the doc's token layer. */
  tokenStart: number;
  tokenEnd: number;
  /** Sentence index range [s0, s1). */
  s0: number;
  s1: number;
}

const POS_IDS: Record<string, number> = {
  ADJ: 1, ADP: 2, ADV: 3, AUX: 4, CCONJ: 5, DET: 6, INTJ: 7, NOUN: 8, NUM: 9, PART: 10, PRON: 11,
  PROPN: 12, PUNCT: 13, SCONJ: 14, SPACE: 15, SYM: 16, VERB: 17, X: 18,
};
const POS_BOS = 19;
const POS_EOS = 20;
const W_BOS = strHash('<s>');
const W_EOS = strHash('</s>');
const W_NUM = strHash('<num>');
const H_THAT = strHash('that');
const H_ACCORDING = strHash('according');
const H_TO = strHash('to');
const H_COMMA = strHash(',');
const H_COLON = strHash(':');

/** Strong cue threshold for distance features. */
const CUE_STRONG = 2;

function distBucket(d: number): number {
  if (d <= 0) return 0;
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 15) return 6;
  if (d <= 30) return 7;
  return 8;
}

function shapeOf(s: string): number {
  const c = s.charCodeAt(0);
  const isUpper = c >= 65 && c <= 90;
  const isLower = c >= 97 && c <= 122;
  const isDigit = c >= 48 && c <= 57;
  if (isDigit) return 1;
  if (isLower) return 2;
  if (isUpper) {
    if (s.length > 1 && s === s.toUpperCase()) return 3;
    return 4;
  }
  if (s.length === 1) return 5 + (c & 0xff); // punctuation and symbols: keep the character
  return 300; // other scripts
}

function quoteMark(s: string): number {
  // 1 opening, 2 closing, 3 ambiguous straight quote
  if (s === '“' || s === '„' || s === '«') return 1;
  if (s === '”' || s === '»') return 2;
  if (s === '"' || s === '``' || s === "''") return 3;
  return 0;
}

/**
 * Learned classes with the hand lexicon folded in (lexicon words count as at least CUE_STRONG),
 * packed with the word clusters (see CueClasses).
 */
export function withLexicon(learned: ReadonlyMap<string, number>, clusters: ClusterTable | null = null): Map<string, number> {
  const out = new Map<string, number>();
  for (const [w, c] of learned) out.set(w, c & 3);
  for (const w of CUE_LEXICON) if ((out.get(w) ?? 0) < CUE_STRONG) out.set(w, CUE_STRONG);
  if (clusters) {
    for (const [w, id] of clusters.map) out.set(w, (out.get(w) ?? 0) | ((id + 1) << 2));
  }
  return out;
}

// Per-word attributes, cached by surface form (per cue table): hashing, suffix, shape and the
// cue lookup then cost one Map lookup per token. Cleared when it grows past CACHE_MAX words.
interface WordCache {
  index: Map<string, number>;
  hash: Uint32Array;
  suf: Uint32Array;
  shape: Uint32Array;
  cue: Uint8Array;
  quote: Uint8Array;
  cf: Uint16Array;
  /** Word id + 1 by wink lexeme id (0: not seen yet), grown on demand. */
  byLexeme: Int32Array;
}
const CACHE_MAX = 100_000;
/** Lexeme ids from here on (a long-running process's out-of-vocabulary words) use the text map only. */
const LEXEME_MAX = 1 << 22;
const caches = new WeakMap<CueClasses, WordCache>();

function cacheFor(cues: CueClasses): WordCache {
  let c = caches.get(cues);
  if (!c || c.index.size >= CACHE_MAX) {
    c = { index: new Map(), hash: new Uint32Array(CACHE_MAX), suf: new Uint32Array(CACHE_MAX), shape: new Uint32Array(CACHE_MAX), cue: new Uint8Array(CACHE_MAX), quote: new Uint8Array(CACHE_MAX), cf: new Uint16Array(CACHE_MAX), byLexeme: new Int32Array(1 << 17) };
    caches.set(cues, c);
  }
  return c;
}

function wordId(c: WordCache, t: Token, cues: CueClasses): number {
  // By wink's lexeme id when the token has one: an array read instead of hashing the text (the
  // text Map lookup was the costliest line of feature extraction). One lexeme id is one text, so
  // both keys give the same word id.
  const lx = t.lexeme;
  if (lx !== undefined && lx < c.byLexeme.length) {
    const v = c.byLexeme[lx];
    if (v !== 0) return v - 1;
  }
  const id = textWordId(c, t, cues);
  if (lx !== undefined && lx < LEXEME_MAX) {
    c.byLexeme = withRoomFor(c.byLexeme, lx);
    c.byLexeme[lx] = id + 1;
  }
  return id;
}

function textWordId(c: WordCache, t: Token, cues: CueClasses): number {
  let id = c.index.get(t.text);
  if (id !== undefined) return id;
  id = c.index.size;
  c.index.set(t.text, id);
  const lower = t.lower;
  const h = t.type === 'number' ? W_NUM : strHash(lower);
  c.hash[id] = h;
  c.suf[id] = lower.length > 3 ? strHash(lower.slice(-3)) : h;
  c.shape[id] = shapeOf(t.text);
  const v = cues.get(lower) ?? 0;
  c.cue[id] = v & 3;
  c.cf[id] = v >>> 2;
  c.quote[id] = quoteMark(t.text);
  return id;
}

// Per-paragraph scratch arrays, grown as needed, so extraction allocates only its output.
let cap = 0;
let W = new Uint32Array(0);
let P = new Uint8Array(0);
let SH = new Uint32Array(0);
let SUF = new Uint32Array(0);
let CUE = new Uint8Array(0);
let QS = new Uint8Array(0);
let LD = new Uint8Array(0);
let RD = new Uint8Array(0);
let LW = new Uint32Array(0);
let RW = new Uint32Array(0);
let FLAGS = new Uint16Array(0);
let SENT = new Int32Array(0);
let PUL = new Uint32Array(0);
let PUR = new Uint32Array(0);
let ACW = new Uint32Array(0);
let CF = new Uint16Array(0);
let LC = new Uint16Array(0);
let RC = new Uint16Array(0);

// stacked-pass scratch: distance to the first pass's cue left/right, that cue's word, and a
// per-sentence summary (bit 0 cue, bit 1 content, bit 2 source) with sentinels at both ends
let PLD = new Uint8Array(0);
let PRD = new Uint8Array(0);
let PLW = new Uint32Array(0);
let PRW = new Uint32Array(0);
let SSTATE = new Uint8Array(0);

// label -> span type + 1 (0 for O), as a local table: this runs once per token
const TYPE1 = Uint8Array.from({ length: NUM_LABELS }, (_, l) => labelType(l) + 1);
const T_CONTENT = 1;
const T_CUE = 2;
const T_SOURCE = 3;

function stackScan(stack: Uint8Array, sentences: readonly Sentence[], s0: number, s1: number, t0: number, n: number): void {
  if (PLD.length < n + 4) {
    PLD = new Uint8Array(cap); PRD = new Uint8Array(cap); PLW = new Uint32Array(cap); PRW = new Uint32Array(cap);
  }
  if (SSTATE.length < s1 - s0 + 2) SSTATE = new Uint8Array((s1 - s0 + 2) * 2);
  SSTATE.fill(0, 0, s1 - s0 + 2);
  for (const arr of [PLD, PRD, PLW, PRW]) arr[0] = arr[n + 1] = arr[n + 2] = 0; // boundaries, as in paragraphFeatures
  for (let s = s0; s < s1; s++) {
    const a = sentences[s].tokenStart - t0 + 1;
    const b = sentences[s].tokenEnd - t0 + 1;
    let last = -1;
    let lastW = 0;
    let st = 0;
    for (let i = a; i < b; i++) {
      const l = stack[t0 + i - 1];
      PLD[i] = last < 0 ? 0 : distBucket(i - last);
      PLW[i] = lastW;
      const ty = TYPE1[l];
      if (ty === T_CUE) { last = i; lastW = W[i]; st |= 1; }
      else if (ty === T_CONTENT) st |= 2;
      else if (ty === T_SOURCE) st |= 4;
    }
    SSTATE[s - s0 + 1] = st;
    let next = -1;
    let nextW = 0;
    for (let i = b - 1; i >= a; i--) {
      const l = stack[t0 + i - 1];
      PRD[i] = next < 0 ? 0 : distBucket(next - i);
      PRW[i] = nextW;
      if (TYPE1[l] === T_CUE) { next = i; nextW = W[i]; }
    }
  }
}

// What the scratch arrays above were last filled from (sections 1-2 of paragraphFeatures).
const scratchOf: { tokens: readonly Token[] | null; sentences: readonly Sentence[] | null; t0: number; t1: number; cues: CueClasses | null } =
  { tokens: null, sentences: null, t0: -1, t1: -1, cues: null };

function ensure(n: number): void {
  if (n + 4 <= cap) return;
  scratchOf.tokens = null;
  cap = Math.max(n + 4, cap * 2, 256);
  W = new Uint32Array(cap); P = new Uint8Array(cap); SH = new Uint32Array(cap); SUF = new Uint32Array(cap);
  CUE = new Uint8Array(cap); QS = new Uint8Array(cap); LD = new Uint8Array(cap); RD = new Uint8Array(cap);
  LW = new Uint32Array(cap); RW = new Uint32Array(cap); FLAGS = new Uint16Array(cap); SENT = new Int32Array(cap);
  PUL = new Uint32Array(cap); PUR = new Uint32Array(cap); ACW = new Uint32Array(cap);
  CF = new Uint16Array(cap); LC = new Uint16Array(cap); RC = new Uint16Array(cap);
}

/** Bumped whenever feature ids change meaning, so stale weights are refused rather than misread. */
export const FEATURE_VERSION = 7;

export const NUM_FEATURES = 57;
/**
 * The stacked pass reads 16 features of the first pass's labels plus these base templates (ids
 * as numbered in paragraphFeatures): lexical, POS, quote and cue-distance context. Fewer than the
 * full base set, so the second pass costs about half the first.
 */
const STACK_COPY = [1, 2, 3, 4, 7, 12, 13, 19, 20, 22, 25, 26, 33, 34, 38, 47, 48, 52];
export const NUM_STACK_FEATURES = 16 + STACK_COPY.length;
/** STACK_COPY as 0-based columns of a base row, typed: the copy runs 18 times a token. */
const STACK_SRC = Int32Array.from(STACK_COPY, (c) => c - 1);

export function featureCount(stacked: boolean): number {
  return stacked ? NUM_STACK_FEATURES : NUM_FEATURES;
}

/** The paragraphs that hold tokens, as sequences. */
export function paragraphSequences(sentences: readonly Sentence[], paragraphs: readonly Paragraph[]): Sequence[] {
  const seqs: Sequence[] = [];
  let si = 0;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    while (si < sentences.length && sentences[si].paragraph < pi) si++;
    const first = si;
    while (si < sentences.length && sentences[si].paragraph === pi) si++;
    if (si === first) continue;
    const t0 = sentences[first].tokenStart;
    const t1 = sentences[si - 1].tokenEnd;
    if (t1 > t0) seqs.push({ tokenStart: t0, tokenEnd: t1, s0: first, s1: si });
  }
  return seqs;
}

/**
 * Feature ids for every token of the sequences: tokens.length * NUM_FEATURES base features, or,
 * given the first pass's labels (`stack`) and the base features, tokens.length *
 * NUM_STACK_FEATURES stacked ones. `into`, if large enough, is filled instead of a new array.
 * Rows start at token `offset` (features of token t at row t - offset).
 * `cues` must come from withLexicon(); `mask` is the table size - 1 (a power of two - 1).
 */
export function extractFeatures(
  tokens: readonly Token[], sentences: readonly Sentence[], seqs: readonly Sequence[],
  cues: CueClasses, mask: number, stack: Uint8Array | null = null, base: Uint32Array | null = null,
  into: Uint32Array | null = null, offset = 0,
): Uint32Array {
  let last = offset;
  for (const q of seqs) last = Math.max(last, q.tokenEnd);
  const size = (last - offset) * (stack ? NUM_STACK_FEATURES : NUM_FEATURES);
  const out = into && into.length >= size ? into : new Uint32Array(size);
  if (stack) {
    if (!base) throw new Error('stacked features need the base features');
    const NS = NUM_STACK_FEATURES;
    const NB = NUM_FEATURES;
    const C = STACK_SRC.length;
    for (const q of seqs) {
      for (let t = q.tokenStart - offset; t < q.tokenEnd - offset; t++) {
        const o = t * NS + 16;
        const b = t * NB;
        for (let j = 0; j < C; j++) out[o + j] = base[b + STACK_SRC[j]];
      }
    }
  }
  const shift = Math.clz32(mask);
  for (const q of seqs) paragraphFeatures(tokens, sentences, q.s0, q.s1, q.tokenStart, q.tokenEnd, cues, shift, stack, out, offset);
  return out;
}

function paragraphFeatures(
  tokens: readonly Token[], sentences: readonly Sentence[], s0: number, s1: number,
  t0: number, t1: number, learned: CueClasses, shift: number, stack: Uint8Array | null, out: Uint32Array,
  offset: number,
): void {
  const n = t1 - t0;
  ensure(n);
  const startsWithQuote = quoteMark(tokens[t0].text) === 1 || quoteMark(tokens[t0].text) === 3 ? 1 : 0;
  // The stacked pass over a paragraph follows the base pass over the same paragraph, whose
  // per-token attributes and sentence scans are still in the scratch arrays: only redo them when
  // the inputs differ (half the word-cache lookups and scans at inference).
  const reuse = stack !== null && scratchOf.tokens === tokens && scratchOf.sentences === sentences &&
    scratchOf.t0 === t0 && scratchOf.t1 === t1 && scratchOf.cues === learned;
  if (!reuse) {
    scratchOf.tokens = null; // invalid while being overwritten
    // 1. per-token attributes (offset by 1 so index 0 and n+1 are the paragraph boundaries)
    // Boundary cells of every scratch array are reset: templates read the neighbours of the first
    // and last tokens, and a cell left over from an earlier, longer paragraph (of this article or
    // of the previous one) made the tags depend on what was read before.
    for (const arr of [SH, SUF, CUE, QS, LD, RD, LW, RW, FLAGS, SENT, PUL, PUR, ACW, LC, RC]) arr[0] = arr[n + 1] = arr[n + 2] = 0;
    W[0] = W_BOS; P[0] = POS_BOS; W[n + 1] = W_EOS; P[n + 1] = POS_EOS;
    W[n + 2] = W_EOS; P[n + 2] = POS_EOS;
    CF[0] = 2049; CF[n + 1] = CF[n + 2] = 2050; // paragraph boundaries
    let depth = 0;
    let anyClose = 0;
    const cache = cacheFor(learned);
    for (let k = 0; k < n; k++) {
      const t = tokens[t0 + k];
      const i = k + 1;
      const id = wordId(cache, t, learned);
      W[i] = cache.hash[id];
      P[i] = POS_IDS[t.pos] ?? 18;
      SH[i] = cache.shape[id];
      SUF[i] = cache.suf[id];
      CUE[i] = cache.cue[id];
      CF[i] = cache.cf[id];
      SENT[i] = t.sentence;
      const q = cache.quote[id];
      if (q === 1 || (q === 3 && depth === 0)) { QS[i] = 2; depth = 1; }
      else if (q === 2 || q === 3) { QS[i] = 3; depth = 0; anyClose = 1; }
      else QS[i] = depth ? 1 : 0;
    }
    // A closing mark with no opening one means the paragraph continues a quote from the previous one.
    if (anyClose && !startsWithQuote) {
      for (let i = 1; i <= n && QS[i] !== 3 && QS[i] !== 2; i++) QS[i] = 4;
    }
    // 2. per-sentence scans: nearest strong cue left and right, "that"/comma/colon/according state
    for (let s = s0; s < s1; s++) {
      const a = sentences[s].tokenStart - t0 + 1;
      const b = sentences[s].tokenEnd - t0 + 1; // exclusive
      let lastCue = -1;
      let lastCueW = 0;
      let seenThat = 0;
      let seenComma = 0;
      let seenColon = 0;
      let according = 0;
      let lastP = a - 1;
      let lastPT = 1;
      for (let i = a; i < b; i++) {
        // previous punctuation in the sentence: its character and distance
        PUL[i] = lastPT * 16 + distBucket(i - lastP);
        if (P[i] === 13) { lastP = i; lastPT = SH[i]; }
        ACW[i] = lastCue < 0 ? 0 : W[lastCue + 1];
        LD[i] = lastCue < 0 ? 0 : distBucket(i - lastCue);
        LW[i] = lastCueW;
        LC[i] = lastCue < 0 ? 0 : CF[lastCue];
        let f = (i === a ? 1 : 0) | (i === b - 1 ? 2 : 0) | (seenThat ? 4 : 0) | (seenComma ? 8 : 0) | (seenColon ? 16 : 0);
        f |= according << 5; // bits 5-6
        FLAGS[i] = f;
        const w = W[i];
        if (CUE[i] >= CUE_STRONG) { lastCue = i; lastCueW = w; seenThat = 0; seenComma = 0; seenColon = 0; }
        if (w === H_THAT && lastCue >= 0) seenThat = 1;
        if (w === H_COMMA) { seenComma = 1; if (according === 1) according = 2; }
        if (w === H_COLON) seenColon = 1;
        if (w === H_ACCORDING && W[i + 1] === H_TO) according = 1;
      }
      let nextCue = -1;
      let nextCueW = 0;
      let nextP = b;
      let nextPT = 2;
      for (let i = b - 1; i >= a; i--) {
        PUR[i] = nextPT * 16 + distBucket(nextP - i);
        if (P[i] === 13) { nextP = i; nextPT = SH[i]; }
        RD[i] = nextCue < 0 ? 0 : distBucket(nextCue - i);
        RW[i] = nextCueW;
        RC[i] = nextCue < 0 ? 0 : CF[nextCue];
        if (CUE[i] >= CUE_STRONG) { nextCue = i; nextCueW = W[i]; }
      }
    }
    scratchOf.tokens = tokens; scratchOf.sentences = sentences; scratchOf.t0 = t0; scratchOf.t1 = t1; scratchOf.cues = learned;
  }
  // sentence-level: does the sentence (and its neighbours) hold a strong cue outside quotes?
  const sentCue = new Uint8Array(s1 - s0 + 2);
  for (let i = 1; i <= n; i++) {
    if (CUE[i] >= CUE_STRONG && QS[i] === 0) sentCue[SENT[i] - s0 + 1] = 1;
  }
  // 3. emit features
  const NF = stack ? NUM_STACK_FEATURES : NUM_FEATURES;
  if (stack) stackScan(stack, sentences, s0, s1, t0, n);
  for (let i = 1; i <= n; i++) {
    const o = (t0 - offset + i - 1) * NF;
    const wm1 = i > 1 ? W[i - 1] : W_BOS;
    const wm2 = i > 2 ? W[i - 2] : W_BOS;
    const pm1 = i > 1 ? P[i - 1] : POS_BOS;
    const pm2 = i > 2 ? P[i - 2] : POS_BOS;
    const wp1 = W[i + 1];
    const wp2 = W[i + 2];
    const pp1 = P[i + 1];
    const pp2 = P[i + 2];
    const w = W[i];
    const p = P[i];
    const qs = QS[i];
    const ld = LD[i];
    const rd = RD[i];
    const fl = FLAGS[i];
    const sIdx = SENT[i] - s0 + 1;
    const sc = sentCue[sIdx] | (sentCue[sIdx - 1] << 1) | (sentCue[sIdx + 1] << 2);
    const qm1 = i > 1 ? QS[i - 1] : 5;
    const qp1 = i < n ? QS[i + 1] : 5;
    let f = 0;
    if (stack) {
      const k = t0 + i - 1;
      const s = stack[k];
      const sm1 = i > 1 ? stack[k - 1] : 15;
      const sm2 = i > 2 ? stack[k - 2] : 15;
      const sp1 = i < n ? stack[k + 1] : 15;
      const sp2 = i < n - 1 ? stack[k + 2] : 15;
      const pld = PLD[i];
      const prd = PRD[i];
      const ss = SSTATE[SENT[i] - s0 + 1];
      const ssn = (SSTATE[SENT[i] - s0] & 3) * 4 + (SSTATE[SENT[i] - s0 + 2] & 3);
      out[o + f++] = Math.imul((s) ^ SEED[101], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul((sm1 * 16 + s) ^ SEED[102], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul((s * 16 + sp1) ^ SEED[103], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((sm2 * 16 + sm1) * 16 + s) ^ SEED[104], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((s * 16 + sp1) * 16 + sp2) ^ SEED[105], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((sm1 * 16 + s) * 16 + sp1) ^ SEED[106], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul((pld * 16 + prd) ^ SEED[107], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((pld * 16 + prd) * 16 + s) ^ SEED[108], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((pld * 32 + p) * 16 + s) ^ SEED[109], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((prd * 32 + p) * 16 + s) ^ SEED[110], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(Math.imul((PLW[i]) ^ SEED[111], 0x85ebca6b) ^ (pld), 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(Math.imul((PRW[i]) ^ SEED[112], 0x85ebca6b) ^ (prd), 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((ss * 16 + ssn) * 16 + s) ^ SEED[113], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(Math.imul((w) ^ SEED[114], 0x85ebca6b) ^ (s), 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul(((qs * 16 + s) * 16 + (ss & 3)) ^ SEED[115], 0x9e3779b1) >>> shift;
      out[o + f++] = Math.imul((((fl & 3) * 16 + s) * 16 + sm1) ^ SEED[116], 0x9e3779b1) >>> shift;
      continue;
    }
    out[o + f++] = Math.imul((0) ^ SEED[1], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((w) ^ SEED[2], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((wm1) ^ SEED[3], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((wp1) ^ SEED[4], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((wm2) ^ SEED[5], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((wp2) ^ SEED[6], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((p) ^ SEED[7], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((pm1) ^ SEED[8], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((pp1) ^ SEED[9], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((pm2) ^ SEED[10], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((pp2) ^ SEED[11], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((pm1 * 32 + p) ^ SEED[12], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((p * 32 + pp1) ^ SEED[13], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((pm1 * 32 + p) * 32 + pp1) ^ SEED[14], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((wm1) ^ SEED[15], 0x85ebca6b) ^ (w), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((w) ^ SEED[16], 0x85ebca6b) ^ (wp1), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((SUF[i]) ^ SEED[17], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((SH[i]) ^ SEED[18], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((CUE[i] * 16 + (i > 1 ? CUE[i - 1] : 0) * 4 + CUE[i + 1]) ^ SEED[19], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((qs) ^ SEED[20], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((qs * 32 + p) ^ SEED[21], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((qm1 * 8 + qs) * 8 + qp1) ^ SEED[22], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((qs * 8 + (fl & 3)) ^ SEED[23], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((fl & 3) * 32 + p) ^ SEED[24], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((ld) ^ SEED[25], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((rd) ^ SEED[26], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((ld * 16 + rd) ^ SEED[27], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((ld * 32 + p) ^ SEED[28], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((rd * 32 + p) ^ SEED[29], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((ld * 16 + rd) * 8 + qs) ^ SEED[30], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((fl >> 2) * 16 + ld) ^ SEED[31], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((fl >> 2) * 32 + p) ^ SEED[32], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((LW[i]) ^ SEED[33], 0x85ebca6b) ^ (ld > 0 ? 1 : 0), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((RW[i]) ^ SEED[34], 0x85ebca6b) ^ (rd > 0 ? 1 : 0), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((LW[i]) ^ SEED[35], 0x85ebca6b) ^ (ld), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((RW[i]) ^ SEED[36], 0x85ebca6b) ^ (rd), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((startsWithQuote * 8 + qs) * 8 + sc) ^ SEED[37], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((sc * 8 + qs) ^ SEED[38], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((((fl >> 5) & 3) * 32 + p) ^ SEED[39], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((w) ^ SEED[40], 0x85ebca6b) ^ (qs), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((wm1) ^ SEED[41], 0x85ebca6b) ^ (ld), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((w) ^ SEED[42], 0x85ebca6b) ^ (ld * 16 + rd), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(((qs * 16 + ld) * 16 + rd) ^ SEED[43], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((wm1) ^ SEED[44], 0x85ebca6b) ^ (p), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((wp1) ^ SEED[45], 0x85ebca6b) ^ (p), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((sc * 64 + (fl & 0x1f)) ^ SEED[46], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((PUL[i]) ^ SEED[47], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((PUR[i]) ^ SEED[48], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((PUR[i]) ^ SEED[49], 0x85ebca6b) ^ (qs * 32 + p), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((ACW[i]) ^ SEED[50], 0x85ebca6b) ^ (ld), 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul(Math.imul((PUL[i]) ^ SEED[51], 0x85ebca6b) ^ (ld > 0 ? p + 32 : p), 0x9e3779b1) >>> shift;
    // word clusters (lexical coverage beyond the training words): the word, its neighbours, the
    // word × POS, and the nearest strong cue left / right × distance
    const cf = CF[i];
    out[o + f++] = Math.imul((cf) ^ SEED[52], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((CF[i - 1]) ^ SEED[53], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((CF[i + 1]) ^ SEED[54], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((cf * 32 + p) ^ SEED[57], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((LC[i] * 16 + ld) ^ SEED[60], 0x9e3779b1) >>> shift;
    out[o + f++] = Math.imul((RC[i] * 16 + rd) ^ SEED[61], 0x9e3779b1) >>> shift;
    
  }
}
