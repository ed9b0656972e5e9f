// Second probing round: British, Indian and Australian wire copy, a foreign-ministry briefing, a
// tech filing story, crime, obituary, interview and sport. Each case is a general pattern, written anew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attribution, Entity, Mention } from '../src/model/types.ts';
import { readDateline } from '../src/nlp/dateline.ts';
import { completeAttributions } from '../src/attribution/complete.ts';
import { mergeAttributions } from '../src/attribution/merge.ts';
import { analyze } from '../src/engine.ts';
import { analysed, entityOfMention as entityOf, resolveSpeakers as speakers, spanOf } from './support.ts';




function modelRecord(text: string, content: string, cue: string, speaker: string): Attribution {
  const c = spanOf(text, content);
  return { id: 'a1', ...c, kind: 'indirect', cue: spanOf(text, cue), speaker: spanOf(text, speaker), channel: null, source: 'model', attribution: 'M1' };
}

test('an Indian wire dateline has no dash: "CITY, Mon DD (PTI) Text"', () => {
  const line = 'KOLKATA, Mar 3 (PTI) Tea growers in the hills will be paid for storm damage, the state minister said.';
  const d = readDateline(line);
  assert.ok(d);
  assert.equal(line.slice(d.length), 'Tea growers in the hills will be paid for storm damage, the state minister said.');
});

test('reported content does not start inside an agency dateline', () => {
  const text = 'KOLKATA, Mar 3 (PTI) Tea growers in the hills will be paid for storm damage within a month, the state agriculture minister said on Tuesday.\n\nThe minister said surveys were complete.';
  const out = analyze(text);
  assert.ok(out.quotes.length > 0);
  for (const q of out.quotes) assert.ok(!/PTI|\)/.test(q.text), q.text);
});

test('the word after a dash-less agency dateline opens the sentence ("(AAP) Farmers" is no name)', () => {
  const text = 'PERTH, Jun 9 (AAP) Farmers across the wheatbelt are counting the cost of a late frost, officials say.';
  const e = entityOf(text, 'Farmers');
  assert.notEqual(e?.type, 'person');
});

test('"the 47-year-old told AAP": the age is the speaker, not the listener', () => {
  const text = 'Dairy farmer Tom Reilly lost most of his herd in the flood.\n\n"We lost everything in one night," the 47-year-old told AAP by phone.';
  const q = analyze(text).quotes.find((x) => x.text.includes('We lost everything'));
  assert.ok(q);
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.text, 'the 47-year-old');
  assert.equal(q.speakerName, 'Tom Reilly');
});

test('a rule quote is kept when a mixed model span runs on into its speaker', () => {
  const text = '"We lost everything in one night," the 47-year-old told AAP.';
  const quote = spanOf(text, '"We lost everything in one night,"');
  const rule: Attribution = { id: 'r', ...quote, kind: 'direct', cue: spanOf(text, 'told'), speaker: spanOf(text, 'the 47-year-old'), channel: null, source: 'rule:direct-after', attribution: 'R1' };
  const wide = spanOf(text, '"We lost everything in one night," the 47-year');
  const model: Attribution = { id: 'm', ...wide, kind: 'mixed', cue: spanOf(text, 'told'), speaker: spanOf(text, 'old'), channel: null, source: 'model', attribution: '1' };
  const [a, ...rest] = mergeAttributions([rule], [model]);
  assert.equal(rest.length, 0);
  assert.equal(a.text, quote.text);
  assert.equal(a.speaker?.text, 'the 47-year-old');
});

test('an opening place phrase is not part of the speaker: "In Ballarat, nurse Kate Byrne said"', () => {
  const text = 'In Ballarat, nurse Kate Byrne said the ward had been full for weeks.';
  const [q] = speakers(text, [['the ward had been full for weeks', 'Ballarat, nurse Kate Byrne', 'said']]);
  assert.equal(q.speakerName, 'Kate Byrne');
});

test('"In a filing with the SEC, the company said": the company is not the commission', () => {
  const text = 'Harlow Foods Inc. reported a quarterly loss on Monday. In a filing with the Securities and Exchange Commission, the company said it would close two plants.';
  const [q] = speakers(text, [['it would close two plants', 'the company', 'said']]);
  assert.equal(q.speakerName, 'Harlow Foods Inc.');
});

test('a request not to be named is not reported speech', () => {
  const text = 'A shop owner who asked not to be named said the street had flooded twice.';
  const out = completeAttributions(text, [modelRecord(text, 'not to be named', 'asked', 'who')]);
  assert.equal(out.length, 0);
});

test('a subject with a relative clause taken for content is read the right way round', () => {
  const text = 'Ms Okoro, who has run the shelter since 2015, insisted the funding cut was unfair.';
  const rec = modelRecord(text, 'Ms Okoro, who has run the shelter since 2015', 'insisted', 'the funding cut');
  const [a] = completeAttributions(text, [rec]);
  assert.equal(a.text, 'the funding cut was unfair');
  assert.equal(text.slice(a.start, a.end), a.text);
  assert.equal(a.speaker?.text, 'Ms Okoro');
});

test('British titles are not part of the name: "Cllr", "Det Sgt", "Det Chief Insp"', () => {
  const text = 'Cllr Dev Sharma said the budget was tight. Det Sgt Paula Reyes said the van was found on Monday. Det Chief Insp Reyes urged calm.';
  assert.equal(entityOf(text, 'Dev Sharma')?.name, 'Dev Sharma');
  assert.equal(entityOf(text, 'Paula Reyes')?.name, 'Paula Reyes');
  assert.equal(entityOf(text, 'Reyes')?.name, 'Paula Reyes');
});

test('a nationality adjective before a title is not part of the name ("Philippine … Adviser X")', () => {
  const text = 'Talks will go on. Philippine National Security Adviser Ramon Ortega told reporters the patrols would continue.';
  assert.equal(entityOf(text, 'Ramon Ortega')?.name, 'Ramon Ortega');
});

test('a forename before "Lane" is a person, not a street', () => {
  const text = 'Their manager Steve Lane was furious with the referee.';
  assert.equal(entityOf(text, 'Steve Lane')?.type, 'person');
});

test('a relation named in apposition after a possessive pronoun speaks: "Her stylist, Luis Ortega, said"', () => {
  const text = 'Margaret Hale died on Monday. She was 91. Her stylist, Luis Ortega, a chef in Boston, said the family was grateful.';
  const [q] = speakers(text, [['the family was grateful', 'Her stylist, Luis Ortega, a chef in Boston', 'said']]);
  assert.equal(q.speakerName, 'Luis Ortega');
});

test('kin nouns are person descriptions: "her granddaughter" is a mention of a woman', () => {
  const text = 'Margaret Hale died on Monday. Her granddaughter said the family was grateful.';
  const m = analysed(text).get('mentions', 'test').find((x: Mention) => x.text.endsWith('granddaughter'));
  assert.ok(m);
  assert.equal(m.type, 'person');
  assert.equal(m.gender, 'female');
});

test('an English word opening a sentence before an adverb or "of" is no name ("So far, …", "Half of …")', () => {
  const text = 'The mayor spoke on Monday. "So far, the answer has been: quite far. Half of the budget is gone," she said.';
  const doc = analysed(text);
  const names = doc.get('mentions', 'test').filter((m: Mention) => m.kind === 'name').map((m: Mention) => m.text);
  assert.ok(!names.includes('So'), names.join(', '));
  assert.ok(!names.includes('Half'), names.join(', '));
});

test('a nickname in quotes inside a name keeps the name whole: "Gary \'Gaz\' Whitmore"', () => {
  const text = "United boss Gary 'Gaz' Whitmore said the decision was right. Whitmore was booked later.";
  const e = entityOf(text, 'Whitmore');
  assert.ok(e);
  assert.equal(e.gender, 'male');
  assert.ok(e.name.startsWith('Gary'), e.name);
});

test('an interview transcript paragraph labelled with a speaker\'s name is that speaker\'s words', () => {
  const text = 'Priya Nair, the port\'s harbour master, disagreed with the plan. Tom Reed, the council leader, did not.\n\nNair: We have seen the figures and they do not add up for the fishing fleet.\n\nReed: I am happy to show her every page of the study.\n\nNote: The interview has been edited for length.';
  const q = analyze(text).quotes.find((x) => x.text.startsWith('We have seen'));
  assert.ok(q);
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker?.text, 'Nair');
  assert.equal(q.speakerName, 'Priya Nair');
  assert.ok(!analyze(text).quotes.some((x) => x.text.startsWith('The interview') && x.speaker?.text === 'Note'));
});

test('a headline or list "Name: …" is no transcript', () => {
  const text = 'Poll round-up\n\nSanders: Win in a walk.\n\nRubio: Finish second.\n\nSanders and Rubio campaigned on Monday.';
  assert.ok(!analyze(text).quotes.some((x) => x.source === 'rule:transcript'));
});

test('a possessor inside a description does not take the possessor\'s name: "the council" after "the council\'s housing department"', () => {
  const text = 'Eastfield District Council met on Monday. The council voted. Rain fell. Roads closed. Shops shut. Buses stopped. Trains ran late. Schools opened. The minister wants to review the council\'s housing department. Later the council said it would cooperate.';
  const doc = analysed(text);
  const ms = doc.get('mentions', 'test');
  const later = ms.filter((m: Mention) => m.text === 'the council').pop();
  assert.ok(later);
  const e = doc.get('entities', 'test').find((x: Entity) => x.id === later.entity);
  assert.equal(e?.name, 'Eastfield District Council');
});

test('a capitalised office after "The", named in apposition, is that person: "The Housing Secretary, Michael Tran, said"', () => {
  const text = 'The Housing Secretary, Michael Tran, said the findings were shocking.';
  const [q] = speakers(text, [['the findings were shocking', 'The Housing Secretary, Michael Tran', 'said']]);
  assert.equal(q.speakerName, 'Michael Tran');
});
