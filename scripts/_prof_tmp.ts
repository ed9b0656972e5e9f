import fs from 'node:fs'; import zlib from 'node:zlib'; import path from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../src/ingest/charset.ts';
import { stripScripts } from '../src/ingest/html.ts';
import { readPage } from '../src/ingest/page.ts';
import { metaFromMarkup } from '../src/ingest/meta-markup.ts';
import { extractBody } from '../src/ingest/extract.ts';
const dev = '/work/shared/data/article-extraction/dev/html';
const pages = fs.readdirSync(dev).sort().map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dev, f))));
const T: Record<string, number> = {};
const lap = (k: string, t: number) => { const n = performance.now(); T[k] = (T[k] ?? 0) + n - t; return n; };
for (let round = 0; round < 2; round++) for (const b of pages) {
  let t = performance.now();
  const h0 = b.toString('utf8'); t = lap('b.decode', t);
  const dd = parseHTML(h0).document as any; t = lap('b.parse', t);
  new Readability(dd).parse(); t = lap('b.readability', t);
  const h = decodeHtml(b).html; t = lap('decode', t);
  const s = stripScripts(h); t = lap('strip', t);
  const d = parseHTML(s).document as any; t = lap('parse', t);
  const rp = readPage(d, null); t = lap('readPage', t);
  const m = metaFromMarkup(rp); t = lap('meta', t);
  extractBody(d, { authors: m.authors?.map((a) => a.value.name) ?? [] }); t = lap('extract', t);
}
const n = pages.length * 2;
console.log(Object.entries(T).map(([k, v]) => `${k} ${(v / n).toFixed(2)}`).join(', '));
