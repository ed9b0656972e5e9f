import type { Quote } from '../../model/types.ts';
import type { Report, Rule } from '../types.ts';
import { docsPath } from '../types.ts';
import { insideQuotes, layer, paragraphAt, quotedSpans, snippet } from '../helpers.ts';

// A direct quote nobody is said to have spoken. News often leaves a follow-on quote bare when
// its speaker is plain from context ("Smith said X.\n"Y.""), so a quote only counts as
// unattributed when its paragraph, the next one (a "-Name" sign-off) and the paragraph before
// it (or before the run of bare quote paragraphs it belongs to) neither attribute anything nor
// name a person. Short quoted phrases are titles, slogans or scare quotes, not speech.
const MIN_WORDS = 5;
/** Bare quote paragraphs walked back over to find the run's speaker. */
const MAX_RUN = 8;
const NON_SPEAKER = /^(?:it|this|that|these|those|there|which)$/i;

export const unattributedQuote: Rule = {
  meta: {
    id: 'unattributed-quote',
    description: 'A direct quote with no speaker in its paragraph or the one before.',
    category: 'sourcing',
    severity: 'warning',
    docs: docsPath('unattributed-quote'),
  },
  check(doc) {
    const quotes = layer(doc, 'quotes', []);
    if (quotes.length === 0) return [];
    const mentions = layer(doc, 'mentions', []);
    const attributed = new Set<string>();
    // A "speaker" that cannot speak ("it", "this") is a guess of the attribution stage, not an
    // attribution; so is a quote floated onto the previous sentence's subject when that subject is
    // not a person ("The council met on Tuesday. \"We cannot keep paying…\"").
    const entities = new Map(layer(doc, 'entities', []).map((e) => [e.id, e]));
    const isPerson = (q: Quote): boolean => !!q.speakerEntity && entities.get(q.speakerEntity)?.type === 'person';
    for (const q of quotes) {
      if (q.cue) attributed.add(q.attribution);
      else if (q.speaker && !NON_SPEAKER.test(q.speaker.text.trim()) && (!q.source.includes('floating') || isPerson(q))) attributed.add(q.attribution);
    }
    // Paragraphs that attribute something or mention a person, outside the quote itself.
    const voiced = new Set<number>();
    for (const q of quotes) {
      if (q.speaker && attributed.has(q.attribution)) voiced.add(paragraphAt(doc, q.speaker.start));
      if (q.cue) voiced.add(paragraphAt(doc, q.cue.start));
    }
    const personMentions = mentions.filter((m) => m.type === 'person' || (m.kind === 'name' && m.type === null));
    for (const m of personMentions) {
      if (!insideQuotes(doc, m.start)) voiced.add(paragraphAt(doc, m.start));
    }
    const paragraphs = layer(doc, 'paragraphs', []);
    const marks = quotedSpans(doc);
    const quoteOnly = (k: number): boolean => {
      const para = paragraphs[k];
      let covered = 0;
      let lo = 0;
      let hi = marks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (marks[mid].end <= para.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < marks.length && marks[i].start < para.end; i++) {
        covered += Math.min(marks[i].end, para.end) - Math.max(marks[i].start, para.start);
      }
      return covered >= 0.8 * (para.end - para.start);
    };
    const out: Report[] = [];
    for (const q of quotes) {
      if (q.kind !== 'direct' || attributed.has(q.attribution)) continue;
      if (wordCount(q) < MIN_WORDS) continue;
      const p = paragraphAt(doc, q.start);
      // The first paragraph is the headline, which quotes without attribution by convention.
      if (p <= 0 || voiced.has(p) || voiced.has(p + 1)) continue;
      // A run of bare quote paragraphs belongs to the speaker named just before the run.
      let k = p - 1;
      while (k > 0 && p - k < MAX_RUN && !voiced.has(k) && quoteOnly(k)) k--;
      if (voiced.has(k)) continue;
      out.push({ start: q.start, end: q.end, message: `Direct quote with no speaker near it: ${snippet(doc.text, q.start, q.end, 50)}` });
    }
    return out;
  },
};

function wordCount(q: Quote): number {
  return (q.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
