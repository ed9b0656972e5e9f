import fs from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_FEATURES } from './features.ts';
import { NUM_LABELS } from './tagger.ts';

// Compact weight file: gzip of [magic "TLA1"][u32 header length][header JSON][f32 transitions]
// [u32 bucket count][varint bucket deltas][i8 weights, NUM_LABELS per bucket]. Feature weights are
// quantised to int8 with one scale; only buckets with a non-zero weight are stored.

export interface ModelHeader {
  bits: number;
  labels: number;
  features: number;
  /** Real weight = int8 value * scale. */
  scale: number;
  /** Learned cue classes, [word, class] pairs. */
  cues: [string, number][];
  /** Free-form training facts, shown by docs and eval. */
  info: Record<string, unknown>;
}

export interface LoadedModel {
  header: ModelHeader;
  /** 2^bits * NUM_LABELS int8 weights, in units of header.scale. */
  w: Int8Array;
  /** Transitions, already divided by header.scale so they add to int8 sums. */
  trans: Float32Array;
  cues: Map<string, number>;
}

const MAGIC = 'TLA1';

export function encodeModel(header: Omit<ModelHeader, 'scale' | 'labels' | 'features'>, w: Float32Array, trans: Float32Array): Buffer {
  const L = NUM_LABELS;
  const buckets = w.length / L;
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
  const scale = maxAbs / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
  const used: number[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let l = 0; l < L; l++) if (q[b * L + l] !== 0) { used.push(b); break; }
  }
  const full: ModelHeader = { ...header, labels: L, features: NUM_FEATURES, scale };
  const hdr = Buffer.from(JSON.stringify(full), 'utf8');
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
  const parts = [
    Buffer.from(MAGIC, 'ascii'),
    u32(hdr.length), hdr,
    Buffer.from(new Float32Array(trans).buffer),
    u32(used.length), Buffer.from(varints),
    Buffer.from(weights.buffer),
  ];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

export function decodeModel(gz: Buffer): LoadedModel {
  const buf = gunzipSync(gz);
  if (buf.toString('ascii', 0, 4) !== MAGIC) throw new Error('attribution model: bad file (magic)');
  let p = 4;
  const hlen = buf.readUInt32LE(p); p += 4;
  const header = JSON.parse(buf.toString('utf8', p, p + hlen)) as ModelHeader;
  p += hlen;
  if (header.labels !== NUM_LABELS || header.features !== NUM_FEATURES) {
    throw new Error(`attribution model: built for ${header.labels} labels/${header.features} features, code has ${NUM_LABELS}/${NUM_FEATURES}; run npm run train`);
  }
  const L = NUM_LABELS;
  const tn = (L + 1) * L;
  const trans = new Float32Array(tn);
  for (let i = 0; i < tn; i++) trans[i] = buf.readFloatLE(p + 4 * i) / header.scale;
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
  const src = new Int8Array(buf.buffer, buf.byteOffset + p, count * L);
  for (let k = 0; k < count; k++) w.set(src.subarray(k * L, k * L + L), ids[k] * L);
  return { header, w, trans, cues: new Map(header.cues) };
}

/** Where the committed weights live: <repo>/models/attribution.bin.gz. */
export const MODEL_URL = new URL('../../../models/attribution.bin.gz', import.meta.url);

let cached: LoadedModel | null | undefined;

/** The committed model, loaded once on first use; null when the file is absent. */
export function loadModel(): LoadedModel | null {
  if (cached !== undefined) return cached;
  try {
    cached = decodeModel(fs.readFileSync(MODEL_URL));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    cached = null;
  }
  return cached;
}
