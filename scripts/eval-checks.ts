// Runs the checks over the PolNeAR articles, prints findings per rule, and scores warnings against
// the hand labels in test/fixtures/check-labels.jsonl (precision per rule).
//   npm run eval:checks                      counts and precision
//   npm run eval:checks -- --list RULE       every finding of one rule, with context
//   npm run eval:checks -- --sample N        N random unlabelled warnings (seeded) to label by hand
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDoc } from '../src/engine.ts';
import type { Finding } from '../src/model/types.ts';
import { RULES } from '../src/checks/rules/index.ts';
import { loadPolnear, repoRoot } from './lib/shared-data.ts';

interface Label {
  id: string;
  rule: string;
  start: number;
  end: number;
  snippet: string;
  label: boolean;
  note?: string;
}

const { values } = parseArgs({
  options: {
    list: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '7' },
    split: { type: 'string' },
  },
});

const labelsPath = path.join(repoRoot, 'test', 'fixtures', 'check-labels.jsonl');
const labels: Label[] = fs.existsSync(labelsPath)
  ? fs.readFileSync(labelsPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label)
  : [];
const key = (id: string, rule: string, start: number, end: number): string => `${id}\t${rule}\t${start}\t${end}`;
const labelled = new Map(labels.map((l) => [key(l.id, l.rule, l.start, l.end), l]));

const docs = loadPolnear().filter((d) => !values.split || d.meta.origSplit === values.split);
const all: { id: string; text: string; f: Finding }[] = [];
const t0 = performance.now();
for (const d of docs) {
  const doc = analyzeDoc(d.text, d.id);
  for (const f of doc.get('findings')) all.push({ id: d.id, text: d.text, f });
}
const ms = performance.now() - t0;

const context = (text: string, f: Finding, pad = 70): string =>
  `${text.slice(Math.max(0, f.start - pad), f.start)}[[${text.slice(f.start, f.end)}]]${text.slice(f.end, f.end + pad)}`.replace(/\s+/g, ' ');

if (values.list) {
  for (const { id, text, f } of all.filter((x) => x.f.rule === values.list)) {
    const l = labelled.get(key(id, f.rule, f.start, f.end));
    console.log(`${id} ${f.start}-${f.end} ${l ? (l.label ? 'TRUE ' : 'FALSE') : '     '} ${f.message}\n    ${context(text, f)}`);
    for (const r of f.related ?? []) console.log(`    related ${r.start}-${r.end}: ${context(text, { ...f, ...r }, 40)}`);
  }
  process.exit(0);
}

if (values.sample) {
  // A seeded shuffle, so a sample can be re-drawn and labelled reproducibly.
  let s = Number(values.seed) >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
  const pool = all.filter((x) => x.f.severity !== 'info' && !labelled.has(key(x.id, x.f.rule, x.f.start, x.f.end)));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  for (const { id, text, f } of pool.slice(0, Number(values.sample))) {
    const snip = text.slice(f.start, f.end).replace(/\s+/g, ' ').slice(0, 60);
    console.log(JSON.stringify({ id, rule: f.rule, start: f.start, end: f.end, snippet: snip, label: null }));
    console.log(`#   ${f.message}\n#   ${context(text, f)}`);
  }
  process.exit(0);
}

console.log(`${docs.length} articles, ${all.length} findings, ${(ms / docs.length).toFixed(1)} ms/article (whole pipeline)\n`);
console.log('rule                      severity  findings  articles  labelled  true  precision');
for (const [id, rule] of RULES) {
  const mine = all.filter((x) => x.f.rule === id);
  const arts = new Set(mine.map((x) => x.id)).size;
  const scored = mine.map((x) => labelled.get(key(x.id, id, x.f.start, x.f.end))).filter((l): l is Label => l !== undefined);
  const tp = scored.filter((l) => l.label).length;
  const prec = scored.length ? (tp / scored.length).toFixed(2) : '-';
  console.log(`${id.padEnd(26)}${rule.meta.severity.padEnd(10)}${String(mine.length).padStart(8)}${String(arts).padStart(10)}${String(scored.length).padStart(10)}${String(tp).padStart(6)}${prec.padStart(11)}`);
}
const stale = labels.filter((l) => !all.some((x) => x.id === l.id && x.f.rule === l.rule && x.f.start === l.start && x.f.end === l.end));
if (stale.length) console.log(`\n${stale.length} labels no longer match a finding (the rule changed or stopped firing there).`);
