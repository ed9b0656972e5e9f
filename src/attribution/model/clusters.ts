import { gunzipSync, gzipSync } from 'node:zlib';
import { lazyModelFile } from './model-file.ts';

// Word clusters (models/word-clusters.bin.gz, built by scripts/build-clusters.ts from embedding
// vectors): gzip of text, a header line `TLWC2 <coarse count> <fine count>`, then one line per fine
// cluster: its coarse cluster, then its words, sorted, space-separated. Fine cluster ids are
// implicit in the line order, and sorted words compress well. The tagger's features read the fine
// clusters only (coarse-cluster features gave nothing on held-out data, docs/model.md); the coarse
// level stays in the table for inspection and later use.

export interface WordClusters {
  coarse: number;
  fine: number;
  /** lower-case word -> fine cluster id (0 … fine-1). */
  map: Map<string, number>;
  /** fine cluster id -> its coarse cluster (0 … coarse-1). */
  coarseOf: Uint16Array;
  /** FNV-1a of the unpacked table: weights record it, so a rebuilt table is not misread. */
  checksum: number;
}

const MAGIC = 'TLWC2';

/** groups[id]: the words of fine cluster id; coarseOf[id]: its coarse cluster. */
export function encodeClusters(coarse: number, groups: string[][], coarseOf: ArrayLike<number>): Buffer {
  const lines = [`${MAGIC} ${coarse} ${groups.length}`, ...groups.map((g, id) => [coarseOf[id], ...[...g].sort()].join(' '))];
  return gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
}

export function decodeClusters(gz: Buffer): WordClusters {
  const text = gunzipSync(gz).toString('utf8');
  const lines = text.split('\n');
  const [magic, c, f] = lines[0].split(' ');
  if (magic !== MAGIC) throw new Error('word clusters: unknown file format; run scripts/build-clusters.ts');
  const coarse = Number(c);
  const fine = Number(f);
  if (!(fine > 0 && fine < 2048)) throw new Error('word clusters: 1 to 2047 fine clusters expected'); // features pack ids in 11 bits
  const map = new Map<string, number>();
  const coarseOf = new Uint16Array(fine);
  for (let id = 0; id < fine; id++) {
    const words = lines[id + 1].split(' ');
    coarseOf[id] = Number(words[0]);
    for (let k = 1; k < words.length; k++) map.set(words[k], id);
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return { coarse, fine, map, coarseOf, checksum: h >>> 0 };
}

/** Where the committed table lives: <repo>/models/word-clusters.bin.gz. */
export const CLUSTERS_URL = new URL('../../../models/word-clusters.bin.gz', import.meta.url);

/** The committed cluster table, loaded once; null when absent. TRUSTLENS_WORD_CLUSTERS names another file. */
export const loadClusters: () => WordClusters | null = lazyModelFile(CLUSTERS_URL, 'TRUSTLENS_WORD_CLUSTERS', decodeClusters);
