// HTML pages/s (issue 4): the full analysis of a page (ingest: charset, metadata, Readability,
// cleanup; then the whole pipeline with meta and trust; then JSON) next to Readability+linkedom
// alone, on the same shared dev pages. The two are timed page by page in alternation, so a busy
// machine slows both alike and the ratio stays meaningful. Run alone: npx tsx scripts/bench-html.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { analyzeHtml } from '../src/ingest/index.ts';
import { requireShared } from './lib/shared-data.ts';

export function runHtmlBench(rounds = 2): { readability: number; full: number; ratio: number } {
  const dir = path.join(requireShared('data/article-extraction/dev'), 'html');
  const pages = fs.readdirSync(dir).sort().map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))));
  const baseline = (b: Buffer): void => { new Readability(parseHTML(b.toString('utf8')).document as unknown as Document).parse(); };
  const full = (b: Buffer): void => { JSON.stringify(analyzeHtml(b)); };
  for (const b of pages.slice(0, 10)) { baseline(b); full(b); } // warm-up
  let tb = 0;
  let tf = 0;
  for (let r = 0; r < rounds; r++) {
    for (const b of pages) {
      let t = performance.now();
      baseline(b);
      tb += performance.now() - t;
      t = performance.now();
      full(b);
      tf += performance.now() - t;
    }
  }
  const n = rounds * pages.length;
  const out = { readability: n / (tb / 1000), full: n / (tf / 1000), ratio: tf / tb };
  console.log(`HTML pages (${pages.length} shared dev pages, ${rounds} rounds, interleaved):`);
  console.log(`${'  Readability+linkedom alone'.padEnd(44)} ${out.readability.toFixed(1).padStart(7)} pages/s  (${(tb / n).toFixed(2)} ms/page)`);
  console.log(`${'  trustlens full HTML analysis + JSON'.padEnd(44)} ${out.full.toFixed(1).padStart(7)} pages/s  (${(tf / n).toFixed(2)} ms/page)`);
  console.log(`  ratio full / Readability alone: ${out.ratio.toFixed(2)}× the time (target ≤ 1.5×)`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) runHtmlBench();
