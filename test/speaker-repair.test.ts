import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOf } from './support.ts';
import { Doc } from '../src/model/doc.ts';
import type { Attribution, Quote } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { mentionsStage } from '../src/nlp/mentions.ts';
import { entitiesStage } from '../src/nlp/entities.ts';
import { speakersStage } from '../src/attribution/speakers.ts';

// The tagger sometimes reads a place in a prepositional phrase or a time expression next to the cue
// as the source; the speakers stage gives such attributions the clause's subject instead.


function run(text: string, content: string, cue: string, speaker: string): Quote {
  const c = spanOf(text, content);
  const a: Attribution = {
    id: 'q1', start: c.start, end: c.end, text: content, kind: 'indirect', cue: spanOf(text, cue), speaker: spanOf(text, speaker),
    channel: null, source: 'model', attribution: 'a1',
  };
  const doc = new Doc(text);
  for (const st of [tokensStage, mentionsStage, entitiesStage]) {
    for (const [k, v] of Object.entries(st.run(doc))) doc.set(k as 'tokens', v as never);
  }
  doc.set('attributions', [a]);
  return speakersStage.run(doc).quotes[0];
}

test('a place inside a prepositional phrase is not the speaker: the subject is', () => {
  const text = 'Marta Okafor, a trade envoy stationed at the embassy in Lisbon, announced on Monday that she would resign.';
  const q = run(text, 'that she would resign', 'announced', 'Lisbon');
  assert.equal(q.speaker?.text, 'Marta Okafor');
  assert.equal(q.speakerName, 'Marta Okafor');
});

test('a time expression is not the speaker: the subject is', () => {
  const text = 'Local officials spent January and February saying that the bridge was safe.';
  const q = run(text, 'that the bridge was safe', 'saying', 'January and February');
  assert.match(q.speaker?.text ?? '', /officials$/);
});

test('a possible speaker is left alone, even a place that acts ("Portugal denied")', () => {
  const text = 'Portugal denied that the talks had failed.';
  const q = run(text, 'that the talks had failed', 'denied', 'Portugal');
  assert.equal(q.speaker?.text, 'Portugal');
});

test('a speaker span is tidied: no trailing comma, and a relative clause is its pronoun, resolved past a prepositional phrase', () => {
  const text = 'Officials at the ministry, who spoke on condition of anonymity, said the minister knew.';
  const q = run(text, 'the minister knew', 'said', 'who spoke on condition of anonymity,');
  assert.equal(q.speaker?.text, 'who');
  assert.match(q.speakerName ?? '', /^Officials/);
  const text2 = 'Her neighbour, Tomasz, said the house was lost.';
  const q2 = run(text2, 'the house was lost', 'said', 'Her neighbour, Tomasz,');
  assert.equal(q2.speaker?.text, 'Her neighbour, Tomasz');
});

test('reported speech whose cue has no source takes the clause\'s subject, past a relative clause', () => {
  const text = 'Residents in Calder Bridge, which has flooded three times in a decade, said they felt abandoned.';
  const c = spanOf(text, 'they felt abandoned');
  const a: Attribution = { id: 'q1', start: c.start, end: c.end, text: c.text, kind: 'indirect', cue: spanOf(text, 'said'), speaker: null, channel: null, source: 'model', attribution: 'a1' };
  const doc = new Doc(text);
  for (const st of [tokensStage, mentionsStage, entitiesStage]) {
    for (const [k, v] of Object.entries(st.run(doc))) doc.set(k as 'tokens', v as never);
  }
  doc.set('attributions', [a]);
  assert.equal(speakersStage.run(doc).quotes[0].speaker?.text, 'Residents');
});

test('a source from the sentence before gives way to a subject in the cue\'s own sentence', () => {
  const text = 'These promises came quickly. Some of the candidates have said they oppose the plan.';
  const c = spanOf(text, 'they oppose the plan');
  const a: Attribution = { id: 'q1', start: c.start, end: c.end, text: c.text, kind: 'indirect', cue: spanOf(text, 'have said'), speaker: spanOf(text, 'These promises'), channel: null, source: 'model', attribution: 'a1' };
  const doc = new Doc(text);
  for (const st of [tokensStage, mentionsStage, entitiesStage]) {
    for (const [k, v] of Object.entries(st.run(doc))) doc.set(k as 'tokens', v as never);
  }
  doc.set('attributions', [a]);
  assert.match(speakersStage.run(doc).quotes[0].speaker?.text ?? '', /candidates/);
});

test('reported speech with no source takes the subject after a dateline, not the dateline', () => {
  const text = 'NEW YORK (AFP) – Vice President Joe Biden on Monday hit the campaign trail for the first time and accused rivals of endangering troops.';
  const c = spanOf(text, 'rivals of endangering troops');
  const a: Attribution = {
    id: 'q1', start: c.start, end: c.end, text: c.text, kind: 'indirect', cue: spanOf(text, 'accused'), speaker: null,
    channel: null, source: 'model', attribution: 'a1',
  };
  const doc = new Doc(text);
  for (const st of [tokensStage, mentionsStage, entitiesStage]) {
    for (const [k, v] of Object.entries(st.run(doc))) doc.set(k as 'tokens', v as never);
  }
  doc.set('attributions', [a]);
  const q = speakersStage.run(doc).quotes[0];
  assert.match(q.speakerName ?? '', /Joe Biden$/);
});

test('a sentence adverb before a name leaves the speaker span', () => {
  const text = 'Now Sembler has agreed to serve as vice chairman of the fund.';
  const q = run(text, 'to serve as vice chairman of the fund', 'has agreed', 'Now Sembler');
  assert.equal(q.speaker?.text, 'Sembler');
});
