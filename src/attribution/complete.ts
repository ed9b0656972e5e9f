import type { Attribution, TextSpan } from '../model/types.ts';
import { findChannel, isOutlet } from './channel.ts';
import { WORK_LABEL } from '../model/work-labels.ts';

/**
 * Finishing touches on merged attributions, read from the text around each one:
 * - a tagger span that names rather than reports (`known as “the Baron”`) is dropped, and so is
 *   one that gives why a source is unnamed (`on condition of anonymity because ⟦…⟧`);
 * - the tagger sometimes starts reported content at the listener or medium the cue governs
 *   ("said in an interview with ⟦La Repubblica that rivers …⟧", "wrote on ⟦her Facebook page
 *   that …⟧"): the content then starts at "that" and the listener or medium is the channel;
 * - the tagger gives no channel, so an attribution without one reads it from its own clause: from
 *   the speaker or cue to the content when the content follows ("A source … told the Associated
 *   Press that …"), or from the content's end to the end of the sentence when the cue follows it
 *   ("…,” the company said in a statement to the Kyiv Independent.").
 * Inputs are not mutated; records that change are copied.
 */
export function completeAttributions(text: string, attributions: readonly Attribution[]): Attribution[] {
  const kept = attributions.filter((a) => !namesNotSays(a) && !anonymityReason(text, a) && !labelledHeadline(a) && !inSpeakersRelative(text, a));
  let moved = false;
  const out: Attribution[] = [];
  for (const a of kept) {
    const r = relativeClauseSubject(text, a);
    if (r === a) { out.push(completeOne(text, a)); continue; }
    // the clause after the cue may already be another record's content: then this one only misread it
    if (r && !kept.some((b) => b !== a && b.start < r.end && r.start < b.end)) { out.push(completeOne(text, r)); moved = true; }
  }
  return moved ? out.sort((x, y) => x.start - y.start || x.end - y.end) : out;
}

/**
 * `“…,” added parent Lucy Grant, whose two children ⟦attend a primary school⟧`: words after a
 * speaker's relative pronoun describe the speaker; a tagger span there with the cue before the
 * speaker is no attribution of its own.
 */
function inSpeakersRelative(text: string, a: Attribution): boolean {
  if (a.source !== 'model' || a.kind !== 'indirect' || !a.cue || !a.speaker || a.cue.end > a.speaker.start || a.speaker.end > a.start) return false;
  return /^,\s+(?:who|whose|which)\b[^.;:!?"“”]*$/.test(text.slice(a.speaker.end, a.start));
}

// "⟦Lane, who signed a new contract in the summer,⟧ insisted ⟦his position⟧ was safe": the tagger
// took a subject with its relative clause for content and the clause after the cue for the source.
const RELATIVE_SUBJECT = /^((?:[Tt]he\s+|[Aa]n?\s+|[Oo]ne\s+|[Aa]nother\s+)?[\p{Lu}\p{Ll}'’.-]+(?:\s+[\p{Lu}\p{Ll}'’.-]+){0,3}),\s+who\s[^,"“”]*,?$/u;

/** The attribution read the other way round, or null to drop it, or `a` when it is not this misreading. */
function relativeClauseSubject(text: string, a: Attribution): Attribution | null {
  if (a.source !== 'model' || a.kind !== 'indirect' || !a.cue || a.cue.start < a.end) return a;
  const m = RELATIVE_SUBJECT.exec(a.text);
  if (!m || !/^[\s,]*$/.test(text.slice(a.end, a.cue.start))) return a;
  let start = a.cue.end;
  while (start < text.length && text[start] === ' ') start++;
  if (text.startsWith('that ', start)) start += 5;
  let end = start;
  while (end < text.length && end - start < 400 && !/[\n!?]/.test(text[end]) && !(text[end] === '.' && /^\.(?:\s|$)/.test(text.slice(end, end + 2)))) end++;
  if (end - start < 3) return null;
  const speaker: TextSpan = { start: a.start, end: a.start + m[1].length, text: m[1] };
  const content = text.slice(start, end);
  return { ...a, start, end, text: content, kind: /["“”]/.test(content) ? 'mixed' : 'indirect', speaker };
}

// "…, who spoke on condition of anonymity because ⟦he was not authorized to discuss⟧ ⟦the talks⟧":
// the reason a source is not named, not what it said. PolNeAR marks no such span.
const ANONYMITY_REASON = /\banonymity,?\s+(?:because|since|as)\s+$/i;
const NOT_AUTHORISED_CUE = /\b(?:not|n['’]t)\s+(?:been\s+)?(?:authori[sz]ed|permitted|allowed|cleared)\s+to\b/i;

const NOT_NAMED = /^(?:that\s+(?:he|she|they)\s+)?(?:not\s+(?:to\s+)?be\s+(?:named|identified)|anonymity)\b.{0,40}$/i;

function anonymityReason(text: string, a: Attribution): boolean {
  if (a.source !== 'model') return false;
  if (a.cue && NOT_AUTHORISED_CUE.test(a.cue.text)) return true;
  // "a driver who asked ⟦not to be named⟧": the request to stay unnamed is not reported speech
  if (NOT_NAMED.test(a.text)) return true;
  return ANONYMITY_REASON.test(text.slice(Math.max(0, a.start - 40), a.start));
}

/** "Opinion: The experts were wrong": a type-of-work label before a colon is no speaker. */
function labelledHeadline(a: Attribution): boolean {
  return a.cue?.text === ':' && a.speaker !== null && WORK_LABEL.test(a.speaker.text.trim());
}

// Naming, not saying: "known locally as “the Baron”", "nicknamed “Bulldozer”", "dubbed “the deal of
// the century”". ("called “a disaster”" is speech: PolNeAR and readers count it.)
// (wink splits "so-called" into "so" and "-called", and the tagger may take only the second)
const NAMING_CUE = /(?:^|\s)(?:known|referred\s+to)(?:\s+\w+ly)?\s+as$|^(?:nicknamed|dubbed|titled|so-called|-called|named|renamed)$/i;
const MAX_NAME_WORDS = 5;
const QUOTE_OPEN = /^\s*["“‘'«]/;

/**
 * A tagger span that names rather than reports: a short quoted name after a naming verb. The
 * rules leave such nicknames out; the tagger, trained on PolNeAR (which marks a few of them),
 * puts them back. On PolNeAR `train` this drops 7 spans, 5 of them gold: a cost of 0.0002 F1,
 * kept because a nickname is not speech to a reader.
 */
function namesNotSays(a: Attribution): boolean {
  if (a.source !== 'model' || !a.cue || !QUOTE_OPEN.test(a.text)) return false;
  return NAMING_CUE.test(a.cue.text.trim()) && a.text.trim().split(/\s+/).length <= MAX_NAME_WORDS;
}

// A listener or medium before "that": a proper name of up to five words, or a possessive medium.
const LEAD_NAME = /^((?:[Tt]he\s+)?(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*)\s+that\b/;
const LEAD_MEDIUM = /^((?:his|her|their|its|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:page|account|profile|blog|feed|website|site|channel|podcast|show|statement|letter|post|interview))\s+that\b/;
const GOVERNS = /\b(?:with|to|told|tells|telling|on|in|via)\s+$/;
const MAX_WINDOW = 160;

function completeOne(text: string, a: Attribution): Attribution {
  let out = a;
  if (a.kind === 'indirect' && a.cue && a.cue.end <= a.start && GOVERNS.test(text.slice(Math.max(0, a.start - 12), a.start))) {
    let m = LEAD_NAME.exec(a.text);
    if (m && !isOutlet(m[1])) m = null;
    m ??= LEAD_MEDIUM.exec(a.text);
    if (m) {
      const start = a.start + m[0].length - 4; // at "that"
      const channel: TextSpan = { start: a.start, end: a.start + m[1].length, text: m[1] };
      out = { ...a, start, text: text.slice(start, a.end), channel: a.channel ?? channel };
    }
  }
  if (out.channel || !out.cue) return out;
  const sides = [out.cue, out.speaker].filter((x): x is TextSpan => x !== null);
  const from = Math.min(...sides.map((x) => x.start));
  const to = Math.max(...sides.map((x) => x.end));
  let channel: TextSpan | null = null;
  if (from >= out.end) {
    // Cue after the content: its clause runs to the end of the sentence.
    let end = to;
    const limit = Math.min(text.length, to + MAX_WINDOW);
    while (end < limit && !/[.!?\n“”"]/.test(text[end])) end++;
    channel = findChannel(text, out.end, end);
  } else if (to <= out.start) {
    channel = findChannel(text, from, out.start);
    // "On Twitter, the mayor wrote that …", "In a statement, the company said …": a fronted
    // phrase before the source is part of the attribution's clause
    if (!channel) {
      const lineStart = Math.max(text.lastIndexOf('\n', from - 1) + 1, from - 80);
      const head = FRONTED.exec(text.slice(lineStart, from));
      if (head) channel = findChannel(text, lineStart + head.index, from);
    }
  }
  return channel ? { ...out, channel } : out;
}

/** A fronted prepositional phrase and its comma, right before the source, opening its sentence. */
// "Speaking to the BBC on Thursday, Ms Morgan said …", "Writing in The Atlantic, he argued …".
const FRONTED = /(?:^|[.!?]\s+)((?:In|On|Via|Through|During|At|Speaking|Talking|Writing|Appearing|Posting)\s[^,.;:!?]{2,60}),\s*$/;
