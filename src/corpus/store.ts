// The single writer of a corpus run. Results are buffered and committed together, one transaction
// per batch: an article and all its child rows land at once or not at all, so a process killed at
// any moment leaves only whole articles behind, and a rerun finds exactly those.
import type { DB } from './schema.ts';
import type { ArticleRows } from './rows.ts';

export interface ArticleRecord {
  id: string;
  source: string;
  kind: string;
  title: string | null;
  date: string | null;
  month: string | null;
  publisher: string | null;
  url: string | null;
  meta: string | null;
  hash: string;
  status: 'ok' | 'error';
  error: string | null;
  ms: number | null;
  rows: ArticleRows | null;
}

const QUOTE_COLUMNS = ['qid', 'kind', 'text', 'start', 'end', 'cue', 'cue_start', 'cue_end', 'speaker', 'speaker_start', 'speaker_end',
  'speaker_name', 'speaker_entity', 'speaker_type', 'speaker_gender', 'channel', 'channel_start', 'channel_end', 'outlet', 'attribution', 'source'];

export interface StoredState {
  hash: string;
  status: string;
  run: number;
}

export class Store {
  private buffer: ArticleRecord[] = [];
  private firstNewQuote: number | null = null;
  private readonly lookupStmt;
  private readonly keyStmt;
  private readonly insertArticle;
  private readonly updateArticle;
  private readonly deletes;
  private readonly insertEntity;
  private readonly insertQuote;
  private readonly insertFinding;
  private readonly insertTrust;
  private readonly commitBatch: (records: ArticleRecord[]) => void;
  readonly run: number;
  committed = 0;

  constructor(private readonly db: DB, inputs: string[], workers: number) {
    this.run = Number(db.prepare('INSERT INTO runs(started, inputs, workers) VALUES (?, ?, ?)').run(new Date().toISOString(), JSON.stringify(inputs), workers).lastInsertRowid);
    this.lookupStmt = db.prepare('SELECT hash, status, run FROM articles WHERE id = ?');
    this.keyStmt = db.prepare('SELECT key FROM articles WHERE id = ?').pluck();
    const cols = 'source, kind, title, date, month, publisher, url, meta, hash, status, error, chars, quotes, entities, findings, schema_version, run, analysed_at, ms';
    const params = cols.split(', ').map((c) => '@' + c).join(', ');
    this.insertArticle = db.prepare(`INSERT INTO articles(id, ${cols}) VALUES (@id, ${params})`);
    this.updateArticle = db.prepare(`UPDATE articles SET ${cols.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE key = @key`);
    this.deletes = ['entities', 'quotes', 'findings', 'trust'].map((t) => db.prepare(`DELETE FROM ${t} WHERE article = ?`));
    // Child rows bind positionally: named binding costs a property lookup per column, per row.
    this.insertEntity = db.prepare('INSERT INTO entities(article, eid, name, type, gender, mentions) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertQuote = db.prepare(`INSERT INTO quotes(article, ${QUOTE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (?${', ?'.repeat(QUOTE_COLUMNS.length)})`);
    this.insertFinding = db.prepare('INSERT INTO findings(article, rule, severity, message, start, "end") VALUES (?, ?, ?, ?, ?, ?)');
    this.insertTrust = db.prepare('INSERT OR REPLACE INTO trust(article, indicator, name, status, evidence, missing) VALUES (@article, @indicator, @name, @status, @evidence, @missing)');
    const indexQuotes = db.prepare('INSERT INTO quotes_fts(rowid, text) SELECT rowid, text FROM quotes WHERE rowid >= ?');
    this.commitBatch = db.transaction((records: ArticleRecord[]) => {
      this.firstNewQuote = null;
      for (const r of records) this.write(r);
      // A new row's rowid is one above every row present when it is inserted, so the rows from the
      // batch's first new quote up are exactly this batch's quotes.
      if (this.firstNewQuote !== null) indexQuotes.run(this.firstNewQuote);
    });
  }

  /** What the store holds for an input id, if anything. */
  lookup(id: string): StoredState | undefined {
    return this.lookupStmt.get(id) as StoredState | undefined;
  }

  private write(r: ArticleRecord): void {
    const rows = r.rows;
    const row = {
      id: r.id, source: r.source, kind: r.kind, title: r.title, date: r.date, month: r.month, publisher: r.publisher,
      url: r.url, meta: r.meta, hash: r.hash, status: r.status, error: r.error,
      chars: rows?.chars ?? null,
      quotes: rows?.quotes.length ?? 0,
      entities: rows?.entities.length ?? 0,
      findings: rows?.findings.length ?? 0,
      schema_version: rows?.schemaVersion ?? null,
      run: this.run,
      analysed_at: new Date().toISOString(),
      ms: r.ms,
    };
    let key = this.keyStmt.get(r.id) as number | undefined;
    if (key === undefined) {
      key = Number(this.insertArticle.run(row).lastInsertRowid);
    } else {
      for (const d of this.deletes) d.run(key);
      this.updateArticle.run({ ...row, key });
    }
    if (!rows) return;
    for (const e of rows.entities) this.insertEntity.run(key, e.eid, e.name, e.type, e.gender, e.mentions);
    for (const q of rows.quotes) {
      const rowid = Number(this.insertQuote.run(key, q.qid, q.kind, q.text, q.start, q.end, q.cue, q.cue_start, q.cue_end,
        q.speaker, q.speaker_start, q.speaker_end, q.speaker_name, q.speaker_entity, q.speaker_type, q.speaker_gender,
        q.channel, q.channel_start, q.channel_end, q.outlet, q.attribution, q.source).lastInsertRowid);
      this.firstNewQuote ??= rowid;
    }
    for (const f of rows.findings) this.insertFinding.run(key, f.rule, f.severity, f.message, f.start, f.end);
    for (const t of rows.trust) this.insertTrust.run({ article: key, ...t });
  }

  add(r: ArticleRecord): void {
    this.buffer.push(r);
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /** Commits every buffered article in one transaction; returns the ids committed. */
  flush(): string[] {
    if (!this.buffer.length) return [];
    const batch = this.buffer;
    this.buffer = [];
    this.commitBatch(batch);
    this.committed += batch.length;
    return batch.map((r) => r.id);
  }

  finishRun(counts: { analysed: number; errors: number; skipped: number; duplicates: number; interrupted: boolean }): void {
    this.db.prepare('UPDATE runs SET finished = ?, analysed = ?, errors = ?, skipped = ?, duplicates = ?, interrupted = ? WHERE run = ?')
      .run(new Date().toISOString(), counts.analysed, counts.errors, counts.skipped, counts.duplicates, counts.interrupted ? 1 : 0, this.run);
  }
}
