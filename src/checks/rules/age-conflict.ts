import type { Doc } from '../../model/doc.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer, memo, MONTHS, WEEKDAYS } from '../helpers.ts';
import { isForename } from '../../nlp/gazetteer/forenames.ts';
import { DEMONYMS, PLACES } from '../../nlp/gazetteer/places.ts';
import { HONORIFICS, TITLE_WORDS } from '../../nlp/gazetteer/roles.ts';

// One person given two ages. Ages are read where news writes them, right by the name:
// "Margaret Pryce, 54,", "Pryce (54)", "Vadim Shishimarin, a 21-year-old …", "21-year-old Vadim
// Shishimarin". A bare surname is resolved to the one full name in the article ending with it;
// when relatives share the surname ("Margaret Pryce", "Tom Pryce") it is ambiguous and skipped.

const CAP = String.raw`[A-Z][\p{L}'’-]+`;
// Ages are found first by a cheap scan for the number forms; the name is then read backwards
// from each, on a short slice, so no name pattern runs over the whole text.
const AGE_AFTER_RE = /,\s+(?:(a|an|the|aged|who is|now)\s+)?(\d{1,3})(-year-old\b)?|\s\((\d{1,3})\)/g;
/** What ends an apposition ", 54": punctuation, or a verb or conjunction, not "54 percent". */
const APPOSITION_END_RE = /^(?:\s*[,;.)]|\s+(?:and|who|was|is|has|had|said|says|from|of|died|told)\b)/;
// A name never runs across a line break: "…in Doha\n\nLena Fischer, 19" is Lena Fischer.
const NAME_BEFORE_RE = new RegExp(String.raw`((?:${CAP}[ \t]+|[A-Z]\.[ \t]+){0,3}${CAP})$`, 'u');
const AGE_BEFORE_RE = /\b(\d{1,3})-year-old\s+/g;
const NAME_AFTER_RE = new RegExp(String.raw`^((?:${CAP}[ \t]+|[A-Z]\.[ \t]+){0,3}${CAP})`, 'u');
const LOOK = 80;
const SENTENCE_START_RE = /(?:^|[.!?]["”’]?\s+|\n)$/;
const ANAPHOR_REACH = 300;
const ANAPHOR_MAX_DIFF = 3;
/** People other than the one just named, between the name and "The N-year-old": the age may be theirs. */
const PEOPLE_WORD_RE = /\b(?:he|she|his|her|him|they|their|son|daughter|wife|husband|mother|father|brother|sister|partner|friend|colleague|child|children|man|woman|boy|girl|driver|passenger|neighbou?r|victim|suspect|officer|teacher|doctor|nurse)s?\b/i;
const ROLE_BEFORE_RE = /^((?:[a-z][a-z-]*[ \t]+){1,3})(?=[A-Z])/;
/** Words that end a role phrase: "a 30-year-old suspect and Maria Lopez" gives Lopez no age. */
const ROLE_STOP = new Set(`and or but with from of in at to on by for as than was is were are has had said says told who whom whose which
  that the a an his her their its`.split(/\s+/).filter(Boolean));
const NOT_NAMES = new Set([...MONTHS, ...WEEKDAYS, 'the', 'a', 'an', 'in', 'on', 'at', 'and', 'but', 'however', 'meanwhile',
  'today', 'yesterday', 'last', 'this', 'that', 'he', 'she', 'they', 'it', 'we', 'i']);

interface AgeAt {
  name: string;
  age: number;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
}

/** Strips titles and honorifics in front ("Mayor Daniel Okafor" → "Daniel Okafor"); null when not a name. */
function cleanName(raw: string): { name: string; offset: number; honorific: boolean } | null {
  const words = raw.split(/\s+/);
  let k = 0;
  let honorific = false;
  while (k < words.length - 1) {
    const w = words[k].toLowerCase();
    if (HONORIFICS.has(w) || HONORIFICS.has(w.replace(/\.$/, ''))) honorific = true;
    // "20-year-old German Lena Fischer": a nationality before the name is no part of it.
    else if (!TITLE_WORDS.has(w) && !NOT_NAMES.has(w) && !DEMONYMS.has(w)) break;
    k++;
  }
  const kept = words.slice(k);
  const lower = kept.join(' ').toLowerCase();
  if (kept.some((w) => NOT_NAMES.has(w.toLowerCase())) || PLACES.has(lower) || DEMONYMS.has(lower)) return null;
  if (kept.length === 1 && TITLE_WORDS.has(lower)) return null;
  const offset = raw.indexOf(kept[0]);
  return { name: kept.join(' '), offset, honorific };
}

/** Full person names in the article: entities when the layer has them, plus capitalised pairs led by a forename. */
function fullNames(doc: Doc): string[] {
  return memo(doc, 'age-conflict:fullNames', () => {
    const names = new Set<string>();
    for (const e of layer(doc, 'entities', [])) if (e.type === 'person' && /\s/.test(e.name)) names.add(e.name);
    for (const m of doc.text.matchAll(new RegExp(String.raw`\b(${CAP})\s+(${CAP})\b`, 'gu'))) {
      const first = m[1].toLowerCase();
      if (isForename(first)) names.add(`${m[1]} ${m[2]}`);
    }
    return [...names];
  });
}

/** The person an age belongs to, as a stable key, or null when the name is not clearly one person. */
function personKey(doc: Doc, name: string, honorific: boolean): string | null {
  const words = name.split(' ');
  const surname = words[words.length - 1];
  const candidates = fullNames(doc).filter((n) => n.endsWith(` ${surname}`) && (words.length === 1 || n.startsWith(words[0])));
  if (words.length > 1) {
    const first = words[0].toLowerCase();
    const isPerson = honorific || isForename(first) || candidates.length > 0;
    return isPerson ? name : null;
  }
  const distinct = new Set(candidates.map((n) => n.split(' ')[0]));
  if (distinct.size !== 1) return null;
  return candidates.sort((a, b) => b.length - a.length)[0];
}

export const ageConflict: Rule = {
  meta: {
    id: 'age-conflict',
    description: 'One person given two different ages.',
    category: 'consistency',
    severity: 'warning',
    docs: docsPath('age-conflict'),
  },
  check(doc) {
    const text = doc.text;
    const found: AgeAt[] = [];
    const anaphors: { age: number; start: number; end: number }[] = [];
    const add = (raw: string, rawStart: number, age: number, start: number, end: number) => {
      const c = cleanName(raw);
      if (!c || age < 1 || age > 115) return;
      const key = personKey(doc, c.name, c.honorific);
      if (key) found.push({ name: key, age, start, end, nameStart: rawStart + c.offset, nameEnd: rawStart + c.offset + c.name.length });
    };
    for (const m of text.matchAll(AGE_AFTER_RE)) {
      const [whole, article, num, yearOld, paren] = m;
      const age = num ?? paren;
      const end = m.index + whole.length;
      if (num !== undefined && !yearOld && (article === 'a' || article === 'an' || article === 'the' || !APPOSITION_END_RE.test(text.slice(end, end + 12)))) continue;
      const n = NAME_BEFORE_RE.exec(text.slice(Math.max(0, m.index - LOOK), m.index));
      if (!n) continue;
      const ageAt = m.index + whole.lastIndexOf(age);
      add(n[1], m.index - n[1].length, Number(age), ageAt, ageAt + age.length);
    }
    for (const m of text.matchAll(AGE_BEFORE_RE)) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + LOOK);
      // "21-year-old tank commander Vadim Kulik": up to three words of role before the name.
      const role = ROLE_BEFORE_RE.exec(after);
      const skip = role && !role[1].split(/\s+/).some((w) => w && ROLE_STOP.has(w)) ? role[1].length : 0;
      const n = NAME_AFTER_RE.exec(after.slice(skip));
      if (n) add(n[1], m.index + m[0].length + skip, Number(m[1]), m.index, m.index + m[1].length);
      else if (m.index >= 4 && text.slice(m.index - 4, m.index) === 'The ' && SENTENCE_START_RE.test(text.slice(Math.max(0, m.index - 8), m.index - 4))) {
        anaphors.push({ age: Number(m[1]), start: m.index - 4, end: m.index + m[0].trimEnd().length });
      }
    }
    found.sort((a, b) => a.start - b.start);
    const first = new Map<string, AgeAt>();
    const out: Report[] = [];
    for (const a of found) {
      const prev = first.get(a.name);
      if (!prev) {
        first.set(a.name, a);
        continue;
      }
      if (prev.age === a.age || prev.start === a.start) continue;
      // Name and age, in whichever order they are written ("Pryce, 56" or "56-year-old Pryce").
      out.push({
        start: Math.min(a.nameStart, a.start),
        end: Math.max(a.end, a.nameEnd),
        message: `${a.name} is ${a.age} here but ${prev.age} earlier.`,
        related: [{ start: Math.min(prev.nameStart, prev.start), end: Math.max(prev.end, prev.nameEnd), message: `age given earlier: ${prev.age}` }],
      });
    }
    // "Daniel Okafor, 54, runs the port. The 56-year-old said…": a sentence that opens with "The
    // N-year-old" refers back to the person just given an age, when no one else is named or
    // described in between; a slip changes an age by a year or three, another person's differs more.
    const names = fullNames(doc).flatMap((n) => n.split(' '));
    for (const a of anaphors) {
      let prev: AgeAt | undefined;
      for (const f of found) if (f.end <= a.start) prev = f;
      if (!prev || a.start - prev.end > ANAPHOR_REACH || Math.abs(prev.age - a.age) > ANAPHOR_MAX_DIFF || prev.age === a.age) continue;
      const between = text.slice(prev.end, a.start);
      const own = new Set(prev.name.split(' '));
      if (PEOPLE_WORD_RE.test(between) || names.some((w) => !own.has(w) && between.includes(w))) continue;
      out.push({
        start: a.start,
        end: a.end,
        message: `${prev.name} is ${a.age} here ("${text.slice(a.start, a.end)}") but ${prev.age} earlier.`,
        related: [{ start: Math.min(prev.nameStart, prev.start), end: Math.max(prev.end, prev.nameEnd), message: `age given earlier: ${prev.age}` }],
      });
    }
    return out.sort((x, y) => x.start - y.start);
  },
};
