import { isEnglishWord } from './lexicon.ts';
import { readDateline } from './dateline.ts';
import type { Entity, EntityType, Gender, Mention, Sentence, TextSpan, Token } from '../model/types.ts';
import { OUTLET_NAMES, nameKey } from './gazetteer/outlets.ts';
import { GROUP_ROLES, HONORIFICS, ORG_NOUNS, PERSON_ROLES, ROLE_SYNONYMS } from './gazetteer/roles.ts';
import { ORG_HEADS, ORG_WEAK_HEADS } from './gazetteer/organisations.ts';
import { forenameGenderOf, forenameIndex, isForename } from './gazetteer/forenames.ts';
import { NEUTER_PRONOUNS, PLURAL_PRONOUNS, isTitleCase } from './mentions.ts';
import { quotedTokens, tokenAt } from './quoted.ts';
import { REPORTING_VERBS } from './reporting-verbs.ts';

// Coreference by sieves, most precise first (the order of Stanford's deterministic coreference):
// A. names (exact, aliases, surname/forename subsets, organisation suffixes), B. titles and
// appositions, then definite descriptions, C. pronouns by salience. See docs/entities.md.

/** Verbs of saying: a mention next to one is a speaker, the most salient thing in news prose. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(`said says say told tells tell added adds explained explains wrote
writes stated states noted notes argued argues claimed claims confessed confesses laments lamented insisted insists
asked asks replied replies responded responds warned warns announced announces declared declares acknowledged
acknowledges admitted admits recalled recalls continued continues commented comments tweeted tweets posted posts
believes believed thinks thought according testified testifies conceded concedes emphasized stressed suggested
suggests predicted predicts urged urges pointed complained complains countered counters reiterated
reiterates`.split(/\s+/));

const ALIASES: ReadonlyMap<string, string> = new Map([
  ['un', 'united nations'], ['eu', 'european union'], ['us', 'united states'], ['usa', 'united states'],
  ['america', 'united states'], ['united states of america', 'united states'], ['uk', 'united kingdom'],
  ['britain', 'united kingdom'], ['great britain', 'united kingdom'], ['ap', 'associated press'],
  ['kiev', 'kyiv'], ['who', 'world health organization'], ['nyt', 'new york times'], ['gop', 'republican party'],
]);
const PLACE_NOUNS = new Set(['village', 'city', 'town', 'region', 'province', 'state', 'capital', 'county', 'district', 'island', 'port']);
// "the town council of Porthaven", "the people of Gaza": the governed or inhabited place.
const OF_PLACE = new Set(['council', 'government', 'people', 'residents', 'citizens', 'mayor', 'governor', 'streets', 'outskirts']);
// Legal forms of a company; with the words that say what kind of business it is, the words after
// a company's distinctive first word ("Greyhook Seafoods Ltd").
const LEGAL_FORMS = ['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'gmbh', 'ag', 'sa'];
const BUSINESS_SUFFIXES = new Set([...LEGAL_FORMS, 'group', 'holdings',
  'company', 'corporation', 'industries', 'technologies', 'systems', 'partners', 'labs', 'motors', 'energy', 'capital']);
const LEGAL_SUFFIXES = new Set([...LEGAL_FORMS, 'nv', 'bv', 'ab', 'asa', 'spa', 'srl', 'pty', 'lp', 'llp']);
/** What a person's surname modifies without being an organisation's name: "the Trump campaign". */
const LED_BY_PERSON = new Set(['campaign', 'campaigns', 'administration', 'presidency', 'government', 'camp', 'team', 'family',
  'era', 'doctrine', 'cabinet']);

/** The last word of a name past a legal suffix ("Acme Robotics Inc." → "robotics"). */
function lastCoreWord(words: readonly string[]): string {
  let k = words.length - 1;
  while (k > 0 && LEGAL_SUFFIXES.has(words[k].replace(/\.$/, ''))) k--;
  return words[k];
}
const COMPANY_NOUNS = new Set(['company', 'firm', 'corporation', 'startup', 'manufacturer', 'retailer', 'airline', 'insurer', 'lender']);
const NOT_A_COMPANY = new Set(['union', 'ministry', 'department', 'agency', 'council', 'committee', 'commission', 'party',
  'university', 'college', 'school', 'court', 'government', 'parliament', 'senate', 'congress', 'police', 'army',
  'embassy', 'mission', 'church', 'foundation', 'association', 'federation', 'league', 'coalition', 'campaign']);
const PLACE_PREPS = new Set(['in', 'near', 'across', 'throughout', 'outside', 'inside', 'from', 'to', 'into']);
const DEFINITE = new Set(['the', 'this', 'that']);
// "the company" may refer to any organisation named just before; "the ministry" only to a ministry.
const GENERIC_ORG = new Set(['company', 'firm', 'corporation', 'group', 'organization', 'organisation', 'startup',
  'manufacturer', 'retailer', 'airline', 'insurer', 'lender', 'publisher', 'broadcaster', 'outlet', 'network', 'charity']);
const PLURAL_TARGETS: ReadonlySet<EntityType | null | undefined> = new Set<EntityType>(['group', 'organisation', 'outlet']);
// Countries act in news ("Russia has denied … what it calls"), so "it" may be a place.
const NEUTER_TARGETS: ReadonlySet<EntityType | null | undefined> = new Set<EntityType>(['organisation', 'outlet', 'place']);
const BROAD_ROLES = new Set(['official', 'diplomat', 'man', 'woman', 'person', 'politician', 'lawmaker', 'officer',
  'employee', 'worker', 'staffer', 'aide', 'member', 'source', 'figure', 'executive', 'leader']);
// "the House" after "the White House" is the chamber ("the Court" after "the Supreme Court" is not
// listed: there it is the same court).
const CHAMBERS = new Set(['house']);
const SALIENCE_WINDOW = 4;
const LEDE_SENTENCES = 3;
// An age description ("the 41-year-old") links to a named person this salient (see rankAntecedents:
// one named in the sentence before as subject scores ~10), and clearly ahead of the next one.
const AGE_REFERENCE_MIN = 6;
const BACK_REFERENCE_MARGIN = 3;
// Roles one person is described by in turn ("a journalist" … "correspondent of Radio Svaboda").
const ROLE_FAMILIES: ReadonlyMap<string, number> = new Map([
  ...['journalist', 'correspondent', 'reporter', 'editor', 'writer', 'columnist', 'author', 'blogger', 'commentator'].map((w) => [w, 1] as const),
  ...['diplomat', 'ambassador', 'envoy', 'adviser', 'consul', 'negotiator'].map((w) => [w, 2] as const),
  ...['prosecutor', 'attorney', 'lawyer', 'counsel'].map((w) => [w, 3] as const),
  ...['soldier', 'officer', 'commander', 'colonel', 'lieutenant', 'sergeant', 'captain', 'general', 'veteran'].map((w) => [w, 4] as const),
  ...['executive', 'ceo', 'chair', 'director', 'founder', 'owner', 'manager', 'entrepreneur', 'businessperson'].map((w) => [w, 5] as const),
  ...['scientist', 'researcher', 'professor', 'expert', 'analyst', 'economist', 'historian'].map((w) => [w, 6] as const),
  ...['doctor', 'physician', 'surgeon', 'nurse'].map((w) => [w, 7] as const),
  ...['activist', 'dissident', 'campaigner', 'organizer', 'organiser'].map((w) => [w, 8] as const),
]);
const sameRoleFamily = (a: string, b: string): boolean => a === b || (ROLE_FAMILIES.has(a) && ROLE_FAMILIES.get(a) === ROLE_FAMILIES.get(b));
const REFLEXIVES = new Set(['himself', 'herself']); // sentences a pronoun looks back
const W_HONORIFIC = 3;
const W_FORENAME = 2;
const W_ROLE = 2;
const W_PRONOUN = 1;

interface Evidence extends TextSpan { gender: Gender; weight: number }

interface Cluster {
  id: string;
  order: number;
  members: number[];
  /** Token words of each name mention, lower case. */
  names: string[][];
  longest: string[];
  longestFromHeadline: boolean;
  type: Map<EntityType, number>;
  heads: Set<string>;
  male: number;
  /** Of `male`/`female`, the weight of forenames only the package lists know ("Aung"). */
  weakMale: number;
  weakFemale: number;
  female: number;
  evidence: Evidence[];
  named: boolean;
  group: boolean;
  descr: string;
  /** Sentence of the latest name mention: a bare surname shared by relatives goes to the one just named. */
  lastSentence: number;
}

export interface CorefResult {
  entities: Entity[];
  /** Entity id per mention (index-aligned with the mentions given). */
  entityOf: (string | null)[];
}

/** What the salience ranking needs about each mention; built once per document. */
export interface MentionInfo {
  t0: number;
  t1: number;
  quoted: boolean;
  subject: boolean;
  speech: boolean;
  paragraph: number;
}

// The entities and speakers stages read the same facts about the same mentions layer: computed once.
const infoCache = new WeakMap<readonly Mention[], MentionInfo[]>();

export function mentionInfo(tokens: readonly Token[], sentences: readonly Sentence[], mentions: readonly Mention[], quoted?: Uint8Array): MentionInfo[] {
  const cached = infoCache.get(mentions);
  if (cached && cached.length === mentions.length) return cached;
  const out = computeMentionInfo(tokens, sentences, mentions, quoted ?? quotedTokens(tokens, sentences));
  infoCache.set(mentions, out);
  return out;
}

function computeMentionInfo(tokens: readonly Token[], sentences: readonly Sentence[], mentions: readonly Mention[], quoted: Uint8Array): MentionInfo[] {
  const out: MentionInfo[] = new Array(mentions.length);
  let lastSentence = -1;
  let sawSubject = false;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const t0 = tokenAt(tokens, m.start);
    let t1 = t0;
    while (t1 < tokens.length && tokens[t1].start < m.end) t1++;
    if (m.sentence !== lastSentence) { lastSentence = m.sentence; sawSubject = false; }
    const q = quoted[t0] === 1;
    const next = tokens[t1];
    const prev = t0 > 0 ? tokens[t0 - 1] : undefined;
    // "X said" or an inverted "…,” said X"; not the subject of reported speech ("McLenney said Clinton doesn't…").
    const beforeVerb = t0 > 1 ? tokens[t0 - 2] : undefined;
    const speech = (next !== undefined && next.sentence === m.sentence && SPEECH_VERBS.has(next.lower)) ||
      (prev !== undefined && prev.sentence === m.sentence && SPEECH_VERBS.has(prev.lower) &&
        (beforeVerb === undefined || beforeVerb.sentence !== m.sentence || beforeVerb.pos === 'PUNCT'));
    // The first narrator-side person mention of a sentence, or one right before its verb, is its subject.
    let subject = false;
    if (!q && (m.kind !== 'nominal' || m.type === 'person')) {
      if (!sawSubject) { subject = true; sawSubject = true; }
      else if (next && (next.pos === 'VERB' || next.pos === 'AUX') && !(prev && (prev.pos === 'VERB' || prev.pos === 'SCONJ'))) subject = true;
    }
    out[i] = { t0, t1, quoted: q, subject, speech, paragraph: sentences[m.sentence].paragraph };
  }
  return out;
}

export function clusterGender(male: number, female: number): Gender {
  return male > female ? 'male' : female > male ? 'female' : 'unknown';
}

export interface Candidate { entity: string; score: number }

/**
 * Ranks person entities as antecedents of a pronoun at mention index `at`, by salience: recency in
 * sentences, subject or speaker position, narrator text over quoted text, prominence, and gender
 * agreement as a preference (a mismatch costs, it does not exclude: writers and translators slip).
 * `bonus` adds speaker salience from quotes when the speakers stage asks.
 */
export function rankAntecedents(
  mentions: readonly Mention[], info: readonly MentionInfo[], entityOf: readonly (string | null)[],
  isPerson: (e: string) => boolean, genderOf: (e: string) => Gender, countOf: (e: string) => number,
  at: number, sentence: number, paragraph: number, gender: Gender, bonus?: ReadonlyMap<string, number>,
): Candidate[] {
  // Per entity: its most recent narrator-side mention (or quoted one, if that is all there is), and
  // whether any of its mentions in that sentence is a subject or a speaker ("Retired Lt. Gen. Michael
  // Flynn, a surrogate, …": the title is the subject, the apposition the most recent mention).
  const seen = new Map<string, { sentence: number; paragraph: number; quoted: boolean; subject: boolean; speech: boolean; k: number }>();
  for (let k = at - 1; k >= 0; k--) {
    const m = mentions[k];
    if (sentence - m.sentence > SALIENCE_WINDOW) break;
    const e = entityOf[k];
    if (e === null || !isPerson(e)) continue;
    const mi = info[k];
    const r = seen.get(e);
    if (!r || (r.quoted && !mi.quoted)) {
      seen.set(e, { sentence: m.sentence, paragraph: mi.paragraph, quoted: mi.quoted, subject: mi.subject, speech: mi.speech, k });
    } else if (!mi.quoted && m.sentence === r.sentence) {
      r.subject ||= mi.subject;
      r.speech ||= mi.speech;
    }
  }
  const out: Candidate[] = [];
  for (const [e, r] of seen) {
    // The mention distance only breaks ties between otherwise equal candidates.
    let s = 10 - 2.5 * (sentence - r.sentence) - 0.001 * (at - r.k);
    if (r.subject) s += 2;
    if (r.speech) s += 2;
    if (r.quoted) s -= 5;
    if (r.paragraph !== paragraph) s -= 1.5;
    s += Math.min(countOf(e), 4) * 0.5;
    const g = genderOf(e);
    if (gender !== 'unknown' && g !== 'unknown') s += g === gender ? 4 : -6;
    out.push({ entity: e, score: s + (bonus?.get(e) ?? 0) });
  }
  if (bonus) for (const [e, b] of bonus) if (!seen.has(e) && isPerson(e)) out.push({ entity: e, score: b - 2.5 * SALIENCE_WINDOW });
  return out.sort((a, b) => b.score - a.score);
}

/** One key per role word: "Sen." and "senator", "advisor" and "adviser" are one role. */
function roleHead(w: string): string {
  const bare = w.endsWith('.') ? w.slice(0, -1) : w;
  return ROLE_SYNONYMS.get(bare) ?? bare;
}

function isSubset(small: readonly string[], big: readonly string[]): boolean {
  for (const w of small) if (!big.includes(w)) return false;
  return true;
}

function typeOf(c: Cluster): EntityType | null {
  let best: EntityType | null = null;
  let bw = 0;
  for (const [t, w] of c.type) if (w > bw) { best = t; bw = w; }
  return best;
}

function vote(c: Cluster, t: EntityType | null, w: number): void {
  if (t) c.type.set(t, (c.type.get(t) ?? 0) + w);
}

/** Clusters mentions into entities: names, then descriptions, then pronouns (sieves A–C). */
export function resolveCoreference(text: string, tokens: readonly Token[], sentences: readonly Sentence[], mentions: readonly Mention[]): CorefResult {
  const info = mentionInfo(tokens, sentences, mentions);
  const entityOf: (string | null)[] = new Array(mentions.length).fill(null);
  const clusters: Cluster[] = [];
  const byId = new Map<string, Cluster>();
  const byKey = new Map<string, Cluster>();
  const byWord = new Map<string, Set<Cluster>>();

  const newCluster = (i: number, named: boolean): Cluster => {
    const c: Cluster = { id: `en${clusters.length + 1}`, order: clusters.length, members: [], names: [], longest: [], longestFromHeadline: false, type: new Map(), heads: new Set(),
      male: 0, female: 0, weakMale: 0, weakFemale: 0, evidence: [], named, group: false, descr: mentions[i].text, lastSentence: mentions[i].sentence };
    clusters.push(c);
    byId.set(c.id, c);
    return c;
  };
  const join = (c: Cluster, i: number): void => {
    c.members.push(i);
    entityOf[i] = c.id;
  };
  const addEvidence = (c: Cluster, start: number, end: number, gender: Gender, weight: number, weak = false): void => {
    if (gender === 'unknown') return;
    c.evidence.push({ start, end, text: text.slice(start, end), gender, weight });
    if (gender === 'male') c.male += weight; else c.female += weight;
    if (weak && gender === 'male') c.weakMale += weight; else if (weak) c.weakFemale += weight;
  };
  const words = (i: number): string[] => {
    const out: string[] = [];
    for (let k = info[i].t0; k < info[i].t1; k++) if (tokens[k].pos !== 'PUNCT' && tokens[k].text !== '&') out.push(tokens[k].lower);
    return out;
  };

  const datelines = datelineKeys(text);
  const headlineCache = new Map<number, boolean>();
  const headline = (si: number): boolean => {
    let h = headlineCache.get(si);
    if (h === undefined) headlineCache.set(si, (h = isTitleCase(tokens, sentences[si])));
    return h;
  };
  // Sieve A: names, in text order.
  sieveA();
  function sieveA(): void {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.kind !== 'name') continue;
      const w = words(i);
      let key = nameKey(m.text);
      key = ALIASES.get(key) ?? key;
      let c = byKey.get(key);
      let candidates = 0;
      // A surname shared by relatives: the honorific or forename may point to the other bearer.
      if (c && m.gender !== 'unknown' && clusterGender(c.male, c.female) !== 'unknown' && clusterGender(c.male, c.female) !== m.gender) c = undefined;
      if (!c && (m.type === null || m.type === 'person' || m.type === 'organisation')) {
        let bestC: Cluster | undefined;
        let bestScore = -Infinity;
        // Only clusters sharing a word can match: the word index keeps this linear in practice.
        const seen = new Set<Cluster>();
        let pronounAfter: Gender | undefined;
        let pronounScore: Cluster | undefined;
        for (const word of w) for (const o of byWord.get(word) ?? []) seen.add(o);
        for (const o of seen) {
          const ot = typeOf(o);
          if (m.type === 'organisation' || ot === 'organisation') {
            // "Foreign Ministry" after "Russian Foreign Ministry": same head word, fewer words.
            if (ot !== 'organisation' || m.type === 'person') continue;
            // "Norvane" for "Norvane Semiconductor", "Greyhook" for "Greyhook Seafoods Ltd": the
            // distinctive first word, when the rest only says what kind of business it is.
            const shortForm = w.length === 1 && o.longest.length > 1 && o.longest[0] === w[0] &&
              o.longest.slice(1).every((x) => ORG_WEAK_HEADS.has(x) || BUSINESS_SUFFIXES.has(x.replace(/\.$/, '')));
            // "Acme Robotics" for "Acme Robotics Inc.": the last word before a legal suffix
            if (!shortForm && !(isSubset(w, o.longest) && lastCoreWord(w) === lastCoreWord(o.longest))) continue;
            if (w.length === 1 && CHAMBERS.has(w[0]) && o.longest.length > 1) continue;
          } else {
            if (ot !== null && ot !== 'person') continue;
            if (!isSubset(w, o.longest) && !(isSubset(o.longest, w) && o.names.every((n) => isSubset(n, w)))) continue;
            const og = clusterGender(o.male, o.female);
            if (m.gender !== 'unknown' && og !== 'unknown' && og !== m.gender) continue;
          }
          // Ambiguous surnames go to a bearer named in this or the last two sentences ("Her
          // husband, Tom Smith, … Smith said"), else to the more prominent, then the first introduced.
          const recent = m.sentence - o.lastSentence <= 2 ? 1e6 + o.lastSentence * 1e3 : 0;
          // "Penrose laughed when asked about his wife's comment": the pronoun that follows a bare
          // surname in its sentence says which bearer it is.
          if (w.length === 1 && m.gender === 'unknown') {
            pronounAfter ??= followingPronounGender(mentions, info, i);
            if (pronounAfter !== 'unknown' && clusterGender(o.male, o.female) === pronounAfter) pronounScore = o;
          }
          // A cluster some gazetteer or context typed beats a guess ("Norvane" joins "Norvane
          // Semiconductor", not the headline's "Chipmaker Norvane").
          // the bearer of the other gender is out, even when this one's gender is not known yet
          const og2 = clusterGender(o.male, o.female);
          const against = pronounAfter !== undefined && pronounAfter !== 'unknown' && og2 !== 'unknown' && og2 !== pronounAfter;
          const score = recent + (ot !== null ? 2e6 : 0) + (pronounScore === o ? 1e7 : 0) - (against ? 2e7 : 0) + o.members.length * 100 - o.order;
          if (score > bestScore) { bestScore = score; bestC = o; }
          candidates++;
        }
        c = bestC;
      }
      if (!c) { c = newCluster(i, true); }
      // A key several clusters could claim is decided afresh at each mention, not cached.
      if (candidates <= 1) byKey.set(key, c);
      c.lastSentence = m.sentence;
      join(c, i);
      c.names.push(w);
      // Headlines glue words to names ("Marine Le Pen Backs Trump"): a body name replaces a headline
      // one as the name later mentions are matched against, so "Trump" does not join Le Pen.
      const hl = headline(m.sentence);
      if ((c.longestFromHeadline && !hl) || (w.length > c.longest.length && (!hl || c.longestFromHeadline || c.longest.length === 0))) {
        c.longest = w;
        c.longestFromHeadline = hl;
      }
      for (const word of w) {
        let set = byWord.get(word);
        if (!set) byWord.set(word, (set = new Set()));
        set.add(c);
        // A second bearer of a surname ("Adam Penrose" after "Clare Penrose"): the bare surname is
        // ambiguous from now on, so it is decided at each mention.
        const holder = byKey.get(word);
        if (w.length > 1 && holder !== undefined && holder !== c && (m.type === null || m.type === 'person') &&
          (typeOf(holder) === null || typeOf(holder) === 'person')) byKey.delete(word);
      }
      vote(c, m.type, 3);
      // Context rules: honorifics and titles before a name, "in X", speech verbs after it.
      const t0 = info[i].t0;
      const prev = t0 > 0 && tokens[t0 - 1].sentence === m.sentence ? tokens[t0 - 1] : undefined;
      const hon = prev ? HONORIFICS.get(prev.lower.replace(/\.$/, '')) : undefined;
      if (hon !== undefined) {
        vote(c, 'person', 3);
        addEvidence(c, prev!.start, prev!.end, hon, W_HONORIFIC);
      }
      // A neutral title ("Dr.", "Professor") leaves the forename to speak.
      if ((hon === undefined || hon === 'unknown') && w.length >= 1 && m.type !== 'outlet' && m.type !== 'organisation' && m.type !== 'place') {
        const fi = forenameIndex(w);
        const fg = w.length > 1 ? forenameGenderOf(w[fi]) : 'unknown';
        // A forename only the package lists know ("Guadalupe" is mostly, not always, a woman's name)
        // weighs as much as one pronoun, so a pronoun against it leaves the gender open.
        const curated = isForename(w[fi]);
        if (fg !== 'unknown') addEvidence(c, tokens[t0 + fi].start, tokens[t0 + fi].end, fg, curated ? W_FORENAME : W_PRONOUN, !curated);
        // a forename only the package lists know votes for a person where no preposition says place
        // ("Carly Fiorina said" outweighs one "in Fiorina's"; "in Calder Bridge" stays a place)
        if (fg !== 'unknown' && !curated && m.type === null && !(prev && PLACE_PREPS.has(prev.lower))) vote(c, 'person', 2);
      }
      // "in Kylie Jenner's company": a possessor is not the preposition's object.
      const possessor = info[i].t1 < tokens.length && /^['’]s?$/.test(tokens[info[i].t1].text);
      if (prev && PLACE_PREPS.has(prev.lower) && m.type === null && !possessor) vote(c, 'place', 1);
      if (prev && prev.lower === 'of' && t0 > 1 && PLACE_NOUNS.has(tokens[t0 - 2].lower)) vote(c, 'place', 3);
      if (prev && prev.lower === 'of' && t0 > 1 && OF_PLACE.has(tokens[t0 - 2].lower)) vote(c, 'place', 2);
      // "Margaret Ellery, 58, of Hadleigh": where someone of that age lives.
      if (m.type === null && prev && prev.lower === 'of' && t0 > 3 && tokens[t0 - 2].text === ',' && tokens[t0 - 3].pos === 'NUM' && tokens[t0 - 4]?.text === ',') vote(c, 'place', 3);
      // "CalMac spokesperson", "a Department of Health spokesman": the body a spokesperson speaks for.
      if (m.type === null && info[i].t1 < tokens.length && SPOKES.has(tokens[info[i].t1].lower) && tokens[info[i].t1].sentence === m.sentence) vote(c, 'organisation', 2);
      // "the Viasna human rights centre", "the Wagner mercenary group": a name before an organisation noun.
      if (m.type === null) {
        for (let k = info[i].t1; k < Math.min(tokens.length, info[i].t1 + 4) && tokens[k].sentence === m.sentence; k++) {
          const t = tokens[k];
          // (a person's name before "campaign", "administration", "government" … names what they lead)
          if ((ORG_NOUNS.has(t.lower) || ORG_HEADS.has(t.lower)) && (t.pos === 'NOUN' || t.pos === 'PROPN') && !LED_BY_PERSON.has(t.lower)) { vote(c, 'organisation', 2); break; }
          if (!((t.pos === 'NOUN' || t.pos === 'ADJ') && t.lower === t.text)) break;
        }
      }
      // "an analyst at Morningstar", "researchers at Barclays": where people work.
      if (m.type === null && prev && prev.lower === 'at' && t0 > 1 && (PERSON_ROLES.has(tokens[t0 - 2].lower) || GROUP_ROLES.has(tokens[t0 - 2].lower))) vote(c, 'organisation', 2);
      if (datelines.has(key)) vote(c, 'place', 3);
      // "Greyhook Seafoods, which owns the site": "which" follows things, not people.
      const after2 = info[i].t1 + 1 < tokens.length ? tokens[info[i].t1 + 1] : undefined;
      if (m.type === null && after2 && tokens[info[i].t1].text === ',' && after2.lower === 'which' && !(prev && PLACE_PREPS.has(prev.lower))) vote(c, 'organisation', 2);
      // "the Emilia-Romagna region"; "Mayor Paolo Conti of Faenza" (after a person's name, "of" names
      // where they serve: a place or an organisation, never a second person).
      const after = info[i].t1 < tokens.length ? tokens[info[i].t1] : undefined;
      if (m.type === null && after && after.sentence === m.sentence && PLACE_NOUNS.has(after.lower)) vote(c, 'place', 3);
      if (m.type === null && prev && prev.lower === 'of' && i > 0 && mentions[i - 1].kind === 'name' && info[i - 1].t1 === t0 - 1 &&
          typeOf(byId.get(entityOf[i - 1]!)!) === 'person') vote(c, 'place', 2);
      // A speaking name is a person, unless it is "the" and a common word ("the Treasury said").
      const definiteWord = info[i].t1 - t0 === 1 && prev?.lower === 'the' && isEnglishWord(tokens[t0].lower);
      if (info[i].speech && !info[i].quoted && m.type === null && !definiteWord) vote(c, 'person', 1);
    }
  }

  // Sieve B: titles, appositions, then definite descriptions, in text order.
  const headOwners = new Map<string, Cluster>();
  const groupKeys = new Map<string, Cluster>();
  // A person's description names a person's role and an organisation's names its kind: "the
  // agency's spokeswoman" does not make "agency" hers.
  const registerHeads = (c: Cluster, i: number): void => {
    const roles = mentions[i].type === 'organisation' ? ORG_NOUNS : mentions[i].type === 'person' ? PERSON_ROLES : null;
    for (let k = info[i].t0; k < info[i].t1; k++) {
      // a possessor is not what the description names: "the council's housing department"
      if (k + 1 < info[i].t1 && /^['’]s?$/.test(tokens[k + 1].text)) continue;
      const w = tokens[k].lower;
      const h = roleHead(w);
      if (roles ? roles.has(w) || roles.has(h) : PERSON_ROLES.has(w) || ORG_NOUNS.has(w) || PERSON_ROLES.has(h)) {
        c.heads.add(h);
        headOwners.set(h, c);
      }
    }
  };
  // A name no gazetteer typed takes the type of its title or apposition ("Energoatom, the company …").
  const compatible = (c: Cluster, m: Mention): boolean => {
    const t = typeOf(c);
    if (m.type === 'person') return t === null || t === 'person';
    if (m.type === 'organisation') return t === 'organisation' || t === 'outlet' || (t === null && c.named);
    return false;
  };
  const ageBackReference = (i: number, m: Mention): Cluster | undefined => {
    const named = (e: string): boolean => { const o = byId.get(e)!; return o.named && typeOf(o) === 'person'; };
    const ranked = rankAntecedents(mentions, info, entityOf, named, (e) => { const o = byId.get(e)!; return clusterGender(o.male, o.female); },
      (e) => byId.get(e)!.members.length, i, m.sentence, info[i].paragraph, m.gender);
    if (ranked.length === 0 || ranked[0].score < AGE_REFERENCE_MIN) return undefined;
    if (ranked.length > 1 && ranked[0].score - ranked[1].score < BACK_REFERENCE_MARGIN) return undefined;
    return byId.get(ranked[0].entity);
  };
  sieveB();
  function sieveB(): void {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.kind !== 'nominal') continue;
      const mi = info[i];
      let c: Cluster | undefined;
      // Title directly before a name ("Prosecutor General Irina Venediktova", "campaign spokeswoman Anna
      // Smith"), past an honorific ("Education Secretary Dame Caroline Wells").
      let nameStart = mi.t1;
      while (nameStart < tokens.length && nameStart - mi.t1 < 2 && HONORIFICS.has(tokens[nameStart].lower.replace(/\.$/, ''))) nameStart++;
      for (let k = i + 1; k < mentions.length && info[k].t0 <= nameStart; k++) {
        if (mentions[k].kind === 'name' && info[k].t0 === nameStart && entityOf[k] && compatible(byId.get(entityOf[k]!)!, m)) { c = byId.get(entityOf[k]!); break; }
      }
      // Apposition after a name: "Boris Bondarev, adviser to …", "Vadim Shishimarin, a 21-year-old tank
      // commander", and past an age: "Mike O'Neill, 67, a retired teacher".
      // Not a clause's subject after an opening phrase: "In a filing with the SEC, the company said".
      const subjectOfVerb = mi.t1 < tokens.length && (tokens[mi.t1].pos === 'VERB' || tokens[mi.t1].pos === 'AUX');
      if (!c && mi.t0 > 0 && tokens[mi.t0 - 1].text === ',' && !subjectOfVerb) {
        const aged = mi.t0 > 3 && tokens[mi.t0 - 2].pos === 'NUM' && tokens[mi.t0 - 3].text === ',' ? 2 : 0;
        const nameEnd = mi.t0 - 1 - aged;
        for (let k = i - 1; k >= 0 && info[k].t1 >= nameEnd; k--) {
          if (mentions[k].kind === 'name' && info[k].t1 === nameEnd && entityOf[k] && compatible(byId.get(entityOf[k]!)!, m)) { c = byId.get(entityOf[k]!); break; }
        }
      }
      // Apposition before a name: "the adviser, Boris Bondarev, said", past an honorific ("the lead
      // author, Dr. Anika Sorensen") and a prepositional phrase naming no person ("A spokesperson
      // for the Energy Ministry, Olena Hrytsenko").
      if (!c && m.type === 'person') {
        const comma = appositionComma(tokens, mentions, info, i);
        if (comma >= 0) {
          let t = comma + 1;
          while (t < tokens.length && t < comma + 3 && HONORIFICS.has(tokens[t].lower.replace(/\.$/, ''))) t++;
          if (tokens[t]?.text === '.') t++;
          for (let k = i + 1; k < mentions.length && info[k].t0 <= t; k++) {
            if (mentions[k].kind === 'name' && info[k].t0 === t && entityOf[k] && compatible(byId.get(entityOf[k]!)!, m)) { c = byId.get(entityOf[k]!); break; }
          }
        }
      } else if (!c && mi.t1 < tokens.length && tokens[mi.t1].text === ',') {
        for (let k = i + 1; k < mentions.length && info[k].t0 <= mi.t1 + 1; k++) {
          if (mentions[k].kind === 'name' && info[k].t0 === mi.t1 + 1 && entityOf[k] && compatible(byId.get(entityOf[k]!)!, m)) { c = byId.get(entityOf[k]!); break; }
        }
      }
      const headTok = tokens[mi.t1 - 1];
      const head = roleHead(headTok.lower);
      const first = tokens[mi.t0].lower;
      const definite = DEFINITE.has(first) || (mi.t1 - mi.t0 === 1 && /^\p{Lu}/u.test(headTok.text));
      if (!c && definite && m.type === 'person') {
        // "the adviser", "the prosecutor": the entity this role was given to before (heads are
        // registered in text order, so only earlier descriptions are in the table).
        c = headOwners.get(head);
        // "The 41-year-old mother of two said …": an age description refers back to someone named.
        // So does a player's position ("the defender told BBC Sport"), when no one was given it before.
        if (!c && mi.subject && !mi.quoted && (/\d+[- ]year[- ]old/i.test(m.text) || (DEFINITE.has(first) && POSITION_WORDS.has(head)))) c = ageBackReference(i, m);
      }
      if (!c && definite && m.type === 'organisation') {
        // "the ministry" → the last organisation named with that word; "the company" → the last one.
        // A nationality or name among its modifiers must be the candidate's too: "the French foreign
        // ministry" is not "Russia's foreign ministry".
        const mods: string[] = [];
        for (let t = mi.t0; t < mi.t1 - 1; t++) if (/^\p{Lu}/u.test(tokens[t].text) && !DEFINITE.has(tokens[t].lower)) mods.push(tokens[t].lower);
        const agrees = (o: Cluster): boolean => mods.every((x) => o.longest.includes(x) || o.descr.toLowerCase().includes(x));
        let fallback: Cluster | undefined;
        let fallbackInPP: Cluster | undefined;
        for (let k = i - 1; k >= 0 && m.sentence - mentions[k].sentence <= 6; k--) {
          const e = entityOf[k];
          if (!e || mentions[k].kind !== 'name') continue;
          const o = byId.get(e)!;
          const t = typeOf(o);
          if (t !== 'organisation' || !agrees(o)) continue;
          if (o.longest.includes(headTok.lower)) { c = o; break; }
          // "the company" is a business: not the union, ministry or university named in between.
          if (!fallback && GENERIC_ORG.has(headTok.lower) && m.sentence - mentions[k].sentence <= 4 &&
            !(COMPANY_NOUNS.has(headTok.lower) && o.longest.some((x) => NOT_A_COMPANY.has(x)))) {
            // (so is one named only as a person's possessor: "Counterpoint Research's Ivan Lam")
            const possessorOfPerson = /^['’]s?$/.test(tokens[info[k].t1]?.text ?? '') && k + 1 < mentions.length &&
              mentions[k + 1].kind === 'name' && info[k + 1].t0 === info[k].t1 + 1 && mentions[k + 1].type === 'person';
            if (!prepositionObject(tokens, info[k].t0) && !possessorOfPerson) fallback = o;
            else fallbackInPP ??= o;
          }
        }
        // An organisation named only inside a prepositional phrase ("economists at Goldman Sachs")
        // loses to the one this description was already given to.
        if (!c && !fallback && fallbackInPP) {
          const owner = headOwners.get(head);
          fallback = owner && typeOf(owner) === 'organisation' && agrees(owner) ? owner : fallbackInPP;
        }
        c ??= fallback;
        // "the mission" after "Russia's permanent mission": an earlier description with that head.
        if (!c) {
          const o = headOwners.get(head);
          if (o && typeOf(o) === 'organisation' && agrees(o)) c = o;
        }
      }
      if (!c && m.type === 'group') {
        const gk = words(i).filter((x) => !DEFINITE.has(x)).join(' ');
        c = groupKeys.get(gk);
        if (!c) { c = newCluster(i, false); c.group = true; groupKeys.set(gk, c); }
      }
      c ??= newCluster(i, false);
      join(c, i);
      registerHeads(c, i);
      vote(c, m.type, 1);
      if (m.gender !== 'unknown' && c.members.length > 0) addEvidence(c, headTok.start, headTok.end, m.gender, W_ROLE);
    }
  }

  delayedIdentification(tokens, mentions, sentences, info, entityOf, clusters, byId, headOwners);

  // Preliminary types for the pronoun sieve.
  const prelim = new Map<string, EntityType | null>();
  for (const c of clusters) prelim.set(c.id, c.named ? typeOf(c) : c.group ? 'group' : typeOf(c));
  const definiteWord = (c: Cluster): boolean => isDefiniteWord(c, info, tokens);
  const isPerson = (e: string): boolean => {
    const t = prelim.get(e);
    if (t === 'person') return true;
    const c = byId.get(e)!;
    return t === null && c.named && !definiteWord(c);
  };
  // Pronouns are matched against the gender the text states; a forename only the package lists
  // know ("Aung" in "Aung San Suu Kyi") must not turn every "she" away from its bearer.
  const genderOf = (e: string): Gender => { const c = byId.get(e)!; return clusterGender(c.male - c.weakMale, c.female - c.weakFemale); };
  const countOf = (e: string): number => byId.get(e)!.members.length;

  // Sieve C: narrator-side pronouns, in text order, so each resolution feeds the next one's salience.
  sieveC();
  function sieveC(): void {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      if (m.kind !== 'pronoun' || info[i].quoted) continue;
      const w = m.text.toLowerCase();
      let target: string | null = null;
      if (PLURAL_PRONOUNS.has(w) || NEUTER_PRONOUNS.has(w)) {
        const want = PLURAL_PRONOUNS.has(w) ? PLURAL_TARGETS : NEUTER_TARGETS;
        // The nearest candidate; for a pronoun opening its sentence, one that is not the object of a
        // preposition first, as such a pronoun continues the topic: "Norhaven, … based in Columbus,
        // … operates in North America. It has …".
        const opens = info[i].t0 === sentences[m.sentence].tokenStart;
        let inPP: string | null = null;
        for (let k = i - 1; k >= 0 && m.sentence - mentions[k].sentence <= 1; k--) {
          const e = entityOf[k];
          if (!e || info[k].quoted || !want.has(prelim.get(e))) continue;
          if (!opens || !prepositionObject(tokens, info[k].t0)) { target = e; break; }
          inPP ??= e;
        }
        target ??= inPP;
      } else {
        // A reflexive binds to the nearest person before it in its own clause ("Pence himself said…").
        if (REFLEXIVES.has(w)) {
          for (let k = i - 1; k >= 0 && mentions[k].sentence === m.sentence; k--) {
            const e = entityOf[k];
            if (e && isPerson(e) && mentions[k].kind !== 'pronoun' && (genderOf(e) === 'unknown' || genderOf(e) === m.gender)) { target = e; break; }
          }
        }
        if (!target) {
          const ranked = rankAntecedents(mentions, info, entityOf, isPerson, genderOf, countOf, i, m.sentence, info[i].paragraph, m.gender);
          // "Dr. James Whitford said she had been admitted …": the subject of a speech verb is not
          // the pronoun opening its reported clause when their genders disagree (a slip by the
          // speaker's own pronoun, "…,” she said", is still linked: that pronoun is the subject)
          const sayer = m.gender !== 'unknown' ? speechSubjectBefore(tokens, mentions, info, entityOf, i) : null;
          const ok = ranked.filter((r) => r.entity !== sayer || genderOf(r.entity) === 'unknown' || genderOf(r.entity) === m.gender);
          if (ok.length) target = ok[0].entity;
        }
      }
      if (!target) continue;
      const c = byId.get(target)!;
      join(c, i);
      if (m.gender !== 'unknown') { addEvidence(c, m.start, m.end, m.gender, W_PRONOUN); vote(c, 'person', 1); }
    }
  }

  // "Well, …", "Look, …", "Sorry, …": a common word opening a sentence, capitalised only there and
  // never typed or spoken of, is no entity (wink tags some of them PROPN).
  const opensSentence = (k: number): boolean => {
    for (let t = sentences[mentions[k].sentence].tokenStart; t < info[k].t0; t++) if (tokens[t].pos !== 'PUNCT') return false;
    return true;
  };
  // Nor is a stray piece of a hyphenated word ("-American").
  const isEntity = (c: Cluster): boolean => {
    if (!c.named) return true;
    if (!/^\p{L}/u.test(c.descr)) return false;
    return typeOf(c) !== null || !c.members.every((k) =>
      mentions[k].kind === 'name' && info[k].t1 - info[k].t0 === 1 && opensSentence(k) && isEnglishWord(tokens[info[k].t0].lower));
  };
  const entityClusters = clusters.filter(isEntity);

  // Entities are numbered in order of first mention, whatever sieve made them.
  for (const c of entityClusters) c.members.sort((a, b) => a - b);
  entityClusters.sort((a, b) => a.members[0] - b.members[0]);
  for (let n = 0; n < entityClusters.length; n++) {
    const c = entityClusters[n];
    c.id = `en${n + 1}`;
    for (const i of c.members) entityOf[i] = c.id;
  }
  const entities: Entity[] = [];
  buildEntities();
  /** Entity records: canonical name, type and gender of each cluster. */
  function buildEntities(): void {
    for (const c of entityClusters) {
      let type = typeOf(c);
      if (!c.named) type = c.group ? 'group' : type === 'person' ? 'unnamed' : type ?? 'unnamed';
      else if (type === null) type = isDefiniteWord(c, info, tokens) ? 'organisation' : defaultType(c, info, tokens);
      const gender = type === 'person' || type === 'unnamed' ? clusterGender(c.male, c.female) : 'unknown';
      let name = c.descr;
      if (c.named) {
        // Headlines glue verbs to names ("Hillary Clinton Goes"): their names count only when nothing else does.
        const body = c.members.some((i) => mentions[i].kind === 'name' && !headline(mentions[i].sentence));
        let bestLen = -1;
        for (const i of c.members) {
          const mm = mentions[i];
          if (mm.kind !== 'name' || (body && headline(mm.sentence))) continue;
          const n = info[i].t1 - info[i].t0;
          // A dateline's capitals ("KYIV") lose to the name as the body writes it ("Kyiv").
          const caps = mm.text.length > 3 && mm.text === mm.text.toUpperCase() && /\p{Lu}{4}/u.test(mm.text);
          const nameCaps = bestLen >= 0 && name.length > 3 && name === name.toUpperCase() && /\p{Lu}{4}/u.test(name);
          if (bestLen >= 0 && caps && !nameCaps) continue;
          if (n > bestLen || (n === bestLen && mm.text.length > name.length) || (nameCaps && !caps && n >= bestLen)) { bestLen = n; name = mm.text; }
        }
        if (type === 'outlet') name = OUTLET_NAMES.get(nameKey(name)) ?? name;
        // "Tom “Tommy” Reeves" is called Tom Reeves; the nickname stays in the mention
        if (type === 'person') name = name.replace(/\s+[“"‘'][^“”"‘’']{1,20}[”"’']\s+/u, ' ');
      }
      entities.push({
        id: c.id, name, type, gender,
        genderEvidence: gender === 'unknown' ? [] : c.evidence.filter((e) => e.gender === gender).map(({ start, end, text: t }) => ({ start, end, text: t })).sort((a, b) => a.start - b.start),
        mentions: c.members.map((i) => mentions[i].id),
      });
    }
  }
  return { entities, entityOf };
}

/**
 * The entity of the subject of a speech verb right before the pronoun at mention `i` ("Whitford
 * said [that] ⟨she⟩ …"), or null.
 */
function speechSubjectBefore(tokens: readonly Token[], mentions: readonly Mention[], info: readonly MentionInfo[],
  entityOf: readonly (string | null)[], i: number): string | null {
  let v = info[i].t0 - 1;
  if (v >= 0 && tokens[v].lower === 'that') v--;
  if (v < 0 || !REPORTING_VERBS.has(tokens[v].lower)) return null;
  const s = mentions[i].sentence;
  for (let k = i - 1; k >= 0 && mentions[k].sentence === s; k--) {
    if (info[k].t1 > v) continue;
    // the mention just before the verb (adverbs or auxiliaries between) is its subject
    let gap = true;
    for (let t = info[k].t1; t < v && gap; t++) gap = tokens[t].pos === 'ADV' || tokens[t].pos === 'AUX' || tokens[t].pos === 'PART';
    return gap ? entityOf[k] : null;
  }
  return null;
}

function followingPronounGender(mentions: readonly Mention[], info: readonly MentionInfo[], i: number): Gender {
  const s = mentions[i].sentence;
  let k = i + 1;
  for (; k < mentions.length && mentions[k].sentence === s; k++) {
    const n = mentions[k];
    if (info[k].quoted) continue;
    if (n.kind === 'pronoun') return n.gender;
    if (n.type === 'person' || (n.kind === 'name' && n.type === null)) break;
  }
  // "Lazar had no formal training. He told …": a surname opening its sentence, and a pronoun
  // opening the next one in the same paragraph, are the same person
  for (let j = i - 1; j >= 0 && mentions[j].sentence === s; j--) if (mentions[j].kind !== 'nominal' && !info[j].quoted) return 'unknown';
  while (k < mentions.length && mentions[k].sentence === s) k++;
  const n = mentions[k];
  if (!n || n.sentence !== s + 1 || info[k].paragraph !== info[i].paragraph || n.kind !== 'pronoun') return 'unknown';
  return /^(?:he|she)$/i.test(n.text) ? n.gender : 'unknown';
}

const SPOKES = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'spokesmen', 'spokeswomen']);
const APPOSITION_PREPS = new Set(['for', 'at', 'of', 'with', 'from', 'in']);

/** Whether the noun phrase starting at token `t0` is the object of a preposition in its sentence. */
/** Words for a player or a person's standing that refer back to someone just named. */
const POSITION_WORDS = new Set(['defender', 'striker', 'midfielder', 'winger', 'goalkeeper', 'forward', 'youngster', 'teenager',
  'veteran', 'substitute', 'playmaker', 'centre-back', 'full-back']);

function prepositionObject(tokens: readonly Token[], t0: number): boolean {
  let b = t0 - 1;
  while (b >= 0 && tokens[b].pos === 'DET') b--;
  // "based in Columbus, Ohio": a name in apposition to a prepositional object is one too.
  if (b > 0 && tokens[b].text === ',' && tokens[b - 1].pos === 'PROPN') {
    let j = b - 1;
    while (j > 0 && tokens[j - 1].pos === 'PROPN') j--;
    b = j - 1;
    while (b >= 0 && tokens[b].pos === 'DET') b--;
  }
  // "of" only after a person's name ("Dan Ives of Wedbush Securities"), not "the CEO of Apple"
  return b >= 0 && tokens[b].pos === 'ADP' && tokens[b].sentence === tokens[t0].sentence &&
    (tokens[b].lower !== 'of' || (b > 0 && tokens[b - 1].pos === 'PROPN'));
}

/**
 * The comma after a person description that may open its apposition: right after it, or after a
 * short prepositional phrase with no person in it ("a spokesperson for the Energy Ministry,"). -1 if none.
 */
function appositionComma(tokens: readonly Token[], mentions: readonly Mention[], info: readonly MentionInfo[], i: number): number {
  const t1 = info[i].t1;
  if (tokens[t1]?.text === ',') return t1;
  if (!tokens[t1] || !APPOSITION_PREPS.has(tokens[t1].lower)) return -1;
  let t = t1 + 1;
  for (; t < tokens.length && t <= t1 + 8 && tokens[t].text !== ','; t++) {
    const pos = tokens[t].pos;
    if (!(pos === 'DET' || pos === 'PROPN' || pos === 'NOUN' || pos === 'ADJ' || pos === 'PART' || pos === 'NUM' || tokens[t].text === '.' || tokens[t].text === '&')) return -1;
  }
  if (tokens[t]?.text !== ',') return -1;
  for (let k = i + 1; k < mentions.length && info[k].t0 < t; k++) if (mentions[k].type === 'person') return -1;
  return t;
}

/**
 * Delayed identification, the news lede that names its subject a sentence or two later: "A senior
 * prosecutor has accused … . "…," Iryna Koval told Reuters." An indefinite person description that
 * is its sentence's narrator-side subject joins the first person newly named as a subject or
 * speaker in the next two sentences, if their genders agree; its later definite descriptions ("the
 * prosecutor") and pronouns then resolve to the name. Object or generic uses ("sentenced a
 * soldier", "as a diplomat") are left alone.
 */
function delayedIdentification(
  tokens: readonly Token[], mentions: readonly Mention[], sentences: readonly Sentence[], info: readonly MentionInfo[], entityOf: (string | null)[],
  clusters: Cluster[], byId: Map<string, Cluster>, headOwners: Map<string, Cluster>,
): void {
  const firstOf = new Map<Cluster, number>();
  for (const c of clusters) { let f = Infinity; for (const j of c.members) if (j < f) f = j; firstOf.set(c, f); }
  const candidates = clusters.filter((d) => !d.named).sort((a, b) => firstOf.get(a)! - firstOf.get(b)!);
  for (const d of candidates) {
    if (d.named || d.group || typeOf(d) !== 'person') continue;
    const i = firstOf.get(d)!;
    const m = mentions[i];
    // It opens its sentence: "A senior prosecutor has accused …", not "He was a senator".
    // Only in the lede (a headline and the first sentences), where news writes this way.
    if (m.sentence > LEDE_SENTENCES) break;
    if (m.kind !== 'nominal' || !info[i].subject || info[i].quoted || !opensWithIndefinite(tokens, sentences[m.sentence].tokenStart, info[i].t0)) continue;
    for (let k = i + 1; k < mentions.length && mentions[k].sentence - m.sentence <= 2; k++) {
      const e = entityOf[k];
      if (mentions[k].sentence === m.sentence || mentions[k].kind !== 'name' || !e) continue;
      const c = byId.get(e)!;
      const t = typeOf(c);
      if (firstOf.get(c) !== k || (t !== null && t !== 'person')) continue;
      // A full name, typed a person by its forename, honorific or role: not a capitalised stray word.
      if (t !== 'person' || c.longest.length < 2) break;
      // "A district judge …" is not "Attorney General Bill Schuette"; a broad word ("official",
      // "diplomat") does not conflict with a specific title ("adviser to the mission").
      if (c.heads.size > 0 && ![...d.heads].some((h) => BROAD_ROLES.has(h) || [...c.heads].some((x) => sameRoleFamily(h, x)))) break;
      // The first person named after the description decides: if it is not the subject, nobody is.
      if (!info[k].subject && !info[k].speech) break;
      const dg = clusterGender(d.male, d.female);
      const cg = clusterGender(c.male, c.female);
      if (dg !== 'unknown' && cg !== 'unknown' && dg !== cg) break;
      for (const j of d.members) { entityOf[j] = c.id; c.members.push(j); }
      for (const [ty, w] of d.type) vote(c, ty, w);
      c.male += d.male;
      c.female += d.female;
      c.evidence.push(...d.evidence);
      for (const h of d.heads) { c.heads.add(h); if (headOwners.get(h) === d) headOwners.set(h, c); }
      clusters.splice(clusters.indexOf(d), 1);
      byId.delete(d.id);
      break;
    }
  }
}

// "PORTHAVEN —", "WASHINGTON (AP) —", "KYIV, Ukraine –": a capitalised place opening a line, then a dash.

/** Name keys of the places in datelines: the place a story was filed from. */
function datelineKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // cheap test first: a dateline line has a dash within its first 80 characters
    const head = text.slice(start, Math.min(end, start + 80));
    if (/[—–-]/.test(head)) {
      const d = readDateline(text.slice(start, end).trimStart());
      // "Kyiv, Ukraine": the city is the place named in the text
      if (d) out.add(nameKey(d.place.split(',')[0]));
    }
    start = end + 1;
  }
  return out;
}

/** "A senior prosecutor …", "A well-known Belarusian journalist …": the sentence opens with "a/an" and modifiers up to the mention. */
function opensWithIndefinite(tokens: readonly Token[], sentenceStart: number, t0: number): boolean {
  const first = tokens[sentenceStart].lower;
  if (first !== 'a' && first !== 'an') return false;
  for (let k = sentenceStart + 1; k < t0; k++) {
    const p = tokens[k].pos;
    if (p !== 'ADJ' && p !== 'ADV' && p !== 'PUNCT' && p !== 'NOUN' && p !== 'PROPN' && p !== 'VERB') return false;
  }
  return t0 - sentenceStart <= 6;
}

/**
 * "The Internet has …, she said": an untyped one-word name that is an English word and always comes
 * with "the" is a thing or an institution ("the Internet", "the Fed"), never a person a pronoun
 * stands for.
 */
function isDefiniteWord(c: Cluster, info: readonly MentionInfo[], tokens: readonly Token[]): boolean {
  return c.members.every((k) => {
    const t0 = info[k].t0;
    return info[k].t1 - t0 === 1 && tokens[t0 - 1]?.lower === 'the' && isEnglishWord(tokens[t0].lower);
  });
}

/**
 * A name no gazetteer or context typed: an all-caps acronym is an organisation; so is a lone common
 * word ("Treasury", "Convention", "Security": institutions and things, rarely people, since a
 * person's first mention carries a forename); else a person (the commonest).
 */
function defaultType(c: Cluster, info: readonly MentionInfo[], tokens: readonly Token[]): EntityType {
  if (/^\p{Lu}{2,6}$/u.test(c.descr)) return 'organisation';
  const w = c.descr.toLowerCase();
  // ... unless it acts as a subject somewhere ("Trump won", "Bush invaded"): a surname alone
  const acts = c.members.some((k) => { const next = tokens[info[k].t1]; return next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX'); });
  if (!/[\s-]/.test(w) && isEnglishWord(w) && !isForename(w) && !acts) return 'organisation';
  return 'person';
}
