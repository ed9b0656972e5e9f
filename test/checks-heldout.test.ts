import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/engine.ts';

// Articles written for this test (test/fixtures/checks-heldout/): dNN files carry planted defects in
// surface forms the rule pages do not use; tNN files are traps (near-misses) that must stay silent.
// Each <name>.json lists the expected warnings by rule and a text the finding must overlap ("" for a
// document-level finding). An expectation marked knownMiss documents a defect the checks do not
// catch yet (the reason says why); it is not required, and not counted as a false positive either.

interface Expected {
  rule: string;
  text: string;
  knownMiss?: string;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'checks-heldout');
const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();

function run(name: string) {
  const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
  const expected = (JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { expected: Expected[] }).expected;
  const warnings = analyze(text).findings.filter((f) => f.severity !== 'info');
  const used = new Set<number>();
  const missed: string[] = [];
  for (const e of expected) {
    const start = e.text === '' ? 0 : text.indexOf(e.text);
    assert.ok(start >= 0, `${name}: expected text ${JSON.stringify(e.text)} is not in the article`);
    const end = start + e.text.length;
    const k = warnings.findIndex((w, i) => !used.has(i) && w.rule === e.rule &&
      (e.text === '' ? w.start === 0 && w.end === 0 : w.start < end && w.end > start));
    if (k >= 0) used.add(k);
    else if (!e.knownMiss) missed.push(`${e.rule} ${JSON.stringify(e.text)}`);
  }
  const extra = warnings.filter((_, i) => !used.has(i)).map((w) => `${w.rule} ${JSON.stringify(text.slice(w.start, w.end))}: ${w.message}`);
  return { missed, extra };
}

test('held-out articles: the fixture set has defects and traps', () => {
  assert.ok(names.filter((n) => n.startsWith('d')).length >= 12);
  assert.ok(names.filter((n) => n.startsWith('t')).length >= 6);
});

for (const name of names) {
  test(`held-out ${name}: ${name.startsWith('t') ? 'no warning on the traps' : 'every planted defect is flagged, and nothing else'}`, () => {
    const { missed, extra } = run(name);
    assert.deepEqual(missed, [], 'planted defects not flagged');
    assert.deepEqual(extra, [], 'warnings nothing was planted for');
  });
}
