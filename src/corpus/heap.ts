// Keeps a long run's peak memory flat. The engine leaves nothing behind between articles, but V8
// sizes its heap from the allocation rate, so left alone the heap (and the peak RSS) creeps up with
// the length of a run. A full collection whenever the heap has grown by `headroom` over the live
// data makes the peak a function of the largest article, not of the corpus size. Measured on
// PolNeAR: a worker collects about once per 100 articles at 64 MB of headroom.
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export function heapKeeper(headroom: number): () => void {
  let ceiling = 0;
  return () => {
    if (v8.getHeapStatistics().total_heap_size <= ceiling) return;
    gc();
    ceiling = v8.getHeapStatistics().used_heap_size + headroom;
  };
}
