// Scores attribution on the PolNeAR held-out compartments (dev + test) with the shared scorer.
//
//   npm run eval                   full engine (analyzeDoc: rules + model + speaker resolution)
//   npm run eval -- --model-only   the trained tagger alone (predictAttributions)
//   options: --data <file>  --split dev,test  --keep (keep the temp dir)  --json <out.json>
//            --holdout 0.1   score the last 10% of `train` instead (the slice `npm run train --
//                            --holdout 0.1` leaves out; pair with TRUSTLENS_ATTRIBUTION_MODEL=<its --out>)
//            --holdout-part k   with --holdout: the k-th such share instead of the last
//
// Writes gold and prediction JSONL to a temp dir, runs ../shared/tools/score-attribution.mjs and
// prints its report. Exits 2 when the shared data or scorer is absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Doc } from '../src/model/doc.ts';
import type { Attribution, Quote } from '../src/model/types.ts';
import { analyzeDoc } from '../src/engine.ts';
import { predictAttributions } from '../src/attribution/model/predict.ts';
import { loadModel } from '../src/attribution/model/weights.ts';
import { dataPath, loadPolnearOrExit } from './lib/polnear.ts';
import { repoRoot, sharedDir } from './lib/shared-data.ts';

const argv = process.argv.slice(2);
const modelOnly = argv.includes('--model-only');
const keep = argv.includes('--keep');
const splitIdx = argv.indexOf('--split');
const splits = new Set((splitIdx >= 0 ? argv[splitIdx + 1] : 'dev,test').split(','));
const jsonIdx = argv.indexOf('--json');

const scorer = path.join(sharedDir, 'tools/score-attribution.mjs');
if (!fs.existsSync(scorer)) {
  console.error(`scorer not found at ${scorer} (it lives in ../shared/tools beside the repo)`);
  process.exit(2);
}
const holdIdx = argv.indexOf('--holdout');
const all = loadPolnearOrExit(dataPath(argv));
let docs = all.filter((d) => splits.has(d.meta.origSplit));
if (holdIdx >= 0) {
  // same slice as scripts/train-attribution.ts --holdout: the last share of the train articles
  const train = all.filter((d) => d.meta.origSplit === 'train');
  const f = Number(argv[holdIdx + 1]);
  const partIdx = argv.indexOf('--holdout-part');
  const k = partIdx >= 0 ? Number(argv[partIdx + 1]) : -1;
  docs = k < 0 ? train.slice(Math.round(train.length * (1 - f)))
    : train.slice(Math.round(train.length * f * k), Math.min(train.length, Math.round(train.length * f * (k + 1))));
  splits.clear();
  splits.add('train-holdout');
}
if (modelOnly && !loadModel()) {
  console.error('no model weights at models/attribution.bin.gz: run npm run train first');
  process.exit(2);
}

type Pred = Pick<Quote, 'start' | 'end' | 'speaker' | 'cue'> & { speakerName?: string | null };
const toPred = (q: Attribution | Quote): Pred & { speakerName: string | null } => ({
  start: q.start,
  end: q.end,
  speaker: q.speaker ? { ...q.speaker } : null,
  speakerName: 'speakerName' in q ? q.speakerName : null,
  cue: q.cue ? { ...q.cue } : null,
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-eval-'));
const goldFile = path.join(dir, 'gold.jsonl');
const predFile = path.join(dir, 'pred.jsonl');
const goldLines: string[] = [];
const predLines: string[] = [];
let ms = 0;
for (const d of docs) {
  goldLines.push(JSON.stringify({ id: d.id, text: d.text, quotes: d.quotes }));
  const t = performance.now();
  const quotes = modelOnly ? predictAttributions(new Doc(d.text, d.id)) : analyzeDoc(d.text, d.id).get('quotes');
  ms += performance.now() - t;
  predLines.push(JSON.stringify({ id: d.id, quotes: quotes.map(toPred) }));
}
fs.writeFileSync(goldFile, goldLines.join('\n') + '\n');
fs.writeFileSync(predFile, predLines.join('\n') + '\n');
console.log(`${modelOnly ? 'model only (predictAttributions)' : 'full engine (analyzeDoc)'} on ${docs.length} articles ` +
  `[${[...splits].join('+')}], ${(ms / docs.length).toFixed(2)} ms/article including tokenisation`);
const args = [scorer, '--gold', goldFile, '--pred', predFile];
if (jsonIdx >= 0) args.push('--json', path.resolve(argv[jsonIdx + 1]));
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (keep) console.log(`files kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
process.exit(r.status ?? 1);
