import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import type { Span } from '../../model/types.ts';
import { layer } from '../helpers.ts';
import { nameKey, OUTLET_HEADS, OUTLET_NAMES } from '../../nlp/gazetteer/outlets.ts';

// Words obtained through another outlet: a quote's channel naming an outlet ("told Reuters"), or
// the same construction found in the text ("in an interview with The Washington Post").
const VIA_RE = /\b(?:told|telling|tells|in an? (?:interview|conversation|podcast|op-ed|column) (?:with|for|in|on)|(?:speaking|spoke|talking) (?:to|with)|according to|(?:first )?reported by|(?:wrote|writing) in|in comments to)\s+((?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|on)){0,4})/g;

function outletIn(name: string): string | null {
  const words = name.split(/\s+/);
  // Longest prefix that names an outlet ("The Washington Post" in "The Washington Post on Monday").
  for (let n = words.length; n > 0; n--) {
    const cand = words.slice(0, n).join(' ');
    const hit = OUTLET_NAMES.get(nameKey(cand));
    if (hit) return cand;
    const last = words[n - 1].toLowerCase();
    if (n >= 2 && OUTLET_HEADS.has(last)) return cand;
  }
  return null;
}

export const secondarySourcing: Rule = {
  meta: {
    id: 'secondary-sourcing',
    description: 'Words obtained through another outlet ("told Reuters", "in an interview with The Washington Post").',
    category: 'sourcing',
    severity: 'info',
    docs: docsPath('secondary-sourcing'),
  },
  check(doc) {
    const out: Report[] = [];
    const channels = new Set<string>();
    const spans: Span[] = [];
    for (const q of layer(doc, 'quotes', [])) {
      const ch = q.channel;
      if (!ch || channels.has(`${ch.start}:${ch.end}`)) continue;
      const m = /[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|on))*/.exec(ch.text.replace(/^[Tt]he\s+/, ''));
      const outlet = m ? outletIn(m[0]) : null;
      if (!outlet) continue;
      channels.add(`${ch.start}:${ch.end}`);
      spans.push({ start: ch.start, end: ch.end });
      out.push({
        start: ch.start,
        end: ch.end,
        message: `Quote obtained through another outlet (${outlet}).`,
        related: [{ start: q.start, end: q.end, message: 'the quote' }],
      });
    }
    spans.sort((a, b) => a.start - b.start);
    for (const m of doc.text.matchAll(VIA_RE)) {
      const outlet = outletIn(m[1]);
      if (!outlet) continue;
      const start = m.index;
      const end = m.index + m[0].length - m[1].length + outlet.length;
      // Already reported through a quote's channel, which may sit inside this match ("told the AP").
      if (spans.some((s) => s.start < end && s.end > start)) continue;
      out.push({ start, end, message: `Information obtained through another outlet (${outlet.replace(/^the /, 'The ')}).` });
    }
    return out;
  },
};
