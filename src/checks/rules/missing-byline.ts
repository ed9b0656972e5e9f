import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { hasAuthor } from '../disclosure.ts';

// A document-level finding: it sits at offset 0 with an empty span, since what is wrong is an absence.
export const missingByline: Rule = {
  meta: {
    id: 'missing-byline',
    description: 'No author is named in the page metadata or in a byline or credit line of the text.',
    category: 'transparency',
    severity: 'warning',
    docs: docsPath('missing-byline'),
  },
  check(doc) {
    if (hasAuthor(doc)) return [];
    const where = doc.has('meta') ? 'in the page metadata or the text' : 'in the text (no page metadata was given)';
    return [{ start: 0, end: 0, message: `No author named ${where}: no "By …" line and no reporting credit.` }];
  },
};
