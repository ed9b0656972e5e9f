// Corpus mode benchmark (run by npm run bench, or alone: npx tsx scripts/bench-corpus.ts [--quick]).
// Each run is a fresh `trustlens corpus run` child process over PolNeAR texts given as JSONL:
//  - throughput with 1 and 2 workers (articles/s once the workers are up; best of two alternating
//    runs each) and the ratio (target ≥ 1.8×), for the shipped configuration (the workers' V8 flags
//    in src/corpus/compiler-flags.ts) and, for comparison, V8's defaults. Wall-clock rates need idle
//    cores, so the load average is printed beside each run;
//  - on Linux, the CPU each thread used per article once the first batch is committed (worker
//    threads, V8's background threads, main thread), which other jobs hardly change. With one
//    worker, the second core takes the background threads and the main thread, so 2 workers can
//    be at most 2 × worker / (worker + background + main) times faster: the bound is printed too;
//  - peak RSS of the whole process (workers included) at 1,000 and 10,000 articles (target ≤ 1.2×).
// Full: 2,000 articles for throughput, 1,000 and 10,000 for memory. --quick: 300, and 708 and 2,124.
import { WORKER_V8_FLAGS } from '../src/corpus/compiler-flags.ts';
import { threadCpu } from '../src/corpus/thread-cpu.ts';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
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


function committed(db: string): number {
  if (!fs.existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true });
    try { return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n; } finally { d.close(); }
  } catch { return 0; } // the schema is being created
}

/** CPU ms per article after the first commit: the worker threads, V8's other threads, the main thread. */
interface Cpu { workers: number; background: number; main: number }
interface Measured { rate: number; endToEnd: number; startup: number; rss: number; stored: number; v8Flags: string[]; cpu: Cpu | null; load: string }

const load = () => os.loadavg()[0].toFixed(1);

async function run(input: string, workers: number, env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  const db = path.join(dir, `bench-${workers}-${path.basename(input)}.sqlite`);
  const before = load();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', probe, path.join(repoRoot, 'bin', 'trustlens.js'), 'corpus', 'run', input, '--db', db, '--workers', String(workers), '--format', 'json', '--quiet'], { env });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  let start: { n: number; cpu: Map<string, number> } | null = null;
  const last = new Map<string, number>();
  while (child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 50));
    const now = threadCpu(child.pid!);
    for (const [tid, c] of now) last.set(tid, c);
    if (!start && now.size) {
      const n = committed(db);
      if (n > 0) start = { n, cpu: now };
    }
  }
  const status = await code;
  const s = (performance.now() - t0) / 1000;
  if (status !== 0) throw new Error(`corpus run exited ${status}: ${err}`);
  const sum = JSON.parse(out) as { rate: number; startupSeconds: number; analysed: number; errors: number; v8Flags: string[] };
  for (const f of [db, db + '-wal', db + '-shm']) fs.rmSync(f, { force: true });
  const stored = sum.analysed + sum.errors;
  let cpu: Cpu | null = null;
  if (start && stored > start.n) {
    const main = String(child.pid);
    const used = [...last].map(([tid, c]) => [tid, c - (start!.cpu.get(tid) ?? 0)] as const);
    const others = used.filter(([tid]) => tid !== main).map(([, c]) => c).sort((a, b) => b - a);
    const per = 1000 / (stored - start.n);
    const w = others.slice(0, workers).reduce((a, b) => a + b, 0);
    cpu = { workers: w * per, background: others.slice(workers).reduce((a, b) => a + b, 0) * per, main: (used.find(([tid]) => tid === main)?.[1] ?? 0) * per };
  }
  return {
    rate: sum.rate, endToEnd: stored / s, startup: sum.startupSeconds,
    rss: Number(/maxrss:(\d+)/.exec(err)?.[1] ?? NaN) / 1024, stored, v8Flags: sum.v8Flags ?? [], cpu, load: before,
  };
}

const cpuText = (c: Cpu | null) => c ? `; CPU ms/article: workers ${c.workers.toFixed(2)}, V8 background ${c.background.toFixed(2)}, main ${c.main.toFixed(2)}` : '';

try {
  console.log('\n--- corpus mode (trustlens corpus run) ---');
  // 2,000: long enough that each of 2 workers is past its JIT warm-up for most of the run.
  const nThroughput = quick ? 300 : 2_000;
  const input = jsonl(nThroughput);
  // shipped: the flags only when workers ≥ cores (src/corpus/compiler-flags.ts); the other two force
  // one setting for both worker counts, for comparison.
  const shippedEnv = { ...process.env };
  delete shippedEnv.TRUSTLENS_CORPUS_V8_FLAGS;
  const configs = [
    { name: 'shipped', env: shippedEnv },
    { name: 'flags always', env: { ...process.env, TRUSTLENS_CORPUS_V8_FLAGS: WORKER_V8_FLAGS.join(' ') } },
    { name: 'V8 defaults', env: { ...process.env, TRUSTLENS_CORPUS_V8_FLAGS: '' } },
  ];
  const best = configs.map(() => [0, 0, 0]);
  const oneWorkerCpu: (Cpu | null)[] = configs.map(() => null);
  const flags: string[][] = configs.map(() => []);
  // Alternating runs, best of two per configuration and worker count: other jobs on a shared machine
  // only ever slow a run down, so the best run is the closest to what the cores can do.
  for (let round = 0; round < 2; round++) {
    for (let c = 0; c < configs.length; c++) {
      for (const w of [1, 2]) {
        const m = await run(input, w, configs[c].env);
        best[c][w] = Math.max(best[c][w], m.rate);
        flags[c] = m.v8Flags;
        if (w === 1 && m.cpu && (!oneWorkerCpu[c] || m.cpu.workers < oneWorkerCpu[c]!.workers)) oneWorkerCpu[c] = m.cpu;
        console.log(`corpus run [${configs[c].name}], ${w} worker${w > 1 ? 's' : ' '}, ${nThroughput} articles: ${m.rate.toFixed(1)} articles/s after ${m.startup.toFixed(1)} s start-up (${m.endToEnd.toFixed(1)} end to end), load average ${m.load}${cpuText(m.cpu)}`);
      }
    }
  }
  for (let c = 0; c < configs.length; c++) {
    const cpu = oneWorkerCpu[c];
    const bound = cpu ? `; CPU bound with 1 worker's figures: 2 × ${cpu.workers.toFixed(2)} / ${(cpu.workers + cpu.background + cpu.main).toFixed(2)} = ${((2 * cpu.workers) / (cpu.workers + cpu.background + cpu.main)).toFixed(2)}×` : '';
    console.log(`corpus throughput [${configs[c].name}: V8 flags with 2 workers ${flags[c].join(' ') || 'none'}] 2 workers / 1 worker (best of 2 each): ${best[c][2].toFixed(1)} / ${best[c][1].toFixed(1)} = ${(best[c][2] / best[c][1]).toFixed(2)}×${bound}`);
  }
  console.log(`(target ≥ 1.8×; ${os.availableParallelism()} cores here, shared; load average now ${load()})`);
  // Both sizes cycle through every PolNeAR text, so the longest article is in both runs.
  const sizes = quick ? [texts.length, 3 * texts.length] : [1_000, 10_000];
  const rss: number[] = [];
  for (const n of sizes) {
    const m = await run(n === nThroughput ? input : jsonl(n), 2);
    rss.push(m.rss);
    console.log(`corpus run, 2 workers, ${String(n).padStart(6)} articles: peak RSS ${m.rss.toFixed(0)} MB, ${m.rate.toFixed(1)} articles/s, ${m.stored} stored`);
  }
  console.log(`corpus peak RSS ${sizes[1]} / ${sizes[0]} articles: ${(rss[1] / rss[0]).toFixed(2)} (target ≤ 1.2)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
