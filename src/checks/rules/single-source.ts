import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer } from '../helpers.ts';

// The attributions of the story rest on one voice: at least two attributions and one speaker.
const MIN_ATTRIBUTIONS = 2;

export const singleSource: Rule = {
  meta: {
    id: 'single-source',
    description: 'Every attribution in the story rests on one voice.',
    category: 'sourcing',
    severity: 'info',
    docs: docsPath('single-source'),
  },
  check(doc) {
    const quotes = layer(doc, 'quotes', []);
    const speakers = new Map<string, number>();
    const groups = new Set<string>();
    let first = -1;
    for (const q of quotes) {
      const who = q.speakerEntity ?? (q.speakerName ? q.speakerName.toLowerCase() : null);
      if (!who) continue;
      if (first < 0) first = quotes.indexOf(q);
      groups.add(q.attribution);
      speakers.set(who, (speakers.get(who) ?? 0) + 1);
    }
    if (speakers.size !== 1 || groups.size < MIN_ATTRIBUTIONS) return [];
    const q0 = quotes[first];
    const name = q0.speakerName ?? q0.speaker?.text ?? 'one speaker';
    return [{
      start: 0,
      end: 0,
      message: `All ${groups.size} attributions rest on one source: ${name}.`,
      related: quotes.filter((q) => q.speakerEntity === q0.speakerEntity).slice(0, 5)
        .map((q) => ({ start: q.start, end: q.end, message: 'attributed to the same source' })),
    }];
  },
};
