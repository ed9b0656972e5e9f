import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOf } from './support.ts';
import { Doc, type Layers } from '../src/model/doc.ts';
import type { Entity, Figure, Mention, Quote } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { RULES } from '../src/checks/rules/index.ts';

// Each rule on a small document whose layers are built by hand (only tokens come from the real
// tokenizer), so these tests do not depend on how well the other stages read the text.

function docOf(text: string, layers: Partial<Layers> = {}): Doc {
  const doc = new Doc(text);
  const t = tokensStage.run(doc);
  for (const [k, v] of Object.entries(t)) doc.set(k as keyof Layers, v as never);
  for (const k of ['mentions', 'entities', 'quotes', 'figures'] as const) doc.set(k, []);
  for (const [k, v] of Object.entries(layers)) doc.set(k as keyof Layers, v as never);
  return doc;
}

function run(id: string, doc: Doc) {
  return RULES.get(id)!.check(doc);
}

const span = spanOf;

function mention(text: string, s: string, kind: Mention['kind'], type: Mention['type'], gender: Mention['gender'], entity: string | null, from = 0): Mention {
  const sp = span(text, s, from);
  return { id: `m${sp.start}`, ...sp, kind, type, gender, sentence: 0, entity };
}

function entity(id: string, name: string, type: Entity['type'], gender: Entity['gender']): Entity {
  return { id, name, type, gender, genderEvidence: [], mentions: [] };
}

function quote(text: string, content: string, opts: Partial<Quote> = {}): Quote {
  const sp = span(text, content);
  return {
    id: `q${sp.start}`, ...sp, kind: 'direct', cue: null, speaker: null, speakerName: null, speakerEntity: null,
    channel: null, source: 'test', attribution: `a${sp.start}`, ...opts,
  };
}

function figure(text: string, s: string, value: number, unit: string | null, extra: Partial<Figure> = {}): Figure {
  const sp = span(text, s);
  return { id: `f${sp.start}`, ...sp, kind: 'count', value, unit, qualifier: null, weekday: null, attribution: null, ...extra };
}

// ---- pronoun-gender-mismatch ------------------------------------------------------------------

const PRONOUN_TEXT = 'Mayor Tom Reed defended the plan. Asked whether he would run again, she said: "No."';
function pronounDoc(text: string, extra: Mention[] = []): Doc {
  return docOf(text, {
    mentions: [mention(text, 'Tom Reed', 'name', 'person', 'male', 'e1'), ...extra],
    entities: [entity('e1', 'Tom Reed', 'person', 'male')],
  });
}

test('pronoun-gender-mismatch: "she" whose only referent is a man is flagged, with the "he" as related', () => {
  const f = run('pronoun-gender-mismatch', pronounDoc(PRONOUN_TEXT));
  assert.equal(f.length, 1);
  assert.equal(PRONOUN_TEXT.slice(f[0].start, f[0].end), 'she');
  assert.ok(f[0].related!.some((r) => PRONOUN_TEXT.slice(r.start, r.end) === 'he'));
});

test('pronoun-gender-mismatch: silent when a woman, or a person of unknown gender, is a candidate', () => {
  const withWoman = 'Mayor Tom Reed and Ann Lee defended the plan. Asked whether he would run again, she said: "No."';
  assert.deepEqual(run('pronoun-gender-mismatch', pronounDoc(withWoman, [mention(withWoman, 'Ann Lee', 'name', 'person', 'female', null)])), []);
  const withUnknown = 'Mayor Tom Reed and the senator spoke. Asked whether he would run again, she said: "No."';
  assert.deepEqual(run('pronoun-gender-mismatch', pronounDoc(withUnknown, [mention(withUnknown, 'the senator', 'nominal', 'person', 'unknown', null)])), []);
  assert.deepEqual(run('pronoun-gender-mismatch', pronounDoc(PRONOUN_TEXT.replace('she said', 'he said'))), []);
});

test('pronoun-gender-mismatch: silent when the pronoun points forward to a name in its own sentence', () => {
  const text = 'Mayor Tom Reed said he would act. His plan failed and he blamed the council. When she was a prosecutor, Loretta Lynch brought no case.';
  const doc = pronounDoc(text, [{ ...mention(text, 'Loretta Lynch', 'name', 'person', 'female', null), sentence: 2 }]);
  assert.deepEqual(run('pronoun-gender-mismatch', doc), []);
});

// ---- figure-conflict --------------------------------------------------------------------------

test('figure-conflict: two values for one counted noun are flagged on the later one', () => {
  const text = 'The closure will cost 1,200 jobs, the council said.\n\nThe union will fight the 1,500 job cuts.';
  const doc = docOf(text, { figures: [figure(text, '1,200 jobs', 1200, 'jobs'), figure(text, '1,500 job cuts', 1500, 'job cuts')] });
  const f = run('figure-conflict', doc);
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), '1,500 job cuts');
  assert.equal(text.slice(f[0].related![0].start, f[0].related![0].end), '1,200 jobs');
});

test('figure-conflict: silent on the same value, on different nouns, and on a stated change', () => {
  const same = 'The closure will cost 1,200 jobs.\n\nThe union will fight the 1,200 job cuts.';
  assert.deepEqual(run('figure-conflict', docOf(same, { figures: [figure(same, '1,200 jobs', 1200, 'jobs'), figure(same, '1,200 job', 1200, 'job cuts')] })), []);
  const nouns = 'The plant has 1,200 workers.\n\nIt also owns 1,500 trucks.';
  assert.deepEqual(run('figure-conflict', docOf(nouns, { figures: [figure(nouns, '1,200 workers', 1200, 'workers'), figure(nouns, '1,500 trucks', 1500, 'trucks')] })), []);
  const change = 'The plant had 1,200 workers. The workforce rose to 1,500 workers.';
  assert.deepEqual(run('figure-conflict', docOf(change, { figures: [figure(change, '1,200 workers', 1200, 'workers'), figure(change, '1,500 workers', 1500, 'workers')] })), []);
});

// ---- age-conflict -----------------------------------------------------------------------------

test('age-conflict: one person with two ages, including a bare surname resolved to the full name', () => {
  const text = 'Margaret Pryce, 54, packs sardines.\n\nLater, Pryce, 56, said she would stay.';
  const f = run('age-conflict', docOf(text));
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'Pryce, 56');
});

test('age-conflict: relatives sharing a surname are different people', () => {
  const text = 'Margaret Pryce, 54, packs sardines. Her husband, Tom Pryce, 58, is a steward.';
  assert.deepEqual(run('age-conflict', docOf(text)), []);
  const ambiguous = 'Margaret Pryce, 54, packs sardines. Tom Pryce is a steward. Pryce, 58, said no.';
  assert.deepEqual(run('age-conflict', docOf(ambiguous)), []);
});

// ---- weekday-date-conflict --------------------------------------------------------------------

test('weekday-date-conflict: a wrong weekday is flagged, a right one is not', () => {
  const text = 'They met on Thursday, March 14, 2025, and again on Friday, March 14, 2025.';
  const f = run('weekday-date-conflict', docOf(text));
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'Thursday, March 14, 2025');
  assert.match(f[0].message, /Friday/);
});

test('weekday-date-conflict: without a year, the publication year from meta is used', () => {
  const text = 'The vote is on Thursday, March 14.';
  assert.deepEqual(run('weekday-date-conflict', docOf(text)), [], 'no year: not checkable');
  const meta = { datePublished: { value: '2025-03-10', source: { kind: 'meta' as const } } };
  assert.equal(run('weekday-date-conflict', docOf(text, { meta })).length, 1);
});

// ---- name-variant -----------------------------------------------------------------------------

test('name-variant: a surname one edit away from a full name is flagged on the rarer spelling', () => {
  const text = 'Dr. Aisha Rahman said the town was not alone. Rahman said more. Rahmen added that others fared better.';
  const f = run('name-variant', docOf(text));
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'Rahmen');
});

test('name-variant: a slip in the first letter, with the same forename, even when the surname is a word', () => {
  const text = 'Helen Carver, a retired teacher, lost her kitchen. Carver said the water rose fast. Later, Helen Karver said she would stay with her daughter.';
  const f = run('name-variant', docOf(text));
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'Karver');
  // Two people with different forenames and such surnames are two people.
  const two = 'Helen Carver spoke first. Then Mark Karver, a neighbour, spoke. Carver and Karver agreed.';
  assert.deepEqual(run('name-variant', docOf(two)), []);
});

test('name-variant: silent on relatives, possessives and someone else\'s name', () => {
  const text = 'Aisha Rahman and her brother Omar Rahman spoke. The Rahmans left. Rahman\'s shop closed.';
  assert.deepEqual(run('name-variant', docOf(text)), []);
  const other = 'James Comey testified. Corey Lewandowski, a campaign manager, said Comey was wrong.';
  assert.deepEqual(run('name-variant', docOf(other)), []);
});

// ---- proper-noun-case -------------------------------------------------------------------------

test('proper-noun-case: gazetteer places and the article\'s own names written lower case', () => {
  const text = 'kyiv has accused Moscow. The council of Porthaven met. She would not leave porthaven.';
  const f = run('proper-noun-case', docOf(text));
  assert.deepEqual(f.map((x) => text.slice(x.start, x.end)), ['kyiv', 'porthaven']);
});

test('proper-noun-case: silent on words that are also common words, and inside quotes', () => {
  const text = 'Senator Bill Green spoke. The bill passed. They ate turkey in May, and it may rain. He wrote "meet me in london".';
  assert.deepEqual(run('proper-noun-case', docOf(text)), []);
});

// ---- sourcing rules ---------------------------------------------------------------------------

test('unattributed-quote: a long direct quote with no speaker near it', () => {
  const text = 'Headline here\n\nIt rained all day.\n\n"We cannot keep paying for a plant that loses money."\n\nThe vote was unanimous.';
  const q = quote(text, '"We cannot keep paying for a plant that loses money."');
  assert.equal(run('unattributed-quote', docOf(text, { quotes: [q] })).length, 1);
  const cue = span(text, 'The vote');
  assert.deepEqual(run('unattributed-quote', docOf(text, { quotes: [{ ...q, cue }] })), [], 'a cue attributes it');
});

test('unnamed-source: a quote whose speaker is an unnamed entity', () => {
  const text = '"The talks have stalled," an official said.';
  const q = quote(text, '"The talks have stalled,"', { speaker: span(text, 'an official'), speakerEntity: 'e1' });
  const f = run('unnamed-source', docOf(text, { quotes: [q], entities: [entity('e1', 'an official', 'unnamed', 'unknown')] }));
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), 'an official');
  const named = run('unnamed-source', docOf(text, { quotes: [q], entities: [entity('e1', 'Anna Berg', 'person', 'female')] }));
  assert.deepEqual(named, []);
});

test('unnamed-source: anonymity formulas in the text', () => {
  const text = 'The plan is dead, said a diplomat who spoke on condition of anonymity.';
  assert.equal(run('unnamed-source', docOf(text)).length, 1);
});

test('secondary-sourcing: a channel naming an outlet, and "told Reuters" in the text', () => {
  const text = '"I left," Boris Bondarev told Reuters.';
  const q = quote(text, '"I left,"', { channel: span(text, 'told Reuters') });
  const f = run('secondary-sourcing', docOf(text, { quotes: [q] }));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Reuters/);
  assert.equal(run('secondary-sourcing', docOf('He said so in an interview with The Washington Post.')).length, 1);
  assert.deepEqual(run('secondary-sourcing', docOf('He told reporters he was leaving.')), []);
});

test('single-source and source-diversity: one voice, and the mix of voices', () => {
  const text = '"A," Okafor said. "B," Okafor added. "C," Pryce said.';
  const q1 = quote(text, '"A,"', { speakerEntity: 'e1', speakerName: 'Daniel Okafor' });
  const q2 = quote(text, '"B,"', { speakerEntity: 'e1', speakerName: 'Daniel Okafor' });
  const q3 = quote(text, '"C,"', { speakerEntity: 'e2', speakerName: 'Margaret Pryce' });
  const ents = [entity('e1', 'Daniel Okafor', 'person', 'male'), entity('e2', 'Margaret Pryce', 'person', 'female')];
  assert.equal(run('single-source', docOf(text, { quotes: [q1, q2], entities: ents })).length, 1);
  assert.deepEqual(run('single-source', docOf(text, { quotes: [q1, q2, q3], entities: ents })), []);
  const d = run('source-diversity', docOf(text, { quotes: [q1, q2, q3], entities: ents }));
  assert.equal(d.length, 1);
  assert.match(d[0].message, /2 quoted sources: 2 person; of the 2 people: 1 female, 1 male, 0 unknown/);
});

// ---- transparency rules -----------------------------------------------------------------------

test('missing-byline and missing-date: read from the text, or from page metadata', () => {
  const bare = 'Council approves budget\n\nThe council approved the budget on Tuesday.';
  assert.equal(run('missing-byline', docOf(bare)).length, 1);
  assert.equal(run('missing-date', docOf(bare)).length, 1);
  const lined = 'Council approves budget\n\nBy Jane Doe\n\nMarch 14, 2025\n\nThe council approved the budget on Tuesday.';
  assert.deepEqual(run('missing-byline', docOf(lined)), []);
  assert.deepEqual(run('missing-date', docOf(lined)), []);
  const meta = {
    authors: [{ value: { name: 'Jane Doe' }, source: { kind: 'json-ld' as const } }],
    datePublished: { value: '2025-03-14', source: { kind: 'json-ld' as const } },
  };
  assert.deepEqual(run('missing-byline', docOf(bare, { meta })), []);
  assert.deepEqual(run('missing-date', docOf(bare, { meta })), []);
  const body = 'Council approves budget\n\nBy Tuesday, the council had approved the budget it first drafted on March 14, 2025, after weeks of talks and two public meetings.';
  assert.equal(run('missing-byline', docOf(body)).length, 1, 'a body sentence starting "By" is no byline');
  assert.equal(run('missing-date', docOf(body)).length, 1, 'an event date in the body is no publication date');
});

test('trust-claim-unbacked: lists what is missing, and is silent when the text backs the claim', () => {
  const claim = 'This article conforms to The Trust Project criteria.';
  const bare = `Council approves budget\n\nThe council approved the budget.\n\n${claim}`;
  const f = run('trust-claim-unbacked', docOf(bare));
  assert.equal(f.length, 1);
  assert.equal(bare.slice(f[0].start, f[0].end), 'conforms to The Trust Project criteria');
  assert.match(f[0].message, /author.*publication date/);
  const backed = `Council approves budget\n\nBy Jane Doe\n\nMarch 14, 2025\n\nThe council approved the budget.\n\n${claim}`;
  assert.deepEqual(run('trust-claim-unbacked', docOf(backed)), []);
  assert.deepEqual(run('trust-claim-unbacked', docOf('The Trust Project was founded in 2014.')), []);
});

test('trust-claim-unbacked: for a web page, absent indicators from the trust layer count', () => {
  const text = 'Council approves budget\n\nBy Jane Doe\n\nMarch 14, 2025\n\nThis article conforms to The Trust Project criteria.';
  const meta = { headline: { value: 'Council approves budget', source: { kind: 'json-ld' as const } } };
  const trust = {
    claims: [span(text, 'conforms to The Trust Project criteria')],
    indicators: [{ id: 'methods', name: 'Methods', status: 'absent' as const, evidence: [], missing: ['a methods note'] }],
  };
  const f = run('trust-claim-unbacked', docOf(text, { meta, trust }));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Methods/);
});

// ---- recall additions (held-out forms) --------------------------------------------------------

const spanText = (text: string, f: { start: number; end: number }): string => text.slice(f.start, f.end);

test('pronoun-gender-mismatch: one man named as subject just before is enough, across a sentence or a paragraph break', () => {
  const text = 'Gareth Whitlow voted against the bill. She has led the opposition since 2019.';
  const doc = docOf(text, { mentions: [mention(text, 'Gareth Whitlow', 'name', 'person', 'male', 'e1')], entities: [entity('e1', 'Gareth Whitlow', 'person', 'male')] });
  assert.deepEqual(run('pronoun-gender-mismatch', doc).map((f) => spanText(text, f)), ['She']);
  const para = 'Gareth Whitlow voted against the bill.\nShe said it would fail.';
  const doc2 = docOf(para, { mentions: [mention(para, 'Gareth Whitlow', 'name', 'person', 'male', 'e1')], entities: [entity('e1', 'Gareth Whitlow', 'person', 'male')] });
  assert.deepEqual(run('pronoun-gender-mismatch', doc2).map((f) => spanText(para, f)), ['She']);
});

test('pronoun-gender-mismatch: a single name that is no subject of the pronoun\'s clause stays silent', () => {
  const cases = [
    'Ann Lee\'s plan ignores parents, he said.', // a possessive: the plan is the subject
    'Ann Lee had not listened to parents, he said.', // the speaker is someone else
    'Ann Lee said that he had called her twice.', // an embedded clause
  ];
  for (const text of cases) {
    const doc = docOf(text, { mentions: [mention(text, 'Ann Lee', 'name', 'person', 'female', 'e1')], entities: [entity('e1', 'Ann Lee', 'person', 'female')] });
    assert.deepEqual(run('pronoun-gender-mismatch', doc), [], text);
  }
});

test('pronoun-gender-mismatch: a known forename outranks an entity gender taken from the slip itself', () => {
  const text = 'Dr. Sofia Lindqvist said the design was sound, but he cautioned that it was small.';
  const doc = docOf(text, { mentions: [mention(text, 'Dr. Sofia Lindqvist', 'name', 'person', 'unknown', 'e1')], entities: [entity('e1', 'Sofia Lindqvist', 'person', 'male')] });
  assert.deepEqual(run('pronoun-gender-mismatch', doc).map((f) => spanText(text, f)), ['he']);
});

test('pronoun-gender-mismatch: a possessive slip in its subject\'s own clause, not after a speech verb', () => {
  const text = 'Mayor Tom Reed defended her decision to close the port.';
  const ms = (t: string) => ({ mentions: [mention(t, 'Tom Reed', 'name', 'person', 'male', 'e1')], entities: [entity('e1', 'Tom Reed', 'person', 'male')] });
  assert.deepEqual(run('pronoun-gender-mismatch', docOf(text, ms(text))).map((f) => spanText(text, f)), ['her']);
  const said = 'Tom Reed said her decision was wrong.';
  assert.deepEqual(run('pronoun-gender-mismatch', docOf(said, ms(said))), []);
  const object = 'Tom Reed called her on Monday.';
  assert.deepEqual(run('pronoun-gender-mismatch', docOf(object, ms(object))), []);
});

test('figure-conflict: an approximate figure conflicts only with a value well beyond it', () => {
  const far = 'The floods destroyed about 300 homes.\n\nMost of the 450 homes were in low streets.';
  const f = run('figure-conflict', docOf(far, { figures: [figure(far, 'about 300 homes', 300, 'homes', { qualifier: 'about' }), figure(far, '450 homes', 450, 'homes')] }));
  assert.deepEqual(f.map((x) => spanText(far, x)), ['450 homes']);
  const near = 'About 200 volunteers came.\n\nThe 210 volunteers worked all day.';
  assert.deepEqual(run('figure-conflict', docOf(near, { figures: [figure(near, 'About 200 volunteers', 200, 'volunteers', { qualifier: 'about' }), figure(near, '210 volunteers', 210, 'volunteers')] })), []);
});

test('figure-conflict: "a month" after a verb is no rate, "the closure of" is definite, "later said" is no reconciliation', () => {
  const rate = 'The fault cut off 1.2 million customers. The 900,000 customers affected would receive a month of free data.';
  assert.equal(run('figure-conflict', docOf(rate, { figures: [figure(rate, '1.2 million customers', 1200000, 'customers'), figure(rate, '900,000 customers', 900000, 'customers')] })).length, 1);
  const perDay = 'The field pumps 50,000 barrels a day. The other field pumps 60,000 barrels a day.';
  assert.deepEqual(run('figure-conflict', docOf(perDay, { figures: [figure(perDay, '50,000 barrels', 50000, 'barrels'), figure(perDay, '60,000 barrels', 60000, 'barrels')] })), []);
  const closure = 'The bank will close 140 branches. Analysts were not surprised. Profits fell. Rivals waited.\n\nUnions criticised the closure of 180 branches.';
  assert.equal(run('figure-conflict', docOf(closure, { figures: [figure(closure, '140 branches', 140, 'branches'), figure(closure, '180 branches', 180, 'branches')] })).length, 1);
  const later = 'The ferry sank, killing 17 people. The coast guard later said 23 people had been killed.';
  assert.equal(run('figure-conflict', docOf(later, { figures: [figure(later, '17 people', 17, 'people'), figure(later, '23 people', 23, 'people')] })).length, 1);
});

test('age-conflict: ages before a nationality or a role, spans in reading order, names not across lines', () => {
  const text = 'Doha\nLena Fischer, 19, won.\n\nThe 20-year-old German Lena Fischer will rise.';
  const f = run('age-conflict', docOf(text));
  assert.deepEqual(f.map((x) => spanText(text, x)), ['20-year-old German Lena Fischer']);
  const role = 'Vadim Kulik, 21, was sentenced. The 22-year-old tank commander Vadim Kulik wept.';
  assert.deepEqual(run('age-conflict', docOf(role)).map((x) => spanText(role, x)), ['22-year-old tank commander Vadim Kulik']);
  const two = 'A 30-year-old suspect and Maria Lopez, 45, were arrested. Maria Lopez, 45, was released.';
  assert.deepEqual(run('age-conflict', docOf(two)), []);
});

test('weekday-date-conflict: the date before its weekday, abbreviated weekdays, and far dates of either year', () => {
  const text = 'Work starts on 17 June 2026 (Tuesday). The vote was on Thu. 4 March 2026. The fair opens on 6 March 2026, a Friday.';
  assert.deepEqual(run('weekday-date-conflict', docOf(text)).map((x) => spanText(text, x)).sort(), ['17 June 2026 (Tuesday)', 'Thu. 4 March 2026']);
  const paper = 'Sales fell on 5 March, Sunday Times data showed.';
  assert.deepEqual(run('weekday-date-conflict', docOf(paper, { meta: { datePublished: { value: '2026-03-10', source: { kind: 'meta' as const } } } })), []);
  // Published March 2026: "Tuesday 3rd November" is 2026 (a Tuesday), though 2025 is nearer.
  const far = 'The jury will decide on Tuesday 3rd November.';
  const meta = { datePublished: { value: '2026-03-03', source: { kind: 'meta' as const } } };
  assert.deepEqual(run('weekday-date-conflict', docOf(far, { meta })), []);
  assert.equal(run('weekday-date-conflict', docOf('The vote is on Monday 9th March.'.replace('Monday', 'Sunday'), { meta })).length, 1);
});

test('proper-noun-case: events, holidays, weekdays, nationalities before a state word, two-word places', () => {
  const text = 'Since brexit and covid-19, british officials meet on monday in new york. Christmas is now christmas.';
  assert.deepEqual(run('proper-noun-case', docOf(text)).map((x) => spanText(text, x)), ['brexit', 'covid-19', 'british', 'monday', 'new york', 'christmas']);
  const traps = 'She ordered french fries, danish pastries and a german shepherd puppy, and sailed to the west bank of the river in may.';
  assert.deepEqual(run('proper-noun-case', docOf(traps)), []);
});

test('name-variant: a two-word name of unknown words is a reference whatever its entity type', () => {
  const text = 'Two goals from Chidi Okonkwo won it. Okonkwo scored twice. "I kept believing," said Okonkow.';
  const doc = docOf(text, { entities: [entity('e1', 'Chidi Okonkwo', 'place', 'unknown')] });
  assert.deepEqual(run('name-variant', doc).map((x) => spanText(text, x)), ['Okonkow']);
});

test('trust-claim-unbacked: claims the trust layer does not read are taken from the text', () => {
  const text = 'By Rosa Lindahl\n\nThe council approved the lanes.\n\nNorthwind News is committed to the Trust Project\'s principles.';
  const trust = { claims: [], indicators: [] };
  const f = run('trust-claim-unbacked', docOf(text, { trust }));
  assert.equal(f.length, 1);
  assert.match(spanText(text, f[0]), /committed to the Trust Project/);
  assert.match(f[0].message, /publication date/);
});

test('figure-conflict: large sums of one currency are compared, small ones (wages, prices) are not', () => {
  const money = (t: string, s: string, v: number, unit: string) => figure(t, s, v, unit, { kind: 'money' });
  const deal = 'Shareholders backed a £2.4 billion takeover on Thursday.\n\nCritics said the £2.1 billion takeover undervalued the firm.';
  assert.deepEqual(run('figure-conflict', docOf(deal, { figures: [money(deal, '£2.4 billion', 2.4e9, 'GBP'), money(deal, '£2.1 billion', 2.1e9, 'GBP')] })).map((x) => spanText(deal, x)), ['£2.1 billion']);
  const wage = 'She backs a $12 minimum wage.\n\nUnions want the $15 minimum wage.';
  assert.deepEqual(run('figure-conflict', docOf(wage, { figures: [money(wage, '$12', 12, 'USD'), money(wage, '$15', 15, 'USD')] })), []);
  const currencies = 'They paid a £2.4 billion fee.\n\nThe €2.1 billion fee was paid.';
  assert.deepEqual(run('figure-conflict', docOf(currencies, { figures: [money(currencies, '£2.4 billion', 2.4e9, 'GBP'), money(currencies, '€2.1 billion', 2.1e9, 'EUR')] })), []);
});

test('figure-conflict: a bare number after "<noun> of" counts that noun ("a death toll of 45"), not "the age of"', () => {
  const toll = 'The storm left a death toll of 45 on Monday.\n\nOfficials confirmed the toll of 52.';
  assert.deepEqual(run('figure-conflict', docOf(toll, { figures: [figure(toll, '45', 45, null), figure(toll, '52', 52, null)] })).map((x) => spanText(toll, x)), ['52']);
  const age = 'She married at the age of 25.\n\nShe had her first child at the age of 27.';
  assert.deepEqual(run('figure-conflict', docOf(age, { figures: [figure(age, '25', 25, null), figure(age, '27', 27, null)] })), []);
});

test('missing-byline: a name line with its newsroom role is a byline; a headline mentioning a reporter is not', () => {
  assert.deepEqual(run('missing-byline', docOf('Jane Roe, Staff Reporter\nMarch 10, 2026\n\nCouncil approves budget\n\nThe council met.')), []);
  assert.equal(run('missing-byline', docOf('Campaign Manager Laughs, Evades Reporter’s Question\n\nThe council met.')).length, 1);
});

// ---- non-english-text --------------------------------------------------------------------------

test('non-english-text: reports a French article with the share of English words, not an English one or a short text', () => {
  const fr = 'Le conseil municipal a voté mardi la fermeture de la dernière conserverie du port, a annoncé la maire. ' +
    'Selon elle, la décision était inévitable après dix ans de pertes. Les syndicats ont dénoncé un choix brutal et ' +
    'appelé à une manifestation samedi devant la mairie. « Nous ne laisserons pas faire », a déclaré un délégué. ' +
    'Plusieurs élus de l\'opposition ont demandé un audit indépendant des comptes de la société.';
  const f = run('non-english-text', docOf(fr));
  assert.equal(f.length, 1);
  assert.match(f[0].message, /does not read as English \(\d+% of its first \d+ words/);
  assert.deepEqual(run('non-english-text', docOf('Le conseil a voté mardi. La maire a parlé.')), []);
  const en = 'The town council voted on Tuesday to close the last cannery in the harbour, the mayor said. It was ' +
    'inevitable after ten years of losses, she said. The unions denounced a brutal choice and called for a protest ' +
    'on Saturday in front of the town hall. "We will not let this happen," a delegate said. Several opposition ' +
    'councillors have asked for an independent audit of the company accounts.';
  assert.deepEqual(run('non-english-text', docOf(en)), []);
});

test('unnamed-source: one finding per speaker span, even when it heads two attributions', () => {
  const text = 'A senior official said the board had failed and that it should resign.';
  const sp = span(text, 'A senior official');
  const q = (k: number, content: string) => {
    const c = span(text, content);
    return { id: `q${k}`, start: c.start, end: c.end, text: content, kind: 'indirect' as const, cue: span(text, 'said'), speaker: sp,
      speakerName: null, speakerEntity: null, channel: null, source: 'test', attribution: `A${k}` };
  };
  const doc = docOf(text, { quotes: [q(1, 'the board had failed'), q(2, 'it should resign')] });
  assert.equal(run('unnamed-source', doc).filter((f) => f.start === sp.start).length, 1);
});

test('unnamed-source: "officials said" is an unnamed source even when the entity stage made "officials" a group', () => {
  const text = 'Officials said the bridge would reopen in May.';
  const sp = span(text, 'Officials');
  const q = { id: 'q1', start: span(text, 'the bridge would reopen in May').start, end: text.length - 1, text: 'the bridge would reopen in May', kind: 'indirect' as const,
    cue: span(text, 'said'), speaker: sp, speakerName: 'Officials', speakerEntity: 'en1', channel: null, source: 'test', attribution: 'A1' };
  const ent = { id: 'en1', name: 'Officials', type: 'group' as const, gender: 'unknown' as const, genderEvidence: [], mentions: [] };
  const f = run('unnamed-source', docOf(text, { quotes: [q], entities: [ent] }));
  assert.equal(f.length, 1);
  assert.equal(f[0].start, sp.start);
});
