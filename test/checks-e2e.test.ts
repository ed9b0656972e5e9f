import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/engine.ts';

// End to end, through every stage: articles written for these tests (not the shared seed).
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

test('an article with no defect and many traps gets no warning', () => {
  // Traps: mother and son share a surname, different ages; several quantities (loaves, people,
  // pounds) including a deliberate change "rose to … from"; a correct weekday; byline and date.
  const out = analyze(read('checks-clean-article.txt'));
  const warnings = out.findings.filter((f) => f.severity !== 'info');
  assert.deepEqual(warnings.map((f) => `${f.rule}: ${f.message}`), []);
});

test('a second trap article (siblings and a wife sharing a surname, changes "from … to", "he or she", bill/Bill, May/may, Turkey) gets no warning', () => {
  const out = analyze(read('checks-traps-article.txt'));
  const warnings = out.findings.filter((f) => f.severity !== 'info');
  assert.deepEqual(warnings.map((f) => `${f.rule}: ${f.message}`), []);
  assert.ok(!out.findings.some((f) => f.rule === 'unnamed-source'), 'a spokeswoman who is named is not an unnamed source');
});

test('every planted defect is flagged on its span, and nothing else is', () => {
  const text = read('checks-planted-article.txt');
  const out = analyze(text);
  const got = out.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${JSON.stringify(text.slice(f.start, f.end))}`);
  assert.deepEqual(got.sort(), [
    'age-conflict "Kim, 39"',
    'figure-conflict "430 homes"',
    'missing-byline ""',
    'missing-date ""',
    'name-variant "Kowalcyzk"',
    'pronoun-gender-mismatch "he"',
    'proper-noun-case "berlin"',
    'weekday-date-conflict "Sunday, May 5, 2025"',
  ]);
  const fig = out.findings.find((f) => f.rule === 'figure-conflict')!;
  assert.equal(text.slice(fig.related![0].start, fig.related![0].end), '340 homes', 'related: the other figure');
});

test('planted defects in other forms: a restated event, "who is 36", a weekday dated by the date line', () => {
  const text = read('checks-planted-article-2.txt');
  const got = analyze(text).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${JSON.stringify(text.slice(f.start, f.end))}`);
  assert.deepEqual(got, [
    'pronoun-gender-mismatch "She"',
    'figure-conflict "55 homes"',
    'age-conflict "Smith, who is 36"',
    'weekday-date-conflict "Friday, June 12"',
    'proper-noun-case "paris"',
    'proper-noun-case "kenya"',
  ]);
});

test('findings come sorted by position', () => {
  const out = analyze(read('checks-planted-article.txt'));
  const starts = out.findings.map((f) => f.start);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});
