// wink-nlp ends a sentence after an abbreviation that closes a parenthesis or a name
// ("Sen. Claire McCaskill (D-Mo.) | said the bill …", "the U.S. | officials said"). English
// sentences do not start with a lower-case word, so such a split is undone; the split before
// a capitalised word is kept, since there the abbreviation may really end the sentence.

function isAbbreviation(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  const body = v.endsWith('.') ? v.slice(0, -1) : v;
  return body.length > 0 && body.length <= 5 && /^[A-Za-z.]+$/.test(body);
}

/** Whether the sentence ending at token `end` (inclusive) ends with an abbreviation. */
function endsInAbbreviation(values: readonly string[], start: number, end: number): boolean {
  let i = end;
  if (values[i] === ')' && i > start) i--;
  if (values[i] === '.' && i > start) return isAbbreviation(values[i - 1]);
  return values[i].endsWith('.') && values[i].length > 1 && isAbbreviation(values[i]);
}

function startsLowerCase(v: string): boolean {
  const c = v.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/**
 * wink's sentence spans ([first, last] token indices, inclusive) with wrongly split ones joined.
 * Returns the input array when nothing is joined.
 */
export function joinSplitSentences(values: readonly string[], spans: [number, number][]): [number, number][] {
  let out: [number, number][] | null = null;
  for (let k = 1; k < spans.length; k++) {
    const [a, b] = spans[k];
    const prev = out ? out[out.length - 1] : spans[k - 1];
    if (startsLowerCase(values[a]) && endsInAbbreviation(values, prev[0], prev[1])) {
      out ??= spans.slice(0, k).map(([x, y]) => [x, y] as [number, number]);
      out[out.length - 1][1] = b;
    } else if (out) {
      out.push([a, b]);
    }
  }
  return out ?? spans;
}
