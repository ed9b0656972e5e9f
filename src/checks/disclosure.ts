import type { Doc } from '../model/doc.ts';
import type { Span, TextSpan } from '../model/types.ts';
import { layer, memo } from './helpers.ts';

// What the page discloses about itself: author, publication date, Trust Project claims. Read from
// the `meta`/`trust` layers when the web-page stages ran, and otherwise from the text, where a
// byline or a date line sits near the top or the bottom of the article. A body sentence that
// merely mentions a date ("on February 24") is an event date, not a publication date.

/** Paragraphs searched at each end: headline, standfirst, byline, dateline; sign-off, credits. */
const HEAD_PARAS = 6;
const TAIL_PARAS = 4;
/** A byline or date line is short; a long paragraph is body text that happens to start with "By". */
const MAX_LINE_WORDS = 16;

const NAME = String.raw`[A-Z][\p{L}'’.-]+`;
const PERSON = String.raw`${NAME}(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|der|al|bin|da|di|la|le))*`;
const BYLINE_RE = new RegExp(
  String.raw`^(?:by|written by|words by|story by|reporting by)\s*:?\s+${PERSON}(?:\s*(?:,|and|&)\s*${PERSON})*` +
    String.raw`\s*(?:$|[,|—–-]|\(|\bin\b|\bfor\b)`,
  'iu',
);
/** A name line with its role and no "By": "Jane Roe, Staff Reporter", "Jane Roe | Political correspondent". */
const ROLE_BYLINE_RE = new RegExp(
  String.raw`^${NAME}(?:\s+${NAME}){1,3}\s*(?:,|\||—|–|-)\s*(?:[\p{L}]+\s+){0,2}(?:reporter|correspondent|writer|editor|journalist|columnist)s?\s*(?:$|[,|—–-]|\b(?:for|in|at)\b)`,
  'iu',
);
/** Agency sign-offs and credit lines, anywhere in the tail ("(Reporting by …; Editing by …)"). */
const CREDIT_RE = /(?:\b(?:reporting|writing|editing|additional reporting)\s+by\s+[A-Z]|\b[A-Z][\p{L}'’-]+\s+(?:[A-Z][\p{L}'’-]+\s+)?contributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story|article)\b)/u;

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const FULL_DATE_RE = new RegExp(
  String.raw`\b(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b`,
  'u',
);
/** "Published 3 hours ago", "Updated: March 3", "Posted on". */
const STAMP_RE = new RegExp(String.raw`^(?:published|updated|posted|last updated|first published)\b.{0,40}(?:\d|${MONTH}|ago)`, 'iu');
/** Agency dateline: "LONDON, March 3 (Reuters) -", "KYIV, Ukraine, June 2 (AP) —", "…, March 3, 2025 (AP) —". */
const DATELINE_RE = new RegExp(String.raw`^[A-Z][A-Z .'-]+(?:,\s*[\p{L} .]+)?,\s*${MONTH}\s+\d{1,2}(?:,\s*(?:19|20)\d\d)?\s*\(`, 'u');

function edgeParagraphs(doc: Doc): Span[] {
  const paras = layer(doc, 'paragraphs', []);
  if (paras.length <= HEAD_PARAS + TAIL_PARAS) return paras;
  return [...paras.slice(0, HEAD_PARAS), ...paras.slice(paras.length - TAIL_PARAS)];
}

/** Whether `s` has at most `max` whitespace-separated words (/\S+/ runs), counted without building them. */
function atMostWords(s: string, max: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(s[i]);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++n > max) return false;
    }
  }
  return true;
}

/** Where the text states its author, or null. */
export function bylineInText(doc: Doc): TextSpan | null {
  return memo(doc, 'bylineInText', () => {
    for (const p of edgeParagraphs(doc)) {
      const line = doc.text.slice(p.start, p.end);
      if (atMostWords(line, MAX_LINE_WORDS)) {
        const m = BYLINE_RE.exec(line) ?? ROLE_BYLINE_RE.exec(line);
        if (m) return { start: p.start, end: p.start + m[0].length, text: m[0] };
      }
      const c = line.includes('by ') || line.includes('contributed') ? CREDIT_RE.exec(line) : null;
      if (c) return { start: p.start + c.index, end: p.start + c.index + c[0].length, text: c[0] };
    }
    return null;
  });
}

/** Where the text states its publication date (a date or time-stamp line, or an agency dateline), or null. */
export function dateInText(doc: Doc): TextSpan | null {
  return memo(doc, 'dateInText', () => {
    for (const p of edgeParagraphs(doc)) {
      const line = doc.text.slice(p.start, p.end);
      const stamp = STAMP_RE.exec(line) ?? DATELINE_RE.exec(line);
      if (stamp) return { start: p.start, end: p.start + stamp[0].length, text: stamp[0] };
      // A date line is mostly its date ("Saturday, March 19, 2016."), not a list entry or a tweet with one in it.
      if (atMostWords(line, MAX_LINE_WORDS) && !line.includes('<')) {
        const m = FULL_DATE_RE.exec(line);
        if (m && m[0].length >= 0.4 * line.replace(/\s+/g, '').length) return { start: p.start + m.index, end: p.start + m.index + m[0].length, text: m[0] };
      }
    }
    return null;
  });
}

export function hasAuthor(doc: Doc): boolean {
  const meta = layer(doc, 'meta', {});
  if (meta.authors?.some((a) => a.value.name.trim() !== '')) return true;
  return bylineInText(doc) !== null;
}

export function hasDate(doc: Doc): boolean {
  const meta = layer(doc, 'meta', {});
  if (meta.datePublished?.value || meta.dateModified?.value) return true;
  return dateInText(doc) !== null;
}

/** A sentence that claims conformance: a claim verb and "Trust Project" within one clause. */
const CLAIM_RE = /\b(?:conform\w*|compl(?:y|ies|iant|iance)|adher\w+|member\w*|participa\w+|follow(?:s|ing)?|meets?|signator\w+|accordance|certified|partner\w*|abides?|committed|commits?|part of|uphold\w*|subscribes?|signed up|joined|applies|displays)\b[^.\n]{0,80}?\bTrust Project\b(?:[^.\n]{0,40}\b(?:criteria|indicators|standards|principles))?|\bTrust Project\b[^.\n]{0,40}?\b(?:member|participant|partner|certified|compliant)\b/gi;

/**
 * Spans claiming Trust Project conformance: the `trust` layer's claims when present, and the
 * text's own claim sentences they miss (the layer reads a narrower set of wordings, and "is
 * committed to the Trust Project's principles" claims as much as "conforms to").
 */
export function trustClaims(doc: Doc): TextSpan[] {
  return memo(doc, 'trustClaims', () => {
    const out: TextSpan[] = doc.has('trust') ? [...doc.get('trust').claims] : [];
    const known = out.length;
    if (!doc.text.includes('Trust Project') && !/trust project/i.test(doc.text)) return out;
    for (const m of doc.text.matchAll(CLAIM_RE)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (out.slice(0, known).some((c) => c.start < end && c.end > start)) continue;
      out.push({ start, end, text: m[0] });
    }
    return out.sort((a, b) => a.start - b.start);
  });
}
