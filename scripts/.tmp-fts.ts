import Database from 'better-sqlite3';
import fs from 'node:fs';
import { analyze } from '../src/engine.ts';
import { loadPolnear } from './lib/shared-data.ts';
const texts = loadPolnear().map((d) => d.text).slice(0, 300);
const quotes = texts.flatMap((t) => analyze(t).quotes.map((q) => q.text));
console.log('quotes', quotes.length);
for (const v of ['trigger', 'bulk', 'bulk-automerge0', 'none']) {
  fs.rmSync('/tmp/f.sqlite', { force: true }); fs.rmSync('/tmp/f.sqlite-wal', { force: true });
  const db = new Database('/tmp/f.sqlite'); db.pragma('journal_mode=WAL'); db.pragma('synchronous=NORMAL');
  db.exec(`CREATE TABLE q(rowid INTEGER PRIMARY KEY, text TEXT); CREATE VIRTUAL TABLE f USING fts5(text, content='q', content_rowid='rowid');`);
  if (v === 'trigger') db.exec(`CREATE TRIGGER t AFTER INSERT ON q BEGIN INSERT INTO f(rowid, text) VALUES (new.rowid, new.text); END;`);
  if (v === 'bulk-automerge0') db.exec(`INSERT INTO f(f, rank) VALUES('automerge', 0)`);
  const ins = db.prepare('INSERT INTO q(text) VALUES (?)');
  const bulk = db.prepare('INSERT INTO f(rowid, text) SELECT rowid, text FROM q WHERE rowid > ?');
  let last = 0;
  const c0 = process.cpuUsage();
  for (let r = 0; r < 10; r++) {
    for (let b = 0; b < quotes.length; b += 5000) {
      db.transaction(() => {
        for (const t of quotes.slice(b, b + 5000)) ins.run(t);
        if (v.startsWith('bulk')) { bulk.run(last); last = Number(db.prepare('SELECT max(rowid) FROM q').pluck().get()); }
      })();
    }
  }
  const c = process.cpuUsage(c0);
  console.log(v, 'µs/quote', ((c.user + c.system) / (10 * quotes.length)).toFixed(1));
  db.close();
}
