import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/checks/rules/index.ts';
import { analyzeDoc } from '../src/engine.ts';
import { WINK_LEXICON_SIZE } from '../src/checks/helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = path.join(root, 'docs', 'rules');

// Ids and default severities are fixed by the checks issue.
const EXPECTED: Record<string, string> = {
  'age-conflict': 'warning', 'figure-conflict': 'warning', 'missing-byline': 'warning', 'missing-date': 'warning',
  'name-variant': 'warning', 'non-english-text': 'warning', 'pronoun-gender-mismatch': 'warning', 'proper-noun-case': 'warning',
  'secondary-sourcing': 'info', 'single-source': 'info', 'source-diversity': 'info', 'trust-claim-unbacked': 'warning',
  'unattributed-quote': 'warning', 'unnamed-source': 'info', 'weekday-date-conflict': 'warning',
};

test('the registry holds every rule once, in id order, with complete metadata', () => {
  const ids = [...RULES.keys()];
  assert.deepEqual(ids, [...ids].sort(), 'sorted by id');
  assert.deepEqual(Object.fromEntries([...RULES].map(([id, r]) => [id, r.meta.severity])), EXPECTED);
  for (const [id, rule] of RULES) {
    assert.equal(rule.meta.id, id);
    assert.ok(rule.meta.description.length > 10 && !rule.meta.description.includes('\n'), `${id}: one-line description`);
    assert.ok(['consistency', 'sourcing', 'transparency', 'input'].includes(rule.meta.category), `${id}: category`);
    assert.equal(rule.meta.docs, `docs/rules/${id}.md`);
  }
});

function example(page: string, heading: string, id: string): string {
  const m = new RegExp(`## ${heading}\\n\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(page);
  assert.ok(m, `${id}: "## ${heading}" with a text block`);
  return m[1];
}

test('every registered rule has a doc page and every doc page belongs to a rule', () => {
  const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  assert.deepEqual(pages, [...RULES.keys()]);
});

for (const id of RULES.keys()) {
  test(`docs/rules/${id}.md: the failing example triggers the rule and the passing one does not`, () => {
    const page = fs.readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
    assert.match(page, new RegExp(`^# ${id}\\n`));
    const fired = (text: string) => analyzeDoc(text).get('findings').filter((f) => f.rule === id);
    const bad = fired(example(page, 'Failing example', id));
    assert.ok(bad.length > 0, `${id}: failing example gives no finding`);
    assert.deepEqual(fired(example(page, 'Passing example', id)), [], `${id}: passing example gives a finding`);
  });
}

test('the lexicon-size constant matches the installed wink model', async () => {
  const model = (await import('wink-eng-lite-web-model')).default as unknown as { core(): { features: { lexeme: { intrinsicSize: number } } } };
  assert.equal(model.core().features.lexeme.intrinsicSize, WINK_LEXICON_SIZE);
});
