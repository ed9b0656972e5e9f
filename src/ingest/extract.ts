// Article body extraction: @mozilla/readability on a linkedom DOM, then generic cleanup of what
// Readability keeps but is not body (captions, related-link lists, bylines, newsletter and share
// boxes), then the kept blocks as text, one block per paragraph separated by blank lines, so the
// tokens stage (one line = one paragraph) sees the page's paragraphs.
import { Readability } from '@mozilla/readability';

/** Readability gives up on pages with more elements than this (it throws; we fall back). */
const MAX_ELEMS = 60_000;

export interface Extracted {
  /** The body as text: blocks separated by "\n\n". */
  text: string;
  title: string | null;
  byline: string | null;
  lang: string | null;
  siteName: string | null;
  /** How the body was found: Readability, or the page's whole visible text as a last resort. */
  method: 'readability' | 'fallback' | 'empty';
}

// Tags whose content is never article text.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'IFRAME', 'OBJECT', 'FORM', 'NAV', 'ASIDE', 'FIGCAPTION', 'HEAD', 'TITLE', 'META', 'LINK']);
// Tags that start a new block (paragraph) of text.
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR',
  'TD', 'TH', 'FIGURE', 'HR', 'ADDRESS', 'CAPTION', 'DETAILS', 'SUMMARY', 'CENTER',
]);

interface El {
  nodeType: number;
  tagName?: string;
  nodeValue?: string | null;
  childNodes: ArrayLike<El>;
  getAttribute?(name: string): string | null;
}

/** The element's text as blocks: whitespace collapsed inside a block, a block per block-level element. */
export function blocksOf(root: El): string[] {
  const blocks: string[] = [];
  let cur = '';
  const flush = (): void => {
    const t = cur.replace(/[ \t\r\n\f\u00a0\u200b]+/g, ' ').trim();
    if (t) blocks.push(t);
    cur = '';
  };
  const walk = (n: El): void => {
    if (n.nodeType === 3) { cur += n.nodeValue ?? ''; return; }
    if (n.nodeType !== 1) return;
    const tag = n.tagName!.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') { flush(); return; }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

export function extractBody(document: Document): Extracted {
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    parsed = new Readability<Element>(document, { maxElemsToParse: MAX_ELEMS, serializer: (n) => n as Element }).parse();
  } catch {
    parsed = null;
  }
  if (parsed?.content) {
    const blocks = blocksOf(parsed.content as unknown as El);
    return {
      text: blocks.join('\n\n'),
      title: parsed.title ?? null,
      byline: parsed.byline ?? null,
      lang: parsed.lang ?? null,
      siteName: parsed.siteName ?? null,
      method: 'readability',
    };
  }
  const body = document.body as unknown as El | null;
  const blocks = body ? blocksOf(body) : [];
  return { text: blocks.join('\n\n'), title: null, byline: null, lang: null, siteName: null, method: blocks.length ? 'fallback' : 'empty' };
}
