// V8 settings for the analysis workers, applied before the first worker starts.
//
// Measured on PolNeAR (docs/corpus.md, "Performance"): the engine keeps V8's optimising compiler
// busy for the whole run, not only at warm-up. New code paths keep turning up in new articles, and
// each of them deoptimises big functions that are then compiled again, at 10–400 ms per function.
// By default that compiling runs on V8's background threads. With one worker it takes the second
// core (~4 ms of CPU per article, next to ~5.5 ms of analysis). With two workers it takes time from
// both of them, so 2 workers were only ~1.1–1.25× faster than 1.
//  - `--no-concurrent-recompilation`: a worker compiles on its own thread, so its work stays its
//    own. The CPU per article also drops (no hand-off to another thread).
//  - `--no-turbo-inlining`: far smaller optimised functions, so each recompilation costs much
//    less. Together with the first flag, 2 workers run ~1.3× faster than with V8's defaults; 1 worker
//    runs slower, because it no longer borrows the idle core.
//  - `--interrupt-budget=400000` (V8's default is 67,584): a function must run ~6× longer before it
//    is optimised, so the many functions that are warm for a few articles and then deoptimise on a
//    new path are never compiled at all. 2 workers over 3,000 articles: 236–242 against 216–220
//    articles/s; on 1 worker it gained nothing, so it is not used there.
// V8 reads the first flag when an isolate is created, so it takes effect in every worker started
// after this call (the main thread keeps its own compiler thread; it runs little JavaScript). The
// second is read at each compilation. TRUSTLENS_CORPUS_V8_FLAGS replaces the list (empty = V8's
// defaults), for measuring.
import os from 'node:os';
import v8 from 'node:v8';

export const WORKER_V8_FLAGS = ['--no-concurrent-recompilation', '--no-turbo-inlining', '--interrupt-budget=400000'];

let applied: string[] | null = null;

/**
 * The flags for `workers` workers on `cores` cores. With a core to spare, V8's default background
 * compiling runs there for free, so fewer workers than cores keep the defaults (1 worker on 2 cores:
 * ~157 against ~134 articles/s with the flags); as many workers as cores take the flags (2 workers
 * on 2 cores: ~206 against ~188).
 */
export function workerFlagsFor(workers: number, cores: number = os.availableParallelism(), env: string | undefined = process.env.TRUSTLENS_CORPUS_V8_FLAGS): string[] {
  if (env !== undefined) return env.split(/\s+/).filter(Boolean);
  return workers >= cores ? WORKER_V8_FLAGS : [];
}

/** Sets the workers' V8 flags once per process and returns them. */
export function applyWorkerFlags(workers: number): string[] {
  if (applied) return applied;
  applied = workerFlagsFor(workers);
  // Only flags that V8 reads per isolate or per compilation: process-wide ones such as
  // --single-threaded crash a running process (SIGTRAP).
  for (const f of applied) v8.setFlagsFromString(f);
  return applied;
}
