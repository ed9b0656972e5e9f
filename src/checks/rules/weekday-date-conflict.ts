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
  // Weekdays in full, or abbreviated with a full stop or comma ("Thu. 4 March", "Sat, 7 March").
  String.raw`\b(?:(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day|(Sun|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)(?=[.,]))\.?\s*[,(]?\s*(?:(?:the\s+)?${DAY}\s+(?:of\s+)?${MONTH}|${MONTH}\s+${DAY}(?!\d))${YEAR}`,
  'g',
);

/** The date first, then its weekday: "17 June (Tuesday)", "on March 3, a Tuesday," (usual in translated text). */
const DATE_WEEKDAY_RE = new RegExp(
  String.raw`\b(?:${DAY}\s+(?:of\s+)?${MONTH}|${MONTH}\s+${DAY}(?!\d))${YEAR}\s*(?:\(\s*|,\s+(?:a\s+|which\s+was\s+a\s+)?)(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b(?!['’]|\s+[A-Z])\)?`,
  'g',
);
const ABBREVIATED: ReadonlyMap<string, string> = new Map([['Sun', 'Sunday'], ['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Tues', 'Tuesday'],
  ['Wed', 'Wednesday'], ['Thu', 'Thursday'], ['Thur', 'Thursday'], ['Thurs', 'Thursday'], ['Fri', 'Friday'], ['Sat', 'Saturday']]);
/** Without a written year, a date this close to publication is taken in the nearest year only. */
const NEAR_MS = 60 * 86400000;

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
    if (!/day\b|\b(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[.,]/.test(text)) return out;
    const pub = publicationDate(doc);
    const check = (written: string, day: number, month: number, yearText: string | undefined, start: number, end: number, weekdayAt: number, weekdayLen: number): void => {
      if (month < 0 || day < 1 || day > 31) return;
      let year = yearText ? Number(yearText) : NaN;
      if (Number.isNaN(year)) {
        if (!pub) return;
        // The year that puts the date closest to publication (a December article about January);
        // when even that is months away, either of the two nearest years may be meant ("the jury
        // will decide on Tuesday 3rd November" in a March article), and a weekday right for either passes.
        const y0 = pub.getUTCFullYear();
        const dist = (y: number): number => Math.abs(Date.UTC(y, month, day) - pub.getTime());
        const [best, second] = [y0 - 1, y0, y0 + 1].sort((a, b) => dist(a) - dist(b));
        if (dist(best) > NEAR_MS && WEEKDAYS[new Date(Date.UTC(second, month, day)).getUTCDay()] === written.toLowerCase()) return;
        year = best;
      }
      const date = new Date(Date.UTC(year, month, day));
      if (date.getUTCMonth() !== month) return; // 31 June: not a date, a typo of another kind
      const actual = WEEKDAYS[date.getUTCDay()];
      if (actual === written.toLowerCase()) return;
      const dateText = text.slice(weekdayAt === start ? start + weekdayLen : start, weekdayAt === start ? end : weekdayAt).replace(/^[\s,(.]+|[\s,()]+$/g, '').replace(/,\s*(?:a|which was a)$/, '');
      out.push({
        start,
        end,
        message: `${dateText}${yearText ? '' : ` (${year}, taking the publication year)`} was a ${cap(actual)}, not a ${written}.`,
        related: [{ start: weekdayAt, end: weekdayAt + weekdayLen, message: `weekday written: ${written}` }],
      });
    };
    for (const m of text.matchAll(WEEKDAY_DATE_RE)) {
      const abbr = m[2] ? ABBREVIATED.get(m[2]) : undefined;
      const written = m[1] ? `${m[1]}day` : abbr;
      if (!written) continue;
      // A full month name takes no full stop: "November." ends the sentence, not the date.
      const whole = m[0].endsWith('.') && !/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/.test(m[0]) ? m[0].slice(0, -1) : m[0];
      check(written, Number(m[3] ?? m[6]), monthIndex(m[4] ?? m[5]), m[7], m.index, m.index + whole.length, m.index, (m[1] ? written : m[2]).length);
    }
    for (const m of text.matchAll(DATE_WEEKDAY_RE)) {
      const written = `${m[6]}day`;
      check(written, Number(m[1] ?? m[4]), monthIndex(m[2] ?? m[3]), m[5], m.index, m.index + m[0].length, m.index + m[0].lastIndexOf(written), written.length);
    }
    return out;
  },
};
