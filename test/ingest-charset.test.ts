import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHtml } from '../src/ingest/charset.ts';
import { ingestHtml } from '../src/ingest/index.ts';
import { InputError } from '../src/ingest/text-input.ts';

const body = 'Le café près de la gare a rouvert — «enfin», disent les habitués.';
const doc = (head: string): string => `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

test('UTF-8 with a BOM', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc(''), 'utf8')]);
  const d = decodeHtml(bytes);
  assert.equal(d.source, 'bom');
  assert.ok(d.html.includes(body));
  assert.ok(!d.html.startsWith('\ufeff'));
});

test('UTF-16LE with a BOM', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc(''), 'utf16le')]);
  const d = decodeHtml(bytes);
  assert.equal(d.charset, 'utf-16le');
  assert.ok(d.html.includes(body));
});

test('<meta charset> windows-1252 is honoured', () => {
  const bytes = Buffer.from(doc('<meta charset="windows-1252">').replace('—', '-').replace('«', '"').replace('»', '"'), 'latin1');
  const d = decodeHtml(bytes);
  assert.equal(d.source, 'meta');
  assert.ok(d.html.includes('café près'));
});

test('the HTTP header charset wins over <meta>', () => {
  const bytes = Buffer.from(doc('<meta charset="utf-8">').replace('—', '-').replace('«', '"').replace('»', '"'), 'latin1');
  const d = decodeHtml(bytes, { contentType: 'text/html; charset=ISO-8859-1' });
  assert.equal(d.source, 'http');
  assert.ok(d.html.includes('café près'));
});

test('a wrong declared charset is repaired and noted: latin-1 declared, UTF-8 bytes', () => {
  const bytes = Buffer.from(doc('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), 'utf8');
  const d = decodeHtml(bytes);
  assert.equal(d.charset, 'utf-8');
  assert.ok(d.html.includes(body), 'no mojibake');
  assert.ok(d.notes.some((n) => /valid UTF-8/.test(n)));
});

test('a wrong declared charset is repaired and noted: UTF-8 declared, latin-1 bytes', () => {
  const bytes = Buffer.from(doc('<meta charset="utf-8">').replace('—', '-').replace('«', '"').replace('»', '"'), 'latin1');
  const d = decodeHtml(bytes);
  assert.equal(d.charset, 'windows-1252');
  assert.ok(d.html.includes('café près'));
  assert.ok(d.notes.length === 1);
});

test('an unknown charset label falls back to sniffing, with a note', () => {
  const d = decodeHtml(Buffer.from(doc('<meta charset="x-klingon">'), 'utf8'));
  assert.equal(d.charset, 'utf-8');
  assert.ok(d.notes.some((n) => /unknown declared charset/.test(n)));
});

test('no declaration: UTF-8 when valid, else windows-1252', () => {
  assert.equal(decodeHtml(Buffer.from(doc(''), 'utf8')).charset, 'utf-8');
  assert.equal(decodeHtml(Buffer.from(doc('').replace('—', '-').replace('«', '"').replace('»', '"'), 'latin1')).charset, 'windows-1252');
});

test('a Shift_JIS page is decoded', () => {
  const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="shift_jis"></head><body><p>'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('</p></body></html>')]);
  assert.ok(decodeHtml(bytes).html.includes('日本'));
});

test('binary bytes are refused before decoding', () => {
  assert.throws(() => decodeHtml(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1, 2, 3])), InputError);
});

test('ingestHtml records the charset it used on the page', () => {
  const { page } = ingestHtml(Buffer.from(doc('<meta charset="iso-8859-1">'), 'utf8'));
  assert.equal(page.charset, 'utf-8');
  assert.equal(page.charsetSource, 'sniffed');
});
