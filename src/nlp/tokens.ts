import { defineStage } from '../pipeline/stage.ts';
import type { NerSpan, Paragraph, Pos, Sentence, Token } from '../model/types.ts';
import { its, nlp } from './wink.ts';
import type { Document as WinkDoc } from 'wink-nlp';
import { joinSplitSentences } from './sentence-joins.ts';

// wink-nlp does not break sentences at line breaks, so each line is a paragraph and is read on its
// own. A paragraph longer than this is cut at the last whitespace before the limit: wink's cost
// grows with the length of one call, and a 5 MB line must not stall the run.
const MAX_PARAGRAPH_CHARS = 20_000;

/** Paragraph spans: maximal runs of non-blank lines' content, one per line, trimmed of spaces. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    while (end - start > MAX_PARAGRAPH_CHARS) {
      let cut = text.lastIndexOf(' ', start + MAX_PARAGRAPH_CHARS);
      if (cut <= start) cut = start + MAX_PARAGRAPH_CHARS;
      out.push({ start, end: cut, index: out.length });
      start = cut;
      while (start < end && /\s/.test(text[start])) start++;
    }
    if (end > start) out.push({ start, end, index: out.length });
  }
  return out;
}

/** /\s/ on one UTF-16 unit, without the regex for ASCII (one call per token). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

/**
 * Finds where a wink token's value sits in the text, starting at `from`. wink keeps the input's
 * characters, so the token normally starts right after the skipped whitespace; the fallback
 * search covers characters wink treats as spaces that JavaScript does not (and the reverse).
 */
function locate(text: string, value: string, from: number, limit: number): number {
  let p = from;
  while (p < limit && isSpace(text.charCodeAt(p))) p++;
  if (text.startsWith(value, p)) return p;
  const q = text.indexOf(value, from);
  return q >= 0 && q < limit ? q : -1;
}

/** What a token's wink lexeme id determines: its text, that text lower-cased, and wink's token type. */
interface Lexeme {
  text: string;
  lower: string;
  type: string;
}

// Lexemes by wink lexeme id. wink only ever appends to its lexicon, so an id's text and type never
// change within a process: reading them here once per word, instead of through tokens().out() for
// every paragraph, cuts what reading wink's output costs by half. Ids from LEXEME_CACHE_MAX on (a
// long-running process's unknown words) are read from wink each time.
const LEXEME_CACHE_MAX = 1 << 20;
let lexemeCache: (Lexeme | undefined)[] = filledArray(1 << 17);

/** An array of `n` undefined, in fast elements (new Array(n) is a dictionary beyond ~100,000). */
function filledArray(n: number): (Lexeme | undefined)[] {
  const a: (Lexeme | undefined)[] = [];
  for (let i = 0; i < n; i++) a.push(undefined);
  return a;
}

function readLexeme(wt: ReturnType<WinkDoc['tokens']>, i: number, id: number): Lexeme {
  const item = wt.itemAt(i);
  const text = item.out(its.value) as string;
  const lx: Lexeme = { text, lower: text.toLowerCase(), type: item.out(its.type) as string };
  if (id < LEXEME_CACHE_MAX) {
    if (id >= lexemeCache.length) {
      const grown = filledArray(Math.min(LEXEME_CACHE_MAX, Math.max(id + 1, lexemeCache.length * 2)));
      for (let k = 0; k < lexemeCache.length; k++) grown[k] = lexemeCache[k];
      lexemeCache = grown;
    }
    lexemeCache[id] = lx;
  }
  return lx;
}

export const tokensStage = defineStage({
  name: 'tokens',
  requires: [],
  assigns: ['paragraphs', 'sentences', 'tokens', 'nerSpans'],
  run(doc) {
    const text = doc.text;
    const paragraphs = splitParagraphs(text);
    const sentences: Sentence[] = [];
    const tokens: Token[] = [];
    const nerSpans: NerSpan[] = [];
    for (const para of paragraphs) {
      const wdoc = nlp.readDoc(text.slice(para.start, para.end));
      const wt = wdoc.tokens();
      const ids = wt.out(its.uniqueId) as unknown as number[];
      const pos = wt.out(its.pos) as string[];
      const n = ids.length;
      const lexemes: Lexeme[] = new Array(n);
      const values: string[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const id = ids[i];
        const lx = (id < lexemeCache.length ? lexemeCache[id] : undefined) ?? readLexeme(wt, i, id);
        lexemes[i] = lx;
        values[i] = lx.text;
      }
      const base = tokens.length;
      // Map each wink token to its offsets; a token that cannot be located (never seen in
      // practice) is given an empty span at the cursor so indices stay aligned.
      const starts: number[] = new Array(n);
      const ends: number[] = new Array(n);
      let cursor = para.start;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const at = locate(text, v, cursor, para.end);
        if (at < 0) {
          starts[i] = cursor;
          ends[i] = cursor;
        } else {
          starts[i] = at;
          ends[i] = at + v.length;
          cursor = ends[i];
        }
      }
      const sentSpans = joinSplitSentences(values, wdoc.sentences().out(its.span) as unknown as [number, number][]);
      for (const [a, b] of sentSpans) {
        const sIndex = sentences.length;
        for (let i = a; i <= b; i++) {
          const lx = lexemes[i];
          tokens.push({
            index: base + i,
            start: starts[i],
            end: ends[i],
            text: lx.text,
            lower: lx.lower,
            pos: pos[i] as Pos,
            type: lx.type,
            sentence: sIndex,
            lexeme: ids[i],
          });
        }
        sentences.push({
          index: sIndex,
          paragraph: para.index,
          start: starts[a],
          end: ends[b],
          tokenStart: base + a,
          tokenEnd: base + b + 1,
        });
      }
      // its.type, not its.detail: detail also rebuilds each entity's text, which is read from `text` below
      const wents = wdoc.entities();
      const entTypes = wents.out(its.type) as string[];
      const entSpans = wents.out(its.span) as unknown as [number, number][];
      for (let k = 0; k < entSpans.length; k++) {
        const [a, b] = entSpans[k];
        nerSpans.push({
          type: entTypes[k],
          start: starts[a],
          end: ends[b],
          text: text.slice(starts[a], ends[b]),
          tokenStart: base + a,
          tokenEnd: base + b + 1,
        });
      }
    }
    return { paragraphs, sentences, tokens, nerSpans };
  },
});
