// npm run eval:extraction: scores the article-body extraction on the shared dev pages with the
// shared scorer (../shared/tools/score-extraction.mjs, imported, not reimplemented), next to
// Readability+linkedom alone on the same pages.
// Flags: --per-doc N prints the N worst pages; --only-ours skips the baseline; --dump ID prints
// our text for one page (id prefix).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractFromHtml } from '../src/ingest/html.ts';
import { requireShared } from './lib/shared-data.ts';

interface DocScore { id: string; precision: number | null; recall: number | null; f1: number | null }
interface Scorer {
  evaluate(gold: object, pred: object, o: { nBootstrap: number; seed: number }): { metrics: Record<string, number>; perDoc: DocScore[] };
}

const dev = requireShared('data/article-extraction/dev');
const scorer = (await import(pathToFileURL(requireShared('tools/score-extraction.mjs')).href)) as Scorer;
const argv = process.argv.slice(2);
const perDocN = argv.includes('--per-doc') ? Number(argv[argv.indexOf('--per-doc') + 1]) || 20 : 0;
const onlyOurs = argv.includes('--only-ours');
const dump = argv.includes('--dump') ? argv[argv.indexOf('--dump') + 1] : null;

const gold = JSON.parse(fs.readFileSync(path.join(dev, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const ids = Object.keys(gold).sort();
const pages = ids.map((id) => zlib.gunzipSync(fs.readFileSync(path.join(dev, 'html', `${id}.html.gz`))).toString('utf8'));

if (dump) {
  const i = ids.findIndex((id) => id.startsWith(dump));
  console.log(extractFromHtml(pages[i], { url: gold[ids[i]].url }).text);
  console.log('\n===== GOLD =====\n' + gold[ids[i]].articleBody);
  process.exit(0);
}

function score(label: string, bodyOf: (html: string, url: string) => string): void {
  const pred: Record<string, { articleBody: string }> = {};
  for (let i = 0; i < 5; i++) bodyOf(pages[i], gold[ids[i]].url); // warm-up
  const t0 = performance.now();
  pages.forEach((html, i) => { pred[ids[i]] = { articleBody: bodyOf(html, gold[ids[i]].url) }; });
  const s = (performance.now() - t0) / 1000;
  const { metrics: m, perDoc } = scorer.evaluate(gold, pred, { nBootstrap: 200, seed: 1 });
  const f = (k: string): string => `${m[k].toFixed(3)} ± ${(m[`${k}_std`] ?? 0).toFixed(3)}`;
  console.log(`${label.padEnd(24)} n ${m.n}  F1 ${f('f1')}  P ${f('precision')}  R ${f('recall')}  acc ${m.accuracy.toFixed(3)}  ${(pages.length / s).toFixed(1)} pages/s`);
  if (perDocN) {
    const rows = perDoc.filter((d) => d.f1 !== null).sort((a, b) => (a.f1 ?? 0) - (b.f1 ?? 0));
    for (const d of rows.slice(0, perDocN)) console.log(`  ${d.id.slice(0, 12)} F1 ${d.f1!.toFixed(3)} P ${(d.precision ?? 0).toFixed(3)} R ${(d.recall ?? 0).toFixed(3)}  ${gold[d.id].url}`);
  }
}

if (!onlyOurs) {
  score('readability+linkedom', (html) => new Readability(parseHTML(html).document).parse()?.textContent ?? '');
}
score('trustlens extract', (html, url) => extractFromHtml(html, { url }).text);
