import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { layer, snippet } from '../helpers.ts';

// Attribution to someone the reader cannot identify: a speaker resolved to an `unnamed` entity,
// a speaker phrase with no name in it ("officials", "a person familiar with the talks"), or an
// anonymity formula anywhere in the text.
const ANON_RE = /\b(?:on (?:the )?condition (?:of|that (?:he|she|they) not be) (?:anonymity|named|identified)|(?:who|and) (?:asked|requested|declined|wished) (?:not )?to be (?:named|identified)|(?:was|were|is|are) not authori[sz]ed to (?:speak|comment|discuss)|spok?e anonymously|speaking anonymously|declined to be (?:named|identified))\b/gi;
const UNNAMED_HEAD = /\b(?:officials?|sources?|aides?|insiders?|people|persons?|someone|diplomats?|observers?|(?:a|an|one|two|three|several) (?:senior |top |former )?(?:official|source|aide|person|diplomat|officer|employee|staffer|member))\b/i;

const NEAR = 200;
function nearReported(sorted: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at - NEAR) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= at + NEAR;
}

export const unnamedSource: Rule = {
  meta: {
    id: 'unnamed-source',
    description: 'An attribution to an unnamed source ("officials said", "spoke on condition of anonymity").',
    category: 'sourcing',
    severity: 'info',
    docs: docsPath('unnamed-source'),
  },
  check(doc) {
    const out: Report[] = [];
    const entities = new Map(layer(doc, 'entities', []).map((e) => [e.id, e]));
    const done = new Set<string>();
    const spans = new Set<string>();
    for (const q of layer(doc, 'quotes', [])) {
      // One finding per attribution, and per speaker span ("who" heading two reported clauses).
      if (!q.speaker || done.has(q.attribution) || spans.has(`${q.speaker.start}:${q.speaker.end}`)) continue;
      const ent = q.speakerEntity ? entities.get(q.speakerEntity) : undefined;
      const s = q.speaker.text;
      // A speaker phrase that carries a name ("a spokeswoman, Priya Shah,") is named, whatever the entity says.
      const named = /\b[A-Z][\p{Ll}'’-]+\s+[A-Z][\p{Ll}'’-]+/u.test(s.slice(1));
      // "officials said", "two council officials": a group of unnamed people is an unnamed source.
      const unnamed = !named && (ent ? ent.type === 'unnamed' || (ent.type === 'group' && UNNAMED_HEAD.test(s)) : UNNAMED_HEAD.test(s));
      if (!unnamed) continue;
      done.add(q.attribution);
      spans.add(`${q.speaker.start}:${q.speaker.end}`);
      out.push({
        start: q.speaker.start,
        end: q.speaker.end,
        // A pronoun as written ("who") says little: the description it stands for follows it.
        message: `Attributed to an unnamed source: "${snippet(doc.text, q.speaker.start, q.speaker.end, 50)}"${q.speakerName && q.speakerName.toLowerCase() !== s.toLowerCase() && /^(?:who|whom|he|she|they)$/i.test(s) ? ` (${q.speakerName})` : ''}.`,
        related: [{ start: q.start, end: q.end, message: 'the attributed words' }],
      });
    }
    const starts = out.map((f) => f.start).sort((a, b) => a - b);
    // Every formula contains one of these stems; most articles contain none, and skip the scan.
    const lower = doc.text.toLowerCase();
    const anon = ['anonym', 'authorized to', 'authorised to', 'be named', 'be identified'].some((k) => lower.includes(k));
    for (const m of anon ? doc.text.matchAll(ANON_RE) : []) {
      // Beside an attribution already reported ("an official, who spoke on condition of anonymity").
      if (nearReported(starts, m.index)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, message: `Source granted anonymity: "${m[0]}".` });
    }
    return out;
  },
};
