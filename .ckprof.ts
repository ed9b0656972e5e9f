import { buildPipeline } from './src/pipeline/pipeline.ts';
import { DEFAULT_STAGES } from './src/engine.ts';
import { Doc } from './src/model/doc.ts';
import { RULES } from './src/checks/rules/index.ts';
import { loadPolnear } from './scripts/lib/shared-data.ts';
const p = buildPipeline(DEFAULT_STAGES.filter((s) => s.name !== 'checks'));
const docs = loadPolnear().slice(0, 300).map((d) => p.run(new Doc(d.text, d.id)));
const spent = new Map<string, number>();
for (let rep = 0; rep < 2; rep++) for (const doc of docs) for (const [id, r] of RULES) {
  const t0 = performance.now(); r.check(doc); spent.set(id, (spent.get(id) ?? 0) + performance.now() - t0);
}
for (const [id, v] of spent) console.log(id.padEnd(26), (v / docs.length / 2).toFixed(3));
