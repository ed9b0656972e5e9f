// Corpus mode benchmark (run by npm run bench, or alone: npx tsx scripts/bench-corpus.ts [--quick]).
// Each run is a fresh `trustlens corpus run` child process over PolNeAR texts given as JSONL:
//  - throughput with 1 and 2 workers (articles/s once the workers are up, and end to end; best of two
//    alternating runs each), and the ratio (target ≥ 1.8×; needs two idle cores, so the load average
//    is printed beside it);
//  - peak RSS of the whole process (workers included) at 1,000 and 10,000 articles (target ≤ 1.2×).
// --quick: 300 articles for throughput, 708 and 2,124 for memory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPolnear, repoRoot } from './lib/shared-data.ts';

const quick = process.argv.includes('--quick');
const texts = loadPolnear().map((d) => ({ text: d.text, publisher: d.meta.publisher, date: d.meta.date }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-bench-corpus-'));
const probe = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss:"+process.resourceUsage().maxRSS+"\\n"))';

function jsonl(count: number): string {
  const file = path.join(dir, `in-${count}.jsonl`);
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < count; i++) {
    const t = texts[i % texts.length];
    fs.writeSync(fd, JSON.stringify({ id: `a${i}`, text: t.text, publisher: t.publisher, date: t.date }) + '\n');
  }
  fs.closeSync(fd);
  return file;
}

interface Measured { rate: number; endToEnd: number; startup: number; rss: number; stored: number }

function run(input: string, workers: number): Measured {
  const db = path.join(dir, `bench-${workers}-${path.basename(input)}.sqlite`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', probe, path.join(repoRoot, 'bin', 'trustlens.js'), 'corpus', 'run', input, '--db', db, '--workers', String(workers), '--format', 'json', '--quiet'], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`corpus run exited ${r.status}: ${r.stderr}`);
  const sum = JSON.parse(r.stdout) as { rate: number; startupSeconds: number; analysed: number; errors: number };
  for (const f of [db, db + '-wal', db + '-shm']) fs.rmSync(f, { force: true });
  return {
    rate: sum.rate,
    endToEnd: (sum.analysed + sum.errors) / s,
    startup: sum.startupSeconds,
    rss: Number(/maxrss:(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024,
    stored: sum.analysed + sum.errors,
  };
}

const load = () => os.loadavg()[0].toFixed(1);
try {
  console.log('\n--- corpus mode (trustlens corpus run) ---');
  const nThroughput = quick ? 300 : 1_000;
  const input = jsonl(nThroughput);
  // Alternating runs, best of two per worker count: other jobs on a shared machine only ever slow
  // a run down, so the best run is the closest to what the cores can do.
  const best = [0, 0, 0];
  for (const w of [1, 2, 1, 2]) {
    const m = run(input, w);
    best[w] = Math.max(best[w], m.rate);
    console.log(`corpus run, ${w} worker${w > 1 ? 's' : ' '}, ${nThroughput} articles: ${m.rate.toFixed(1)} articles/s after ${m.startup.toFixed(1)} s start-up (${m.endToEnd.toFixed(1)} end to end), load average ${load()}`);
  }
  console.log(`corpus throughput 2 workers / 1 worker (best of 2 each): ${best[2].toFixed(1)} / ${best[1].toFixed(1)} = ${(best[2] / best[1]).toFixed(2)}× (target ≥ 1.8×; ${os.availableParallelism()} cores here, shared)`);
  // Both sizes cycle through every PolNeAR text, so the longest article is in both runs.
  const sizes = quick ? [texts.length, 3 * texts.length] : [1_000, 10_000];
  const rss: number[] = [];
  for (const n of sizes) {
    const m = run(n === nThroughput ? input : jsonl(n), 2);
    rss.push(m.rss);
    console.log(`corpus run, 2 workers, ${String(n).padStart(6)} articles: peak RSS ${m.rss.toFixed(0)} MB, ${m.rate.toFixed(1)} articles/s, ${m.stored} stored`);
  }
  console.log(`corpus peak RSS ${sizes[1]} / ${sizes[0]} articles: ${(rss[1] / rss[0]).toFixed(2)} (target ≤ 1.2)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
