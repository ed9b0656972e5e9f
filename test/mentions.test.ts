import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Mention } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { mentionsStage } from '../src/nlp/mentions.ts';

function mentionsOf(text: string): Mention[] {
  const doc = new Doc(text);
  for (const [k, v] of Object.entries(tokensStage.run(doc))) doc.set(k as 'tokens', v as never);
  return mentionsStage.run(doc).mentions;
}
const find = (ms: Mention[], text: string) => ms.find((m) => m.text === text);

test('names are trimmed of possessives, dates and sentence-initial common words', () => {
  const text = 'Cheaper bread was promised on Monday. Lena Marsh’s plan failed in Oslo, Marsh said. Asked why, cheaper bread was the answer.';
  const ms = mentionsOf(text);
  assert.equal(find(ms, 'Cheaper'), undefined);
  assert.equal(find(ms, 'Asked'), undefined);
  assert.equal(find(ms, 'Monday'), undefined);
  assert.equal(find(ms, 'Lena Marsh')?.kind, 'name');
  assert.equal(find(ms, 'Lena Marsh')?.gender, 'female');
  assert.equal(find(ms, 'Oslo')?.type, 'place');
  for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text);
});

test('titles become nominal mentions and honorifics give gender', () => {
  const ms = mentionsOf('Deputy Prosecutor General Olek Varga spoke. Mr. Tarn agreed with Ms. Quill.');
  assert.equal(find(ms, 'Deputy Prosecutor General')?.kind, 'nominal');
  assert.equal(find(ms, 'Olek Varga')?.type, 'person');
  assert.equal(find(ms, 'Tarn')?.gender, 'male');
  assert.equal(find(ms, 'Quill')?.gender, 'female');
});

test('outlets keep their article and are typed as outlets; organisations by their head word', () => {
  const ms = mentionsOf('He told The Washington Post and CNN that the Ministry of Water Affairs would act.');
  assert.equal(find(ms, 'The Washington Post')?.type, 'outlet');
  assert.equal(find(ms, 'CNN')?.type, 'outlet');
  assert.equal(find(ms, 'Ministry of Water Affairs')?.type, 'organisation');
  assert.equal(find(ms, 'He')?.kind, 'pronoun');
  assert.equal(find(ms, 'He')?.gender, 'male');
});

test('nominal mentions: roles, groups and organisations, with gender from the role noun', () => {
  const ms = mentionsOf('Officials said a senior official who spoke on condition of anonymity met the company spokeswoman.');
  assert.equal(find(ms, 'Officials')?.type, 'group');
  assert.equal(find(ms, 'a senior official')?.type, 'person');
  const sw = find(ms, 'the company spokeswoman');
  assert.equal(sw?.kind, 'nominal');
  assert.equal(sw?.gender, 'female');
});

test('mention ids are unique and prefixed mn', () => {
  const ms = mentionsOf('Ana Ruiz said she would go. She went to Lima with her aide.');
  const ids = new Set(ms.map((m) => m.id));
  assert.equal(ids.size, ms.length);
  for (const m of ms) assert.match(m.id, /^mn\d+$/);
  assert.deepEqual(ms.filter((m) => m.kind === 'pronoun').map((m) => m.text), ['she', 'She', 'her']);
});

test('a capitalised English word opening a noun phrase is no name, unless the article capitalises it mid-sentence', () => {
  const names = (text: string) => mentionsOf(text).filter((m) => m.kind === 'name').map((m) => m.text);
  assert.ok(!names('Heavy rain has flooded the valley. Crews worked all night.').includes('Heavy'));
  assert.ok(names('Bush administration officials met on Monday. Critics said Bush had erred.').filter((n) => n === 'Bush').length === 2);
  assert.ok(names('Brown told reporters the plan would pass.').includes('Brown'));
});

test('a nickname of up to three words inside a name, and an office after a title, are no names of their own', () => {
  const ms = mentionsOf('Club captain Danny “The Wall” Pearce missed the game. By Tom Harris, Sports Correspondent. Then Sports Editor Jane Hill agreed, and the U.S. Refugee Act stood.');
  assert.equal(find(ms, 'Danny “The Wall” Pearce')?.type, 'person');
  assert.equal(find(ms, 'Wall'), undefined);
  assert.equal(find(ms, 'Sports Correspondent')?.kind, 'nominal');
  assert.equal(find(ms, 'Correspondent'), undefined);
  assert.equal(find(ms, 'Sports Editor')?.kind, 'nominal');
  assert.equal(find(ms, 'Jane Hill')?.kind, 'name');
  assert.equal(find(ms, 'Act'), undefined);
});

test('an acronym opening a longer name makes it an institution; a GP is a role', () => {
  const ms = mentionsOf('Figures were published by NHS England on Thursday. Dr Sarah Pinto, a GP in Manchester, spoke, and DJ Khaled agreed.');
  assert.equal(find(ms, 'NHS England')?.type, 'organisation');
  assert.equal(find(ms, 'GP')?.kind, 'nominal');
  assert.notEqual(find(ms, 'DJ Khaled')?.type, 'organisation');
});

test('an honorific makes a person of a place word; post-nominal letters stay out of the name', () => {
  const ms = mentionsOf('The chair, Sir Robert Lane MP, spoke on Monday. Mr Lane said the report was late. Jane Hill QC agreed.');
  assert.equal(find(ms, 'Robert Lane')?.type, 'person');
  assert.equal(find(ms, 'Lane')?.type, 'person');
  assert.equal(find(ms, 'Jane Hill')?.kind, 'name');
});

test('"of the" inside an institution’s name; a programme heads an organisation', () => {
  const ms = mentionsOf('The International Committee of the Red Cross said it. According to the World Food Programme, people need food.');
  assert.equal(find(ms, 'International Committee of the Red Cross')?.type, 'organisation');
  assert.equal(find(ms, 'World Food Programme')?.type, 'organisation');
  // a name ending right before "of" at the end of the text is no crash
  assert.ok(mentionsOf('It came from the Ministry of').length >= 1);
});

test('short forms of common forenames give gender', () => {
  const ms = mentionsOf('Ed Rendell spoke, then Meg Whitman, Hank Sheinkopf and Deb Kline.');
  assert.equal(find(ms, 'Ed Rendell')?.gender, 'male');
  assert.equal(find(ms, 'Meg Whitman')?.gender, 'female');
  assert.equal(find(ms, 'Hank Sheinkopf')?.gender, 'male');
  assert.equal(find(ms, 'Deb Kline')?.gender, 'female');
});

test('one word with a capital inside is a brand, not a surname with a prefix nor a run-together name', () => {
  const ms = mentionsOf('RealClearPolitics said it. Then DeSantis and McCain spoke, and HillaryClinton tweeted. Pew Research found it.');
  assert.equal(find(ms, 'RealClearPolitics')?.type, 'organisation');
  assert.notEqual(find(ms, 'DeSantis')?.type, 'organisation');
  assert.notEqual(find(ms, 'McCain')?.type, 'organisation');
  assert.notEqual(find(ms, 'HillaryClinton')?.type, 'organisation');
  assert.equal(find(ms, 'Pew Research')?.type, 'organisation');
});

test('"a Wisconsin Republican" describes a person; museums, commands, PACs and polls are organisations', () => {
  const ms = mentionsOf('A Wisconsin Republican said it. The Holocaust Memorial Museum, Principles PAC and the Gallup Poll disagreed.');
  assert.equal(find(ms, 'Wisconsin Republican')?.kind, 'nominal');
  assert.equal(find(ms, 'Holocaust Memorial Museum')?.type, 'organisation');
  assert.equal(find(ms, 'Principles PAC')?.type, 'organisation');
  assert.equal(find(ms, 'Gallup Poll')?.type, 'organisation');
});

test('laws, wars, programmes and faiths are other named things; a capitalised label line is no name', () => {
  const ms = mentionsOf('FULL TEXT.\n\nThe Affordable Care Act and the Second Amendment outlived World War II, said John Bill. Obamacare and Islam were debated.');
  for (const name of ['Affordable Care Act', 'Second Amendment', 'World War II', 'Obamacare', 'Islam']) assert.equal(find(ms, name)?.type, 'other', name);
  assert.equal(find(ms, 'John Bill')?.type, 'person');
  assert.equal(find(ms, 'FULL TEXT'), undefined);
});

test('hills, towers, belts and islands end place names, unless a forename makes a surname of them', () => {
  const ms = mentionsOf('Then Capitol Hill reacted, Trump Tower was busy and the Rust Belt voted. Then Lauryn Hill sang and Michael Bay filmed.');
  for (const name of ['Capitol Hill', 'Trump Tower', 'Rust Belt']) assert.equal(find(ms, name)?.type, 'place', name);
  assert.equal(find(ms, 'Lauryn Hill')?.type, 'person');
  assert.equal(find(ms, 'Michael Bay')?.type, 'person');
});

test('plural title abbreviations stay titles, and a forename the tagger read as a verb still opens a name', () => {
  const ms = mentionsOf('Sens. Ted Cruz and Johnny Isakson voted no. Reps. Chris Collins agreed. Will Trump win?');
  assert.equal(find(ms, 'Ted Cruz')?.type, 'person');
  assert.equal(find(ms, 'Chris Collins')?.type, 'person');
  assert.equal(find(ms, 'Reps. Chris Collins'), undefined);
  assert.equal(find(ms, 'Will Trump'), undefined);
});

test('"Social Security" is a programme, not a title and a person; "Others" are a group', () => {
  const ms = mentionsOf('He supported Medicare and Social Security cuts. Others said it was wrong.');
  assert.equal(find(ms, 'Social Security')?.type, 'other');
  assert.equal(find(ms, 'Security'), undefined);
  assert.equal(find(ms, 'Others')?.type, 'group');
});

test('"of" inside a law’s name; a preposition read as an adjective is no modifier', () => {
  const ms = mentionsOf('Outside court, the leader spoke. He repaid it under the Proceeds of Crime Act and the Freedom of Information Act.');
  assert.equal(find(ms, 'Proceeds of Crime Act')?.type, 'other');
  assert.equal(find(ms, 'Freedom of Information Act')?.type, 'other');
  assert.equal(find(ms, 'Outside court'), undefined);
});
