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
