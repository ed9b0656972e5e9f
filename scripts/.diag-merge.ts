// temp diagnostic (not committed): per-kind recall for rules / model / merged on a doc set
import { Doc } from '../src/model/doc.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { findRuleAttributions } from '../src/attribution/rules.ts';
import { predictAttributions } from '../src/attribution/model/predict.ts';
import { mergeAttributions } from '../src/attribution/merge.ts';
import { dataPath, loadPolnearOrExit } from '../src/attribution/model/polnear.ts';
const argv = process.argv.slice(2);
const all = loadPolnearOrExit(dataPath([]));
const train = all.filter((d) => d.meta.origSplit === 'train');
const part = Number(process.env.PART ?? 9);
const docs = argv[0] === 'holdout' ? train.slice(Math.round(train.length * 0.1 * part), Math.round(train.length * 0.1 * (part + 1))) : all.filter((d) => d.meta.origSplit !== 'train');
const toks = (s: string) => { const r: [number, number][] = []; const re = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu; let m; while ((m = re.exec(s))) r.push([m.index, m.index + m[0].length]); return r; };
type S = { start: number; end: number };
const stats: Record<string, Record<string, [number, number, number]>> = {};
const bump = (sys: string, kind: string, ex: boolean, ov: boolean) => { const k = (stats[sys] ??= {}); const v = (k[kind] ??= [0, 0, 0]); v[0]++; if (ex) v[1]++; if (ov) v[2]++; };
const ratio = (text: string, g: S, p: S) => { const t = toks(text); const cov = (s: S) => new Set(t.map((x, i) => (x[0] < s.end && s.start < x[1] ? i : -1)).filter((i) => i >= 0)); const a = cov(g), b = cov(p); let sh = 0; for (const i of a) if (b.has(i)) sh++; return sh / Math.max(a.size, b.size, 1); };
let examples = 0;
for (const d of docs) {
  const doc = new Doc(d.text, d.id);
  for (const [k, v] of Object.entries(tokensStage.run(doc))) doc.set(k as never, v as never);
  const rules = findRuleAttributions({ text: doc.text, paragraphs: doc.get('paragraphs', 'x'), tokens: doc.get('tokens', 'x') });
  const model = predictAttributions(doc);
  const merged = mergeAttributions(rules, model);
  for (const [sys, preds] of [['rules', rules], ['model', model], ['merged', merged]] as const) {
    for (const g of d.quotes) {
      let ex = false, ov = false;
      for (const p of preds) { if (p.start === g.start && p.end === g.end) ex = true; if (ratio(d.text, g, p) >= 0.5) ov = true; }
      bump(sys, g.kind, ex, ov);
      if (sys === 'merged' && g.kind === (process.env.SHOWKIND ?? 'mixed') && !ex && argv.includes('--show') && examples++ < 25) {
        const mm = model.filter((p) => p.start < g.end && g.start < p.end).map((p) => `[M ${p.kind} ${p.start}-${p.end} cue=${p.cue?.text}] ${d.text.slice(p.start, p.end)}`);
        const rr = rules.filter((p) => p.start < g.end && g.start < p.end).map((p) => `[R ${p.kind} ${p.source} cue=${p.cue?.text}] ${d.text.slice(p.start, p.end)}`);
        console.log(`GOLD ${g.start}-${g.end} cue=${g.cue?.text}: ${d.text.slice(g.start, g.end)}\n  ${mm.join('\n  ')}\n  ${rr.join('\n  ')}`);
      }
    }
  }
}
for (const [sys, k] of Object.entries(stats)) console.log(sys, Object.entries(k).map(([kind, v]) => `${kind} n=${v[0]} ex=${(v[1] / v[0]).toFixed(3)} ov=${(v[2] / v[0]).toFixed(3)}`).join(' | '));
