import type { Token } from '../model/types.ts';

// Number reading over wink tokens: digits ("10,000", "1.2", "-3"), scores and ranges ("52-48"),
// number words ("Twenty-five", "one hundred and fifty", "two dozen", "half a million") and scale
// words ("1.5 million", "€750m"). Tables are looked up by lower-cased token, so a token costs a
// Map lookup or two; the only regexes run on tokens wink already typed as numbers.

const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);

/** Scale words that multiply what precedes them ("1.5 million", "two dozen", "Rs 40 lakh"). */
const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['dozen', 12], ['lakh', 1e5], ['crore', 1e7],
  ['bn', 1e9], ['mn', 1e6], ['mln', 1e6], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

/** Abbreviations that are scales only in money ("€750m", "$5k"); elsewhere "750m" is metres. */
const MONEY_SCALES: ReadonlyMap<string, number> = new Map([['m', 1e6], ['k', 1e3], ['b', 1e9]]);

const ORDINAL_UNITS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50],
  ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100],
  ['thousandth', 1000], ['millionth', 1e6],
]);

const DIGITS_RE = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PAIR_RE = /^\d+(?:\.\d+)?[-–]\d+(?:\.\d+)?$/;
const DIGIT_ORDINAL_RE = /^(\d+)(?:st|nd|rd|th)$/i;

/** Value of a token written in digits ("10,000", "-3", "1.25"), or null. */
export function parseDigits(text: string): number | null {
  // Longer digit strings are identifiers (tweet ids, phone numbers), and past 2^53 inexact anyway.
  if (text.length > 19 || !DIGITS_RE.test(text)) return null;
  const v = Number(text.replace(/,/g, '').replace('−', '-'));
  return Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : null;
}

/** Value of an ordinal token ("21st", "third"), or null. */
export function parseOrdinal(lower: string): number | null {
  const w = ORDINAL_UNITS.get(lower);
  if (w !== undefined) return w;
  const m = DIGIT_ORDINAL_RE.exec(lower);
  return m ? Number(m[1]) : null;
}

export function isNumberWord(lower: string): boolean {
  return UNITS.has(lower) || TENS.has(lower);
}

/** The words isNumberWord() accepts, for callers that fold them into one lookup. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TENS.keys()]);

export function tensValue(lower: string): number | undefined {
  return TENS.get(lower);
}


export interface NumberRead {
  /** Numeric value, or "A-B" for a score or range written as one token ("52-48"). */
  value: number | string;
  /** Token index just past the number (scale words included). */
  end: number;
  /** True when the number was spelled out in words. */
  words: boolean;
  /** True when a scale word or abbreviation was read ("million", "bn", "m"). */
  scaled: boolean;
}

/** True when token b starts exactly where token a ends (no space between). */
export function touching(tokens: readonly Token[], a: number, b: number): boolean {
  return b < tokens.length && tokens[a].end === tokens[b].start;
}

// Floating products such as 1.1 * 1e6 drift in the last bits; twelve significant digits is far
// more than any news figure carries.
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * Reads a number starting at token `i`, within sentence `limit` (token index, exclusive).
 * `money` admits the scale abbreviations m/k/b, which only mean millions after a currency.
 */
export function readNumber(tokens: readonly Token[], i: number, limit: number, money = false): NumberRead | null {
  const t = tokens[i];
  let value: number;
  let end: number;
  let words = false;
  if (t.type === 'number') {
    const d = parseDigits(t.text);
    if (d === null) {
      if (PAIR_RE.test(t.text)) return { value: t.text.replace('–', '-'), end: i + 1, words: false, scaled: false };
      return null;
    }
    value = d;
    end = i + 1;
  } else {
    const w = readNumberWords(tokens, i, limit);
    if (w === null) return null;
    value = w.value;
    end = w.end;
    words = true;
  }
  // Scale words after digits or words: "1.5 million", "two dozen", "€750m", "$5 bn".
  let scaled = false;
  while (end < limit) {
    const lower = tokens[end].lower;
    let s = SCALES.get(lower);
    if (s === undefined && money && touching(tokens, end - 1, end)) s = MONEY_SCALES.get(lower);
    if (s === undefined) break;
    // "two hundred thousand" was consumed by the word reader; digits take one chain of scales.
    value = tidy(value * s);
    scaled = true;
    end++;
  }
  return { value, end, words, scaled };
}

/**
 * Spelled-out numbers: "twenty", "Twenty-five", "one hundred and fifty", "two dozen",
 * "a million", "half a million". "and" is read only between a hundred/scale and what follows it,
 * so "two and three" stays two numbers.
 */
function readNumberWords(tokens: readonly Token[], i: number, limit: number): { value: number; end: number } | null {
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  let lastTens = false;
  let lastScale = false;
  const first = tokens[i].lower;
  // "a dozen", "a million", "half a million", "a quarter of a trillion": the article stands for one.
  if ((first === 'a' || first === 'an' || first === 'half') && i + 1 < limit) {
    let k = i + 1;
    let mult = 1;
    if (first === 'half') {
      if (tokens[k].lower !== 'a' || k + 1 >= limit) return null;
      k++;
      mult = 0.5;
    } else if (tokens[k].lower === 'quarter' || tokens[k].lower === 'third' || tokens[k].lower === 'half') {
      if (k + 3 >= limit || tokens[k + 1].lower !== 'of' || tokens[k + 2].lower !== 'a') return null;
      mult = tokens[k].lower === 'quarter' ? 0.25 : tokens[k].lower === 'third' ? 1 / 3 : 0.5;
      k += 3;
    }
    const s = SCALES.get(tokens[k].lower);
    if (s === undefined || tokens[k].lower.length <= 2) return null;
    return { value: tidy(mult * s), end: k + 1 };
  }
  while (j < limit) {
    const w = tokens[j].lower;
    const u = UNITS.get(w);
    const te = TENS.get(w);
    const sc = SCALES.get(w);
    if (u !== undefined) {
      // "twenty five" / "twenty-five" / "hundred and five"; never two units in a row.
      if (any && !lastTens && !lastScale) break;
      current += u;
      lastTens = false;
      lastScale = false;
    } else if (te !== undefined) {
      if (any && !lastScale) break;
      current += te;
      lastTens = true;
      lastScale = false;
    } else if (sc !== undefined && any && w.length > 2) {
      if (sc === 100) current = (current || 1) * 100;
      else if (sc === 12) current = (current || 1) * 12;
      else {
        total += (current || 1) * sc;
        current = 0;
      }
      lastScale = true;
      lastTens = false;
    } else if (w === 'and' && lastScale && j + 1 < limit && (UNITS.has(tokens[j + 1].lower) || TENS.has(tokens[j + 1].lower))) {
      j++;
      continue;
    } else if (w === '-' && lastTens && touching(tokens, j - 1, j) && touching(tokens, j, j + 1) && UNITS.has(tokens[j + 1]?.lower)) {
      j++;
      continue;
    } else {
      break;
    }
    any = true;
    j++;
  }
  if (!any) return null;
  return { value: tidy(total + current), end: j };
}
