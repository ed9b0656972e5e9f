import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { isEnglishWord, layer, MONTHS, WEEKDAYS } from '../helpers.ts';
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
    // Capitalised forms used inside a sentence (not its first word): the article's own names.
    const capitalised = new Set<string>();
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.sentence !== tokens[i - 1].sentence || t.text.length < MIN_LEN) continue;
      const c = t.text.charCodeAt(0);
      if (c < 65 || c > 90 || t.text === t.text.toUpperCase()) continue;
      const prev = tokens[i - 1].text;
      if (prev === '“' || prev === '"' || prev === '‘' || prev === ':' ) continue;
      capitalised.add(t.lower);
    }
    const out: Report[] = [];
    for (const t of tokens) {
      const w = t.text;
      if (w.length < MIN_LEN || w !== t.lower || !/^[a-z][a-z'’-]*[a-z]$/.test(w) || SKIP.has(w)) continue;
      // Inside a URL, an e-mail address, a handle or a hashtag, lower case is the norm.
      const before = text[t.start - 1];
      const after = text[t.end];
      if (before === '.' || before === '/' || before === '@' || before === '#' || before === '_' || after === '.' && /\w/.test(text[t.end + 1] ?? '')) continue;
      const place = PLACES.has(w) && !AMBIGUOUS_PLACES.has(w);
      const ownName = !place && capitalised.has(w) && !isEnglishWord(w);
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
