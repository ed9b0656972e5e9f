import type { Token } from '../model/types.ts';
import { PERSON_ROLES } from '../nlp/gazetteer/roles.ts';

/**
 * Finds the speaker mention as written next to a cue: the subject before it ("he said",
 * "Hugh Hill, a doctor at X, said" → "Hugh Hill") or the inverted subject after it
 * ("said the company"). Works on wink tokens and their POS tags within the bounds the caller
 * gives (the clause outside the quote), so quoted words never become speakers.
 */

export interface TokenRange {
  /** First token index. */
  from: number;
  /** Last token index, inclusive. */
  to: number;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who', 'one']);
// Words between a subject and its cue that do not end the subject's clause.
const BRIDGE = new Set(['has', 'had', 'have', 'also', 'later', 'then', 'once', 'again', 'would', 'will', 'had',
  'recently', 'previously', 'earlier', 'further', 'simply', 'publicly', 'privately', 'reportedly', 'allegedly',
  'repeatedly', 'famously', 'frequently', 'often', 'just', 'only', 'even', 'still', 'quickly', 'flatly',
  'bluntly', 'angrily', 'firmly', 'proudly', 'openly', 'is', 'was', 'were', 'are', 'did', 'does', 'do',
  'not', 'never', 'had', 'could', 'may', 'might', 'should', 'can', 'already', 'finally', 'first', 'been', 'being']);
// Time words wink tags PROPN: "On Monday Smith said" must not give "Monday Smith".
export const TIME_WORDS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'today', 'yesterday', 'tonight', 'week', 'month', 'year', 'morning', 'evening', 'afternoon', 'night']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);

const NOT_NAME_POS = new Set(['PRON', 'DET', 'ADP', 'AUX', 'PUNCT', 'CCONJ', 'SCONJ', 'PART', 'SPACE', 'SYM']);

/** wink mis-tags some names ("Don/VERB Fowler", "Mr. Rove/VERB"): a capitalised content word counts as one. */
function isNameLike(t: Token): boolean {
  if (t.pos === 'PROPN') return true;
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90 && !NOT_NAME_POS.has(t.pos);
}

function isNpWord(t: Token): boolean {
  if (NP_POS.has(t.pos)) return !TIME_WORDS.has(t.lower);
  if (isNameLike(t)) return true;
  // Abbreviation dots ("Gov.", "Jr.") are tokens of their own only rarely; possessives join names.
  return t.lower === "'s" || t.lower === '’s' || t.lower === '-' || t.lower === '.';
}

function hasHead(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i <= b; i++) if (tokens[i].pos === 'NOUN' || isNameLike(tokens[i])) return true;
  return false;
}

const AGE_UNITS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days']);

/** "the 31-year-old said": wink tags the age's last word ADJ; standing alone it is the subject. */
function isAgeNoun(tokens: readonly Token[], end: number, min: number): boolean {
  return tokens[end].lower === 'old' && end - 2 >= min && tokens[end - 1].text === '-' && AGE_UNITS.has(tokens[end - 2].lower);
}

/** Noun phrase ending at `end` (inclusive), not crossing `min`: modifiers, names, one determiner. */
export function npEndingAt(tokens: readonly Token[], end: number, min: number): TokenRange | null {
  const t = tokens[end];
  if (!t) return null;
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lower)) return { from: end, to: end };
  // "the daily wrote": wink tags some nominal heads ADJ; a determiner right before vouches for them.
  const adjHead = t.pos === 'ADJ' && end - 1 >= min && tokens[end - 1].pos === 'DET';
  const age = isAgeNoun(tokens, end, min);
  if (t.pos !== 'NOUN' && !isNameLike(t) && !adjHead && !age) return null;
  // "year" is a time word, which would otherwise end the phrase inside the age
  let i = age ? end - 2 : end;
  while (i - 1 >= min && isNpWord(tokens[i - 1])) i--;
  if (i - 1 >= min && (tokens[i - 1].pos === 'DET' || tokens[i - 1].pos === 'PRON' && /^(?:his|her|their|its|our|my)$/.test(tokens[i - 1].lower))) i--;
  while (i < end && !age && (tokens[i].lower === '.' || tokens[i].lower === '-' || tokens[i].pos === 'NUM' && tokens[i + 1]?.pos !== 'NOUN')) i++;
  return { from: i, to: end };
}

/** A role noun wink tagged as an adjective ("Water chief/ADJ:", "the official/ADJ said"). */
function isRoleHead(t: Token): boolean {
  return t.pos === 'ADJ' && PERSON_ROLES.has(t.lower);
}

/** Noun phrase starting at `start`, not crossing `max`: "the company", "Hugh Hill", "he". */
export function npStartingAt(tokens: readonly Token[], start: number, max: number): TokenRange | null {
  const t = tokens[start];
  if (!t) return null;
  if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lower) && t.lower !== 'who') return { from: start, to: start };
  let i = start;
  if (t.pos === 'DET' || /^(?:his|her|their|its)$/.test(t.lower)) i++;
  let last = -1;
  // "the study's lead/VERB author": wink tags some modifiers after a possessive as verbs.
  const possessedModifier = (k: number): boolean => k > start && k + 1 <= max && /^['’]s$/.test(tokens[k - 1].lower) &&
    tokens[k].pos === 'VERB' && tokens[k + 1].pos === 'NOUN';
  while (i <= max && (isNpWord(tokens[i]) || possessedModifier(i))) {
    if (tokens[i].pos === 'NOUN' || isNameLike(tokens[i]) || isRoleHead(tokens[i])) last = i;
    i++;
  }
  if (last < 0) return null;
  return { from: start, to: last };
}

/**
 * Subject of a cue at `cue`, looking left no further than `min`. Skips auxiliaries and adverbs
 * ("has also said"), then takes the noun phrase or pronoun; across a comma it skips one
 * apposition or relative clause ("Hugh Hill, a doctor at X, said"; "Smith, who …, said").
 */
export function speakerBefore(tokens: readonly Token[], cue: number, min: number): TokenRange | null {
  let i = cue - 1;
  let skipped = 0;
  while (i >= min && skipped < 4 && (BRIDGE.has(tokens[i].lower) || tokens[i].pos === 'ADV' && tokens[i].lower !== 'who')) {
    i--;
    skipped++;
  }
  if (i < min) return null;
  // "Sen. Claire McCaskill (D-Mo.) said": step over a parenthetical.
  if (tokens[i].lower === ')') {
    let j = i - 1;
    while (j > min && i - j < 12 && tokens[j].lower !== '(') j--;
    if (j <= min || tokens[j].lower !== '(') return null;
    i = j - 1;
  }
  if (tokens[i].lower === ',') return beforeAppositions(tokens, i, min);
  const np = npEndingAt(tokens, i, min);
  if (!np) return null;
  if (tokens[np.to].lower === 'who') return relativeAntecedent(tokens, np.to, min) ?? np;
  // An object of a preposition is not the subject ("A diplomat stationed in Geneva announced"):
  // back off to the noun phrase that opens the clause.
  if (np.from - 1 >= min && tokens[np.from - 1].pos === 'ADP') {
    const head = npStartingAt(tokens, min, np.from - 1);
    if (head && hasHead(tokens, head.from, head.to)) return head;
  }
  return np;
}

/**
 * Speaker before one to three comma-delimited appositions or relative clauses ending at the
 * comma `comma`: "Hugh Hill, a doctor at X, said", "Scott Pruitt, the attorney general of
 * Oklahoma, one of the states suing, said", "Smith, who …, said". Segments are tried from the
 * cue outwards; a name or pronoun filling a whole segment wins, else the first whole noun phrase.
 */
function beforeAppositions(tokens: readonly Token[], comma: number, min: number): TokenRange | null {
  let c = comma;
  let fallback: TokenRange | null = null;
  for (let hop = 0; hop < 3; hop++) {
    let j = c - 1;
    const stop = Math.max(min, c - 25);
    while (j >= stop && tokens[j].lower !== ',' && !/^[:;!?“”"]$/.test(tokens[j].lower)) j--;
    const opened = j >= stop && tokens[j].lower === ',';
    const segStart = Math.max(j + 1, min);
    if (c - 1 >= segStart) {
      const np = npEndingAt(tokens, c - 1, segStart);
      // The noun phrase must fill its segment (not "… general of Oklahoma"), except in the
      // outermost one, where words before the subject may open the clause ("On Monday Smith").
      const whole = np && (np.from === segStart || (!opened && tokens[np.from - 1]?.pos !== 'ADP'));
      if (np && whole && tokens[np.to].lower !== 'who') {
        if (isNameLike(tokens[np.to]) || tokens[np.from].pos === 'PRON') return np;
        fallback ??= np;
      }
    }
    if (!opened) break;
    c = j;
  }
  return fallback;
}

/** "Bondarev, who spoke …": the NP before the comma that precedes a relative "who". */
export function relativeAntecedent(tokens: readonly Token[], who: number, min: number): TokenRange | null {
  if (who - 1 < min || tokens[who - 1].lower !== ',') return null;
  return npEndingAt(tokens, who - 2, min);
}

/** Inverted subject right after a cue ("said Smith", "said the company", "said he"). */
export function speakerAfter(tokens: readonly Token[], cue: number, max: number): TokenRange | null {
  if (cue + 1 > max) return null;
  const np = npStartingAt(tokens, cue + 1, max);
  if (!np) return null;
  if (!hasHead(tokens, np.from, np.to) && tokens[np.from].pos !== 'PRON') return null;
  return np;
}
