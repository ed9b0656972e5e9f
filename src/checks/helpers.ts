import type { Doc, LayerName, Layers } from '../model/doc.ts';
import type { Span } from '../model/types.ts';
import { scanQuotes } from '../attribution/quote-marks.ts';

// Shared, per-document lookups for the rules. Everything derived is cached on the Doc object (a
// WeakMap), so a rule that needs the quote-mark spans does not rescan the text another rule scanned.

/** A layer when an earlier stage assigned it; otherwise the fallback (rules must not require optional layers). */
export function layer<K extends LayerName>(doc: Doc, name: K, fallback: Layers[K]): Layers[K] {
  return doc.has(name) ? doc.get(name) : fallback;
}

const cache = new WeakMap<Doc, Map<string, unknown>>();
export function memo<T>(doc: Doc, key: string, make: () => T): T {
  let m = cache.get(doc);
  if (!m) cache.set(doc, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

export { tokenAt } from '../model/offsets.ts';

/** Index of the span containing `offset` in sorted, disjoint spans, or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Quoted stretches (marks included), from the quote-mark scanner; sorted and disjoint. */
export function quotedSpans(doc: Doc): Span[] {
  return memo(doc, 'quotedSpans', () => {
    const paragraphs = layer(doc, 'paragraphs', []);
    return scanQuotes(doc.text, paragraphs).map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
  });
}

export function insideQuotes(doc: Doc, offset: number): boolean {
  return spanIndexAt(quotedSpans(doc), offset) >= 0;
}

/** Paragraph index of an offset (-1 when between paragraphs). */
export function paragraphAt(doc: Doc, offset: number): number {
  return spanIndexAt(layer(doc, 'paragraphs', []), offset);
}

export { isEnglishWord, WINK_LEXICON_SIZE } from '../nlp/lexicon.ts';

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Short display of a span of the text, for messages. */
export function snippet(text: string, start: number, end: number, max = 60): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
