// The schema.org terms The Trust Project contributed, wherever the page states them: on the
// article, its publisher (Organization / NewsMediaOrganization), its author, in microdata, or as
// <link rel>. Each hit keeps its path so an indicator's evidence points at it.
import type { Evidence, PageInfo } from '../model/types.ts';

/** Publisher-level policy properties (sub-properties of publishingPrinciples, and kin). */
export const POLICY_PROPS = [
  'publishingPrinciples', 'correctionsPolicy', 'ethicsPolicy', 'diversityPolicy', 'diversityStaffingReport',
  'masthead', 'missionCoveragePrioritiesPolicy', 'noBylinesPolicy', 'unnamedSourcesPolicy',
  'verificationFactCheckingPolicy', 'actionableFeedbackPolicy', 'ownershipFundingInfo',
] as const;
/** Article-level properties. */
export const ARTICLE_PROPS = ['backstory', 'dateline', 'citation', 'contentLocation', 'locationCreated', 'correction', 'genre'] as const;
/** Author-level properties. */
export const AUTHOR_PROPS = ['knowsAbout', 'knowsLanguage', 'jobTitle', 'sameAs', 'description', 'alumniOf', 'award'] as const;

export type MarkupProp = (typeof POLICY_PROPS)[number] | (typeof ARTICLE_PROPS)[number] | (typeof AUTHOR_PROPS)[number];

export interface MarkupHit {
  prop: string;
  /** A URL or text, shortened. */
  value: string;
  evidence: Evidence;
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(valueText).filter(Boolean).join(', ');
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return valueText(o.url ?? o['@id'] ?? o.name ?? o.text ?? o.description ?? '');
  }
  return '';
}

const WANTED = new Set<string>([...POLICY_PROPS, ...ARTICLE_PROPS, ...AUTHOR_PROPS]);
const LOWER = new Map([...WANTED].map((p) => [p.toLowerCase(), p]));

/** Every Trust Project property the page states, by property name. */
export function markupProps(page: PageInfo): Map<string, MarkupHit[]> {
  const out = new Map<string, MarkupHit[]>();
  const add = (prop: string, value: string, ev: Evidence): void => {
    if (!value) return;
    const list = out.get(prop) ?? [];
    if (list.length < 20 && !list.some((h) => h.value === value && h.evidence.path === ev.path)) list.push({ prop, value: value.slice(0, 300), evidence: ev });
    out.set(prop, list);
  };
  for (const n of page.jsonld) {
    const isAuthor = n.types.some((t) => t === 'Person');
    for (const k of Object.keys(n.value)) {
      if (!WANTED.has(k)) continue;
      if ((AUTHOR_PROPS as readonly string[]).includes(k) && !isAuthor) continue;
      const v = valueText(n.value[k]);
      const url = /^https?:\/\//.test(v) ? v.split(', ')[0] : undefined;
      add(k, v, { kind: 'json-ld', description: `${n.types.join('/')} ${k}`, path: `${n.path}.${k}`, ...(url ? { url } : {}) });
    }
  }
  for (const p of page.microdata) {
    const prop = LOWER.get(p.prop.toLowerCase());
    if (!prop) continue;
    if ((AUTHOR_PROPS as readonly string[]).includes(prop) && p.itemType !== 'Person') continue;
    add(prop, p.value, { kind: 'microdata', description: `itemprop ${p.prop}`, path: p.path, ...(/^https?:/.test(p.value) ? { url: p.value } : {}) });
  }
  for (const [rel, hrefs] of Object.entries(page.linkRels)) {
    const prop = LOWER.get(rel);
    if (prop) for (const h of hrefs) add(prop, h, { kind: 'link', description: `<link rel="${rel}">`, path: `link[rel=${rel}]`, url: h });
  }
  for (const [k, vals] of Object.entries(page.metaTags)) {
    const prop = LOWER.get(k.replace(/^(?:schema|article|og):/, ''));
    if (prop) for (const v of vals) add(prop, v, { kind: 'meta', description: `<meta ${k}>`, path: k, ...(/^https?:/.test(v) ? { url: v } : {}) });
  }
  return out;
}
