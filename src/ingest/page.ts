// Reading what a page says about itself, before Readability rewrites the DOM: meta tags, link
// rels, JSON-LD, microdata, links to policy pages, and the short labels shown with the article
// ("Opinion", "Analysis"). Everything is plain data (PageInfo minus the body), so later stages
// never touch the DOM.
import type { JsonLdNode, MicrodataProp, PageInfo, PageLink } from '../model/types.ts';
import { flattenJsonLd, parseJsonLd, shortType } from './jsonld.ts';
import { WORK_LABEL } from '../model/work-labels.ts';

/** Upper bounds, so a hostile page costs bounded time. */
const MAX_ANCHORS = 4000;
const MAX_ITEMPROPS = 2000;
const MAX_VALUE = 2000;

// Minimal DOM surface used here (linkedom's elements).
interface DomEl {
  tagName: string;
  querySelectorAll?(sel: string): ArrayLike<DomEl>;
  textContent: string | null;
  parentElement: DomEl | null;
  getAttribute(n: string): string | null;
  hasAttribute(n: string): boolean;
}
interface DomDoc {
  documentElement: DomEl | null;
  head?: (DomEl & { getElementsByTagName(tag: string): ArrayLike<DomEl> }) | null;
  title?: string;
  querySelectorAll(sel: string): ArrayLike<DomEl>;
  getElementsByTagName(tag: string): ArrayLike<DomEl>;
}

/** Link roles, by what the link text (or, failing that, the href) says. Order matters: first match wins. */
const LINK_ROLES: [string, RegExp, RegExp][] = [
  ['corrections', /\bcorrections?\b|\berrata\b|\bfix(?:ing)? (?:an? )?(?:error|mistake)/i, /correction/i],
  ['ethics', /\bethics\b|\bethical\b|code of (?:conduct|practice)|\beditorial (?:standards|guidelines|policy|policies|values)|\bstandards\b|\bprinciples\b|\bhow we work\b|\bour values\b/i, /ethic|standards|principles|editorial-polic|code-of-(?:conduct|practice)/i],
  ['diversity', /\bdiversity\b|\binclusion\b/i, /diversity/i],
  ['unnamed-sources', /\b(?:unnamed|anonymous) sources?\b/i, /(?:unnamed|anonymous)-sources?/i],
  ['ownership', /\bownership\b|\bwho owns\b|\bfunding\b|\bfunders?\b|\bsupporters?\b|\bdonors?\b|\bfinanc(?:ing|ials)\b/i, /ownership|funding|funders|donors/i],
  ['masthead', /\bmasthead\b|\bour (?:team|staff|journalists|newsroom)\b|\bstaff directory\b|\bleadership\b|\bwho we are\b/i, /masthead|our-team|staff|newsroom/i],
  ['feedback', /\bfeedback\b|\breport (?:an? )?(?:error|mistake|typo)\b|\bsuggest a correction\b|\bsend (?:us )?(?:a )?tips?\b|\bnews ?tips?\b|\bcontact (?:us|the newsroom|the editor|our)\b|\bletters? to the editor\b|\bcontact\b/i, /feedback|contact|tips|report-(?:an-)?error/i],
  ['about', /\babout (?:us|the|our)\b|^about$/i, /\/about(?:[-_/]|$)/i],
  ['fact-checking', /\bfact[- ]?check(?:ing)? (?:policy|process|methodology)\b|\bverification\b/i, /fact-?check(?:ing)?-polic|verification/i],
  ['author', /^$/, /\/(?:author|authors|people|staff|profile|by|journalists?|contributors?|reporters?)\/[\w.-]+/i],
];

const LINK_HINT = /correct|errat|ethic|standard|principle|conduct|practice|polic|divers|inclusi|unnamed|anonymous|owner|fund|donor|support|financ|masthead|team|staff|newsroom|leader|who we are|how we work|values|feedback|error|mistake|typo|tip|contact|letter|about|fact|verif|author|people|profile|journalist|contributor|reporter/i;

/** Short labels naming the type of work. */
export { WORK_LABEL };

// Elements whose class or id says they carry the article's label or kicker.
// (Few patterns: css-select's cost grows with each one, on every element of the page.)
const LABEL_SELECTOR = '[class*="kicker"],[class*="eyebrow"],[class*="label"],[class*="flag"],[class*="-type"],[class*="rubric"]';

function collapse(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

function push(map: Record<string, string[]>, k: string, v: string): void {
  (map[k] ??= []).push(v);
}

/** What readPage reads; ingestion adds the charset, the byline, the dropped blocks and the metadata. */
export type PageRead = Pick<PageInfo, 'url' | 'lang' | 'title' | 'metaTags' | 'linkRels' | 'jsonld' | 'microdata' | 'links' | 'labels' | 'notes'>;

/**
 * `markup`, when given, is the page source: a page without "ld+json" or "itemprop" in it skips
 * those searches (each is a walk of the whole DOM).
 */
export function readPage(doc: DomDoc, url: string | null, markup?: string): PageRead {
  const notes: string[] = [];
  const metaTags: Record<string, string[]> = {};
  // Meta and link tags live in <head> (meta in the body carry itemprop, read with microdata);
  // searching the head alone spares a walk of the whole page.
  // linkedom's head getter throws on a document without an element.
  const head = (doc.documentElement ? doc.head : null) ?? doc;
  for (const m of Array.from(head.getElementsByTagName('meta'))) {
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv');
    const content = m.getAttribute('content');
    if (key && content !== null && collapse(content)) push(metaTags, key.toLowerCase().trim(), collapse(content).slice(0, MAX_VALUE));
  }
  const linkRels: Record<string, string[]> = {};
  for (const l of Array.from(head.getElementsByTagName('link'))) {
    const href = l.getAttribute('href');
    if (!href) continue;
    for (const rel of (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)) if (rel) push(linkRels, rel, href);
  }

  const jsonld: JsonLdNode[] = [];
  let script = 0;
  const scripts = markup === undefined || /ld\+json/i.test(markup) ? doc.getElementsByTagName('script') : [];
  for (const s of Array.from(scripts)) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const src = s.textContent ?? '';
    try {
      const { values, repaired } = parseJsonLd(src);
      if (repaired) notes.push(`JSON-LD block ${script} is not valid JSON; read tolerantly (${values.length} object${values.length === 1 ? '' : 's'} recovered)`);
      flattenJsonLd(values, `jsonld[${script}]`, jsonld);
    } catch (e) {
      notes.push(`JSON-LD block ${script} could not be read: ${(e as Error).message}`);
    }
    script++;
  }

  const microdata: MicrodataProp[] = [];
  const props = markup === undefined || markup.includes('itemprop') ? doc.querySelectorAll('[itemprop]') : [];
  for (let i = 0; i < props.length && i < MAX_ITEMPROPS; i++) {
    const el = props[i];
    const prop = collapse(el.getAttribute('itemprop')).split(' ')[0];
    if (!prop || el.hasAttribute('itemscope')) continue;
    // The dotted path through enclosing items that are themselves properties ("author.name").
    const names: string[] = [prop];
    let itemType: string | null = null;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (!p.hasAttribute('itemscope')) continue;
      const t = p.getAttribute('itemtype');
      if (itemType === null) itemType = t ? shortType(t.split(/\s+/)[0]) : '';
      const ip = p.getAttribute('itemprop');
      if (ip) names.unshift(collapse(ip).split(' ')[0]);
      else break;
    }
    const tag = el.tagName.toUpperCase();
    const value = collapse(
      tag === 'META' ? el.getAttribute('content')
        : tag === 'TIME' ? (el.getAttribute('datetime') ?? el.textContent)
        : tag === 'A' || tag === 'LINK' ? el.getAttribute('href')
        : tag === 'IMG' ? el.getAttribute('src')
        : (el.getAttribute('content') ?? el.textContent),
    ).slice(0, MAX_VALUE);
    if (value) microdata.push({ prop, value, path: names.join('.'), itemType: itemType || null });
  }

  const links: PageLink[] = [];
  const seen = new Set<string>();
  // getElementsByTagName is much cheaper than querySelectorAll on linkedom.
  const anchors = doc.getElementsByTagName('a');
  for (let i = 0; i < anchors.length && i < MAX_ANCHORS; i++) {
    const a = anchors[i];
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) continue;
    const rel = (a.getAttribute('rel') ?? '').toLowerCase();
    const raw = a.textContent ?? '';
    if (raw.length > 200) continue;
    const isAuthor = rel.includes('author');
    // One cheap test before the role list: most links name none of these.
    if (!isAuthor && !LINK_HINT.test(raw) && !LINK_HINT.test(href)) continue;
    const text = collapse(raw);
    if (text.length > 80) continue;
    let role: string | null = isAuthor ? 'author' : null;
    if (!role) {
      for (const [r, byText, byHref] of LINK_ROLES) {
        if ((text && byText.test(text)) || byHref.test(href)) { role = r; break; }
      }
    }
    if (!role) continue;
    const key = `${role} ${href}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ role, href: absolute(href, url), text });
  }

  // Labels sit near the headline: search the h1's neighbourhood (its grandparent), not the page.
  const labels: string[] = [];
  const h1 = doc.getElementsByTagName('h1')[0];
  const near = h1?.parentElement?.parentElement ?? h1?.parentElement ?? null;
  const cands = near?.querySelectorAll ? near.querySelectorAll(LABEL_SELECTOR) : doc.querySelectorAll(LABEL_SELECTOR);
  for (const el of Array.from(cands).slice(0, 300)) {
    const t = collapse(el.textContent);
    if (t && t.length <= 40 && WORK_LABEL.test(t) && !labels.includes(t)) labels.push(t);
  }

  const html = doc.documentElement;
  const lang = html?.getAttribute('lang') ?? html?.getAttribute('xml:lang') ?? null;
  return { url, lang: lang ? lang.trim() || null : null, title: collapse(doc.title) || null, metaTags, linkRels, jsonld, microdata, links, labels, notes };
}

export function absolute(href: string, base: string | null): string {
  if (!base) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}
