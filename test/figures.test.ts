import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Figure, Quote } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { figuresStage } from '../src/nlp/figures.ts';

function figures(text: string, quotes: Quote[] = []): Figure[] {
  const doc = new Doc(text);
  const t = tokensStage.run(doc);
  for (const [k, v] of Object.entries(t)) doc.set(k as keyof typeof t, v as never);
  doc.set('quotes', quotes);
  const out = figuresStage.run(doc).figures;
  for (const f of out) assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.id} index the text`);
  return out;
}

/** The figure whose text is exactly `text`; fails listing what was found otherwise. */
function find(figs: Figure[], text: string): Figure {
  const f = figs.find((x) => x.text === text);
  assert.ok(f, `no figure "${text}" among ${JSON.stringify(figs.map((x) => x.text))}`);
  return f;
}

test('money: symbols, codes, scale abbreviations and currency words', () => {
  const figs = figures('The firm lost $1.2 billion, then €750m, while rivals spent £1.25bn, 1.5 million euros and 50,000 rubles.');
  const want: [string, number, string][] = [
    ['$1.2 billion', 1.2e9, 'USD'],
    ['€750m', 7.5e8, 'EUR'],
    ['£1.25bn', 1.25e9, 'GBP'],
    ['1.5 million euros', 1.5e6, 'EUR'],
    ['50,000 rubles', 50000, 'RUB'],
  ];
  for (const [text, value, unit] of want) {
    const f = find(figs, text);
    assert.equal(f.kind, 'money', text);
    assert.equal(f.value, value, text);
    assert.equal(f.unit, unit, text);
  }
});

test('percentages with sign, word and percentage points', () => {
  const figs = figures('Prices rose 12.5% in May and 12.5 per cent in June; support fell 3.2 percentage points to nearly 40 percent.');
  assert.deepEqual([find(figs, '12.5%').value, find(figs, '12.5 per cent').value], [12.5, 12.5]);
  assert.equal(find(figs, '12.5%').kind, 'percent');
  assert.equal(find(figs, '3.2 percentage points').unit, 'percentage points');
  const hedged = find(figs, 'nearly 40 percent');
  assert.equal(hedged.value, 40);
  assert.equal(hedged.qualifier, 'nearly');
});

test('counts keep the counted noun as unit and the hedge as qualifier', () => {
  const figs = figures('Prosecutors have registered more than 10,000 possible war crimes and about 13,000 cases, and at least 12 dead.');
  const crimes = find(figs, 'more than 10,000 possible war crimes');
  assert.equal(crimes.kind, 'count');
  assert.equal(crimes.value, 10000);
  assert.equal(crimes.unit, 'war crimes');
  assert.equal(crimes.qualifier, 'more than');
  const cases = find(figs, 'about 13,000 cases');
  assert.deepEqual([cases.value, cases.unit, cases.qualifier], [13000, 'cases', 'about']);
  assert.equal(find(figs, 'at least 12 dead').unit, 'dead');
});

test('number words: "Twenty-five", "two dozen", "one hundred and fifty", "half a million"', () => {
  const figs = figures('Twenty-five people, two dozen officials, one hundred and fifty soldiers and half a million refugees left.');
  assert.deepEqual(
    ['Twenty-five people', 'two dozen officials', 'one hundred and fifty soldiers', 'half a million refugees'].map((t) => find(figs, t).value),
    [25, 24, 150, 500000],
  );
  assert.equal(find(figs, 'two dozen officials').unit, 'officials');
  const fractions = figures('Nearly two-thirds of voters and a third of donors agreed.');
  assert.deepEqual(fractions.map((f) => [f.text, f.kind, f.value]), [['Nearly two-thirds', 'number', 0.6667], ['a third', 'number', 0.3333]]);
});

test('a pronoun "one" and a lone small number word are not figures', () => {
  const figs = figures('One of them said one thing was clear, and no one would say two of the 12 officials.');
  assert.deepEqual(figs.map((f) => f.text), ['12 officials']);
});

test('ages: hyphenated, "years old", "aged", and in apposition after a name', () => {
  const figs = figures('A 21-year-old tank commander was sentenced. Smith, 54, said the 62-year-old man, aged 61 in the file, was 60 years old.');
  for (const [text, value] of [['21-year-old', 21], ['54', 54], ['62-year-old', 62], ['aged 61', 61], ['60 years old', 60]] as const) {
    const f = find(figs, text);
    assert.equal(f.kind, 'age', text);
    assert.equal(f.value, value, text);
    assert.equal(f.unit, 'years', text);
  }
  const paren = figures('John Smith (45) declined to comment.');
  assert.equal(find(paren, '45').kind, 'age');
});

test('dates: ISO values, partial dates, relative dates and a weekday with its date', () => {
  const figs = figures('On Friday, June 3, 2021, the talks began; they resumed on 5 March 2022, in May, since February 24 and last week.');
  const friday = find(figs, 'Friday, June 3, 2021');
  assert.equal(friday.kind, 'date');
  assert.equal(friday.value, '2021-06-03');
  assert.equal(friday.weekday, 'Friday');
  assert.equal(find(figs, '5 March 2022').value, '2022-03-05');
  assert.equal(find(figs, 'May').value, '--05');
  assert.equal(find(figs, 'February 24').value, '--02-24');
  const lastWeek = find(figs, 'last week');
  assert.equal(lastWeek.kind, 'date');
  assert.equal(lastWeek.value, null);
});

test('a weekday alone keeps the weekday as its value; one in brackets after a date is recorded', () => {
  const figs = figures('She was fined on Tuesday. The ministry said it happened on 24 February 2022 (a Thursday).');
  const tue = find(figs, 'Tuesday');
  assert.deepEqual([tue.kind, tue.value, tue.weekday], ['date', 'Tuesday', 'Tuesday']);
  const feb = find(figs, '24 February 2022 (a Thursday)');
  assert.deepEqual([feb.value, feb.weekday], ['2022-02-24', 'Thursday']);
});

test('years wink leaves untagged are dates; comma-grouped thousands are counts', () => {
  const figs = figures('The 2016 Presidential Candidates met 2,016 voters.');
  assert.deepEqual([find(figs, '2016').kind, find(figs, '2016').value], ['date', '2016']);
  assert.equal(find(figs, '2,016 voters').kind, 'count');
});

test('times, durations and ordinals', () => {
  const figs = figures('At 3:30 p.m. the vote was 52-48 after twenty years of debate and a two-year delay; the third round opens at 10am.');
  assert.deepEqual([find(figs, '3:30 p.m.').kind, find(figs, '3:30 p.m.').value], ['time', '15:30']);
  assert.deepEqual([find(figs, '10am').kind, find(figs, '10am').value], ['time', '10:00']);
  const score = find(figs, '52-48');
  assert.deepEqual([score.kind, score.value], ['number', '52-48']);
  const dur = find(figs, 'twenty years');
  assert.deepEqual([dur.kind, dur.value, dur.unit], ['duration', 20, 'years']);
  assert.deepEqual([find(figs, 'two-year').kind, find(figs, 'two-year').value], ['duration', 2]);
  assert.deepEqual([find(figs, 'third').kind, find(figs, 'third').value], ['ordinal', 3]);
});

test('labels and identifiers are not figures', () => {
  const figs = figures('Under Article 5 and the Second Amendment, his 401(k) and tweet 672138506081275904 stayed put for 3 days.');
  assert.deepEqual(figs.map((f) => f.text), ['3 days']);
});

test('attribution is the quote whose content contains the figure; ids run f1, f2, ...', () => {
  const text = '"We counted 13,000 cases," the prosecutor said on Friday. Officials put it at 12,000 cases.';
  const quote: Quote = {
    id: 'q7', start: 0, end: 25, text: text.slice(0, 25), kind: 'direct', cue: null, speaker: null,
    speakerName: null, speakerEntity: null, channel: null, source: 'test', attribution: 'q7',
  };
  const figs = figures(text, [quote]);
  assert.deepEqual(figs.map((f) => f.id), figs.map((_, k) => `f${k + 1}`));
  assert.equal(find(figs, '13,000 cases').attribution, 'q7');
  assert.equal(find(figs, '12,000 cases').attribution, null);
  assert.equal(find(figs, 'Friday').attribution, null);
});

test('offsets index the text exactly with emoji and curly quotes before the figures', () => {
  const text = '😀 “Prices rose 12.5%,” she said — €750m was lost on Friday, June 3, 2021.';
  const figs = figures(text);
  assert.deepEqual(figs.map((f) => f.text), ['12.5%', '€750m', 'Friday, June 3, 2021']);
});


test('a number after a label word ("type 2 diabetes", "Ward 8") is a label, not a count', () => {
  const figs = figures('Night shifts raise the risk of type 2 diabetes among 42,000 nurses in Ward 8.');
  assert.ok(!figs.some((f) => f.text.includes('2 diabetes')), figs.map((f) => f.text).join(', '));
  assert.ok(!figs.some((f) => f.text === '8'));
  assert.equal(find(figs, '42,000 nurses').value, 42000);
});
