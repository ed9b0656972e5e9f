import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Sentence, Token } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { buildAttributions, type SpanType, type TokenSpan } from '../src/attribution/model/decode.ts';

// Decoding the tagger's spans into attributions, on hand-made tags: the repairs in decode.ts
// must not depend on what the trained weights happen to tag.

function tokenise(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const out = tokensStage.run(new Doc(text));
  return { tokens: out.tokens as Token[], sentences: out.sentences as Sentence[] };
}

/** Span over the tokens of the `nth` occurrence of `words` (a run of token texts, space-separated). */
function tag(tokens: readonly Token[], sentences: readonly Sentence[], type: SpanType, words: string, nth = 0): TokenSpan {
  const ws = words.split(' ');
  for (let i = 0, seen = 0; i + ws.length <= tokens.length; i++) {
    if (ws.every((w, k) => tokens[i + k].text === w) && seen++ === nth) {
      const s = tokens[i].sentence;
      return { type, a: i, b: i + ws.length, sentence: s, paragraph: sentences[s].paragraph };
    }
  }
  throw new Error(`no tokens "${words}"`);
}

function decode(text: string, tags: [SpanType, string][]) {
  const { tokens, sentences } = tokenise(text);
  const spans = tags.map(([type, words]) => tag(tokens, sentences, type, words)).sort((x, y) => x.a - y.a);
  return buildAttributions(text, tokens, sentences, spans);
}

test('a cue with no tagged source takes its subject', () => {
  const [a] = decode('The city is seeking new funds from the state.', [['cue', 'is seeking'], ['content', 'new funds from the state']]);
  assert.equal(a.speaker?.text, 'The city');
  const [b] = decode('Prices will rise next year, says the central bank.', [['content', 'Prices will rise next year'], ['cue', 'says']]);
  assert.equal(b.speaker?.text, 'the central bank');
});

test('a participle cue takes the subject that opens its sentence', () => {
  const [a] = decode('The mayor rejected the proposal on Monday, saying it would cost jobs.', [['cue', 'saying'], ['content', 'it would cost jobs']]);
  assert.equal(a.speaker?.text, 'The mayor');
});

test('a tagged source still wins over the subject read from POS tags', () => {
  const [a] = decode('The city is seeking new funds from the state.', [['source', 'state'], ['cue', 'is seeking'], ['content', 'new funds from the']]);
  assert.equal(a.speaker?.text, 'state');
});

test('a noun phrase tagged as content right before its cue becomes the source', () => {
  const out = decode('The union is demanding higher wages for nurses.', [['content', 'The union'], ['cue', 'is demanding'], ['content', 'higher wages for nurses']]);
  assert.equal(out.length, 1);
  assert.equal(out[0].text, 'higher wages for nurses');
  assert.equal(out[0].speaker?.text, 'The union');
});

test('what a passive or relative cue is about stays content', () => {
  const passive = decode('The plan was criticised by unions and teachers.', [['content', 'The plan'], ['cue', 'was criticised by'], ['content', 'unions and teachers']]);
  assert.ok(passive.some((a) => a.text === 'The plan'), JSON.stringify(passive));
  const relative = decode('It sent a letter, which is rejected by most members.', [['content', 'which'], ['cue', 'is rejected by'], ['content', 'most members']]);
  assert.ok(relative.some((a) => a.text === 'which'), JSON.stringify(relative));
});

test('the untagged head of an interrupted sentence joins its attribution', () => {
  const out = decode('But, she said, the deal will not survive the vote.', [['source', 'she'], ['cue', 'said'], ['content', 'the deal will not survive the vote']]);
  assert.deepEqual(out.map((a) => a.text), ['But', 'the deal will not survive the vote']);
  assert.equal(out[0].attribution, out[1].attribution);
  assert.equal(out[0].speaker?.text, 'she');
  // not when the head is already tagged, nor without content after the attribution
  const tagged = decode('But, she said, the deal will not survive the vote.', [['content', 'But'], ['source', 'she'], ['cue', 'said'], ['content', 'the deal will not survive the vote']]);
  assert.equal(tagged.length, 2);
  const none = decode('On Monday, she said, and left.', [['source', 'she'], ['cue', 'said']]);
  assert.equal(none.length, 0);
});

test('content stops before trailing punctuation', () => {
  const [a] = decode('He said the port will reopen.', [['source', 'He'], ['cue', 'said'], ['content', 'the port will reopen .']]);
  assert.equal(a.text, 'the port will reopen');
  const [b] = decode('He said the port will reopen, citing officials.', [['source', 'He'], ['cue', 'said'], ['content', 'the port will reopen ,']]);
  assert.equal(b.text, 'the port will reopen');
  const [c] = decode('He said “the port will reopen.”', [['source', 'He'], ['cue', 'said'], ['content', '“ the port will reopen . ”']]);
  assert.equal(c.text, '“the port will reopen.”', 'a closing quote mark ends the span as it is');
});

test('a speech verb closing the sentence after a comma attributes the whole clause before it', () => {
  // the tagger took a verb inside the clause for the cue
  const [a, ...rest] = decode('As part of the review, the agency would also seek new rules, former officials said on Tuesday.',
    [['source', 'the agency'], ['cue', 'would also seek'], ['content', 'new rules']]);
  assert.equal(rest.length, 0);
  assert.equal(a.text, 'As part of the review, the agency would also seek new rules');
  assert.equal(a.cue?.text, 'said');
  assert.equal(a.speaker?.text, 'former officials');
  const [b] = decode('Prices will keep rising this year, said Anna Berg.', [['source', 'Prices'], ['cue', 'keep rising']]);
  assert.equal(b.text, 'Prices will keep rising this year');
  assert.equal(b.speaker?.text, 'Anna Berg');
  // the medial frame: both halves are content of one attribution
  const mid = decode('It was impossible, Gabor said, so the leaders decided to split the work.', [['source', 'the leaders'], ['cue', 'decided'], ['content', 'to split the work']]);
  assert.deepEqual(mid.map((x) => [x.text, x.speaker?.text]), [['It was impossible', 'Gabor'], ['so the leaders decided to split the work', 'Gabor']]);
  assert.equal(mid[0].attribution, mid[1].attribution);
});

test('a closing speech frame leaves the tagger alone when it found no competing cue or the clause is quoted', () => {
  const [a] = decode('The port will reopen next week, officials said.', [['content', 'The port will reopen next week'], ['source', 'officials'], ['cue', 'said']]);
  assert.equal(a.text, 'The port will reopen next week');
  const q = decode('“We will win,” he argued, officials said.', [['content', '“ We will win , ”'], ['source', 'he'], ['cue', 'argued']]);
  assert.equal(q[0].cue?.text, 'argued');
  // no frame: the clause after the comma has no subject before the verb
  const none = decode('The mayor resigned, and said nothing more.', [['source', 'The mayor'], ['cue', 'resigned']]);
  assert.equal(none.length, 0);
});

test('a bracket closing an aside is not part of the content', () => {
  const [a] = decode('(He said the port will reopen.)', [['source', 'He'], ['cue', 'said'], ['content', 'the port will reopen . )']]);
  assert.equal(a.text, 'the port will reopen');
  const [b] = decode('He said the port (on the river) will reopen.', [['source', 'He'], ['cue', 'said'], ['content', 'the port ( on the river )']]);
  assert.equal(b.text, 'the port (on the river)');
});

test('a source inside a participle phrase before the cue gives way to the subject', () => {
  const [a] = decode('Florida delegate John Archer, wearing a campaign shirt covered in buttons, said he is proud of the campaign.',
    [['source', 'a campaign shirt'], ['cue', 'said'], ['content', 'he is proud of the campaign']]);
  assert.equal(a.speaker?.text, 'Florida delegate John Archer');
  // an apposition that is not a participle phrase keeps the tagged source
  const [b] = decode('The report, by the city auditor, said costs rose.', [['source', 'the city auditor'], ['cue', 'said'], ['content', 'costs rose']]);
  assert.equal(b.speaker?.text, 'the city auditor');
});

test('a sentence-final "according to X" attributes the whole sentence before it', () => {
  const [a, ...rest] = decode('The governor said he would have fired the manager, according to press reports.',
    [['source', 'The governor'], ['cue', 'said'], ['content', 'he would have fired the manager']]);
  assert.equal(rest.length, 0);
  assert.equal(a.text, 'The governor said he would have fired the manager');
  assert.equal(a.cue?.text, 'according to');
  assert.equal(a.speaker?.text, 'press reports');
  const [b] = decode('About 40 rabbis plan to join the protest, according to an organizer.', []);
  assert.equal(b.speaker?.text, 'an organizer');
  assert.equal(b.text, 'About 40 rabbis plan to join the protest');
});

test('the listener or a time between a cue and its complement clause is not content', () => {
  const [a] = decode('He told Trump that the vote was lost.', [['source', 'He'], ['cue', 'told'], ['content', 'Trump that the vote was lost']]);
  assert.equal(a.text, 'that the vote was lost');
  const [b] = decode('Reporters asked the directors whether the deal would proceed.', [['source', 'Reporters'], ['cue', 'asked'], ['content', 'the directors whether the deal would proceed']]);
  assert.equal(b.text, 'whether the deal would proceed');
  const [c] = decode('She spoke Thursday about the merger.', [['source', 'She'], ['cue', 'spoke'], ['content', 'Thursday about the merger']]);
  assert.equal(c.text, 'about the merger');
  // not a listener: the content is a clause of its own
  const [d] = decode('He said officials that night had left.', [['source', 'He'], ['cue', 'said'], ['content', 'officials that night had left']]);
  assert.equal(d.text, 'officials that night had left');
});

test('a lone possessive is never content', () => {
  const out = decode('His powerful statement is written in English.', [['content', 'His'], ['cue', 'powerful statement is written']]);
  assert.equal(out.length, 0);
});

test('a speech verb whose object the tagger read as an inner attribution is the outer frame', () => {
  const text = 'Her co-author, Professor Martin Keller, said the findings suggested that counting is old.';
  // the tagger's usual reading: the speech verb (tagged or not) and an inner source, cue and content
  for (const outer of [[['source', 'Her co-author , Professor Martin Keller ,'], ['cue', 'said']], []] as [SpanType, string][][]) {
    const out = decode(text, [...outer, ['source', 'the findings'], ['cue', 'suggested'], ['content', 'that counting is old']]);
    assert.equal(out.length, 1, JSON.stringify(out));
    assert.equal(out[0].cue?.text, 'said');
    assert.equal(out[0].text, 'the findings suggested that counting is old');
    assert.match(out[0].speaker?.text ?? '', /Martin Keller/);
  }
});

test('an inverted speaker after a speech verb is no inner attribution', () => {
  const text = 'It is the first time a candidate has made it an issue, said Robert Egge, whose advocates lean on the campaigns.';
  const out = decode(text, [['content', 'It is the first time a candidate has made it an issue'], ['cue', 'said'], ['source', 'Robert Egge'], ['source', 'whose advocates'], ['cue', 'lean on'], ['content', 'the campaigns']]);
  assert.ok(out.some((a) => a.cue?.text === 'lean on' && a.text === 'the campaigns'), JSON.stringify(out));
  assert.ok(!out.some((a) => a.text.startsWith('Robert Egge')), JSON.stringify(out));
});

test('a subject after ", while" ending the first content is the next cue’s source', () => {
  const out = decode('Analysts wrote that the cuts were overdue, while a union representing workers said it would fight them.', [
    ['source', 'Analysts'], ['cue', 'wrote'], ['content', 'that the cuts were overdue , while a union representing workers'], ['cue', 'said'], ['content', 'it would fight them'],
  ]);
  assert.deepEqual(out.map((a) => [a.text, a.speaker?.text]), [
    ['that the cuts were overdue', 'Analysts'],
    ['it would fight them', 'a union representing workers'],
  ]);
});

test('an addressee with "to" before "that" is not content', () => {
  const [a] = decode('Analysts wrote in a note to clients that the cuts were overdue.', [['source', 'Analysts'], ['cue', 'wrote in a note'], ['content', 'to clients that the cuts were overdue']]);
  assert.equal(a.text, 'that the cuts were overdue');
  const [b] = decode('The board agreed to hold a vote on the plan.', [['source', 'The board'], ['cue', 'agreed'], ['content', 'to hold a vote on the plan']]);
  assert.equal(b.text, 'to hold a vote on the plan');
});

test('a plain "said" the tagger left without content reports the clause after it', () => {
  const out = decode('He said 4,000 homes remained at risk, although the agency puts the figure at 2,500.', [['source', 'He'], ['cue', 'said'], ['source', 'the agency']]);
  const a = out.find((x) => x.cue?.text === 'said');
  assert.equal(a?.text, '4,000 homes remained at risk');
  assert.equal(a?.speaker?.text, 'He');
  // not a time after the verb, nor a quote's own frame
  assert.deepEqual(decode('Obama said Saturday at the White House that it was over.', [['source', 'Obama'], ['cue', 'said']]).map((x) => x.text), []);
});

test('an inverted speaker the tagger read as content closes the frame: "…, says report"', () => {
  const out = decode('Flood defences are not fit for purpose, says report', [['content', 'Flood defences are not fit for purpose'], ['cue', 'says'], ['content', 'report']]);
  assert.deepEqual(out.map((a) => [a.text, a.speaker?.text]), [['Flood defences are not fit for purpose', 'report']]);
});

test('a source inside a medium phrase set off by commas gives way to the cue’s subject', () => {
  const [a] = decode('The director, Ivan Petrenko, in a commentary to the agency Interfax, declared that work will restart.', [
    ['source', 'the agency Interfax'], ['cue', 'declared'], ['content', 'that work will restart'],
  ]);
  assert.match(a.speaker?.text ?? '', /Ivan Petrenko/);
});

test('the head of an interrupted sentence tagged as a second source is content', () => {
  const out = decode('South Carolina, he said, was the place where they had a chance.', [
    ['source', 'South Carolina'], ['source', 'he'], ['cue', 'said'], ['content', 'was the place where they had a chance'],
  ]);
  assert.deepEqual(out.map((a) => [a.text, a.speaker?.text]), [['South Carolina', 'he'], ['was the place where they had a chance', 'he']]);
  assert.equal(out[0].attribution, out[1].attribution);
});

test('a circumstance after "said" is not what was said, unless a "that" follows in it', () => {
  assert.deepEqual(decode('Tilton said after braving the cold to see the senator.', [['source', 'Tilton'], ['cue', 'said'], ['content', 'after braving the cold to see the senator']]), []);
  const [a] = decode('The agency said in a statement that the talks had failed.', [['source', 'The agency'], ['cue', 'said'], ['content', 'in a statement that the talks had failed']]);
  assert.equal(a.text, 'that the talks had failed');
});

test('a plain "told" the tagger left without content reports the clause after its listener', () => {
  const [a] = decode('He told a crowd of supporters that it was over.', [['source', 'He'], ['cue', 'told']]);
  assert.equal(a?.text, 'that it was over');
  assert.equal(a?.speaker?.text, 'He');
});

test('a content running into a sentence with an attribution of its own is cut where that sentence starts', () => {
  const text = 'He told radio that the sisters had no idea. He has since changed his mind, he said.';
  const out = decode(text, [['source', 'He'], ['cue', 'told'], ['content', 'that the sisters had no idea . He has since changed his mind'], ['source', 'he'], ['cue', 'said']]);
  assert.deepEqual(out.map((a) => [a.text, a.cue?.text]), [['that the sisters had no idea', 'told'], ['He has since changed his mind', 'said']]);
});

test('a fronted phrase is no part of the source', () => {
  const [a] = decode('Outside court, council leader Priya Nair said residents felt let down.', [
    ['source', 'Outside court , council leader Priya Nair'], ['cue', 'said'], ['content', 'residents felt let down'],
  ]);
  assert.equal(a.speaker?.text, 'council leader Priya Nair');
});

test('a participle’s subject opens its sentence after the dateline, past a time phrase, not the object before the comma', () => {
  const text = 'CUPERTINO, California — Apple on Tuesday unveiled a cheaper iPhone model, betting that a lower price will revive demand.';
  for (const tags of [[['source', 'CUPERTINO'], ['cue', 'betting'], ['content', 'that a lower price will revive demand']], [['cue', 'betting'], ['content', 'that a lower price will revive demand']]] as [SpanType, string][][]) {
    const [a] = decode(text, tags);
    assert.equal(a.speaker?.text, 'Apple', JSON.stringify(tags));
  }
});
