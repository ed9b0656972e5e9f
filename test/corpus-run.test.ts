// `trustlens corpus run` end to end, through the CLI with real worker threads and the real engine:
// resume after kill -9, Ctrl-C, changed articles, bad articles, and stats that agree with the rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { corpusCommand } from '../src/corpus/cli.ts';
import { WORKER_V8_FLAGS, workerFlagsFor } from '../src/corpus/compiler-flags.ts';
import { threadCpu } from '../src/corpus/thread-cpu.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'trustlens.js');
const fixtures = path.join(root, 'test', 'fixtures', 'corpus');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-corpus-run-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The corpus CLI in this process (stats, export, search and usage errors need no child). */
async function inProcess(args: string[]) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) => new Writable({ write(c, _e, cb) { f(String(c)); cb(); } });
  const code = await corpusCommand(args, { stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) });
  return { code, out, err };
}

function runJson(args: string[]) {
  const r = cli(['corpus', 'run', ...args, '--format', 'json', '--quiet']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

function query<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}
const scalar = (db: string, sql: string) => Object.values(query<Record<string, number>>(db, sql)[0])[0];

/** Every article's child rows are whole: counts agree, no quote twice, the FTS index matches. */
function assertConsistent(db: string): void {
  assert.equal(scalar(db, 'SELECT count(*) - count(DISTINCT id) FROM articles'), 0, 'an id stored twice');
  assert.equal(scalar(db, 'SELECT count(*) FROM quotes'), scalar(db, 'SELECT coalesce(sum(quotes), 0) FROM articles'), 'quote rows match articles.quotes');
  assert.equal(scalar(db, 'SELECT count(*) FROM entities'), scalar(db, 'SELECT coalesce(sum(entities), 0) FROM articles'));
  assert.equal(scalar(db, 'SELECT count(*) FROM findings'), scalar(db, 'SELECT coalesce(sum(findings), 0) FROM articles'));
  assert.equal(scalar(db, 'SELECT count(*) FROM (SELECT article, qid FROM quotes GROUP BY 1, 2 HAVING count(*) > 1)'), 0);
  const d = new Database(db);
  d.prepare("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')").run();
  d.close();
}

const NAMES = ['Anna Novak', 'Peter Hughes', 'Maria Silva', 'John Brennan', 'Lena Okafor', 'David Lindqvist', 'Sofia Moreau', 'Omar Tanaka'];

/** A synthetic article of about 120 words with two direct quotes and an indirect one. */
function synthetic(i: number): string {
  const a = NAMES[i % 8];
  const b = NAMES[(i * 3 + 1) % 8];
  return `Town ${i} approves its budget\n\n` +
    `The council of town ${i} approved a budget of ${i + 3} million dollars on Monday after a long debate.\n\n` +
    `"This budget keeps every school and every library open," said ${a}, the council leader.\n\n` +
    `${b} told Reuters that the plan relied on optimistic tax forecasts. "We will see cuts next year," ${b.split(' ')[1]} said.\n\n` +
    `The vote was ${5 + (i % 4)} to 2, and the budget takes effect in January.`;
}

function writeJsonl(file: string, n: number): string {
  fs.writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ id: `town-${i}`, publisher: i % 2 ? 'Courier' : 'Gazette', text: synthetic(i) })).join('\n') + '\n');
  return file;
}
const BIG = 1200;
const bigJsonl = writeJsonl(path.join(tmp, 'big.jsonl'), BIG);
const SMALL = 400;
const smallJsonl = writeJsonl(path.join(tmp, 'small.jsonl'), SMALL);

/** Starts a run in the background and returns once the store holds at least `atLeast` articles. */
async function startAndWait(input: string, db: string, atLeast: number) {
  const child = spawn(process.execPath, [bin, 'corpus', 'run', input, '--db', db, '--workers', '2', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const t0 = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(Date.now() - t0 < 60_000, `no article committed within 60 s: ${err}`);
    if (child.exitCode !== null) assert.fail(`the run ended before it could be interrupted (exit ${child.exitCode}): ${err}`);
    if (!fs.existsSync(db)) continue;
    try {
      if (scalar(db, 'SELECT count(*) FROM articles') >= atLeast) break;
    } catch { /* the schema is being created */ }
  }
  return { child, exited, stderr: () => err };
}

test('kill -9 mid-run, then rerun: every article stored exactly once, none lost', { timeout: 90_000 }, async (t) => {
  const db = path.join(tmp, 'killed.sqlite');
  const { child, exited } = await startAndWait(bigJsonl, db, 200);
  child.kill('SIGKILL');
  await exited;
  const kept = scalar(db, 'SELECT count(*) FROM articles');
  assert.ok(kept > 0 && kept < BIG, `killed mid-run (${kept} of ${BIG} committed)`);
  t.diagnostic(`killed with ${kept} of ${BIG} articles committed`);
  assertConsistent(db);

  const s = runJson([bigJsonl, '--db', db, '--workers', '2']);
  assert.deepEqual(s.v8Flags, workerFlagsFor(2), 'the summary names the V8 flags the workers ran with');
  assert.equal(s.skipped, kept, 'what was committed before the kill is skipped, not redone');
  assert.equal(s.analysed + s.errors, BIG - kept);
  assert.equal(s.duplicates, 0);
  const ids = query<{ id: string }>(db, 'SELECT id FROM articles').map((r) => r.id);
  assert.equal(ids.length, BIG);
  assert.equal(new Set(ids).size, BIG);
  assert.deepEqual(ids.sort(), Array.from({ length: BIG }, (_, i) => `town-${i}`).sort());
  assert.equal(scalar(db, "SELECT count(*) FROM articles WHERE status = 'ok'"), BIG);
  assertConsistent(db);
});


// With V8's defaults, one worker's optimising compiler ran on V8's background threads at ~60–75% of
// the worker's own CPU, on the core a second worker needs; that capped 2 workers at ~1.1–1.25× one.
test('the workers compile on their own threads: no background CPU to take from a second worker', {
  timeout: 60_000, skip: !fs.existsSync('/proc/self/task') && 'needs /proc (Linux)',
}, async (t) => {
  const db = path.join(tmp, 'threads.sqlite');
  // The flags forced: on this machine one worker would keep V8's defaults (a core to spare).
  const env = { ...process.env, TRUSTLENS_CORPUS_V8_FLAGS: WORKER_V8_FLAGS.join(' ') };
  const child = spawn(process.execPath, [bin, 'corpus', 'run', bigJsonl, '--db', db, '--workers', '1', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // Start-up (loading the model, compiling the engine the first time) is left out: the count
  // starts at the first commit, once the worker is warm.
  let start: Map<string, number> | null = null;
  const last = new Map<string, number>(); // a thread's CPU when last seen: workers end before the process
  const t0 = Date.now();
  while (child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 25));
    assert.ok(Date.now() - t0 < 50_000, `the run did not end: ${err}`);
    const now = threadCpu(child.pid!);
    for (const [tid, cpu] of now) last.set(tid, cpu);
    if (!start && fs.existsSync(db)) {
      try {
        if (scalar(db, 'SELECT count(*) FROM articles') > 0) start = now;
      } catch { /* the schema is being created */ }
    }
  }
  assert.equal(await exited, 0, err);
  assert.ok(start, 'the run was observed after its first commit');
  const main = String(child.pid);
  const used = [...last].filter(([tid]) => tid !== main).map(([tid, cpu]) => cpu - (start!.get(tid) ?? 0)).sort((a, b) => b - a);
  const worker = used[0];
  const background = used.slice(1).reduce((a, b) => a + b, 0);
  t.diagnostic(`after the first commit: worker ${worker.toFixed(2)} s of CPU, V8 background threads ${background.toFixed(2)} s`);
  assert.ok(worker > 0.5, `the worker was measured (${worker.toFixed(2)} s of CPU)`);
  assert.ok(background < 0.25 * worker, `V8's background threads used ${background.toFixed(2)} s of CPU beside the worker's ${worker.toFixed(2)} s`);
});

test('Ctrl-C finishes the articles in flight, commits them and exits 130; a rerun completes', { timeout: 90_000 }, async () => {
  const db = path.join(tmp, 'interrupted.sqlite');
  const { child, exited, stderr } = await startAndWait(smallJsonl, db, 1);
  child.kill('SIGINT');
  const code = await exited;
  assert.equal(code, 130, stderr());
  assert.match(stderr(), /interrupted; \d+ articles committed/);
  const kept = scalar(db, 'SELECT count(*) FROM articles');
  assert.ok(kept < SMALL, 'stopped early');
  assertConsistent(db);
  assert.equal(scalar(db, 'SELECT interrupted FROM runs WHERE run = 1'), 1);
  const s = runJson([smallJsonl, '--db', db, '--workers', '1']);
  assert.equal(s.skipped, kept);
  assert.equal(scalar(db, 'SELECT count(DISTINCT id) FROM articles'), SMALL);
  assertConsistent(db);
});

test('the test corpus end to end: bad articles recorded, stats agree with the stored rows', { timeout: 60_000 }, async () => {
  const db = path.join(tmp, 'fixtures.sqlite');
  const s = runJson([path.join(fixtures, 'articles'), path.join(fixtures, 'wire.jsonl'), '--db', db, '--workers', '2']);
  assert.equal(s.total, 11);
  assert.equal(s.analysed + s.errors, 11);
  const errors = Object.fromEntries(query<{ id: string; error: string }>(db, "SELECT id, error FROM articles WHERE status = 'error'").map((r) => [r.id, r.error]));
  assert.match(errors['wire.jsonl:4'], /not valid JSON/);
  assert.match(errors['wire-005'], /empty/);
  assert.match(errors['wire-006'], /no "text" or "html" field/);
  assert.equal(errors['council-vote.html'], undefined, 'web pages go through the HTML ingestion');
  const page = query<{ publisher: string; month: string; title: string; key: number }>(db, "SELECT key, publisher, month, title FROM articles WHERE id = 'council-vote.html'")[0];
  assert.deepEqual([page.publisher, page.month, page.title], ['The Riverside Gazette', '2024-04', 'Council approves new cycle lanes'], 'metadata read from the page');
  assert.ok(scalar(db, `SELECT count(*) FROM trust WHERE article = ${page.key}`) > 0, 'Trust Indicators stored');
  assertConsistent(db);

  const st = JSON.parse((await inProcess(['stats', '--db', db, '--format', 'json'])).out);
  const quotes = (await inProcess(['export', '--db', db, '--table', 'quotes', '--format', 'jsonl'])).out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(st.articles.total, 11);
  assert.equal(st.articles.analysed, s.analysed);
  assert.equal(st.quotes.total, quotes.length);
  assert.ok(quotes.length >= 4, 'the engine finds the direct quotes of the test corpus');
  for (const k of ['direct', 'mixed', 'indirect']) assert.equal(st.quotes.byKind[k].n, quotes.filter((q) => q.kind === k).length, k);
  const ids = new Set(query<{ id: string }>(db, 'SELECT id FROM articles').map((r) => r.id));
  for (const q of quotes) assert.ok(ids.has(q.article_id), `quote row names its article (${q.article_id})`);
  assert.ok(quotes.some((q) => q.article_id === 'wire-004' && /potholes/.test(q.text)));
  const hits = JSON.parse((await inProcess(['search', 'potholes', '--db', db, '--format', 'json'])).out);
  assert.equal(hits[0]?.article_id, 'wire-004');
});

test('a changed article is analysed again and replaces its rows; unreadable and oversized ones are recorded', { timeout: 60_000 }, () => {
  const dir = path.join(tmp, 'changing');
  fs.cpSync(path.join(fixtures, 'articles'), dir, { recursive: true });
  const db = path.join(tmp, 'changing.sqlite');
  const first = runJson([dir, '--db', db, '--workers', '1']);
  assert.equal(first.total, 4);
  const before = query<{ hash: string; quotes: number; run: number }>(db, "SELECT hash, quotes, run FROM articles WHERE id = 'school-meals.txt'")[0];

  fs.appendFileSync(path.join(dir, 'school-meals.txt'), '\n"We will hire forty more cooks," the department said.\n');
  fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 owners said the rent was too high.', 'latin1'));
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'Officials said the report was long. '.repeat(200));
  const second = runJson([dir, '--db', db, '--workers', '1', '--max-bytes', '5000']);
  assert.equal(second.changed, 1);
  assert.equal(second.skipped, 3);
  assert.equal(second.analysed + second.errors, 3);
  const after = query<{ hash: string; quotes: number; run: number }>(db, "SELECT hash, quotes, run FROM articles WHERE id = 'school-meals.txt'")[0];
  assert.notEqual(after.hash, before.hash);
  assert.equal(after.run, 2);
  assert.ok(after.quotes > before.quotes, `the new quote is stored (${before.quotes} → ${after.quotes})`);
  const errors = Object.fromEntries(query<{ id: string; error: string }>(db, "SELECT id, error FROM articles WHERE status = 'error'").map((r) => [r.id, r.error]));
  assert.match(errors['latin1.txt'], /not valid UTF-8/);
  assert.match(errors['huge.txt'], /too large: 7200 bytes; the limit is 5000/);
  assertConsistent(db);
  assert.equal(scalar(db, 'SELECT count(*) FROM articles'), 6);
});

test('usage errors and a missing store are one-line messages, exit 2', async () => {
  let r = await inProcess(['stats', '--db', path.join(tmp, 'nope.sqlite')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no such corpus database/);
  r = await inProcess(['run', path.join(tmp, 'missing-folder'), '--db', path.join(tmp, 'x.sqlite')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no such file or folder/);
  r = await inProcess(['export', '--db', path.join(tmp, 'fixtures.sqlite'), '--table', 'nope']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--table must be one of/);
  r = await inProcess(['run', fixtures, '--workers', 'two']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--workers must be a positive whole number/);
  assert.doesNotMatch(r.err, /\n\s+at /);
});

test('workers compile on their own threads only when no core is spare; the environment overrides', () => {
  assert.deepEqual(workerFlagsFor(2, 2, undefined), WORKER_V8_FLAGS);
  assert.deepEqual(workerFlagsFor(4, 2, undefined), WORKER_V8_FLAGS);
  assert.deepEqual(workerFlagsFor(1, 2, undefined), []);
  assert.deepEqual(workerFlagsFor(2, 8, undefined), []);
  assert.deepEqual(workerFlagsFor(1, 2, '--no-turbo-inlining'), ['--no-turbo-inlining']);
  assert.deepEqual(workerFlagsFor(2, 2, ''), []);
});
