import type { Figure, Token } from '../../model/types.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer, tokenAt } from '../helpers.ts';

// Two different figures for one quantity: "more than 10,000 possible war crimes" … "more than
// 13,000 cases on war crimes"; "1,200 jobs will go" … "the 1,500 job cuts". A quantity is
// identified by the nouns counted (the noun phrase after the number, and for a measure-like head
// such as "cases", the noun of its of/on phrase). News legitimately gives many figures of one
// noun, so a pair is only reported when nothing in either sentence says the figures differ on
// purpose: a change ("rose to", "up from"), a comparison, a subset ("300 of the 1,500"), a
// rate ("a year"), or a different year; when modifiers set them apart ("full-time" vs
// "part-time"); and when the values are within a factor of two (beyond that, different things).

// Money counts only for large sums with a noun after them ("a $1.2 billion contract" … "the $1.5
// billion contract"), in one currency: small sums are prices and wages, where articles compare
// options ("a $12 minimum wage" against "the $15 minimum wage").
const KINDS = new Set(['count', 'number', 'money']);
const MIN_MONEY = 1000;
/** Hedges a restated figure can carry and still be compared as written. */
const FIRM_QUALIFIERS = new Set(['more than', 'over', 'at least', 'fewer than', 'less than']);
/**
 * Approximate figures ("about 300", "nearly 5,000"): compared too, but only conflict with a value
 * beyond APPROX_RATIO of theirs ("about 300" … "450 homes"), since "about 200" … "210" agree.
 */
const APPROX_QUALIFIERS = new Set(['about', 'around', 'approximately', 'roughly', 'some', 'circa', 'approx.', 'an estimated',
  'estimated', 'close to', 'nearly', 'almost', 'just under']);
const APPROX_RATIO = 1.25;
const MAX_RATIO = 2;
const LOOKBACK = 20;
const MIN_VALUE = 10;

/** Nouns before "of N" that are no count of things: "at the age of 45", "a rate of 12". */
const NOT_COUNTED_BEFORE = new Set(`age ages rate speed temperature height depth length width score price cost value level interest
  margin majority size weight distance range average period term sentence fine`.split(/\s+/).filter(Boolean));
/** Heads too general to identify a quantity on their own. */
const GENERIC = new Set(`time year day month week hour minute second percent point percentage
  case number total amount figure part share member unit thing way one lot kind sort type dollar pound euro cent
  vote seat`.split(/\s+/).filter(Boolean));
/** Words that, near a figure, say the article contrasts it with another on purpose. */
const CONTRAST = new Set(`from rose risen rise rises rising fell fallen fall falls falling increase increased
  increases increasing decrease decreased decreases decreasing grew grow grown grows growing jump jumped jumps
  drop dropped drops doubled tripled halved compared compare versus vs another additional extra more fewer less
  previous previously initially originally earlier last next per each annual annually annualized
  total totaling totalling including included includes among average estimated estimate revised projected
  expected forecast target goal instead only just nearly almost about around roughly approximately some
  than between plus remaining rest other new old first second different separate all`.split(/\s+/).filter(Boolean));
/**
 * Heads that say only "humans": two counts of people are one quantity only when their contexts
 * share a content word ("12 people were killed" … "the 15 people killed"), not "14 people work
 * here" … "20 people came".
 */
const HUMANS = new Set(['people', 'person']);
const CONTEXT = 4;
/** Verbs too common to tie two sentences to one event. */
const LIGHT_VERBS = new Set(`be is are was were been being have has had do does did say says said make makes made get gets
  got take takes took give gives gave go goes went come comes came see sees saw know knows knew think thinks thought
  will would can could may might must shall should`.split(/\s+/).filter(Boolean));

function contextWords(tokens: readonly Token[], f: Figure, verbsOnly = false): Set<string> {
  const out = new Set<string>();
  const at = tokenAt(tokens, f.start);
  const sent = tokens[at]?.sentence;
  for (let k = Math.max(0, at - CONTEXT); k < Math.min(tokens.length, at + CONTEXT + 3); k++) {
    const t = tokens[k];
    if (t.sentence !== sent || (t.start >= f.start && t.end <= f.end) || HUMANS.has(t.lower)) continue;
    if (t.pos === 'VERB' ? !LIGHT_VERBS.has(t.lower) : !verbsOnly && (t.pos === 'NOUN' || t.pos === 'ADJ')) out.add(t.lower.replace(/(?:ed|ing|s)$/, ''));
  }
  return out;
}

/** Measures, not things counted: two lengths or weights in one article are rarely one quantity. */
const MEASURES = new Set(`foot feet mile meter metre kilometer kilometre km inch yard acre hectare gallon liter litre
  barrel ton tonne pound kilogram kg gram ounce degree mph`.split(/\s+/).filter(Boolean));
/** Sentences apart within which a second figure for the same thing reads as a restatement. */
const NEAR_SENTENCES = 2;
const YEAR_RE = /^(?:1[89]|20)\d\d$/;

/**
 * Whether the later figure refers back to the earlier one: it is definite ("the 1,500 job cuts",
 * "those 300 homes"), both come from the same speaker, or it follows within a sentence or two.
 * Two unrelated tallies of one noun far apart in a story are usually different things.
 */
function restates(tokens: readonly Token[], quotes: ReadonlyMap<string, string | null>, a: Quantity, b: Quantity): boolean {
  if (b.sentence - a.sentence <= NEAR_SENTENCES) return true;
  // The same event told twice: "destroyed 40 homes" … "55 homes were destroyed".
  const va = contextWords(tokens, a.f, true);
  for (const w of contextWords(tokens, b.f, true)) if (va.has(w)) return true;
  const at = tokenAt(tokens, b.f.start);
  const prev = tokens[at - 1];
  if (prev && DEFINITE_RE.test(prev.lower)) return true;
  // "the closure of 180 branches", "the loss of 1,500 jobs": a definite event with its count.
  if (prev?.lower === 'of' && tokens[at - 2]?.pos === 'NOUN' && DEFINITE_RE.test(tokens[at - 3]?.lower ?? '')) return true;
  const sa = a.f.attribution ? quotes.get(a.f.attribution) : null;
  const sb = b.f.attribution ? quotes.get(b.f.attribution) : null;
  return !!sa && sa === sb;
}

const DEFINITE_RE = /^(?:the|those|these|its|their|his|her)$/;

interface Quantity {
  f: Figure;
  value: number;
  sentence: number;
  head: string;
  nouns: Set<string>;
  mods: Set<string>;
}

const singular = (w: string): string =>
  w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;

function isNumberToken(t: Token): boolean {
  return t.pos === 'NUM' || t.type === 'number' || /^(?:hundred|thousand|million|billion|trillion|bn|m|k)$/.test(t.lower);
}

/**
 * The counted noun phrase after the figure: its head noun, all its nouns ("job cuts" → job, cut)
 * and its other modifiers, or null when it has no noun that identifies a quantity.
 */
function quantityOf(tokens: readonly Token[], f: Figure): { head: string; nouns: Set<string>; mods: Set<string> } | null {
  let i = tokenAt(tokens, f.start);
  let lastNum = -1;
  for (; i < tokens.length && tokens[i].start < f.end; i++) if (isNumberToken(tokens[i])) lastNum = i;
  if (lastNum < 0) return null;
  const sent = tokens[lastNum].sentence;
  const nouns = new Set<string>();
  const mods = new Set<string>();
  let j = lastNum + 1;
  if (j < tokens.length && (tokens[j].text === '%' || tokens[j].lower === 'percent')) return null;
  let head = '';
  for (; j < tokens.length && tokens[j].sentence === sent; j++) {
    const t = tokens[j];
    if (t.pos === 'NOUN' || (t.pos === 'VERB' && head !== '' && /s$/.test(t.lower))) {
      head = singular(t.lower);
      nouns.add(head);
    } else if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.text === '-' || (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower))) {
      if (head) break;
      mods.add(t.lower);
    } else break;
  }
  // "a death toll of 45", "a crowd of 18,000": the noun before "of" is what the bare number counts.
  const first = tokenAt(tokens, f.start);
  if (!head && j === lastNum + 1 && tokens[first - 1]?.lower === 'of' && tokens[first - 2]?.pos === 'NOUN' && tokens[first - 2].sentence === sent &&
    !NOT_COUNTED_BEFORE.has(tokens[first - 2].lower)) {
    head = singular(tokens[first - 2].lower);
    nouns.add(head);
  }
  if (!head) return null;
  // "13,000 cases (under investigation) on war crimes": a measure-like head counts its of/on noun.
  if (GENERIC.has(head)) {
    let depth = 0;
    for (let k = j; k < tokens.length && tokens[k].sentence === sent && k < j + 8; k++) {
      const t = tokens[k];
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (depth === 0 && (t.lower === 'of' || t.lower === 'on' || t.lower === 'for' || t.lower === 'in')) {
        for (let n = k + 1; n < tokens.length && tokens[n].sentence === sent; n++) {
          const u = tokens[n];
          if (u.pos === 'NOUN') nouns.add((head = singular(u.lower)));
          else if (u.pos !== 'ADJ' && u.pos !== 'DET') break;
        }
        break;
      }
    }
  }
  if (GENERIC.has(head) || MEASURES.has(head)) return null;
  for (const g of GENERIC) nouns.delete(g);
  return { head, nouns, mods };
}

/** True when words within a few tokens of the figure, or a year in its sentence, mark a deliberate contrast. */
function contrasted(tokens: readonly Token[], f: Figure): boolean {
  const at = tokenAt(tokens, f.start);
  if (at >= tokens.length) return true;
  const sent = tokens[at].sentence;
  const last = tokenAt(tokens, f.end - 1);
  for (let k = Math.max(0, at - 5); k < Math.min(tokens.length, at + 10); k++) {
    const t = tokens[k];
    if (t.sentence !== sent) continue;
    if (t.start >= f.start && t.end <= f.end) continue;
    // "more than"/"fewer than" before a figure is a hedge, not a comparison.
    if (k < at && (t.lower === 'more' || t.lower === 'less' || t.lower === 'fewer' || t.lower === 'than') &&
      tokens.slice(k, at).every((u) => /^(?:more|less|fewer|than)$/.test(u.lower))) continue;
    if (CONTRAST.has(t.lower)) return true;
    // "up from 40", "down 12 percent", not "make up most of".
    if ((t.lower === 'up' || t.lower === 'down') && k + 1 < tokens.length && (/^(?:from|to|by|on)$/.test(tokens[k + 1].lower) || tokens[k + 1].pos === 'NUM')) return true;
    if ((t.lower === 'to' || t.text === '-' || t.text === '–' || t.lower === 'and') && k === at - 1) return true;
    // A subset: "300 of the 1,500", "300 out of 1,500", right after the number.
    if (k === last + 1 && (t.lower === 'of' && tokens[k + 1]?.lower === 'the' || t.lower === 'out' && tokens[k + 1]?.lower === 'of')) return true;
    // A rate: "50,000 barrels a day" follows the counted noun phrase, with no verb in between
    // ("the 900,000 customers would receive a month of free data" is no rate).
    if ((t.lower === 'a' || t.lower === 'every' || t.lower === 'each') && k > at && /^(?:year|month|week|day)$/.test(tokens[k + 1]?.lower ?? '') &&
      !tokens.slice(at + 1, k).some((u) => u.pos === 'VERB' || u.pos === 'AUX')) return true;
  }
  for (let k = at; k >= 0 && tokens[k].sentence === sent; k--) if (YEAR_RE.test(tokens[k].text)) return true;
  for (let k = at; k < tokens.length && tokens[k].sentence === sent; k++) if (YEAR_RE.test(tokens[k].text)) return true;
  return false;
}

/** One quantity when either head is among the other's nouns ("jobs" / "job cuts"), not when only modifiers meet. */
function sameQuantity(a: { head: string; nouns: Set<string> }, b: { head: string; nouns: Set<string> }): string | null {
  if (a.head === b.head || b.nouns.has(a.head)) return a.head;
  if (a.nouns.has(b.head)) return b.head;
  return null;
}

const approximate = (f: Figure): boolean => f.qualifier !== null && APPROX_QUALIFIERS.has(f.qualifier);

/** Each side has a modifier the other lacks ("Republican voters" / "Democratic voters"). */
const distinguished = (a: Set<string>, b: Set<string>): boolean =>
  [...a].some((m) => !b.has(m)) && [...b].some((m) => !a.has(m));

export const figureConflict: Rule = {
  meta: {
    id: 'figure-conflict',
    description: 'Two different figures for one quantity within the article.',
    category: 'consistency',
    severity: 'warning',
    docs: docsPath('figure-conflict'),
  },
  check(doc) {
    const tokens = layer(doc, 'tokens', []);
    const figures = layer(doc, 'figures', []);
    const speakers = new Map(layer(doc, 'quotes', []).map((q) => [q.id, q.speakerEntity ?? q.speakerName]));
    const all: Quantity[] = [];
    for (const f of figures) {
      if (!KINDS.has(f.kind) || typeof f.value !== 'number' || !Number.isFinite(f.value)) continue;
      if (Math.abs(f.value) < (f.kind === 'money' ? MIN_MONEY : MIN_VALUE) || (f.kind === 'number' && Number.isInteger(f.value) && YEAR_RE.test(String(f.value)))) continue;
      const q = quantityOf(tokens, f);
      if (!q) continue;
      const at = tokenAt(tokens, f.start);
      all.push({ f, value: f.value, sentence: tokens[at]?.sentence ?? -1, ...q });
    }
    // A quantity the article gives three or more values for is a running tally (delegates, votes),
    // not one figure restated: a slip shows up as exactly two values.
    const values = new Map<string, Set<number>>();
    for (const q of all) {
      for (const n of q.nouns) {
        let v = values.get(n);
        if (!v) values.set(n, (v = new Set()));
        v.add(q.value);
      }
    }
    const qs = all.filter((q) => (values.get(q.head)?.size ?? 0) <= 2 &&
      (q.f.qualifier === null || FIRM_QUALIFIERS.has(q.f.qualifier) || APPROX_QUALIFIERS.has(q.f.qualifier)) &&
      ![...q.mods].some((m) => CONTRAST.has(m)) && !contrasted(tokens, q.f));
    const out: Report[] = [];
    // Compared within groups that share a head noun, nearest first and at most LOOKBACK back,
    // so a text with thousands of figures stays linear.
    const groups = new Map<string, Quantity[]>();
    for (const qb of qs) {
      const candidates = new Set<Quantity>();
      for (const n of qb.nouns) for (const qa of groups.get(n) ?? []) candidates.add(qa);
      for (const qa of [...candidates].sort((x, y) => y.f.start - x.f.start).slice(0, LOOKBACK)) {
        if (qa.sentence === qb.sentence || qa.value === qb.value || (qa.f.kind === 'money') !== (qb.f.kind === 'money') ||
          (qa.f.kind === 'money' && qa.f.unit !== qb.f.unit)) continue;
        const ratio = Math.max(qa.value, qb.value) / Math.min(qa.value, qb.value);
        if (!(ratio <= MAX_RATIO)) continue;
        if ((approximate(qa.f) || approximate(qb.f)) && ratio <= APPROX_RATIO) continue;
        const key = sameQuantity(qa, qb);
        if (!key || distinguished(qa.mods, qb.mods) || !restates(tokens, speakers, qa, qb)) continue;
        if (HUMANS.has(key)) {
          const ca = contextWords(tokens, qa.f);
          if (![...contextWords(tokens, qb.f)].some((w) => ca.has(w))) continue;
        }
        out.push({
          start: qb.f.start,
          end: qb.f.end,
          message: `"${qb.f.text}" conflicts with "${qa.f.text}" earlier for the same quantity ("${key}").`,
          related: [{ start: qa.f.start, end: qa.f.end, message: `earlier figure: ${qa.f.text}` }],
        });
        break;
      }
      for (const n of qb.nouns) {
        let g = groups.get(n);
        if (!g) groups.set(n, (g = []));
        g.push(qb);
        if (g.length > LOOKBACK) g.shift();
      }
    }
    return out;
  },
};
