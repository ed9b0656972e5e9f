import type { Doc } from '../../model/doc.ts';
import type { Entity, Gender, Mention, RelatedSpan, Token } from '../../model/types.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer, memo, quotedSpans, tokenAt } from '../helpers.ts';
import { isCueWord } from '../../attribution/cues.ts';
import { FEMALE_FORENAMES, MALE_FORENAMES } from '../../nlp/gazetteer/forenames.ts';
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
const TARGETS: ReadonlyMap<string, Gender> = new Map([['he', 'male'], ['she', 'female']]);

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
  if (type === 'person') return e && e.gender !== 'unknown' ? e.gender : m.gender;
  const text = bare(m.text);
  const last = text.slice(text.lastIndexOf(' ') + 1);
  if (speaking.has(text) || speaking.has(last)) return 'unknown';
  if (type !== null) return null;
  // Untyped: a multi-word name is likely a person; a single capitalised word often is not.
  if (m.gender !== 'unknown') return m.gender;
  return /\s/.test(text) ? 'unknown' : null;
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
    mentionAt.set(b, g === null ? null : { gender: g, start: m.start, end: m.end, text: m.text, pronoun: false, name: e?.name ?? m.text });
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
    const out: Report[] = [];
    let p = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const g = TARGETS.get(t.lower);
      if (!g) continue;
      c ??= context(doc, tokens, layer(doc, 'mentions', []));
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
      if (ev === null || ev.length < MIN_OPPOSITE) continue;
      if (!introducesSpeech(tokens, i) && windowStart > 0) {
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
