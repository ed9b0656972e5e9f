import type { RelatedSpan } from '../../model/types.ts';
import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { hasAuthor, hasDate, trustClaims } from '../disclosure.ts';

// Without the `trust` layer only two indicators can be read from plain text: who wrote it and
// when. The others (ethics policy, methods, feedback, ...) live in page markup; absent markup
// they are not determinable, and a rule must not call them missing.
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
    const missing: string[] = [];
    const related: RelatedSpan[] = [];
    if (doc.has('trust')) {
      for (const ind of doc.get('trust').indicators) {
        if (ind.status !== 'absent' && ind.status !== 'partial') continue;
        missing.push(ind.missing.length ? `${ind.name} (${ind.missing.join(', ')})` : ind.name);
        for (const e of ind.evidence) {
          if (e.start !== undefined && e.end !== undefined) related.push({ start: e.start, end: e.end, message: e.description });
        }
      }
    } else {
      if (!hasAuthor(doc)) missing.push('author (no byline)');
      if (!hasDate(doc)) missing.push('publication date');
    }
    if (missing.length === 0) return [];
    return claims.map((c) => ({
      start: c.start,
      end: c.end,
      message: `Claims Trust Project conformance, but indicators are missing: ${missing.join('; ')}.`,
      ...(related.length ? { related } : {}),
    }));
  },
};
