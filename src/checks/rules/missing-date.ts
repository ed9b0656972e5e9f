import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { hasDate } from '../disclosure.ts';

export const missingDate: Rule = {
  meta: {
    id: 'missing-date',
    description: 'No publication date in the page metadata or in a date line or dateline of the text.',
    category: 'transparency',
    severity: 'warning',
    docs: docsPath('missing-date'),
  },
  check(doc) {
    if (hasDate(doc)) return [];
    const where = doc.has('meta') ? 'in the page metadata or the text' : 'in the text (no page metadata was given)';
    return [{ start: 0, end: 0, message: `No publication date ${where}.` }];
  },
};
