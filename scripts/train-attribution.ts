// Trains the attribution tagger (averaged structured perceptron over paragraph token sequences,
// two stacked passes) on the `train` compartment of PolNeAR and writes models/attribution.bin.gz.
// Deterministic: the same data gives the same file. See docs/model.md.
//
//   npm run train [-- --data <file> --out <file> --epochs 7 --epochs2 4 --passes 2 --bits 14
//                    --folds 4 --mix 1 --holdout 0.1 --holdout-part k --min-cue 3 --pass1-only
//                    --oracle-cues --verbose]
//
// --holdout F trains on the first (1-F) of the train articles and reports content-span F1 on the
// rest after each epoch (for choosing settings); the committed model is trained without it.
// --holdout-part k holds out the k-th share of size F instead of the last one.
// --min-cue N: a word needs N uses inside gold cues to get a learned cue class (default 3).
// --pass1-only and --oracle-cues (pass 2 handed the gold cues) are diagnostics with --holdout.
// --mix N averages N perceptrons trained in different orders (measured: no gain, so 1).
import fs from 'node:fs';
import path from 'node:path';
import { Doc } from '../src/model/doc.ts';
import type { Sentence, Token, Paragraph } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { extractFeatures, featureCount, paragraphSequences, withLexicon } from '../src/attribution/model/features.ts';
import {
  allowed, CONTENT, CUE, label, labelType, NUM_LABELS, POS_B, POS_I, POS_L, POS_U, SOURCE, START, viterbi, type TaggerWeights,
} from '../src/attribution/model/tagger.ts';
import { encodeModel } from '../src/attribution/model/weights.ts';
import { loadClusters } from '../src/attribution/model/clusters.ts';
import { dataPath, loadPolnearOrExit, type GoldDoc } from './lib/polnear.ts';
import { repoRoot } from './lib/shared-data.ts';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
const EPOCHS = arg('epochs', 7);
const BITS = arg('bits', 14);
const HOLDOUT = arg('holdout', 0);
const HOLDOUT_PART = arg('holdout-part', -1);
const MIN_CUE = arg('min-cue', 3);

/**
 * The held-out article range [h0, h1) of n train articles: the last HOLDOUT share, or with
 * --holdout-part k the k-th such share from the start (more held-out articles to tune on, one
 * model each). Same slicing as scripts/eval-attribution.ts --holdout.
 */
function holdoutRange(n: number): [number, number] {
  if (HOLDOUT <= 0) return [n, n];
  if (HOLDOUT_PART < 0) return [Math.round(n * (1 - HOLDOUT)), n];
  return [Math.round(n * HOLDOUT * HOLDOUT_PART), Math.min(n, Math.round(n * HOLDOUT * (HOLDOUT_PART + 1)))];
}
const outIdx = process.argv.indexOf('--out');
const OUT = outIdx >= 0 ? path.resolve(process.argv[outIdx + 1]) : path.join(repoRoot, 'models/attribution.bin.gz');

interface Prepared {
  doc: GoldDoc;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Paragraph[];
  gold: Uint8Array;
}

/** Gold BILOU labels per token; cue and source win over content where spans overlap (rare). */
function goldLabels(d: GoldDoc, tokens: Token[], sentences: Sentence[]): Uint8Array {
  // paint span ids first (later spans overwrite), then read each run of one span as B I* L or U
  const spanOf = new Int32Array(tokens.length).fill(-1);
  const typeOf: number[] = [];
  const firstAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (tokens[m].end <= pos) lo = m + 1; else hi = m; }
    return lo;
  };
  const paint = (start: number, end: number, type: number) => {
    const id = typeOf.length;
    typeOf.push(type);
    for (let k = firstAtOrAfter(start); k < tokens.length && tokens[k].start < end; k++) {
      if (tokens[k].end > tokens[k].start) spanOf[k] = id;
    }
  };
  const seen = new Set<string>();
  for (const q of d.quotes) paint(q.start, q.end, CONTENT);
  for (const q of d.quotes) {
    if (q.speaker && !seen.has(`s${q.speaker.start}:${q.speaker.end}`)) {
      seen.add(`s${q.speaker.start}:${q.speaker.end}`);
      paint(q.speaker.start, q.speaker.end, SOURCE);
    }
  }
  for (const q of d.quotes) {
    if (q.cue && !seen.has(`c${q.cue.start}:${q.cue.end}`)) {
      seen.add(`c${q.cue.start}:${q.cue.end}`);
      paint(q.cue.start, q.cue.end, CUE);
    }
  }
  const labels = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const id = spanOf[k];
    if (id < 0) continue;
    // a paragraph break ends a span too: paragraphs are decoded separately
    const para = (t: number) => sentences[tokens[t].sentence].paragraph;
    const first = k === 0 || spanOf[k - 1] !== id || para(k - 1) !== para(k);
    const last = k === tokens.length - 1 || spanOf[k + 1] !== id || para(k + 1) !== para(k);
    const pos = first && last ? POS_U : first ? POS_B : last ? POS_L : POS_I;
    labels[k] = label(typeOf[id], pos);
  }
  return labels;
}

/** Cue classes learned from the training articles: share of a word's uses that sit in a gold cue. */
function learnCues(prepared: Prepared[]): Map<string, number> {
  const total = new Map<string, number>();
  const inCue = new Map<string, number>();
  for (const p of prepared) {
    p.tokens.forEach((t, i) => {
      total.set(t.lower, (total.get(t.lower) ?? 0) + 1);
      if (labelType(p.gold[i]) === CUE) inCue.set(t.lower, (inCue.get(t.lower) ?? 0) + 1);
    });
  }
  const out = new Map<string, number>();
  for (const [w, c] of inCue) {
    if (c < MIN_CUE) continue;
    const r = c / (total.get(w) ?? c);
    const cls = r >= 0.5 ? 3 : r >= 0.2 ? 2 : r >= 0.05 ? 1 : 0;
    if (cls) out.set(w, cls);
  }
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** Content spans of a label sequence, as "start:end" token offsets. */
function contentSpans(labels: Uint8Array, off: number, n: number, out: Set<string>): void {
  for (let i = 0; i < n; i++) {
    if (labels[i] !== label(CONTENT, POS_B) && labels[i] !== label(CONTENT, POS_U)) continue;
    let j = i + 1;
    if (labels[i] === label(CONTENT, POS_B)) {
      while (j < n && labels[j] === label(CONTENT, POS_I)) j++;
      if (j < n && labels[j] === label(CONTENT, POS_L)) j++;
    }
    out.add(`${off + i}:${off + j}`);
  }
}

/** One paragraph of one article: its token range in the article's feature arrays, and gold labels. */
type Item = { feats: Uint32Array; t0: number; gold: Uint8Array };

/** Averaged structured perceptron over the items; `held` (if any) is scored after each epoch. */
/**
 * MIX perceptrons trained in different orders, their weights averaged (parameter mixing): one
 * linear model again, so inference costs the same.
 */
function trainTagger(items: Item[], nf: number, epochs: number, held: Item[], name: string): TaggerWeights {
  if (MIX <= 1) return trainOne(items, nf, epochs, held, name, 13);
  const runs = Array.from({ length: MIX }, (_, r) => trainOne(items, nf, epochs, [], `${name} run ${r + 1}`, 13 + 7919 * r));
  const out: TaggerWeights = { nf, w: new Float32Array(runs[0].w.length), trans: new Float32Array(runs[0].trans.length) };
  for (const r of runs) {
    for (let i = 0; i < out.w.length; i++) out.w[i] += r.w[i] / MIX;
    for (let i = 0; i < out.trans.length; i++) out.trans[i] += r.trans[i] / MIX;
  }
  if (held.length) console.log(`  ${name} mixed ${MIX}: held-out content exact ${scoreContent(out, held)}`);
  return out;
}

function trainOne(items: Item[], nf: number, epochs: number, held: Item[], name: string, seed: number): TaggerWeights {
  const L = NUM_LABELS;
  const w = new Float32Array((1 << BITS) * L);
  const wa = new Float64Array(w.length); // sum of c * update, for averaging
  const tr = new Float32Array((L + 1) * L);
  const tra = new Float64Array(tr.length);
  const model: TaggerWeights = { nf, w, trans: tr };
  let c = 1;
  const rand = rng(seed);
  const order = items.map((_, i) => i);
  const averaged = (): TaggerWeights => {
    const aw = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) aw[i] = w[i] - wa[i] / c;
    const at = new Float32Array(tr.length);
    for (let i = 0; i < tr.length; i++) at[i] = tr[i] - tra[i] / c;
    return { nf, w: aw, trans: at };
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const te = Date.now();
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    for (const idx of order) {
      const { feats, t0, gold } = items[idx];
      const n = gold.length;
      const p = viterbi(model, feats, t0, n, new Uint8Array(n));
      let diff = false;
      for (let i = 0; i < n; i++) {
        if (p[i] === gold[i]) continue;
        diff = true;
        errors++;
        const g = gold[i];
        const q = p[i];
        const fo = (t0 + i) * nf;
        for (let k = fo; k < fo + nf; k++) {
          const b = feats[k] * L;
          w[b + g] += 1; wa[b + g] += c; w[b + q] -= 1; wa[b + q] -= c;
        }
      }
      if (diff) {
        for (let i = 0; i < n; i++) {
          const gp = i ? gold[i - 1] : START;
          const pp = i ? p[i - 1] : START;
          if (gp === pp && gold[i] === p[i]) continue;
          tr[gp * L + gold[i]] += 1; tra[gp * L + gold[i]] += c;
          tr[pp * L + p[i]] -= 1; tra[pp * L + p[i]] -= c;
        }
      }
      c++;
    }
    let msg = `  ${name} epoch ${epoch}: token errors ${errors}, ${Date.now() - te} ms`;
    if (held.length) msg += `; held-out content exact ${scoreContent(averaged(), held)}`;
    if (VERBOSE || held.length) console.log(msg);
  }
  const avg = averaged();
  for (let p = 0; p <= L; p++) for (let l = 0; l < L; l++) if (!allowed(p, l)) avg.trans[p * L + l] = 0;
  return avg;
}

function scoreContent(model: TaggerWeights, held: Item[]): string {
  let tp = 0; let np = 0; let ng = 0;
  for (const { feats, t0, gold } of held) {
    const n = gold.length;
    const p = viterbi(model, feats, t0, n, new Uint8Array(n));
    const G = new Set<string>(); const P = new Set<string>();
    contentSpans(gold, 0, n, G); contentSpans(p, 0, n, P);
    ng += G.size; np += P.size;
    for (const s of P) if (G.has(s)) tp++;
  }
  const pr = tp / np; const rc = tp / ng;
  return `P ${pr.toFixed(3)} R ${rc.toFixed(3)} F1 ${(2 * pr * rc / (pr + rc)).toFixed(3)}`;
}

const VERBOSE = process.argv.includes('--verbose');
const FOLDS = arg('folds', 4);
const EPOCHS2 = arg('epochs2', 4);
const PASSES = arg('passes', 2);
const MIX = arg('mix', 1);

function main(): void {
  const file = dataPath(process.argv);
  const t0 = Date.now();
  const all = loadPolnearOrExit(file);
  const trainDocs = all.filter((d) => d.meta.origSplit === 'train');
  if (trainDocs.length === 0) { console.error(`no train articles in ${file}`); process.exit(2); }
  const prepared: Prepared[] = trainDocs.map((doc) => {
    const { tokens, sentences, paragraphs } = tokensStage.run(new Doc(doc.text));
    return { doc, tokens, sentences, paragraphs, gold: goldLabels(doc, tokens, sentences) };
  });
  const [h0, h1] = holdoutRange(prepared.length);
  const fit = [...prepared.slice(0, h0), ...prepared.slice(h1)];
  const held = prepared.slice(h0, h1);
  const learned = learnCues(fit);
  const clusters = loadClusters();
  if (!clusters) {
    console.error('models/word-clusters.bin.gz is absent (committed with the repo; rebuild it with scripts/build-clusters.ts).');
    process.exit(2);
  }
  const cues = withLexicon(learned, clusters);
  const mask = (1 << BITS) - 1;
  // base features are computed once per article and shared by every tagger trained below
  const baseOf = new Map<Prepared, Uint32Array>();
  const items = (ps: Prepared[], stacks: (Uint8Array | null)[]): Item[] => ps.flatMap((p, k) => {
    const seqs = paragraphSequences(p.sentences, p.paragraphs);
    let base = baseOf.get(p);
    if (!base) { base = extractFeatures(p.tokens, p.sentences, seqs, cues, mask); baseOf.set(p, base); }
    const feats = stacks[k] ? extractFeatures(p.tokens, p.sentences, seqs, cues, mask, stacks[k], base) : base;
    return seqs.map((q) => ({ feats, t0: q.tokenStart, gold: p.gold.subarray(q.tokenStart, q.tokenEnd) }));
  });
  const noStack = (ps: Prepared[]) => ps.map(() => null);
  const items1 = items(fit, noStack(fit));
  console.log(`train articles ${fit.length} (held out ${held.length}), sequences ${items1.length}, ` +
    `tokens ${items1.reduce((s, x) => s + x.gold.length, 0)}, learned cue words ${learned.size}, prep ${Date.now() - t0} ms`);

  // First pass labels for the training articles come from taggers that did not see them
  // (jackknife), so the stacked pass learns how far to trust them on unseen text.
  if (process.argv.includes('--pass1-only')) {
    trainTagger(items1, featureCount(false), EPOCHS, items(held, noStack(held)), 'pass 1');
    return;
  }
  if (process.argv.includes('--oracle-cues')) {
    // diagnostic: how well does the stacked pass do when it is handed the gold cues?
    const cuesOnly = (p: Prepared) => p.gold.map((l) => (labelType(l) === CUE ? l : 0));
    trainTagger(items(fit, fit.map(cuesOnly)), featureCount(true), EPOCHS2, items(held, held.map(cuesOnly)), 'oracle-cue pass 2');
    return;
  }
  // Each pass after the first reads the previous pass's labels. For the training articles those
  // labels come from taggers that did not see them (jackknife over FOLDS), so a later pass learns
  // how far to trust them on unseen text.
  const tagOne = (t: TaggerWeights, p: Prepared, stack: Uint8Array | null): Uint8Array => {
    const seqs = paragraphSequences(p.sentences, p.paragraphs);
    const base = baseOf.get(p) ?? extractFeatures(p.tokens, p.sentences, seqs, cues, mask);
    const feats = stack ? extractFeatures(p.tokens, p.sentences, seqs, cues, mask, stack, base) : base;
    const labels = new Uint8Array(p.tokens.length);
    for (const q of seqs) viterbi(t, feats, q.tokenStart, q.tokenEnd - q.tokenStart, labels.subarray(q.tokenStart, q.tokenEnd));
    return labels;
  };
  let stacks: (Uint8Array | null)[] = noStack(fit);
  let heldStacks: (Uint8Array | null)[] = noStack(held);
  const taggers: TaggerWeights[] = [];
  for (let s = 0; s < PASSES; s++) {
    const nf = featureCount(s > 0);
    const epochs = s === 0 ? EPOCHS : EPOCHS2;
    const next: (Uint8Array | null)[] = new Array(fit.length).fill(null);
    if (s < PASSES - 1) {
      for (let f = 0; f < FOLDS; f++) {
        const ks = fit.map((_, k) => k).filter((k) => k % FOLDS !== f);
        const t = trainTagger(items(ks.map((k) => fit[k]), ks.map((k) => stacks[k])), nf, epochs, [], `pass ${s + 1} fold ${f + 1}`);
        fit.forEach((p, k) => { if (k % FOLDS === f) next[k] = tagOne(t, p, stacks[k]); });
        console.log(`pass ${s + 1}: jackknife fold ${f + 1}/${FOLDS} done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      }
    }
    const t = trainTagger(items(fit, stacks), nf, epochs, held.length ? items(held, heldStacks) : [], `pass ${s + 1}`);
    taggers.push(t);
    heldStacks = held.map((p, k) => tagOne(t, p, heldStacks[k]));
    stacks = next;
  }

  const buf = encodeModel({
    bits: BITS,
    cues: [...learned].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    clusters: { checksum: clusters.checksum, coarse: clusters.coarse, fine: clusters.fine },
    info: { trainArticles: fit.length, passes: PASSES, epochs: EPOCHS, epochs2: EPOCHS2, folds: FOLDS, data: path.basename(file), compartment: 'train' },
  }, taggers);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, buf);
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${(buf.length / 1024).toFixed(0)} KiB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
