import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyzeHtml, ingestHtml } from '../src/ingest/index.ts';
import { InputError } from '../src/ingest/text-input.ts';
import type { AnalysisOutput } from '../src/model/types.ts';

const page = (name: string): Buffer => fs.readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url));

/** Every start/end in the output indexes `text`, and a sibling `text` field is the exact slice. */
function assertSpansInText(out: AnalysisOutput): void {
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number') {
        assert.ok(o.start >= 0 && o.start <= o.end && o.end <= out.text.length, `${path} in range`);
        if (typeof o.text === 'string') assert.equal(out.text.slice(o.start, o.end), o.text, `${path}.text`);
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'text') walk(x, `${path}.${k}`);
    }
  };
  walk(out, '$');
}

test('the body is extracted with its paragraphs, and page furniture is left out', () => {
  const { text, page: info } = ingestHtml(page('furniture.html'));
  const paras = text.split('\n\n');
  assert.equal(paras.length, 5, 'five body paragraphs, separated by blank lines');
  assert.match(paras[0], /^A new electric ferry entered service/);
  assert.match(paras[4], /second electric vessel/);
  for (const junk of ['Photo: Port Authority', 'Image copyright', 'Sign up for our free daily newsletter', 'Related stories', 'Bridge toll to rise',
    'You may also like', 'Harbour wall repairs', 'By Nadia Brook', 'Tweet', 'All rights reserved', 'Sport']) {
    assert.ok(!text.includes(junk), `"${junk}" left out`);
  }
  assert.ok(info.dropped.some((d) => d.rule === 'credit'), 'dropped blocks are kept with their rule');
});

test('analyzeHtml: every span of the output points into the extracted text; meta and trust are present', () => {
  const out = analyzeHtml(page('trust-full.html'), { url: 'https://gazette.example/news/2024/03/harbour-dredging' });
  assert.ok(out.text.startsWith('PORTMERE, Cornwall —'));
  assert.ok(out.quotes.length >= 3, 'quotes found in the body');
  assert.ok(out.meta && out.trust);
  assertSpansInText(out);
  assertSpansInText(JSON.parse(JSON.stringify(out)));
});

test('malformed markup (unclosed tags, stray end tags, bad entities, scripts in the body) still gives the text', () => {
  const out = analyzeHtml(page('malformed-markup.html'));
  assert.match(out.text, /The storm brought down power lines/);
  assert.match(out.text, /said Maria Lopez/);
  assert.match(out.text, /within a month$/);
  assert.ok(!out.text.includes('not text'), 'script content is not text');
  assert.ok(!out.text.includes('&amp;'), 'entities decoded');
  assertSpansInText(out);
});

test('a page with no body gives an empty text, its metadata and a note, not an error', () => {
  const { text, page: info } = ingestHtml(page('no-body.html'));
  assert.equal(text, '');
  assert.ok(info.notes.some((n) => /no article body/.test(n)));
  const out = analyzeHtml(page('no-body.html'));
  assert.equal(out.text, '');
  assert.equal(out.meta?.headline?.value, 'Nothing here');
  assert.equal(out.trust?.indicators.length, 8);
});

test('binary data served as HTML is refused with a clear error', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(2000, 7)]);
  assert.throws(() => ingestHtml(png, { what: 'image.html' }), (e: Error) => e instanceof InputError && /binary data/.test(e.message));
  assert.throws(() => ingestHtml('<html>\u0000\u0001</html>'), InputError);
});

test('a 20 MB page ends in a result, in bounded time', () => {
  const para = '<p>The council said on Tuesday that the new bridge would open next spring, after two years of delays and rising costs.</p>\n';
  const html = `<!doctype html><html><head><title>Big</title></head><body><article>${para.repeat(Math.ceil((20 * 1024 * 1024) / para.length))}</article></body></html>`;
  const t0 = Date.now();
  const { text, page: info } = ingestHtml(html);
  assert.ok(Date.now() - t0 < 60_000, 'bounded time');
  assert.ok(text.length > 1000 && text.length <= 400_000, 'body capped');
  assert.ok(info.notes.some((n) => /only the first|cut to/.test(n)), 'the cut is noted');
});

test('a page over the byte limit is refused with a clear error', () => {
  const big = new Uint8Array(33 * 1024 * 1024).fill(0x20);
  assert.throws(() => ingestHtml(big, { what: 'huge.html' }), /huge\.html is \d+ bytes; the limit is/);
});

test('The Trust Project claim in the text is recorded with its span', () => {
  const out = analyzeHtml(page('trust-full.html'));
  assert.equal(out.trust!.claims.length, 1);
  const c = out.trust!.claims[0];
  assert.equal(out.text.slice(c.start, c.end), c.text);
  assert.match(c.text, /member of The Trust Project/);
});

test('HTML outputs, meta and trust included, validate against the output schema', async () => {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const schema = JSON.parse(fs.readFileSync(new URL('../schema/analysis.schema.json', import.meta.url), 'utf8'));
  const validate = ajv.compile(schema);
  for (const name of ['trust-full.html', 'trust-partial.html', 'trust-absent.html', 'jsonld-malformed.html', 'microdata.html', 'furniture.html', 'no-body.html', 'malformed-markup.html']) {
    const out = JSON.parse(JSON.stringify(analyzeHtml(page(name), { url: 'https://news.example/a' }))) as AnalysisOutput;
    assert.ok(out.meta && out.trust, `${name}: meta and trust present`);
    assert.ok(validate(out), `${name}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('deeply nested or tag-soup pages end in a result quickly (Readability is quadratic in depth)', () => {
  const cases = [
    `<html><head><title>Deep</title></head><body>${'<div>'.repeat(30_000)}<p>The text at the bottom of it all.</p></body></html>`,
    `<body>${'<p>x</p>\n<svg '.repeat(30_000)}</body>`,
    `<body>${'>\n<svg'.repeat(200_000)}`,
    `<body><p>hi</p>${'>\n<script>'.repeat(100_000)}`,
    '<'.repeat(100_000),
  ];
  for (const html of cases) {
    const t0 = Date.now();
    const { page: info } = ingestHtml(html);
    assert.ok(Date.now() - t0 < 10_000, 'bounded time');
    assert.ok(Array.isArray(info.notes));
  }
  const deep = ingestHtml(cases[0]);
  assert.match(deep.text, /The text at the bottom of it all\./);
  assert.ok(deep.page.notes.some((n) => /nest more than/.test(n)));
  assert.equal(deep.page.meta.headline?.value, 'Deep', 'the head is still read');
});

test('inputs with no element at all do not crash', () => {
  for (const x of ['', 'just text', '<', '<!-- c -->', '<html></html>', '<?xml version="1.0"?><rss></rss>']) {
    assert.doesNotThrow(() => analyzeHtml(x), JSON.stringify(x));
  }
});
