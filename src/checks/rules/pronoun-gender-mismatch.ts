import type { Doc } from '../../model/doc.ts';
import type { Entity, Gender, Mention, RelatedSpan, Token } from '../../model/types.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { insideQuotes, layer, tokenAt } from '../helpers.ts';
import { FEMALE_FORENAMES, MALE_FORENAMES } from '../../nlp/gazetteer/forenames.ts';
import { HONORIFICS } from '../../nlp/gazetteer/roles.ts';

// A subject "he"/"she" (outside quotation marks) whose only possible referents nearby are of the
// other gender. The window is the paragraph up to the pronoun, or the previous paragraph when the
// pronoun opens its paragraph. Any referent of the pronoun's own gender in the window, or any
// person of unknown gender (an unfamiliar forename, "the senator"), means the pronoun may well be
// right, and nothing is reported: the rule fires only when the text leaves no candidate.

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
    stepfather stepson dad gentleman gentlemen monk priest fiance actor waiter sir lord`, 'male'),
  ...nouns(`woman women wife wives mother mothers daughter daughters sister sisters girl girls queen queens
    grandmother granddaughter aunt niece widow chairwoman spokeswoman congresswoman businesswoman girlfriend
    princess duchess bride stepmother stepdaughter mom mum lady ladies nun fiancee actress waitress madam`, 'female'),
]);
/** Person nouns of either gender: a referent the pronoun could be about. */
const NEUTRAL_PERSON = new Set(`child children kid kids parent parents partner spouse sibling friend relative
  baby teenager student patient victim`.split(/\s+/).filter(Boolean));

interface Evidence {
  gender: Gender;
  start: number;
  end: number;
  text: string;
  name?: string;
}

const MIN_OPPOSITE = 2;

function opposite(g: Gender): Gender {
  return g === 'male' ? 'female' : 'male';
}

/** The gender of a name mention, 'unknown' for a person of unknown gender, null for a non-person. */
function nameGender(m: Mention, entities: ReadonlyMap<string, Entity>): Gender | null {
  const e = m.entity ? entities.get(m.entity) : undefined;
  const type = e?.type ?? m.type;
  if (type === 'person') return e && e.gender !== 'unknown' ? e.gender : m.gender;
  if (type !== null) return null;
  // Untyped: a multi-word name is likely a person; a single capitalised word often is not.
  if (m.gender !== 'unknown') return m.gender;
  return /\s/.test(m.text.trim()) ? 'unknown' : null;
}

function tokenGender(t: Token, prev: Token | undefined): Gender | null {
  const g = PRONOUN.get(t.lower) ?? GENDERED_NOUNS.get(t.lower);
  if (g) return g;
  if (NEUTRAL_PERSON.has(t.lower)) return 'unknown';
  if (t.pos === 'PROPN' && prev && HONORIFICS.has(prev.lower)) return HONORIFICS.get(prev.lower) ?? 'unknown';
  return null;
}

/** Without a mentions layer: capitalised words led by a known forename are people of that gender. */
function forenameGender(t: Token): Gender | null {
  if (t.pos !== 'PROPN') return null;
  if (MALE_FORENAMES.has(t.lower)) return 'male';
  if (FEMALE_FORENAMES.has(t.lower)) return 'female';
  return null;
}

function collect(doc: Doc, tokens: readonly Token[], from: number, to: number, names: readonly Mention[],
  entities: ReadonlyMap<string, Entity>, useForenames: boolean): Evidence[] {
  const ev: Evidence[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (insideQuotes(doc, t.start)) continue;
    const g = tokenGender(t, tokens[i - 1]) ?? (useForenames ? forenameGender(t) : null);
    if (g) ev.push({ gender: g, start: t.start, end: t.end, text: t.text });
  }
  if (from < to) {
    const a = tokens[from].start;
    const b = tokens[to - 1].end;
    for (const m of names) {
      if (m.start < a || m.end > b || insideQuotes(doc, m.start)) continue;
      const g = nameGender(m, entities);
      if (g === null) continue;
      const e = m.entity ? entities.get(m.entity) : undefined;
      ev.push({ gender: g, start: m.start, end: m.end, text: m.text, name: e?.name ?? m.text });
    }
  }
  return ev;
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
    const names = mentions.filter((m) => m.kind === 'name');
    const entities = new Map(layer(doc, 'entities', []).map((e) => [e.id, e]));
    const useForenames = mentions.length === 0;
    const out: Report[] = [];
    let p = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const g = TARGETS.get(t.lower);
      if (!g) continue;
      while (p < paragraphs.length && paragraphs[p].end <= t.start) p++;
      if (p >= paragraphs.length || insideQuotes(doc, t.start)) continue;
      const paraFrom = tokenAt(tokens, paragraphs[p].start);
      let ev = collect(doc, tokens, paraFrom, i, names, entities, useForenames);
      if (ev.length === 0 && p > 0) {
        ev = collect(doc, tokens, tokenAt(tokens, paragraphs[p - 1].start), paraFrom, names, entities, useForenames);
      }
      if (ev.some((e) => e.gender !== opposite(g))) continue;
      if (ev.length < MIN_OPPOSITE) continue;
      const near = ev.slice(-3).reverse();
      const named = [...ev].reverse().find((e) => e.name);
      const related: RelatedSpan[] = near.map((e) => ({
        start: e.start,
        end: e.end,
        message: `"${e.text}": ${e.gender}`,
      }));
      const who = named ? ` (${named.name})` : '';
      out.push({
        start: t.start,
        end: t.end,
        message: `"${t.text}" here, but the only person it can refer to${who} is ${opposite(g)}: "${near.map((e) => e.text).join('", "')}" before it.`,
        related,
      });
    }
    return out;
  },
};
