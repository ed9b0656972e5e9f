import assert from 'node:assert/strict';
import type { TextSpan } from '../src/model/types.ts';

/** The span of the first occurrence of `s` in `text` at or after `from` (fails the test if absent). */
export function spanOf(text: string, s: string, from = 0): TextSpan {
  const start = text.indexOf(s, from);
  assert.ok(start >= 0, `"${s}" is not in the text`);
  return { start, end: start + s.length, text: s };
}
