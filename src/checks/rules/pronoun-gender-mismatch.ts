import type { Doc } from '../../model/doc.ts';
import type { Entity, Gender, Mention, RelatedSpan, Token } from '../../model/types.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer, memo, quotedSpans, tokenAt } from '../helpers.ts';
import { firstStartingFrom } from '../../model/offsets.ts';
import { isCueWord } from '../../attribution/cues.ts';
import { FEMALE_FORENAMES, forenameIndex, isForename, MALE_FORENAMES } from '../../nlp/gazetteer/forenames.ts';
import { HONORIFICS } from '../../nlp/gazetteer/roles.ts';

// A subject "he"/"she" (outside quotation marks) whose only possible referents nearby are of the
// other gender. The window is the paragraph up to the pronoun, or the previous paragraph when the
// pronoun opens its paragraph. The rule fires only when the text leaves no candidate:
// - any referent of the pronoun's own gender in the window, or any person of unknown gender (an
//   unfamiliar forename, "the senator", a name typed as an organisation but seen speaking),
//   means the pronoun may well be right;
// - at least two words or names of the other gender in the window (one name alone is weak);
// - unless the pronoun introduces speech ("…,” she said"), a person of its own gender in the two
//   paragraphs before also counts as a candidate (news often refers back across a paragraph).

const PRONOUN: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['himself', 'male'],
  ['she', 'female'], ['her', 'female'], ['hers', 'female'], ['herself', 'female'],
]);
/** The pronouns judged: subjects, and possessives in the clause of a named subject ("Okafor defended her decision"). */
const TARGETS: ReadonlyMap<string, Gender> = new Map([['he', 'male'], ['she', 'female'], ['his', 'male'], ['her', 'female']]);
const POSSESSIVE = new Set(['his', 'her']);
/** Words after which a subject pronoun opens a new main clause (", but he cautioned"). */
const CLAUSE_OPENERS = new Set(['but', 'and', 'yet', 'so', 'then', 'although', 'though']);

const nouns = (s: string, g: Gender): [string, Gender][] => s.split(/\s+/).filter(Boolean).map((w) => [w, g]);
/** Nouns that name a person of one gender, singular and plural: each is a candidate referent. */
const GENDERED_NOUNS: ReadonlyMap<string, Gender> = new Map([
  ...nouns(`man men husband husbands father fathers son sons brother brothers boy boys king kings grandfather
    grandson uncle nephew widower chairman spokesman congressman businessman boyfriend prince duke groom
    stepfather stepson dad gentleman gentlemen monk priest fiance actor waiter sir lord guy guys`, 'male'),
  ...nouns(`woman women wife wives mother mothers daughter daughters sister sisters girl girls queen queens
    grandmother granddaughter aunt niece widow chairwoman spokeswoman congresswoman businesswoman girlfriend
    princess duchess bride stepmother stepdaughter mom mum lady ladies nun fiancee actress waitress madam`, 'female'),
]);
/** Person nouns of either gender: a referent the pronoun could be about. */
const NEUTRAL_PERSON = new Set(`child children kid kids parent parents partner spouse sibling friend relative
  baby teenager student patient victim bartender worker employee someone somebody anyone person`.split(/\s+/).filter(Boolean));

interface Evidence {
  gender: Gender;
  start: number;
  end: number;
  text: string;
  pronoun: boolean;
  name?: string;
}

const MIN_OPPOSITE = 2;
const MAX_WINDOW = 400;
const LOOKBACK_PARAGRAPHS = 2;

function opposite(g: Gender): Gender {
  return g === 'male' ? 'female' : 'male';
}

const bare = (s: string): string => (s.endsWith("'s") || s.endsWith('’s') ? s.slice(0, -2) : s);

/** Names seen speaking somewhere in the article ("Trump said", a quote's speaker): people, whatever their type. */
function speakingNames(doc: Doc): Set<string> {
  return memo(doc, 'pronoun:speaking', () => {
    const out = new Set<string>();
    for (const q of layer(doc, 'quotes', [])) if (q.speaker) out.add(bare(q.speaker.text));
    const tokens = layer(doc, 'tokens', []);
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i].pos === 'PROPN' && isCueWord(tokens[i + 1].lower)) out.add(tokens[i].text);
    }
    return out;
  });
}

/** The gender of a name mention, 'unknown' for a person of unknown gender, null for a non-person. */
function nameGender(m: Mention, entities: ReadonlyMap<string, Entity>, speaking: ReadonlySet<string>): Gender | null {
  const e = m.entity ? entities.get(m.entity) : undefined;
  const type = e?.type ?? m.type;
  // "The Romanian hacker", "an official": a described person whose gender the text does not give.
  if (m.kind === 'nominal') {
    if (type !== 'person' && type !== 'unnamed') return null;
    return m.gender !== 'unknown' ? m.gender : e?.type === 'person' ? e.gender : 'unknown';
  }
  if (type === 'person') {
    // A known forename outranks the entity's gender, which coreference may have taken from the
    // very pronoun being judged ("Dr. Sofia Lindqvist … he cautioned" makes the entity male).
    const f = forenameOf(m.text);
    if (f) return f;
    const g = e && e.gender !== 'unknown' && !onlyListedForename(e) ? e.gender : m.gender;
    // A surname merged into an entity whose forename says otherwise ("Clinton" → "Bill Clinton",
    // counted female): the two disagree, so the person's gender is not known.
    const ef = e ? forenameOf(e.name) : null;
    return ef && g !== 'unknown' && ef !== g ? 'unknown' : g;
  }
  const text = bare(m.text);
  const last = text.slice(text.lastIndexOf(' ') + 1);
  if (speaking.has(text) || speaking.has(last)) return 'unknown';
  if (type !== null) return null;
  // Untyped: a multi-word name is likely a person; a single capitalised word often is not.
  if (m.gender !== 'unknown') return m.gender;
  return /\s/.test(text) ? 'unknown' : null;
}

/**
 * Whether an entity's gender rests only on a forename outside the hand lists (the broad package
 * lists give "Guadalupe" as female, a name men bear too): good enough for counting sources, not for
 * calling a pronoun wrong.
 */
function onlyListedForename(e: Entity): boolean {
  return e.genderEvidence.length > 0 && e.genderEvidence.every((g) => {
    const w = g.text.toLowerCase();
    return /^\p{Lu}/u.test(g.text) && !HONORIFICS.has(w.replace(/\.$/, '')) && !isForename(w) && !PRONOUN.has(w);
  });
}

/** The gender of a full name's forename ("Dr. Sofia Lindqvist" → female), or null. */
function forenameOf(name: string): Gender | null {
  const words = name.split(/\s+/);
  let k = 0;
  while (k < words.length - 2 && HONORIFICS.has(words[k].toLowerCase().replace(/\.$/, ''))) k++;
  if (words.length - k < 2) return null;
  const f = words[k + forenameIndex(words.slice(k).map((x) => x.toLowerCase()))].toLowerCase();
  const male = MALE_FORENAMES.has(f);
  const female = FEMALE_FORENAMES.has(f);
  return male === female ? null : male ? 'male' : 'female';
}

function tokenGender(t: Token, prev: Token | undefined, speaking: ReadonlySet<string>): [Gender, boolean] | null {
  const p = PRONOUN.get(t.lower);
  if (p) return [p, true];
  const g = GENDERED_NOUNS.get(t.lower);
  if (g) return [g, false];
  if (NEUTRAL_PERSON.has(t.lower)) return ['unknown', false];
  if (t.pos === 'PROPN') {
    if (prev && HONORIFICS.has(prev.lower)) return [HONORIFICS.get(prev.lower) ?? 'unknown', false];
    if (speaking.has(t.text)) return ['unknown', false];
  }
  return null;
}

/** Without a mentions layer: capitalised words led by a known forename are people of that gender. */
function forenameGender(t: Token): Gender | null {
  if (t.pos !== 'PROPN') return null;
  if (MALE_FORENAMES.has(t.lower)) return 'male';
  if (FEMALE_FORENAMES.has(t.lower)) return 'female';
  return null;
}

interface Ctx {
  tokens: readonly Token[];
  /** Per token: inside quotation marks. */
  quoted: Uint8Array;
  /** Name and nominal mentions by the index of their last token; their other tokens are in `covered`. */
  mentionAt: Map<number, Evidence | null>;
  covered: Uint8Array;
  speaking: ReadonlySet<string>;
  useForenames: boolean;
}

function context(doc: Doc, tokens: readonly Token[], mentions: readonly Mention[]): Ctx {
  const quoted = new Uint8Array(tokens.length);
  let k = 0;
  for (const q of quotedSpans(doc)) {
    while (k < tokens.length && tokens[k].start < q.start) k++;
    for (let i = k; i < tokens.length && tokens[i].start < q.end; i++) quoted[i] = 1;
  }
  const entities = new Map(layer(doc, 'entities', []).map((e) => [e.id, e]));
  const speaking = speakingNames(doc);
  const mentionAt = new Map<number, Evidence | null>();
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) {
    if (m.kind !== 'name' && m.kind !== 'nominal') continue;
    const a = tokenAt(tokens, m.start);
    const b = tokenAt(tokens, m.end - 1);
    if (a >= tokens.length || b >= tokens.length) continue;
    for (let i = a; i < b; i++) covered[i] = 1;
    const g = nameGender(m, entities, speaking);
    const e = m.entity ? entities.get(m.entity) : undefined;
    mentionAt.set(b, g === null ? null : { gender: g, start: m.start, end: m.end, text: m.text, pronoun: false, name: m.kind === 'name' ? (e?.name ?? m.text) : undefined });
  }
  return { tokens, quoted, mentionAt, covered, speaking, useForenames: mentions.length === 0 };
}

/**
 * The gendered words and people in tokens [from, to), nearest first; null as soon as one could
 * be the pronoun's referent (its gender, or unknown), since then there is nothing to report.
 */
function evidence(c: Ctx, from: number, to: number, other: Gender): Evidence[] | null {
  const { tokens } = c;
  const ev: Evidence[] = [];
  // Bounded, so a pronoun deep in a huge paragraph does not rescan it.
  for (let i = to - 1; i >= Math.max(from, to - MAX_WINDOW); i--) {
    if (c.quoted[i] || c.covered[i]) continue;
    let e: Evidence | null | undefined = c.mentionAt.get(i);
    if (e === undefined) {
      const t = tokens[i];
      const tg = tokenGender(t, tokens[i - 1], c.speaking);
      const g = tg ? tg[0] : c.useForenames ? forenameGender(t) : null;
      e = g ? { gender: g, start: t.start, end: t.end, text: t.text, pronoun: tg?.[1] ?? false } : null;
    }
    if (!e) continue;
    if (e.gender !== other) return null;
    ev.push(e);
  }
  return ev;
}

/** "he or she", "he/she", "she or he": generic, not a reference. */
function generic(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1]?.lower;
  const n = tokens[i + 1]?.lower;
  return p === 'or' || p === '/' || p === 'and' || n === 'or' || n === '/' || n === 'and';
}

/** The pronoun is the subject of a speech verb ("she said", "he told Reuters", "she added"). */
function introducesSpeech(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) {
    if (isCueWord(tokens[k].lower)) return true;
    if (tokens[k].pos !== 'ADV' && tokens[k].pos !== 'AUX') return false;
  }
  return false;
}

const SUBJECT_REACH = 12;

/**
 * Whether the sentence of the pronoun at i, or the sentence before it in the same paragraph,
 * opens with a named person of gender `other` as its subject (before its first verb, not a
 * possessive: "Osei's plan …, he said" is about the plan). For a speech pronoun in the subject's
 * own sentence, a speech verb must come between ("Lindqvist … said …, but he cautioned"): in
 * "Osei ignored parents, he said" the speaker is someone else.
 */
function subjectBefore(c: Ctx, i: number, paraFrom: number, other: Gender, speech: boolean): boolean {
  const { tokens } = c;
  const sent = tokens[i].sentence;
  // Bounded like the evidence window, so a pronoun in a huge unpunctuated text stays cheap.
  const floor = Math.max(paraFrom, i - MAX_WINDOW);
  let k = i - 1;
  while (k >= floor && tokens[k].sentence === sent) k--;
  const ownStart = k + 1;
  let prevStart = ownStart;
  if (k >= floor) {
    const prev = tokens[k].sentence;
    while (prevStart - 1 >= floor && tokens[prevStart - 1].sentence === prev) prevStart--;
  }
  const opens = (from: number, to: number): number => {
    // A sentence that opens with a quote has its speaker as subject: '"…," said Okafor.'
    let j0 = from;
    while (j0 < to && c.quoted[j0]) j0++;
    if (j0 > from) {
      while (j0 < to && tokens[j0].pos === 'PUNCT') j0++;
      if (j0 < to && isCueWord(tokens[j0].lower)) j0++;
    }
    for (let j = j0; j < Math.min(to, j0 + SUBJECT_REACH); j++) {
      if (c.quoted[j]) return -1;
      const e = c.mentionAt.get(j);
      if (e) {
        // A title before the name ("Mayor" of "Mayor Daniel Okafor") stands for the same person.
        if (!e.name && !e.pronoun && e.gender === other) continue;
        if (e.gender !== other || e.pronoun || !e.name) return -1;
        const next = tokens[j + 1]?.lower;
        return next === "'s" || next === '’s' || next === "'" ? -1 : j;
      }
      if (c.covered[j]) continue;
      const pos = tokens[j].pos;
      if (pos === 'VERB' || pos === 'AUX' || pos === 'PRON') return -1;
    }
    return -1;
  };
  const own = opens(ownStart, i);
  if (POSSESSIVE.has(tokens[i].lower)) {
    // "Mayor Daniel Okafor defended her decision": the possessive sits in its subject's own clause,
    // after a verb, with no speech verb, subordinator, punctuation or other pronoun between
    // ("Axelrod said her campaign…" may well be about someone else).
    if (own < 0 || !/^(?:NOUN|ADJ|NUM)$/.test(tokens[i + 1]?.pos ?? '')) return false;
    let verb = false;
    for (let j = own + 1; j < i; j++) {
      const u = tokens[j];
      if (isCueWord(u.lower) || u.pos === 'PUNCT' || u.pos === 'SCONJ' || u.pos === 'PRON' || c.quoted[j]) return false;
      if (c.mentionAt.has(j) || c.covered[j]) return false;
      if (u.pos === 'VERB') verb = true;
    }
    return verb;
  }
  // A subject pronoun must open a main clause: "Axelrod said that she has learned" is about someone else.
  const first = i === ownStart;
  if (!first && !(CLAUSE_OPENERS.has(tokens[i - 1].lower) && tokens[i - 2]?.text === ',')) return false;
  if (own >= 0) {
    if (!speech) return true;
    for (let j = own + 1; j < i; j++) if (isCueWord(tokens[j].lower)) return true;
  }
  return first && prevStart < ownStart && opens(prevStart, ownStart) >= 0;
}

/** A person's name after the pronoun in its sentence whose gender is not the opposite one. */
function laterNameInSentence(mentions: readonly Mention[], t: Token, other: Gender): boolean {
  // mentions are in text order: the first after the pronoun, then its sentence only
  for (let k = firstStartingFrom(mentions, t.end + 1); k < mentions.length && mentions[k].sentence === t.sentence; k++) {
    const m = mentions[k];
    if (m.kind === 'name' && (m.type === 'person' || m.type === null) && m.gender !== other) return true;
  }
  return false;
}

export const pronounGenderMismatch: Rule = {
  meta: {
    id: 'pronoun-gender-mismatch',
    description: 'A "he" or "she" whose only possible referent nearby is of the other gender.',
    category: 'consistency',
    severity: 'warning',
    docs: docsPath('pronoun-gender-mismatch'),
  },
  check(doc) {
    const tokens = layer(doc, 'tokens', []);
    const paragraphs = layer(doc, 'paragraphs', []);
    let c: Ctx | null = null;
    const mentions = layer(doc, 'mentions', []);
    const out: Report[] = [];
    let p = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      // TARGETS are 2-3 letters starting h or s: most tokens are ruled out without the map lookup
      const w = t.lower;
      if (w.length < 2 || w.length > 3 || (w.charCodeAt(0) !== 104 && w.charCodeAt(0) !== 115)) continue;
      const g = TARGETS.get(w);
      if (!g) continue;
      c ??= context(doc, tokens, mentions);
      while (p < paragraphs.length && paragraphs[p].end <= t.start) p++;
      if (p >= paragraphs.length || c.quoted[i] || generic(tokens, i)) continue;
      const other = opposite(g);
      const paraFrom = tokenAt(tokens, paragraphs[p].start);
      let ev = evidence(c, paraFrom, i, other);
      let windowStart = p;
      if (ev !== null && ev.length === 0 && p > 0) {
        windowStart = p - 1;
        ev = evidence(c, tokenAt(tokens, paragraphs[p - 1].start), paraFrom, other);
      }
      if (ev === null || ev.length === 0) continue;
      // "When she was a prosecutor, Loretta Lynch …": the pronoun points forward to a name later in
      // its own sentence
      if (laterNameInSentence(mentions, t, other)) continue;
      const speech = introducesSpeech(tokens, i);
      // The person just named as subject, of this sentence or the one before, is the natural
      // referent: one such name is enough, and no one further back competes with it.
      const subject = windowStart === p ? subjectBefore(c, i, paraFrom, other, speech)
        // "Okafor defended the decision.¶She said…": the last sentence before the paragraph break.
        : i === paraFrom && subjectBefore(c, i, tokenAt(tokens, paragraphs[p - 1].start), other, speech);
      if (!subject && (ev.length < MIN_OPPOSITE || POSSESSIVE.has(t.lower))) continue;
      if (!subject && !speech && windowStart > 0) {
        const from = tokenAt(tokens, paragraphs[Math.max(0, windowStart - LOOKBACK_PARAGRAPHS)].start);
        if (evidence(c, from, tokenAt(tokens, paragraphs[windowStart].start), other) === null) continue;
      }
      const near = ev.slice(0, 3);
      const named = ev.find((e) => e.name);
      const related: RelatedSpan[] = near.map((e) => ({ start: e.start, end: e.end, message: `"${e.text}": ${e.gender}` }));
      const who = named ? ` (${named.name})` : '';
      out.push({
        start: t.start,
        end: t.end,
        message: `"${t.text}" here, but the only person it can refer to${who} is ${other}: "${near.map((e) => e.text).join('", "')}" before it.`,
        related,
      });
    }
    return out;
  },
};
