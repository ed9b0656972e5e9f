import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import type { Token } from '../../model/types.ts';
import { insideQuotes, isEnglishWord, layer, MONTHS, WEEKDAYS } from '../helpers.ts';
import { DEMONYMS, PLACES } from '../../nlp/gazetteer/places.ts';
import { GROUP_ROLES, ORG_NOUNS, PERSON_ROLES, TITLE_WORDS } from '../../nlp/gazetteer/roles.ts';

// A known proper noun written in lower case ("kyiv has accused…", "would not leave porthaven").
// Known means either a one-word place from the gazetteer (countries, capitals, large cities) that
// is not also an English word ("turkey", "chad", "nice"), or a word this article itself writes
// capitalised inside a sentence and that wink's English lexicon does not know: a name the
// article uses ("Porthaven"), never a common word capitalised in a title ("Bill", "Will", "May").

/** Gazetteer places that are also everyday words or usual in lower case. */
const AMBIGUOUS_PLACES = new Set(`turkey chad china jordan nice guinea gulf pacific atlantic arctic concord phoenix
  mobile reading bath split orange victoria panama chile brussels cologne wellington manhattan mecca queens
  us dc georgia aden lima columbia charleston sydney florence austin charlotte midwest lagos`.split(/\s+/).filter(Boolean));
const SKIP = new Set<string>(MONTHS.filter((m) => m === 'may' || m === 'march' || m === 'june' || m === 'july' || m === 'august'));
/**
 * Proper nouns that are not places and are never common words in lower case: weekdays, the months
 * that are not words, holidays, events and brands news writes about ("covid", "brexit").
 */
const ALWAYS_PROPER = new Set([...WEEKDAYS, ...MONTHS.filter((m) => !SKIP.has(m)),
  ...`covid brexit christmas easter ramadan hanukkah diwali thanksgiving eid facebook instagram youtube whatsapp tiktok
  linkedin`.split(/\s+/).filter(Boolean)]);
/**
 * A nationality in lower case is a slip before a word for a state, its people or institutions
 * ("the german lender", "british officials"); in compounds ("french fries", "danish pastries",
 * "german shepherd", "swiss army knife") lower case is usual and the next word is none of these.
 */
const NATIONAL_HEADS = new Set([...ORG_NOUNS, ...GROUP_ROLES, ...PERSON_ROLES.keys(), ...TITLE_WORDS,
  ...`people economy capital border citizens citizen nationals national authorities voters media team side club league
  election elections language city cities town towns territory forces soldiers troops prime foreign state`.split(/\s+/).filter(Boolean)]);
/** Gazetteer "demonyms" that are common adjectives in lower case: directions, parties, creeds. */
const NOT_NATIONAL = new Set(`western eastern northern southern soviet nato-led muslim christian jewish catholic protestant
  sunni shiite shia republican democratic democrat conservative liberal communist socialist
  north south`.split(/\s+/).filter(Boolean));
const COMPOUNDS = new Set(['swiss army', 'french press', 'french horn', 'french window', 'french windows', 'french door', 'french doors']);
const MIN_LEN = 4;

const singular = (w: string): string => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('es') ? w.slice(0, -2) : w.endsWith('s') ? w.slice(0, -1) : w);

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
/** Letters only, first upper, rest lower ("Porthaven"); char codes, not a regex per token. */
function capitalisedWord(w: string): boolean {
  if (!isUpper(w.charCodeAt(0))) return false;
  for (let i = 1; i < w.length; i++) if (!isLower(w.charCodeAt(i))) return false;
  return true;
}
function lowerWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isLower(w.charCodeAt(i))) return false;
  return true;
}

/** Sentences written in title case (headlines, subheads): most of their longer words capitalised. */
function titleSentences(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  let s = -1;
  let words = 0;
  let caps = 0;
  const flush = () => {
    if (s >= 0 && words >= 3 && caps / words > 0.5) out.add(s);
  };
  for (const t of tokens) {
    if (t.sentence !== s) {
      flush();
      s = t.sentence;
      words = caps = 0;
    }
    if (t.text.length < 4) continue;
    const c = t.text.charCodeAt(0);
    if (isUpper(c)) {
      words++;
      caps++;
    } else if (isLower(c)) words++;
  }
  flush();
  return out;
}

/** Two-word places that are also ordinary phrases in lower case. */
const COMMON_PAIRS = new Set(['west bank', 'west coast', 'east coast', 'far east', 'near east', 'new england', 'wall street', 'silicon valley',
  'persian gulf', 'golan heights', 'middle east', 'cape town', 'gaza city', 'kansas city', 'new mexico']);

/** Inside a URL, an e-mail address, a handle or a hashtag, lower case is the norm. */
function urlLike(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return before === '.' || before === '/' || before === '@' || before === '#' || before === '_' || (after === '.' && /\w/.test(text[end + 1] ?? ''));
}

// First words of the gazetteer's multi-word places ("new" of "new york"): most tokens are not one,
// so the two-word key is only built for these.
const PLACE_FIRST_WORDS: ReadonlySet<string> = new Set([...PLACES].filter((p) => p.includes(' ')).map((p) => p.slice(0, p.indexOf(' '))));

export const properNounCase: Rule = {
  meta: {
    id: 'proper-noun-case',
    description: 'A known proper noun (a place, or a name the article capitalises elsewhere) written in lower case.',
    category: 'consistency',
    severity: 'warning',
    docs: docsPath('proper-noun-case'),
  },
  check(doc) {
    const tokens = layer(doc, 'tokens', []);
    const text = doc.text;
    // The article's own names: words it capitalises inside a sentence, on their own (not as one
    // word of a longer capitalised name like "Regenerative Medicine Institute"), outside titles.
    const capitalised = new Set<string>();
    const isCap = (t: Token | undefined): boolean => !!t && isUpper(t.text.charCodeAt(0));
    const titleLike = titleSentences(tokens);
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.sentence !== tokens[i - 1].sentence || t.text.length < MIN_LEN || titleLike.has(t.sentence)) continue;
      if (!capitalisedWord(t.text)) continue;
      const prev = tokens[i - 1];
      if (prev.pos === 'PUNCT' && !/^[,;()]$/.test(prev.text)) continue;
      if (isCap(prev) || (isCap(tokens[i + 1]) && tokens[i + 1].sentence === t.sentence)) continue;
      capitalised.add(t.lower);
    }
    const out: Report[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      const w = t.text;
      // Two-word places in lower case ("new york", "hong kong"); not "the west bank of the river".
      const n = tokens[k + 1];
      if (n && n.sentence === t.sentence && PLACE_FIRST_WORDS.has(w) && lowerWord(w) && lowerWord(n.text) && PLACES.has(`${w} ${n.lower}`) &&
        !COMMON_PAIRS.has(`${w} ${n.lower}`) && text.slice(t.end, n.start) === ' ' && !insideQuotes(doc, t.start) && !urlLike(text, t.start, n.end)) {
        out.push({ start: t.start, end: n.end, message: `"${w} ${n.text}" is a proper noun and should be capitalised.` });
        k++;
        continue;
      }
      if (w.length < MIN_LEN) continue;
      // "covid-19": the word without a numeric suffix (most words have no hyphen: no regex for them).
      const base = w.includes('-') ? w.replace(/-\d+$/, '') : w;
      if (!lowerWord(base) || SKIP.has(w)) continue;
      const next = tokens[k + 1];
      const place = (PLACES.has(w) && !AMBIGUOUS_PLACES.has(w)) || ALWAYS_PROPER.has(w) || ALWAYS_PROPER.has(base) ||
        (DEMONYMS.has(w) && !NOT_NATIONAL.has(w) && !!next && NATIONAL_HEADS.has(next.lower) && !COMPOUNDS.has(`${w} ${next.lower}`));
      if (!place && !capitalised.has(w)) continue;
      // Quoted words keep the source's spelling (an e-mail, a post): not the writer's slip.
      if (insideQuotes(doc, t.start)) continue;
      if (urlLike(text, t.start, t.end)) continue;
      const ownName = !place && capitalised.has(w) && !isEnglishWord(w) && !isEnglishWord(singular(w));
      if (!place && !ownName) continue;
      const proper = w[0].toUpperCase() + w.slice(1);
      out.push({
        start: t.start,
        end: t.end,
        message: `"${w}" is a proper noun and should be capitalised ("${proper}")${ownName ? ', as the article writes it elsewhere' : ''}.`,
      });
    }
    return out;
  },
};
