import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attribution, TextSpan } from '../src/model/types.ts';
import { mergeAttributions } from '../src/attribution/merge.ts';

const span = (start: number, end: number, text: string): TextSpan => ({ start, end, text });

function rec(p: Partial<Attribution> & { start: number; end: number }): Attribution {
  return {
    id: 'x', text: 't', kind: 'direct', cue: null, speaker: null, channel: null, source: 'rule:test', attribution: 'R1',
    ...p,
  };
}

test('a rule quote wins over an overlapping model span', () => {
  const rule = rec({ start: 10, end: 40, cue: span(42, 46, 'said'), speaker: span(47, 52, 'Smith') });
  const model = rec({ start: 12, end: 38, kind: 'indirect', source: 'model', attribution: '3', cue: span(42, 46, 'said'), speaker: span(47, 52, 'Smith') });
  const out = mergeAttributions([rule], [model]);
  assert.equal(out.length, 1);
  assert.equal(out[0].start, 10);
  assert.equal(out[0].end, 40);
  assert.equal(out[0].source, 'rule:test');
});

test('the rule quote takes the model cue and speaker when it has none', () => {
  const rule = rec({ start: 10, end: 40 });
  const model = rec({ start: 10, end: 40, source: 'model', cue: span(0, 5, 'wrote'), speaker: span(6, 9, 'she') });
  const [m] = mergeAttributions([rule], [model]);
  assert.equal(m.cue?.text, 'wrote');
  assert.equal(m.speaker?.text, 'she');
  assert.equal(m.start, 10);
});

test('the rule keeps its own cue and speaker when it has them', () => {
  const rule = rec({ start: 10, end: 40, cue: span(41, 45, 'said'), speaker: span(46, 48, 'he') });
  const model = rec({ start: 10, end: 40, source: 'model', cue: span(0, 5, 'wrote'), speaker: span(6, 9, 'she') });
  const [m] = mergeAttributions([rule], [model]);
  assert.equal(m.cue?.text, 'said');
  assert.equal(m.speaker?.text, 'he');
});

test('model spans that overlap no rule quote are kept, with their own attribution ids', () => {
  const rule = rec({ start: 100, end: 140 });
  const model = rec({ start: 10, end: 60, kind: 'indirect', source: 'model', attribution: 'a7' });
  const out = mergeAttributions([rule], [model]);
  assert.equal(out.length, 2);
  assert.equal(out[0].start, 10);
  assert.equal(out[0].kind, 'indirect');
  assert.notEqual(out[0].attribution, out[1].attribution);
  assert.deepEqual(out.map((a) => a.id), ['a1', 'a2']);
});

test("a model span replaces an overlapping rule span that is itself indirect", () => {
  const rule = rec({ start: 10, end: 50, kind: 'indirect' });
  const model = rec({ start: 12, end: 55, kind: 'indirect', source: 'model' });
  const out = mergeAttributions([rule], [model]);
  assert.equal(out.length, 1);
  assert.equal(out[0].source, 'model');
});

test('inputs are not mutated', () => {
  const rule = rec({ start: 10, end: 40 });
  const model = rec({ start: 10, end: 40, source: 'model', cue: span(0, 5, 'wrote') });
  mergeAttributions([rule], [model]);
  assert.equal(rule.cue, null);
});

test("a model span on a rule quote's cue, speaker or channel is dropped", () => {
  // “…,” Kovalenko said in an interview with The Washington Post.
  const rule = rec({ start: 0, end: 20, cue: span(32, 36, 'said'), speaker: span(21, 31, 'Kovalenko'),
    channel: span(62, 81, 'The Washington Post') });
  const model = rec({ start: 62, end: 81, kind: 'indirect', source: 'model' });
  const elsewhere = rec({ start: 90, end: 120, kind: 'indirect', source: 'model' });
  const out = mergeAttributions([rule], [model, elsewhere]);
  assert.deepEqual(out.map((a) => a.start), [0, 90]);
});

test('a model mixed span that contains a rule direct quote and runs on beyond it replaces it', () => {
  // He said the plan was “a disaster” for workers.
  const rule = rec({ start: 20, end: 32, kind: 'direct', cue: span(3, 7, 'said'), speaker: span(0, 2, 'He') });
  const model = rec({ start: 8, end: 44, kind: "mixed", source: "model", attribution: "1", cue: span(0, 7, "He said"), speaker: null });
  const out = mergeAttributions([rule], [model]);
  assert.equal(out.length, 1);
  assert.deepEqual([out[0].start, out[0].end, out[0].kind], [8, 44, 'mixed']);
  assert.equal(out[0].speaker?.text, 'He', 'the rule speaker fills the model gap');
});

test('a model span that is not mixed does not replace the rule direct quote it contains', () => {
  const rule = rec({ start: 20, end: 32, kind: 'direct' });
  const model = rec({ start: 8, end: 44, kind: 'indirect', source: 'model' });
  const out = mergeAttributions([rule], [model]);
  assert.deepEqual(out.map((a) => [a.start, a.end]), [[20, 32]]);
});

test('a model span replaces the rules’ own mixed quote it overlaps', () => {
  const rule = rec({ start: 5, end: 60, kind: 'mixed', source: 'rule:mixed' });
  const model = rec({ start: 12, end: 60, kind: 'mixed', source: 'model' });
  const later = rec({ start: 70, end: 90, kind: 'indirect', source: 'model' });
  const out = mergeAttributions([rule], [model, later]);
  assert.deepEqual(out.map((a) => [a.start, a.end, a.source]), [[12, 60, 'model'], [70, 90, 'model']]);
});

test('a model mixed span on another cue than the rule quote does not replace it', () => {
  // “A,” the judge exclaimed, “B.” — the model read all of it as one span on "said" elsewhere
  const rule = rec({ start: 0, end: 20, kind: 'direct', cue: span(32, 41, 'exclaimed') });
  const model = rec({ start: 0, end: 60, kind: 'mixed', source: 'model', cue: span(70, 74, 'said') });
  const out = mergeAttributions([rule], [model]);
  assert.deepEqual(out.map((a) => [a.start, a.end]), [[0, 20]]);
});

test('a mixed model span that does not replace the rule quote gives it its clause subject as speaker', () => {
  // "Jones argued the plan was “a disaster,” Smith said": the model read the reported clause and
  // its subject; the rules took the speaker of a cue elsewhere.
  const rule = rec({ start: 30, end: 45, cue: span(52, 56, 'said'), speaker: span(46, 51, 'Smith') });
  const model = rec({ start: 13, end: 45, kind: 'mixed', source: 'model', cue: span(6, 12, 'argued'), speaker: span(0, 5, 'Jones') });
  const [m] = mergeAttributions([rule], [model]);
  assert.equal(m.start, 30, 'the rule span stays');
  assert.equal(m.speaker?.text, 'Jones');
  // the same mention in another form keeps the rules' shorter one
  const model2 = { ...model, speaker: span(46, 60, 'Smith, a judge') };
  const [m2] = mergeAttributions([rule], [model2]);
  assert.equal(m2.speaker?.text, 'Smith');
  // a model span of another kind never overrides the rule speaker
  const model3 = { ...model, kind: 'indirect' as const };
  const [m3] = mergeAttributions([rule], [model3]);
  assert.equal(m3.speaker?.text, 'Smith');
});

test('a few words after a rule quote\'s cue are not a second content of that cue', () => {
  // “We will win,” the senator says directly to the camera.
  const text = '“We will win,” the senator says directly to the camera. He said that he would run.';
  const rule = rec({ start: 0, end: 14, cue: span(27, 31, 'says'), speaker: span(15, 26, 'the senator') });
  const tail = rec({ start: 32, end: 54, text: text.slice(32, 54), kind: 'indirect', source: 'model', attribution: '1', cue: span(27, 31, 'says'), speaker: span(15, 26, 'the senator') });
  const other = rec({ start: 64, end: 81, text: text.slice(64, 81), kind: 'indirect', source: 'model', attribution: '2', cue: span(59, 63, 'said'), speaker: span(56, 58, 'He') });
  const out = mergeAttributions([rule], [tail, other]);
  assert.deepEqual(out.map((a) => a.start), [0, 64]);
  // a reported clause on the same cue stays ("…,” he said, that the vote was rigged" is rare but real)
  const clause = rec({ ...tail, end: 80, text: 'that the vote was rigged by the party' });
  assert.equal(mergeAttributions([rule], [clause]).length, 2);
});

test('a rule mixed quote closing its sentence with the cue wins over a model span hanging on a verb inside it', () => {
  // `Defences protecting homes are “not fit”, a report said.`: the model took "protecting" for the cue
  const rule = rec({ start: 0, end: 40, kind: 'mixed', cue: span(51, 55, 'said'), speaker: span(42, 50, 'a report') });
  const model = rec({ start: 20, end: 40, kind: 'mixed', source: 'model', cue: span(9, 19, 'protecting'), speaker: span(0, 8, 'Defences') });
  const [m] = mergeAttributions([rule], [model]);
  assert.equal(m.start, 0);
  assert.equal(m.cue?.text, 'said');
  // a model span with the rule's own cue still has the better reading
  const model2 = rec({ start: 0, end: 38, kind: 'mixed', source: 'model', cue: span(51, 55, 'said'), speaker: span(42, 50, 'a report') });
  assert.equal(mergeAttributions([rule], [model2])[0].source, 'model');
});
