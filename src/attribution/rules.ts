import { firstStartingFrom, lastStartingAtOrBefore } from '../model/offsets.ts';
import type { Attribution, Paragraph, TextSpan, Token } from '../model/types.ts';
import { leadLength } from '../nlp/dateline.ts';
import { WORK_LABEL } from '../model/work-labels.ts';
import { findChannel } from './channel.ts';
import { isCueWord, isNamingCue, takesListener } from './cues.ts';
import { scanQuotes, type QuotePair } from './quote-marks.ts';
import { npStartingAt, relativeAntecedent, speakerAfter, speakerBefore, type TokenRange } from './speaker-span.ts';

/**
 * Rule-based attribution: direct quotes from quote pairs, their cue, speaker mention and
 * channel; mixed quotes (a quoted phrase inside reported speech governed by a cue); and
 * high-precision indirect patterns ("X said that …", "according to X, …", "…, X said.").
 * Each record's `source` names the rule that made it ("rule:direct-after", …).
 */

const MAX_WINDOW = 30;
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today',
  'yesterday', 'tonight', 'recently', 'earlier', 'later', 'last', 'this', 'on', 'in']); // tokens an attribution clause may run on either side of a quote

type Ctx = 'start' | 'sent' | 'colon' | 'comma' | 'dash' | 'paren' | 'word';

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b);
}

/** What stands before a quote's opening mark in its paragraph. */
function contextBefore(text: string, pos: number, paraStart: number): Ctx {
  let j = pos - 1;
  while (j >= paraStart && isSpaceCode(text.charCodeAt(j))) j--;
  if (j < paraStart) return 'start';
  const c = text[j];
  if (c === '.' || c === '?' || c === '!' || c === '…') return 'sent';
  if (c === '”' || c === '"' || c === '’' || c === "'" || c === '»') {
    return /[.?!,…]/.test(text[j - 1] ?? '') ? 'sent' : 'word';
  }
  if (c === ':') return 'colon';
  if (c === ',' || c === ';') return 'comma';
  if (c === '—' || c === '–' || c === '-') return 'dash';
  if (c === '(' || c === '[') return 'paren';
  return 'word';
}

// wink tags "said" ADJ or PROPN now and then; the commonest cues pass on their form alone.
const SURE_CUES = new Set(['said', 'says', 'told', 'wrote', 'added', 'asked']);

function isCapitalisedWord(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90 && s.length > 1;
}

function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX' || SURE_CUES.has(t.lower);
}

function isNameToken(t: Token): boolean {
  return t.pos === 'PROPN' || /^[A-Z]/.test(t.text) && t.pos !== 'PRON' && t.pos !== 'DET';
}

function markLength(p: QuotePair): number {
  return p.style === 'doubled' ? 2 : 1;
}

/** First letter or digit of the quoted words, skipping ellipses and brackets. */
function firstContentChar(text: string, p: QuotePair): string {
  for (let i = p.start + markLength(p); i < p.end; i++) {
    const c = text[i];
    if (/[\p{L}\p{N}]/u.test(c)) return c;
  }
  return '';
}

function wordCount(text: string, a: number, b: number): number {
  let n = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    const w = !isSpaceCode(text.charCodeAt(i)) && text.charCodeAt(i) !== 10;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

// `— Hillary Clinton`, `- Sanders.`, `—Jane Roe, mayor of Springfield`: a name (and a short
// description) alone on a line after a dash.
const SIGNATURE = /^([—–-]{1,2})\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})(?:,\s*[^\n.]{1,60})?\.?$/u;

interface Found {
  cue: TextSpan | null;
  speaker: TextSpan | null;
  channel: TextSpan | null;
  source: string;
}

const CONTRASTS = new Set(['while', 'whereas', 'but']);

export interface RuleInput {
  text: string;
  paragraphs: readonly Paragraph[];
  tokens: readonly Token[];
}

export function findRuleAttributions({ text, paragraphs, tokens }: RuleInput): Attribution[] {
  const pairs = scanQuotes(text, paragraphs);
  const nTok = tokens.length;

  // Token lookups by character offset (binary search; tokens are in text order).
  const firstTokenFrom = (pos: number): number => firstStartingFrom(tokens, pos);
  const span = (r: TokenRange | null): TextSpan | null =>
    r ? { start: tokens[r.from].start, end: tokens[r.to].end, text: text.slice(tokens[r.from].start, tokens[r.to].end) } : null;
  const tokSpan = (i: number): TextSpan => ({ start: tokens[i].start, end: tokens[i].end, text: tokens[i].text });

  // Which token indices sit inside a quote pair, so clause scans skip quoted words.
  const inQuote = new Uint8Array(nTok);
  for (const p of pairs) {
    for (let i = firstTokenFrom(p.start); i < nTok && tokens[i].start < p.end; i++) inQuote[i] = 1;
  }
  // Paragraph of each token, in one merge pass (the sentence walk below asks for every token).
  const tokPara = new Int32Array(nTok);
  for (let i = 0, pi = 0; i < nTok; i++) {
    while (pi + 1 < paragraphs.length && paragraphs[pi + 1].start <= tokens[i].start) pi++;
    tokPara[i] = pi;
  }
  const paraOf = (pos: number): Paragraph => paragraphs[lastStartingAtOrBefore(paragraphs, pos)];
  // A full stop glued to a bracket or word ("(D-Mo.)", "U.S.") does not end the sentence.
  const isTerminal = (t: Token): boolean => {
    if (t.pos !== 'PUNCT' || (t.text !== '.' && t.text !== '?' && t.text !== '!')) return false;
    const next = text.charCodeAt(t.end);
    return !(next === 41 || next === 93 || next === 44 || next === 59 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122));
  };

  /** Clause after a quote: tokens from `pos` to the sentence end, next quote or paragraph end. */
  const clauseAfter = (pos: number, paraEnd: number): [number, number] => {
    const a = firstTokenFrom(pos);
    let b = a;
    while (b < nTok && b - a < MAX_WINDOW && tokens[b].start < paraEnd && !inQuote[b] && !isTerminal(tokens[b])) b++;
    return [a, b - 1];
  };
  /** Clause before a quote: tokens back to the previous sentence end, quote or paragraph start. */
  const clauseBefore = (pos: number, paraStart: number): [number, number] => {
    const b = firstTokenFrom(pos) - 1;
    let a = b;
    while (a >= 0 && b - a < MAX_WINDOW && tokens[a].start >= paraStart && !inQuote[a] && !isTerminal(tokens[a])) a--;
    return [a + 1, b];
  };

  /**
   * Subject of a participle cue ("He defended it, saying, “…”", "“…,” Trump said, adding, “…”"):
   * the speaker of an earlier cue in the sentence, else the sentence's first noun phrase.
   */
  const participleSubject = (cue: number): TokenRange | null => {
    let s = cue;
    while (s > 0 && cue - s < 60 && !(isTerminal(tokens[s - 1]) && !inQuote[s - 1]) && tokPara[s - 1] === tokPara[cue]) s--;
    for (let k = cue - 1; k >= s; k--) {
      const t = tokens[k];
      if (inQuote[k] || !isCueWord(t.lower) || !isVerbLike(t) || t.lower.endsWith('ing')) continue;
      const sp = speakerBefore(tokens, k, s) ?? speakerAfter(tokens, k, cue - 1);
      if (sp) return sp;
    }
    let f = s;
    while (f < cue && inQuote[f]) f++;
    // Past a leading adverbial ("At the forum, …", "Later, …").
    if (tokens[f] && (tokens[f].pos === 'ADP' || tokens[f].pos === 'ADV' || tokens[f].pos === 'SCONJ')) {
      let c = f;
      while (c < cue && c - f < 10 && tokens[c].text !== ',') c++;
      if (c < cue && tokens[c].text === ',') f = c + 1;
    }
    const np = f < cue ? npStartingAt(tokens, f, cue - 1) : null;
    return np && (tokens[np.to].pos !== 'NOUN' || np.to - np.from < 5) ? np : null;
  };

  /** Cue, speaker and channel of the cue at token `cue`, reading the clause tokens [a, b]. */
  const describe = (cue: number, a: number, b: number, source: string): Found | null => {
    const participle = tokens[cue].lower.endsWith('ing');
    // The subject before the cue first: "he told Reuters" is "he", not "Reuters".
    let sp = participle ? participleSubject(cue) : speakerBefore(tokens, cue, a);
    if (sp && tokens[sp.to].lower === 'who') sp = relativeAntecedent(tokens, sp.to, Math.max(0, a - MAX_WINDOW)) ?? sp;
    // Else the inverted subject: "said Smith", "said the company".
    if (!sp) sp = speakerAfter(tokens, cue, b);
    const windowStart = a <= b ? tokens[a].start : tokens[cue].start;
    const windowEnd = a <= b ? tokens[b].end : tokens[cue].end;
    return { cue: tokSpan(cue), speaker: span(sp), channel: findChannel(text, windowStart, windowEnd), source };
  };

  /** A verb in tokens [from, to]: a clause of its own ("Carver said her neighbours had helped"). */
  const hasVerb = (from: number, to: number): boolean => {
    for (let k = from; k <= to; k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return true;
    return false;
  };

  /** `“…,” he said` / `“…” — said Smith`: the cue must come within a few tokens of the mark. */
  const attributionAfter = (p: QuotePair, para: Paragraph): Found | null => {
    // A multi-paragraph quote's attribution follows its last paragraph.
    const endPara = p.lastParagraph !== p.paragraph ? paraOf(p.end - 1) : para;
    let [a, b] = clauseAfter(p.end, endPara.end);
    while (a <= b && tokens[a].pos === 'PUNCT' && /^[,—–-]+$/.test(tokens[a].text)) a++;
    if (a > b) return null;
    const lastInner = text[(p.close < 0 ? p.end : p.close) - 1];
    // Only a full stop inside the marks ends the sentence; anything else runs on into the cue.
    const continues = lastInner !== '.' || text[p.end] === ',' || /^\s*[—–-]/.test(text.slice(p.end, p.end + 3)) ||
      /^[a-z]/.test(tokens[a].text);
    // "“…” — CalMac spokesperson." (quote cards, live blogs): a dash and a bare noun phrase that
    // ends the sentence; the dash is the cue.
    if (a > 0 && /^[—–]$/.test(tokens[a - 1].text) && tokens[a - 1].start >= p.end && !hasVerb(a, b)) {
      const np = npStartingAt(tokens, a, b);
      if (np && (np.to === b || tokens[np.to + 1].text === ',')) {
        return { cue: tokSpan(a - 1), speaker: span(np), channel: findChannel(text, tokens[a].start, tokens[b].end), source: 'rule:direct-dash' };
      }
    }
    // After a full stop, a capitalised clause is a new sentence unless it is a short "Smith said."
    const reach = continues ? MAX_WINDOW : 4;
    for (let i = a; i <= b && i - a < reach; i++) {
      const t = tokens[i];
      if (t.lower === 'according' && i === a && tokens[i + 1]?.lower === 'to') {
        const np = npStartingAt(tokens, i + 2, b);
        if (!np) return null;
        return {
          cue: { start: t.start, end: tokens[i + 1].end, text: text.slice(t.start, tokens[i + 1].end) },
          speaker: span(np), channel: findChannel(text, t.start, tokens[b].end), source: 'rule:direct-according-to',
        };
      }
      if (!isCueWord(t.lower, true) || !isVerbLike(t)) continue;
      if (i > a && tokens[i - 1].pos === 'DET') continue;
      // `"…," Read said`: a capitalised word before a speech verb is the speaker's name
      if (isCapitalisedWord(t.text) && i + 1 <= b && isCueWord(tokens[i + 1].lower)) continue;
      // A new sentence whose cue carries content of its own ("Smith added that …") is another
      // attribution, not this quote's: the quote floats and takes the previous speaker.
      if (!continues && (tokens[i + 1]?.lower === 'that' || b - i > 10 || hasVerb(i + 1, b))) return null;
      const f = describe(i, a, b, 'rule:direct-after');
      if (!f) continue;
      // The speaker must open the clause ("he said", "Smith, a doctor, said") or follow the cue.
      if (i === a || (f.speaker && f.speaker.start <= tokens[Math.min(a + 1, b)].start) || (f.speaker && f.speaker.start > t.start)) return f;
    }
    return null;
  };

  /** `He said: “…”`, `Bondarev has slammed the door: “…”`, `He added, “…”`. */
  const attributionBefore = (p: QuotePair, para: Paragraph, ctx: Ctx): Found | null => {
    const [a, b0] = clauseBefore(p.start, para.start);
    let b = b0;
    if (b < a) return null;
    const mark = tokens[b];
    if (mark.text === ':' || mark.text === ',' || mark.text === '—' || mark.text === '–') b--;
    let cue = -1;
    for (let i = b; i >= a && b - i < (ctx === 'comma' ? 5 : MAX_WINDOW); i--) {
      const t = tokens[i];
      if (isCueWord(t.lower) && isVerbLike(t) && !(i > a && tokens[i - 1].pos === 'DET')) { cue = i; break; }
      if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') { cue = i; break; }
    }
    if (cue >= 0) {
      if (tokens[cue].lower === 'according') {
        const np = npStartingAt(tokens, cue + 2, b);
        return {
          cue: { start: tokens[cue].start, end: tokens[cue + 1].end, text: text.slice(tokens[cue].start, tokens[cue + 1].end) },
          speaker: span(np), channel: findChannel(text, tokens[a].start, tokens[b].end), source: 'rule:direct-according-to',
        };
      }
      const f = describe(cue, a, b, ctx === 'colon' ? 'rule:direct-colon' : 'rule:direct-before');
      // "has slammed the door:" — a verb with an object of its own is not the quote's cue; only
      // a listener, channel or adverb may stand between the cue and the colon.
      if (ctx !== 'colon' || !f || cueReachesMark(cue, b, f.channel)) return f;
      return { ...f, cue: tokSpan(b + 1) };
    }
    if (ctx !== 'colon') return null;
    // A colon with no speech verb: the colon is the cue and the clause's subject the speaker,
    // unless the clause is a label ("Opinion: …", "Analysis: …").
    if (WORK_LABEL.test(text.slice(tokens[a].start, tokens[b].end))) return null;
    const np = npStartingAt(tokens, a, b);
    return {
      cue: tokSpan(b + 1), speaker: span(np), channel: findChannel(text, tokens[a].start, tokens[b].end),
      source: 'rule:direct-colon',
    };
  };

  /**
   * A quote filling its paragraph, signed on the next line: `“…”` then `— Hillary Clinton` (pull
   * quotes, debate round-ups, epigraphs). The dash is the cue and the name the speaker.
   */
  function signatureBelow(p: QuotePair, para: Paragraph): Found | null {
    const next = paragraphs[para.index + 1];
    if (!next || p.close < 0 || text.slice(p.end, para.end).trim() !== '') return null;
    const m = SIGNATURE.exec(text.slice(next.start, next.end));
    if (!m) return null;
    const dash = { start: next.start, end: next.start + m[1].length, text: m[1] };
    // the sentence's full stop is not part of the name, an abbreviation's is ("Jr.")
    const name = /\p{L}{4,}\.$/u.test(m[2]) ? m[2].slice(0, -1) : m[2];
    const at = next.start + m[0].indexOf(m[2]);
    return { cue: dash, speaker: { start: at, end: at + name.length, text: name }, channel: null, source: 'rule:direct-signature' };
  }

  function cueReachesMark(cue: number, b: number, channel: TextSpan | null): boolean {
    if (cue >= b) return true;
    if (channel && channel.end >= tokens[b].end) return true;
    // No object of its own: "spoke fondly of X:", "said on Twitter:", "added later:".
    const n = tokens[cue + 1].pos;
    if (n === 'ADV' || n === 'ADP' || n === 'PART' || n === 'CCONJ') return true;
    // "told reporters:", "told the crowd:", "wrote to colleagues:"
    if (b - cue <= 4) {
      for (let k = cue + 1; k <= b; k++) if (tokens[k].pos === 'VERB') return false;
      return takesListener(tokens[cue].lower) || tokens[cue + 1].lower === 'to';
    }
    return false;
  }

  interface Cand {
    pair: QuotePair;
    para: Paragraph;
    found: Found | null;
    attribution: string;
    fragmentOf: Cand | null;
    short: boolean;
  }
  const direct: Cand[] = [];
  const embedded: { pair: QuotePair; para: Paragraph }[] = [];

  findDirectCandidates();
  /** Which quote pairs are direct quotes, and their cue and speaker. */
  function findDirectCandidates(): void {
    for (const p of pairs) {
      let para = paraOf(p.start);
      let ctx = contextBefore(text, p.start, para.start);
      // "Caddell continued:" closing the paragraph before: a colon lead-in across the break.
      if (ctx === 'start' && para.index > 0 && text[paragraphs[para.index - 1].end - 1] === ':') {
        ctx = 'colon';
        para = paragraphs[para.index - 1];
      }
      const first = firstContentChar(text, p);
      const cap = first !== '' && first === first.toUpperCase();
      const words = wordCount(text, p.start, p.end);
      const inner = text[(p.close < 0 ? p.end : p.close) - 1];
      const punctEnd = p.close >= 0 && /[.,?!…]/.test(inner);
      const sentenceLike = (ctx === 'start' || ctx === 'sent' || ctx === 'colon' || ctx === 'dash' || ctx === 'paren' || ctx === 'comma') &&
        (cap || ctx === 'colon' || ctx === 'comma' && punctEnd) && (punctEnd || words >= 4 || p.close < 0);
      if (!sentenceLike) {
        embedded.push({ pair: p, para });
        continue;
      }
      // A one-to-three-word quote standing alone needs a cue to count (titles, slogans, labels).
      let found: Found | null = null;
      if (ctx === 'colon' || ctx === 'comma') found = attributionBefore(p, para, ctx);
      if (!found || !found.speaker) found = attributionAfter(p, para) ?? found;
      else if (found.cue?.text === ':') {
        // `His new ad runs on TV: “…,” the senator says.`: a speech verb after the quote beats a
        // colon that has none
        const after = attributionAfter(p, para);
        if (after?.speaker && after.cue?.text !== ':') found = after;
      }
      if (!found && ctx !== 'comma') found = attributionBefore(p, para, ctx === 'dash' ? 'dash' : 'sent');
      if (!found && ctx === 'start') found = signatureBelow(p, para);
      if (!found && ctx === 'comma') {
        embedded.push({ pair: p, para });
        continue;
      }
      // A one-to-three-word quote with no cue of its own (a title, slogan or label) counts only
      // as a fragment of a neighbouring quote ("“Here he is,” she said. “Come in.”").
      direct.push({ pair: p, para, found, attribution: '', fragmentOf: null, short: !found && words <= 3 && ctx !== 'start' });
    }
  }

  // Floating quotes: share the attribution of an attributed neighbour in the same paragraph
  resolveFloating();
  function resolveFloating(): void {
    // (`“A,” he said. “B.”`, `“A.” “B,” he said.`), else take the previous sentence's subject.
    for (let k = 0; k < direct.length; k++) {
      const c = direct[k];
      if (c.found) continue;
      const prev = direct[k - 1];
      const next = direct[k + 1];
      if (prev && prev.found && prev.para === c.para) {
        c.fragmentOf = prev.fragmentOf ?? prev;
        continue;
      }
      if (next && next.found && next.para === c.para && /^\s*$/.test(text.slice(c.pair.end, next.pair.start))) {
        c.fragmentOf = next;
        continue;
      }
      if (c.short) continue;
      const opensPara = c.pair.start === c.para.start;
      if (prev && prev.found?.speaker && opensPara && prev.para.index === c.para.index - 1) {
        c.found = { cue: null, speaker: prev.found.speaker, channel: null, source: 'rule:floating-prev-quote' };
        continue;
      }
      // The subject of the sentence before the quote (same paragraph, else the previous one),
      // only for a quote that is a whole sentence: `“A,” X …` is an attribution we failed to read.
      if (c.pair.close >= 0 && !/[.?!…]/.test(text[c.pair.close - 1])) continue;
      let end = firstTokenFrom(c.pair.start) - 1;
      while (end >= 0 && tokens[end].pos === 'PUNCT' && !inQuote[end] && c.pair.start - tokens[end].end < 4) end--;
      if (end < 0 || inQuote[end] || paraOf(tokens[end].start).index < c.para.index - 1) continue;
      let st = end;
      while (st > 0 && end - st < MAX_WINDOW && !isTerminal(tokens[st - 1]) && !inQuote[st - 1] &&
        tokens[st - 1].start >= paraOf(tokens[end].start).start) st--;
      // A sentence with an attribution of its own ("…, says Paul Rieckhoff, founder of X.") lends
      // its speaker; otherwise its subject does.
      let np: TokenRange | null = null;
      for (let k = end; k >= st && !np; k--) {
        if (!isCueWord(tokens[k].lower) || !isVerbLike(tokens[k])) continue;
        const f = describe(k, st, end, 'rule:floating-prev-sentence');
        if (f?.speaker) np = { from: firstTokenFrom(f.speaker.start), to: firstTokenFrom(f.speaker.end) - 1 };
      }
      np ??= npStartingAt(tokens, st, end);
      if (np && (isNameToken(tokens[np.to]) || tokens[np.from].pos === 'PRON' || tokens[np.from].pos === 'DET')) {
        c.found = { cue: null, speaker: span(np), channel: null, source: 'rule:floating-prev-sentence' };
      }
    }
  }

  const out: Attribution[] = [];
  let nextId = 1;
  emitDirect();
  /** Direct quotes, with the attribution ids shared by fragments. */
  function emitDirect(): void {
    for (const c of direct) {
      if (c.short && !c.fragmentOf) continue;
      const root = c.fragmentOf ? (c.fragmentOf.fragmentOf ?? c.fragmentOf) : c;
      if (!root.attribution) root.attribution = `R${nextId++}`;
      c.attribution = root.attribution;
      const f = c.fragmentOf ? root.found : c.found;
      out.push({
        id: '',
        start: c.pair.start,
        end: c.pair.end,
        text: text.slice(c.pair.start, c.pair.end),
        kind: 'direct',
        cue: f?.cue ?? null,
        speaker: f?.speaker ?? null,
        channel: f?.channel ?? null,
        source: c.fragmentOf ? 'rule:floating-fragment' : (f?.source ?? 'rule:direct-unattributed'),
        attribution: c.attribution,
      });
    }
  }

  // Mixed quotes: a quoted phrase inside a clause governed by a cue in the same sentence.
  let lastMixedEnd = -1;
  findMixed();
  /** Mixed quotes, in text order. */
  function findMixed(): void {
    for (const { pair: p, para } of embedded) {
      if (p.start < lastMixedEnd) continue;
      const [a, b] = clauseBeforeSentence(p.start, para.start);
      // "it was, in the words of one resident, “a miracle”": the quoted words are the source's
      const words = inTheWordsOf(a, b);
      if (words) {
        out.push(makeSpan(text, p.start, p.end, words, `R${nextId++}`));
        lastMixedEnd = p.end;
        continue;
      }
      let cue = -1;
      for (let i = b; i >= a; i--) {
        const t = tokens[i];
        if (inQuote[i]) continue;
        if ((isCueWord(t.lower) || isNamingCue(t.lower)) && (t.pos === 'VERB' || t.pos === 'AUX' || t.lower === 'said') &&
          !(i > a && tokens[i - 1].pos === 'DET')) { cue = i; break; }
      }
      const sentEnd = sentenceEnd(p.end, para.end);
      if (cue >= 0) {
        let from = cue + 1;
        // "told Reuters that …", "said in a statement Monday that …": the listener, channel and
        // time between the cue and a complementiser are not content.
        for (let j = from; j <= b && j - from < 12 && !inQuote[j]; j++) {
          if (tokens[j].lower === 'that' && tokens[j].pos !== 'DET' || tokens[j].lower === 'that' && j === from) { from = j; break; }
          if (tokens[j].pos === 'VERB' && !/^[A-Z]/.test(tokens[j].text) || tokens[j].pos === 'PUNCT' && tokens[j].text !== ',') break;
        }
        if (takesListener(tokens[cue].lower) && tokens[from].lower !== 'that') {
          let j = from;
          while (j <= b && j - from < 6 && !inQuote[j]) j++;
          if (j <= b && inQuote[j]) from = j;
        }
        while (from < nTok && tokens[from].pos === 'PUNCT' && !inQuote[from]) from++;
        if (from >= nTok) continue;
        // "said on CNN’s “State of the Union”", "said Alden, author of “…”": a channel or an
        // inverted speaker follows the cue, not reported words.
        if (!inQuote[from] && (tokens[from].pos === 'ADP' || isNameAppositive(from))) continue;
        const start = tokens[from].start;
        const f = describe(cue, a, b, 'rule:mixed');
        if (!f) continue;
        f.channel = findChannel(text, tokens[a].start, start);
        // `said “…”`: a speech verb right before the mark reports exactly the quoted words.
        const end = start === p.start && !isNamingCue(tokens[cue].lower) && sentEnd - p.end < 3 ? p.end : contrastEnd(p.end, sentEnd);
        out.push(makeSpan(text, start, end, f, `R${nextId++}`));
        lastMixedEnd = end;
        continue;
      }
      // "… a “change agent,” said Cole." — the cue after the quote governs the sentence so far.
      if (text[p.close - 1] === ',' || text[p.end] === ',') {
        const f = attributionAfter(p, para);
        const first = tokens[a <= b ? a : firstTokenFrom(p.start)];
        // "Appearing on NBC's “Meet the Press,” the senator said the bill was dead": a cue with a
        // clause of its own reports that clause, not the words before the title
        // (an inverted speaker may carry a relative clause: "said one executive who asked …")
        const [c0, c1] = f?.cue && f.speaker && f.speaker.start < f.cue.start ? clauseAfter(f.cue.end, para.end) : [0, -1];
        if (f && f.speaker && first.pos !== 'ADP' && !hasVerb(c0, c1)) {
          const sStart = tokens[a <= b ? a : firstTokenFrom(p.start)].start;
          f.source = 'rule:mixed';
          out.push(makeSpan(text, sStart, p.end, f, `R${nextId++}`));
          lastMixedEnd = p.end;
        }
      }
    }
  }

  /**
   * `… the cuts were “overdue”, while a union said it would fight them`: a contrasting clause with
   * a speech verb of its own is another attribution, so the content stops at its comma.
   */
  function contrastEnd(from: number, end: number): number {
    for (let i = firstTokenFrom(from); i + 2 < nTok && tokens[i].end <= end; i++) {
      if (inQuote[i] || tokens[i].text !== ',' || !CONTRASTS.has(tokens[i + 1].lower)) continue;
      for (let k = i + 2; k < nTok && tokens[k].end <= end; k++) {
        if (!inQuote[k] && isCueWord(tokens[k].lower) && isVerbLike(tokens[k])) return tokens[i].start;
      }
      return end;
    }
    return end;
  }

  /** `in the words of X,` closing the clause [a, b] right before a quote: its cue and speaker. */
  function inTheWordsOf(a: number, b: number): Found | null {
    if (b >= a && tokens[b].text === ',') b--;
    for (let i = b - 4; i >= a && i >= b - 10; i--) {
      if (tokens[i].lower !== 'in' || tokens[i + 1].lower !== 'the' || tokens[i + 2].lower !== 'words' || tokens[i + 3].lower !== 'of') continue;
      const np = npStartingAt(tokens, i + 4, b);
      if (!np || np.to !== b) return null;
      return {
        cue: { start: tokens[i].start, end: tokens[i + 3].end, text: text.slice(tokens[i].start, tokens[i + 3].end) },
        speaker: span(np), channel: null, source: 'rule:direct-in-the-words-of',
      };
    }
    return null;
  }

  /** "Alden, author of …": a name followed by a comma. */
  function isNameAppositive(i: number): boolean {
    const np = npStartingAt(tokens, i, Math.min(nTok - 1, i + 6));
    return !!np && tokens[np.to].pos === 'PROPN' && tokens[np.to + 1]?.text === ',';
  }
  /** Token range of the sentence before `pos` (outside quotes), back to a terminal or paragraph start. */
  function clauseBeforeSentence(pos: number, paraStart: number): [number, number] {
    const b = firstTokenFrom(pos) - 1;
    let a = b;
    while (a >= 0 && b - a < 60 && tokens[a].start >= paraStart && !(isTerminal(tokens[a]) && !inQuote[a]) &&
      !(a < b && inQuote[a] && closesSentence(tokens[a].end, text.length))) a--;
    return [a + 1, b];
  }
  /** End of the sentence that contains `pos`: before its full stop, or after a closing mark that holds it. */
  function sentenceEnd(pos: number, paraEnd: number): number {
    let i = firstTokenFrom(pos);
    let end = pos;
    if (closesSentence(pos, paraEnd)) return pos;
    for (let n = 0; i < nTok && tokens[i].start < paraEnd && n < 80; i++, n++) {
      if (isTerminal(tokens[i]) && !inQuote[i]) break;
      end = tokens[i].end;
      // `… "like candy." Next sentence`: a full stop inside a closing mark ends the sentence.
      if (inQuote[i] && closesSentence(end, paraEnd)) break;
    }
    return end;
  }
  /** True when `pos` follows a closing mark with `.`, `?` or `!` inside it and a new sentence or the paragraph end follows. */
  function closesSentence(pos: number, paraEnd: number): boolean {
    const mark = text[pos - 1];
    if (mark !== '”' && mark !== '"' && mark !== "'" && mark !== '’' && mark !== '»') return false;
    if (!/[.?!]/.test(text[pos - 2] ?? '')) return false;
    let j = pos;
    while (j < paraEnd && isSpaceCode(text.charCodeAt(j))) j++;
    return j >= paraEnd || /[A-Z“"‘(]/.test(text[j]);
  }

  // Indirect speech, three high-precision shapes, in sentences no quote rule has claimed:
  // "X said (that) …", "according to X, …" / "…, according to X.", and "…, X said."
  // Tokens already inside an attribution, so an indirect span never overlaps one (linear, not a
  // scan of every earlier record: a 5 MB text has 100,000 of them).
  const claimedTok = new Uint8Array(nTok);
  const claim = (start: number, end: number) => {
    for (let k = firstTokenFrom(start); k < nTok && tokens[k].start < end; k++) claimedTok[k] = 1;
  };
  for (const r of out) claim(r.start, r.end);
  const isClaimed = (start: number, end: number) => {
    for (let k = firstTokenFrom(start); k < nTok && tokens[k].start < end; k++) if (claimedTok[k]) return true;
    return false;
  };
  findIndirect();
  /** Indirect speech in every sentence, one after the other. */
  function findIndirect(): void {
    let sStart = 0;
    for (let i = 0; i <= nTok; i++) {
      const atEnd = i === nTok || (isTerminal(tokens[i]) && !inQuote[i]) ||
        (i > sStart && tokPara[i] !== tokPara[i - 1]);
      if (!atEnd) continue;
      const sEnd = i - 1; // last token before the full stop (or paragraph break)
      if (sEnd - sStart >= 3) indirectIn(sStart, sEnd);
      sStart = i === nTok || !isTerminal(tokens[i]) ? i : i + 1;
    }
  }

  function pushIndirect(from: number, to: number, f: Found): void {
    while (to > from && tokens[to].pos === 'PUNCT' && !inQuote[to]) to--;
    if (to - from < 2) return;
    const start = tokens[from].start;
    const end = tokens[to].end;
    if (isClaimed(start, end)) return;
    out.push(makeSpan(text, start, end, f, `R${nextId++}`));
    claim(start, end);
  }

  function indirectIn(a: number, b: number): void {
    // "LONDON, March 3 (Reuters) — …, the minister said", "14:05 — …, according to X": the
    // dateline or time stamp is not what was said
    if (a === 0 || tokPara[a] !== tokPara[a - 1]) {
      const from = tokens[a].start;
      const lead = leadLength(text.slice(from, paragraphs[tokPara[a]].end));
      if (lead) while (a <= b && tokens[a].start < from + lead) a++;
      if (b - a < 3) return;
    }
    for (let i = a; i <= b; i++) {
      const t = tokens[i];
      if (inQuote[i]) continue;
      // according to X, CLAUSE  |  CLAUSE, according to X
      if (t.lower === 'according' && tokens[i + 1]?.lower === 'to' && i + 2 <= b) {
        const np = npStartingAt(tokens, i + 2, b);
        if (!np) continue;
        const cue: TextSpan = { start: t.start, end: tokens[i + 1].end, text: text.slice(t.start, tokens[i + 1].end) };
        const f: Found = { cue, speaker: span(np), channel: null, source: 'rule:indirect-according-to' };
        if (i === a || (i === a + 1 && tokens[a].pos !== 'NOUN')) {
          let c = np.to + 1;
          while (c <= b && tokens[c].text !== ',' && c - np.to < 12) c++;
          if (c <= b && tokens[c].text === ',') pushIndirect(c + 1, b, f);
        } else if (tokens[i - 1].text === ',') {
          pushIndirect(a, i - 2, f);
        }
        return;
      }
      if (!isCueWord(t.lower) || !isVerbLike(t) || isNamingCue(t.lower) || (i > a && tokens[i - 1].pos === 'DET')) continue;
      // CLAUSE, X said.  (the cue clause closes the sentence: nothing after the cue but
      // adverbs, time words and prepositional phrases, never an object of its own)
      if (i >= a + 4 && b - i <= 8 && cueCloses(i, b)) {
        const sp = speakerBefore(tokens, i, a);
        const comma = sp ? sp.from - 1 : i - 1;
        if (sp && comma > a + 2 && tokens[comma].text === ',' && !containsCue(a, comma)) {
          pushIndirect(a, comma - 1, { ...describe(i, comma + 1, b, 'rule:indirect-after')!, speaker: span(sp) });
          return;
        }
        const after = tokens[i - 1]?.text === ',' ? speakerAfter(tokens, i, b) : null;
        if (after && !containsCue(a, i - 2)) {
          pushIndirect(a, i - 2, { ...describe(i, i, b, 'rule:indirect-after')!, speaker: span(after) });
          return;
        }
      }
      // X said (to Y / in a statement / on Monday) that CLAUSE.
      let j = i + 1;
      while (j <= b && j - i < 10 && tokens[j].lower !== 'that' && tokens[j].pos !== 'VERB' && !inQuote[j] &&
        !(tokens[j].pos === 'PUNCT' && tokens[j].text !== ',')) j++;
      if (j <= b && tokens[j].lower === 'that' && tokens[j].pos === 'SCONJ' && j < b - 1 && tokens[j + 1].pos !== 'PUNCT' && tokens[j + 1].pos !== 'VERB' && tokens[j + 1].pos !== 'AUX') {
        const f = describe(i, a, j - 1, 'rule:indirect-that');
        if (f && f.speaker) {
          pushIndirect(j, b, f);
          return;
        }
      }
    }
  }

  function cueCloses(i: number, b: number): boolean {
    if (i === b) return true;
    const n = tokens[i + 1];
    // "In a statement, Shah said: “…”": a colon opens what was said, it does not close it
    if (n.text === ':') return false;
    return n.pos === 'ADP' || n.pos === 'ADV' || n.pos === 'PUNCT' || TIME_WORDS.has(n.lower);
  }

  function containsCue(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) if (isCueWord(tokens[k].lower) && isVerbLike(tokens[k]) && !inQuote[k]) return true;
    return false;
  }

  out.sort((x, y) => x.start - y.start);
  out.forEach((r, i) => (r.id = `a${i + 1}`));
  return out;
}

function makeSpan(text: string, start: number, end: number, f: Found, attribution: string): Attribution {
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  const t = text.slice(start, end);
  // Direct when every letter is inside quote marks, else mixed (PolNeAR's derivation).
  const outside = t.replace(/[“"„«][^”"“»]*[”"“»]|''[^']*''/g, '');
  const quoted = outside.length < t.length;
  const kind = !quoted ? 'indirect' : /\p{L}/u.test(outside) ? 'mixed' : 'direct';
  return { id: '', start, end, text: t, kind, cue: f.cue, speaker: f.speaker, channel: f.channel, source: f.source, attribution };
}
