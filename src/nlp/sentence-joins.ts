// wink-nlp ends a sentence after an abbreviation that closes a parenthesis or a name
// ("Sen. Claire McCaskill (D-Mo.) | said the bill …", "the U.S. | officials said"). English
// sentences do not start with a lower-case word, so such a split is undone; the split before
// a capitalised word is kept, since there the abbreviation may really end the sentence.
// The same for a sentence that is only a title abbreviation ("Sens. | Ted Cruz and …"). The other
// way round, wink never ends a sentence after a clock time written with its full stop ("by 8pm.
// Police said", "at 10 p.m. The polls") or after a lower-case "no." ("voted no. Reps. …"): such a
// sentence is split before the capital, unless a day, month or time zone goes on ("at 8 p.m.
// Tuesday", "10 a.m. Eastern"). And the second apostrophe of a closing `''` mark, which wink puts
// in the next sentence, goes back to the one it closes.

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

// "Sens. | Ted Cruz and …": a sentence that is only a title before a name ends nothing
const NAME_TITLES = new Set(['sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'maj',
  'cmdr', 'dr', 'drs', 'mr', 'mrs', 'ms', 'messrs', 'prof', 'rev', 'hon', 'rt', 'st', 'pres', 'supt', 'insp', 'det']);

function isTitleOnly(values: readonly string[], start: number, end: number): boolean {
  const words = end - start + 1 - (values[end] === '.' ? 1 : 0);
  if (words !== 1) return false;
  const w = values[start].toLowerCase().replace(/\.$/, '');
  return NAME_TITLES.has(w) && (values[end] === '.' || values[start].endsWith('.'));
}

function startsLowerCase(v: string): boolean {
  const c = v.charCodeAt(0);
  return c >= 97 && c <= 122;
}

// A clock time with its full stop, or lower-case "no." ("voted no. Reps. …"; "No. 10" is capitalised)
const CLOCK_STOP = /^(?:(?:\d{1,2}(?:[.:]\d{2})?)?(?:am|pm|a\.m|p\.m)\.|no\.)$/i;
const GOES_ON = new Set(`monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december eastern central pacific mountain gmt utc bst cet et pt ct est edt pst pdt
  local`.split(/\s+/).filter(Boolean));

function startsUpperCase(v: string): boolean {
  const c = v.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** `spans` with each sentence split after a clock time ending in a full stop and before a capital. */
function splitAfterClockTimes(values: readonly string[], spans: [number, number][]): [number, number][] {
  let out: [number, number][] | null = null;
  for (let k = 0; k < spans.length; k++) {
    let [a, b] = spans[k];
    for (let i = a; i < b; i++) {
      if (!CLOCK_STOP.test(values[i]) || values[i] === 'No.' || !startsUpperCase(values[i + 1]) || GOES_ON.has(values[i + 1].toLowerCase())) continue;
      out ??= spans.slice(0, k).map(([x, y]) => [x, y] as [number, number]);
      out.push([a, i]);
      a = i + 1;
    }
    if (out) out.push([a, b]);
  }
  return out ?? spans;
}

/**
 * `… ''promotional value.'' It is …`: wink ends the sentence between the two apostrophes of a
 * closing double-apostrophe mark (the New York Times' style). The second one goes back to the
 * sentence it closes; a sentence left empty disappears.
 */
function closingApostrophes(values: readonly string[], spans: [number, number][]): [number, number][] {
  let out: [number, number][] | null = null;
  for (let k = 1; k < spans.length; k++) {
    const [a, b] = spans[k];
    const prev = spans[k - 1];
    if (values[a] !== "'" || values[prev[1]] !== "'" || prev[1] - 1 < prev[0] || values[prev[1] - 1] === "'") continue;
    out ??= spans.map(([x, y]) => [x, y] as [number, number]);
    out[k - 1][1] = a;
    out[k][0] = a + 1;
  }
  return out ? out.filter(([x, y]) => x <= y) : spans;
}

/**
 * wink's sentence spans ([first, last] token indices, inclusive) with the corrections above: run-on
 * sentences split, closing apostrophes moved back, wrongly split ones joined. Returns the input array
 * when nothing changes.
 */
export function joinSplitSentences(values: readonly string[], winkSpans: [number, number][]): [number, number][] {
  const spans = closingApostrophes(values, splitAfterClockTimes(values, winkSpans));
  let out: [number, number][] | null = null;
  for (let k = 1; k < spans.length; k++) {
    const [a, b] = spans[k];
    const prev = out ? out[out.length - 1] : spans[k - 1];
    if ((startsLowerCase(values[a]) && endsInAbbreviation(values, prev[0], prev[1])) || isTitleOnly(values, prev[0], prev[1])) {
      out ??= spans.slice(0, k).map(([x, y]) => [x, y] as [number, number]);
      out[out.length - 1][1] = b;
    } else if (out) {
      out.push([a, b]);
    }
  }
  return out ?? spans;
}
