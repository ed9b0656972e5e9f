import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Job, JobInput, JobResult, WorkerMessage } from './jobs.ts';
import type { Format } from '../report/formats.ts';

// A fixed pool of analysis workers with a per-job time limit. A job that overruns is answered with
// a timeout and its worker is terminated and replaced: JavaScript cannot interrupt a busy thread
// any other way, and the other workers (and the HTTP thread) keep serving meanwhile.

export class PoolError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export interface PoolOptions {
  size?: number;
  timeoutMs?: number;
  /** Jobs waiting beyond this are refused with 503 rather than queued without bound. */
  maxQueue?: number;
  /** Override the worker script (tests). */
  workerUrl?: URL;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Pending | null;
  timer: NodeJS.Timeout | null;
}

interface Pending {
  job: Job;
  resolve: (r: Extract<JobResult, { ok: true }>) => void;
  reject: (e: PoolError) => void;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export class AnalysisPool {
  readonly size: number;
  readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly workerUrl: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers replaced after a timeout or crash, for /api/health. */
  restarts = 0;
  /** Set when workers keep dying before they are ready (a broken install): no more respawns. */
  private broken: string | null = null;
  private startFailures = 0;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? Math.min(4, os.availableParallelism()));
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxQueue = opts.maxQueue ?? 256;
    this.workerUrl = opts.workerUrl ?? WORKER_URL;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves once every worker has loaded the model (the server can listen before this). */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.broken) reject(new Error(this.broken));
        else if (this.slots.every((s) => s.ready) || this.closed) resolve();
        else setTimeout(check, 20);
      };
      check();
    });
  }

  stats() {
    return { workers: this.size, ready: this.slots.filter((s) => s.ready).length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, restarts: this.restarts };
  }

  run(input: JobInput, format: Format, label: string): Promise<Extract<JobResult, { ok: true }>> {
    if (this.closed) return Promise.reject(new PoolError(503, 'shutting-down', 'the server is shutting down'));
    if (this.broken) return Promise.reject(new PoolError(500, 'workers-broken', this.broken));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new PoolError(503, 'busy', `the server is busy (${this.queue.length} analyses waiting); try again shortly`));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, input, format, label, deadlineMs: this.timeoutMs }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new PoolError(503, 'shutting-down', 'the server is shutting down'));
    await Promise.all(this.slots.map((s) => {
      if (s.timer) clearTimeout(s.timer);
      s.job?.reject(new PoolError(503, 'shutting-down', 'the server is shutting down'));
      s.job = null;
      return s.worker.terminate();
    }));
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl);
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) {
        slot.ready = true;
        this.startFailures = 0;
        // An idle worker does not keep the process alive; a busy or starting one does.
        worker.unref();
        this.dispatch();
        return;
      }
      const p = slot.job;
      if (!p || p.job.id !== m.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      slot.timer = null;
      worker.unref();
      if (m.ok) p.resolve(m);
      else p.reject(new PoolError(m.status, m.error, m.message));
      this.dispatch();
    });
    // A crash (out of memory, a bug) fails only the job in hand; the slot gets a fresh worker.
    worker.on('error', (e) => this.replace(slot, new PoolError(500, 'worker-crashed', `analysis worker failed: ${e.message}`)));
    worker.on('exit', () => this.replace(slot, new PoolError(500, 'worker-exited', 'analysis worker exited unexpectedly')));
    return slot;
  }

  private replace(slot: Slot, err: PoolError): void {
    const i = this.slots.indexOf(slot);
    if (i === -1) return; // already replaced
    if (slot.timer) clearTimeout(slot.timer);
    slot.job?.reject(err);
    slot.job = null;
    if (this.closed) return;
    if (!slot.ready && ++this.startFailures >= 3) {
      this.broken = `analysis workers fail to start (${err.message}); check the install (npm ci)`;
      for (const p of this.queue.splice(0)) p.reject(new PoolError(500, 'workers-broken', this.broken));
      return;
    }
    this.restarts++;
    this.slots[i] = this.spawn();
    void slot.worker.terminate();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.job) continue;
      const p = this.queue.shift()!;
      slot.job = p;
      slot.timer = setTimeout(() => {
        this.replace(slot, new PoolError(503, 'timeout', `analysis took longer than ${this.timeoutMs} ms and was stopped`));
      }, this.timeoutMs);
      slot.worker.ref();
      slot.worker.postMessage(p.job);
    }
  }
}
