import type { Entity } from '../../model/types.ts';
import type { Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer } from '../helpers.ts';

// A transparency signal, not a defect: who the story quotes, by gender and by type.
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const sourceDiversity: Rule = {
  meta: {
    id: 'source-diversity',
    description: 'The gender and type mix of the quoted sources, with counts.',
    category: 'sourcing',
    severity: 'info',
    docs: docsPath('source-diversity'),
  },
  check(doc) {
    const entities = new Map(layer(doc, 'entities', []).map((e) => [e.id, e]));
    const sources = new Map<string, Entity>();
    for (const q of layer(doc, 'quotes', [])) {
      const e = q.speakerEntity ? entities.get(q.speakerEntity) : undefined;
      if (e && !sources.has(e.id)) sources.set(e.id, e);
    }
    if (sources.size === 0) return [];
    const byGender = { female: 0, male: 0, unknown: 0 };
    const byType = new Map<string, number>();
    for (const e of sources.values()) {
      if (e.type === 'person') byGender[e.gender]++;
      byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    }
    const people = byType.get('person') ?? 0;
    const types = [...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n} ${t}`).join(', ');
    const gender = people
      ? `; of the ${plural(people, 'person', 'people')}: ${byGender.female} female, ${byGender.male} male, ${byGender.unknown} unknown`
      : '';
    return [{
      start: 0,
      end: 0,
      message: `${plural(sources.size, 'quoted source', 'quoted sources')}: ${types}${gender}.`,
    }];
  },
};
