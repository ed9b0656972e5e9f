// A fixed pool of analysis worker threads. Each worker holds a few tasks at a time, so it never
// waits for the main thread between articles; a worker that dies is replaced, the article it was
// analysing is failed with the reason, and the articles queued behind it are sent again.
import { Worker } from 'node:worker_threads';
import { applyWorkerFlags } from './compiler-flags.ts';
import type { Task, TaskResult, WorkerMessage } from './protocol.ts';

const BOOT = new URL('./worker-boot.js', import.meta.url);

/** Tasks queued per worker: enough to cover a commit on the main thread (~50 ms for 200 articles)
 * and a message round trip, few enough to stop promptly on Ctrl-C. */
const PER_WORKER = 8;

interface Pending {
  task: Task;
  resolve: (r: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  queue: Pending[];
}

export class PoolError extends Error {}

function spawn(onMessage: (m: TaskResult) => void, onDeath: (err: Error) => void): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(BOOT, { stdout: false, stderr: false });
    let ready = false;
    w.on('message', (m: WorkerMessage) => {
      if ('ready' in m) {
        ready = true;
        resolve(w);
      } else if ('fatal' in m) {
        reject(new PoolError(`the analysis worker could not load the engine:\n${m.fatal}`));
        void w.terminate();
      } else onMessage(m as TaskResult);
    });
    w.on('error', (e) => (ready ? onDeath(e) : reject(new PoolError(`the analysis worker failed to start: ${e.message}`))));
    w.on('exit', (code) => {
      if (!ready) reject(new PoolError(`the analysis worker exited with code ${code} while starting`));
      else onDeath(new Error(`worker exited with code ${code}`));
    });
  });
}

export class Pool {
  private slots: Slot[] = [];
  private waiters: (() => void)[] = [];
  private closing = false;

  private constructor(private readonly size: number, readonly v8Flags: string[]) {}

  /** Starts `size` workers and resolves when every one has loaded the engine. */
  static async start(size: number): Promise<Pool> {
    const pool = new Pool(size, applyWorkerFlags(size));
    const started = await Promise.allSettled(Array.from({ length: size }, () => pool.addSlot()));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await pool.close(); // the workers that did start would keep the process alive
      throw failed.reason;
    }
    return pool;
  }

  private async addSlot(): Promise<void> {
    const slot: Slot = { worker: null as unknown as Worker, queue: [] };
    slot.worker = await spawn(
      (r) => this.settle(slot, r),
      (err) => this.onDeath(slot, err),
    );
    this.slots.push(slot);
    this.wake();
  }

  private settle(slot: Slot, r: TaskResult): void {
    const i = slot.queue.findIndex((p) => p.task.seq === r.seq);
    if (i < 0) return;
    const [p] = slot.queue.splice(i, 1);
    p.resolve(r);
    this.wake();
  }

  private onDeath(slot: Slot, err: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (this.closing) return;
    const [current, ...rest] = slot.queue;
    current?.resolve({ seq: current.task.seq, ok: false, error: `the analysis crashed on this article (${err.message})`, ms: 0 });
    void this.addSlot().then(
      () => { for (const p of rest) this.dispatch(p); },
      (e: Error) => { for (const p of rest) p.resolve({ seq: p.task.seq, ok: false, error: e.message, ms: 0 }); },
    );
  }

  private wake(): void {
    while (this.waiters.length && this.hasRoom()) this.waiters.shift()!();
  }

  private hasRoom(): boolean {
    return this.slots.some((s) => s.queue.length < PER_WORKER);
  }

  /** Resolves when a worker can take another task. */
  room(): Promise<void> {
    if (this.hasRoom()) return Promise.resolve();
    return new Promise((r) => this.waiters.push(r));
  }

  private dispatch(p: Pending): void {
    let best = this.slots[0];
    for (const s of this.slots) if (s.queue.length < best.queue.length) best = s;
    best.queue.push(p);
    best.worker.postMessage(p.task);
  }

  /** Sends a task to the least busy worker; call after `room()`. */
  submit(task: Task): Promise<TaskResult> {
    return new Promise((resolve) => this.dispatch({ task, resolve }));
  }

  get workers(): number {
    return this.size;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
