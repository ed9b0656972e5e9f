import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';
import { withRoomFor } from '../model/arrays.ts';

// wink learns: every word it reads that its lexicon lacks is added to the lexicon for good, and
// its tokenizer keeps any string it finds there whole. So once an article has made "Clinton's" a
// lexeme, every later article tokenizes "Clinton's" as one token instead of "Clinton" + "'s", and
// the analysis of a text depended on which texts the process had read before (the CLI on one
// file and a corpus run disagreed). The lexicon cache is wrapped so that a word added while
// reading an earlier text is not found until the current text adds it again: each text is
// tokenized as by a fresh instance, while lexeme ids stay stable (adding a word again returns its
// old id and the lexicon does not grow).
const require = createRequire(import.meta.url);
const cachePath = require.resolve('wink-nlp/src/cache.js');
type WinkCache = {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  intrinsicSize(): number;
};
const makeCache = require(cachePath) as (model: unknown, featureFn: unknown) => WinkCache;
let reading = 0;
const SPLITTABLE = /[^\p{L}\p{N}]/u;
require.cache[cachePath]!.exports = function historyFreeCache(m: unknown, featureFn: unknown): WinkCache {
  const c = makeCache(m, featureFn);
  const intrinsic = c.intrinsicSize();
  const lookup = c.lookup;
  const add = c.add;
  // For each added (out-of-vocabulary) lexeme, the text being read when it was last added.
  let addedIn: Int32Array = new Int32Array(1 << 12);
  const mark = (i: number): void => {
    const k = i - intrinsic;
    if (k < 0) return;
    addedIn = withRoomFor(addedIn, k);
    addedIn[k] = reading;
  };
  // add() itself looks words up (the model's features of a new lexeme read its lower-cased form)
  let adding = false;
  // Only a lexeme with a character the tokenizer splits at ("Clinton's", "Rubio-Style") changes
  // tokenization when found whole; a word of letters or digits is one token either way, and
  // re-adding it would only return the same id with the same features, so it stays visible (the
  // tokenizer then does not try to split it, which is most of the cost of hiding a word).
  c.lookup = (text) => {
    const r = lookup(text);
    return !adding && r !== null && r.length === 1 && r[0] >= intrinsic && addedIn[r[0] - intrinsic] !== reading &&
      SPLITTABLE.test(text) ? null : r;
  };
  c.add = (text, category) => {
    adding = true;
    let i: number;
    try {
      i = add(text, category);
    } finally {
      adding = false;
    }
    // only what lookup may hide needs its reading recorded; add() enters the lower-cased form too
    if (SPLITTABLE.test(text)) {
      mark(i);
      const lower = text.toLowerCase();
      if (lower !== text) {
        const r = lookup(lower);
        if (r !== null && r.length === 1) mark(r[0]);
      }
    }
    return i;
  };
  return c;
};
const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;

// One shared instance: loading the model costs ~100 ms, and readDoc is re-entrant.
// Sentiment and negation are left out of the pipe: nothing downstream reads them.
export const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
export const its = nlp.its;
const readDoc = nlp.readDoc;
nlp.readDoc = (text: string) => {
  reading++;
  return readDoc(text);
};
