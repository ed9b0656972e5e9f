import type { Doc } from '../../model/doc.ts';
import type { ArticleMeta, RelatedSpan } from '../../model/types.ts';
import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { hasAuthor, hasDate, trustClaims } from '../disclosure.ts';
import { layer } from '../helpers.ts';

// What backs a claim depends on the input. Plain text can show two indicators itself: who wrote
// it and when. The others (ethics policy, citations as links, methods notes, feedback links) live
// in page markup, so for plain text they are not determinable and are not called missing. For a
// web page (metadata read from markup), the `trust` layer's absent or partial indicators count too.

/** True when some metadata came from page markup rather than from the text. */
function fromPage(meta: ArticleMeta): boolean {
  for (const v of Object.values(meta)) {
    for (const s of Array.isArray(v) ? v : [v]) {
      if (s && typeof s === 'object' && 'source' in s && (s as { source: { kind: string } }).source.kind !== 'text') return true;
    }
  }
  return false;
}

function missingIndicators(doc: Doc): { missing: string[]; related: RelatedSpan[] } {
  const missing: string[] = [];
  const related: RelatedSpan[] = [];
  if (!hasAuthor(doc)) missing.push('author (no byline)');
  if (!hasDate(doc)) missing.push('publication date');
  if (doc.has('trust') && fromPage(layer(doc, 'meta', {}))) {
    for (const ind of doc.get('trust').indicators) {
      if (ind.status !== 'absent' && ind.status !== 'partial') continue;
      missing.push(`${ind.name}${ind.status === 'partial' ? ' (partial)' : ''}`);
      for (const e of ind.evidence) {
        if (e.start !== undefined && e.end !== undefined) related.push({ start: e.start, end: e.end, message: e.description });
      }
    }
  }
  return { missing, related };
}

export const trustClaimUnbacked: Rule = {
  meta: {
    id: 'trust-claim-unbacked',
    description: 'The text claims Trust Project conformance but the Trust Indicators found do not back it.',
    category: 'transparency',
    severity: 'warning',
    docs: docsPath('trust-claim-unbacked'),
  },
  check(doc) {
    const claims = trustClaims(doc);
    if (claims.length === 0) return [];
    const { missing, related } = missingIndicators(doc);
    if (missing.length === 0) return [];
    return claims.map((c) => ({
      start: c.start,
      end: c.end,
      message: `Claims Trust Project conformance, but indicators are missing: ${missing.join('; ')}.`,
      ...(related.length ? { related } : {}),
    }));
  },
};
