import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'trustlens.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-cli-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');

test('analyze --format json prints the versioned document whose offsets index the input', () => {
  const text = 'The mayor spoke.\r\n\r\n"We will rebuild," said Jane Doe.\n';
  const r = run(['analyze', file('a.txt', text), '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.equal(out.schemaVersion, '1.1.0');
  assert.equal(out.text, text, 'text kept exactly, CRLF included');
  for (const s of out.sentences) assert.ok(s.end <= text.length && s.start < s.end);
  for (const k of ['entities', 'quotes', 'figures', 'findings']) assert.ok(Array.isArray(out[k]), k);
});

test('analyze reads standard input with -', () => {
  const r = run(['analyze', '-', '--format', 'json'], 'Officials said the bridge was safe.');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).text, 'Officials said the bridge was safe.');
});

test('the text format is a readable summary', () => {
  const r = run(['analyze', file('t.txt', 'A short article about a harbour.')]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^trustlens analysis of .*t\.txt: 6 words/);
  assert.match(r.out, /Quotes: \d+/);
});

test('an empty file is a clear error, exit 2', () => {
  const r = run(['analyze', file('empty.txt', '')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /empty\.txt is empty/);
  noStack(r.err);
});

test('binary bytes are refused as binary, exit 2', () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const r = run(['analyze', file('img.txt', bytes)]);
  assert.equal(r.code, 2);
  assert.match(r.err, /binary data|not valid UTF-8/);
  noStack(r.err);
});

test('invalid UTF-8 names the byte offset, exit 2', () => {
  const r = run(['analyze', file('latin1.txt', Buffer.from('Caf\xe9 society said hello.', 'latin1'))]);
  assert.equal(r.code, 2);
  assert.match(r.err, /not valid UTF-8 \(first invalid byte at offset 3\)/);
});

test('a missing file and a directory are clear errors', () => {
  assert.match(run(['analyze', path.join(tmp, 'nope.txt')]).err, /nope\.txt: no such file/);
  const d = run(['analyze', tmp]);
  assert.equal(d.code, 2);
  assert.match(d.err, /is a directory/);
});

test('bad usage exits 2 with a hint', () => {
  const r = run(['analyze', '--format', 'xml', 'x.txt']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be one of text, json, markdown, sarif, html/);
  assert.equal(run(['analyze', '--bogus']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['--help']).code, 0);
  assert.match(run(['--help']).out, /--input-jsonl/);
});

test('10,000 unmatched quote marks end in a result, not a hang', () => {
  const text = 'He said "no. '.repeat(5_000) + '“ '.repeat(5_000);
  const r = run(['analyze', file('quotes.txt', text), '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).text.length, text.length);
});

test('a 5 MB text is analysed', () => {
  const para = 'The council said on Tuesday that 1,200 jobs would go. "It is a sad day," said Mayor Jane Doe.\n\n';
  const text = para.repeat(Math.ceil((5 * 1024 * 1024) / para.length));
  const r = run(['analyze', file('big.txt', text), '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).paragraphs.length, Math.ceil((5 * 1024 * 1024) / para.length));
});

test('--input-jsonl streams one line per article, reports a bad line and goes on', () => {
  const lines = [
    JSON.stringify({ id: 'a1', text: 'The mayor said the port would close.' }),
    '{not json',
    JSON.stringify({ id: 'a3', text: 42 }),
    '',
    JSON.stringify({ id: 'a4', text: '' }),
    JSON.stringify({ id: 7, text: 'Police said two people were hurt.' }),
  ];
  const r = run(['analyze', '--input-jsonl', file('in.jsonl', lines.join('\n') + '\n')]);
  assert.equal(r.code, 2, 'some lines failed');
  const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ['a1', null, 'a3', 'a4', 7]);
  assert.equal(out[0].text, 'The mayor said the port would close.');
  assert.equal(out[1].line, 2);
  assert.match(out[1].error, /not valid JSON/);
  assert.match(out[2].error, /"text" must be a string/);
  assert.deepEqual(out[3].quotes, [], 'an empty text is a valid empty result');
  assert.equal(out[4].schemaVersion, '1.1.0');
  assert.match(r.err, /line 2: not valid JSON/);
  assert.match(r.err, /2 of 5 lines could not be read/);
  noStack(r.err);
});
