import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import type { Doc } from '../../model/doc.ts';
import { dateInText } from '../disclosure.ts';
import { layer, MONTHS, WEEKDAYS } from '../helpers.ts';

// A weekday written next to a calendar date ("Thursday, March 14, 2025", "Friday 3 June 2021").
// The year is the written one; without it, the publication year, from `meta` or a date line of
// the text (choosing the year that puts the date nearest the publication date). With neither,
// the weekday cannot be checked and nothing is reported.

const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s+(\d{4})\b)?`;
const WEEKDAY_DATE_RE = new RegExp(
  String.raw`\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\s*[,(]?\s*(?:(?:the\s+)?${DAY}\s+(?:of\s+)?${MONTH}|${MONTH}\s+${DAY}(?!\d))${YEAR}`,
  'g',
);

function monthIndex(name: string): number {
  const k = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(k));
}

/** Publication date: page metadata, else a date line of the text ("March 12, 2025"). */
function publicationDate(doc: Doc): Date | null {
  const v = layer(doc, 'meta', {}).datePublished?.value ?? dateInText(doc)?.text;
  if (!v) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}/.test(v) ? v : `${v.replace(/(\d)(?:st|nd|rd|th)\b/, '$1')} UTC`);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 ? null : d;
}

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);

export const weekdayDateConflict: Rule = {
  meta: {
    id: 'weekday-date-conflict',
    description: 'A weekday that does not fall on the calendar date written with it.',
    category: 'consistency',
    severity: 'warning',
    docs: docsPath('weekday-date-conflict'),
  },
  check(doc) {
    const out: Report[] = [];
    const text = doc.text;
    if (!/day\b/.test(text)) return out;
    const pub = publicationDate(doc);
    for (const m of text.matchAll(WEEKDAY_DATE_RE)) {
      const written = `${m[1]}day`;
      const day = Number(m[2] ?? m[5]);
      const month = monthIndex(m[3] ?? m[4]);
      if (month < 0 || day < 1 || day > 31) continue;
      let year = m[6] ? Number(m[6]) : NaN;
      if (Number.isNaN(year)) {
        if (!pub) continue;
        // The year that puts the date closest to publication (a December article about January).
        const y0 = pub.getUTCFullYear();
        year = [y0 - 1, y0, y0 + 1].reduce((best, y) =>
          Math.abs(Date.UTC(y, month, day) - pub.getTime()) < Math.abs(Date.UTC(best, month, day) - pub.getTime()) ? y : best,
        y0);
      }
      const date = new Date(Date.UTC(year, month, day));
      if (date.getUTCMonth() !== month) continue; // 31 June: not a date, a typo of another kind
      const actual = WEEKDAYS[date.getUTCDay()];
      if (actual === written.toLowerCase()) continue;
      const dateText = m[0].slice(m[0].indexOf(written) + written.length).replace(/^[\s,(]+/, '');
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: `${dateText}${m[6] ? '' : ` (${year}, taking the publication year)`} was a ${cap(actual)}, not a ${written}.`,
        related: [{ start: m.index, end: m.index + written.length, message: `weekday written: ${written}` }],
      });
    }
    return out;
  },
};
