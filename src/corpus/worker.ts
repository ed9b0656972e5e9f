// A corpus analysis worker: loads the engine once, then answers tasks in the order they arrive
// (the pool relies on that order to know which article a crash interrupted).
import { parentPort } from 'node:worker_threads';
import { heapKeeper } from './heap.ts';
import type { Task, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of "trustlens corpus run"');
const post = (m: WorkerMessage) => port.postMessage(m);

// Every full collection also throws away optimised code that refers to objects of past articles,
// which is then compiled again: 128 MB of headroom instead of 64 cut that by ~0.7 ms of CPU per
// article, for ~+40 MB of peak RSS per worker (docs/corpus.md, "Performance").
const keepHeap = heapKeeper(128 * 1024 * 1024);

try {
  const { analyseTask } = await import('./analyse-task.ts');
  // Warm-up: the model's lazy parts and the JIT, before the clock of the first real article.
  analyseTask({ seq: -1, id: 'warm-up', kind: 'text', content: '"We are ready," the spokeswoman told Reuters on Monday.' });
  keepHeap();
  port.on('message', (task: Task) => {
    post(analyseTask(task));
    keepHeap();
  });
  post({ ready: true });
} catch (e) {
  post({ fatal: (e as Error)?.stack ?? String(e) });
}
