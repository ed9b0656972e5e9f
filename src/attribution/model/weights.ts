import { gunzipSync, gzipSync } from 'node:zlib';
import { loadClusters } from './clusters.ts';
import { lazyModelFile } from './model-file.ts';
import { FEATURE_VERSION, featureCount, withLexicon } from './features.ts';
import { NUM_LABELS, packWeights, type TaggerWeights } from './tagger.ts';

// Compact weight file: gzip of [magic "TLA2"][u32 header length][header JSON], then per tagger
// [f32 transitions][u32 bucket count][varint bucket deltas][i8 weights, NUM_LABELS per bucket].
// Feature weights are quantised to int8 with one scale per tagger; only buckets holding a
// non-zero weight are stored.

export interface ModelHeader {
  featureVersion: number;
  bits: number;
  labels: number;
  /** Per tagger (first pass, stacked pass): features per token and int8 scale. */
  taggers: { nf: number; scale: number }[];
  /** Learned cue classes, [word, class] pairs. */
  cues: [string, number][];
  /** The word-cluster table the features were computed with (clusters.ts checksum), if any. */
  clusters?: { checksum: number; coarse: number; fine: number };
  /** Free-form training facts. */
  info: Record<string, unknown>;
}

export interface LoadedModel {
  header: ModelHeader;
  /** Int8 weights; transitions are divided by the scale so they add to int8 sums. */
  taggers: TaggerWeights[];
  /** Learned cue classes merged with the hand lexicon, as extractSequences wants them. */
  cues: Map<string, number>;
}

const MAGIC = 'TLA2';

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function encodeTagger(t: TaggerWeights): { scale: number; parts: Buffer[] } {
  const L = NUM_LABELS;
  const w = t.w;
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
  const scale = maxAbs / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
  const used: number[] = [];
  for (let b = 0; b < w.length / L; b++) {
    for (let l = 0; l < L; l++) if (q[b * L + l] !== 0) { used.push(b); break; }
  }
  const varints: number[] = [];
  let prev = -1;
  for (const b of used) {
    let d = b - prev - 1;
    prev = b;
    while (d >= 0x80) { varints.push((d & 0x7f) | 0x80); d >>>= 7; }
    varints.push(d);
  }
  const weights = new Int8Array(used.length * L);
  used.forEach((b, k) => weights.set(q.subarray(b * L, b * L + L), k * L));
  const parts = [Buffer.from(new Float32Array(t.trans).buffer), u32(used.length), Buffer.from(varints), Buffer.from(weights.buffer)];
  return { scale, parts };
}

export function encodeModel(meta: { bits: number; cues: [string, number][]; clusters?: ModelHeader['clusters']; info: Record<string, unknown> }, taggers: TaggerWeights[]): Buffer {
  const enc = taggers.map(encodeTagger);
  const header: ModelHeader = { ...meta, featureVersion: FEATURE_VERSION, labels: NUM_LABELS, taggers: taggers.map((t, i) => ({ nf: t.nf, scale: enc[i].scale })) };
  const hdr = Buffer.from(JSON.stringify(header), 'utf8');
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'ascii'), u32(hdr.length), hdr, ...enc.flatMap((e) => e.parts)]), { level: 9 });
}

export function decodeModel(gz: Buffer): LoadedModel {
  const buf = gunzipSync(gz);
  if (buf.toString('ascii', 0, 4) !== MAGIC) throw new Error('attribution model: unknown file format; run npm run train');
  let p = 4;
  const hlen = buf.readUInt32LE(p); p += 4;
  const header = JSON.parse(buf.toString('utf8', p, p + hlen)) as ModelHeader;
  p += hlen;
  const L = NUM_LABELS;
  if (header.featureVersion !== FEATURE_VERSION || header.labels !== L || header.taggers.length < 1 ||
      header.taggers.some((t, k) => t.nf !== featureCount(k > 0))) {
    throw new Error('attribution model: weights do not fit this code (labels or features changed); run npm run train');
  }
  const taggers: TaggerWeights[] = header.taggers.map(({ nf, scale }) => {
    const tn = (L + 1) * L;
    const trans = new Float32Array(tn);
    for (let i = 0; i < tn; i++) trans[i] = buf.readFloatLE(p + 4 * i) / scale;
    p += 4 * tn;
    const count = buf.readUInt32LE(p); p += 4;
    const ids = new Uint32Array(count);
    let prev = -1;
    for (let k = 0; k < count; k++) {
      let d = 0;
      let shift = 0;
      let byte: number;
      do { byte = buf[p++]; d += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      prev = prev + 1 + d;
      ids[k] = prev;
    }
    const w = new Int8Array((1 << header.bits) * L);
    for (let k = 0; k < count; k++) {
      const o = ids[k] * L;
      for (let l = 0; l < L; l++) w[o + l] = buf.readInt8(p + k * L + l);
    }
    p += count * L;
    return { nf, w, packed: packWeights(w), trans };
  });
  let clusters = null;
  if (header.clusters) {
    clusters = loadClusters();
    if (!clusters || clusters.checksum !== header.clusters.checksum) {
      throw new Error('attribution model: models/word-clusters.bin.gz is absent or not the table these weights were trained with; run npm run train');
    }
  }
  return { header, taggers, cues: withLexicon(new Map(header.cues), clusters) };
}

/** Where the committed weights live: <repo>/models/attribution.bin.gz. */
export const MODEL_URL = new URL('../../../models/attribution.bin.gz', import.meta.url);

/**
 * The committed model, loaded once on first use; null when the file is absent.
 * TRUSTLENS_ATTRIBUTION_MODEL names another weight file (held-out tuning: a model trained with
 * `npm run train -- --holdout 0.1 --out …`).
 */
export const loadModel: () => LoadedModel | null = lazyModelFile(MODEL_URL, 'TRUSTLENS_ATTRIBUTION_MODEL', decodeModel);
