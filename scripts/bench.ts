// npm run bench: throughput of the full analysis on one core, next to wink-nlp's readDoc alone on
// the same PolNeAR texts (the ratio is the number that matters), per-stage cost, peak RSS, and the
// CLI's peak RSS over 1,000- and 10,000-article JSONL streams (memory must stay flat).
// Flags: --quick skips the streaming runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { DEFAULT_STAGES, toOutput } from '../src/engine.ts';
import { Doc } from '../src/model/doc.ts';
import { buildPipeline } from '../src/pipeline/pipeline.ts';
import { loadPolnear, repoRoot } from './lib/shared-data.ts';

const quick = process.argv.includes('--quick');
const docs = loadPolnear();
const texts = docs.map((d) => d.text);
const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
console.log(`PolNeAR: ${texts.length} articles, ${(words / texts.length).toFixed(0)} words per article on average`);

function rate(label: string, rounds: number, fn: (t: string) => void): number {
  for (const t of texts.slice(0, 50)) fn(t); // warm-up: JIT and lazy model loads
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) fn(t);
  const s = (performance.now() - t0) / 1000;
  const perSec = (rounds * texts.length) / s;
  console.log(`${label.padEnd(44)} ${perSec.toFixed(1).padStart(7)} articles/s  (${((s * 1000) / (rounds * texts.length)).toFixed(2)} ms/article)`);
  return perSec;
}

const wink = winkNLP(model);
const winkRate = rate('wink-nlp readDoc alone (default pipe)', 2, (t) => { wink.readDoc(t); });
const pipeline = buildPipeline(DEFAULT_STAGES, { timing: true });
const fullRate = rate('trustlens analyze (all stages + JSON)', 2, (t) => { JSON.stringify(toOutput(pipeline.run(new Doc(t)))); });
console.log(`ratio full / wink alone: ${(winkRate / fullRate).toFixed(2)}× the time (target ≤ 2×; ≥ 150 articles/s)`);
const timings = pipeline.timings();
const total = Object.values(timings).reduce((a, b) => a + b, 0);
const n = 2 * texts.length + 50;
console.log('per stage (ms/article): ' + Object.entries(timings).map(([k, v]) => `${k} ${(v / n).toFixed(3)}`).join(', ') + `; total ${(total / n).toFixed(2)}`);
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

if (!quick) {
  // The CLI in a child process, fed N articles as JSONL, output discarded; its own peak RSS is
  // printed at exit by a preloaded one-liner, so the measurement adds nothing to the CLI.
  const probe = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss:"+process.resourceUsage().maxRSS+"\\n"))';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-bench-'));
  const results: [number, number, number][] = [];
  for (const count of [1_000, 10_000]) {
    const file = path.join(dir, `in-${count}.jsonl`);
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < count; i++) fs.writeSync(fd, JSON.stringify({ id: `a${i}`, text: texts[i % texts.length] }) + '\n');
    fs.closeSync(fd);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', probe, path.join(repoRoot, 'bin', 'trustlens.js'), 'analyze', '--input-jsonl', file], {
      stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    const s = (performance.now() - t0) / 1000;
    const rss = Number(/maxrss:(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    results.push([count, rss, count / s]);
    console.log(`CLI --input-jsonl ${String(count).padStart(6)} articles: ${(count / s).toFixed(1)} articles/s end to end, peak RSS ${rss.toFixed(0)} MB (exit ${r.status})`);
    fs.rmSync(file);
  }
  console.log(`peak RSS 10,000 / 1,000 articles: ${(results[1][1] / results[0][1]).toFixed(2)} (flat means ≈ 1)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---- HTTP API throughput (issue 5): POST /api/analyze req/s against a local `trustlens serve`,
// 800-word articles, bounded run (see scripts/bench-api.ts; run alone: npx tsx scripts/bench-api.ts).
{
  const { runApiBench } = await import('./bench-api.ts');
  await runApiBench(texts);
}

// ---- Corpus mode (issue 6): `trustlens corpus run` throughput with 1 and 2 workers and the ratio,
// and peak RSS at 1,000 vs 10,000 articles (see scripts/bench-corpus.ts; run alone:
// npx tsx scripts/bench-corpus.ts [--quick]). Skipped with --quick.
if (!quick) await import('./bench-corpus.ts');

// ---- HTML pages (issue 4): full HTML analysis pages/s next to Readability+linkedom alone on the
// same shared dev pages (see scripts/bench-html.ts; run alone: npx tsx scripts/bench-html.ts).
{
  const { runHtmlBench } = await import('./bench-html.ts');
  runHtmlBench(quick ? 1 : 2);
}
