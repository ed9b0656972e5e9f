import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer } from '../helpers.ts';

// The engine reads English: its tagger, gazetteers, cue lexicon and rules are English. On text in
// another language it still finds "names" (every capitalised word) and "quotes", all unreliable,
// so the reader is told. English prose is ~35–45% function words from this list; French, German,
// Spanish, Portuguese or Indonesian score under 8%, and have more function words of their own.
const FUNCTION_WORDS = new Set(`the of and to in a is that for it on was with he as at by this from be have has
are were his her they she an not but or which who said had their its will would been also more than about after
there one all we you i when what out up new so can just over into some could them other do no our`.split(/\s+/));
// Function words of other languages news is written in (German, French, Spanish, Portuguese,
// Italian, Dutch, Indonesian), none of them an English word: a list-heavy English page (a meal
// plan, a results table) is low on English function words too, but has none of these.
const FOREIGN_WORDS = new Set(`der das und ist nicht mit sich des dem den ein eine auf für von im auch sie wir
le la les des et est une du pour dans que qui pas sur au avec ce il elle sont
el los las del y en por con para una se lo como más pero
o os da do dos das em um uma não é na no mais
di che è per sono della nel
het een en van dat op te zijn niet voor
dan yang ini itu dengan untuk tidak dari dalam akan pada juga ke`.split(/\s+/).filter((w) => w && !FUNCTION_WORDS.has(w)));
const MIN_WORDS = 60;
const MIN_SHARE = 0.12;
/** Enough of the text to judge; a long article is not read to the end for this. */
const MAX_WORDS = 2000;
const SETTLED_AFTER = 200;

export const nonEnglishText: Rule = {
  meta: {
    id: 'non-english-text',
    description: 'The text does not read as English, so the analysis is unreliable.',
    category: 'input',
    severity: 'warning',
    docs: docsPath('non-english-text'),
  },
  check(doc) {
    let words = 0;
    let common = 0;
    let foreign = 0;
    for (const t of layer(doc, 'tokens', [])) {
      if (t.type !== 'word') continue;
      words++;
      if (FUNCTION_WORDS.has(t.lower)) common++;
      else if (FOREIGN_WORDS.has(t.lower)) foreign++;
      if (words >= MAX_WORDS) break;
      // English prose settles the question within a few hundred words.
      if (words === SETTLED_AFTER && common / words >= 2 * MIN_SHARE) return [];
    }
    if (words < MIN_WORDS || common / words >= MIN_SHARE || foreign <= common) return [];
    const pct = Math.round((100 * common) / words);
    return [{
      start: 0,
      end: 0,
      message: `The text does not read as English (${pct}% of its first ${words} words are common English words; English news has 35–45%). trustlens analyses English: its quotes, entities and checks are unreliable here.`,
    }];
  },
};
