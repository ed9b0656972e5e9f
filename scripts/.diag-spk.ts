import { Doc } from '../src/model/doc.ts';
import { predictAttributions } from '../src/attribution/model/predict.ts';
import { dataPath, loadPolnearOrExit } from '../src/attribution/model/polnear.ts';
const all = loadPolnearOrExit(dataPath([]));
const train = all.filter((d) => d.meta.origSplit === 'train');
const docs = train.slice(Math.round(train.length * 0.9));
const c: Record<string, number> = {};
const ov = (a: {start:number;end:number}, b: {start:number;end:number}) => a.start < b.end && b.start < a.end;
let shown = 0;
for (const d of docs) {
  const preds = predictAttributions(new Doc(d.text, d.id));
  for (const g of d.quotes) {
    if (!g.speaker) continue;
    const p = preds.find((p) => ov(p, g) && Math.min(p.end, g.end) - Math.max(p.start, g.start) >= 0.5 * Math.max(p.end - p.start, g.end - g.start));
    if (!p) continue;
    const cueOk = p.cue && g.cue && ov(p.cue, g.cue);
    const key = !p.speaker ? (cueOk ? 'nullspk-cueok' : p.cue ? 'nullspk-cuewrong' : 'nullspk-nocue') : ov(p.speaker, g.speaker) ? 'spk-ov' : (cueOk ? 'wrongspk-cueok' : 'wrongspk-cuewrong');
    c[key] = (c[key] ?? 0) + 1;
    if (process.argv.includes('--show') && key.startsWith(process.argv[3] ?? 'null') && shown++ < 15) {
      const a = Math.min(g.start, g.speaker.start, g.cue?.start ?? 1e9) - 60;
      console.log(`${key} gold spk=${g.speaker.text} cue=${g.cue?.text} | pred spk=${p.speaker?.text} cue=${p.cue?.text}\n   ${d.text.slice(Math.max(0, a), Math.max(g.end, g.speaker.end) + 20).replace(/\n/g, ' / ')}`);
    }
  }
}
console.log(c);
