// Article body extraction: @mozilla/readability on a linkedom DOM, then generic cleanup of what
// Readability keeps but is not body (captions and photo credits, related-link lists, bylines and
// date lines, newsletter/share/subscribe boxes, author bios), then the kept blocks as text, one
// block per paragraph separated by blank lines, so the tokens stage (one line = one paragraph)
// sees the page's paragraphs. The rules are generic (class names, link density, short boilerplate
// lines); none names a site.
import { Readability } from '@mozilla/readability';

/**
 * Readability retries the whole page (re-parsing it) while it finds fewer characters than this;
 * its default, 500, makes short articles cost up to four passes. 250 scores the same on the dev
 * pages (80 loses whole articles to a first-pass fragment).
 */
const CHAR_THRESHOLD = 250;

/** Readability gives up on pages with more elements than this (it throws; we fall back). */
const MAX_ELEMS = 60_000;

export interface ExtractOptions {
  /** Author names known from the page's metadata: short blocks naming them are bylines or bios. */
  authors?: string[];
  /** The page's headline(s): a leading block repeating one is the title, not body. */
  titles?: string[];
  /** Called with each dropped block and the rule that dropped it (for tuning). */
  onDrop?: (text: string, rule: string) => void;
}

export interface Extracted {
  /** The body as text: blocks separated by "\n\n". */
  text: string;
  title: string | null;
  byline: string | null;
  lang: string | null;
  siteName: string | null;
  /** How the body was found: Readability, or the page's whole visible text as a last resort. */
  method: 'readability' | 'fallback' | 'empty';
  /** Links inside the kept body (citations and references). */
  links: { href: string; text: string }[];
  /** Blocks the cleanup left out, with the rule (kept as evidence: bylines, bios, contributor lines). */
  dropped: { text: string; rule: string }[];
}

// Tags whose content is never article text.
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'IFRAME', 'OBJECT', 'FORM', 'NAV', 'ASIDE', 'FIGCAPTION', 'HEAD', 'TITLE', 'META', 'LINK', 'TIME']);
// Tags that start a new block (paragraph) of text.
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR',
  'FIGURE', 'HR', 'ADDRESS', 'CAPTION', 'DETAILS', 'SUMMARY', 'CENTER',
]);

// Class or id words of page furniture that Readability can leave inside the article container.
const FURNITURE = /(?:^|[-_\s])(?:caption|credits?|byline|author|authors|bio|related|recirc|more-?stories|read-?more|share|sharing|social|newsletter|subscribe|subscription|signup|promo|tags|tag-?list|comments?|timestamp|breadcrumbs?|toolbar|gallery|slideshow|trending|popular|sponsor(?:ed)?|advert\w*|ads?|outbrain|taboola|disclaimer|disclosure|affiliate|enlarge|copyright|post-?meta|entry-?meta|article-?meta|meta-?data|cta|correction-?link)(?:$|[-_\s])/i;

interface El {
  nodeType: number;
  tagName?: string;
  nodeValue?: string | null;
  textContent?: string | null;
  childNodes: ArrayLike<El>;
  getAttribute?(name: string): string | null;
}

interface Block {
  text: string;
  /** Characters of the block that sit inside links. */
  linkChars: number;
  /** The block is (or sits in) a heading. */
  heading: boolean;
  /** The block is (or sits in) a list item. */
  item: boolean;
  /** Links in the block (href, text), for citations. */
  links: { href: string; text: string }[] | null;
}

const WS = /[ \t\r\n\f\u00a0\u200b\u2028\u2029]+/g;

/** The element's text as blocks: whitespace collapsed inside a block, a block per block-level element. */
export function blocksOf(root: El, cleanup = false, totalChars = -1): Block[] {
  const blocks: Block[] = [];
  let cur = '';
  let linkChars = 0;
  let inLink = 0;
  let heading = 0;
  let curHeading = false;
  let item = 0;
  let curItem = false;
  let curLinks: { href: string; text: string }[] | null = null;
  // The article's length bounds what furniture may be (Readability already counted it).
  const total = !cleanup ? 0 : totalChars >= 0 ? totalChars : (root.textContent ?? '').length;
  const flush = (): void => {
    const t = cur.replace(WS, ' ').trim();
    if (t) blocks.push({ text: t, linkChars: Math.min(linkChars, t.length), heading: curHeading, item: curItem, links: curLinks });
    curLinks = null;
    cur = '';
    linkChars = 0;
    curHeading = heading > 0;
    curItem = item > 0;
  };
  const walk = (n: El): void => {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      cur += v;
      if (inLink) linkChars += v.replace(WS, ' ').length;
      if (heading) curHeading = true;
      if (item) curItem = true;
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = n.tagName!.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') { flush(); return; }
    if (cleanup && n !== root) {
      const cls = `${n.getAttribute?.('class') ?? ''} ${n.getAttribute?.('id') ?? ''}`;
      // Furniture by name, but never a container holding most of the article.
      if (cls.length > 1 && FURNITURE.test(cls) && (n.textContent ?? '').length < 0.3 * total) return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const isLink = tag === 'A';
    const isHeading = tag.length === 2 && tag[0] === 'H' && tag[1] >= '1' && tag[1] <= '6';
    // Table cells stay on their row's line, apart.
    if (tag === 'TD' || tag === 'TH') cur += ' ';
    if (isLink) {
      inLink++;
      const href = n.getAttribute?.('href');
      if (href && !href.startsWith('#') && !/^(?:javascript|mailto):/i.test(href)) {
        (curLinks ??= []).push({ href, text: (n.textContent ?? '').replace(WS, ' ').trim().slice(0, 200) });
      }
    }
    if (isHeading) heading++;
    if (tag === 'LI') item++;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (isLink) inLink--;
    if (isHeading) heading--;
    if (tag === 'LI') item--;
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

// ---- Block-level rules: short lines that are page furniture, whatever their markup ----------

/** Photo credits, gallery counters, media notices. */
const CREDIT = /^(?:\(?(?:image|photo|picture|foto|video)s?(?: copyright| credit)?\s*(?::|©|by\b)|©|image copyright|enlarge image$|caption$|close$|image \d+ of \d+|\d+ of \d+$|media playback is unsupported)|\((?:ap|afp|reuters|getty)? ?(?:photo|image|picture)s?\b[^)]*\)$|\((?:image |photo )?credit:?[^)]*\)$|\(image: ©[^)]*\)$|\(photo by [^)]*\)$/i;
/** A line that is only a source credit ("Photo: Damian Dovarganes, AP", "Natalie Naccache | Bloomberg | Getty Images"). */
const CREDIT_TAIL = /(?:\bgetty images|\/ ?ap|, ap|\bshutterstock|\bistock(?:photo)?|\breuters|\bafp|\bepa)$/i;

/** Calls to action and section labels of related/recirculation boxes. */
const FURNITURE_LINE = /^(?:\[?(?:related|read more|read also|see also|more|also read|watch|listen|recommended|related post|related story|related article|more from [^:]{1,40})\s*:|advertisement|advertising|iklan|anzeige|publicidade|publicité|continue reading(?: below)?|read more|more:?|related(?: news| stories| articles| posts| content| coverage)?:?|you may also like:?|you might also like:?|more (?:great )?\S+ stories|more from .{1,40}|tags:?|comments?|sign in|log in|subscribe|share(?: this(?: article| story)?)?|trending(?: now)?|popular(?: this week| now)?|most (?:read|popular|viewed)|recent (?:articles|posts)|latest(?: news)?|highlights|loading(?: content)?\s*\.*|view author archive|email the author|follow (?:on|us on) \S+|click here\b.*|get the .{1,40} app.*|sign up\b.*newsletter.*|subscribe to\b.*|.*\bclick to tweet|filed under:?.*|source: .{1,40}|want more stories like this\??|every day we send an email.*|this post may contain affiliate.*|copyright\b.*|all rights reserved.*|via \S+|https?:\/\/\S+|(?:reading time|tempo de leitura|lesezeit|temps de lecture)\b.*|\d+ min(?:ute)?s? read|citation:.*|this (?:document|article|material|content) (?:is subject to|may not be)\b.*|related coverage\b.*)$/i;

/** Share bars: nothing but these words ("Share Tweet Submit", "Print Article", "Text size"). */
const SHARE_WORDS = new Set(['share', 'shares', 'tweet', 'submit', 'print', 'email', 'e-mail', 'mail', 'pin', 'pinit', 'whatsapp', 'facebook', 'twitter', 'linkedin', 'reddit', 'pinterest', 'flipboard', 'telegram', 'messenger', 'sms', 'comment', 'comments', 'save', 'copy', 'link', 'reprints', 'order', 'text', 'size', 'article', 'this', 'story', 'on', 'via', 'more', 'close', 'menu', 'baixar', 'pint', 'whats', 'app', 'google', 'plus', 'tumblr', 'vk', 'ok', 'compartir', 'teilen', 'partager', 'compartilhar']);

/** Closing calls to follow, join, e-mail or sign up, and credits for contributed reporting. */
const CLOSING = /^(?:follow|join|email|e-mail|reach|listen|sign up|subscribe|get|download)\b.{0,200}(?:@\w|twitter|facebook|instagram|youtube|podcast|forums?|newsletter|app\b)|contributed (?:reporting|to this (?:report|story|article))|^(?:additional )?reporting by\b|^(?:writing|editing|edited|compiled) by\b/i;
const NEWSLETTER = /\b(?:sign up|subscribe|subscription|register)\b[^.]{0,120}\b(?:newsletter|inbox|free daily|daily email|subscription)/i;

function isShareBar(t: string, words: number): boolean {
  if (words > 8) return false;
  for (const w of t.toLowerCase().split(/[^\p{L}-]+/u)) if (w && !SHARE_WORDS.has(w)) return false;
  return true;
}

/** Headings of recirculation boxes: the list items after them go too. */
const RELATED_HEAD = /^(?:more|related|you may also like|you might also like|recommended|more (?:great )?\S+ stories|more from|read more|trending|popular|most|recent|latest)\b/i;

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// A time, a relative time, or a day with its month (English, or "22 de janeiro", "18. November").
const DATE_BIT = new RegExp(`\\b(?:\\d{1,2}:\\d\\d|\\d{1,2}\\.\\d\\d ?[ap]\\.?m|(?:${MONTHS})\\.? \\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)?\\.? (?:${MONTHS})\\b|\\d{1,2} de \\p{L}+ de \\d{4}|\\d+ (?:min(?:ute)?s?|hours?|days?|weeks?) ago|(?:19|20)\\d\\d[-./]\\d\\d[-./]\\d\\d|\\d\\d?[-./]\\d\\d?[-./](?:19|20)\\d\\d)`, 'iu');
const DATE_BIT_G = new RegExp(DATE_BIT.source, 'giu');
const MONTH_RE = new RegExp(`^(?:${MONTHS})$`, 'i');
const DATE_FILLER = new Set(['published', 'updated', 'posted', 'last', 'modified', 'created', 'date', 'on', 'at', 'am', 'pm', 'est', 'edt', 'gmt', 'utc', 'bst', 'cet', 'pst', 'pdt', 'cst', 'by', 'and', 'the', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'ago', 'today', 'yesterday', 'de', 'às', 'um', 'le', 'am', 'uhr']);
const DATE_WORD = /^(?:published|updated|posted|last (?:updated|modified)|modified|created|date|on)\b/i;
const SENTENCE_END = /[.!?"”»)]$/;
const TIME_END = /\b[ap]\.m\.$/i;

/** A shorter all-link line ("[Engadget]", a product link) is as often body as not. */
const LINK_LINE_MIN_WORDS = 4;

function wordCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n + 1;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A date/time line ("Updated Nov 19, 6:55 AM", "Published 1 day ago"), not a sentence. */
function isDateLine(t: string, words: number): boolean {
  if (words > 14 || /^[—–-]/.test(t) || / (?:--|~) /.test(t)) return false;
  if ((SENTENCE_END.test(t) && !TIME_END.test(t)) || t.endsWith(':')) return false;
  if (!(DATE_BIT.test(t) || (DATE_WORD.test(t) && /\b(?:19|20)\d\d\b|\bago\b/.test(t)))) return false;
  // Little else than the date: a name, an outlet, "Updated", weekday ("June 9 -- Coral Sky
  // Amphitheatre, West Palm Beach" is a list item, not a date line).
  let other = 0;
  for (const w of t.replace(DATE_BIT_G, ' ').split(/[^\p{L}]+/u)) {
    if (w.length > 1 && !DATE_FILLER.has(w.toLowerCase()) && !MONTH_RE.test(w)) other++;
  }
  return other <= 4;
}

function isByline(t: string, words: number, authors: string[]): boolean {
  if (words > 14 || (SENTENCE_END.test(t) && !TIME_END.test(t))) return false;
  if (/^by\s+\p{Lu}/iu.test(t)) return true;
  if (!authors.length) return false;
  const n = norm(t);
  // The block is a name (plus an affiliation, "Ap Auto Writer", or a date).
  // One-word authors are mostly organisations ("Beachbody"): only the bare name counts then.
  return authors.some((a) => a.length > 2 && (n === a || (a.includes(' ') && n.startsWith(a) && words <= wordCount(a) + 4)));
}

/** "Regan is a Connecticut native ...", "Emiliano joined pv magazine in 2017." near the end. */
function isAuthorBio(t: string, authors: string[]): boolean {
  for (const a of authors) {
    const first = a.split(' ')[0];
    const lower = t.toLowerCase();
    if (first.length < 3) continue;
    if ((lower.startsWith(a + ' ') || lower.startsWith(first + ' ')) && /^\S+(?: \S+){0,2} (?:\([^)]*\) )?(?:is|was|has|joined|covers|writes|reports)\b/i.test(t)) return true;
  }
  return false;
}

/** Drops furniture blocks; returns the kept ones. */
export function cleanBlocks(blocks: Block[], opts: ExtractOptions = {}): Block[] {
  const authors = (opts.authors ?? []).map(norm).filter((a) => a.length > 2);
  const keep: boolean[] = new Array(blocks.length).fill(true);
  const dropped: string[] = new Array(blocks.length).fill('');
  const titles = (opts.titles ?? []).map(norm).filter((x) => x.length > 10);
  const n = blocks.length;
  for (let i = 0; i < n; i++) {
    const { text: t, linkChars } = blocks[i];
    const words = wordCount(t);
    const short = words <= 25;
    let drop = '';
    const bare = t.replace(/[\s.:…!]+$/u, '');
    if (short && (CREDIT.test(t) || (words <= 8 && CREDIT_TAIL.test(t)))) drop = 'credit';
    else if (short && (FURNITURE_LINE.test(bare) || isShareBar(t, words))) drop = 'furniture-line';
    else if (i > 0 && !keep[i - 1] && dropped[i - 1] === 'related-heading' && blocks[i].item && words <= 40) drop = 'related-heading';
    else if (words <= 60 && NEWSLETTER.test(t)) drop = 'newsletter';
    else if (i >= n - 5 && words <= 60 && CLOSING.test(t)) drop = 'closing';
    else if (i < 3 && titles.length && titles.includes(norm(t))) drop = 'title';
    // A line that is all link: a related-story headline or a navigation item.
    else if (short && words >= LINK_LINE_MIN_WORDS && linkChars >= 0.8 * t.length && n > 3) drop = 'link-line';
    else if (isDateLine(t, words)) drop = 'date-line';
    else if (i < 4 || i >= n - 4 ? isByline(t, words, authors) : words <= 6 && isByline(t, words, authors)) drop = 'byline';
    else if (i >= n - 3 && isAuthorBio(t, authors)) drop = 'author-bio';
    if (drop === 'furniture-line' && RELATED_HEAD.test(bare)) drop = 'related-heading';
    dropped[i] = drop;
    if (drop) opts.onDrop?.(t, drop);
    keep[i] = !drop;
  }
  // A short label just before dropped link lines is that box's kicker or heading ("TIME TRAVELLER").
  for (let i = 0; i + 1 < n; i++) {
    if (keep[i] && !keep[i + 1] && blocks[i + 1].linkChars >= 0.8 * blocks[i + 1].text.length && wordCount(blocks[i].text) <= 6 && !/\p{Ll}/u.test(blocks[i].text)) {
      keep[i] = false;
      opts.onDrop?.(blocks[i].text, 'kicker');
    }
  }
  const out: Block[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(blocks[i]);
  return out;
}

/** Page chrome never part of an article; removed before Readability so it has less to score. */
const CHROME_TAGS = ['nav', 'footer', 'aside'];

export function extractBody(document: Document, opts: ExtractOptions = {}): Extracted {
  for (const tag of CHROME_TAGS) {
    for (const el of Array.from(document.getElementsByTagName(tag))) {
      // An <aside> or <footer> holding most of the page is a layout wrapper, not chrome.
      if (tag !== 'nav' && (el.textContent?.length ?? 0) > 5000) continue;
      el.remove();
    }
  }
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    parsed = new Readability<Element>(document, { maxElemsToParse: MAX_ELEMS, charThreshold: CHAR_THRESHOLD, keepClasses: true, disableJSONLD: true, serializer: (n) => n as Element }).parse();
  } catch {
    parsed = null;
  }
  const dropped: { text: string; rule: string }[] = [];
  if (parsed?.content) {
    const blocks = cleanBlocks(blocksOf(parsed.content as unknown as El, true, parsed.length ?? -1), {
      ...opts,
      onDrop: (text, rule) => {
        if (dropped.length < 200) dropped.push({ text: text.slice(0, 1000), rule });
        opts.onDrop?.(text, rule);
      },
      authors: [...(opts.authors ?? []), ...(parsed.byline ? [parsed.byline.replace(/^by\s+/i, '')] : [])],
    });
    const links: { href: string; text: string }[] = [];
    for (const b of blocks) if (b.links) for (const l of b.links) if (links.length < 200) links.push(l);
    return {
      text: blocks.map((b) => b.text).join('\n\n'),
      links,
      title: parsed.title ?? null,
      byline: parsed.byline ?? null,
      lang: parsed.lang ?? null,
      siteName: parsed.siteName ?? null,
      method: 'readability',
      dropped,
    };
  }
  const body = document.body as unknown as El | null;
  const blocks = body ? blocksOf(body).map((b) => b.text) : [];
  return { text: blocks.join('\n\n'), title: null, byline: null, lang: null, siteName: null, method: blocks.length ? 'fallback' : 'empty', links: [], dropped };
}
