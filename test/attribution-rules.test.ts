import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Attribution } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { findRuleAttributions } from '../src/attribution/rules.ts';
import { scanQuotes } from '../src/attribution/quote-marks.ts';
import { splitParagraphs } from '../src/nlp/tokens.ts';
import { attributionStage } from '../src/attribution/stage.ts';

function rules(text: string): Attribution[] {
  const doc = new Doc(text);
  const t = tokensStage.run(doc);
  return findRuleAttributions({ text, paragraphs: t.paragraphs, tokens: t.tokens });
}

function quotes(text: string): string[] {
  return scanQuotes(text, splitParagraphs(text)).map((p) => text.slice(p.start, p.end));
}

/** The attribution whose content starts with `prefix`. */
function find(list: Attribution[], prefix: string): Attribution {
  const a = list.find((x) => x.text.startsWith(prefix));
  assert.ok(a, `no attribution starting with ${JSON.stringify(prefix)} in ${JSON.stringify(list.map((x) => x.text))}`);
  return a;
}

test('direct quote span includes both marks and the comma inside them', () => {
  const a = rules('“We will rebuild the port,” the mayor said on Tuesday.');
  assert.equal(a.length, 1);
  assert.equal(a[0].text, '“We will rebuild the port,”');
  assert.equal(a[0].kind, 'direct');
  assert.equal(a[0].cue?.text, 'said');
  assert.equal(a[0].speaker?.text, 'the mayor');
});

test('a quote split around its cue gives two fragments sharing attribution, cue and speaker', () => {
  const a = rules('“We will rebuild the port,” the mayor said. “It will take years, but we will do it.”');
  const first = find(a, '“We will');
  const second = find(a, '“It will');
  assert.equal(first.attribution, second.attribution);
  assert.equal(second.cue?.text, 'said');
  assert.equal(second.speaker?.text, 'the mayor');
  assert.deepEqual(second.speaker, first.speaker);
});

test('a multi-paragraph quote runs from the first opening mark to the last closing mark', () => {
  const text = '“The first paragraph of the letter carries on without a closing mark.\n\n' +
    '“The second paragraph ends the letter at last,” Patel wrote.\n\nLater news followed.';
  const a = rules(text);
  assert.equal(a.length, 1);
  assert.equal(a[0].start, 0);
  assert.equal(a[0].end, text.indexOf(' Patel'));
  assert.equal(a[0].speaker?.text, 'Patel');
  assert.equal(a[0].cue?.text, 'wrote');
});

test('colon lead-ins: the verb before the colon is the cue, else the colon itself', () => {
  const a = rules('He said: “We are ready to talk to anyone.”');
  assert.equal(a[0].cue?.text, 'said');
  assert.equal(a[0].speaker?.text, 'He');
  const b = rules('Marta Ortega has slammed the door: “This chapter of my life is over for good.”');
  assert.equal(b[0].text, '“This chapter of my life is over for good.”');
  assert.equal(b[0].cue?.text, ':');
  assert.equal(b[0].speaker?.text, 'Marta Ortega');
});

test('attribution after a dash, in both word orders', () => {
  const a = rules('“We will not leave this valley” — Smith said.');
  assert.equal(a[0].speaker?.text, 'Smith');
  assert.equal(a[0].cue?.text, 'said');
  const b = rules('“We will not leave this valley” — said Smith.');
  assert.equal(b[0].speaker?.text, 'Smith');
});

test('a floating quote takes the subject of the sentence before it', () => {
  const a = rules('Smith was asked about the budget. “It is a disgrace to the whole city.”');
  assert.equal(a.length, 1);
  assert.equal(a[0].speaker?.text, 'Smith');
  assert.equal(a[0].source, 'rule:floating-prev-sentence');
});

test('a paragraph that is only a quote takes the speaker of the quote before it', () => {
  const a = rules('“The plan is sound,” Smith said.\n\n“It will pay for itself within five years.”');
  const second = find(a, '“It will');
  assert.equal(second.speaker?.text, 'Smith');
  assert.equal(second.source, 'rule:floating-prev-quote');
});

test('a quote right before an attributed quote shares its attribution', () => {
  const a = rules('Lee expects no support. “I am alone.” “Nobody else will resign,” he said.');
  const first = find(a, '“I am alone');
  assert.equal(first.attribution, find(a, '“Nobody').attribution);
  assert.equal(first.speaker?.text, 'he');
});

test('unclosed quotes stop at the paragraph end', () => {
  const text = 'She said: “This never closes and the paragraph ends here.\n\nA new paragraph says "something" else.';
  const q = scanQuotes(text, splitParagraphs(text));
  assert.equal(q[0].end, text.indexOf('\n'));
  assert.equal(q[0].close, -1);
  assert.equal(text.slice(q[1].start, q[1].end), '"something"');
});

test('straight, curly, guillemet, low-high and doubled-apostrophe marks all pair', () => {
  assert.deepEqual(quotes('He said "yes, we can." Then «non, merci» and „ja, bitte“ and ”odd” marks.'),
    ['"yes, we can."', '«non, merci»', '„ja, bitte“', '”odd”']);
  assert.deepEqual(quotes("''It is over,'' he said."), ["''It is over,''"]);
});

test('single quotes pair in headlines but apostrophes do not', () => {
  assert.deepEqual(quotes("Mayor says port plan 'dead in the water'"), ["'dead in the water'"]);
  assert.deepEqual(quotes("The workers' union said it's fine in the '90s, rock 'n' roll."), []);
  assert.deepEqual(quotes('Mayor: ‘We will not back down’'), ['‘We will not back down’']);
});

test('nested quotes belong to the quote around them', () => {
  assert.deepEqual(quotes('“He told me ‘never again’ and left,” she said.'), ['“He told me ‘never again’ and left,”']);
  assert.deepEqual(quotes('"He called it “a farce” twice," she said.'), ['"He called it “a farce” twice,"']);
});

test('nicknames, scare quotes and titles are not speech', () => {
  assert.deepEqual(rules('Vladimir "Vova" Putin arrived in Minsk on Monday.'), []);
  assert.deepEqual(rules('It was a “special” day for the team and its fans.'), []);
  assert.deepEqual(rules('She starred in “The Long Road.” The film opened in May.'), []);
});

test('a quoted label governed by "calls" is a mixed quote of the caller', () => {
  const a = rules('Moscow continues what it calls a “special military operation” in the east.');
  assert.equal(a.length, 1);
  assert.equal(a[0].kind, 'mixed');
  assert.equal(a[0].cue?.text, 'calls');
  assert.equal(a[0].speaker?.text, 'it');
  assert.ok(a[0].text.includes('“special military operation”'));
});

test('appositions: the speaker is the name before the apposition', () => {
  const a = rules('“We need more beds,” Hugh Hill, a doctor at St Mary’s hospital, said.');
  assert.equal(a[0].speaker?.text, 'Hugh Hill');
  assert.equal(a[0].cue?.text, 'said');
});

test('inverted cues: said Smith, said the company', () => {
  assert.equal(rules('“We need more beds,” said Hugh Hill.')[0].speaker?.text, 'Hugh Hill');
  assert.equal(rules('“Sales will recover next year,” said the company.')[0].speaker?.text, 'the company');
  assert.equal(rules('“Sales will recover,” said he.')[0].speaker?.text, 'he');
});

test('cue, speaker and channel after the quote', () => {
  const a = rules('“We have opened 200 cases so far,” Kovalenko said in an interview with The Washington Post.');
  assert.equal(a[0].speaker?.text, 'Kovalenko');
  assert.equal(a[0].cue?.text, 'said');
  assert.equal(a[0].channel?.text, 'The Washington Post');
  const b = rules('“I was never consulted,” he told Reuters.');
  assert.equal(b[0].speaker?.text, 'he');
  assert.equal(b[0].channel?.text, 'Reuters');
});

test('pronoun speakers stay as written', () => {
  const a = rules('“They told me to keep quiet about it,” she said.');
  assert.equal(a[0].speaker?.text, 'she');
  assert.equal(a[0].cue?.text, 'said');
});

test('indirect speech: "X said that …" and "according to X, …"', () => {
  const a = rules('The minister said that the port would reopen in March.');
  assert.equal(a.length, 1);
  assert.equal(a[0].kind, 'indirect');
  assert.equal(a[0].text, 'that the port would reopen in March');
  assert.equal(a[0].speaker?.text, 'The minister');
  const b = rules('According to the ministry, the port will reopen in March.');
  assert.equal(b[0].text, 'the port will reopen in March');
  assert.equal(b[0].cue?.text, 'According to');
  assert.equal(b[0].speaker?.text, 'the ministry');
  const c = rules('The port will reopen in March, the minister said.');
  assert.equal(c[0].text, 'The port will reopen in March');
  assert.equal(c[0].speaker?.text, 'the minister');
});

test('quoted words inside a quote never become cues or speakers', () => {
  const a = rules('“They told me the minister said nothing,” Ana wrote.');
  assert.equal(a.length, 1);
  assert.equal(a[0].cue?.text, 'wrote');
  assert.equal(a[0].speaker?.text, 'Ana');
});

test('the stage assigns attributions with ids and the rule quotes', () => {
  const doc = new Doc('“We will rebuild the port,” the mayor said.');
  for (const [k, v] of Object.entries(tokensStage.run(doc))) doc.set(k as 'tokens', v as never);
  doc.set('mentions', []);
  doc.set('entities', []);
  const { attributions } = attributionStage.run(doc);
  const q = attributions.find((a) => a.kind === 'direct');
  assert.ok(q);
  assert.match(q.id, /^a\d+$/);
  assert.equal(q.speaker?.text, 'the mayor');
});

test('a quote closed with the other family’s mark still closes there', () => {
  const text = '“The bridges are crumbling," she said. "The grid fails in storms.”\nHe added, “Not yet,“ and left.';
  assert.deepEqual(quotes(text), ['“The bridges are crumbling,"', '"The grid fails in storms.”', '“Not yet,“']);
});

test('a straight quote nested in a curly one is not taken for its closer', () => {
  const text = '“They called it "fake," and moved on,” she said.';
  assert.deepEqual(quotes(text), ['“They called it "fake," and moved on,”']);
});

test('a new sentence whose cue has content of its own does not claim the quote before it', () => {
  const text = 'The baker spoke first. “Flour costs twice what it did.” Ortiz added that the shop would stay open.';
  const list = rules(text);
  const q = find(list, '“Flour');
  assert.notEqual(q.speaker?.text, 'Ortiz');
  const clause = rules('The baker spoke first. “Flour costs twice what it did.” Ortiz said the shop would stay open.');
  assert.notEqual(find(clause, '“Flour').speaker?.text, 'Ortiz');
  // …while a short "Ortiz said." or "Ortiz said in a statement." still attributes the quote.
  const short = rules('“Flour costs twice what it did.” Ortiz said.');
  assert.equal(find(short, '“Flour').speaker?.text, 'Ortiz');
  const channel = rules('“Flour costs twice what it did.” Ortiz said in a statement.');
  assert.equal(find(channel, '“Flour').speaker?.text, 'Ortiz');
});

test('a surname that is also a speech verb is the speaker, not the cue', () => {
  const a = rules('“We believe this deal is a great deal for shareholders,” Read said.');
  assert.equal(a[0].cue?.text, 'said');
  assert.equal(a[0].speaker?.text, 'Read');
  // the verb itself after a quote still works
  const b = rules('“The port is closed until further notice,” the statement read.');
  assert.equal(b[0].cue?.text, 'read');
});

test('a speech verb after the quote beats a colon lead-in that has none', () => {
  const a = rules('His new ad runs on Iowa TV: “Securing our borders is a matter of security,” the senator says to the camera.');
  assert.equal(a[0].cue?.text, 'says');
  assert.equal(a[0].speaker?.text, 'the senator');
  // a colon lead-in with a speech verb keeps it
  const b = rules('The mayor said on Tuesday: “We will rebuild the port,” adding nothing more.');
  assert.equal(b[0].cue?.text, 'said');
});

test('a quote paragraph signed on the next line with a dash takes that name', () => {
  const text = 'What the candidates said.\n\n“Big companies pay zero taxes.”\n\n- Sanders.\n\n“I will look into it. I do not know the status.”\n\n— Hillary Clinton, former secretary of state';
  const a = rules(text);
  assert.equal(find(a, '“Big').speaker?.text, 'Sanders');
  assert.equal(find(a, '“Big').cue?.text, '-');
  assert.equal(find(a, '“I will').speaker?.text, 'Hillary Clinton');
  // a dash line that is a sentence is not a signature
  const b = rules('“We are done here.”\n\n— and then the meeting ended abruptly without a vote.');
  assert.notEqual(b[0]?.cue?.text, '—');
});

test('opinion pieces: a label is no speaker, "so-called" words are no quote, "in the words of X" is a cue', async () => {
  const { analyze } = await import('../src/engine.ts');
  const out = analyze('Opinion: The "experts" were wrong about the bridge\n\nFor years, so-called "experts" assured us it was safe. Nobody was hurt, but it was, in the words of one resident, "a miracle".\n\nCouncil leader Tom "Tommy" Reeves says the checks were "adequate at the time".');
  assert.ok(!out.quotes.some((q) => q.speaker?.text === 'Opinion'), JSON.stringify(out.quotes.map((q) => q.speaker?.text)));
  assert.ok(!out.quotes.some((q) => q.text === '"experts"'));
  const miracle = out.quotes.find((q) => q.text === '"a miracle"');
  assert.equal(miracle?.speaker?.text, 'one resident');
  assert.equal(miracle?.cue?.text, 'in the words of');
  assert.equal(out.quotes.find((q) => q.text.includes('adequate'))?.speakerName, 'Tom Reeves');
});

test('a quoted show title before a speech verb with a clause of its own is no mixed quote', () => {
  const out = rules('Friday on CNN’s “New Day,” the senator said she believed the bill was dead.\n\nFiorina was not one for “engaging her team,” said one executive who requested anonymity.');
  assert.ok(!out.some((a) => a.text.includes('New Day')), JSON.stringify(out.map((a) => a.text)));
  // an inverted speaker may carry a relative clause of its own
  assert.equal(find(out, 'Fiorina was not').speaker?.text, 'one executive');
});

test('a mixed quote stops before a contrasting clause with a speech verb of its own', () => {
  const out = rules('Analysts at Morgan Stanley wrote in a note that the cuts were “overdue”, while a union representing workers said it would fight them.');
  assert.equal(find(out, 'that the cuts').text, 'that the cuts were “overdue”');
});
