// Errors found by probing the pipeline with news in styles it had not seen (court, sport, earnings,
// health, wire, local, feature, live blog). Each case is a general pattern, written anew here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attribution, Entity, Mention } from '../src/model/types.ts';
import { findChannel } from '../src/attribution/channel.ts';
import { analysed, entityOfMention as entityOf, resolveSpeakers as speakers, spanOf } from './support.ts';


function entities(text: string): { entities: Entity[]; mentions: Mention[] } {
  const doc = analysed(text);
  return { entities: doc.get('entities', 'test'), mentions: doc.get('mentions', 'test') };
}



test('a possessor is not the speaker: "Russia\'s Defence Ministry said" is the ministry', () => {
  const text = 'Russia\'s Defence Ministry said the convoy had been hit by artillery near the border.';
  const [q] = speakers(text, [['the convoy had been hit by artillery near the border', 'Russia\'s Defence Ministry', 'said']]);
  assert.equal(q.speakerName, 'Defence Ministry');
});

test('a name that a longer organisation phrase opens is a modifier: the mission speaks', () => {
  const text = 'The U.N. human rights monitoring mission said the strikes had left thousands without heat.';
  const [q] = speakers(text, [['the strikes had left thousands without heat', 'The U.N. human rights monitoring mission', 'said']]);
  assert.notEqual(q.speakerName, 'U.N.');
});

test('a description with a prepositional phrase and a named apposition is the named person', () => {
  const text = 'A spokesperson for the Transport Ministry, Marta Kowal, said the bridge would reopen. She said repairs would take a week.';
  const [q1, q2] = speakers(text, [
    ['the bridge would reopen', 'A spokesperson for the Transport Ministry, Marta Kowal', 'said'],
    ['repairs would take a week', 'She', 'said'],
  ]);
  assert.equal(q1.speakerName, 'Marta Kowal');
  assert.equal(q2.speakerName, 'Marta Kowal');
});

test('an apposition after an honorific links the description to the name', () => {
  const text = 'The trial was small, said the report\'s senior author, Dr. Ingrid Solberg, a cardiologist. The author said more work was needed.';
  const e = entityOf(text, 'The author');
  assert.equal(e?.name, 'Ingrid Solberg');
});

test('an opening participial clause or time stamp is not part of the speaker', () => {
  const text = 'Ruth Penn admitted the theft. Sentencing her, Judge Alan Moss said the breach of trust was grave.\n\n09:40 — Mayor Lena Ortiz said the roads were closed.';
  const [q1, q2] = speakers(text, [
    ['the breach of trust was grave', 'Sentencing her, Judge Alan Moss', 'said'],
    ['the roads were closed', '09:40 — Mayor Lena Ortiz', 'said'],
  ]);
  assert.equal(q1.speaker?.text, 'Judge Alan Moss');
  assert.equal(q1.speakerName, 'Alan Moss');
  assert.equal(q2.speaker?.text, 'Mayor Lena Ortiz');
});

test('"they" after reported content refers to the source before it, not to a noun inside the content', () => {
  const text = 'The authors warned that the sample was small. Patients with severe symptoms may have dropped out early, they noted.';
  const [q] = speakers(text, [['Patients with severe symptoms may have dropped out early', 'they', 'noted']]);
  assert.equal(q.speakerName, 'The authors');
});

test('a dateline dash opens a sentence: "When" does not join the name after it', () => {
  const text = 'BRIDGEFORD — When Carla Mendes heard the news, she called her sister.\n\n"It was a shock," Carla said.';
  const e = entityOf(text, 'Carla');
  assert.equal(e?.name, 'Carla Mendes');
});

test('"and" inside an agency\'s name keeps the name whole', () => {
  const text = 'The company disclosed the loss in a filing with the Securities and Exchange Commission on Friday. ' +
    'Officials at the Department of Health and Human Services declined to comment.';
  const { mentions } = entities(text);
  const names = mentions.filter((m) => m.kind === 'name').map((m) => m.text);
  assert.ok(names.includes('Securities and Exchange Commission'), names.join(' | '));
  assert.ok(names.includes('Department of Health and Human Services'), names.join(' | '));
});

test('a nationality word opening an organisation\'s name stays in it', () => {
  const text = 'Figures from the American Trucking Associations showed volumes fell again in May.';
  const e = entityOf(text, 'American Trucking Associations');
  assert.equal(e?.type, 'organisation');
});

test('a sentence-initial word before a title is not a name; a role noun before a name is a title', () => {
  const text = 'Transport Secretary Dana Whitlow said the line would reopen. Farmer Kirsty Bain told reporters the barn was lost.';
  const { entities: es } = entities(text);
  const names = es.map((e) => e.name);
  assert.ok(!names.includes('Transport'), names.join(' | '));
  assert.ok(names.includes('Kirsty Bain'), names.join(' | '));
});

test('an amount of money before a group noun is not part of the group', () => {
  const text = 'Revenue was $2.1 billion, below the $2.3 billion analysts had expected.';
  const { mentions } = entities(text);
  assert.ok(mentions.some((m) => m.text === 'analysts'), mentions.map((m) => m.text).join(' | '));
});

test('club, street, airport and outlet-family names get their types', () => {
  const text = 'Harwick Rovers beat Castlemoor United 2-0 on Saturday, the striker told Sky Sports. Fans gathered on Mill Street ' +
    'and at Dunmore Airport. The study appeared in The Lancet Public Health.';
  assert.equal(entityOf(text, 'Harwick Rovers')?.type, 'organisation');
  assert.equal(entityOf(text, 'Castlemoor United')?.type, 'organisation');
  assert.equal(entityOf(text, 'Sky Sports')?.type, 'outlet');
  assert.equal(entityOf(text, 'Mill Street')?.type, 'place');
  assert.equal(entityOf(text, 'Dunmore Airport')?.type, 'place');
  assert.equal(entityOf(text, 'Lancet Public Health')?.type, 'outlet');
});

test('"told Sky Sports" has a channel; "in his nightly video address" keeps its head noun', () => {
  const a = 'the winger told Sky Sports after the match';
  assert.equal(findChannel(a, 0, a.length)?.text, 'Sky Sports');
  const b = 'the president said in his nightly video address';
  assert.equal(findChannel(b, 0, b.length)?.text, 'his nightly video address');
});

test('a bare surname shared by a mother and son follows the pronoun after it', () => {
  const text = 'Joan Hartley, 64, runs the bakery. Her son, Neil Hartley, 35, came home last year. ' +
    'Joan Hartley said the shop was busy. Hartley laughed when asked about his plans.';
  const e = entityOf(text, 'Hartley', 0);
  assert.equal(e?.name, 'Neil Hartley');
});

test('"the company" stays with the company, not an organisation named only as an employer', () => {
  const text = 'Norwell Foods cut its forecast on Tuesday. The company blamed weak demand. ' +
    'Economists at Brightwater Capital said demand would recover. The company said it would cut 200 jobs.';
  const e = entityOf(text, 'The company', 1);
  assert.equal(e?.name, 'Norwell Foods');
});

test('a sentence-initial "It" prefers the subject before it to a place in a prepositional phrase', () => {
  const text = 'Norwell Foods, which is based in Dayton, Ohio, sells bread across North America. It has grown quickly since 2020.';
  const e = entityOf(text, 'It');
  assert.equal(e?.name, 'Norwell Foods');
});

test('a dateline in capitals does not become the canonical name; "X, 58, of Y" is a place', () => {
  const text = 'PORTLOE, England — Rain closed the harbour. Portloe residents said the wall had held.\n\n' +
    'Ann Weller, 58, of Tressick, admitted the charge. A Harbour Board spokesman said repairs would start soon.';
  assert.equal(entityOf(text, 'PORTLOE')?.name, 'Portloe');
  assert.equal(entityOf(text, 'Tressick')?.type, 'place');
});

test('an inverted speaker keeps a possessed modifier wink tags as a verb: "the study\'s lead author"', async () => {
  const { findRuleAttributions } = await import('../src/attribution/rules.ts');
  const text = '"Every step counts," said the study\'s lead author, Dr. Mara Lind.';
  const doc = analysed(text);
  const [r] = findRuleAttributions({ text, paragraphs: doc.get('paragraphs', 'test'), tokens: doc.get('tokens', 'test') });
  assert.equal(r.speaker?.text, 'the study\'s lead author');
});

test('a dash and a bare noun phrase after a quote attribute it: "“…” — Harbour Ferries spokesperson."', async () => {
  const { findRuleAttributions } = await import('../src/attribution/rules.ts');
  const text = '"Safety of passengers and crew comes first" — Harbour Ferries spokesperson.';
  const doc = analysed(text);
  const [r] = findRuleAttributions({ text, paragraphs: doc.get('paragraphs', 'test'), tokens: doc.get('tokens', 'test') });
  assert.equal(r.cue?.text, '—');
  assert.equal(r.speaker?.text, 'Harbour Ferries spokesperson');
});

test('a name before a role noun modifies it: "a Carrow Foods executive" is not Carrow Foods', () => {
  const text = 'Carrow Foods closed the plant in May. A Carrow Foods executive said the decision was final.';
  const [q] = speakers(text, [['the decision was final', 'A Carrow Foods executive', 'said']]);
  assert.equal(q.speakerName, 'A Carrow Foods executive');
});

test('a tagger span giving why a source is unnamed is not speech', async () => {
  const { completeAttributions } = await import('../src/attribution/complete.ts');
  const text = 'Two officials, who spoke on condition of anonymity because they were not authorized to discuss the talks, said the deal was close.';
  const mk = (content: string, cue: string, id: string): Attribution => ({
    id, ...spanOf(text, content), kind: 'indirect', cue: spanOf(text, cue), speaker: spanOf(text, 'Two officials'),
    channel: null, source: 'model', attribution: `M${id}`,
  });
  const out = completeAttributions(text, [
    mk('they were not authorized to discuss the talks', 'spoke', 'a1'),
    mk('the talks', 'were not authorized to discuss', 'a2'),
    mk('the deal was close', 'said', 'a3'),
  ]);
  assert.deepEqual(out.map((a) => a.id), ['a3']);
});
