import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyze } from '../src/engine.ts';
import { analyzeHtml } from '../src/ingest/index.ts';
import { findClaims } from '../src/trust/claims.ts';
import type { AnalysisOutput, IndicatorStatus } from '../src/model/types.ts';

const page = (name: string): Buffer => fs.readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url));
const status = (out: AnalysisOutput): Record<string, IndicatorStatus> => Object.fromEntries(out.trust!.indicators.map((i) => [i.id, i.status]));
const ind = (out: AnalysisOutput, id: string) => out.trust!.indicators.find((i) => i.id === id)!;

const IDS = ['best-practices', 'author-expertise', 'type-of-work', 'citations-and-references', 'methods', 'locally-sourced', 'diverse-voices', 'actionable-feedback'];

test('a page with every indicator in markup and on the page: all eight met, with evidence paths', () => {
  const out = analyzeHtml(page('trust-full.html'), { url: 'https://gazette.example/news/2024/03/harbour-dredging' });
  assert.deepEqual(out.trust!.indicators.map((i) => i.id), IDS);
  for (const i of out.trust!.indicators) {
    assert.equal(i.status, 'met', `${i.id}: ${JSON.stringify(i.evidence)}`);
    assert.ok(i.evidence.length > 0, `${i.id} has evidence`);
    assert.deepEqual(i.missing, []);
  }
  const bp = ind(out, 'best-practices');
  assert.ok(bp.evidence.some((e) => e.kind === 'json-ld' && e.path === 'jsonld[0].@graph[0].correctionsPolicy' && e.url === 'https://gazette.example/about/corrections'));
  assert.ok(bp.evidence.some((e) => e.kind === 'link' && e.url === 'https://gazette.example/corrections'), 'visible corrections link');
  assert.ok(ind(out, 'methods').evidence.some((e) => e.path?.endsWith('.backstory')));
  assert.ok(ind(out, 'citations-and-references').evidence.some((e) => e.kind === 'link' && e.url === 'https://agency.example/reports/harbour-silt'));
  const dv = ind(out, 'diverse-voices');
  assert.match(dv.evidence[0].description, /distinct quoted sources; genders: (male, female|female, male)/);
  for (const e of dv.evidence.filter((x) => x.start !== undefined)) assert.ok(e.end! <= out.text.length);
});

test('a page with some indicators: partial where only part of the evidence is there', () => {
  const out = analyzeHtml(page('trust-partial.html'));
  assert.deepEqual(status(out), {
    'best-practices': 'partial',
    'author-expertise': 'partial',
    'type-of-work': 'partial',
    'citations-and-references': 'partial',
    methods: 'absent',
    'locally-sourced': 'partial',
    // three quoted sources: Gary Moss, Priya Shah and the county council ("…, said it had not been consulted")
    'diverse-voices': 'met',
    'actionable-feedback': 'partial',
  });
  const bp = ind(out, 'best-practices');
  assert.ok(bp.missing.some((m) => /corrections policy/.test(m)));
  const loc = ind(out, 'locally-sourced');
  assert.equal(out.text.slice(loc.evidence[0].start, loc.evidence[0].end), 'LINDFORD —', 'the dateline span from the text');
});

test('a page with none: absent, and each says what is missing', () => {
  const out = analyzeHtml(page('trust-absent.html'));
  for (const i of out.trust!.indicators) {
    assert.equal(i.status, 'absent', i.id);
    assert.ok(i.missing.length > 0, `${i.id} names what is missing`);
  }
  assert.deepEqual(out.trust!.claims, []);
});

test('visible labels count for type of work; JSON-LD subtypes too', () => {
  assert.equal(ind(analyzeHtml(page('microdata.html')), 'type-of-work').status, 'met');
  const t = ind(analyzeHtml(page('jsonld-malformed.html')), 'type-of-work');
  assert.equal(t.status, 'met');
  assert.equal(t.evidence[0].path, 'jsonld[0].@graph[1].@type');
});

test('plain text: markup-only indicators are not determinable; the text still gives evidence', () => {
  const out = analyze('By Ana Lima\n\nLISBON, Portugal — "We are ready," said Rui Costa on Monday. "It will take time," said Maria Pires, a nurse. "No comment," said Paulo Reis.');
  const s = status(out);
  assert.equal(s['best-practices'], 'not-determinable');
  assert.equal(s['actionable-feedback'], 'not-determinable');
  assert.equal(s['author-expertise'], 'partial', 'a byline but no details');
  assert.equal(s['locally-sourced'], 'partial', 'a dateline in the text');
  assert.notEqual(s['diverse-voices'], 'not-determinable');
});

test('conformance claims are found with their spans; other mentions of trust are not', () => {
  const text = 'This site conforms to The Trust Project criteria. We are a Trust Project member.\nVoters said they trust the project manager.';
  const claims = findClaims(text);
  assert.deepEqual(claims.map((c) => c.text), ['conforms to The Trust Project criteria', 'a Trust Project member']);
  for (const c of claims) assert.equal(text.slice(c.start, c.end), c.text);
  assert.deepEqual(findClaims('Nothing to see here.'), []);
});
