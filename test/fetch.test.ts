import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { analyzeUrl, fetchPage, FetchError, isBlockedAddress } from '../src/ingest/index.ts';

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body><article>'
  + '<p>The bridge reopened on Monday after repairs that took most of the summer and cost more than planned, officials said.</p>'
  + '<p>"We are glad it is over," said Jane Doe, who runs a café at the north end of the bridge and lost customers during the works.</p>'
  + '<p>Traffic was back to normal by the evening, the council said, though the footpath on the east side will stay closed for a week.</p>'
  + '</article></body></html>';

const server = http.createServer((req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  switch (u.pathname) {
    case '/page': res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(PAGE); return;
    case '/gzip': res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.end(zlib.gzipSync(PAGE)); return;
    case '/latin1': res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }); res.end(Buffer.from(PAGE.replace('<meta charset="utf-8">', ''), 'latin1')); return;
    case '/redirect': res.writeHead(302, { location: '/page' }); res.end(); return;
    case '/to-private': res.writeHead(301, { location: 'http://10.1.2.3/page' }); res.end(); return;
    case '/loop': res.writeHead(302, { location: '/loop' }); res.end(); return;
    case '/big': res.writeHead(200, { 'content-type': 'text/html' }); res.end(Buffer.alloc(2 * 1024 * 1024, 0x61)); return;
    case '/bomb': res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.end(zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20))); return;
    case '/image': res.writeHead(200, { 'content-type': 'image/png' }); res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47])); return;
    case '/404': res.writeHead(404, { 'content-type': 'text/html' }); res.end('nope'); return;
    case '/slow': res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html>'); return; // never ends
    default: res.writeHead(500); res.end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (): number => (server.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port()}`;
after(() => { server.closeAllConnections(); server.close(); });

// Tests of a successful fetch need the local server; only 127.0.0.1 is let through, nothing else.
const onlyLocal = { allowAddress: (a: string) => a === '127.0.0.1' };

test('loopback, private and link-local addresses are refused', async () => {
  await assert.rejects(fetchPage(`${base}/page`), (e: Error) => e instanceof FetchError && /127\.0\.0\.1.*private, loopback or reserved/.test(e.message));
  for (const u of ['http://10.0.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[fe80::1]/', 'http://0.0.0.0/', 'http://[::ffff:127.0.0.1]/', 'http://100.64.0.1/']) {
    await assert.rejects(fetchPage(u, { timeoutMs: 2000 }), FetchError, u);
  }
});

test('a host name is refused when DNS resolves it to loopback', async () => {
  await assert.rejects(fetchPage(`http://localhost:${port()}/page`, { timeoutMs: 2000 }), /resolves to (127\.0\.0\.1|::1)/);
});

test('address policy: public addresses pass, special ones do not', () => {
  for (const a of ['8.8.8.8', '93.184.216.34', '2606:4700::1111']) assert.equal(isBlockedAddress(a), false, a);
  for (const a of ['127.0.0.1', '10.9.9.9', '172.16.0.1', '192.168.0.1', '169.254.1.1', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:7f00:1', '224.0.0.1', 'not-an-ip']) assert.equal(isBlockedAddress(a), true, a);
});

test('only http(s) URLs are fetched', async () => {
  await assert.rejects(fetchPage('file:///etc/passwd'), /file: URLs are not fetched/);
  await assert.rejects(fetchPage('ftp://example.com/'), /ftp: URLs are not fetched/);
  await assert.rejects(fetchPage('not a url'), /not a valid URL/);
});

test('a page is fetched and analysed (with the test-only override for the local server)', async () => {
  const got = await fetchPage(`${base}/page`, onlyLocal);
  assert.equal(got.status, 200);
  assert.match(got.contentType ?? '', /text\/html/);
  const out = await analyzeUrl(`${base}/page`, onlyLocal);
  assert.match(out.text, /^The bridge reopened on Monday/);
  assert.equal(out.meta?.url?.value, `${base}/page`);
});

test('gzip bodies are decompressed; the HTTP charset is used', async () => {
  assert.ok(Buffer.from((await fetchPage(`${base}/gzip`, onlyLocal)).bytes).toString('utf8').includes('The bridge reopened'));
  const out = await analyzeUrl(`${base}/latin1`, onlyLocal);
  assert.match(out.text, /café/);
});

test('redirects are followed and every hop is checked again', async () => {
  const got = await fetchPage(`${base}/redirect`, onlyLocal);
  assert.equal(got.url, `${base}/page`);
  assert.deepEqual(got.redirects, [`${base}/redirect`]);
  await assert.rejects(fetchPage(`${base}/to-private`, onlyLocal), /10\.1\.2\.3/);
  await assert.rejects(fetchPage(`${base}/loop`, onlyLocal), /more than 5 redirects/);
});

test('size caps hold on the wire and after decompression', async () => {
  await assert.rejects(fetchPage(`${base}/big`, { ...onlyLocal, maxBytes: 1024 * 1024 }), /limit/);
  await assert.rejects(fetchPage(`${base}/bomb`, { ...onlyLocal, maxBytes: 1024 * 1024 }), /larger than the limit/);
});

test('non-HTML content, HTTP errors and a stalled server end in clear errors', async () => {
  await assert.rejects(fetchPage(`${base}/image`, onlyLocal), /image\/png, not an HTML page/);
  await assert.rejects(fetchPage(`${base}/404`, onlyLocal), /HTTP 404/);
  const t0 = Date.now();
  await assert.rejects(fetchPage(`${base}/slow`, { ...onlyLocal, timeoutMs: 300 }), /timed out/);
  assert.ok(Date.now() - t0 < 5000);
});
