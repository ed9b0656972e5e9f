// `trustlens corpus export` and `trustlens corpus search`. Exports stream rows straight from SQLite
// to the output (waiting for it to drain), so a large corpus exports in constant memory; every row
// names its article by the input id.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DB } from './schema.ts';

export const EXPORT_TABLES = ['articles', 'quotes', 'entities', 'findings', 'trust'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const SELECTS: Record<ExportTable, string> = {
  articles: `SELECT id, source, kind, title, date, publisher, url, hash, status, error, chars, quotes, entities, findings,
                    schema_version, analysed_at, ms, meta FROM articles ORDER BY key`,
  quotes: `SELECT a.id AS article_id, q.qid, q.kind, q.text, q.start, q."end", q.cue, q.cue_start, q.cue_end,
                  q.speaker, q.speaker_start, q.speaker_end, q.speaker_name, q.speaker_entity, q.speaker_type, q.speaker_gender,
                  q.channel, q.channel_start, q.channel_end, q.outlet, q.attribution, q.source
           FROM quotes q JOIN articles a ON a.key = q.article ORDER BY q.article, q.rowid`,
  entities: `SELECT a.id AS article_id, e.eid, e.name, e.type, e.gender, e.mentions
             FROM entities e JOIN articles a ON a.key = e.article ORDER BY e.article, e.eid`,
  findings: `SELECT a.id AS article_id, f.rule, f.severity, f.message, f.start, f."end"
             FROM findings f JOIN articles a ON a.key = f.article ORDER BY f.article, f.rowid`,
  trust: `SELECT a.id AS article_id, t.indicator, t.name, t.status, t.evidence, t.missing
          FROM trust t JOIN articles a ON a.key = t.article ORDER BY t.article, t.indicator`,
};

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function exportTable(db: DB, table: ExportTable, format: 'csv' | 'jsonl', out: Writable): Promise<number> {
  const stmt = db.prepare(SELECTS[table]);
  const columns = stmt.columns().map((c) => c.name);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  if (format === 'csv') await write(columns.join(',') + '\r\n');
  let n = 0;
  let chunk = '';
  for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
    chunk += format === 'csv' ? columns.map((c) => csvField(row[c])).join(',') + '\r\n' : JSON.stringify(row) + '\n';
    n++;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  return n;
}

export interface SearchHit {
  article_id: string;
  qid: string;
  kind: string;
  speaker: string | null;
  speaker_name: string | null;
  text: string;
  start: number;
  end: number;
  snippet: string;
}

export class SearchError extends Error {}

const SEARCH = `
  SELECT a.id AS article_id, q.qid, q.kind, q.speaker, q.speaker_name, q.text, q.start, q."end",
         snippet(quotes_fts, 0, '[', ']', '…', 24) AS snippet
  FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.key = q.article
  WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?`;

/**
 * Quote texts matching the words, best first (FTS5's bm25). FTS5 syntax ("exact phrase", OR, NOT,
 * prefix*) is accepted; words that are not valid syntax on their own are searched as plain words.
 */
export function searchQuotes(db: DB, words: string, limit = 20): SearchHit[] {
  const q = words.trim();
  if (!q) throw new SearchError('search needs at least one word');
  const stmt = db.prepare(SEARCH);
  try {
    return stmt.all(q, limit) as SearchHit[];
  } catch (e) {
    // An FTS5 syntax error ("fts5: syntax error near …", "no such column: x" for a stray colon).
    if (!String((e as { code?: string }).code).startsWith('SQLITE_')) throw e;
    const plain = q.split(/\s+/).map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
    try {
      return stmt.all(plain, limit) as SearchHit[];
    } catch (e2) {
      throw new SearchError(`cannot search for ${JSON.stringify(q)}: ${(e2 as Error).message}`);
    }
  }
}
