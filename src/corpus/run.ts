// `trustlens corpus run`: inputs are read lazily on the main thread, each article is checked
// against the store (same id and hash → skipped), sent to a worker, and its rows handed to the
// single writer, which commits in batches. Memory is bounded by the tasks in flight and one batch.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import type { Analysers } from './analyse-task.ts';
import { classifyInputs, countInputs, metaField, monthOf, readInputs, type InputItem } from './inputs.ts';
import { heapKeeper } from './heap.ts';
import { Pool } from './pool.ts';
import { Progress } from './progress.ts';
import type { TaskResult } from './protocol.ts';
import { openStore } from './schema.ts';
import { Store, type ArticleRecord } from './store.ts';

export interface RunOptions {
  inputs: string[];
  db: string;
  workers?: number;
  /** Articles above this many bytes (characters for JSONL) are recorded as errors, not analysed. */
  maxBytes?: number;
  /** The same for web pages, whose markup weighs more than their text. */
  maxHtmlBytes?: number;
  /** Analyse again articles stored with an error even when their input is unchanged. */
  retryErrors?: boolean;
  /** Analyse everything again, changed or not. */
  force?: boolean;
  /** Commit at least this often (ms) and whenever this many articles wait (batch). */
  commitEveryMs?: number;
  batch?: number;
  progress?: Writable & { isTTY?: boolean };
  progressEveryMs?: number;
  /** Analyse on this thread with these analysers instead of worker threads (tests). */
  inline?: Analysers;
  /** Set `stop` to finish the articles in flight, commit them and return. */
  control?: { stop: boolean; onStop?: () => void };
}

export interface RunSummary {
  db: string;
  run: number;
  total: number;
  workers: number;
  analysed: number;
  errors: number;
  skipped: number;
  changed: number;
  duplicates: number;
  duplicateIds: string[];
  committed: number;
  interrupted: boolean;
  seconds: number;
  startupSeconds: number;
  /** Articles analysed per second once the workers were up (start-up excluded). */
  rate: number;
  /** Share of that time the main thread (reading, hashing, writing) was busy. */
  mainBusy: number;
  /** V8 flags the workers ran with (compiler-flags.ts); empty when no worker was needed. */
  v8Flags: string[];
}

export const DEFAULT_MAX_BYTES = 2_000_000;
export const DEFAULT_MAX_HTML_BYTES = 16_000_000;

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export async function runCorpus(opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const inputs = classifyInputs(opts.inputs);
  const total = countInputs(inputs);
  const workers = opts.workers ?? defaultWorkers();
  const limits = { text: opts.maxBytes ?? DEFAULT_MAX_BYTES, html: opts.maxHtmlBytes ?? DEFAULT_MAX_HTML_BYTES };
  const batch = opts.batch ?? 200;
  const commitEveryMs = opts.commitEveryMs ?? 1000;
  const control = opts.control ?? { stop: false };

  // The engine is needed on this thread only for an inline (test) run; the workers load their own.
  const analyseTask = opts.inline ? (await import('./analyse-task.ts')).analyseTask : null;
  const db = openStore(opts.db, { create: true });
  const store = new Store(db, opts.inputs, workers);
  const s: RunSummary = {
    db: opts.db, run: store.run, total, workers, analysed: 0, errors: 0, skipped: 0, changed: 0, duplicates: 0,
    duplicateIds: [], committed: 0, interrupted: false, seconds: 0, startupSeconds: 0, rate: 0, mainBusy: 0, v8Flags: [],
  };
  const progress = opts.progress ? new Progress(opts.progress, total, opts.progressEveryMs) : null;
  let done = 0;
  // Ids sent for analysis or waiting in the write buffer: a second article with one of these ids
  // in the same run is a duplicate, exactly like one already committed by this run.
  const pending = new Set<string>();
  let lastCommit = performance.now();

  const keepHeap = heapKeeper(128 * 1024 * 1024);
  const commit = () => {
    for (const id of store.flush()) pending.delete(id);
    lastCommit = performance.now();
    keepHeap();
  };
  const maybeCommit = () => {
    if (store.buffered >= batch || performance.now() - lastCommit >= commitEveryMs) commit();
  };
  const record = (item: InputItem, r: TaskResult | null): ArticleRecord => {
    const rows = r?.ok ? r.rows : null;
    const date = metaField(item.meta, 'date') ?? rows?.page.date ?? null;
    return {
      id: item.id,
      source: item.source,
      kind: item.kind,
      title: metaField(item.meta, 'title') ?? rows?.page.title ?? null,
      date,
      month: monthOf(date),
      publisher: metaField(item.meta, 'publisher') ?? rows?.page.publisher ?? null,
      url: metaField(item.meta, 'url') ?? rows?.page.url ?? null,
      meta: item.meta ? JSON.stringify(item.meta) : null,
      hash: item.hash,
      status: item.error || (r && !r.ok) ? 'error' : 'ok',
      error: item.error ?? (r && !r.ok ? r.error : null),
      ms: r ? Math.round(r.ms * 100) / 100 : null,
      rows,
    };
  };
  let closed = false;
  const finish = (item: InputItem, r: TaskResult | null) => {
    if (closed) return; // a late result after a failed run: the store is already closed
    const rec = record(item, r);
    if (rec.status === 'error') s.errors++;
    else s.analysed++;
    store.add(rec);
    done++;
    progress?.update(done);
    maybeCommit();
  };

  let pool: Pool | null = null;
  let tReady = 0;
  let eluReady: ReturnType<typeof performance.eventLoopUtilization> | null = null;
  // Workers start when the first article needs them: a rerun with nothing new costs no start-up.
  const getPool = async (): Promise<Pool> => {
    if (pool) return pool;
    const t = performance.now();
    pool = await Pool.start(workers);
    tReady = performance.now();
    lastCommit = tReady;
    eluReady = performance.eventLoopUtilization();
    s.startupSeconds = (tReady - t) / 1000;
    s.v8Flags = pool.v8Flags;
    progress?.restartClock();
    return pool;
  };
  try {
    let inFlight = 0;
    let seq = 0;
    let drained: (() => void) | null = null;

    for await (const item of readInputs(inputs, limits)) {
      if (control.stop) break;
      if (pending.has(item.id)) {
        s.duplicates++;
        if (s.duplicateIds.length < 20) s.duplicateIds.push(item.id);
        done++;
        continue;
      }
      const stored = store.lookup(item.id);
      if (stored) {
        if (stored.run === store.run) {
          s.duplicates++;
          if (s.duplicateIds.length < 20) s.duplicateIds.push(item.id);
          done++;
          continue;
        }
        const retry = opts.force || (opts.retryErrors && stored.status === 'error');
        if (stored.hash === item.hash && !retry) {
          s.skipped++;
          done++;
          progress?.update(done);
          continue;
        }
        if (stored.hash !== item.hash) s.changed++;
      }
      pending.add(item.id);
      if (item.error || item.content === null) {
        finish(item, null);
        continue;
      }
      if (analyseTask) {
        finish(item, analyseTask({ seq: ++seq, id: item.id, kind: item.kind, content: item.content, url: metaField(item.meta, 'url') }, opts.inline));
        continue;
      }
      const p = await getPool();
      await p.room();
      if (control.stop) {
        pending.delete(item.id);
        break;
      }
      inFlight++;
      void p.submit({ seq: ++seq, id: item.id, kind: item.kind, content: item.content, url: metaField(item.meta, 'url') }).then((r) => {
        inFlight--;
        finish(item, r);
        if (inFlight === 0) drained?.();
      });
    }
    if (inFlight > 0) await new Promise<void>((r) => (drained = r));
    commit();
    const tEnd = performance.now();
    s.seconds = (tEnd - t0) / 1000;
    if (tReady) s.rate = (s.analysed + s.errors) / Math.max(1e-9, (tEnd - tReady) / 1000);
    if (eluReady) s.mainBusy = performance.eventLoopUtilization(eluReady).utilization;
  } finally {
    progress?.end();
    s.interrupted = control.stop;
    if (!s.seconds) s.seconds = (performance.now() - t0) / 1000;
    try {
      commit();
      s.committed = store.committed;
      store.finishRun(s);
    } finally {
      closed = true;
      db.close();
      await (pool as Pool | null)?.close();
    }
  }
  return s;
}

export function describeRun(s: RunSummary): string {
  const parts = [
    `${s.analysed} analysed`,
    `${s.errors} recorded with an error`,
    `${s.skipped} unchanged and skipped`,
  ];
  if (s.changed) parts.push(`${s.changed} changed and reanalysed`);
  if (s.duplicates) parts.push(`${s.duplicates} duplicate ids ignored (${s.duplicateIds.slice(0, 5).join(', ')}${s.duplicates > 5 ? ', …' : ''})`);
  let out = `corpus: ${s.total} articles in ${s.seconds.toFixed(1)} s with ${s.workers} worker${s.workers === 1 ? '' : 's'}: ${parts.join(', ')}.\n`;
  out += `corpus: ${s.rate.toFixed(1)} articles/s after a ${s.startupSeconds.toFixed(1)} s start-up (main thread busy ${(100 * s.mainBusy).toFixed(0)}% of that time); store ${s.db} (run ${s.run}).\n`;
  if (s.interrupted) out += `corpus: interrupted; ${s.committed} articles committed by this run. Run the same command again to continue.\n`;
  return out;
}
