import type { Attribution, QuoteKind, Sentence, Token } from '../../model/types.ts';
import { labelPos, labelType, POS_I, POS_L, POS_U } from './tagger.ts';

// Turns per-token BIO labels into Attribution records: content spans are linked to the nearest
// cue (same sentence first, then the neighbouring sentences, then the previous paragraph's last
// cue for quote paragraphs introduced by "... said:"), and each cue to its nearest source.

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
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (QUOTE_OPEN.has(ch)) depth = 1;
    else if (QUOTE_CLOSE.has(ch)) depth = 0;
    else if (ch === '"') depth = depth ? 0 : 1;
    else if (isLetter(text.charCodeAt(i))) { if (depth) inside++; else outside++; }
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

export function buildAttributions(text: string, tokens: readonly Token[], spans: TokenSpan[], source = 'model'): Attribution[] {
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

  // cue -> source: nearest source in the cue's sentence, else in the sentence before (same paragraph)
  const sourceOf = new Map<TokenSpan, TokenSpan | null>();
  for (const c of cues) {
    sourceOf.set(c, nearest(c, sourcesBySentence.get(c.sentence))
      ?? nearest(c, sourcesBySentence.get(c.sentence - 1), (s) => s.paragraph === c.paragraph && lastSentence(s) === c.sentence - 1));
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
  for (const q of contents) {
    const cue = cueFor(q);
    const span = charSpan(q);
    if (span.end <= span.start) continue;
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
