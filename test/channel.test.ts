import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findChannel } from '../src/attribution/channel.ts';

/** Channel text found in a whole clause, or null. */
function channel(clause: string): string | null {
  const c = findChannel(clause, 0, clause.length);
  if (c) assert.equal(clause.slice(c.start, c.end), c.text);
  return c?.text ?? null;
}

const CASES: [string, string | null][] = [
  ['he told Reuters.', 'Reuters'],
  ['As she confessed to Reuters:', 'Reuters'],
  ['he told the AP on Friday.', 'AP'],
  ['Okafor said in an interview with The Washington Post.', 'The Washington Post'],
  ['the ministry said in a statement.', 'a statement'],
  ['she wrote on her LinkedIn profile', 'her LinkedIn profile'],
  ['he wrote in a letter to 40 diplomats.', 'a letter to 40 diplomats'],
  ['the senator told reporters after the vote.', 'reporters'],
  ['he laments in his text.', 'his text'],
  ['she wrote on Twitter.', 'Twitter'],
  ['the minister said in a post on X.', 'X'],
  ['the president said in a televised address.', 'a televised address'],
  ['the general said at a news conference in Kyiv.', 'a news conference'],
  ['wrote the historian in The Atlantic.', 'The Atlantic'],
  ['he told Fox News.', 'Fox News'],
  ['she said on CNN’s “State of the Union” on Sunday.', 'CNN’s “State of the Union”'],
  ['the spokesman said in an emailed statement.', 'an emailed statement'],
  ['the chief executive told analysts on a conference call.', 'a conference call'],
  ['Mark Ellis told a committee hearing in March that', 'a committee hearing'],
  ['she told the news conference that', 'the news conference'],
  ['Petrenko, in a commentary to the agency Interfax-Ukraine, declared', 'Interfax-Ukraine'],
  ['analysts wrote in a note to clients that the cuts were overdue', 'a note to clients'],
  // Not channels: a private listener, a date, a place, a person interviewed.
  ['Smith told his wife.', null],
  ['he said on Monday.', null],
  ['she said in Kyiv.', null],
  ['he told Maria Lopez.', null],
];

for (const [clause, expected] of CASES) {
  test(`channel of ${JSON.stringify(clause)} is ${JSON.stringify(expected)}`, () => {
    assert.equal(channel(clause), expected);
  });
}

test('an interview with a person falls back to the interview itself', () => {
  assert.equal(channel('he said in an interview with John Smith.'), 'an interview');
});

test('offsets are absolute when the window starts inside the text', () => {
  const text = '“We are leaving,” the envoy told Reuters on Monday.';
  const from = text.indexOf(' the envoy');
  const c = findChannel(text, from, text.length);
  assert.ok(c);
  assert.equal(text.slice(c.start, c.end), 'Reuters');
});

test('an empty window has no channel', () => {
  assert.equal(findChannel('told Reuters', 5, 5), null);
});

test('a study published in a journal comes through that journal; a pollster is an organisation', async () => {
  const { analyze } = await import('../src/engine.ts');
  const out = analyze('Walkers are 25% less likely to develop dementia, according to a study published on Wednesday in the journal Nature Medicine. A Gallup poll released last month showed that 61% of Americans walk less than 30 minutes a day.');
  assert.equal(out.quotes.find((q) => q.text.startsWith('Walkers'))?.channel?.text, 'Nature Medicine');
  assert.equal(out.entities.find((e) => e.name === 'Gallup')?.type, 'organisation');
  assert.equal(out.entities.find((e) => e.name === 'Nature Medicine')?.type, 'outlet');
});

test('a sentence-initial medium is the channel: "In a statement, X said: …", "On Twitter, X wrote that …"', async () => {
  const { analyze } = await import('../src/engine.ts');
  const out = analyze('The charity closed last year.\n\nIn a statement, the chair said: "We are relieved."\n\nOn Twitter, the mayor wrote that the roads were closed. In an interview with CNN, the governor said that schools would reopen.');
  assert.deepEqual(out.quotes.map((q) => [q.text, q.channel?.text ?? null]), [
    ['"We are relieved."', 'a statement'],
    ['that the roads were closed', 'Twitter'],
    ['that schools would reopen', 'CNN'],
  ]);
});

test('translated news: "declared to the newspaper Le Progrès" names the outlet, "she affirmed" is a cue', async () => {
  const { analyze } = await import('../src/engine.ts');
  const out = analyze('The mayor of Lyon, Jean-Luc Moreau, resigned on Thursday. « I have always acted in the interest of the city », he declared to the newspaper Le Progrès.\n\nThe prosecutor, Claire Dubois, opened an inquiry. „We will go to the end of this affair“, she affirmed.');
  const q1 = out.quotes.find((q) => q.text.includes('interest of the city'));
  assert.equal(q1?.channel?.text, 'Le Progrès');
  const q2 = out.quotes.find((q) => q.text.includes('end of this affair'));
  assert.equal(q2?.cue?.text, 'affirmed');
  assert.equal(q2?.speakerName, 'Claire Dubois');
});

test('a fronted participle names the channel: "Speaking to the BBC’s Today programme, Ms Morgan said …"', async () => {
  const { analyze } = await import('../src/engine.ts');
  const out = analyze('The minister spoke on Thursday.\n\nSpeaking to the BBC\'s Today programme on Thursday, Ms Morgan said the plan would go ahead.\n\nWriting in The Atlantic, Smith argued that the policy had failed.');
  assert.deepEqual(out.quotes.map((q) => [q.text, q.channel?.text ?? null]), [
    ['the plan would go ahead', 'BBC\'s Today programme'],
    ['that the policy had failed', 'The Atlantic'],
  ]);
});
