import { analyzeDoc } from './src/engine.ts';
import { loadPolnear } from './scripts/lib/shared-data.ts';
import { bylineInText, dateInText } from './src/checks/disclosure.ts';
for (const d of loadPolnear()) {
  const doc = analyzeDoc(d.text, d.id);
  const b = bylineInText(doc), t = dateInText(doc);
  if (b) console.log('BYLINE', d.id.slice(8, 50), JSON.stringify(b.text));
  if (t) console.log('DATE  ', d.id.slice(8, 50), JSON.stringify(d.text.slice(Math.max(0,t.start-30), t.end+30)));
}
