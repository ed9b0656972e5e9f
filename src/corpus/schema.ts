// The corpus store: one SQLite file (WAL), one row per input article, child rows per quote, entity,
// finding and Trust Indicator. Child rows reference `articles.key` (an integer, cheap to join and
// index); every export joins back to the article's input `id`.
import Database from 'better-sqlite3';
import fs from 'node:fs';

export type DB = Database.Database;

export const STORE_VERSION = '1';

const DDL = `
CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  run INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  inputs TEXT NOT NULL,
  workers INTEGER NOT NULL,
  analysed INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  interrupted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT,
  date TEXT,
  month TEXT,
  publisher TEXT,
  url TEXT,
  meta TEXT,
  hash TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  chars INTEGER,
  quotes INTEGER NOT NULL DEFAULT 0,
  entities INTEGER NOT NULL DEFAULT 0,
  findings INTEGER NOT NULL DEFAULT 0,
  schema_version TEXT,
  run INTEGER NOT NULL,
  analysed_at TEXT NOT NULL,
  ms REAL
);
CREATE INDEX IF NOT EXISTS articles_publisher ON articles(publisher);
CREATE INDEX IF NOT EXISTS articles_month ON articles(month);
CREATE TABLE IF NOT EXISTS entities (
  article INTEGER NOT NULL,
  eid TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  gender TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article, eid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quotes (
  rowid INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  qid TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  cue TEXT, cue_start INTEGER, cue_end INTEGER,
  speaker TEXT, speaker_start INTEGER, speaker_end INTEGER,
  speaker_name TEXT,
  speaker_entity TEXT,
  speaker_type TEXT,
  speaker_gender TEXT,
  channel TEXT, channel_start INTEGER, channel_end INTEGER,
  outlet TEXT,
  attribution TEXT,
  source TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='rowid');
-- New quotes are indexed in bulk at each commit (Store.flush): a per-row trigger costs 4× more.
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TABLE IF NOT EXISTS findings (
  article INTEGER NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_article ON findings(article);
CREATE TABLE IF NOT EXISTS trust (
  article INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence INTEGER NOT NULL,
  missing TEXT,
  PRIMARY KEY (article, indicator)
) WITHOUT ROWID;
`;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Opens (creating when asked) a corpus store, in WAL mode so readers never block the writer. */
export function openStore(file: string, opts: { create?: boolean; readonly?: boolean } = {}): DB {
  if (!opts.create && !fs.existsSync(file)) {
    throw new StoreError(`${file}: no such corpus database (create one with "trustlens corpus run … --db ${file}")`);
  }
  let db: DB;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  } catch (e) {
    throw new StoreError(`${file}: cannot open as a corpus database (${(e as Error).message})`);
  }
  try {
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives the process being killed (not a power cut), at a
      // fraction of FULL's fsync cost.
      db.pragma('synchronous = NORMAL');
      db.exec(DDL);
      const v = db.prepare('SELECT value FROM store_meta WHERE name = ?').pluck().get('version') as string | undefined;
      if (v === undefined) db.prepare('INSERT INTO store_meta(name, value) VALUES (?, ?)').run('version', STORE_VERSION);
      else if (v !== STORE_VERSION) throw new StoreError(`${file}: corpus store version ${v}, this trustlens writes version ${STORE_VERSION}`);
    } else {
      const ok = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'").pluck().get() as number;
      if (!ok) throw new StoreError(`${file} is an SQLite database but not a trustlens corpus (no articles table)`);
    }
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${file}: not a corpus database (${(e as Error).message})`);
  }
  db.pragma('busy_timeout = 5000');
  return db;
}
