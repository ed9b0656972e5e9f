import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'trustlens.js');
const fixture = (name: string): string => path.join(root, 'test', 'fixtures', 'pages', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-ingest-cli-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('analyze page.html --format json: the body is the text, with meta and trust', () => {
  const r = run(['analyze', fixture('trust-full.html'), '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.match(out.text, /^PORTMERE, Cornwall —/);
  assert.equal(out.meta.headline.value, 'Harbour dredging plan splits Portmere council');
  assert.equal(out.trust.indicators.length, 8);
});

test('HTML is recognised by its content whatever the file name, also on standard input', () => {
  const file = path.join(tmp, 'saved-page');
  fs.copyFileSync(fixture('trust-partial.html'), file);
  const r = run(['analyze', file, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  assert.match(JSON.parse(r.out).text, /^LINDFORD —/);
  const s = run(['analyze', '-', '--format', 'json'], fs.readFileSync(fixture('microdata.html')));
  assert.equal(s.code, 0, s.err);
  assert.equal(JSON.parse(s.out).meta.headline.value, 'River festival draws record crowds');
});

test('plain text still goes through as text', () => {
  const r = run(['analyze', '-', '--format', 'json'], 'The mayor said <b> is not a tag here.');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).text, 'The mayor said <b> is not a tag here.');
});

test('--input-jsonl takes {"id","html","url"} lines beside {"id","text"} lines', () => {
  const html = fs.readFileSync(fixture('trust-partial.html'), 'utf8');
  const input = [
    JSON.stringify({ id: 'p1', html, url: 'https://bus.example/route-12' }),
    JSON.stringify({ id: 't1', text: 'Officials said the bridge was safe.' }),
    JSON.stringify({ id: 'bad', html: 42 }),
  ].join('\n');
  const r = run(['analyze', '--input-jsonl', '-'], input);
  assert.equal(r.code, 2, 'one bad line');
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].id, 'p1');
  assert.match(lines[0].text, /^LINDFORD/);
  assert.equal(lines[0].meta.url.value, 'https://bus.example/route-12');
  assert.equal(lines[1].text, 'Officials said the bridge was safe.');
  assert.match(lines[2].error, /"html" must be a string/);
});

test('--url refuses a loopback address with a clear error and exit 2', () => {
  const r = run(['analyze', '--url', 'http://127.0.0.1:9/']);
  assert.equal(r.code, 2);
  assert.match(r.err, /refusing to fetch 127\.0\.0\.1:9: it resolves to 127\.0\.0\.1/);
  assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  const both = run(['analyze', 'x.html', '--url', 'https://example.com/']);
  assert.equal(both.code, 2);
});

test('a page of binary data is refused with exit 2 and a clear message', () => {
  const file = path.join(tmp, 'pic.html');
  fs.writeFileSync(file, Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(100, 0)]));
  const r = run(['analyze', file]);
  assert.equal(r.code, 2);
  assert.match(r.err, /binary data/);
});
