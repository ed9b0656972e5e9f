import fs from 'node:fs'; import zlib from 'node:zlib'; import path from 'node:path';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readPage } from '../src/ingest/page.ts';
import { ingestHtml } from '../src/ingest/html.ts';
import { analyzeHtml } from '../src/ingest/index.ts';
const dev = '/work/shared/data/article-extraction/dev/html';
const pages = fs.readdirSync(dev).map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dev, f))).toString('utf8'));
function time(label: string, fn: (h: string) => void) {
  for (const h of pages.slice(0, 10)) fn(h);
  const t0 = performance.now(); for (const h of pages) fn(h); const ms = (performance.now() - t0) / pages.length;
  console.log(label.padEnd(30), ms.toFixed(2), 'ms/page'); return ms;
}
const a = time('parse', (h) => { parseHTML(h); });
const b = time('parse+readPage', (h) => { const { document } = parseHTML(h); readPage(document as any, null); });
const c = time('readability+linkedom', (h) => { const { document } = parseHTML(h); new Readability(document as any).parse(); });
const d = time('ingestHtml', (h) => { ingestHtml(h); });
const e = time('analyzeHtml', (h) => { JSON.stringify(analyzeHtml(h)); });
const a2 = time('readability+linkedom again', (h) => { const { document } = parseHTML(h); new Readability(document as any).parse(); });
console.log('ratio', (e / ((c + a2) / 2)).toFixed(2));
