import { defineStage } from '../pipeline/stage.ts';
import type { Figure, FigureKind, NerSpan, Quote, Sentence, Token } from '../model/types.ts';
import { isNumberWord, NUMBER_WORDS, parseDigits, parseOrdinal, readNumber, tensValue, touching, type NumberRead } from './numbers.ts';
import { DATE_LEAD, monthOf, readDate, readTime, weekdayOf } from './dates.ts';

// Figures: numbers, money, percentages, counts with their counted noun, ages, dates, times,
// durations and ordinals. One left-to-right pass over the tokens; at each token the matchers are
// tried from the most specific ("21-year-old", "€750m", "12.5 per cent") to the least (a bare
// number), and a match consumes its tokens. wink's DATE/TIME/DURATION/ORDINAL spans are used as
// candidates (they know "May" is a month and "second" an ordinal here); values are read here,
// and money, percentages and counts are read from the tokens directly, because wink splits
// "€750m" and misses "52-48".

/** Symbols and codes written before the amount. */
const CURRENCY_PREFIX: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['US$', 'USD'], ['U.S.$', 'USD'], ['A$', 'AUD'], ['AU$', 'AUD'], ['C$', 'CAD'], ['CA$', 'CAD'],
  ['HK$', 'HKD'], ['NZ$', 'NZD'], ['S$', 'SGD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'],
  ['₽', 'RUB'], ['₴', 'UAH'], ['₩', 'KRW'], ['₺', 'TRY'], ['₪', 'ILS'], ['Rs', 'INR'], ['Rs.', 'INR'],
  ['USD', 'USD'], ['EUR', 'EUR'], ['GBP', 'GBP'], ['JPY', 'JPY'], ['CNY', 'CNY'], ['RMB', 'CNY'],
  ['RUB', 'RUB'], ['UAH', 'UAH'], ['INR', 'INR'], ['CHF', 'CHF'], ['CAD', 'CAD'], ['AUD', 'AUD'],
  ['PLN', 'PLN'], ['SEK', 'SEK'], ['NOK', 'NOK'], ['DKK', 'DKK'], ['TRY', 'TRY'], ['ILS', 'ILS'],
  ['BRL', 'BRL'], ['ZAR', 'ZAR'], ['KRW', 'KRW'], ['HKD', 'HKD'], ['SGD', 'SGD'], ['NZD', 'NZD'],
]);

/** Country letters wink splits off a following "$" ("HK" "$" 3bn). */
const DOLLAR_COUNTRY: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['U.S.', 'USD'], ['A', 'AUD'], ['AU', 'AUD'], ['C', 'CAD'], ['CA', 'CAD'], ['HK', 'HKD'],
  ['NZ', 'NZD'], ['S', 'SGD'],
]);

/** Currency names written after the amount. "pounds" is taken as sterling: weights are rare in news. */
const CURRENCY_WORD: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['pound', 'GBP'], ['pounds', 'GBP'],
  ['sterling', 'GBP'], ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['ruble', 'RUB'], ['rubles', 'RUB'],
  ['rouble', 'RUB'], ['roubles', 'RUB'], ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['hryvnya', 'UAH'],
  ['hryvnyas', 'UAH'], ['rupee', 'INR'], ['rupees', 'INR'], ['franc', 'CHF'], ['francs', 'CHF'],
  ['shekel', 'ILS'], ['shekels', 'ILS'], ['lira', 'TRY'], ['liras', 'TRY'], ['zloty', 'PLN'], ['zlotys', 'PLN'],
  ['riyal', 'SAR'], ['riyals', 'SAR'], ['dirham', 'AED'], ['dirhams', 'AED'], ['rand', 'ZAR'], ['naira', 'NGN'],
]);

/** Words before "dollars" that name whose dollars. */
const DOLLAR_ADJ: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['u.s.', 'USD'], ['american', 'USD'], ['canadian', 'CAD'], ['australian', 'AUD'],
  ['singapore', 'SGD'], ['taiwan', 'TWD'], ['zimbabwe', 'ZWL'],
]);

const DURATION_UNIT: ReadonlyMap<string, string> = new Map([
  ['year', 'years'], ['years', 'years'], ['month', 'months'], ['months', 'months'], ['week', 'weeks'],
  ['weeks', 'weeks'], ['day', 'days'], ['days', 'days'], ['hour', 'hours'], ['hours', 'hours'],
  ['minute', 'minutes'], ['minutes', 'minutes'], ['second', 'seconds'], ['seconds', 'seconds'],
  ['decade', 'decades'], ['decades', 'decades'], ['century', 'centuries'], ['centuries', 'centuries'],
  ['yrs', 'years'], ['mins', 'minutes'], ['hrs', 'hours'],
]);

const FRACTION: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4],
  ['fourths', 4], ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['tenth', 10], ['tenths', 10],
]);

/** Adjectives that are the counted thing in casualty counts ("at least 12 dead"). */
const COUNTED_ADJ = new Set(['dead', 'injured', 'wounded', 'killed', 'missing', 'hurt', 'displaced', 'homeless', 'arrested', 'detained']);

/** Hedges and bounds read before a number, by their lower-cased words. */
const QUALIFIERS = new Set([
  'as many as', 'as much as', 'as few as', 'as little as', 'in excess of', 'a little over', 'a little more than',
  'more than', 'less than', 'fewer than', 'at least', 'at most', 'up to', 'close to', 'upwards of', 'just over',
  'just under', 'well over', 'well above', 'an estimated', 'no more than', 'no fewer than', 'no less than',
  'about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'under', 'estimated',
  'only', 'just', 'exactly', 'precisely', 'above', 'below', 'approx.', 'circa',
]);

/** Words right before a number that make it a label, not a figure ("No. 10", "Article 5"). */
const LABEL_BEFORE = new Set([
  '#', 'no.', 'number', 'nos.', 'article', 'chapter', 'section', 'paragraph', 'resolution', 'route', 'flight', 'page',
  'room', 'gate', 'part', 'episode', 'season', 'volume', 'vol.', 'channel', 'phase', 'stage', 'level', 'category',
  'version', 'model', 'pp.', 'p.', 'rule', 'amendment', 'clause', 'platform', 'tier', 'grade', 'exit',
  'type', 'class', 'division', 'league', 'formula', 'ward', 'district', 'lane', 'bus', 'line', 'terminal', 'block',
]);

const AGE_UNIT: ReadonlyMap<string, string> = new Map([
  ['year', 'years'], ['years', 'years'], ['month', 'months'], ['months', 'months'], ['week', 'weeks'],
  ['weeks', 'weeks'], ['day', 'days'], ['days', 'days'],
]);

const WINK_CANDIDATES = new Set(['DATE', 'TIME', 'DURATION', 'ORDINAL']);

interface Draft {
  kind: FigureKind;
  /** Token range [a, b) of the figure, qualifier included. */
  a: number;
  b: number;
  value: number | string | null;
  unit: string | null;
  qualifier: string | null;
  weekday: string | null;
}

interface Ctx {
  text: string;
  tokens: readonly Token[];
  ner: readonly NerSpan[];
  /** wink candidate span starting at each token, or -1. */
  spanAt: Int32Array;
  /** Earliest token a qualifier may start at: the end of the previous figure. */
  floor: number;
  /** First token of the current sentence. */
  sentenceStart: number;
}

const isNounish = (t: Token): boolean => t.pos === 'NOUN' || t.pos === 'PROPN';

/** Tokens a number can start at: digits, number words, and "a"/"half" before a scale ("a dozen"). */
const mayStartNumber = (t: Token): boolean =>
  t.type === 'number' || isNumberWord(t.lower) || t.lower === 'a' || t.lower === 'an' || t.lower === 'half';

function draft(kind: FigureKind, a: number, b: number, value: number | string | null, unit: string | null = null): Draft {
  return { kind, a, b, value, unit, qualifier: null, weekday: null };
}

/** Reads "more than", "about", ... ending right before token `s`; returns [first token, words]. */
function qualifierBefore(ctx: Ctx, s: number): [number, string] | null {
  const { tokens } = ctx;
  const sent = tokens[s].sentence;
  for (let n = 4; n >= 1; n--) {
    const a = s - n;
    if (a < ctx.floor || a < 0 || tokens[a].sentence !== sent) continue;
    let key = tokens[a].lower;
    for (let k = a + 1; k < s; k++) key += ' ' + tokens[k].lower;
    if (QUALIFIERS.has(key)) return [a, key];
  }
  return null;
}

function withQualifier(ctx: Ctx, d: Draft): Draft {
  const q = qualifierBefore(ctx, d.a);
  if (q) {
    d.a = q[0];
    d.qualifier = q[1];
  }
  return d;
}

const intIn = (n: NumberRead | null, lo: number, hi: number): n is NumberRead & { value: number } =>
  n !== null && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= lo && n.value <= hi;

/** "a 21-year-old", "54 years old", "aged 54", "at the age of 72", "Smith, 54,", "Smith (54)". */
function matchAge(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.lower === 'aged' || t.lower === 'age') {
    const k = t.lower === 'age' && tokens[i + 1]?.lower === 'of' ? i + 2 : i + 1;
    if (k >= limit) return null;
    const n = readNumber(tokens, k, limit);
    if (intIn(n, 0, 130) && !(n.end < limit && tokens[n.end].lower === '%')) return draft('age', i, n.end, n.value, 'years');
    return null;
  }
  if (t.type !== 'number' && !isNumberWord(t.lower)) return null;
  const n = readNumber(tokens, i, limit);
  if (!intIn(n, 0, 130)) return null;
  const j = n.end;
  if (j + 3 < limit) {
    // Hyphenated: "21-year-old", "six-month-old"; wink splits it into five touching tokens.
    const unit = AGE_UNIT.get(tokens[j + 1].lower);
    if (
      unit && tokens[j].lower === '-' && tokens[j + 2].lower === '-' && tokens[j + 3].lower === 'old' &&
      touching(tokens, j - 1, j) && touching(tokens, j, j + 1) && touching(tokens, j + 1, j + 2) && touching(tokens, j + 2, j + 3)
    ) {
      return draft('age', i, j + 4, n.value, unit);
    }
  }
  if (j + 1 < limit && tokens[j + 1].lower === 'old') {
    const unit = AGE_UNIT.get(tokens[j].lower);
    if (unit) return draft('age', i, j + 2, n.value, unit);
  }
  // Apposition after a name or noun: "Smith, 54, said", "the victim, 23, died", "Smith (54)".
  if (t.type === 'number' && j === i + 1 && i >= 2 && n.value >= 1 && n.value <= 120 && t.text.length <= 3) {
    const open = tokens[i - 1].lower;
    const head = tokens[i - 2];
    if (head.sentence !== t.sentence || !isNounish(head) || monthOf(head.lower) !== undefined || weekdayOf(head.lower) !== undefined) return null;
    const next = j < limit ? tokens[j].lower : '.';
    if ((open === ',' && (next === ',' || next === '.' || next === ';' || next === ')')) || (open === '(' && next === ')')) {
      return draft('age', i, j, n.value, 'years');
    }
  }
  return null;
}

function matchMoney(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens } = ctx;
  const t = tokens[i];
  // Prefix: "$1.2 billion", "€750m", "HK$3bn", "USD 10 million", "Rs 40 lakh".
  let code = CURRENCY_PREFIX.get(t.text);
  let k = i + 1;
  if (code === undefined && touching(tokens, i, i + 1) && tokens[i + 1].text === '$') {
    code = DOLLAR_COUNTRY.get(t.text);
    k = i + 2;
  }
  if (code !== undefined) {
    if (k >= limit) return null;
    const n = readNumber(tokens, k, limit, true);
    if (n === null || typeof n.value !== 'number') return null;
    return withQualifier(ctx, draft('money', i, n.end, n.value, code));
  }
  // Suffix: "1.5 million euros", "50,000 rubles", "5 million US dollars", "10 pounds sterling".
  if (!mayStartNumber(t)) return null;
  const n = readNumber(tokens, i, limit);
  if (n === null || typeof n.value !== 'number' || n.end >= limit) return null;
  let j = n.end;
  let adj: string | undefined;
  if (j + 1 < limit) {
    adj = DOLLAR_ADJ.get(tokens[j].lower);
    if (adj === undefined && tokens[j].lower === 'hong' && tokens[j + 1].lower === 'kong') { adj = 'HKD'; j++; }
    else if (adj === undefined && tokens[j].lower === 'new' && tokens[j + 1].lower === 'zealand') { adj = 'NZD'; j++; }
    if (adj !== undefined) j++;
  }
  const word = CURRENCY_WORD.get(tokens[j]?.lower ?? '');
  if (j >= limit || word === undefined) return null;
  if (adj !== undefined && word !== 'USD') return null;
  let end = j + 1;
  if (word === 'GBP' && tokens[j].lower !== 'sterling' && end < limit && tokens[end].lower === 'sterling') end++;
  return withQualifier(ctx, draft('money', i, end, n.value, adj ?? word));
}

function matchPercent(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (!mayStartNumber(t)) return null;
  const n = readNumber(tokens, i, limit);
  if (n === null || n.end >= limit) return null;
  const j = n.end;
  const w = tokens[j].lower;
  let end = -1;
  let unit: string | null = null;
  if (w === '%' || w === 'percent' || w === 'pct' || (w === 'pc' && touching(tokens, j - 1, j))) end = j + 1;
  else if (w === 'per' && j + 1 < limit && tokens[j + 1].lower === 'cent') end = j + 2;
  if (end < 0 && w === 'percentage' && j + 1 < limit && (tokens[j + 1].lower === 'points' || tokens[j + 1].lower === 'point')) {
    end = j + 2;
    unit = 'percentage points';
  } else if (end > 0 && end < limit && (tokens[end].lower === 'points' || tokens[end].lower === 'point')) {
    // "3 percent points" is a difference of percentages too.
    end++;
    unit = 'percentage points';
  }
  if (end < 0) return null;
  return withQualifier(ctx, draft('percent', i, end, n.value, unit));
}

/** Dates and times from wink's DATE/TIME/DURATION spans, with the weekday merged in. */
function matchWinkSpan(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens, ner, spanAt } = ctx;
  const k = spanAt[i];
  if (k < 0) return null;
  const span = ner[k];
  if (span.type === 'ORDINAL') return null;
  let a = i;
  const b = Math.min(span.tokenEnd, limit);
  while (a < b - 1 && DATE_LEAD.has(tokens[a].lower)) a++;
  if (span.type === 'TIME') {
    const v = readTime(tokens, a, b);
    return v === null ? null : draft('time', a, b, v);
  }
  const d = readDate(tokens, a, b);
  if (d === null) return null;
  if (!d.calendar && d.weekday === null) {
    // "twenty years" (DURATION) and "the past 10 years" (DATE) are durations, read by the
    // number matcher; "three years ago" and "last week" are relative dates without a value.
    if (span.type === 'DURATION') return null;
    let hasNum = false;
    let ago = false;
    for (let x = a; x < b; x++) {
      if (tokens[x].pos === 'NUM') hasNum = true;
      if (tokens[x].lower === 'ago') ago = true;
    }
    if (hasNum && !ago) return null;
  }
  const out = draft('date', a, b, d.value);
  out.weekday = d.weekday;
  let end = b;
  // "Friday, June 3, 2021" and "Friday June 3": wink gives the weekday a span of its own.
  if (!d.calendar && d.weekday !== null) {
    let j = b;
    if (j < limit && tokens[j].lower === ',') j++;
    const k2 = j < limit ? spanAt[j] : -1;
    if (k2 >= 0 && (ner[k2].type === 'DATE' || ner[k2].type === 'DURATION')) {
      const b2 = Math.min(ner[k2].tokenEnd, limit);
      const d2 = readDate(tokens, j, b2);
      if (d2 !== null && d2.calendar) {
        out.value = d2.value;
        end = b2;
      }
    }
  } else if (d.calendar && d.weekday === null && end + 2 < limit && tokens[end].lower === '(') {
    // "24 February 2022 (a Thursday)"
    let j = end + 1;
    if (tokens[j].lower === 'a') j++;
    const wd = weekdayOf(tokens[j]?.lower ?? '');
    if (wd !== undefined && j + 1 < limit && tokens[j + 1].lower === ')') {
      out.weekday = wd;
      end = j + 2;
    }
  }
  out.b = end;
  return out;
}

/**
 * A year wink did not tag: "in 2019", "the 2020 election", "Declared 2016 Candidates". News style
 * writes counts of a thousand or more with a comma ("2,000 people"), so a bare four-digit number
 * in the year range is a year unless it is hedged or counts a plural noun ("about 1500 troops").
 */
function matchYear(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens } = ctx;
  const t = tokens[i];
  if (t.type !== 'number' || t.text.length !== 4) return null;
  const v = parseDigits(t.text);
  if (v === null || v < 1800 || v > 2100 || !Number.isInteger(v)) return null;
  if (i + 1 < limit) {
    const next = tokens[i + 1];
    if (next.lower === '(' && touching(tokens, i, i + 1)) return null;
    if (next.pos === 'NOUN' && next.lower.length > 3 && next.lower.endsWith('s') && !next.lower.endsWith('ss') && next.text[0] === next.lower[0]) return null;
  }
  if (i > 0 && tokens[i - 1].sentence === t.sentence && (QUALIFIERS.has(tokens[i - 1].lower) || LABEL_BEFORE.has(tokens[i - 1].lower))) return null;
  return draft('date', i, i + 1, String(v));
}

function matchOrdinal(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens, ner, spanAt } = ctx;
  const t = tokens[i];
  // "twenty-first": wink splits it into three touching tokens.
  const te = tensValue(t.lower);
  if (te !== undefined && i + 2 < limit && tokens[i + 1].lower === '-' && touching(tokens, i, i + 1) && touching(tokens, i + 1, i + 2)) {
    const o = parseOrdinal(tokens[i + 2].lower);
    if (o !== null && o < 10) return draft('ordinal', i, i + 3, te + o);
  }
  // "a third of", "one fifth of": a fraction, not a rank.
  const den = FRACTION.get(t.lower);
  if (den !== undefined && i > 0 && i - 1 >= ctx.floor && i + 1 < limit && tokens[i + 1].lower === 'of') {
    const art = tokens[i - 1].lower;
    if ((art === 'a' || art === 'one') && tokens[i - 1].sentence === t.sentence) {
      return withQualifier(ctx, draft('number', i - 1, i + 1, Math.round(1e4 / den) / 1e4));
    }
  }
  if (t.type === 'ordinal' || (spanAt[i] >= 0 && ner[spanAt[i]].type === 'ORDINAL')) {
    // Part of a name ("the Second Amendment", "First Lady") or of a compound ("first-rate").
    if (i + 1 < limit && t.type !== 'ordinal' && t.text[0] !== t.lower[0] && tokens[i + 1].pos === 'PROPN' && i > ctx.sentenceStart) return null;
    if (i + 1 < limit && tokens[i + 1].lower === '-' && touching(tokens, i, i + 1)) return null;
    const o = parseOrdinal(t.lower);
    if (o !== null) return draft('ordinal', i, i + 1, o);
  }
  return null;
}

/**
 * End of the word starting at token k, hyphenated compounds included: wink splits
 * "work-related" and "first-graders" into touching tokens around "-".
 */
function compoundEnd(tokens: readonly Token[], k: number, limit: number): number {
  let e = k + 1;
  while (e + 1 < limit && tokens[e].lower === '-' && touching(tokens, e - 1, e) && touching(tokens, e, e + 1)) e += 2;
  return e;
}

/**
 * Whether a token can be (part of) a counted noun. A proper noun counts only when it looks like a
 * plural demonym or party ("Ukrainians", "Democrats") and does not follow a common noun: in
 * "5 Jeb Bush" (a ranked list) or "25 counties POLITICO identified" the name is not what is counted.
 */
const isCountedNoun = (t: Token, afterNoun: boolean): boolean =>
  t.pos === 'NOUN' ||
  (t.pos === 'PROPN' && !afterNoun && t.lower.length > 3 && t.lower.endsWith('s') && !t.lower.endsWith('ss') &&
    monthOf(t.lower) === undefined && weekdayOf(t.lower) === undefined);

/** Counts ("10,000 possible war crimes"), durations ("twenty years") and bare numbers ("52-48"). */
function matchNumber(ctx: Ctx, i: number, limit: number): Draft | null {
  const { tokens, text } = ctx;
  const t = tokens[i];
  const isWord = t.type !== 'number';
  if (isWord && !mayStartNumber(t)) return null;
  if (!isWord && i > 0) {
    const prev = tokens[i - 1];
    // Labels, not figures: "No. 10", "part 3", "#2", "Boeing 737".
    if (LABEL_BEFORE.has(prev.lower)) return null;
    if (prev.pos === 'PROPN' && prev.sentence === t.sentence && monthOf(prev.lower) === undefined && weekdayOf(prev.lower) === undefined && !touching(tokens, i - 1, i)) {
      return null;
    }
  }
  const n = readNumber(tokens, i, limit);
  if (n === null) return null;
  const j = n.end;
  const next = j < limit ? tokens[j] : null;
  // Part of a name: "401(k)".
  if (next !== null && next.lower === '(' && touching(tokens, j - 1, j)) return null;
  // Fractions: "two-thirds", "three-quarters".
  if (n.words && typeof n.value === 'number' && next !== null && next.lower === '-' && j + 1 < limit && touching(tokens, j - 1, j) && touching(tokens, j, j + 1)) {
    const den = FRACTION.get(tokens[j + 1].lower);
    if (den !== undefined) return withQualifier(ctx, draft('number', i, j + 2, Math.round((n.value / den) * 1e4) / 1e4));
  }
  // A bare "one" is mostly a pronoun or determiner ("one of them", "one thing was clear"): it
  // counts only after a preposition or hedge ("by one point", "just one candidate").
  if (n.words && n.value === 1 && !n.scaled) {
    if (next === null || next.pos !== 'NOUN' || DURATION_UNIT.has(next.lower) || i === 0) return null;
    const prev = tokens[i - 1];
    if (prev.sentence !== t.sentence || (prev.pos !== 'ADP' && !QUALIFIERS.has(prev.lower))) return null;
    if (prev.lower === 'at' && (next.lower === 'point' || next.lower === 'time' || next.lower === 'stage')) return null;
  }
  if (typeof n.value === 'number' && next !== null) {
    // Durations: "twenty years", "a two-year sentence", "20 mins".
    let u = j;
    const hyphen = next.lower === '-' && j + 1 < limit && touching(tokens, j - 1, j) && touching(tokens, j, j + 1);
    if (hyphen) u = j + 1;
    // "four more years", "three straight days"
    else if (next.pos === 'ADJ' && j + 1 < limit && DURATION_UNIT.has(tokens[j + 1].lower)) u = j + 1;
    const unit = DURATION_UNIT.get(tokens[u].lower);
    if (unit !== undefined) {
      if (u + 1 < limit && tokens[u + 1].lower === 'ago') return draft('date', i, u + 2, null);
      return withQualifier(ctx, draft('duration', i, u + 1, n.value, unit));
    }
    // "a 15-yard penalty", "a 10-point plan": the unit is the word the number is joined to.
    if (hyphen && (tokens[u].pos === 'NOUN' || tokens[u].pos === 'ADJ')) {
      // "a billion-dollar deal" is an amount of money.
      const code = CURRENCY_WORD.get(tokens[u].lower);
      if (code !== undefined) return withQualifier(ctx, draft('money', i, u + 1, n.value, code));
      return withQualifier(ctx, draft('count', i, u + 1, n.value, tokens[u].lower));
    }
  }
  // Counted noun: adjectives and nouns after the number; the unit is the trailing noun run, so
  // "more than 10,000 possible war crimes" counts "war crimes". A hyphenated compound before
  // more nouns is a modifier ("72 work-related emails" counts "emails").
  let last = -1;
  let runStart = -1;
  let soleAdj = -1;
  let k = j;
  while (k < limit && k < j + 6) {
    const e = compoundEnd(tokens, k, limit);
    const tk = tokens[e - 1];
    const afterNoun = last === k - 1 && tokens[last].pos === 'NOUN';
    let noun = isCountedNoun(tk, afterNoun);
    if (e > k + 1 && noun && e < limit && (isCountedNoun(tokens[e], false) || tokens[e].pos === 'ADJ')) noun = false;
    if (noun) {
      if (runStart < 0 || last !== k - 1) runStart = k;
      last = e - 1;
    } else if (
      tk.pos === 'ADJ' || e > k + 1 || (k === j && COUNTED_ADJ.has(tk.lower)) ||
      // A name before the counted noun modifies it: "2 Russian soldiers".
      (tk.pos === 'PROPN' && last < 0) ||
      // A participle between the number and a noun modifies it: "four nominating contests".
      (tk.pos === 'VERB' && last < 0 && e < limit && tokens[e].pos === 'NOUN' && (tk.lower.endsWith('ing') || tk.lower.endsWith('ed')))
    ) {
      if (k === j) soleAdj = k;
      if (last >= 0) break;
    } else {
      break;
    }
    k = e;
  }
  if (last >= 0) {
    const unit = text.slice(tokens[runStart].start, tokens[last].end).toLowerCase();
    return withQualifier(ctx, draft('count', i, last + 1, n.value, unit));
  }
  if (soleAdj >= 0 && COUNTED_ADJ.has(tokens[soleAdj].lower)) {
    return withQualifier(ctx, draft('count', i, soleAdj + 1, n.value, tokens[soleAdj].lower));
  }
  // A lone "two" with nothing counted is a word, not a figure.
  if (n.words && !n.scaled && typeof n.value === 'number' && n.value < 10) return null;
  return withQualifier(ctx, draft('number', i, j, n.value));
}

/** Words that can start a figure besides number words, digits, wink spans and currency symbols. */
const TRIGGER_WORDS = new Set(['aged', 'age', 'a', 'an', 'half', 'quarter', ...[...DOLLAR_COUNTRY.keys()].map((w) => w.toLowerCase())]);
/** TRIGGER_WORDS and the number words: the per-token test below costs one lookup, not two. */
const START_WORDS: ReadonlySet<string> = new Set([...TRIGGER_WORDS, ...NUMBER_WORDS]);

const MATCHERS = [matchAge, matchMoney, matchPercent, matchWinkSpan, matchYear, matchOrdinal, matchNumber];

/**
 * Sets each figure's attribution to the innermost quote whose span contains it. Figures come in
 * text order, so one sweep over the quotes sorted by start keeps only the quotes still open at
 * the current figure: linear, where a figure × quote scan would stall a 5 MB text.
 */
function attribute(figures: Figure[], quotes: readonly Quote[]): void {
  if (quotes.length === 0) return;
  const sorted = [...quotes].sort((x, y) => x.start - y.start);
  const open: Quote[] = [];
  let next = 0;
  for (const f of figures) {
    while (next < sorted.length && sorted[next].start <= f.start) open.push(sorted[next++]);
    let w = 0;
    for (const q of open) if (q.end > f.start) open[w++] = q;
    open.length = w;
    let best: Quote | null = null;
    for (const q of open) {
      if (f.end <= q.end && (best === null || q.end - q.start < best.end - best.start)) best = q;
    }
    f.attribution = best ? best.id : null;
  }
}

export function findFigures(text: string, tokens: readonly Token[], sentences: readonly Sentence[], ner: readonly NerSpan[], quotes: readonly Quote[]): Figure[] {
  const spanAt = new Int32Array(tokens.length).fill(-1);
  for (let k = 0; k < ner.length; k++) {
    if (WINK_CANDIDATES.has(ner[k].type) && ner[k].tokenStart < tokens.length) spanAt[ner[k].tokenStart] = k;
  }
  const ctx: Ctx = { text, tokens, ner, spanAt, floor: 0, sentenceStart: 0 };
  const figures: Figure[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // Most tokens are plain words: one type check and two lookups rule them out.
    if (t.type !== 'number' && t.type !== 'ordinal' && t.type !== 'time' && spanAt[i] < 0 && !START_WORDS.has(t.lower) && !CURRENCY_PREFIX.has(t.text) && t.type !== 'currency') {
      i++;
      continue;
    }
    const limit = sentences[t.sentence].tokenEnd;
    ctx.sentenceStart = sentences[t.sentence].tokenStart;
    let d: Draft | null = null;
    for (const m of MATCHERS) {
      d = m(ctx, i, limit);
      if (d !== null) break;
    }
    if (d === null) {
      i++;
      continue;
    }
    const start = tokens[d.a].start;
    const lastTok = tokens[d.b - 1];
    // wink keeps a sentence's full stop on "10am." (but "p.m." owns its dot).
    const end = lastTok.type === 'time' && lastTok.text.endsWith('m.') && !lastTok.lower.endsWith('.m.') ? lastTok.end - 1 : lastTok.end;
    figures.push({
      id: `f${figures.length + 1}`,
      start,
      end,
      text: text.slice(start, end),
      kind: d.kind,
      value: d.value,
      unit: d.unit,
      qualifier: d.qualifier,
      weekday: d.weekday,
      attribution: null,
    });
    i = Math.max(d.b, i + 1);
    ctx.floor = i;
  }
  attribute(figures, quotes);
  return figures;
}

export const figuresStage = defineStage({
  name: 'figures',
  requires: ['tokens', 'sentences', 'nerSpans', 'quotes'],
  assigns: ['figures'],
  run(doc) {
    return {
      figures: findFigures(
        doc.text,
        doc.get('tokens', 'figures'),
        doc.get('sentences', 'figures'),
        doc.get('nerSpans', 'figures'),
        doc.get('quotes', 'figures'),
      ),
    };
  },
});
