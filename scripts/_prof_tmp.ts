import fs from 'node:fs'; import zlib from 'node:zlib'; import path from 'node:path';
import { ingestHtml } from '../src/ingest/html.ts';
import { getPipeline } from '../src/engine.ts';
import { Doc } from '../src/model/doc.ts';
import { markupProps } from '../src/trust/markup.ts';
import { trustIndicators } from '../src/trust/indicators.ts';
import { findClaims } from '../src/trust/claims.ts';
const dev = '/work/shared/data/article-extraction/dev/html';
const pages = fs.readdirSync(dev).sort().map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dev, f))));
const docs = pages.map((b) => { const { text, page } = ingestHtml(b); return getPipeline().run(new Doc(text, null, page)); });
const T: Record<string, number> = {};
const lap = (k: string, t: number) => { const n = performance.now(); T[k] = (T[k] ?? 0) + n - t; return n; };
for (let r = 0; r < 5; r++) for (const d of docs) {
  let t = performance.now();
  markupProps(d.page!); t = lap('markupProps', t);
  trustIndicators({ text: d.text, page: d.page, meta: d.get('meta'), quotes: d.get('quotes'), entities: d.get('entities') }); t = lap('indicators(all)', t);
  findClaims(d.text); t = lap('claims', t);
}
console.log(Object.entries(T).map(([k, v]) => `${k} ${(v / (5 * docs.length)).toFixed(3)}`).join(', '));
