// Text that claims The Trust Project's conformance or membership ("Conforms to The Trust Project
// criteria", "a Trust Project member"), recorded with its span so checks can hold it against the
// indicators actually found.
import type { TextSpan } from '../model/types.ts';

const CLAIM = /\b(?:(?:conforms?|conforming|complies|complying|compliant|in line|in accordance)\s+(?:with|to)\s+(?:the\s+)?trust\s+project(?:['’]s)?(?:\s+(?:criteria|standards?|indicators|guidelines|principles))?|(?:is\s+)?(?:a\s+)?(?:member|partner|participant|signatory)\s+(?:of|in)\s+(?:the\s+)?trust\s+project|(?:an?\s+)?trust\s+project\s+(?:member|partner|participant|signatory|certified|compliant|verified)(?:\s+(?:site|publisher|outlet|organi[sz]ation|newsroom))?|(?:meets|follows|adheres\s+to|applies|displays|uses)\s+(?:the\s+)?trust\s+(?:project|indicators)(?:['’]s)?(?:\s+(?:criteria|standards?|indicators|guidelines))?)/gi;

export function findClaims(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  // Cheap pre-check: the phrase needs "trust".
  if (!/trust/i.test(text)) return out;
  CLAIM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAIM.exec(text))) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length) });
  }
  return out;
}
