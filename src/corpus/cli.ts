// `trustlens corpus run|stats|export|search`: argument parsing and exit codes. Every error a user
// can cause is reported as one line on stderr with exit 2, never a stack trace.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { exportTable, EXPORT_TABLES, searchQuotes, SearchError, type ExportTable } from './export.ts';
import { InputsError } from './inputs.ts';
import { PoolError } from './pool.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_HTML_BYTES, defaultWorkers, describeRun, runCorpus } from './run.ts';
import { openStore, StoreError } from './schema.ts';
import { corpusStats, renderStats } from './stats.ts';

export const CORPUS_USAGE = `Usage:
  trustlens corpus run <folder | file.jsonl>... [--db corpus.sqlite] [--workers N] [--max-bytes N]
                   [--max-html-bytes N] [--retry-errors] [--force] [--format text|json] [--quiet]
  trustlens corpus stats [--db corpus.sqlite] [--format text|json]
  trustlens corpus export --table articles|quotes|entities|findings|trust [--format csv|jsonl] [--db …]
  trustlens corpus search "<words>" [--db corpus.sqlite] [--limit N] [--format text|json]
See docs/corpus.md.
`;

class CorpusUsageError extends Error {}

const DEFAULT_DB = 'corpus.sqlite';

function positiveInt(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new CorpusUsageError(`${name} must be a positive whole number, not "${v}"`);
  return Number(v);
}

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new CorpusUsageError(`${name} must be one of ${allowed.join(', ')}, not "${v}"`);
  return v as T;
}

async function runCommand(args: string[], stdout: Writable, stderr: Writable): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      workers: { type: 'string' },
      'max-bytes': { type: 'string' },
      'max-html-bytes': { type: 'string' },
      'retry-errors': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      format: { type: 'string' },
      'progress-every': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  if (!positionals.length) throw new CorpusUsageError('corpus run needs at least one input: a folder of .txt/.html files or a .jsonl file');
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const workers = positiveInt(values.workers, '--workers', defaultWorkers());
  if (workers > 64) throw new CorpusUsageError(`--workers ${workers} is more than 64`);
  const control: { stop: boolean } = { stop: false };
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals > 1) {
      stderr.write('\ncorpus: stopped at once; everything committed so far is kept.\n');
      process.exit(130);
    }
    control.stop = true;
    stderr.write('\ncorpus: stopping after the articles in progress (Ctrl-C again to quit at once)…\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await runCorpus({
      inputs: positionals,
      db: values.db!,
      workers,
      maxBytes: positiveInt(values['max-bytes'], '--max-bytes', DEFAULT_MAX_BYTES),
      maxHtmlBytes: positiveInt(values['max-html-bytes'], '--max-html-bytes', DEFAULT_MAX_HTML_BYTES),
      retryErrors: values['retry-errors'],
      force: values.force,
      progress: values.quiet ? undefined : (stderr as Writable & { isTTY?: boolean }),
      progressEveryMs: values['progress-every'] ? 1000 * positiveInt(values['progress-every'], '--progress-every', 5) : undefined,
      control,
    });
    if (format === 'json') stdout.write(JSON.stringify(summary) + '\n');
    if (!values.quiet || format === 'text') stderr.write(describeRun(summary));
    return summary.interrupted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function statsCommand(args: string[], stdout: Writable): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string', default: DEFAULT_DB }, format: { type: 'string' }, top: { type: 'string' } },
  });
  if (positionals.length) throw new CorpusUsageError(`corpus stats takes no arguments besides options (got "${positionals[0]}")`);
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const db = openStore(values.db!, { readonly: true });
  try {
    const st = corpusStats(db, { top: positiveInt(values.top, '--top', 20) });
    stdout.write(format === 'json' ? JSON.stringify(st, null, 2) + '\n' : renderStats(st, values.db!));
  } finally {
    db.close();
  }
  return 0;
}

async function exportCommand(args: string[], stdout: Writable): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      table: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length) throw new CorpusUsageError(`corpus export takes no arguments besides options (got "${positionals[0]}")`);
  if (values.table === undefined) throw new CorpusUsageError(`corpus export needs --table (${EXPORT_TABLES.join(', ')})`);
  const table = oneOf<ExportTable>(values.table, EXPORT_TABLES, '--table', 'articles');
  const format = oneOf(values.format, ['csv', 'jsonl'] as const, '--format', 'csv');
  const db = openStore(values.db!, { readonly: true });
  try {
    if (values.output === undefined || values.output === '-') {
      await exportTable(db, table, format, stdout);
    } else {
      const file = fs.createWriteStream(values.output);
      await exportTable(db, table, format, file);
      await new Promise<void>((res, rej) => file.end((e?: Error | null) => (e ? rej(e) : res())));
    }
  } finally {
    db.close();
  }
  return 0;
}

function searchCommand(args: string[], stdout: Writable): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string', default: DEFAULT_DB }, limit: { type: 'string' }, format: { type: 'string' } },
  });
  if (!positionals.length) throw new CorpusUsageError('corpus search needs the words to look for, e.g. trustlens corpus search "climate change"');
  const format = oneOf(values.format, ['text', 'json'] as const, '--format', 'text');
  const db = openStore(values.db!, { readonly: true });
  try {
    const hits = searchQuotes(db, positionals.join(' '), positiveInt(values.limit, '--limit', 20));
    if (format === 'json') {
      stdout.write(JSON.stringify(hits) + '\n');
    } else {
      if (!hits.length) stdout.write('no quote matches\n');
      for (const h of hits) {
        const who = h.speaker_name ?? h.speaker ?? 'unattributed';
        stdout.write(`${h.article_id} [${h.qid}, ${h.kind}, ${h.start}-${h.end}] ${who}: ${h.snippet.replace(/\s+/g, ' ')}\n`);
      }
    }
  } finally {
    db.close();
  }
  return 0;
}

/** `trustlens corpus …`; returns the exit code. */
export async function corpusCommand(args: string[], io: { stdout: Writable; stderr: Writable } = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'run': return await runCommand(rest, io.stdout, io.stderr);
      case 'stats': return statsCommand(rest, io.stdout);
      case 'export': return await exportCommand(rest, io.stdout);
      case 'search': return searchCommand(rest, io.stdout);
      case undefined: case '--help': case '-h': case 'help':
        io.stdout.write(CORPUS_USAGE);
        return sub === undefined ? 2 : 0;
      default: throw new CorpusUsageError(`unknown corpus command "${sub}" (run, stats, export, search)`);
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof CorpusUsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`trustlens: ${err.message}\n${CORPUS_USAGE}`);
      return 2;
    }
    if (e instanceof StoreError || e instanceof InputsError || e instanceof SearchError || e instanceof PoolError) {
      io.stderr.write(`trustlens: ${err.message}\n`);
      return 2;
    }
    if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') {
      io.stderr.write(`trustlens: the corpus database is locked: is another "corpus run" writing to it? (${err.message})\n`);
      return 2;
    }
    if (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EISDIR' || err.code?.startsWith('SQLITE_')) {
      io.stderr.write(`trustlens: ${err.message}\n`);
      return 2;
    }
    throw e;
  }
}
