import fs from 'node:fs'; import zlib from 'node:zlib'; import path from 'node:path';
import { parseHTML } from 'linkedom';
import { parseJsonLd, flattenJsonLd } from '../src/ingest/jsonld.ts';
const dev = '/work/shared/data/article-extraction/dev/html';
const pages = fs.readdirSync(dev).sort().map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dev, f))).toString('utf8'));
const T: Record<string, number> = {};
const lap = (k: string, t: number) => { const n = performance.now(); T[k] = (T[k] ?? 0) + n - t; return n; };
for (let round = 0; round < 2; round++) for (const h of pages) {
  const d = parseHTML(h).document as any;
  let t = performance.now();
  for (const m of d.getElementsByTagName('meta')) { m.getAttribute('property') ?? m.getAttribute('name'); m.getAttribute('content'); } t = lap('meta', t);
  for (const m of d.getElementsByTagName('link')) { m.getAttribute('href'); } t = lap('link', t);
  const ss = Array.from(d.getElementsByTagName('script')) as any[]; t = lap('scripts-get', t);
  for (const s of ss) { if ((s.getAttribute('type') ?? '').includes('ld+json')) { const v = parseJsonLd(s.textContent ?? ''); flattenJsonLd(v.values, 'x'); } } t = lap('jsonld', t);
  const props = d.querySelectorAll('[itemprop]'); t = lap('itemprop-qsa', t);
  for (const el of props) { for (let p = el.parentElement; p; p = p.parentElement) p.hasAttribute('itemscope'); el.textContent; } t = lap('itemprop-walk', t);
  const as = d.getElementsByTagName('a'); t = lap('a-get', t);
  for (const a of as) { a.getAttribute('href'); a.getAttribute('rel'); } t = lap('a-attrs', t);
  for (const a of as) { a.textContent; } t = lap('a-text', t);
  d.querySelectorAll('[class*="kicker"],[class*="eyebrow"],[class*="label"],[class*="flag"],[class*="-type"],[class*="rubric"]'); t = lap('labels', t);
  d.title; t = lap('title', t);
}
const n = pages.length * 2;
console.log(Object.entries(T).map(([k, v]) => `${k} ${(v / n).toFixed(2)}`).join(', '));
