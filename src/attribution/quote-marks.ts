import type { Span } from '../model/types.ts';

/**
 * Quote-pair scanner: finds top-level quoted stretches in the text, marks included
 * (PolNeAR's convention: a direct quote's content span starts at the opening mark and ends
 * after the closing one). Works on characters, not tokens, so wink's tokenisation of marks
 * does not matter. Nested quotes are skipped: they belong to the quote around them.
 */

export type QuoteStyle = 'curly' | 'straight' | 'doubled' | 'low' | 'guillemet' | 'single';

export interface QuotePair extends Span {
  /** Index of the closing mark, or -1 when the quote was cut at a paragraph end. */
  close: number;
  style: QuoteStyle;
  /** Paragraph index of the opening mark; `lastParagraph` differs for multi-paragraph quotes. */
  paragraph: number;
  lastParagraph: number;
}

const LDQ = 0x201c; // “
const RDQ = 0x201d; // ”
const STRAIGHT = 0x22; // "
const LOW = 0x201e; // „
const LGUIL = 0xab; // «
const RGUIL = 0xbb; // »
const LSQ = 0x2018; // ‘
const RSQ = 0x2019; // ’
const APOS = 0x27; // '
const DOUBLED = -2; // pseudo-code for `''`

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

function isWordChar(c: number): boolean {
  // Letters and digits of any script; cheap ASCII path first.
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0xc0) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** A straight `"` looks like an opener when it follows a space/bracket and precedes a non-space. */
function opensHere(text: string, i: number, pStart: number, pEnd: number): boolean {
  const prev = i > pStart ? text.charCodeAt(i - 1) : 32;
  const next = i + 1 < pEnd ? text.charCodeAt(i + 1) : 32;
  if (isSpace(next)) return false;
  return !isWordChar(prev) && prev !== 0x2e && prev !== 0x2c;
}

/**
 * A mark placed as a closer: after a non-space and before a space, punctuation or the paragraph
 * end. Copy that mixes curly and straight marks (`“Roads are crumbling," she said. "Families…”`,
 * `“Apparently not,“`) closes a quote with the wrong family's mark; read by position, it still closes.
 */
function closesHere(text: string, i: number, pStart: number, pEnd: number): boolean {
  if (i <= pStart) return false;
  const prev = text.charCodeAt(i - 1);
  const next = i + 1 < pEnd ? text.charCodeAt(i + 1) : 32;
  return !isSpace(prev) && !isWordChar(next);
}

/** `doubled` is two apostrophes used as a double quote (`''A,'' he said`: NYT wire copy). */
type Family = 'curly' | 'straight' | 'doubled' | 'low' | 'guillemet';

interface Open {
  pos: number;
  fam: Family;
  paragraph: number;
}

/**
 * Scans each paragraph for double-quote pairs, then for single-quote pairs outside them.
 * An unclosed quote ends at its paragraph's end, so one stray mark never swallows the article;
 * the one exception is the news convention for multi-paragraph quotes: a paragraph that opens
 * with a mark and never closes it continues into the next paragraph when that one also opens
 * with a mark of the same family.
 */
export function scanQuotes(text: string, paragraphs: readonly Span[]): readonly QuotePair[] {
  // The attribution rules and the checks both ask, for the same article: the last answer is kept
  // (shared, hence read-only).
  if (last && last.paragraphs === paragraphs && last.text === text) return last.pairs;
  const pairs = scanQuotesUncached(text, paragraphs);
  last = { text, paragraphs, pairs };
  return pairs;
}

let last: { text: string; paragraphs: readonly Span[]; pairs: readonly QuotePair[] } | null = null;

function scanQuotesUncached(text: string, paragraphs: readonly Span[]): QuotePair[] {
  const out: QuotePair[] = [];
  let carry: Open | null = null;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const { start: pStart, end: pEnd } = paragraphs[pi];
    const found = out.length;
    let top: Open | null = null;
    let nested: Family | null = null;
    let from = pStart;
    if (carry) {
      // The continuation paragraph's own opening mark is part of the running quote.
      top = carry;
      carry = null;
      from = pStart + 1;
    }
    const emit = (o: Open, end: number, close: number) => {
      out.push({ start: o.pos, end, close, style: o.fam, paragraph: o.paragraph, lastParagraph: pi });
    };
    for (let i = from; i < pEnd; i++) {
      let c = text.charCodeAt(i);
      if (c === APOS && text.charCodeAt(i + 1) === APOS && i + 1 < pEnd) {
        // `''` reads as one straight mark; handled by the doubled family below.
        c = DOUBLED;
      } else if (c !== LDQ && c !== RDQ && c !== STRAIGHT && c !== LOW && c !== LGUIL && c !== RGUIL) continue;
      if (c === DOUBLED) {
        if (top === null) {
          if (opensHere(text, i + 1, pStart, pEnd) && (i === pStart || !isWordChar(text.charCodeAt(i - 1)))) {
            top = { pos: i, fam: 'doubled', paragraph: pi };
          }
        } else if (top.fam === 'doubled') { emit(top, i + 2, i); top = null; nested = null; }
        i++;
        continue;
      }
      if (top === null) {
        if (c === LDQ) top = { pos: i, fam: 'curly', paragraph: pi };
        else if (c === LOW) top = { pos: i, fam: 'low', paragraph: pi };
        else if (c === LGUIL) top = { pos: i, fam: 'guillemet', paragraph: pi };
        else if (c === STRAIGHT && opensHere(text, i, pStart, pEnd)) top = { pos: i, fam: 'straight', paragraph: pi };
        // A closing mark used as an opener (seen in sloppy copy): only after a space.
        else if (c === RDQ && opensHere(text, i, pStart, pEnd)) top = { pos: i, fam: 'curly', paragraph: pi };
        continue;
      }
      // Inside a quote: close it, or track one level of nesting in another family.
      if (nested !== null) {
        if ((nested === 'straight' && c === STRAIGHT) || (nested === 'curly' && c === RDQ) ||
          (nested === 'low' && (c === LDQ || c === RDQ)) || (nested === 'guillemet' && c === RGUIL)) {
          nested = null;
          continue;
        }
      }
      switch (top.fam) {
        case 'curly':
          if (c === RDQ) { emit(top, i + 1, i); top = null; nested = null; }
          else if ((c === LDQ || (c === STRAIGHT && nested === null)) && closesHere(text, i, pStart, pEnd)) {
            emit(top, i + 1, i); top = null; nested = null;
          } else if (c === LDQ) {
            // A second opener with none closed: the first quote lost its closing mark.
            let e = i;
            while (e > top.pos + 1 && isSpace(text.charCodeAt(e - 1))) e--;
            emit(top, e, -1);
            top = { pos: i, fam: 'curly', paragraph: pi };
            nested = null;
          } else if (nested === null && (c === STRAIGHT || c === LOW || c === LGUIL)) {
            nested = c === STRAIGHT ? 'straight' : c === LOW ? 'low' : 'guillemet';
          }
          break;
        case 'straight':
          if (c === STRAIGHT) { emit(top, i + 1, i); top = null; nested = null; }
          else if ((c === RDQ || c === LDQ) && nested === null && (c === RDQ || closesHere(text, i, pStart, pEnd))) {
            emit(top, i + 1, i); top = null;
          }
          else if (nested === null && (c === LDQ || c === LOW || c === LGUIL)) {
            nested = c === LDQ ? 'curly' : c === LOW ? 'low' : 'guillemet';
          }
          break;
        case 'doubled':
          if (nested === null && (c === LDQ || c === STRAIGHT)) nested = c === LDQ ? 'curly' : 'straight';
          break;
        case 'low':
          if (c === LDQ || c === RDQ) { emit(top, i + 1, i); top = null; nested = null; }
          else if (c === STRAIGHT && nested === null) nested = 'straight';
          else if (c === LGUIL && nested === null) nested = 'guillemet';
          break;
        case 'guillemet':
          if (c === RGUIL) { emit(top, i + 1, i); top = null; nested = null; }
          else if (nested === null && (c === LDQ || c === STRAIGHT || c === LOW)) {
            nested = c === LDQ ? 'curly' : c === STRAIGHT ? 'straight' : 'low';
          }
          break;
      }
    }
    if (top !== null) {
      const next = paragraphs[pi + 1];
      const startsPara = top.pos === paragraphs[top.paragraph].start;
      if (startsPara && next && sameFamilyOpener(text.charCodeAt(next.start), top.fam)) carry = top;
      else emit(top, pEnd, -1);
    }
    scanSingles(text, pStart, pEnd, pi, out, found);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function sameFamilyOpener(c: number, fam: Family): boolean {
  if (fam === 'curly') return c === LDQ;
  if (fam === 'straight') return c === STRAIGHT;
  if (fam === 'doubled') return c === APOS;
  if (fam === 'low') return c === LOW;
  return c === LGUIL;
}

// Words that start with an apostrophe and are not quotes: 'em, 'til, 'cause, '90s, 'n'.
const ELISIONS = /^(?:em|til|cause|bout|n|tis|twas|\d\ds?)\b/i;

/**
 * Single-quote pairs (headline style: `Trump says deal 'dead'`), only in the parts of the
 * paragraph no double-quote pair covers. Apostrophes are the risk: an opener must follow a
 * space or bracket and precede a letter; a closer must follow a non-space and precede a
 * non-letter, and the content must hold at least two letters.
 */
function scanSingles(text: string, pStart: number, pEnd: number, pi: number, out: QuotePair[], from: number): void {
  const doubles = out.slice(from);
  let di = 0;
  for (let i = pStart; i < pEnd; i++) {
    const c = text.charCodeAt(i);
    if (c !== LSQ && c !== APOS) continue;
    while (di < doubles.length && doubles[di].end <= i) di++;
    if (di < doubles.length && doubles[di].start <= i) { i = doubles[di].end - 1; continue; }
    const prev = i > pStart ? text.charCodeAt(i - 1) : 32;
    const next = i + 1 < pEnd ? text.charCodeAt(i + 1) : 32;
    if (isWordChar(prev) || !isWordChar(next)) continue;
    if (ELISIONS.test(text.slice(i + 1, i + 6))) continue;
    const limit = di < doubles.length ? Math.min(pEnd, doubles[di].start) : pEnd;
    for (let j = i + 2; j < limit; j++) {
      const d = text.charCodeAt(j);
      if (d !== RSQ && d !== APOS) continue;
      const before = text.charCodeAt(j - 1);
      const after = j + 1 < pEnd ? text.charCodeAt(j + 1) : 32;
      if (isSpace(before) || isWordChar(after)) continue;
      out.push({ start: i, end: j + 1, close: j, style: 'single', paragraph: pi, lastParagraph: pi });
      i = j;
      break;
    }
  }
}
