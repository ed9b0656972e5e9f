import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Attribution, Quote } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { mentionsStage } from '../src/nlp/mentions.ts';
import { entitiesStage } from '../src/nlp/entities.ts';
import { speakersStage } from '../src/attribution/speakers.ts';
import { analyze } from '../src/engine.ts';

/** Attributions as the attribution stage gives them: quote text and the speaker as written (the nth occurrence after the quote). */
function attr(text: string, id: number, quote: string, speaker: string | null, after = true): Attribution {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  let sp = null;
  if (speaker) {
    const at = after ? text.indexOf(speaker, start + quote.length) : text.lastIndexOf(speaker, start);
    assert.ok(at >= 0, speaker);
    sp = { start: at, end: at + speaker.length, text: speaker };
  }
  return { id: `q${id}`, start, end: start + quote.length, text: quote, kind: 'direct', cue: null, speaker: sp, channel: null, source: 'test', attribution: `a${id}` };
}

function resolve(text: string, attributions: Attribution[]): Quote[] {
  const doc = new Doc(text);
  for (const st of [tokensStage, mentionsStage, entitiesStage]) {
    for (const [k, v] of Object.entries(st.run(doc))) doc.set(k as 'tokens', v as never);
  }
  doc.set('attributions', attributions);
  return speakersStage.run(doc).quotes;
}

test('pronoun speakers in a run of quotes resolve to the named speaker, who keeps the pronoun as written', () => {
  const text = '“We will rebuild,” said Carlos Mendes, the mayor of the town. “It will take years,” he said. “But we start today,” he added.';
  const qs = resolve(text, [attr(text, 1, '“We will rebuild,”', 'Carlos Mendes'), attr(text, 2, '“It will take years,”', 'he'), attr(text, 3, '“But we start today,”', 'he')]);
  assert.deepEqual(qs.map((q) => q.speakerName), ['Carlos Mendes', 'Carlos Mendes', 'Carlos Mendes']);
  assert.equal(qs[1].speaker?.text, 'he');
  assert.equal(qs[1].speakerEntity, qs[0].speakerEntity);
});

test('the previous quote\'s speaker beats a more recent person who is not speaking', () => {
  const text = '“The deal is dead,” Mendes told reporters after meeting Governor Paul Ricci on Tuesday. “Nobody wants it,” he said.';
  const qs = resolve(text, [attr(text, 1, '“The deal is dead,”', 'Mendes'), attr(text, 2, '“Nobody wants it,”', 'he')]);
  assert.equal(qs[1].speakerName, 'Mendes');
});

test('a slipped "she" for a male speaker resolves to him when no woman is in view', () => {
  const text = 'Oren Vasquez quit the embassy in May. He said he had warned his superiors. “They told me to stay quiet,” she said. He now lives in Lisbon.';
  const qs = resolve(text, [attr(text, 1, '“They told me to stay quiet,”', 'she')]);
  assert.equal(qs[0].speakerName, 'Oren Vasquez');
  assert.equal(qs[0].speaker?.text, 'she');
});

test('gender agreement picks between two people in view', () => {
  const text = 'Maria Duarte met Tom Becker in the capital. Becker spoke first. “We disagree,” she said.';
  const qs = resolve(text, [attr(text, 1, '“We disagree,”', 'she')]);
  assert.equal(qs[0].speakerName, 'Maria Duarte');
});

test('a surname speaker gets the full canonical name; a title is dropped', () => {
  const text = 'Prosecutor General Irma Kovac filed charges. “The evidence is clear,” Kovac said.';
  const qs = resolve(text, [attr(text, 1, '“The evidence is clear,”', 'Kovac')]);
  assert.equal(qs[0].speakerName, 'Irma Kovac');
});

test('unnamed sources are named by their description', () => {
  const text = '“The talks have stalled,” officials said on Friday.';
  const qs = resolve(text, [attr(text, 1, '“The talks have stalled,”', 'officials')]);
  assert.equal(qs[0].speakerName, 'officials');
  assert.ok(qs[0].speakerEntity);
});

test('"the company" as speaker resolves to the company', () => {
  const text = 'Veltrix Inc. cut 200 jobs this week. “Demand has fallen,” the company said.';
  const qs = resolve(text, [attr(text, 1, '“Demand has fallen,”', 'the company')]);
  assert.match(qs[0].speakerName ?? '', /^Veltrix Inc/);
});

test('a null speaker stays null when another person is named in the quote\'s sentence', () => {
  const text = 'Oren Vasquez spoke first. Then Tom Becker stood up: “No.”';
  const qs = resolve(text, [attr(text, 1, '“No.”', null)]);
  assert.equal(qs[0].speakerName, null);
  assert.equal(qs[0].speakerEntity, null);
});

test('the head of a speaker phrase is its last name before any apposition, not a possessor or employer', () => {
  const text = 'The plan was leaked on Monday. “It was never final,” Harlan aide Pita Okoro told reporters. “We will fight it,” said Marta Lindqvist, a lawyer for Harlan.';
  const qs = resolve(text, [attr(text, 1, '“It was never final,”', 'Harlan aide Pita Okoro'), attr(text, 2, '“We will fight it,”', 'Marta Lindqvist, a lawyer for Harlan')]);
  assert.equal(qs[0].speakerName, 'Pita Okoro');
  assert.equal(qs[1].speakerName, 'Marta Lindqvist');
});

test('a relative pronoun speaker is the name it follows', () => {
  const text = 'The idea came from Oren Vasquez, who said it would save money.';
  const qs = resolve(text, [{ ...attr(text, 1, 'it would save money', 'who', false), kind: 'indirect' }]);
  assert.equal(qs[0].speakerName, 'Oren Vasquez');
});

test('a speaker span with no mention in it is not given a name', () => {
  const text = 'In February, prices rose. “It hurts,” February said.';
  const qs = resolve(text, [attr(text, 1, '“It hurts,”', 'February')]);
  assert.equal(qs[0].speakerName, null);
});

test('a speakerless quote continuing the paragraph\'s subject is given that subject', () => {
  const text = 'Oren Vasquez does not expect others to follow him. “I am afraid I am the only one.”';
  const qs = resolve(text, [attr(text, 1, '“I am afraid I am the only one.”', null)]);
  assert.equal(qs[0].speakerName, 'Oren Vasquez');
  assert.equal(qs[0].speaker, null, 'the speaker as written stays null');
});

test('"Unite, which represents the drivers, said …": the relative pronoun speaks for the name before it', () => {
  const q = analyze('Bin crews walked out on Monday. Unite, which represents the drivers, said its members had been offered a 2% rise.').quotes
    .find((x) => x.text.startsWith('its members'));
  assert.equal(q?.speakerName, 'Unite');
});

test('a speaking "she" gives a person with no other gender evidence her gender, with the evidence span', () => {
  const text = 'Environment Minister Thandi Nkosi said 1,200 people had been displaced. She said help was coming.\n\n' +
    '"We lost everything - our cattle, our house, our fields," said Nomsa Dlamini, a farmer in Mapela village.\n\n' +
    '"The water came at night. We had no warning, and by morning the school was gone," she said.';
  const out = analyze(text);
  const e = out.entities.find((x) => x.name === 'Nomsa Dlamini');
  assert.equal(e?.gender, 'female');
  assert.deepEqual(e?.genderEvidence.map((g) => g.text), ['she']);
});

test('"The US said" resolves to the US, not to the pronoun "us"; a ministry of another country is another ministry', () => {
  const out = analyze('Two hostages were freed on Tuesday.\n\nThe US welcomed the exchange but said the hostages had suffered. Russia\'s foreign ministry said it viewed the move as dangerous. The French foreign ministry said it regretted the decision.');
  assert.equal(out.quotes.find((q) => q.speaker?.text === 'The US')?.speakerName, 'US');
  assert.equal(out.quotes.find((q) => q.text.startsWith('it regretted'))?.speakerName, 'The French foreign ministry');
});

test('"the Italian said" refers back to the person just named; a stadium is a place', () => {
  const out = analyze('United boss Paolo Rinaldi was less impressed after the defeat at Fenwick Park on Saturday. "We gave them two goals," the Italian said.');
  assert.equal(out.quotes.find((q) => q.speaker?.text === 'the Italian')?.speakerName, 'Paolo Rinaldi');
  assert.equal(out.entities.find((e) => e.name === 'Fenwick Park')?.type, 'place');
});

test('corporate news: a long channel phrase keeps the closing frame, a legal suffix joins the short name, an unnamed source keeps its body', () => {
  const out = analyze('Acme Robotics Inc. will cut about 600 jobs, the company said in a filing with the Securities and Exchange Commission on Tuesday. Acme Robotics employs 7,500 people.\n\nA spokeswoman for Acme declined to comment on which sites would be affected. Shares of Acme rose.');
  const cut = out.quotes.find((q) => q.text.includes('600 jobs'));
  assert.equal(cut?.text, 'Acme Robotics Inc. will cut about 600 jobs');
  assert.equal(cut?.speakerName, 'Acme Robotics Inc.');
  assert.equal(out.entities.filter((e) => e.name.startsWith('Acme')).length, 1, JSON.stringify(out.entities.map((e) => e.name)));
  assert.equal(out.quotes.find((q) => q.speaker?.text === 'A spokeswoman for Acme')?.speakerName, 'A spokeswoman for Acme');
});
