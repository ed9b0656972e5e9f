import { analyze } from '../src/engine.ts';
import { toRows } from '../src/corpus/rows.ts';
import { loadPolnear } from './lib/shared-data.ts';
const texts = loadPolnear().map((d) => d.text);
const g = (globalThis as { gc?: () => void }).gc!;
for (let round = 0; round < 4; round++) {
  for (const t of texts) toRows(analyze(t));
  g(); g();
  const m = process.memoryUsage();
  console.log(`after ${(round + 1) * texts.length}: heapUsed ${(m.heapUsed / 1e6).toFixed(1)} MB, rss ${(m.rss / 1e6).toFixed(0)} MB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
