import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/engine.ts';

const QA = [
  'Reservoirs at a record low',
  '',
  'Maria Lopez, the city\'s water commissioner, spoke to the Herald on Tuesday about the shortage. Lopez has held the post since 2019.',
  '',
  'Q: How bad is the shortage?',
  '',
  'A: We have about three weeks of reserves left. That is not a crisis yet, but it could become one.',
  '',
  'Q: What are you asking residents to do?',
  '',
  'A: Cut outdoor watering by half.',
  '',
  'If people do that, we get through the summer without rationing.',
  '',
  'Q: Will prices rise?',
  '',
  'A: Not this year. The council has frozen rates until January.',
].join('\n');

test('Q/A interview: answers are the interviewee\'s words, questions the interviewer\'s', () => {
  const out = analyze(QA);
  const answers = out.quotes.filter((q) => q.speaker?.text === 'A');
  assert.deepEqual(answers.map((q) => q.text), [
    'We have about three weeks of reserves left. That is not a crisis yet, but it could become one.',
    'Cut outdoor watering by half.',
    'If people do that, we get through the summer without rationing.',
    'Not this year. The council has frozen rates until January.',
  ]);
  for (const q of answers) {
    assert.equal(q.speakerName, 'Maria Lopez');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, ':');
  }
  // the unlabelled paragraph continues the answer before it: one attribution, two fragments
  assert.equal(answers[1].attribution, answers[2].attribution);
  const questions = out.quotes.filter((q) => q.speaker?.text === 'Q');
  assert.equal(questions.length, 3);
  assert.ok(questions.every((q) => q.speakerName === null && q.speakerEntity === null));
  // nothing else claims the transcript's words
  assert.equal(out.quotes.length, answers.length + questions.length);
});

test('named transcript: each turn is its label\'s, resolved to the person the article names', () => {
  const text = [
    'Senator defends farm bill on radio',
    '',
    'Senator Ruth Okafor defended the farm bill on Sunday in an interview with the host Dan Whitley.',
    '',
    'WHITLEY: Critics say the bill favours large farms. Are they wrong?',
    '',
    'OKAFOR: They are wrong. I wrote the subsidy cap myself, and it hits the biggest farms first.',
    '',
    '(BREAK)',
    '',
    'We kept the cap at a level that small growers never reach.',
    '',
    'WHITLEY: Will the House pass it?',
    '',
    'OKAFOR: I expect a vote before Thanksgiving.',
  ].join('\n');
  const out = analyze(text);
  const turns = out.quotes.filter((q) => q.source === 'rule:transcript');
  assert.deepEqual(turns.map((q) => [q.speaker?.text, q.speakerName]), [
    ['WHITLEY', 'Dan Whitley'], ['OKAFOR', 'Ruth Okafor'], ['OKAFOR', 'Ruth Okafor'], ['WHITLEY', 'Dan Whitley'], ['OKAFOR', 'Ruth Okafor'],
  ]);
  assert.equal(turns[2].text, 'We kept the cap at a level that small growers never reach.');
  assert.ok(!out.quotes.some((q) => q.text.includes('BREAK')), 'a stage direction is nobody\'s words');
});

test('labelled paragraphs that are not a transcript give no turns', () => {
  const text = [
    'What each candidate needs tonight',
    '',
    'Five candidates face voters in the state on Tuesday.',
    '',
    'Sanders: A win by double digits would keep his campaign alive.',
    '',
    'Clinton: Keeping the margin close would count as a success for her team.',
    '',
    'Iowa: Turnout in the rural counties decided the caucuses there.',
    '',
    'Update: Polls close at 8 p.m.',
  ].join('\n');
  const out = analyze(text);
  assert.ok(!out.quotes.some((q) => q.source.startsWith('rule:interview') || q.source === 'rule:transcript'),
    JSON.stringify(out.quotes.map((q) => [q.source, q.text])));
});

test('a headline lead-in takes the whole role phrase as its speaker', () => {
  const out = analyze('Water chief: "We have three weeks left"\n\nThe city is running short of water.');
  assert.equal(out.quotes[0].speaker?.text, 'Water chief');
});

test('an explainer\'s FAQ is the writer\'s, not an interviewee\'s', () => {
  const text = [
    'Tariffs, explained',
    '',
    'President Dana Whitfield announced new tariffs on Monday. Here is what they mean for shoppers.',
    '',
    'Q: What is a tariff?',
    '',
    'A: A tax on imported goods, paid by the importer.',
    '',
    'Q: Will prices rise?',
    '',
    'A: Economists expect some prices to rise within months.',
  ].join('\n');
  const out = analyze(text);
  assert.ok(!out.quotes.some((q) => q.source.startsWith('rule:interview')), JSON.stringify(out.quotes.map((q) => [q.source, q.speakerName])));
});
