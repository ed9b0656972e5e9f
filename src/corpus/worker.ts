// A corpus analysis worker: loads the engine once, then answers tasks in the order they arrive
// (the pool relies on that order to know which article a crash interrupted).
import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Task, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread of "trustlens corpus run"');
const post = (m: WorkerMessage) => port.postMessage(m);

// The engine leaves nothing behind between articles, but left alone V8 lets the heap grow with the
// length of a run (its limits follow the allocation rate), and peak memory with it. A full
// collection whenever the heap has grown by HEADROOM over the live data keeps the peak a function
// of the largest article, not of the corpus size; it costs ~1% of the analysis time.
const HEADROOM = 64 * 1024 * 1024;
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
let ceiling = Infinity;
function collectWhenGrown(): void {
  if (v8.getHeapStatistics().total_heap_size <= ceiling) return;
  gc();
  ceiling = v8.getHeapStatistics().used_heap_size + HEADROOM;
}

try {
  const { analyseTask } = await import('./analyse-task.ts');
  // Warm-up: the model's lazy parts and the JIT, before the clock of the first real article.
  analyseTask({ seq: -1, id: 'warm-up', kind: 'text', content: '"We are ready," the spokeswoman told Reuters on Monday.' });
  ceiling = 0;
  collectWhenGrown();
  port.on('message', (task: Task) => {
    post(analyseTask(task));
    collectWhenGrown();
  });
  post({ ready: true });
} catch (e) {
  post({ fatal: (e as Error)?.stack ?? String(e) });
}
