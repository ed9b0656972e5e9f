import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOf } from './support.ts';
import type { Attribution } from '../src/model/types.ts';
import { completeAttributions } from '../src/attribution/complete.ts';
import { analyze } from '../src/engine.ts';


function indirect(text: string, content: string, cue: string, speaker: string): Attribution {
  const c = spanOf(text, content);
  return { id: 'a1', start: c.start, end: c.end, text: content, kind: 'indirect', cue: spanOf(text, cue), speaker: spanOf(text, speaker), channel: null, source: 'model', attribution: 'M1' };
}

test('an outlet the cue governs moves out of the content into the channel', () => {
  const text = 'The mayor said in an interview with La Stampa that the dam had held.';
  const [a] = completeAttributions(text, [indirect(text, 'La Stampa that the dam had held', 'said', 'The mayor')]);
  assert.equal(a.text, 'that the dam had held');
  assert.equal(text.slice(a.start, a.end), a.text);
  assert.equal(a.channel?.text, 'La Stampa');
});

test('a possessive medium before "that" is the channel, not content', () => {
  const text = 'Her adviser wrote on her Facebook page that the figures were wrong.';
  const [a] = completeAttributions(text, [indirect(text, 'her Facebook page that the figures were wrong', 'wrote', 'Her adviser')]);
  assert.equal(a.text, 'that the figures were wrong');
  assert.equal(a.channel?.text, 'her Facebook page');
});

test('a capitalised word before "that" that is no outlet stays in the content', () => {
  const text = 'She said Brussels that week had agreed.';
  const [a] = completeAttributions(text, [indirect(text, 'Brussels that week had agreed', 'said', 'She')]);
  assert.equal(a.text, 'Brussels that week had agreed');
});

test('reported speech gets the channel of its own clause, before or after the content', () => {
  const text = 'A source told the Associated Press that two men were missing. The plan failed, the firm said in a statement on Monday.';
  const [a, b] = completeAttributions(text, [
    indirect(text, 'that two men were missing', 'told', 'A source'),
    indirect(text, 'The plan failed', 'said', 'the firm'),
  ]);
  assert.equal(a.channel?.text, 'Associated Press');
  assert.equal(b.channel?.text, 'a statement');
});

test('end to end: an indirect quote told to an outlet carries it as the channel', () => {
  const out = analyze('A person familiar with the talks told Reuters that the deal was close.');
  const q = out.quotes.find((x) => x.text.includes('the deal was close'));
  assert.equal(q?.channel?.text, 'Reuters');
});

test('a nickname in quote marks after "known as" is not speech; "called “…”" still is', () => {
  const text = 'The mayor, known locally as "the Baron", denied the charges. Critics called the deal "a disgrace".';
  const nick = indirect(text, '"the Baron"', 'known locally as', 'The mayor');
  const called = indirect(text, '"a disgrace"', 'called', 'Critics');
  const out = completeAttributions(text, [nick, called]);
  assert.deepEqual(out.map((a) => a.text), ['"a disgrace"']);
});

test('words in the speaker’s relative clause are no attribution of their own', () => {
  const text = '“It’s a disgrace,” added parent Lucy Grant, whose two children attend a primary school in Swindon.';
  assert.deepEqual(completeAttributions(text, [indirect(text, 'attend a primary school in Swindon', 'added', 'parent Lucy Grant')]), []);
  // a content after the speaker with no relative clause between stays
  const t2 = 'Also on Monday, said Lucy Grant, the school closed its gates.';
  assert.equal(completeAttributions(t2, [indirect(t2, 'the school closed its gates', 'said', 'Lucy Grant')]).length, 1);
});
