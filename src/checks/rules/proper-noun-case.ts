import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import type { Token } from '../../model/types.ts';
import { insideQuotes, isEnglishWord, layer, MONTHS, WEEKDAYS } from '../helpers.ts';
import { PLACES } from '../../nlp/gazetteer/places.ts';

// A known proper noun written in lower case ("kyiv has accused…", "would not leave porthaven").
// Known means either a one-word place from the gazetteer (countries, capitals, large cities) that
// is not also an English word ("turkey", "chad", "nice"), or a word this article itself writes
// capitalised inside a sentence and that wink's English lexicon does not know: a name the
// article uses ("Porthaven"), never a common word capitalised in a title ("Bill", "Will", "May").

/** Gazetteer places that are also everyday words or usual in lower case. */
const AMBIGUOUS_PLACES = new Set(`turkey chad china jordan nice guinea gulf pacific atlantic arctic concord phoenix
  mobile reading bath split orange victoria panama chile brussels cologne wellington manhattan mecca queens
  us dc georgia aden lima columbia charleston sydney florence austin charlotte midwest lagos`.split(/\s+/).filter(Boolean));
const SKIP = new Set([...MONTHS, ...WEEKDAYS]);
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
    for (const t of tokens) {
      const w = t.text;
      if (w.length < MIN_LEN || !lowerWord(w) || SKIP.has(w)) continue;
      const place = PLACES.has(w) && !AMBIGUOUS_PLACES.has(w);
      if (!place && !capitalised.has(w)) continue;
      // Quoted words keep the source's spelling (an e-mail, a post): not the writer's slip.
      if (insideQuotes(doc, t.start)) continue;
      // Inside a URL, an e-mail address, a handle or a hashtag, lower case is the norm.
      const before = text[t.start - 1];
      const after = text[t.end];
      if (before === '.' || before === '/' || before === '@' || before === '#' || before === '_' || after === '.' && /\w/.test(text[t.end + 1] ?? '')) continue;
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
