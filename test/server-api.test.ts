import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createApp } from '../src/server/app.ts';
import { AnalysisPool } from '../src/server/pool.ts';
import { startServer, type RunningServer } from '../src/server/serve.ts';
import { isPrivateAddress } from '../src/server/url-guard.ts';

// The API through hono's in-process fetch (no sockets), plus one real server on a loopback port
// for what only a socket shows: the body cap on a 30 MB upload and staying up afterwards.

const ARTICLE = [
  'Council shuts the ferry',
  '',
  '"We had no other choice," Mayor Ruth Ellis told Reuters on Monday.',
  '',
  'Ferry workers were angry. "This is a betrayal," said Omar Hale, a union organiser.',
].join('\n');

let pool: AnalysisPool;
let app: ReturnType<typeof createApp>;

before(async () => {
  pool = new AnalysisPool({ size: 1, timeoutMs: 20_000 });
  app = createApp({ pool, maxBodyBytes: 256 * 1024, resolveUrls: false });
  await pool.ready();
});
after(async () => { await pool.close(); });

const post = (body: string, query = '', headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  app.request(`/api/analyze${query}`, { method: 'POST', body, headers });

async function expectError(res: Response, status: number, code: string, field?: string) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const j = (await res.json()) as { error: string; message: string; field?: string };
  assert.equal(j.error, code, j.message);
  assert.ok(j.message.length > 10);
  if (field) assert.equal(j.field, field);
  return j;
}

test('POST /api/analyze {text} returns the analysis JSON with its quotes', async () => {
  const res = await post(JSON.stringify({ text: ARTICLE }));
  assert.equal(res.status, 200);
  const out = (await res.json()) as { text: string; quotes: { text: string }[]; schemaVersion: string };
  assert.equal(out.text, ARTICLE);
  assert.equal(out.schemaVersion, '1.1.0');
  assert.ok(out.quotes.some((q) => q.text.includes('We had no other choice')));
  assert.ok(out.quotes.some((q) => q.text.includes('This is a betrayal')));
});

test('POST /api/analyze {html} extracts the article and reads the page metadata', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Ferry | Example News</title>
<meta property="og:title" content="Council shuts the ferry">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council shuts the ferry","datePublished":"2025-03-14T09:00:00Z","author":{"@type":"Person","name":"Jo Park"}}</script>
</head><body><nav>Home | World</nav><article><h1>Council shuts the ferry</h1>
${ARTICLE.split('\n').filter(Boolean).map((p) => `<p>${p}</p>`).join('\n')}
<p>The ferry has run since 1952 and carried two million passengers a year at its peak, officials said.</p></article></body></html>`;
  const res = await post(JSON.stringify({ html, baseUrl: 'https://news.example.org/ferry' }));
  assert.equal(res.status, 200, await res.clone().text());
  const out = (await res.json()) as { text: string; quotes: { text: string }[]; meta?: { headline?: { value: string } }; trust?: { indicators: unknown[] } };
  assert.doesNotMatch(out.text, /Home \| World/, 'navigation is not article text');
  assert.ok(out.quotes.some((q) => q.text.includes('This is a betrayal')));
  assert.equal(out.meta?.headline?.value, 'Council shuts the ferry');
  assert.ok(out.trust && out.trust.indicators.length > 0);
});

test('?format= returns the other report formats', async () => {
  const sarif = await post(JSON.stringify({ text: ARTICLE, label: 'ferry.txt' }), '?format=sarif');
  assert.equal(sarif.status, 200);
  assert.match(sarif.headers.get('content-type')!, /sarif\+json/);
  const s = (await sarif.json()) as any;
  assert.equal(s.runs[0].artifacts[0].location.uri, 'ferry.txt');
  const html = await post(JSON.stringify({ text: ARTICLE }), '?format=html');
  assert.match(await html.text(), /^<!doctype html>/);
  await expectError(await post(JSON.stringify({ text: ARTICLE }), '?format=pdf'), 400, 'invalid-format', 'format');
});

test('bad requests get 4xx JSON errors that name the problem', async () => {
  assert.match((await expectError(await post('{"text": '), 400, 'invalid-json')).message, /not valid JSON/);
  await expectError(await post(''), 400, 'empty-body');
  await expectError(await post('[1,2]'), 400, 'invalid-body');
  assert.match((await expectError(await post('{"text": 42}'), 400, 'invalid-field', 'text')).message, /"text" must be a string, got number/);
  await expectError(await post('{"text": "a", "colour": "red"}'), 400, 'unknown-field', 'colour');
  await expectError(await post('{}'), 400, 'missing-field');
  await expectError(await post('{"text": "a", "url": "https://x.org/"}'), 400, 'conflicting-fields');
  await expectError(await post('{"text": "   \\n "}'), 422, 'empty-input', 'text');
  await expectError(await post(JSON.stringify({ text: '\u0000\u0001binary'.repeat(10) })), 422, 'unreadable-input');
  await expectError(await post(JSON.stringify({ text: 'x'.repeat(300 * 1024) })), 413, 'payload-too-large');
  await expectError(await app.request('/api/analyze'), 405, 'method-not-allowed');
  await expectError(await app.request('/api/nope'), 404, 'not-found');
});

test('URLs: only public http(s) hosts; private, loopback and reserved ones are refused', async () => {
  const url = (u: string) => post(JSON.stringify({ url: u }));
  await expectError(await url('http://127.0.0.1:8787/api/health'), 403, 'private-address', 'url');
  await expectError(await url('http://10.1.2.3/'), 403, 'private-address');
  await expectError(await url('http://[::1]/'), 403, 'private-address');
  await expectError(await url('http://[::ffff:192.168.0.1]/'), 403, 'private-address');
  await expectError(await url('http://169.254.169.254/latest/meta-data/'), 403, 'private-address');
  await expectError(await url('http://localhost/'), 403, 'private-address');
  await expectError(await url('file:///etc/passwd'), 400, 'invalid-url');
  await expectError(await url('not a url'), 400, 'invalid-url');
  await expectError(await url('https://news.invalid/story'), 422, 'unreachable-url');
  for (const ip of ['8.8.8.8', '2606:4700::1111']) assert.equal(isPrivateAddress(ip), false, ip);
  for (const ip of ['0.0.0.0', '172.20.1.1', '100.64.0.1', 'fd00::1', 'fe80::1']) assert.equal(isPrivateAddress(ip), true, ip);
});

test('GET /api/health, /api/rules', async () => {
  const h = (await (await app.request('/api/health')).json()) as any;
  assert.equal(h.status, 'ok');
  assert.equal(h.workers.workers, 1);
  const r = (await (await app.request('/api/rules')).json()) as { rules: { id: string; description: string }[] };
  assert.ok(r.rules.length > 0);
  for (const rule of r.rules) assert.ok(rule.id && rule.description);
});

test('GET /api/openapi.json is OpenAPI 3.1 whose Analysis schema validates real responses', async () => {
  const doc = (await (await app.request('/api/openapi.json')).json()) as any;
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/analyze'].post.responses['413']);
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema(doc, 'openapi');
  const validate = ajv.getSchema('openapi#/components/schemas/Analysis')!;
  const out = await (await post(JSON.stringify({ text: ARTICLE }))).json();
  assert.ok(validate(out), JSON.stringify(validate.errors));
  assert.equal(validate({ ...(out as object), quotes: 'none' }), false, 'the schema is really checked');
  const req = ajv.getSchema('openapi#/components/schemas/AnalyzeRequest')!;
  assert.ok(req({ text: 'x' }));
  assert.equal(req({ text: 'x', url: 'https://a.b/' }), false);
});

test('a slow analysis is stopped at the time limit and the pool recovers', async () => {
  const slow = new AnalysisPool({ size: 1, timeoutMs: 1000 });
  const slowApp = createApp({ pool: slow, maxBodyBytes: 32 * 1024 * 1024 });
  try {
    await slow.ready();
    const big = (ARTICLE + '\n').repeat(10_000); // ~2 MB, 450,000 words: many seconds of work
    const t0 = Date.now();
    const res = await slowApp.request('/api/analyze', { method: 'POST', body: JSON.stringify({ text: big }) });
    await expectError(res, 503, 'timeout');
    assert.ok(Date.now() - t0 < 4500, `answered at the limit, not after the work (${Date.now() - t0} ms)`);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.equal(slow.stats().restarts, 1);
    const ok = await slowApp.request('/api/analyze', { method: 'POST', body: JSON.stringify({ text: 'Short one. "Fine," he said.' }) });
    assert.equal(ok.status, 200, 'the replacement worker serves the next request');
  } finally {
    await slow.close();
  }
});

function rawPost(port: number, path: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': size } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    // The server may answer and close before the whole upload is sent; that is the point.
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

test('a real server on loopback: 30 MB body gets 413 and the server keeps answering', async () => {
  let server: RunningServer | null = null;
  try {
    server = await startServer({ port: 0, workers: 1 });
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'binds to loopback by default');
    const r = await rawPost(server.port, '/api/analyze', 30 * 1024 * 1024);
    assert.equal(r.status, 413);
    assert.equal(JSON.parse(r.body).error, 'payload-too-large');
    const h = await fetch(`${server.url}/api/health`);
    assert.equal(h.status, 200);
    const page = await fetch(`${server.url}/`);
    assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.match(await page.text(), /<form id="input-form"/);
    const js = await fetch(`${server.url}/app.js`);
    assert.equal(js.status, 200);
    assert.ok((await js.text()).length > 1000, 'the web app is bundled');
  } finally {
    await server?.close();
  }
});

test('workers that cannot start make the pool fail fast instead of respawning forever', async () => {
  const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-pool-')), 'bad-worker.js');
  fs.writeFileSync(bad, "throw new Error('broken install');\n");
  const p = new AnalysisPool({ size: 1, workerUrl: pathToFileURL(bad) });
  try {
    await assert.rejects(p.ready(), /fail to start/);
    await assert.rejects(p.run({ kind: 'text', text: 'x' }, 'json', 'x'), (e: { status: number }) => e.status === 500);
  } finally {
    await p.close();
  }
});

test('trustlens serve: bad options exit 2 with a message; --help prints usage', async () => {
  const { spawnSync } = await import('node:child_process');
  const bin = new URL('../bin/trustlens.js', import.meta.url).pathname;
  const bad = spawnSync(process.execPath, [bin, 'serve', '--port', '99999'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--port must be an integer from 0 to 65535/);
  const help = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--host H .*default 127\.0\.0\.1/s);
});
