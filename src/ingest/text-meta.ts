// Metadata read from the article text itself, for plain-text input and to fill what the markup
// lacks: a byline ("By Jane Doe and John Roe"), a dateline ("MARSEILLE, France —",
// "WASHINGTON (AP) —"), a date line near the top ("Published Nov. 20, 2019"), a type-of-work
// label as the first line ("Analysis"), and correction notes. Only the head of the text is read
// for the first three (a date deep in the body is an event, not the publication date).
import type { ArticleMeta, Author, Sourced } from '../model/types.ts';
import { WORK_LABEL } from './page.ts';
import { readDateline } from '../nlp/dateline.ts';

/** How far into the text the byline, dateline and date are looked for. */
const HEAD_CHARS = 1500;
const HEAD_LINES = 6;

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|di|van|von|der|den|le|la|bin|al|el|du|dos|del)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}`;
const BYLINE = new RegExp(String.raw`^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s+(${NAME}(?:\s*(?:,|and|&|und|et|y|e)\s*${NAME})*)`, 'u');
const NAME_RE = new RegExp(NAME, 'gu');
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DATE = new RegExp(String.raw`\b(?:(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})\s+((?:19|20)\d\d)|((?:19|20)\d\d)-(\d\d)-(\d\d))\b`, 'i');
const DATE_LEAD = /^(?:published|updated|posted|last updated|first published|modified)\b[\s:]*/i;
const CORRECTION = /^(?:correction|clarification|editor['’]s note|update)\s*[:—–-]|^(?:an earlier|a previous) version of this (?:article|story|report|post)|^this (?:article|story|report|post) (?:has been|was) (?:corrected|updated|amended)/i;

// A job title right after a single byline name, up to the next field separator.
const JOB_TITLE = /^\s*(?:[|•·,–—-])\s*((?:[\p{L}-]+\s+){0,4}(?:correspondent|editor|reporter|writer|columnist|journalist|producer|analyst|critic|contributor|bureau chief|photographer)\b(?:\s+(?:for|at|in)\s+[\p{L} ]{2,30}?)?)\s*(?=$|[|•·,])/iu;

const pad = (n: number): string => String(n).padStart(2, '0');

function isoOf(m: RegExpExecArray): string | null {
  let y: number, mo: number, d: number;
  if (m[1]) { mo = MONTHS[m[1].slice(0, 3).toLowerCase()]; d = +m[2]; y = +m[3]; }
  else if (m[5]) { mo = MONTHS[m[5].slice(0, 3).toLowerCase()]; d = +m[4]; y = +m[6]; }
  else { y = +m[7]; mo = +m[8]; d = +m[9]; }
  if (!mo || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

interface Line { start: number; end: number; text: string }

function headLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < HEAD_LINES && m.index < HEAD_CHARS) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ start: m.index + lead, end: m.index + lead + t.length, text: t });
  }
  return out;
}

/** The line itself, then its fields when it is split by " | ", " • " or " · ". */
function segments(line: Line): Line[] {
  const out: Line[] = [line];
  const re = /\s+[|•·]\s+/g;
  if (!re.test(line.text)) return out;
  re.lastIndex = 0;
  let from = 0;
  for (let m = re.exec(line.text); ; m = re.exec(line.text)) {
    const end = m ? m.index : line.text.length;
    if (end > from) out.push({ start: line.start + from, end: line.start + end, text: line.text.slice(from, end) });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

export function metaFromText(text: string): ArticleMeta {
  const meta: ArticleMeta = {};
  const lines = headLines(text);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const words = line.text.split(/\s+/).length;
    if (li === 0 && words <= 4 && WORK_LABEL.test(line.text.replace(/[:.]$/, ''))) {
      meta.typeOfWork ??= { value: line.text.replace(/[:.]$/, ''), source: { kind: 'text', start: line.start, end: line.end } };
      continue;
    }
    if (!meta.authors) {
      const b = BYLINE.exec(line.text);
      if (b && words <= 16) {
        const authors: Sourced<Author>[] = [];
        const at = line.start + b.index + b[0].length - b[1].length;
        NAME_RE.lastIndex = 0;
        let n: RegExpExecArray | null;
        while ((n = NAME_RE.exec(b[1]))) {
          if (/^(?:and|und|et)$/i.test(n[0])) continue;
          authors.push({ value: { name: n[0] }, source: { kind: 'text', start: at + n.index, end: at + n.index + n[0].length } });
        }
        // "By Hannah Cole | Health correspondent", "By Hannah Cole, Health correspondent": the job title.
        const title = JOB_TITLE.exec(line.text.slice(b.index + b[0].length));
        if (authors.length === 1 && title) authors[0] = { ...authors[0], value: { ...authors[0].value, jobTitle: title[1].trim() } };
        if (authors.length) meta.authors = authors;
      }
    }
    if (!meta.dateline) {
      const d = readDateline(line.text);
      if (d) {
        const end = line.start + line.text.slice(0, d.length).trimEnd().length;
        meta.dateline = { value: d.agency ? `${d.place} ${d.agency}` : d.place, source: { kind: 'text', start: line.start, end } };
        // a wire dateline with a full date ("JOHANNESBURG, March 3, 2025 (AP) —") dates the story
        const m = DATE.exec(line.text.slice(0, d.length));
        const iso = m && isoOf(m);
        if (m && iso && !meta.datePublished) meta.datePublished = { value: iso, source: { kind: 'text', start: line.start + m.index, end: line.start + m.index + m[0].length } };
      }
    }
    // A credit line may pack several fields: "By Hannah Cole | Health correspondent | Published March 4, 2026".
    for (const seg of segments(line)) {
      if (meta.datePublished && meta.dateModified) break;
      const segWords = seg.text.split(/\s+/).length;
      if (!(segWords <= 14 || DATE_LEAD.test(seg.text))) continue;
      const m = DATE.exec(seg.text);
      // The date is (nearly) the whole line: a date line, not an event in a sentence.
      const rest = m ? (seg.text.slice(0, m.index) + ' ' + seg.text.slice(m.index + m[0].length)).replace(DATE_LEAD, '').match(/\p{L}{2,}/gu)?.length ?? 0 : 99;
      if (m && (rest <= 5 || DATE_LEAD.test(seg.text))) {
        const iso = isoOf(m);
        const kind = /^(?:updated|last updated|modified)/i.test(seg.text) ? 'dateModified' : 'datePublished';
        if (iso && !meta[kind] && (kind === 'dateModified' || !meta.datePublished)) meta[kind] = { value: iso, source: { kind: 'text', start: seg.start + m.index, end: seg.start + m.index + m[0].length } };
      }
    }
  }
  // Correction notes can sit at the top or the bottom.
  const corrections: Sourced<string>[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0].trim();
    if (t.length < 400 && CORRECTION.test(t)) {
      const lead = m[0].length - m[0].trimStart().length;
      corrections.push({ value: t, source: { kind: 'text', start: m.index + lead, end: m.index + lead + t.length } });
    }
  }
  if (corrections.length) meta.corrections = corrections;
  return meta;
}

/** Markup wins where it has a value; the text fills the rest (and adds its corrections). */
export function mergeMeta(markup: ArticleMeta, fromText: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = { ...fromText, ...markup };
  for (const k of Object.keys(out) as (keyof ArticleMeta)[]) if (out[k] === undefined) delete out[k];
  if (markup.corrections || fromText.corrections) out.corrections = [...(markup.corrections ?? []), ...(fromText.corrections ?? [])];
  return out;
}
