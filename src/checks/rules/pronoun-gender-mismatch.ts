import type { Doc } from '../../model/doc.ts';
import type { Entity, Gender, Mention, RelatedSpan, Token } from '../../model/types.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { insideQuotes, layer, memo, tokenAt } from '../helpers.ts';
import { isCueWord } from '../../attribution/cues.ts';
import { FEMALE_FORENAMES, MALE_FORENAMES } from '../../nlp/gazetteer/forenames.ts';
import { HONORIFICS } from '../../nlp/gazetteer/roles.ts';

// A subject "he"/"she" (outside quotation marks) whose only possible referents nearby are of the
// other gender. The window is the paragraph up to the pronoun, or the previous paragraph when the
// pronoun opens its paragraph. The rule fires only when the text leaves no candidate:
// - any referent of the pronoun's own gender in the window, or any person of unknown gender (an
//   unfamiliar forename, "the senator", a name typed as an organisation but seen speaking),
//   means the pronoun may well be right;
// - the other gender must be carried by a pronoun in the window (a name alone is not a topic);
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
const LOOKBACK_PARAGRAPHS = 2;

function opposite(g: Gender): Gender {
  return g === 'male' ? 'female' : 'male';
}

const bare = (s: string): string => s.replace(/['’]s$/, '');

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
  const text = bare(m.text.trim());
  const last = text.split(/\s+/).pop() ?? text;
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
  doc: Doc;
  tokens: readonly Token[];
  names: readonly Mention[];
  entities: ReadonlyMap<string, Entity>;
  speaking: ReadonlySet<string>;
  useForenames: boolean;
}

function collect(c: Ctx, from: number, to: number): Evidence[] {
  const { doc, tokens } = c;
  const ev: Evidence[] = [];
  if (from >= to) return ev;
  const a = tokens[from].start;
  const b = tokens[to - 1].end;
  const named: [number, number][] = [];
  for (const m of c.names) {
    if (m.start < a || m.end > b || insideQuotes(doc, m.start)) continue;
    named.push([m.start, m.end]);
    const g = nameGender(m, c.entities, c.speaking);
    if (g === null) continue;
    const e = m.entity ? c.entities.get(m.entity) : undefined;
    ev.push({ gender: g, start: m.start, end: m.end, text: m.text, pronoun: false, name: e?.name ?? m.text });
  }
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (insideQuotes(doc, t.start)) continue;
    // A word inside a name mention was judged above, with the entity's type and gender.
    const inName = t.pos === 'PROPN' && named.some(([s, e]) => t.start >= s && t.end <= e);
    const tg = inName ? null : tokenGender(t, tokens[i - 1], c.speaking);
    const g = tg ? tg[0] : c.useForenames ? forenameGender(t) : null;
    if (g) ev.push({ gender: g, start: t.start, end: t.end, text: t.text, pronoun: tg?.[1] ?? false });
  }
  return ev.sort((x, y) => x.start - y.start);
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
    const mentions = layer(doc, 'mentions', []);
    const c: Ctx = {
      doc,
      tokens,
      names: mentions.filter((m) => m.kind === 'name' || m.kind === 'nominal'),
      entities: new Map(layer(doc, 'entities', []).map((e) => [e.id, e])),
      speaking: speakingNames(doc),
      useForenames: mentions.length === 0,
    };
    const out: Report[] = [];
    let p = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const g = TARGETS.get(t.lower);
      if (!g) continue;
      while (p < paragraphs.length && paragraphs[p].end <= t.start) p++;
      if (p >= paragraphs.length || insideQuotes(doc, t.start) || generic(tokens, i)) continue;
      const paraFrom = tokenAt(tokens, paragraphs[p].start);
      let ev = collect(c, paraFrom, i);
      let windowStart = p;
      if (ev.length === 0 && p > 0) {
        windowStart = p - 1;
        ev = collect(c, tokenAt(tokens, paragraphs[p - 1].start), paraFrom);
      }
      const other = opposite(g);
      if (ev.length < MIN_OPPOSITE || ev.some((e) => e.gender !== other) || !ev.some((e) => e.pronoun)) continue;
      if (!introducesSpeech(tokens, i) && windowStart > 0) {
        const from = tokenAt(tokens, paragraphs[Math.max(0, windowStart - LOOKBACK_PARAGRAPHS)].start);
        const before = collect(c, from, tokenAt(tokens, paragraphs[windowStart].start));
        if (before.some((e) => e.gender !== other)) continue;
      }
      const near = ev.slice(-3).reverse();
      const named = [...ev].reverse().find((e) => e.name);
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
