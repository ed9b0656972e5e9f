import type { Attribution } from '../model/types.ts';

/**
 * Merges rule attributions with the trained tagger's. Rule quotes are bounded by quote marks,
 * so their spans are exact: where a rule quote overlaps a model span the rule span wins, taking
 * the model's cue, speaker and channel when the rules found none. Model spans that overlap no
 * rule quote (indirect speech, mostly) are kept as they are. Both inputs may be in any order;
 * the output is sorted by start and given fresh ids (`a1`, `a2`, …).
 */
export function mergeAttributions(rules: readonly Attribution[], model: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = rules.map((r) => ({ ...r }));
  // Rule records that are themselves indirect are weaker than the model's: the model replaces them.
  const ruleQuotes = out.filter((r) => r.kind !== 'indirect');
  const sortedModel = [...model].sort((a, b) => a.start - b.start);
  const droppedRules = new Set<Attribution>();
  for (const m of sortedModel) {
    const hits = ruleQuotes.filter((r) => r.start < m.end && m.start < r.end);
    if (hits.length > 0) {
      for (const r of hits) {
        if (!r.cue && m.cue) r.cue = m.cue;
        if (!r.speaker && m.speaker) r.speaker = m.speaker;
        if (!r.channel && m.channel) r.channel = m.channel;
      }
      continue;
    }
    for (const r of out) if (r.kind === 'indirect' && r.start < m.end && m.start < r.end) droppedRules.add(r);
    // Model attribution ids get their own prefix so they never collide with the rules' ids.
    out.push({ ...m, channel: m.channel ?? null, source: m.source || 'model', attribution: `M${m.attribution}` });
  }
  const merged = out.filter((r) => !droppedRules.has(r)).sort((a, b) => a.start - b.start || a.end - b.end);
  merged.forEach((r, i) => (r.id = `a${i + 1}`));
  return merged;
}
