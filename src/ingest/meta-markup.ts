// Article metadata from markup: JSON-LD first (the richest and what The Trust Project asks for),
// then microdata, then meta tags (OpenGraph, article:*, Dublin Core), then plain HTML. Each value
// keeps the path it was read from.
import type { ArticleMeta, Author, JsonLdNode, MicrodataProp, PageInfo, Sourced } from '../model/types.ts';
import { WORK_LABEL, type PageRead } from './page.ts';

/** NewsArticle subtypes: each names a type of work (schema.org terms contributed by The Trust Project). */
export const NEWS_SUBTYPES = new Set([
  'AnalysisNewsArticle', 'AskPublicNewsArticle', 'BackgroundNewsArticle', 'OpinionNewsArticle',
  'ReportageNewsArticle', 'ReviewNewsArticle', 'SatiricalArticle', 'AdvertiserContentArticle',
]);
const ARTICLE_TYPES = new Set([
  ...NEWS_SUBTYPES, 'NewsArticle', 'Article', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting',
  'DiscussionForumPosting', 'TechArticle', 'ScholarlyArticle', 'MedicalScholarlyArticle', 'Report', 'Review',
  'CriticReview', 'Posting',
]);

type Rec = Record<string, unknown>;

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as Rec;
    return str(o.name) ?? str(o['@value']) ?? str(o.text) ?? str(o.alternateName) ?? null;
  }
  return null;
}

function strList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: string[] = [];
  for (const x of list) {
    const s = typeof x === 'object' && x !== null ? str((x as Rec).url) ?? str(x) ?? str((x as Rec)['@id']) : str(x);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Scores how much a node looks like the page's article. */
function articleScore(n: JsonLdNode): number {
  let s = 0;
  for (const t of n.types) {
    if (NEWS_SUBTYPES.has(t)) s = Math.max(s, 4);
    else if (t === 'NewsArticle') s = Math.max(s, 3);
    else if (ARTICLE_TYPES.has(t)) s = Math.max(s, 2);
    else if (t === 'WebPage' || t === 'ItemPage') s = Math.max(s, 0.5);
  }
  if (s > 0 && (n.value.headline || n.value.name)) s += 0.5;
  if (s > 0 && n.value.author) s += 0.25;
  return s;
}

export function findArticleNode(nodes: JsonLdNode[]): JsonLdNode | null {
  let best: JsonLdNode | null = null;
  let bestScore = 0;
  for (const n of nodes) {
    const s = articleScore(n);
    if (s > bestScore) { best = n; bestScore = s; }
  }
  return best;
}

/** Resolves `{"@id": "#jane"}` references against the page's nodes. */
export function resolveRef(v: unknown, nodes: JsonLdNode[]): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Rec;
    const id = o['@id'];
    if (typeof id === 'string' && Object.keys(o).length <= 2 && !o.name) {
      const hit = nodes.find((n) => n.value['@id'] === id && n.value !== o);
      if (hit) return hit.value;
    }
  }
  return v;
}

function authorFrom(v: unknown, nodes: JsonLdNode[]): Author | null {
  const r = resolveRef(v, nodes);
  if (typeof r === 'string') {
    const name = str(r);
    if (!name) return null;
    return /^https?:\/\//.test(name) ? { name: name.replace(/\/+$/, '').split('/').pop()!.replace(/[-_]+/g, ' '), url: name } : { name };
  }
  if (!r || typeof r !== 'object' || Array.isArray(r)) return null;
  const o = r as Rec;
  const name = str(o.name) ?? ([str(o.givenName), str(o.familyName)].filter(Boolean).join(' ') || null);
  if (!name) return null;
  const a: Author = { name };
  const url = str(o.url) ?? (typeof o['@id'] === 'string' && /^https?:/.test(o['@id'] as string) ? (o['@id'] as string) : null);
  if (url) a.url = url;
  const jobTitle = str(o.jobTitle);
  if (jobTitle) a.jobTitle = jobTitle;
  const sameAs = strList(o.sameAs);
  if (sameAs.length) a.sameAs = sameAs;
  const knowsAbout = strList(o.knowsAbout);
  if (knowsAbout.length) a.knowsAbout = knowsAbout;
  const knowsLanguage = strList(o.knowsLanguage);
  if (knowsLanguage.length) a.knowsLanguage = knowsLanguage;
  const bio = str(o.description);
  if (bio) a.bio = bio;
  return a;
}

function md(props: MicrodataProp[], path: string): MicrodataProp | undefined {
  return props.find((p) => p.path === path || p.path.endsWith(`.${path}`));
}

function tag(page: Pick<PageInfo, 'metaTags'>, ...keys: string[]): Sourced<string> | undefined {
  for (const k of keys) {
    const v = page.metaTags[k]?.[0];
    if (v) return { value: v, source: { kind: 'meta', path: k } };
  }
  return undefined;
}

export function metaFromMarkup(page: PageRead): ArticleMeta {
  const meta: ArticleMeta = {};
  const nodes = page.jsonld;
  const art = findArticleNode(nodes);
  const a = art?.value ?? {};
  const at = (k: string): Sourced<string> | undefined => {
    const v = str(a[k]);
    return v && art ? { value: v, source: { kind: 'json-ld', path: `${art.path}.${k}` } } : undefined;
  };
  const mdv = (k: string): Sourced<string> | undefined => {
    const p = md(page.microdata, k);
    return p ? { value: p.value, source: { kind: 'microdata', path: p.path } } : undefined;
  };

  meta.headline = at('headline') ?? at('name') ?? mdv('headline') ?? tag(page, 'og:title', 'twitter:title', 'dc.title')
    ?? (page.title ? { value: page.title, source: { kind: 'html', path: 'title' } } : undefined);

  // Authors: JSON-LD (with @id references), microdata, meta tags, Readability's byline.
  const authors: Sourced<Author>[] = [];
  if (art && a.author !== undefined) {
    const list = Array.isArray(a.author) ? a.author : [a.author];
    list.forEach((v, i) => {
      const au = authorFrom(v, nodes);
      if (au) authors.push({ value: au, source: { kind: 'json-ld', path: `${art.path}.author${Array.isArray(a.author) ? `[${i}]` : ''}` } });
    });
  }
  if (!authors.length) {
    for (const p of page.microdata) {
      if (p.path === 'author.name' || p.path.endsWith('.author.name') || (p.path === 'author' && !/^https?:/.test(p.value))) {
        if (!authors.some((x) => x.value.name === p.value)) authors.push({ value: { name: p.value }, source: { kind: 'microdata', path: p.path } });
      }
    }
    // With one microdata author, its other properties are unambiguous.
    if (authors.length === 1) {
      const au = authors[0].value;
      for (const p of page.microdata) {
        const k = p.path.replace(/^(?:.*\.)?author\./, '');
        if (!p.path.includes('author.') || k === p.path) continue;
        if (k === 'jobTitle') au.jobTitle ??= p.value;
        else if (k === 'url') au.url ??= p.value;
        else if (k === 'sameAs') (au.sameAs ??= []).push(p.value);
        else if (k === 'knowsAbout') (au.knowsAbout ??= []).push(p.value);
        else if (k === 'knowsLanguage') (au.knowsLanguage ??= []).push(p.value);
        else if (k === 'description') au.bio ??= p.value;
      }
    }
  }
  if (!authors.length) {
    for (const k of ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author']) {
      for (const v of page.metaTags[k] ?? []) {
        if (/^https?:\/\//.test(v)) continue;
        for (const name of v.split(/\s*(?:,|\band\b|&)\s*/)) {
          if (name && !authors.some((x) => x.value.name === name)) authors.push({ value: { name }, source: { kind: 'meta', path: k } });
        }
      }
      if (authors.length) break;
    }
  }
  if (authors.length) meta.authors = authors;

  meta.datePublished = at('datePublished') ?? mdv('datePublished') ?? tag(page, 'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date');
  meta.dateModified = at('dateModified') ?? mdv('dateModified') ?? tag(page, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified');
  meta.dateline = at('dateline') ?? mdv('dateline');
  const sec = art ? str(a.articleSection) : null;
  meta.section = (sec && art ? { value: sec, source: { kind: 'json-ld', path: `${art.path}.articleSection` } } : undefined)
    ?? mdv('articleSection') ?? tag(page, 'article:section', 'section', 'parsely-section');

  // Type of work: a NewsArticle subtype, then a visible label, then the genre, then the plain type.
  const sub = art?.types.find((t) => NEWS_SUBTYPES.has(t)) ?? nodes.flatMap((n) => n.types).find((t) => NEWS_SUBTYPES.has(t));
  if (sub) {
    const n = nodes.find((x) => x.types.includes(sub))!;
    meta.typeOfWork = { value: sub, source: { kind: 'json-ld', path: `${n.path}.@type` } };
  } else if (page.labels.length) {
    meta.typeOfWork = { value: page.labels[0], source: { kind: 'html', path: 'label' } };
  } else if (meta.section && WORK_LABEL.test(meta.section.value)) {
    meta.typeOfWork = meta.section;
  } else {
    meta.typeOfWork = at('genre') ?? (art ? { value: art.types.find((t) => ARTICLE_TYPES.has(t)) ?? art.types[0], source: { kind: 'json-ld', path: `${art.path}.@type` } } : undefined);
  }

  const pub = art ? resolveRef(a.publisher, nodes) : undefined;
  const pubName = str(pub);
  meta.publisher = (pubName && art ? { value: pubName, source: { kind: 'json-ld', path: `${art.path}.publisher` } } : undefined)
    ?? mdv('publisher.name') ?? tag(page, 'og:site_name', 'application-name', 'publisher', 'dc.publisher');

  meta.language = at('inLanguage') ?? (page.lang ? { value: page.lang, source: { kind: 'html', path: 'html[lang]' } } : undefined)
    ?? tag(page, 'og:locale', 'content-language', 'language', 'dc.language');

  const corrections: Sourced<string>[] = [];
  if (art && a.correction !== undefined) {
    const list = Array.isArray(a.correction) ? a.correction : [a.correction];
    list.forEach((c, i) => {
      const v = typeof c === 'object' && c !== null ? str((c as Rec).text) ?? str((c as Rec).description) ?? str(c) : str(c);
      if (v) corrections.push({ value: v, source: { kind: 'json-ld', path: `${art.path}.correction${Array.isArray(a.correction) ? `[${i}]` : ''}` } });
    });
  }
  if (corrections.length) meta.corrections = corrections;

  const canon = page.linkRels.canonical?.[0];
  meta.url = (canon ? { value: absoluteUrl(canon, page.url), source: { kind: 'html', path: 'link[rel=canonical]' } } : undefined)
    ?? tag(page, 'og:url') ?? at('url') ?? (page.url ? { value: page.url, source: { kind: 'html', path: 'fetched' } } : undefined);

  for (const k of Object.keys(meta) as (keyof ArticleMeta)[]) if (meta[k] === undefined) delete meta[k];
  return meta;
}

function absoluteUrl(href: string, base: string | null): string {
  try {
    return base ? new URL(href, base).href : href;
  } catch {
    return href;
  }
}
