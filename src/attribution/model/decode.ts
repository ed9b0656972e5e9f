import type { Attribution, QuoteKind, Sentence, Token } from '../../model/types.ts';
import { npStartingAt, speakerAfter, speakerBefore, TIME_WORDS, type TokenRange } from '../speaker-span.ts';
import { leadLength } from '../../nlp/dateline.ts';
import { REPORTING_VERBS } from '../../nlp/reporting-verbs.ts';
import { takesListener } from '../cues.ts';
import { labelPos, labelType, POS_I, POS_L, POS_U } from './tagger.ts';

// Turns per-token BIO labels into Attribution records: content spans are linked to the nearest
// cue (same sentence first, then the neighbouring sentences, then the previous paragraph's last
// cue for quote paragraphs introduced by "... said:"), and each cue to its nearest source, else
// to its subject read from POS tags. A few repairs of the tagger's typical slips run first
// (a cue's subject tagged as content, the untagged head of an interrupted sentence, trailing
// punctuation); each was kept only if it helped on two held-out tenths of PolNeAR train. The
// sentence-initial `According to X,` frame is completed too (neutral there: it is rare in PolNeAR).

export type SpanType = 'content' | 'cue' | 'source';

export interface TokenSpan {
  type: SpanType;
  /** Token index range [a, b). */
  a: number;
  b: number;
  sentence: number;
  paragraph: number;
}

const TYPES: SpanType[] = ['content', 'cue', 'source'];

/** Spans from labels over the whole token layer (labels[i] for token i). */
export function spansFromLabels(labels: Uint8Array, tokens: readonly Token[], sentences: readonly Sentence[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let i = 0;
  const n = tokens.length;
  while (i < n) {
    const t = labelType(labels[i]);
    if (t < 0) { i++; continue; }
    // a span runs from its B (or U) through I's to its L; Viterbi only emits well-formed runs
    let j = i + 1;
    if (labelPos(labels[i]) !== POS_U) {
      while (j < n && labelType(labels[j]) === t && labelPos(labels[j]) === POS_I) j++;
      if (j < n && labelType(labels[j]) === t && labelPos(labels[j]) === POS_L) j++;
    }
    const s = tokens[i].sentence;
    out.push({ type: TYPES[t], a: i, b: j, sentence: s, paragraph: sentences[s].paragraph });
    i = j;
  }
  return out;
}

const QUOTE_OPEN = new Set(['“', '„', '«']);
const QUOTE_CLOSE = new Set(['”', '»']);

// ASCII letters, plus Latin-1 and later letters; cheap, and punctuation there is quotes (handled above)
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
}

/** direct: every letter inside quotation marks; mixed: some; indirect: none. */
export function quoteKind(text: string): QuoteKind {
  let depth = 0;
  let inside = 0;
  let outside = 0;
  // by code unit (runs on every character of every attribution): QUOTE_OPEN “ „ «, QUOTE_CLOSE ” »
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0x201e || c === 0xab) depth = 1;
    else if (c === 0x201d || c === 0xbb) depth = 0;
    else if (c === 0x22) depth = depth ? 0 : 1;
    else if (isLetter(c)) { if (depth) inside++; else outside++; }
  }
  if (inside === 0) return 'indirect';
  return outside === 0 ? 'direct' : 'mixed';
}

function gap(x: TokenSpan, y: TokenSpan): number {
  if (x.b <= y.a) return y.a - x.b;
  if (y.b <= x.a) return x.a - y.b;
  return 0;
}

function nearest(target: TokenSpan, cands: readonly TokenSpan[] | undefined, ok?: (c: TokenSpan) => boolean): TokenSpan | null {
  let best: TokenSpan | null = null;
  let bestGap = Infinity;
  if (!cands) return null;
  for (const c of cands) {
    if (ok && !ok(c)) continue;
    const g = gap(target, c);
    if (g < bestGap) { best = c; bestGap = g; }
  }
  return best;
}

const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ', 'NUM', 'PUNCT', 'ADP', 'CCONJ', 'PART']);

/**
 * `The city is seeking hundreds of millions`: a short noun phrase tagged as content right before
 * its cue, with the cue's real content after it, is the cue's subject: retyped as its source.
 */
function subjectsAsSources(tokens: readonly Token[], spans: TokenSpan[]): void {
  for (let k = 0; k + 2 < spans.length; k++) {
    const q = spans[k];
    const c = spans[k + 1];
    const r = spans[k + 2];
    if (q.type !== 'content' || c.type !== 'cue' || r.type !== 'content' || c.a !== q.b || r.sentence !== c.sentence) continue;
    if (q.b - q.a > 8 || tokens[q.a].sentence !== c.sentence || passiveOrCopula(tokens, c)) continue;
    // a relative pronoun before the cue stands for the content ("…, which is denounced by")
    if (q.b - q.a === 1 && RELATIVES.has(tokens[q.a].lower)) continue;
    let np = true;
    for (let i = q.a; i < q.b && np; i++) np = (SUBJECT_POS.has(tokens[i].pos) || isCapitalised(tokens[i].text)) && !isQuoteMark(tokens[i].text);
    if (np && tokens[q.b - 1].pos !== 'PUNCT') q.type = 'source';
  }
}

const CLAUSE_JOINS = new Set(['while', 'whereas', 'but', 'and']);

/**
 * `X wrote that the cuts were overdue, while a union representing workers said …`: the tagger
 * runs the first content on over the second clause's subject, so the second cue has no source
 * and borrows the first one. A short noun phrase after `, while|whereas|but|and` that ends the
 * content right before a cue is that cue's subject: the content stops at the comma.
 */
function conjoinedSubjects(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const comma = k + 2 < spans.length ? conjoinedSubjectComma(tokens, spans[k], spans[k + 1], spans[k + 2]) : -1;
    if (comma < 0) { out?.push(spans[k]); continue; }
    out ??= spans.slice(0, k);
    const q = spans[k];
    const c = spans[k + 1];
    out.push({ ...q, b: comma }, { type: 'source', a: comma + 2, b: q.b, sentence: c.sentence, paragraph: c.paragraph });
  }
  return out ?? spans;
}

/** The comma before `while|whereas|but|and` and the subject that end content `q` before cue `c`, or -1. */
function conjoinedSubjectComma(tokens: readonly Token[], q: TokenSpan, c: TokenSpan, r: TokenSpan): number {
  if (q.type !== 'content' || c.type !== 'cue' || r.type !== 'content' || c.a !== q.b || r.sentence !== c.sentence) return -1;
  let i = q.b - 2;
  while (i > q.a && q.b - i <= 10 && !(tokens[i].text === ',' && CLAUSE_JOINS.has(tokens[i + 1].lower))) i--;
  if (i <= q.a || tokens[i].text !== ',' || !CLAUSE_JOINS.has(tokens[i + 1].lower) || i + 2 >= q.b) return -1;
  const first = tokens[i + 2].pos;
  if (first !== 'DET' && first !== 'PROPN' && first !== 'NOUN' && first !== 'PRON' && first !== 'NUM') return -1;
  for (let t = i + 2; t < q.b; t++) {
    const tk = tokens[t];
    if (isQuoteMark(tk.text) || tk.text === ',' || !(SUBJECT_POS.has(tk.pos) || isCapitalised(tk.text) || (tk.pos === 'VERB' && /(?:ing|ed)$/.test(tk.lower)))) return -1;
  }
  return i;
}

/**
 * The untagged head of a sentence interrupted by its attribution: `But, he said, the deal …`
 * (PolNeAR: content `But` and `the deal …`, one attribution). The tagger often leaves the head
 * untagged; it is content when the clause after the attribution is.
 */
function withSentenceHeads(tokens: readonly Token[], sentences: readonly Sentence[], spans: TokenSpan[]): TokenSpan[] {
  const heads: TokenSpan[] = [];
  const retyped = new Set<TokenSpan>();
  for (let k = 0; k < spans.length; k++) {
    const first = spans[k];
    if (first.type === 'content') continue;
    let last = first;
    const nx = spans[k + 1];
    if (nx && nx.type !== 'content' && nx.type !== first.type && nx.a === first.b) last = nx;
    const hasCue = first.type === 'cue' || last.type === 'cue';
    const sen = sentences[first.sentence];
    let comma = first.a - 1;
    // a cue whose source the tagger left untagged: `Many days, former employees said, she …`
    if (first.type === 'cue' && tokens[comma]?.lower !== ',') {
      const np = speakerBefore(tokens, first.a, sen.tokenStart);
      if (np && np.to === first.a - 1) comma = np.from - 1;
    }
    if (!hasCue || comma <= sen.tokenStart || tokens[comma].lower !== ',') continue;
    const prev = spans[k - 1];
    // `South Carolina, he said, was …`: the head tagged as a second source before the frame's own
    const headAsSource = prev && prev.type === 'source' && prev.a === sen.tokenStart && prev.b === comma && first.type === 'source' &&
      (k < 2 || spans[k - 2].b <= sen.tokenStart);
    if (prev && prev.b > sen.tokenStart && !headAsSource) continue;
    if (hasQuoteMark(tokens, sen.tokenStart, comma)) continue;
    const after = spans[k + (last === first ? 1 : 2)];
    if (tokens[last.b]?.lower !== ',' || after?.type !== 'content' || after.a !== last.b + 1) continue;
    if (headAsSource) retyped.add(prev);
    heads.push({ type: 'content', a: sen.tokenStart, b: comma, sentence: first.sentence, paragraph: first.paragraph });
  }
  if (!heads.length) return spans;
  return [...spans.filter((x) => !retyped.has(x)), ...heads].sort((x, y) => x.a - y.a);
}

/**
 * `According to X, <clause>.` opening a sentence in which the tagger found no content after the comma: cue
 * `According to`, source X (up to the first comma, at most 12 tokens), content the rest of the
 * sentence; whatever cue or source the tagger put in that sentence is replaced. The tagger often
 * tags the cue and the source but no content on such sentences (the frame is mostly
 * sentence-final in PolNeAR), though the frame is unambiguous.
 */
function accordingToFrames(tokens: readonly Token[], sentences: readonly Sentence[], spans: TokenSpan[]): TokenSpan[] {
  return replaceBySentence(sentences, spans, (sen, k) => {
    const a = sen.tokenStart;
    if (sen.tokenEnd - a < 6 || tokens[a].lower !== 'according' || tokens[a + 1].lower !== 'to') return null;
    let comma = a + 3;
    while (comma < sen.tokenEnd && comma < a + 15 && tokens[comma].lower !== ',') comma++;
    if (comma >= sen.tokenEnd - 1 || tokens[comma].lower !== ',') return null;
    // the tagger's own reading stands when its content opens right after the frame's comma; a
    // content elsewhere is a verb of the clause taken for a cue ("the suspect ⟦fled on⟧ foot")
    let j = k;
    for (; j < spans.length && spans[j].a < sen.tokenEnd; j++) {
      if (spans[j].a < a || (spans[j].type === 'content' && spans[j].a <= comma + 1)) return null;
    }
    const s = sen.index;
    const p = sen.paragraph;
    return {
      end: j,
      add: [
        { type: 'cue', a, b: a + 2, sentence: s, paragraph: p },
        { type: 'source', a: a + 2, b: comma, sentence: s, paragraph: p },
        { type: 'content', a: comma + 1, b: sen.tokenEnd, sentence: s, paragraph: p },
      ],
    };
  });
}

/**
 * The tagger's spans with some replaced sentence by sentence: `frame(sentence, k)` sees each
 * sentence with the index `k` of its first span and returns the index past the spans it replaces
 * with its own, or null to keep the tagger's. `spans` is sorted by token and not mutated.
 */
function replaceBySentence(
  sentences: readonly Sentence[], spans: TokenSpan[],
  frame: (sen: Sentence, k: number) => { end: number; add: TokenSpan[] } | null,
): TokenSpan[] {
  let out: TokenSpan[] | null = null;
  let k = 0;
  for (const sen of sentences) {
    while (k < spans.length && spans[k].b <= sen.tokenStart) k++;
    const r = frame(sen, k);
    if (!r) continue;
    out ??= spans.slice();
    for (let d = k; d < r.end; d++) out[d] = { ...out[d], b: -1 };
    out.push(...r.add);
  }
  return out ? out.filter((x) => x.b >= 0).sort((x, y) => x.a - y.a) : spans;
}

const SENTENCE_END = new Set(['.', '!', '?']);
/** What studies and reports do in a closing frame: `…, a report by MPs has found.` */
const FINDING_VERBS = new Set(['found', 'finds', 'concluded', 'concludes', 'showed', 'shows', 'revealed', 'reveals']);

/**
 * `<clause>, a former official said.` / `<clause>, said Smith.`: the speech verb closing the
 * sentence after a comma is the attribution of the whole clause before it. The tagger often takes
 * a verb inside that clause for the cue ("the FBI would also seek …, officials said" → cue "seek",
 * source "the FBI"); PolNeAR never nests attributions, so the outer frame wins. Applied only where
 * the clause has no quote marks (direct quotes are the rules' business) and holds a competing cue.
 * The medial frame `<head>, Smith said, <tail>` makes both halves content.
 */
function sentenceFinalFrames(tokens: readonly Token[], sentences: readonly Sentence[], spans: TokenSpan[]): TokenSpan[] {
  return replaceBySentence(sentences, spans, (sen, k) => {
    const a = sen.tokenStart;
    let e = sen.tokenEnd;
    while (e > a && SENTENCE_END.has(tokens[e - 1].text)) e--;
    if (e - a < 6) return null;
    let frame: { comma: number; cue: number; cueEnd: number; src: { from: number; to: number }; tail: number } | null = null;
    for (let v = e - 1; v > a + 3 && !frame; v--) {
      // `<clause>, according to experts.`
      if (tokens[v].lower === 'according' && tokens[v + 1]?.lower === 'to' && tokens[v - 1].lower === ',' && v + 2 < e) {
        // wink tags nouns as verbs here and there ("press/VERB reports"): a short rest will do
        const np = npStartingAt(tokens, v + 2, e - 1) ?? (e - v - 2 <= 8 ? { from: v + 2, to: e - 1 } : null);
        if (np) frame = { comma: v - 1, cue: v, cueEnd: v + 2, src: np, tail: -1 };
        continue;
      }
      if (!REPORTING_VERBS.has(tokens[v].lower) && !FINDING_VERBS.has(tokens[v].lower)) continue;
      // what follows the verb up to the sentence end: a short phrase with no verb ("on Tuesday")
      let tailOk = true;
      for (let i = v + 1; i < e && tailOk; i++) tailOk = tokens[i].pos !== 'VERB' && tokens[i].pos !== 'AUX' && !isQuoteMark(tokens[i].text);
      // the medial frame `<head>, Smith said, <tail>` (both halves are content)
      const medial = tokens[v + 1]?.lower === ',' && e - v > 4;
      // (a channel phrase may run longer: "…, the company said in a filing with the Securities and
      // Exchange Commission on Tuesday.")
      if (v < e - (tokens[v + 1]?.pos === 'ADP' ? 16 : 10) && !medial) continue;
      if (!medial && tokens[v - 1].lower === ',') {
        const np = speakerAfter(tokens, v, Math.min(e - 1, v + 8));
        if (np && np.from === v + 1) frame = { comma: v - 1, cue: v, cueEnd: v + 1, src: np, tail: -1 };
        continue;
      }
      if (!tailOk && !medial) continue;
      const np = speakerBefore(tokens, v, a + 1);
      if (np && np.from > a + 2 && tokens[np.from - 1].lower === ',' && v - np.to <= 3) frame = { comma: np.from - 1, cue: v, cueEnd: v + 1, src: np, tail: medial ? v + 2 : -1 };
    }
    if (!frame) return null;
    let clean = true;
    for (let i = a; i < frame.comma && clean; i++) clean = !isQuoteMark(tokens[i].text) && tokens[i].lower !== ':';
    if (frame.tail >= 0) for (let i = frame.tail; i < e && clean; i++) clean = !isQuoteMark(tokens[i].text) && tokens[i].lower !== ':';
    if (!clean) return null;
    const frameEnd = frame.tail >= 0 ? sen.tokenEnd : Math.max(frame.cueEnd, frame.src.to + 1);
    let j = k;
    let innerCue = false;
    for (; j < spans.length && spans[j].a < frameEnd; j++) {
      const sp = spans[j];
      if (sp.a < a) { clean = false; break; }
      if (sp.type === 'cue' && (sp.b <= frame.comma || (frame.tail >= 0 && sp.a >= frame.tail))) innerCue = true;
      // `…, says report`: the inverted speaker tagged as content is as wrong as an inner cue
      if (sp.type === 'content' && frame.tail < 0 && sp.a === frame.src.from && sp.b === frame.src.to + 1) innerCue = true;
    }
    // a speech verb only where the tagger took a verb inside the clause for the cue (adding
    // frames the tagger left untagged was neutral on held-out train);
    // `, according to X.` is unambiguous and always taken
    if (!clean || (!innerCue && frame.cueEnd - frame.cue === 1)) return null;
    const s = sen.index;
    const p = sen.paragraph;
    const add: TokenSpan[] = [
      { type: 'content', a, b: frame.comma, sentence: s, paragraph: p },
      { type: 'cue', a: frame.cue, b: frame.cueEnd, sentence: s, paragraph: p },
      { type: 'source', a: frame.src.from, b: frame.src.to + 1, sentence: s, paragraph: p },
    ];
    if (frame.tail >= 0) add.push({ type: 'content', a: frame.tail, b: e, sentence: s, paragraph: p });
    return { end: j, add };
  });
}

/**
 * `Smith said the study found that …`: the tagger often takes the inner verb for the cue and the
 * noun phrase after the speech verb for its source, leaving the speech verb untagged. PolNeAR
 * never nests attributions, so the outer frame wins: the speech verb is the cue, its subject the
 * source, and everything from the inner source on is content. Only where the speech verb (with an
 * optional `that`) is directly followed by the tagger's source, the verb's subject ends right before
 * it, and the sentence holds no quote mark.
 */
function sentenceOpeningFrames(tokens: readonly Token[], sentences: readonly Sentence[], spans: TokenSpan[]): TokenSpan[] {
  return replaceBySentence(sentences, spans, (sen, k) => {
    let first = -1; // index of the tagger's source that follows the speech verb
    let v = -1;
    let j = k;
    for (; j < spans.length && spans[j].a < sen.tokenEnd; j++) {
      const sp = spans[j];
      if (first >= 0 || sp.type !== 'source' || sp.a - 1 <= sen.tokenStart) continue;
      const w = tokens[sp.a - 1].lower === 'that' ? sp.a - 2 : sp.a - 1;
      if (w > sen.tokenStart && REPORTING_VERBS.has(tokens[w].lower) && !takesListener(tokens[w].lower)) { first = j; v = w; }
    }
    if (first < 0 || j - first < 3 || spans[first + 1].type !== 'cue' || spans[first + 2].type !== 'content' || spans[j - 1].type !== 'content') return null;
    if (hasQuoteMark(tokens, sen.tokenStart, sen.tokenEnd)) return null;
    // the speech verb may already be tagged as a cue, with its subject as the source
    let from = first;
    if (from > k && spans[from - 1].type === 'cue' && spans[from - 1].a === v && spans[from - 1].b === v + 1) from--;
    else if (from > k && spans[from - 1].b > v) return null;
    let src: { from: number; to: number } | null = null;
    if (from < first && from > k && spans[from - 1].type === 'source' && spans[from - 1].b <= v && v - spans[from - 1].b <= 1) {
      from--;
      src = { from: spans[from].a, to: spans[from].b - 1 };
    } else {
      const np = speakerBefore(tokens, v, sen.tokenStart);
      if (np && (np.to === v - 1 || (np.to === v - 2 && tokens[v - 1].text === ','))) src = np;
    }
    if (!src || (from > k && spans[from - 1].b > src.from)) return null;
    // "…, said Robert Egge, director of …": an inverted speaker, not a reported clause; after a
    // comma only a subject that opens the sentence or an apposition ("Her co-author, Professor Keller,
    // said") will do, and no content may come before it
    if (tokens[v - 1].text === ',' && !(src.from === sen.tokenStart || tokens[src.from - 1].text === ',')) return null;
    for (let d = k; d < from; d++) if (spans[d].type === 'content') return null;
    const s = sen.index;
    const p = sen.paragraph;
    const add: TokenSpan[] = [
      { type: 'source', a: src.from, b: src.to + 1, sentence: s, paragraph: p },
      { type: 'cue', a: v, b: v + 1, sentence: s, paragraph: p },
      { type: 'content', a: v + 1, b: spans[j - 1].b, sentence: s, paragraph: p },
    ];
    // replaceBySentence drops the spans from its k on: keep those before the frame
    return { end: j, add: [...spans.slice(k, from), ...add] };
  });
}

const PLAIN_SAY = new Set(['said', 'says']);
const SAY_FORMS = new Set(['said', 'says', 'say']);
const PLAIN_TELL = new Set(['told', 'tells']);
const CIRCUMSTANCE = new Set(['after', 'as', 'before', 'during', 'while', 'when', 'in', 'at', 'on', 'from', 'with']);
const CLAUSE_LINKS = new Set(['although', 'though', 'while', 'whereas', 'but', 'and', 'as', 'because']);

/**
 * `He said 4,000 homes remained at risk.`: a plain "said"/"says" the tagger left untagged, with its
 * subject right before it and a clause after it. The clause, up to the sentence end or the next
 * span the tagger found (`…, although the agency puts …`), is content.
 */
function missedSpeechVerbs(tokens: readonly Token[], sentences: readonly Sentence[], spans: TokenSpan[]): TokenSpan[] {
  return replaceBySentence(sentences, spans, (sen, k) => {
    let j = k;
    while (j < spans.length && spans[j].a < sen.tokenEnd) j++;
    for (let v = sen.tokenStart + 1, at = k; v < sen.tokenEnd - 3; v++) {
      while (at < j && spans[at].b <= v) at++;
      // the verb untagged, or tagged as a cue with no content after it
      const cue = at < j && spans[at].a <= v ? spans[at] : null;
      if (cue && !(cue.type === 'cue' && cue.a === v && cue.b === v + 1)) { v = cue.b - 1; continue; }
      const tell = PLAIN_TELL.has(tokens[v].lower);
      if ((!PLAIN_SAY.has(tokens[v].lower) && !tell) || tokens[v].pos !== 'VERB') continue;
      const next = cue ? at + 1 : at;
      if (next < j && spans[next].type === 'content' && spans[next].a === v + 1) return null;
      const np = speakerBefore(tokens, v, sen.tokenStart);
      if (!np || np.to !== v - 1) return null;
      let first = at;
      if (first > k && spans[first - 1].type === 'source' && spans[first - 1].b === v) first--;
      if (first > k && spans[first - 1].b > np.from) return null;
      let from = v + 1;
      // "told a crowd of supporters that …": past the listener to the complementiser
      if (tell) {
        while (from < sen.tokenEnd && from - v <= 8 && tokens[from].lower !== 'that' &&
          (LISTENER_POS.has(tokens[from].pos) || tokens[from].pos === 'ADP')) from++;
        if (tokens[from]?.lower !== 'that' || from === v + 1) return null;
      }
      const t0 = tokens[from];
      if (t0.pos !== 'DET' && t0.pos !== 'NUM' && t0.pos !== 'NOUN' && t0.pos !== 'PROPN' && t0.pos !== 'PRON' && t0.lower !== 'that') return null;
      // "said Tuesday night, drawing applause": a time, not a clause; a quote's own frame
      if (TIME_WORDS.has(t0.lower)) return null;
      if (hasQuoteMark(tokens, sen.tokenStart, v)) return null;
      let e = next < j ? spans[next].a : sen.tokenEnd;
      while (e > from && (SENTENCE_END.has(tokens[e - 1].text) || TRAILING.has(tokens[e - 1].text) || CLAUSE_LINKS.has(tokens[e - 1].lower))) e--;
      let verb = false;
      for (let i = from; i < e; i++) {
        if (isQuoteMark(tokens[i].text) || tokens[i].text === ':') return null;
        if (i > from && (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX')) verb = true;
      }
      if (!verb || e - from < 3) return null;
      const s = sen.index;
      const p = sen.paragraph;
      return {
        end: j,
        add: [...spans.slice(k, first),
          { type: 'source', a: np.from, b: np.to + 1, sentence: s, paragraph: p },
          { type: 'cue', a: v, b: v + 1, sentence: s, paragraph: p },
          { type: 'content', a: from, b: e, sentence: s, paragraph: p },
          ...spans.slice(next, j)],
      };
    }
    return null;
  });
}

/**
 * `He told radio that the sisters "had no idea". He has since changed his mind, he said.`: a content
 * span that runs on into a sentence with a cue of its own holds that sentence's attribution too;
 * it is cut where that sentence starts, and the rest is content of its own (linked to that cue).
 */
function splitAtCueSentences(sentences: readonly Sentence[], spans: TokenSpan[]): TokenSpan[] {
  // sentences with a cue and a source of their own
  const cueSentences = new Set<number>();
  const sourceSentences = new Set<number>();
  for (const sp of spans) if (sp.type === 'source') sourceSentences.add(sp.sentence);
  for (const sp of spans) if (sp.type === 'cue' && sourceSentences.has(sp.sentence)) cueSentences.add(sp.sentence);
  let out: TokenSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k];
    // the cue of the span's own sentence may sit after it (`…, he said`): only a later sentence's counts
    let s = -1;
    if (q.type === 'content') {
      for (let t = q.sentence + 1; t < sentences.length && sentences[t].tokenStart < q.b; t++) {
        if (cueSentences.has(t) && sentences[t].paragraph === sentences[q.sentence].paragraph) { s = t; break; }
      }
    }
    if (s < 0) { out?.push(q); continue; }
    out ??= spans.slice(0, k);
    const cut = sentences[s].tokenStart;
    out.push({ ...q, b: cut }, { ...q, a: cut, sentence: s });
  }
  return out ?? spans;
}

// wink tags some of these as adjectives ("Outside/ADJ court,")
const FRONTING_WORDS = new Set(['outside', 'inside', 'after', 'before', 'during', 'following', 'despite', 'earlier', 'later']);

/**
 * `⟦Outside court, council leader Priya Nair⟧ said`: a source span that opens with a fronted
 * prepositional or adverbial phrase ("Outside court,", "On Monday,", "In a statement,") starts after
 * its comma; the phrase is no part of who spoke.
 */
function withoutFrontedPhrase(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.type !== 'source' || sp.b - sp.a < 4) continue;
    const p0 = tokens[sp.a].pos;
    if (p0 !== 'ADP' && p0 !== 'ADV' && p0 !== 'SCONJ' && !FRONTING_WORDS.has(tokens[sp.a].lower)) continue;
    let c = sp.a + 1;
    while (c < sp.b - 1 && c - sp.a <= 6 && tokens[c].text !== ',') c++;
    if (tokens[c].text !== ',' || c >= sp.b - 1) continue;
    out ??= spans.slice();
    out[k] = { ...sp, a: c + 1 };
  }
  return out ?? spans;
}

// Punctuation PolNeAR leaves outside indirect content ("that the port will reopen, …").
const TRAILING = new Set([',', '-', '--', '—', '–', ':', ';', '.']);

function hasToken(tokens: readonly Token[], a: number, b: number, text: string): boolean {
  for (let i = a; i < b; i++) if (tokens[i].text === text) return true;
  return false;
}

function hasQuoteMark(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isQuoteMark(tokens[i].text)) return true;
  return false;
}

const VERBISH = new Set(['VERB', 'AUX', 'ADV']);

/** A cue opening a participle clause after a comma: ", saying", ", accusing him of". */
function participial(tokens: readonly Token[], c: TokenSpan): boolean {
  const w = tokens[c.a].lower;
  return c.a > 0 && tokens[c.a - 1].lower === ',' && w.length > 4 && w.endsWith('ing');
}

const MEDIUM_PHRASE = /^(?:an?|his|her|their|its|the) (?:[\w-]+ )?(?:interview|commentary|comment|comments|statement|letter|post|message|remarks|speech|address|conversation|op-ed|column|article|broadcast|appearance) (?:to|with|for|on|in)(?: the)?(?: [\w-]+)?$/;

/**
 * `, wearing a hat covered in buttons,` (or a medium phrase, `, in a commentary to the agency X,`)
 * ending right before the cue, with `src` inside it.
 */
function inParticiplePhrase(tokens: readonly Token[], src: TokenSpan, c: TokenSpan): boolean {
  if (src.b > c.a || c.a < 2 || tokens[c.a - 1].lower !== ',') return false;
  for (let i = c.a - 2; i >= 0 && c.a - i < 25; i--) {
    if (tokens[i].lower !== ',') continue;
    const w = tokens[i + 1];
    // "…, in a commentary to the agency Interfax, declared": a medium phrase names the channel
    if (i < src.a && w.pos === 'ADP' && MEDIUM_PHRASE.test(tokens.slice(i + 2, src.a).map((t) => t.lower).join(' '))) return true;
    return i < src.a && w.pos === 'VERB' && (w.lower.endsWith('ing') || w.lower.endsWith('ed'));
  }
  return false;
}

// Verbs whose object is the listener: "told Trump that …", "asked the directors whether …".
const COMPLEMENTISERS = new Set(['that', 'whether', 'why', 'how', 'if', 'about', 'what', 'when', 'where', 'who']);
const LISTENER_POS = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'NUM']);

/**
 * `told ⟦Trump that he is …⟧` → `that he is …`: the listener (or a time, "asked Thursday about")
 * between a cue and its complement clause is not what was said. PolNeAR starts the content at
 * the complementiser.
 */
function withoutListener(tokens: readonly Token[], q: TokenSpan, cue: TokenSpan): TokenSpan {
  if (cue.b !== q.a) return q;
  let listener = false;
  for (let i = cue.a; i < cue.b; i++) if (takesListener(tokens[i].lower)) listener = true;
  const time = TIME_WORDS.has(tokens[q.a].lower);
  // "wrote in a note to clients that …": an addressee with "to" (PolNeAR: 113 contents in `train`
  // start at "that" after one, 25 start with "to", mostly infinitives)
  const to = tokens[q.a].lower === 'to' && q.b - q.a > 2 && LISTENER_POS.has(tokens[q.a + 1].pos);
  if (!listener && !time && !to) return q;
  for (let i = q.a; i < q.b - 1 && i < q.a + 6; i++) {
    const t = tokens[i];
    if (to && i === q.a) continue;
    if (i > q.a && COMPLEMENTISERS.has(t.lower)) return { ...q, a: i };
    const ok = LISTENER_POS.has(t.pos) || TIME_WORDS.has(t.lower) || (time && t.pos === 'ADP') || t.text === "'s" || t.text === '’s';
    if (!ok || (t.pos === 'PRON' && COMPLEMENTISERS.has(t.lower))) return q;
  }
  return q;
}

const RELATIVES = new Set(['which', 'who', 'that', 'whom']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", '’s', 'seems', 'seem', 'seemed', 'appears', 'appear', 'appeared']);

/** `was supported by`, `is best known for`, `seems`: the noun phrase before is what is reported on. */
function passiveOrCopula(tokens: readonly Token[], c: TokenSpan): boolean {
  if (!BE.has(tokens[c.a].lower)) return false;
  if (c.b - c.a < 2) return true;
  const w = tokens[c.a + 1].lower;
  return !(w.length > 4 && w.endsWith('ing'));
}

function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function isQuoteMark(s: string): boolean {
  return s === '"' || QUOTE_OPEN.has(s) || QUOTE_CLOSE.has(s) || s === "''" || s === '``';
}

function groupBy(spans: readonly TokenSpan[], key: (s: TokenSpan) => number): Map<number, TokenSpan[]> {
  const m = new Map<number, TokenSpan[]>();
  for (const s of spans) {
    const k = key(s);
    const list = m.get(k);
    if (list) list.push(s);
    else m.set(k, [s]);
  }
  return m;
}

/**
 * Attribution records from the tagger's spans (sorted by token, as spansFromLabels gives them;
 * retyped in place where a content span is really its cue's subject).
 */
export function buildAttributions(
  text: string, tokens: readonly Token[], sentences: readonly Sentence[], spans: TokenSpan[], source = 'model',
): Attribution[] {
  spans = conjoinedSubjects(tokens, spans);
  subjectsAsSources(tokens, spans);
  spans = withSentenceHeads(tokens, sentences, spans);
  spans = accordingToFrames(tokens, sentences, spans);
  spans = sentenceFinalFrames(tokens, sentences, spans);
  spans = sentenceOpeningFrames(tokens, sentences, spans);
  spans = missedSpeechVerbs(tokens, sentences, spans);
  spans = splitAtCueSentences(sentences, spans);
  spans = withoutFrontedPhrase(tokens, spans);
  const cues = spans.filter((s) => s.type === 'cue');
  const sources = spans.filter((s) => s.type === 'source');
  const contents = spans.filter((s) => s.type === 'content');
  const charSpan = (s: TokenSpan) => {
    const start = tokens[s.a].start;
    const end = tokens[s.b - 1].end;
    return { start, end, text: text.slice(start, end) };
  };
  const lastSentence = (s: TokenSpan) => tokens[s.b - 1].sentence;
  // candidates are looked up by sentence and paragraph, so linking stays linear in the text
  const cuesBySentence = groupBy(cues, (c) => c.sentence);
  const cuesByParagraph = groupBy(cues, (c) => c.paragraph);
  const sourcesBySentence = groupBy(sources, (c) => c.sentence);

  // Tokens inside content spans: a fallback source must not be taken from reported words.
  const inContent = new Uint8Array(tokens.length);
  for (const q of contents) inContent.fill(1, q.a, q.b);
  // Where the dateline or live-blog time stamp opening a paragraph's first sentence ends ("NEW YORK
  // (AFP) – ", "14:05 — "), or the sentence start when there is none; read once per sentence.
  const datelineEnds = new Map<Sentence, number>();
  const datelineEnd = (sen: Sentence): number => {
    let end = datelineEnds.get(sen);
    if (end === undefined) {
      const first = sen.index === 0 || sentences[sen.index - 1].paragraph !== sen.paragraph;
      end = sen.start + (first ? leadLength(text.slice(sen.start, sen.end)) : 0);
      datelineEnds.set(sen, end);
    }
    return end;
  };
  // The cue's own subject ("the city is seeking …") or inverted subject ("says Smith") when the
  // tagger left the source untagged: a cue with no source scores as a speaker error whenever
  // the gold attribution has one.
  const subjectOf = (c: TokenSpan): TokenSpan | null => {
    const sen = sentences[c.sentence];
    let min = c.a;
    while (min > sen.tokenStart && !inContent[min - 1]) min--;
    const atStart = min === sen.tokenStart;
    // never into the dateline: "CUPERTINO, California — Apple …, betting"
    if (atStart) {
      const dl = datelineEnd(sen);
      while (min < c.a && tokens[min].start < dl) min++;
    }
    let max = c.b - 1;
    while (max + 1 < sen.tokenEnd && !inContent[max + 1]) max++;
    // "Smith criticised the plan, saying …": a participle's subject opens the sentence
    // ("NEW YORK (AFP) – Joe Biden hit the trail …, accusing": after the dateline)
    const opening = (): TokenRange | null => {
      if (!participial(tokens, c) || !atStart) return null;
      const np = npStartingAt(tokens, min, c.a - 1);
      if (!np) return null;
      // past a time phrase: "Apple on Tuesday unveiled"
      let v = np.to + 1;
      while (v < c.a && v - np.to <= 3 && (tokens[v].pos === 'ADP' || TIME_WORDS.has(tokens[v].lower) || tokens[v].pos === 'DET')) v++;
      return v < c.a && VERBISH.has(tokens[v].pos) ? np : null;
    };
    // (tried first: the noun phrase right before the comma is the verb's object, "unveiled a cheaper
    // iPhone model, betting")
    const r = opening() ?? speakerBefore(tokens, c.a, min) ?? speakerAfter(tokens, c.b - 1, max);
    if (!r || r.to < r.from) return null;
    return { type: 'source', a: r.from, b: r.to + 1, sentence: c.sentence, paragraph: c.paragraph };
  };

  const inDateline = (x: TokenSpan): boolean => x.a - sentences[x.sentence].tokenStart <= 8 && tokens[x.a].start < datelineEnd(sentences[x.sentence]);

  // cue -> source: nearest source in the cue's sentence, else in the sentence before (same
  // paragraph), else the cue's subject read from POS tags
  const sourceOf = new Map<TokenSpan, TokenSpan | null>();
  for (const c of cues) {
    let src = nearest(c, sourcesBySentence.get(c.sentence));
    // "Smith, wearing a campaign T-shirt, said": a source inside a participle phrase set off by
    // commas right before the cue is that phrase's object; the subject stands before it
    if (src && inParticiplePhrase(tokens, src, c)) src = subjectOf(c) ?? src;
    // the place a story was filed from is not a speaker: "NEW YORK (AFP) – Joe Biden …, accusing"
    if (src && inDateline(src)) src = subjectOf(c);
    sourceOf.set(c, src
      ?? nearest(c, sourcesBySentence.get(c.sentence - 1), (s) => s.paragraph === c.paragraph && lastSentence(s) === c.sentence - 1)
      ?? subjectOf(c));
  }

  const cueFor = (q: TokenSpan): TokenSpan | null => {
    const s0 = q.sentence;
    const s1 = lastSentence(q);
    let best: TokenSpan | null = null;
    for (let s = s0; s <= s1; s++) {
      const c = nearest(q, cuesBySentence.get(s));
      if (c && (!best || gap(q, c) < gap(q, best))) best = c;
    }
    if (best) return best;
    const before = nearest(q, cuesBySentence.get(s0 - 1), (c) => c.paragraph === q.paragraph);
    const after = nearest(q, cuesBySentence.get(s1 + 1), (c) => c.paragraph === q.paragraph);
    if (before || after) return !after || (before && gap(q, before) <= gap(q, after)) ? before : after;
    return nearest(q, cuesByParagraph.get(q.paragraph)) ??
      nearest(q, cuesByParagraph.get(q.paragraph - 1), (c) => c.b <= q.a);
  };

  const attrOf = new Map<TokenSpan, string>();
  const out: Attribution[] = [];
  let nextAttr = 1;
  for (const q0 of contents) {
    const cue = cueFor(q0);
    let q = cue ? withoutListener(tokens, q0, cue) : q0;
    // `“…,” Tilton said ⟦after braving the cold …⟧`: a circumstance after "said" is not what was
    // said (in `train`, 3 of 1,334 contents right after said/says/say open with such a word);
    // the content starts at a "that" in it, or there is none
    if (cue && cue.b === q.a && SAY_FORMS.has(tokens[cue.b - 1].lower) && CIRCUMSTANCE.has(tokens[q.a].lower)) {
      let t = q.a + 1;
      while (t < q.b && t - q.a < 8 && tokens[t].lower !== 'that') t++;
      if (t >= q.b - 1 || tokens[t].lower !== 'that') continue;
      q = { ...q, a: t };
    }
    // "LONDON, Nov 24 (Reuters) - Farmers will …, the minister said": the dateline is not what was said
    if (inDateline(q)) {
      const end = datelineEnd(sentences[q.sentence]);
      let a = q.a;
      while (a < q.b && tokens[a].start < end) a++;
      if (a >= q.b) continue;
      q = { ...q, a };
    }
    let b = q.b;
    for (;;) {
      while (b - q.a > 1 && TRAILING.has(tokens[b - 1].text)) b--;
      // a statement closing an aside, "(… he said.)": the bracket is not part of what was said
      if (b - q.a > 1 && tokens[b - 1].text === ')' && !hasToken(tokens, q.a, b - 1, '(')) b--;
      else break;
    }
    const span = charSpan(b === q.b ? q : { ...q, b });
    if (span.end <= span.start) continue;
    // a lone possessive ("⟦His⟧ powerful statement is written …") is never what was said
    if (b - q.a === 1 && POSSESSIVES.has(tokens[q.a].lower)) continue;
    let attribution: string;
    if (cue) {
      attribution = attrOf.get(cue) ?? `a${nextAttr++}`;
      attrOf.set(cue, attribution);
    } else {
      attribution = `a${nextAttr++}`;
    }
    const src = cue ? sourceOf.get(cue) ?? null : null;
    out.push({
      id: `m${out.length + 1}`,
      ...span,
      kind: quoteKind(span.text),
      cue: cue ? charSpan(cue) : null,
      speaker: src ? charSpan(src) : null,
      channel: null,
      source,
      attribution,
    });
  }
  return out;
}
