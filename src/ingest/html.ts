// HTML page → body text + PageInfo. One linkedom parse serves both: the page's metadata is read
// first, because Readability rewrites the DOM, then the body is extracted and cleaned.
import { parseHTML } from 'linkedom';
import type { PageInfo } from '../model/types.ts';
import { decodeHtml } from './charset.ts';
import { extractBody } from './extract.ts';
import { metaFromMarkup } from './meta-markup.ts';
import { absolute, readPage } from './page.ts';
import { InputError } from './text-input.ts';

/** Pages above this many bytes are refused outright. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;
/** Markup beyond this many characters is not parsed (bounds the DOM's memory and time). */
export const MAX_PARSE_CHARS = 6 * 1024 * 1024;
/** A body longer than this is cut at a paragraph: no news article is this long, and it bounds the NLP. */
export const MAX_BODY_CHARS = 400_000;

export interface IngestOptions {
  url?: string | null;
  /** HTTP Content-Type, for its charset. */
  contentType?: string | null;
  /** Name used in error messages. */
  what?: string;
}

export interface Ingested {
  text: string;
  page: PageInfo;
}

// Scripts (but not JSON-LD), styles, inline SVG, noscript fallbacks, iframes and form controls
// hold no article text and are half of a page's bytes; cutting them before the parse saves a
// fifth of the parse and part of Readability's walk. Only whole elements whose start tag opens a
// line or follows a tag end are cut, so "<script" inside an attribute value or text stays. A
// scan, not one regex with a lazy body: an unclosed tag must not make a hostile page quadratic.
const HEAVY_OPEN = /(?:^|>|\n)[ \t\r]*<(script|style|svg|noscript|iframe|template|select|button)\b([^<>]{0,2000})>/gi;

export function stripScripts(html: string): string {
  HEAVY_OPEN.lastIndex = 0;
  const unclosed = new Set<string>();
  const parts: string[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAVY_OPEN.exec(html))) {
    const tag = m[1].toLowerCase();
    if (unclosed.has(tag) || (tag === 'script' && /ld\+json/i.test(m[2]))) continue;
    const close = new RegExp(`</${tag}\\s*>`, 'gi');
    close.lastIndex = HEAVY_OPEN.lastIndex;
    const c = close.exec(html);
    // No end tag from here on: none of the later ones of this tag can close either.
    if (!c) { unclosed.add(tag); continue; }
    const open = m.index + m[0].lastIndexOf('<');
    parts.push(html.slice(last, open));
    last = c.index + c[0].length;
    HEAVY_OPEN.lastIndex = last;
  }
  if (!parts.length) return html;
  parts.push(html.slice(last));
  return parts.join('');
}

// Readability (and linkedom's tree walks) are quadratic in nesting depth: 6,000 unclosed <div>s
// take 24 s. Real pages nest under 100 deep (86 at most on the shared dev pages, counting
// unclosed tags), so a deeper page is read without the DOM.
const MAX_DEPTH = 600;
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command',
  'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'tbody', 'thead', 'tfoot', 'rt', 'rp', 'colgroup', 'caption', 'html', 'head', 'body']);
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

/**
 * True when elements nest deeper than `limit` (end tags close; void and self-closing elements do
 * not nest). A linear scan from each "<" to the next ">", as the HTML tokenizer reads a tag (a
 * regex would rescan the same text for every "<" of a page without ">").
 */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let d = 0;
  let i = 0;
  let gt = -1;
  while ((i = html.indexOf('<', i)) >= 0) {
    if (gt < i) {
      gt = html.indexOf('>', i);
      if (gt < 0) return false;
    }
    let j = i + 1;
    const close = html.charCodeAt(j) === 47;
    if (close) j++;
    const c0 = html.charCodeAt(j);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90))) { i++; continue; }
    let k = j + 1;
    while (k < gt && isNameChar(html.charCodeAt(k))) k++;
    i = gt + 1;
    if (html.charCodeAt(gt - 1) === 47 || NO_DEPTH.has(html.slice(j, k).toLowerCase())) continue;
    if (close) { if (d > 0) d--; } else if (++d > limit) return true;
  }
  return false;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Text of markup without a DOM: block tags become paragraph breaks, other tags vanish. For degenerate pages only. */
export function textFromMarkup(html: string): string {
  return html
    .replace(/<(?:\/?(?:p|div|section|article|h[1-6]|li|ul|ol|tr|table|blockquote|pre|header|footer|main)\b[^>]{0,2000}|br\s*\/?)>/gi, '\n\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (e, dec, hex, name) => {
      const cp = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
      if (cp >= 0) return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      return ENTITIES[name.toLowerCase()] ?? e;
    })
    .split(/\n{2,}/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Looks like HTML rather than plain text: a doctype or an <html>/<head>/<body>/<p>/<div> tag near the start. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:html|head|body|meta|title|div|p|article)[\s>]/.test(head);
}

export function ingestHtml(input: string | Uint8Array, opts: IngestOptions = {}): Ingested {
  const what = opts.what ?? opts.url ?? 'the page';
  let html: string;
  let charset: string | null = null;
  let charsetSource: string | null = null;
  const notes: string[] = [];
  if (typeof input === 'string') {
    if (input.length > MAX_HTML_BYTES) throw new InputError(`${what} is ${input.length} characters; the limit is ${MAX_HTML_BYTES}`);
    const nul = input.indexOf('\u0000');
    if (nul >= 0 && nul < 65536) throw new InputError(`${what} looks like binary data (NUL character at offset ${nul}), not an HTML page`);
    html = input;
  } else {
    if (input.length > MAX_HTML_BYTES) throw new InputError(`${what} is ${input.length} bytes; the limit is ${MAX_HTML_BYTES} bytes`);
    const d = decodeHtml(input, { contentType: opts.contentType, what });
    html = d.html;
    charset = d.charset;
    charsetSource = d.source;
    notes.push(...d.notes);
  }
  let markup = stripScripts(html);
  if (markup.length > MAX_PARSE_CHARS) {
    notes.push(`page markup is ${markup.length} characters; only the first ${MAX_PARSE_CHARS} were read`);
    markup = markup.slice(0, MAX_PARSE_CHARS);
  }
  const url = opts.url ?? null;
  if (nestsDeeperThan(markup, MAX_DEPTH)) {
    notes.push(`elements nest more than ${MAX_DEPTH} deep; the page was read without a DOM (no Readability)`);
    return shallowIngest(markup, url, notes, charset, charsetSource);
  }
  // linkedom leaves a document without any element null-rooted; give it one.
  const { document } = parseHTML(/<[a-z]/i.test(markup) ? markup : `<html><body>${markup}</body></html>`);
  const read = readPage(document as never, url, markup);
  const meta = metaFromMarkup(read);
  const ex = extractBody(document as unknown as Document, {
    authors: meta.authors?.map((a) => a.value.name) ?? [],
    titles: [meta.headline?.value, read.metaTags['og:title']?.[0], read.title].filter((x): x is string => !!x),
  });
  let text = ex.text;
  if (text.length > MAX_BODY_CHARS) {
    const cut = text.lastIndexOf('\n\n', MAX_BODY_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_BODY_CHARS);
    notes.push(`article body cut to ${text.length} characters (limit ${MAX_BODY_CHARS})`);
  }
  if (!text) notes.push('no article body found on the page');
  if (!meta.publisher && ex.siteName) meta.publisher = { value: ex.siteName, source: { kind: 'html', path: 'readability:siteName' } };
  if (!meta.headline && ex.title) meta.headline = { value: ex.title, source: { kind: 'html', path: 'readability:title' } };
  if (!meta.authors && ex.byline) {
    const name = ex.byline.replace(/^by\s+/i, '').trim();
    if (name && name.length < 80) meta.authors = [{ value: { name }, source: { kind: 'html', path: 'readability:byline' } }];
  }
  const page: PageInfo = {
    ...read,
    notes: [...notes, ...read.notes],
    charset,
    charsetSource,
    byline: ex.byline,
    dropped: ex.dropped,
    bodyLinks: ex.links.map((l) => ({ href: absolute(l.href, url), text: l.text })),
    extraction: ex.method,
    meta,
  };
  return { text, page };
}

/** A degenerate page: metadata from its <head> alone, text from the markup without a DOM. */
function shallowIngest(markup: string, url: string | null, notes: string[], charset: string | null, charsetSource: string | null): Ingested {
  const bodyAt = markup.search(/<body\b/i);
  const headPart = bodyAt >= 0 ? markup.slice(0, bodyAt) : '';
  const head = nestsDeeperThan(headPart, MAX_DEPTH) ? '' : headPart;
  const read = readPage(parseHTML(/<html\b/i.test(head) ? `${head}<body></body></html>` : `<html>${head}<body></body></html>`).document as never, url);
  const meta = metaFromMarkup(read);
  let text = textFromMarkup(bodyAt >= 0 ? markup.slice(bodyAt) : markup);
  if (text.length > MAX_BODY_CHARS) {
    const cut = text.lastIndexOf('\n\n', MAX_BODY_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_BODY_CHARS);
    notes.push(`article body cut to ${text.length} characters (limit ${MAX_BODY_CHARS})`);
  }
  const page: PageInfo = {
    ...read, notes: [...notes, ...read.notes], charset, charsetSource, byline: null, dropped: [], bodyLinks: [],
    extraction: text ? 'fallback' : 'empty', meta,
  };
  return { text, page };
}

/** Body text only (for the extraction eval). */
export function extractFromHtml(html: string, opts: { url?: string } = {}): { text: string } {
  return { text: ingestHtml(html, { url: opts.url ?? null }).text };
}
