import fs from 'node:fs';
import { buildPipeline } from './src/pipeline/pipeline.ts';
import { DEFAULT_STAGES } from './src/engine.ts';
import { Doc } from './src/model/doc.ts';
import { RULES } from './src/checks/rules/index.ts';
const p = buildPipeline(DEFAULT_STAGES.filter((s) => s.name !== 'checks'));
const doc = p.run(new Doc(fs.readFileSync('/tmp/ck/big.txt', 'utf8')));
for (const [id, r] of RULES) { const t0 = performance.now(); const n = r.check(doc).length; console.log(id.padEnd(26), (performance.now() - t0).toFixed(0), 'ms', n); }
