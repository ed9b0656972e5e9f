import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDateline } from '../src/nlp/dateline.ts';

test('datelines are read with their agency and length', () => {
  const d = readDateline('WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill after a long debate.');
  assert.deepEqual(d, { place: 'WASHINGTON', agency: '(AP)', length: 'WASHINGTON (AP) — '.length });
  assert.equal(readDateline('Kyiv, Ukraine — Officials said the power plant was shut down overnight.')?.place, 'Kyiv, Ukraine');
  assert.equal(readDateline('New York (AFP) – Joe Biden hit the campaign trail on Monday with his party.')?.agency, '(AFP)');
});

test('a capitalised phrase before a dash is not a dateline without capitals, agency or comma', () => {
  assert.equal(readDateline('Heavy rain — and more of it — is expected across the region this week.'), null);
  assert.equal(readDateline('WASHINGTON — short'), null, 'a dateline opens a paragraph that goes on');
});

test('a wire dateline with a year dates the story, and is not what the source said', async () => {
  const { metaFromText } = await import('../src/ingest/text-meta.ts');
  const { analyze } = await import('../src/engine.ts');
  const text = 'Mine chief resigns\n\nJOHANNESBURG, March 3, 2025 (AP) — The chief executive of a mining company resigned on Monday after a dam burst, the company said in a statement.';
  const meta = metaFromText(text);
  assert.equal(meta.datePublished?.value, '2025-03-03');
  const q = analyze(text).quotes.find((x) => x.cue?.text === 'said');
  assert.ok(q);
  assert.ok(q.text.startsWith('The chief executive'), q.text);
  assert.ok(!analyze(text).findings.some((f) => f.rule === 'missing-date'));
});

test('a live-blog time stamp is not what a source said; storms are no entities; known bodies keep "for"', async () => {
  const { analyze } = await import('../src/engine.ts');
  const out = analyze('Storm Darragh: live updates\n\n13:50 — Transport for Wales says all trains are cancelled until 18:00.\n\n13:10 — Power cuts have hit 20,000 homes, according to National Grid.');
  assert.deepEqual(out.quotes.map((q) => [q.text, q.speakerName]), [
    ['all trains are cancelled until 18:00', 'Transport for Wales'],
    ['Power cuts have hit 20,000 homes', 'National Grid'],
  ]);
  assert.ok(!out.entities.some((e) => /Darragh/.test(e.name)));
});
