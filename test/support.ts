import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Attribution, Entity, Mention, Quote, TextSpan } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { mentionsStage } from '../src/nlp/mentions.ts';
import { entitiesStage } from '../src/nlp/entities.ts';
import { speakersStage } from '../src/attribution/speakers.ts';

/** The span of the first occurrence of `s` in `text` at or after `from` (fails the test if absent). */
export function spanOf(text: string, s: string, from = 0): TextSpan {
  const start = text.indexOf(s, from);
  assert.ok(start >= 0, `"${s}" is not in the text`);
  return { start, end: start + s.length, text: s };
}

/** A document through tokens, mentions and entities. */
export function analysed(text: string): Doc {
  const doc = new Doc(text);
  for (const st of [tokensStage, mentionsStage, entitiesStage]) {
    for (const [k, v] of Object.entries(st.run(doc))) doc.set(k as 'tokens', v as never);
  }
  return doc;
}

/** The entity the nth mention with this exact text belongs to (fails the test if there is none). */
export function entityOfMention(text: string, mentionText: string, nth = 0): Entity | undefined {
  const doc = analysed(text);
  const m = doc.get('mentions', 'test').filter((x: Mention) => x.text === mentionText)[nth];
  assert.ok(m, `no mention "${mentionText}"`);
  return doc.get('entities', 'test').find((e: Entity) => e.id === m.entity);
}

/** One indirect attribution per [content, speaker as written, cue]; speakers resolved by the speakers stage. */
export function resolveSpeakers(text: string, items: [string, string, string][]): Quote[] {
  const doc = analysed(text);
  const attributions: Attribution[] = items.map(([content, speaker, cue], i) => ({
    id: `q${i}`, ...spanOf(text, content), kind: 'indirect', cue: spanOf(text, cue, text.indexOf(speaker)),
    speaker: spanOf(text, speaker), channel: null, source: 'test', attribution: `a${i}`,
  }));
  doc.set('attributions', attributions);
  return speakersStage.run(doc).quotes;
}
