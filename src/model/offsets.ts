import type { Token } from './types.ts';

/** Index of the first token ending after `offset` (tokens.length when none); tokens are sorted. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span starting at or after `offset` (spans.length when none); spans are sorted. */
export function firstStartingFrom(spans: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span starting at or before `offset` (0 when none); spans are sorted. */
export function lastStartingAtOrBefore(spans: readonly { start: number }[], offset: number): number {
  return Math.max(0, firstStartingFrom(spans, offset + 1) - 1);
}
