import type { Token } from '../model/types.ts';
import { parseDigits, parseOrdinal } from './numbers.ts';

// Date and time values read from the tokens of one candidate span (usually one of wink's
// DATE/TIME spans). Values are ISO 8601 where the text fixes them, partial where it does not:
// "2021-06-03", "2021-06", "2021", "--06-03" (day without year), "--06" (month alone).
// Relative dates ("last week", "three years ago") have no value.

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['jan.', 1], ['feb', 2], ['feb.', 2], ['mar.', 3], ['apr', 4], ['apr.', 4], ['jun.', 6],
  ['jul.', 7], ['aug', 8], ['aug.', 8], ['sep.', 9], ['sept', 9], ['sept.', 9], ['oct', 10], ['oct.', 10],
  ['nov', 11], ['nov.', 11], ['dec', 12], ['dec.', 12],
]);

const WEEKDAYS: ReadonlyMap<string, string> = new Map([
  ['monday', 'Monday'], ['tuesday', 'Tuesday'], ['wednesday', 'Wednesday'], ['thursday', 'Thursday'],
  ['friday', 'Friday'], ['saturday', 'Saturday'], ['sunday', 'Sunday'],
]);

/** Words that make a span a (relative) date even without a month, weekday or year. */
const RELATIVE = new Set([
  'today', 'yesterday', 'tomorrow', 'tonight', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'ago', 'weekend', 'decade', 'century', 'fortnight', 'day', 'days', 'spring', 'summer', 'autumn',
  'fall', 'winter', 'quarter', 'earlier', 'later', 'last', 'next', 'past',
]);

/** Leading words of wink's spans that belong to the sentence, not to the date ("since", "by"). */
export const DATE_LEAD = new Set([
  'on', 'in', 'since', 'by', 'until', 'till', 'from', 'before', 'after', 'during', 'at', 'of', 'through',
  'throughout', 'as', 'for', 'to',
]);

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECADE_RE = /^(?:\d{2})?\d0s$|^'\d0s$/;
const CLOCK_RE = /^(\d{1,2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i;

export function monthOf(lower: string): number | undefined {
  return MONTHS.get(lower);
}

export function weekdayOf(lower: string): string | undefined {
  return WEEKDAYS.get(lower);
}

export interface DateRead {
  /** ISO (possibly partial) date, the weekday name for a weekday alone, or null when relative. */
  value: string | null;
  weekday: string | null;
  /** True when a month or a year was read: the span fixes (part of) a calendar date. */
  calendar: boolean;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * Reads a date from tokens [a, b). Returns null when nothing in the span looks like a date
 * (wink sometimes tags a lone number), so the caller can read those tokens as figures instead.
 */
export function readDate(tokens: readonly Token[], a: number, b: number): DateRead | null {
  let month = 0;
  let day = 0;
  let year = 0;
  let weekday: string | null = null;
  let relative = false;
  let iso: string | null = null;
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    const lower = t.lower;
    const m = MONTHS.get(lower.startsWith('mid-') ? lower.slice(4) : lower);
    // "May" and "March" are also words; wink's DATE span is the evidence that they are months here.
    if (m !== undefined && month === 0) { month = m; continue; }
    const wd = WEEKDAYS.get(lower);
    if (wd !== undefined) { weekday = wd; continue; }
    if (t.type === 'number' || t.type === 'ordinal') {
      const isoM = ISO_RE.exec(t.text);
      if (isoM) { iso = t.text; continue; }
      const v = t.type === 'ordinal' ? parseOrdinal(lower) : parseDigits(t.text);
      if (v === null || !Number.isInteger(v)) continue;
      if (t.text.length === 4 && v >= 1000 && v <= 2999 && year === 0) year = v;
      else if (v >= 1 && v <= 31 && day === 0 && t.text.length <= 4) day = v;
      continue;
    }
    if (t.type === 'decade' || DECADE_RE.test(lower)) { relative = true; continue; }
    if (RELATIVE.has(lower)) relative = true;
  }
  if (iso !== null) return { value: iso, weekday, calendar: true };
  if (month > 0) {
    const mm = pad2(month);
    let value: string;
    if (year > 0) value = day > 0 ? `${year}-${mm}-${pad2(day)}` : `${year}-${mm}`;
    else value = day > 0 ? `--${mm}-${pad2(day)}` : `--${mm}`;
    return { value, weekday, calendar: true };
  }
  if (year > 0) return { value: String(year), weekday, calendar: true };
  if (weekday !== null) return { value: weekday, weekday, calendar: false };
  if (relative) return { value: null, weekday: null, calendar: false };
  return null;
}

/** "15:30" for "3:30 p.m.", "10:00" for "10am", "12:00" for "noon"; null when no clock time. */
export function readTime(tokens: readonly Token[], a: number, b: number): string | null {
  // Join the span's tokens without spaces: wink splits "3:30 p.m." and "9 pm" but not "10am".
  let s = '';
  for (let k = a; k < b; k++) {
    const lower = tokens[k].lower;
    if (lower === 'noon' || lower === 'midday') return '12:00';
    if (lower === 'midnight') return '00:00';
    if (tokens[k].type === 'number' || tokens[k].type === 'time' || s !== '') {
      if (lower === 'a.m.' || lower === 'am' || lower === 'p.m.' || lower === 'pm' || s === '') s += lower;
      else break;
    }
  }
  const m = CLOCK_RE.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  const ap = m[3]?.toLowerCase();
  // A bare "10" is not a time; a bare "11:45" is.
  if (!ap && !m[2]) return null;
  if (ap === 'p' && h < 12) h += 12;
  if (ap === 'a' && h === 12) h = 0;
  if (h > 23 || min > 59) return null;
  return `${pad2(h)}:${pad2(min)}`;
}
