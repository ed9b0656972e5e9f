import { nlp, its } from './wink.ts';

// wink's lexicon size for wink-eng-lite-web-model 1.x: lexeme ids below it are words the model
// knows (English vocabulary, lower-cased), ids above are out-of-vocabulary words it added while
// reading. A test checks this constant against the model, so an upgrade cannot silently break it.
export const WINK_LEXICON_SIZE = 87593;
const known = new Map<string, boolean>();

/** True when wink's English lexicon knows the lower-cased word ("bill", "turkey"; not "kyiv"). */
export function isEnglishWord(lower: string): boolean {
  let v = known.get(lower);
  if (v === undefined) {
    const ids = nlp.readDoc(lower).tokens().out(its.uniqueId) as unknown as number[];
    v = ids.length === 1 && ids[0] < WINK_LEXICON_SIZE;
    if (known.size > 50_000) known.clear();
    known.set(lower, v);
  }
  return v;
}
