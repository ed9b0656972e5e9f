import type { Doc } from '../../model/doc.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { isEnglishWord, layer, MONTHS, WEEKDAYS } from '../helpers.ts';
import { isForename } from '../../nlp/gazetteer/forenames.ts';
import { DEMONYMS, PLACES } from '../../nlp/gazetteer/places.ts';
import { nameKey, OUTLET_NAMES } from '../../nlp/gazetteer/outlets.ts';
import { HONORIFICS, TITLE_WORDS } from '../../nlp/gazetteer/roles.ts';

// One person spelled two ways ("Aisha Rahman" … "Rahmen"; "Katarzyna Nowak" … "Nowack"). The
// reference spellings are the surnames of full person names; a capitalised word one edit away
// (two for long names) is a variant unless it is itself a known word, place or forename, a
// plural or possessive, or the surname of someone else with a different forename. Relatives
// share a surname spelled the same way, so they are never compared at all.

const PREV_WORD_RE = /([\p{L}.'’-]+)\s*$/u;
const NEXT_WORD_RE = /^\s+([A-Z]\p{L}*)/u;
const STOP = new Set([...MONTHS, ...WEEKDAYS]);
const MAX_SCANS = 30;
const MAX_PEOPLE = 200;

/** Where a capitalised word is first used, and how often. */
interface Seen {
  first: number;
  count: number;
}

/** Whether spelling `a` is the slip against `b`: the rarer one; on a tie, the later one. */
const isSlip = (a: Seen, b: Seen): boolean => a.count < b.count || (a.count === b.count && a.first > b.first);

/** Optimal-string-alignment distance, or max+1 as soon as it must exceed max. */
// Rows reused across calls: the rule compares hundreds of word pairs per article.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length < n + 1) { rowA = new Int32Array(2 * (n + 1)); rowB = new Int32Array(2 * (n + 1)); rowC = new Int32Array(2 * (n + 1)); }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) { prev2[j] = 0; prev[j] = j; cur[j] = 0; }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

const LETTER_RE = /\p{Ll}/u;
/** A capitalised word of letters ("Rahman", "Łukasz"), checked by code unit, not by regex. */
function isNameWord(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 65 || c > 90 || w.length < 2) return false;
  for (let i = 1; i < w.length; i++) {
    const d = w.charCodeAt(i);
    if ((d === 39 || d === 0x2019) && i === 1) continue; // O'Connell, D’Amato
    if (!((d >= 97 && d <= 122) || (d > 0xbf && LETTER_RE.test(w[i])) || (i === 2 && (w.charCodeAt(1) === 39 || w.charCodeAt(1) === 0x2019) && d >= 65 && d <= 90))) return false;
  }
  return true;
}

interface Person {
  forenames: Set<string>;
}

/** Surname → forenames it appears with, from person entities or from forename-led name pairs. */
function surnames(doc: Doc): Map<string, Person> {
  const out = new Map<string, Person>();
  const add = (first: string, last: string) => {
    let p = out.get(last);
    if (!p) out.set(last, (p = { forenames: new Set() }));
    if (first) p.forenames.add(first);
  };
  for (const e of layer(doc, 'entities', [])) {
    if (e.type === 'person') {
      const w = e.name.split(/\s+/).filter((x) => /^[A-Z]/.test(x));
      if (w.length >= 2) add(w[0], w[w.length - 1].replace('’', "'"));
    } else if (e.type !== 'organisation' && e.type !== 'outlet' && e.type !== 'other') {
      // A two-word name of words no dictionary, gazetteer or forename list knows ("Chidi Okonkwo")
      // is a person's name whatever type the entity stage gave it.
      const w = e.name.split(/\s+/);
      if (w.length === 2 && w.every((x) => isNameWord(x) && !skippable(x)) && !PLACES.has(e.name.toLowerCase())) add(w[0], w[1].replace('’', "'"));
    }
  }
  // "Forename Surname" token pairs (an initial may sit between: "Harry M. Reid").
  const tokens = layer(doc, 'tokens', []);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const f = tokens[i].text;
    if (!isNameWord(f) || !isForename(tokens[i].lower)) continue;
    let j = i + 1;
    if (/^[A-Z]\.?$/.test(tokens[j].text) && j + 1 < tokens.length) j++;
    const l = tokens[j].text;
    if (tokens[j].sentence === tokens[i].sentence && isNameWord(l) && l.length >= 3 && !isForename(tokens[j].lower)) add(f, l.replace('’', "'"));
  }
  return out;
}

function skippable(w: string): boolean {
  const l = w.toLowerCase();
  return STOP.has(l) || PLACES.has(l) || DEMONYMS.has(l) || isForename(l) || OUTLET_NAMES.has(nameKey(w)) || isEnglishWord(l);
}

const inflected = (a: string, b: string): boolean =>
  [a, b].some((x) => { const y = x === a ? b : a; return y === `${x}s` || y === `${x}es` || y === `${x}'s` || y === `${x}’s`; });

/**
 * Whether a word is, somewhere in the text, part of another person's name: used as a forename
 * ("Corey Lewandowski", "Osama bin Laden"), after a forename the reference person does not have
 * ("Andrew Hale" against "Haleh"), or in a double-barrelled name ("Colbert-Busch").
 */
function ownName(text: string, w: string, forenames: ReadonlySet<string>): boolean {
  const re = new RegExp(`(?<![\\p{L}'’])${w}(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (before.endsWith('-')) return true;
    const prev = PREV_WORD_RE.exec(before)?.[1];
    // "Friday. O'Conell said": a word ending a sentence is no forename (an initial "M." may be).
    const sentenceEnd = !!prev && prev.endsWith('.') && prev.length > 2;
    if (prev && !sentenceEnd && /^[A-Z]/.test(prev) && !forenames.has(prev)) {
      const l = prev.toLowerCase();
      if (!HONORIFICS.has(l) && !TITLE_WORDS.has(l) && !TITLE_WORDS.has(l.replace(/\.$/, ''))) return true;
    }
    const next = NEXT_WORD_RE.exec(text.slice(m.index + w.length, m.index + w.length + 30))?.[1];
    if (next || /^\s+(?:bin|ibn|al|de|van|von|da|del|la)\s/.test(text.slice(m.index + w.length, m.index + w.length + 8))) return true;
  }
  return false;
}

export const nameVariant: Rule = {
  meta: {
    id: 'name-variant',
    description: 'One person\'s name spelled two ways ("Rahman" / "Rahmen").',
    category: 'consistency',
    severity: 'warning',
    docs: docsPath('name-variant'),
  },
  check(doc) {
    const people = surnames(doc);
    if (people.size === 0) return [];
    const text = doc.text;
    const seen = new Map<string, Seen>();
    for (const t of layer(doc, 'tokens', [])) {
      if (t.text.length < 4 || !isNameWord(t.text)) continue;
      // O’Neill and O'Neill are one spelling in two typefaces.
      const w = t.text.includes('’') ? t.text.replace('’', "'") : t.text;
      const s = seen.get(w);
      if (s) s.count++;
      else seen.set(w, { first: t.start, count: 1 });
    }
    const out: Report[] = [];
    const done = new Set<string>();
    let scans = 0;
    const report = (w: string, at: Seen, surname: string, ref: Seen): void => {
      const [bad, good, badAt, goodAt] = isSlip(at, ref) ? [w, surname, at, ref] : [surname, w, ref, at];
      done.add(w);
      done.add(surname);
      out.push({
        start: badAt.first,
        end: badAt.first + bad.length,
        message: `"${bad}" looks like a misspelling of "${good}", used ${goodAt.count === 1 ? 'once' : `${goodAt.count} times`} elsewhere.`,
        related: [{ start: goodAt.first, end: goodAt.first + good.length, message: `spelled "${good}" here` }],
      });
    };
    // Candidates share the first letter with the surname: bucket the words by it.
    const byInitial = new Map<string, [string, Seen][]>();
    for (const e of seen) {
      const k = e[0][0];
      const b = byInitial.get(k);
      if (b) b.push(e);
      else byInitial.set(k, [e]);
    }
    for (const [surname, person] of people) {
      const ref = seen.get(surname);
      if (!ref || surname.length < 4) continue;
      for (const [w, at] of byInitial.get(surname[0]) ?? []) {
        if (w === surname || done.has(w) || done.has(surname) || Math.abs(w.length - surname.length) > 2) continue;
        const max = Math.min(w.length, surname.length) >= 9 ? 2 : 1;
        if (editDistance(w, surname, max) > max || inflected(w, surname) || skippable(w)) continue;
        // Someone else's surname when it comes with a forename of its own that the reference lacks.
        const other = people.get(w);
        if (other && [...other.forenames].some((f) => !person.forenames.has(f))) continue;
        // Each check scans the text once; a pathological text cannot make this quadratic.
        if (++scans > MAX_SCANS || ownName(text, w, person.forenames)) continue;
        report(w, at, surname, ref);
      }
    }
    // One forename with two surnames one edit apart, the first letter included ("Helen Carver" …
    // "Helen Karver"), which the bucketing by initial above cannot see. A shared forename is what
    // makes it one person; relatives share the surname, not the forename.
    const full = [...people].filter(([sn]) => sn.length >= 4 && seen.has(sn)).slice(0, MAX_PEOPLE);
    for (let i = 0; i < full.length; i++) {
      for (let j = i + 1; j < full.length; j++) {
        const [s1, p1] = full[i];
        const [s2, p2] = full[j];
        if (s1[0] === s2[0] || done.has(s1) || done.has(s2) || Math.abs(s1.length - s2.length) > 1) continue;
        if (![...p1.forenames].some((f) => p2.forenames.has(f))) continue;
        const [a1, a2] = [seen.get(s1)!, seen.get(s2)!];
        // Only the slip must not be a word of its own: "Carver" is a word and a fine surname.
        const slip = isSlip(a2, a1) ? s2 : s1;
        if (editDistance(s1, s2, 1) > 1 || inflected(s1, s2) || skippable(slip)) continue;
        report(s2, a2, s1, a1);
      }
    }
    // Forename slips of one surname: "Katarzyna Nowak" … "Katarzina Nowak", unless both are real forenames (Mark/Mary).
    for (const [surname, person] of people) {
      const fs = [...person.forenames];
      for (let i = 0; i < fs.length; i++) {
        for (let j = i + 1; j < fs.length; j++) {
          const [a, b] = [fs[i], fs[j]];
          if (a.length < 5 || b.length < 5 || editDistance(a, b, 1) > 1) continue;
          if (isForename(a.toLowerCase()) && isForename(b.toLowerCase())) continue;
          const ia = text.indexOf(`${a} ${surname}`);
          const ib = text.indexOf(`${b} ${surname}`);
          if (ia < 0 || ib < 0) continue;
          // The usual spelling is the one used more often, then the known forename, then the first.
          const na = text.split(`${a} ${surname}`).length;
          const nb = text.split(`${b} ${surname}`).length;
          const aGood = na !== nb ? na > nb : isForename(a.toLowerCase()) !== isForename(b.toLowerCase()) ? isForename(a.toLowerCase()) : ia < ib;
          const [badAt, goodAt, bad, good] = aGood ? [ib, ia, b, a] : [ia, ib, a, b];
          out.push({
            start: badAt,
            end: badAt + bad.length + 1 + surname.length,
            message: `"${bad} ${surname}" looks like a misspelling of "${good} ${surname}".`,
            related: [{ start: goodAt, end: goodAt + good.length + 1 + surname.length, message: `spelled "${good} ${surname}" here` }],
          });
        }
      }
    }
    return out;
  },
};
