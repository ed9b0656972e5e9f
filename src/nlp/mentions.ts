import { isEnglishWord } from './lexicon.ts';
import { defineStage } from '../pipeline/stage.ts';
import type { EntityType, Gender, Mention, MentionKind, NerSpan, Sentence, Token } from '../model/types.ts';
import { OUTLET_HEADS, OUTLET_NAMES, nameKey } from './gazetteer/outlets.ts';
import { DEMONYMS, PEOPLE_PLURALS, PLACE_FIRST_WORDS, PLACE_LAST_WORDS, PLACE_WORDS, PLACES } from './gazetteer/places.ts';
import { KNOWN_ORGS, ORG_HEADS, ORG_WEAK_HEADS } from './gazetteer/organisations.ts';
import { GROUP_ROLES, HONORIFICS, ORG_NOUNS, PERSON_ROLES, TITLE_WORDS } from './gazetteer/roles.ts';
import { FEMALE_FORENAMES, forenameGenderOf, forenameIndex, isForename, MALE_FORENAMES } from './gazetteer/forenames.ts';
import { AGENCY } from './dateline.ts';

const AGENCY_ONLY = new RegExp(`^${AGENCY}$`);
const INDEFINITES = new Set(['a', 'an', 'one', 'another', 'any', 'every']);
const PARTY_MEMBERS = new Set(['republican', 'democrat', 'independent', 'libertarian', 'conservative', 'liberal', 'socialist']);
const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+\p{Lu}?\p{Ll}*$/u;
const SURNAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}/u;
const POST_NOMINALS = new Set(['MP', 'MPs', 'MEP', 'MSP', 'MLA', 'MS', 'AM', 'QC', 'KC', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'PhD', 'FRS']);
const NICK_OPEN = new Set(["'", '"', '‘', '“']);
const NICK_CLOSE = new Set(["'", '"', '’', '”']);
const OPENER_NEXT_POS = new Set(['ADV', 'ADJ', 'PART', 'PRON']);
const OPENER_NEXT_WORDS = new Set(['of', 'for', 'up']);

/** Third-person pronouns with the gender they state. First and second person are left out: they sit in quotes. */
export const PRONOUNS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
  ['they', 'unknown'], ['them', 'unknown'], ['their', 'unknown'], ['theirs', 'unknown'], ['themselves', 'unknown'],
  ['it', 'unknown'], ['its', 'unknown'], ['itself', 'unknown'],
]);
export const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'theirs', 'themselves']);
export const NEUTER_PRONOUNS: ReadonlySet<string> = new Set(['it', 'its', 'itself']);

// Words that open a noun phrase and end the leftward walk from a nominal's head.
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'another', 'one', 'some', 'two',
  'three', 'several', 'many', 'other', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'no', 'any', 'each', 'both', 'all']);
// Names may span these when the left part is an organisation ("Bank of America").
const ORG_CONNECTORS = new Set(['of', 'for', 'de', 'on']);
const MONTHS_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const NOT_NAME_POS = new Set(['PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'NUM', 'SYM', 'SPACE', 'INTJ']);
const UPPER_RE = /^\p{Lu}/u;
/** Starts with a capital letter; ASCII is checked without a regex, as this runs on every token. */
const UPPER = { test(s: string): boolean { const c = s.charCodeAt(0); return c < 128 ? c >= 65 && c <= 90 : UPPER_RE.test(s); } };
const POSSESSIVE = /^['’]s?$/;
const TIME_OF_DAY = new Set(['morning', 'evening', 'night']);
const STORM_WORDS = new Set(['storm', 'hurricane', 'typhoon', 'cyclone']);
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'bin', 'ibn', 'al', 'ter', 'ten', 'zu']);
const POSSESSIVE_INSTITUTIONS = new Set(['college', 'university', 'hospital', 'school', 'church', 'cathedral', 'institute', 'academy', 'infirmary']);
// Capitalised at the start of a sentence but not names.
const COMMON_INITIAL = new Set(`correction clarification update disclaimer better best worse beginning asked according apparently meanwhile however still now then
today yesterday tomorrow also instead earlier later last next first second third finally after before since while
despite although though yet thus here there why what when where how many most some few several such other another
every each both either neither more less much very just only even already again once perhaps maybe indeed overall
together inside outside under over above below among amid during until unless if whether please thanks thank yes
no not never always sometimes often rather quite almost nearly about around across along against toward towards
within without between behind beyond new old good bad big small great little high low long short early late top
major key local national federal former current recent latest breaking exclusive update watch read related
live analysis opinion editorial people police officials sources experts critics thousands hundreds dozens millions`.split(/\s+/));
// Titles that, inside a capitalised run, start a person's name.
const STRONG_TITLES = new Set(['president', 'chair', 'chairperson', 'minister', 'secretary', 'senator', 'governor', 'mayor', 'judge', 'chancellor',
  'ambassador', 'director', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman', 'spokesperson', 'commissioner',
  'prosecutor', 'leader', 'speaker', 'ceo', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'capt.', 'sgt.', 'adm.',
  'maj.', 'cmdr.', 'gen', 'sen', 'rep', 'gov']);
const COMMON_ENDING = /(?:ing|ed|ly)$/;
const FIRST_PERSON_CONTRACTION = /^I['’]/;

interface MentionDraft {
  t0: number;
  t1: number; // token range [t0, t1)
  /** End offset when the last token is cut ("Post–shows" → "Post"). */
  end?: number;
  kind: MentionKind;
  type: EntityType | null;
  gender: Gender;
}

/** Type a proper-noun chunk from gazetteers and its own words (null when they say nothing). */
export function typeOfName(words: readonly string[], key: string): EntityType | null {
  if (OUTLET_NAMES.has(key)) return 'outlet';
  if (KNOWN_ORGS.has(key)) return 'organisation';
  if (PLACES.has(key)) return 'place';
  // "Americans", "Muslims", "Republicans", "Jews": a people or faith in the plural is a group
  // "Iowans", "Dakotans", "Californians": a place's people
  if (words.length === 1 && (PEOPLE_PLURALS.has(words[0]) || words[0].endsWith('s') && DEMONYMS.has(words[0].slice(0, -1)) ||
    words[0].endsWith('ans') && PLACE_WORDS.has(words[0].slice(0, -2)))) return 'group';
  const last = words[words.length - 1];
  if (isThingName(words)) return 'other';
  if (words.length > 1 && OUTLET_HEADS.has(last)) return 'outlet';
  // "Radio Svaboda", "Radio France", "TV Rain": broadcasters named by their medium first.
  if (words.length > 1 && (words[0] === 'radio' || words[0] === 'tv' || words[0] === 'television')) return 'outlet';
  // "BBC Scotland", "Bloomberg Intelligence", "The Lancet Healthy Longevity": an outlet's or a
  // journal's own name opening a longer one is one of its titles or channels.
  if (words.length > 1 && (words[0] === 'lancet' || (OUTLET_NAMES.has(words[0]) && words[0].length > 1 && !isEnglishWord(words[0])))) return 'outlet';
  for (const w of words) if (ORG_HEADS.has(w)) return 'organisation';
  // ("Ashford Town" is a club, "Old Town" a district)
  if (words.length === 2 && last === 'town' && (words[0] === 'old' || words[0] === 'new')) return 'place';
  if (words.length > 1 && ORG_WEAK_HEADS.has(last)) return 'organisation';
  // "Steve Lane", "Grace Park", "Damon Hill", "Michael Bay": a forename before a place word that is
  // also a common surname is a person
  const before = words[words.length - 2];
  if (words.length >= 2 && SURNAME_PLACE_WORDS.has(last) && (isForename(before) ||
    ((last === 'hill' || last === 'bay') && forenameGenderOf(before) !== 'unknown'))) return 'person';
  if (words.length > 1 && (PLACE_LAST_WORDS.has(last) || PLACE_FIRST_WORDS.has(words[0]))) return 'place';
  // "Ernst & Young", "Marks & Spencer": an ampersand joins the names of a firm, not of a person;
  // "my6sense", "Windows 11": nor has a person's name a digit
  if (words.includes('&') || words.some((w) => /\d/.test(w))) return 'organisation';
  if (isForename(words[0])) return words.length > 1 ? 'person' : null;
  // "Demand Side Platforms", "Special Olympics": a plural common noun ends a name of things or
  // bodies (a surname that is one, "Maxine Waters", comes after a known forename, read above)
  // (nor after a title and a forename: "Education Secretary Dame Caroline Wells")
  if (words.length > 1 && last.length > 3 && last.endsWith('s') && isEnglishWord(last) && isEnglishWord(last.slice(0, -1)) &&
    !words.some((w) => isForename(w) || HONORIFICS.has(w)) && forenameGenderOf(words[0]) === 'unknown') return 'organisation';
  return null;
}

/**
 * Laws, wars, treaties, plans, prizes and other named things ("Affordable Care Act", "Second
 * Amendment", "World War II", "Trans-Pacific Partnership", "Super Bowl"), by their last word, and a
 * few one-word names of programmes, faiths and books ("Obamacare", "Brexit", "Islam", "Bible"):
 * no person, organisation or place.
 */
function isThingName(words: readonly string[]): boolean {
  if (words.length === 1) return THING_NAMES.has(words[0]);
  if (words.length === 2 && THING_NAMES.has(`${words[0]} ${words[1]}`)) return true;
  let last = words[words.length - 1];
  // "World War II", "Super Bowl 50"
  if ((ROMAN.test(last) || /^\d+$/.test(last)) && words.length > 2) last = words[words.length - 2];
  if (!THING_HEADS.has(last)) return false;
  // "Buffalo Bill", "Stanley Cup" is a thing, "Lucy Bill" is not
  return last !== 'bill' || forenameGender(words[0]) === 'unknown';
}

const RELATIVE_WORDS = new Set(['who', 'whose', 'whom']);
const PREPOSITION_LIKE = new Set(['outside', 'inside', 'after', 'before', 'during', 'following', 'despite']);
const SURNAME_PLACE_WORDS = new Set(['lane', 'park', 'hill', 'bay', 'tower', 'bridge', 'island', 'street']);
const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$/;
const THING_HEADS = new Set(`act acts amendment war plan partnership agreement accord accords treaty pact recession bowl cup
  prize award awards olympics crisis revolution doctrine protocol festival marathon tournament summit bill`.split(/\s+/).filter(Boolean));
const THING_NAMES = new Set(`obamacare medicaid medicare brexit islam christianity judaism hinduism buddhism bible quran koran
  torah bitcoin covid covid-19 coronavirus`.split(/\s+/).filter(Boolean).concat(['social security', 'black friday']));

export function forenameGender(word: string): Gender {
  if (MALE_FORENAMES.has(word)) return 'male';
  if (FEMALE_FORENAMES.has(word)) return 'female';
  return 'unknown';
}

/** Per-sentence flag: Title Case lines (headlines) capitalise every word, so only PROPN counts there. */
export function isTitleCase(tokens: readonly Token[], s: Sentence): boolean {
  let words = 0;
  let caps = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (t.type !== 'word' || t.text.length < 4) continue;
    words++;
    if (UPPER.test(t.text)) caps++;
  }
  // Headlines rarely end in a full stop; a short news sentence full of names does.
  const last = tokens[s.tokenEnd - 1];
  return (words >= 4 && caps / words >= 0.7 && last.text !== '.') || (words >= 5 && caps / words >= 0.85);
}

/**
 * Finds name, pronoun and nominal mentions in one pass over each sentence's tokens.
 * Names are runs of capitalised proper-noun tokens (wink's PROPN chunks, which find 89% of entity
 * spans exactly), trimmed of dates, sentence-initial common words and leading titles; titles become
 * nominal mentions of their own so the entity stage can link "the prosecutor" back to the name.
 */
export function findMentions(text: string, tokens: readonly Token[], sentences: readonly Sentence[], nerSpans: readonly NerSpan[]): Mention[] {
  // Tokens inside date/time spans are never names ("Monday", "February").
  const dateTok = new Uint8Array(tokens.length);
  for (const n of nerSpans) {
    if (n.type === 'DATE' || n.type === 'TIME' || n.type === 'DURATION') for (let i = n.tokenStart; i < n.tokenEnd; i++) dateTok[i] = 1;
  }
  // Words the article also writes in lower case are common words when they open a sentence.
  const lowerSeen = new Set<string>();
  // Words it capitalises inside a sentence are names there ("said Bush"), wherever else they stand.
  const midCaps = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type !== 'word') continue;
    if (!UPPER.test(t.text)) lowerSeen.add(t.lower);
    else if (k > 0 && tokens[k - 1].sentence === t.sentence && tokens[k - 1].pos !== 'PUNCT') midCaps.add(t.lower);
  }
  const vocab: Vocab = { lowerSeen, midCaps };

  const drafts: MentionDraft[] = [];
  const headlineNames: number[] = []; // indices into drafts
  for (const s of sentences) {
    const titleCase = isTitleCase(tokens, s);
    const firstDraft = drafts.length;
    // Sentence-initial: the first word, or the first after an opening quote or colon.
    let initial = true;
    const isNameTok = (i: number): boolean => {
      const t = tokens[i];
      if (i >= s.tokenEnd || (t.type !== 'word' && t.type !== 'abbreviation') || !UPPER.test(t.text)) return false;
      // a time word wink read as a date, inside a name ("Yorkshire Evening Post", "Morning Star")
      if (dateTok[i] && !(TIME_OF_DAY.has(t.lower) && i > s.tokenStart && i + 1 < s.tokenEnd &&
        !MONTHS_DAYS.has(tokens[i - 1].lower) && UPPER.test(tokens[i - 1].text) && UPPER.test(tokens[i + 1].text) && tokens[i + 1].pos === 'PROPN')) return false;
      if (FIRST_PERSON_CONTRACTION.test(t.text) || t.text === 'I') return false;
      if (MONTHS_DAYS.has(t.lower)) return false;
      if (t.pos === 'PROPN') return true;
      // a forename the tagger read as a verb before a name ("Sens. Ted/VERB Cruz")
      if (t.pos !== 'AUX' && (isForename(t.lower)) && i + 1 < s.tokenEnd && tokens[i + 1].pos === 'PROPN' && UPPER.test(tokens[i + 1].text)) return true;
      // Mid-sentence capitals are names even where the tagger says VERB/NOUN ("Sen. Ted Cruz").
      return !titleCase && !NOT_NAME_POS.has(t.pos);
    };
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const t = tokens[i];
      if (t.pos === 'PUNCT') {
        // A dash opens a clause like a sentence start: datelines and live-blog stamps ("MILLBROOK —
        // When Sandra …", "12:40 — Residents say …").
        if (t.text === ':' || t.text === '“' || t.text === '"' || t.text === '«' || t.text === '—' || t.text === '–') initial = true;
        // an agency dateline with no dash: "MUMBAI, Nov 24 (PTI) Farmers whose …"
        else if (t.text === ')' && i > s.tokenStart && i - s.tokenStart < 10 && AGENCY_ONLY.test(tokens[i - 1].text)) initial = true;
        i++;
        continue;
      }
      if (isNameTok(i)) {
        let j = i + 1;
        for (;;) {
          if (isNameTok(j)) { j++; continue; }
          const c = tokens[j];
          // A nickname in quotes after a forename: "Gary 'Gaz' Whitmore", "Robert “Bob” Tanner",
          // "Danny “The Wall” Pearce" (up to three capitalised words).
          if (j < s.tokenEnd && NICK_OPEN.has(c.text) && (isForename(tokens[j - 1].lower))) {
            const close = nicknameClose(tokens, j, s.tokenEnd);
            if (close > 0 && isNameTok(close + 1)) { j = close + 2; continue; }
          }
          // Lower-case particles inside a surname: "Pieter van der Berg", "Osama bin Laden", "Leonardo da Vinci".
          if (j < s.tokenEnd && NAME_PARTICLES.has(c.text)) {
            let k = j;
            while (k < s.tokenEnd && k - j < 2 && NAME_PARTICLES.has(tokens[k].text)) k++;
            if (isNameTok(k)) { j = k + 1; continue; }
          }
          // "Sens. Johnny Isakson": a title abbreviation whose full stop wink split off
          if (j + 1 < s.tokenEnd && c.text === '.' && c.start === tokens[j - 1].end && j - 1 === i && TITLE_WORDS.has(tokens[j - 1].lower) && isNameTok(j + 1)) { j++; continue; }
          // "Freedom of Information Act", "Proceeds of Crime Act": "of" inside a law's name
          if (j + 1 < s.tokenEnd && c.lower === 'of' && isNameTok(j + 1)) {
            let k = j + 1;
            while (k + 1 < s.tokenEnd && k - j < 4 && isNameTok(k + 1)) k++;
            if (THING_HEADS.has(tokens[k].lower)) { j = k + 1; continue; }
          }
          // "International Committee of the Red Cross", "Office of the Inspector General"
          if (j + 2 < s.tokenEnd && c.lower === 'of' && tokens[j + 1].lower === 'the' && isNameTok(j + 2) && chunkHasOrgHead(tokens, i, j)) { j += 3; continue; }
          if (j + 1 < s.tokenEnd && isNameTok(j + 1)) {
            // Glued hyphen or ampersand inside a name ("Jean-Claude", "Johnson & Johnson").
            if ((c.text === '-' && c.start === tokens[j - 1].end && tokens[j + 1].start === c.end) || c.text === '&') { j += 2; continue; }
            if (ORG_CONNECTORS.has(c.lower) && (chunkHasOrgHead(tokens, i, j) || KNOWN_ORGS.has(nameKey(text.slice(tokens[i].start, tokens[j + 1].end))))) { j += 2; continue; }
            // "Isle of Lewis", "Gulf of Mexico".
            if (c.lower === 'of' && j === i + 1 && PLACE_FIRST_WORDS.has(tokens[i].lower)) { j += 2; continue; }
            if (c.lower === 'and' && andJoinsOrg(tokens, i, j, isNameTok)) { j += 2; continue; }
            // "King's College London", "St Mary's Hospital": a possessive inside an institution's name.
            if (POSSESSIVE.test(c.text) && c.start === tokens[j - 1].end && POSSESSIVE_INSTITUTIONS.has(tokens[j + 1].lower)) { j += 2; continue; }
          }
          break;
        }
        emitName(text, tokens, i, j, initial, vocab, drafts);
        initial = false;
        i = j;
        continue;
      }
      const pg = t.pos === 'PRON' ? PRONOUNS.get(t.lower) : undefined;
      if (pg !== undefined) {
        drafts.push({ t0: i, t1: i + 1, kind: 'pronoun', type: pg === 'unknown' ? null : 'person', gender: pg });
      } else if ((t.pos === 'NOUN' || t.pos === 'PROPN' || (initial && UPPER.test(t.text))) && isNominalHead(tokens, i, s.tokenEnd)) {
        emitNominal(tokens, i, s.tokenStart, drafts);
      } else if (t.lower === 'old' && i >= 4 && s.tokenEnd > i + 1 && isAgeDescription(tokens, i)) {
        // "The 56-year-old said …": an age standing for the person.
        drafts.push({ t0: i - 5 >= s.tokenStart && DETERMINERS.has(tokens[i - 5].lower) ? i - 5 : i - 4, t1: i + 1, kind: 'nominal', type: 'person', gender: 'unknown' });
      }
      initial = false;
      i++;
    }
    if (titleCase) for (let k = firstDraft; k < drafts.length; k++) if (drafts[k].kind === 'name' && drafts[k].type === null) headlineNames.push(k);
  }
  if (headlineNames.length) dropHeadlineNoise(tokens, drafts, headlineNames);
  drafts.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1);
  const out: Mention[] = [];
  for (const d of drafts) {
    const start = tokens[d.t0].start;
    const end = d.end ?? tokens[d.t1 - 1].end;
    out.push({ id: `mn${out.length + 1}`, start, end, text: text.slice(start, end), kind: d.kind, type: d.type, gender: d.gender, sentence: tokens[d.t0].sentence, entity: null });
  }
  return out;
}

/** A role noun that names an office after a title ("Correspondent", "Editor"), not a forename or surname. */
function isOfficeRole(w: string): boolean {
  return PERSON_ROLES.has(w) && !isForename(w) && isEnglishWord(w);
}

/** Whether tokens [a, b) are the whole sentence, but for punctuation. */
function sentenceIsOnly(tokens: readonly Token[], a: number, b: number): boolean {
  const s = tokens[a].sentence;
  for (let k = a - 1; k >= 0 && tokens[k].sentence === s; k--) if (tokens[k].pos !== 'PUNCT') return false;
  for (let k = b; k < tokens.length && tokens[k].sentence === s; k++) if (tokens[k].pos !== 'PUNCT') return false;
  return true;
}

/** The closing mark of a nickname of 1–3 capitalised words opened at `open`, or -1. */
function nicknameClose(tokens: readonly Token[], open: number, end: number): number {
  for (let k = open + 1; k < end && k <= open + 4; k++) {
    const t = tokens[k];
    if (k > open + 1 && NICK_CLOSE.has(t.text)) return k;
    if (t.type !== 'word' || !UPPER.test(t.text)) return -1;
  }
  return -1;
}

function isGazetteerName(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  const k = nameKey(text.slice(tokens[a].start, tokens[b - 1].end));
  return OUTLET_NAMES.has(k) || KNOWN_ORGS.has(k) || PLACES.has(k) || chunkHasOrgHead(tokens, a, b);
}

/**
 * Headlines capitalise every word and wink tags many of them PROPN ("Thousands", "Shootings"). An
 * untyped headline name is kept only when the body uses its last word in a name too.
 */
function dropHeadlineNoise(tokens: readonly Token[], drafts: MentionDraft[], headline: readonly number[]): void {
  const drop = new Set(headline);
  const bodyWords = new Set<string>();
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    if (d.kind !== 'name' || drop.has(k)) continue;
    for (let t = d.t0; t < d.t1; t++) bodyWords.add(tokens[t].lower);
  }
  let w = 0;
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    if (drop.has(k) && !bodyWords.has(tokens[d.t1 - 1].lower)) continue;
    drafts[w++] = d;
  }
  drafts.length = w;
}

/**
 * Whether "and" at `j` is inside one organisation's name: "Securities and Exchange Commission",
 * "Food and Drug Administration" (common words, then a run that ends in an organisation word), or
 * "Department of Health and Human Services", "National Institute for Health and Care Research"
 * (a name with "of"/"for", then common words). "Bank of America and Wells Fargo" stays two names.
 */
function andJoinsOrg(tokens: readonly Token[], i: number, j: number, isNameTok: (k: number) => boolean): boolean {
  let k = j + 1;
  while (isNameTok(k)) k++;
  const common = (a: number, b: number): boolean => {
    for (let x = a; x < b; x++) {
      const w = tokens[x].lower;
      if (isForename(w) || TITLE_WORDS.has(w) || HONORIFICS.has(w) || KNOWN_ORGS.has(w) || PLACES.has(w) ||
        OUTLET_NAMES.has(w) || !(isEnglishWord(w) || DEMONYMS.has(w))) return false;
    }
    return true;
  };
  const right = k - (j + 1);
  if (right < 1 || right > 3 || !common(j + 1, k - 1)) return false;
  const last = tokens[k - 1].lower;
  // "Democrats and Senate Republicans" are two groups, not one name.
  if (j - i <= 2 && right > 1 && common(i, j) && !GROUP_ROLES.has(tokens[j - 1].lower) && (ORG_HEADS.has(last) || ORG_WEAK_HEADS.has(last))) return true;
  let connector = false;
  for (let x = i + 1; x < j; x++) if (ORG_CONNECTORS.has(tokens[x].lower)) connector = true;
  return connector && chunkHasOrgHead(tokens, i, j) && common(k - 1, k);
}

function chunkHasOrgHead(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_HEADS.has(tokens[k].lower)) return true;
  return false;
}

/** A role, group or organisation noun that ends its noun compound ("tank commander", not "tank"). */
/** "56-year-old" ending at token `i` ("old"), used as a noun: a verb follows, not a noun it describes. */
function isAgeDescription(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return tokens[i - 1].text === '-' && tokens[i - 2].lower === 'year' && tokens[i - 3].text === '-' && tokens[i - 4].pos === 'NUM' &&
    next.sentence === tokens[i].sentence && (next.pos === 'VERB' || next.pos === 'AUX' ||
      // "The 22-year-old, who joined from Chelsea, said"
      (next.text === ',' && RELATIVE_WORDS.has(tokens[i + 2]?.lower ?? '')));
}

function isNominalHead(tokens: readonly Token[], i: number, end: number): boolean {
  const w = tokens[i].lower;
  if (!PERSON_ROLES.has(w) && !GROUP_ROLES.has(w) && !ORG_NOUNS.has(w)) return false;
  const next = i + 1 < end ? tokens[i + 1] : null;
  // "campaign manager", "Prosecutor General": a following role noun is the real head.
  if (next && next.pos === 'NOUN' && (PERSON_ROLES.has(next.lower) || GROUP_ROLES.has(next.lower) || ORG_NOUNS.has(next.lower))) return false;
  if (next && next.pos === 'NOUN') return false;
  return true;
}

function emitNominal(tokens: readonly Token[], head: number, sentStart: number, drafts: MentionDraft[]): void {
  const floor = drafts.length ? Math.max(sentStart, drafts[drafts.length - 1].t1) : sentStart;
  if (head > sentStart && head === floor + 1 && tokens[head - 1].pos === 'PART' && POSSESSIVE.test(tokens[head - 1].text)) {
    const prev = drafts[drafts.length - 1];
    if (prev && prev.t1 === head - 1) { pushNominal(tokens, prev.t0, head, drafts); return; }
  }
  let a = head;
  let steps = 0;
  while (a > floor && steps < 7) {
    const p = tokens[a - 1];
    if (DETERMINERS.has(p.lower) && (p.pos === 'DET' || p.pos === 'PRON' || p.pos === 'NUM' || p.pos === 'ADJ')) { a--; break; }
    if (p.pos === 'PART' && POSSESSIVE.test(p.text)) {
      // "the company's spokeswoman": the possessor opens the phrase; it stays a mention of its own.
      const prev = drafts[drafts.length - 1];
      if (prev && prev.t1 === a - 1) { a = prev.t0; break; }
      a--; steps++; continue;
    }
    // "the $2.42 billion analysts had expected": an amount of money is not a count of people.
    if (p.pos === 'NUM' && isMoneyNumber(tokens, a - 1)) break;
    // "Outside/ADJ court": a preposition wink read as an adjective is not a modifier
    if (PREPOSITION_LIKE.has(p.lower)) break;
    if (p.pos === 'ADJ' || p.pos === 'NOUN' || p.pos === 'NUM' || (p.pos === 'PROPN' && DEMONYMS.has(p.lower)) ||
        (p.text === '-' && p.start === tokens[a - 2]?.end) || (p.pos === 'ADV' && (p.lower === 'most' || p.lower === 'very' || p.lower === 'more'))) {
      a--; steps++; continue;
    }
    break;
  }
  pushNominal(tokens, a, head, drafts);
}

/** Whether the number token at `k` belongs to an amount of money ("$2.42 billion", "£90,000"). */
function isMoneyNumber(tokens: readonly Token[], k: number): boolean {
  while (k > 0 && tokens[k].pos === 'NUM') k--;
  return /^[$£€¥]$/.test(tokens[k].text) || /^(?:US|A|C|HK)?[$£€¥]\d/.test(tokens[k + 1]?.text ?? '');
}

function pushNominal(tokens: readonly Token[], a: number, head: number, drafts: MentionDraft[]): void {
  const w = tokens[head].lower;
  let type: EntityType;
  let gender: Gender = 'unknown';
  if (GROUP_ROLES.has(w)) type = 'group';
  else if (PERSON_ROLES.has(w)) { type = 'person'; gender = PERSON_ROLES.get(w)!; }
  else type = 'organisation';
  drafts.push({ t0: a, t1: head + 1, kind: 'nominal', type, gender });
}

/** Splits a capitalised chunk into an optional title (nominal) and a name, and types them. */
const PARTY_STATE = /^[DRI]-[A-Z][A-Za-z.]*$/;

interface Vocab { lowerSeen: ReadonlySet<string>; midCaps: ReadonlySet<string> }

function emitName(text: string, tokens: readonly Token[], a: number, b: number, initial: boolean, vocab: Vocab, drafts: MentionDraft[]): void {
  // A sentence-initial word that is a common word is not a name ("Better unemployment…", "Asked if…",
  // "Officials said"): known from a short list, from -ing/-ed/-ly endings, or because the article
  // writes it in lower case elsewhere. Gazetteer names are kept whole.
  if (initial) {
    // "Here's a company …": a contraction of a common word is that word.
    const w = tokens[a].lower.replace(/['’]s$/, '');
    const single = b - a === 1;
    if (single && (PERSON_ROLES.has(w) || GROUP_ROLES.has(w) || ORG_NOUNS.has(w))) {
      // "Chief executive Lena Hartmann": the role noun after it heads the phrase and takes it in.
      const nx = tokens[b];
      if (nx && nx.sentence === tokens[a].sentence && !UPPER.test(nx.text) && (PERSON_ROLES.has(nx.lower) || GROUP_ROLES.has(nx.lower))) return;
      emitNominal(tokens, a, a, drafts);
      return;
    }
    // A title before a name ("Mayor Daniel Okafor") is split off below, not dropped as a common word.
    // "-ing/-ed/-ly" words open sentences ("Asked if…", "Retired Gen. …") unless they are a subject ("Manning said").
    const next = tokens[b];
    const subject = single && next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX');
    // An English word opening a noun phrase ("Heavy rain has …") is an adjective, not a name;
    // "Brown told reporters" keeps its name, being followed by its verb.
    // So is one before a role or title ("Finance chief Mark Delaney", "Transport Secretary Fiona
    // Hyslop", "Regional Gov. Oleh …"): it says which office, it is not a name of its own.
    const roleNext = next !== undefined && (UPPER.test(next.text) ? TITLE_WORDS.has(next.lower) || STRONG_TITLES.has(next.lower) :
      next.pos === 'NOUN' || PERSON_ROLES.has(next.lower) || TITLE_WORDS.has(next.lower));
    const modifier = single && roleNext && !vocab.midCaps.has(w) && !/^\p{Lu}+$/u.test(tokens[a].text) && isEnglishWord(w);
    // A one-word outlet that is an English word ("Time", "Independent", "Fortune") opening a sentence
    // is that word, unless the article capitalises it mid-sentence too.
    const wordOutlet = single && OUTLET_NAMES.has(w) && !vocab.midCaps.has(w) && isEnglishWord(w);
    // An English word opening a sentence before an adverb, adjective, pronoun or "of/for/up" and no
    // verb right after ("So far, …", "Keep important papers …", "Shares of X rose", "Thanks for …"),
    // while "Shell also said" keeps its name.
    const after = tokens[b + 1];
    // A possessive after it ("Trump's aides", "Smith's lawyer") makes it a possessor, not an opener.
    const opener = single && next !== undefined && next.sentence === tokens[a].sentence && !UPPER.test(next.text) &&
      (OPENER_NEXT_POS.has(next.pos) || OPENER_NEXT_WORDS.has(next.lower)) && !POSSESSIVE.test(next.text) &&
      !(after && after.sentence === next.sentence && (after.pos === 'VERB' || after.pos === 'AUX')) &&
      !vocab.midCaps.has(w) && !/^\p{Lu}+$/u.test(tokens[a].text) && isEnglishWord(w);
    const known = isForename(w) || PLACES.has(w) || KNOWN_ORGS.has(w) ||
      (!single && NAME_PARTICLES.has(tokens[a + 1].text)) || // "Van der Berg said"
      (OUTLET_NAMES.has(w) && !wordOutlet) || (!single && TITLE_WORDS.has(w));
    if (!known && (!isGazetteerName(text, tokens, a, b) || wordOutlet) &&
        (COMMON_INITIAL.has(w) || vocab.lowerSeen.has(w) || modifier || wordOutlet || opener ||
        // "Carly Fiorina", "Emily Ross": a forename with a surname after it is no adverb
        (!subject && COMMON_ENDING.test(w) && (single || forenameGenderOf(w) === 'unknown')))) a++;
    else if (!single && !known && PERSON_ROLES.has(w) && !TITLE_WORDS.has(w) && !isGazetteerName(text, tokens, a, b)) {
      // "Farmer Kirsty MacLeod", "Retiree Tetiana Moroz": a role noun used as a title.
      drafts.push({ t0: a, t1: a + 1, kind: 'nominal', type: 'person', gender: PERSON_ROLES.get(w)! });
      a++;
    }
  }
  if (a >= b) return;
  // "Sen. Tom Haskell, R-Kan.": a party-and-state tag, not a name.
  if (PARTY_STATE.test(text.slice(tokens[a].start, tokens[b - 1].end))) return;
  // "The Minister of Infrastructure Vasyl Hrytsenko": the words before the forename complete the
  // title just emitted ("Minister" + "of Infrastructure"), so the name starts at the forename.
  const title = drafts[drafts.length - 1];
  if (title && title.kind === 'nominal' && title.type === 'person' && a >= 2 && title.t1 === a - 1 && tokens[a - 1].lower === 'of') {
    for (let k = a + 1; k < b - 1; k++) {
      if (!isForename(tokens[k].lower)) continue;
      title.t1 = k;
      a = k;
      break;
    }
  }
  // A title inside a chunk starts a person's name: "Retired U.S. Air Force Gen. Norman Ham",
  // "Senate Majority Leader Mitch McConnell". The part before it is a name of its own.
  for (let k = a + 1; k < b - 1; k++) {
    const w = tokens[k].lower;
    if (!STRONG_TITLES.has(w) && !HONORIFICS.has(w)) continue;
    if (chunkHasOrgHead(tokens, k, b)) break;
    let s = k;
    while (s > a && TITLE_WORDS.has(tokens[s - 1].lower) && !ORG_HEADS.has(tokens[s - 1].lower)) s--;
    if (s > a) emitName(text, tokens, a, s, initial, vocab, drafts);
    a = s;
    break;
  }
  // "Sir Robert Lane MP", "Jane Hill QC": post-nominal letters are not part of the name
  while (b - a > 1 && POST_NOMINALS.has(tokens[b - 1].text)) b--;
  const words: string[] = [];
  for (let k = a; k < b; k++) words.push(tokens[k].lower);
  // wink keeps a glued dash inside a token ("Post–shows"): the name ends at the dash.
  const lastText = tokens[b - 1].text;
  const dash = lastText.search(/[–—]/);
  let cutEnd: number | undefined;
  if (dash > 0) {
    cutEnd = tokens[b - 1].start + dash;
    words[words.length - 1] = words[words.length - 1].slice(0, dash);
  }
  const key = nameKey(text.slice(tokens[a].start, cutEnd ?? tokens[b - 1].end));
  // "Storm Darragh", "Hurricane Helene": a named storm is no person, organisation or place
  if (b - a >= 2 && STORM_WORDS.has(words[0]) || b - a >= 3 && words[0] === 'tropical' && STORM_WORDS.has(words[1])) return;
  if (b - a === 1) {
    const t = tokens[a].text;
    // "X-shaped", "U-turn": a letter and a hyphenated word; "LEDs", "SUVs": acronyms in the plural
    if (/^\p{Lu}-\p{Ll}/u.test(t) || /^\p{Lu}{2,}s$/u.test(t)) return;
  }
  // "a GP in Manchester", "the CEO": a role written as an abbreviation
  if (b - a === 1 && PERSON_ROLES.has(words[0]) && /^\p{Lu}{2,4}s?$/u.test(tokens[a].text)) {
    drafts.push({ t0: a, t1: b, kind: 'nominal', type: 'person', gender: PERSON_ROLES.get(words[0])! });
    return;
  }
  let type = typeOfName(words, key);
  // "FULL TEXT.", "BREAKING NEWS": a line that is only capitalised common words is a label
  if (type === null && sentenceIsOnly(tokens, a, b) && words.every((w) => w.length > 1 && isEnglishWord(w)) &&
    tokens[a].text === tokens[a].text.toUpperCase()) return;
  // "Macy's", "Kellogg's", "Sainsbury's": a name written with its possessive is a shop or a brand
  if (type === null && /['’]s$/.test(tokens[b - 1].text) && (b - a > 1 || tokens[a].text.length > 3)) type = 'organisation';
  // "RealClearPolitics", "WikiLeaks": one word with capitals inside is a brand, unless the inner
  // capital follows a surname prefix ("McCain", "DeSantis", "LeBron", "O'Brien")
  // (nor a handle, "@JebBush", nor a forename run into a surname, "HillaryClinton")
  if (type === null && b - a === 1 && INNER_CAPITAL.test(tokens[a].text) && !SURNAME_PREFIX.test(tokens[a].text) &&
    text[tokens[a].start - 1] !== '@' && forenameGender(/^\p{Lu}\p{Ll}+/u.exec(tokens[a].text)![0].toLowerCase()) === 'unknown') type = 'organisation';
  // "NHS England", "PGA Championship": an acronym opening a longer name is an institution's (not
  // when all of it is in capitals, a shouted headline, nor before a surname: "AWR Hawkins")
  if (type === null && b - a > 1 && /^\p{Lu}{3,5}$/u.test(tokens[a].text) && !/^jr\.?$/.test(words[1]) && !HONORIFICS.has(words[0]) && !TITLE_WORDS.has(words[0]) &&
    !isEnglishWord(words[0]) && /\p{Ll}/u.test(text.slice(tokens[a + 1].start, tokens[b - 1].end)) &&
    words.every((w, k) => k === 0 || (forenameGender(w) === 'unknown' && !TITLE_WORDS.has(w) && !PERSON_ROLES.has(w) && !GROUP_ROLES.has(w) &&
      (isEnglishWord(w) || PLACES.has(w))))) type = 'organisation';
  // "Mr Lane", "Ms Hill": an honorific makes a person whatever the words mean as a place
  if (type === 'place' && b - a > 1 && HONORIFICS.has(words[0].replace(/\.$/, ''))) type = null;
  if (type === 'outlet' || type === 'organisation' || type === 'place' || type === 'other') {
    // "The Washington Post": the article is part of the outlet's name.
    if (type === 'outlet' && a > 0 && tokens[a - 1].lower === 'the' && OUTLET_NAMES.get(key)?.startsWith('The ')) a--;
    drafts.push({ t0: a, t1: b, end: cutEnd, kind: 'name', type, gender: 'unknown' });
    return;
  }
  // Leading honorifics, titles and nationality words: "Ukraine's Prosecutor General Irina …", "Mr. Smith".
  let n = a;
  let gender: Gender = 'unknown';
  let titled = false;
  while (n < b - 1) {
    const w = tokens[n].lower;
    const hon = HONORIFICS.get(w) ?? HONORIFICS.get(w.replace(/\.$/, ''));
    if (hon !== undefined) { if (hon !== 'unknown') gender = hon; titled = true; n++; continue; }
    if (TITLE_WORDS.has(w) || DEMONYMS.has(w)) { if (TITLE_WORDS.has(w)) titled = true; n++; continue; }
    // the full stop of a title abbreviation split off by wink ("Sens . Ted Cruz")
    if (w === '.' && titled && n > a && TITLE_WORDS.has(tokens[n - 1].lower)) { n++; continue; }
    // "Sports Correspondent Tom Harris": a role noun after a title completes the office
    if (titled && isOfficeRole(w) && forenameGender(tokens[n + 1].lower) !== 'unknown') { n++; continue; }
    break;
  }
  // "Tom Harris, Sports Correspondent", "Culture Editor": a title and a role noun, no name
  if (titled && b - n === 1 && isOfficeRole(tokens[n].lower)) n = b;
  // Without a title, what was skipped are nationality or party words ("Democrat Hillary Clinton"):
  // dropped, and not a mention.
  if (n > a && titled) {
    // The title is a mention in its own right ("Prosecutor General"), unless it is only an honorific.
    let lastTitle = n - 1;
    while (lastTitle >= a && HONORIFICS.has(tokens[lastTitle].lower.replace(/\.$/, ''))) lastTitle--;
    let firstTitle = a;
    while (firstTitle <= lastTitle && (HONORIFICS.has(tokens[firstTitle].lower.replace(/\.$/, '')) || DEMONYMS.has(tokens[firstTitle].lower))) firstTitle++;
    if (n === b) lastTitle = b - 1;
    if (firstTitle <= lastTitle) {
      const head = tokens[lastTitle].lower;
      const g = PERSON_ROLES.get(head) ?? 'unknown';
      drafts.push({ t0: firstTitle, t1: lastTitle + 1, kind: 'nominal', type: 'person', gender: g });
    }
  }
  if (n === b) return;
  // A lone title word chunk ("President said") is a nominal mention.
  if (b - n === 1 && TITLE_WORDS.has(tokens[n].lower) && PERSON_ROLES.has(tokens[n].lower)) {
    drafts.push({ t0: n, t1: b, kind: 'nominal', type: 'person', gender: PERSON_ROLES.get(tokens[n].lower)! });
    return;
  }
  const nameWords = words.slice(n - a);
  if (nameWords.length === 1 && DEMONYMS.has(nameWords[0])) return;
  // "a Wisconsin Republican", "one Iowa Democrat": a place and a party member describe a person
  // (after "the", the description stands for someone named before: left as it was)
  if (nameWords.length > 1 && PARTY_MEMBERS.has(nameWords[nameWords.length - 1]) && PLACES.has(nameWords.slice(0, -1).join(' ')) &&
    n > 0 && INDEFINITES.has(tokens[n - 1].lower)) {
    drafts.push({ t0: n, t1: b, end: cutEnd, kind: 'nominal', type: 'person', gender: 'unknown' });
    return;
  }
  // "Strategy Officer", "Marketing Director": a capitalised office with no forename is a description
  const lastWord = nameWords[nameWords.length - 1];
  if (nameWords.length > 1 && type === null && PERSON_ROLES.has(lastWord) && !isForename(nameWords[0]) &&
    nameWords.every((w) => isEnglishWord(w))) {
    drafts.push({ t0: n, t1: b, end: cutEnd, kind: 'nominal', type: 'person', gender: PERSON_ROLES.get(lastWord)! });
    return;
  }
  if (nameWords.length === 1 && nameWords[0].replace(/\.$/, '').length === 1) return; // "Z", "X.", stray initials
  if (gender === 'unknown') gender = forenameGender(nameWords[forenameIndex(nameWords)]);
  if (n > a) {
    const k2 = nameKey(nameWords.join(' '));
    type = typeOfName(nameWords, k2) ?? 'person';
    if (type !== 'person' && type !== null) { drafts.push({ t0: n, t1: b, end: cutEnd, kind: 'name', type, gender: 'unknown' }); return; }
  }
  drafts.push({ t0: n, t1: b, end: cutEnd, kind: 'name', type: titled ? 'person' : type, gender });
}

export const mentionsStage = defineStage({
  name: 'mentions',
  requires: ['tokens', 'sentences', 'nerSpans'],
  assigns: ['mentions'],
  run(doc) {
    return { mentions: findMentions(doc.text, doc.get('tokens', 'mentions'), doc.get('sentences', 'mentions'), doc.get('nerSpans', 'mentions')) };
  },
});
