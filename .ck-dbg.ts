import { analyzeDoc } from './src/engine.ts';
import { loadPolnear } from './scripts/lib/shared-data.ts';
import { insideQuotes } from './src/checks/helpers.ts';
const [id, at] = [process.argv[2], Number(process.argv[3])];
const d = loadPolnear().find((x) => x.id.includes(id))!;
const doc = analyzeDoc(d.text, d.id);
const ents = new Map(doc.get('entities').map(e => [e.id, e]));
for (const m of doc.get('mentions')) if (m.start > at - 300 && m.start < at + 10) console.log(m.start, m.kind, m.type, m.gender, JSON.stringify(m.text), m.entity, m.entity ? ents.get(m.entity)?.name + '/' + ents.get(m.entity)?.type + '/' + ents.get(m.entity)?.gender : '', insideQuotes(doc, m.start));
console.log(JSON.stringify(d.text.slice(at - 300, at + 20)));
