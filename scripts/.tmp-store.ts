import fs from 'node:fs';
import { analyze } from '../src/engine.ts';
import { toRows } from '../src/corpus/rows.ts';
import { openStore } from '../src/corpus/schema.ts';
import { Store } from '../src/corpus/store.ts';
import { loadPolnear } from './lib/shared-data.ts';
const texts = loadPolnear().map((d) => d.text).slice(0, 300);
const rows = texts.map((t) => toRows(analyze(t)));
const per = rows.reduce((a, r) => [a[0] + r.quotes.length, a[1] + r.entities.length, a[2] + r.findings.length], [0, 0, 0]).map((x) => (x / rows.length).toFixed(1));
console.log('per article quotes/entities/findings', per);
for (const variant of ['fts', 'nofts']) {
  for (const f of ['/tmp/st.sqlite', '/tmp/st.sqlite-wal', '/tmp/st.sqlite-shm']) fs.rmSync(f, { force: true });
  const db = openStore('/tmp/st.sqlite', { create: true });
  if (variant === 'nofts') db.exec('DROP TRIGGER quotes_fts_insert; DROP TRIGGER quotes_fts_delete;');
  const st = new Store(db, [], 1);
  const c0 = process.cpuUsage();
  let k = 0;
  for (let r = 0; r < 10; r++) {
    for (const rw of rows) {
      st.add({ id: `a${k++}`, source: 'x', kind: 'text', title: null, date: null, month: null, publisher: null, url: null, meta: null, hash: 'h', status: 'ok', error: null, ms: 1, rows: rw });
      if (st.buffered >= 200) st.flush();
    }
  }
  st.flush();
  const c = process.cpuUsage(c0);
  console.log(variant, 'cpu ms/article', ((c.user + c.system) / 1000 / k).toFixed(3));
  db.close();
}
