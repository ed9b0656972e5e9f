// Interview transcripts: paragraphs opened by a speaker label instead of quote marks.
//  - `Q: …` / `A: …` (also `Question:` / `Answer:`): the answers are the interviewee's words; the
//    questions are the interviewer's, attributed to "Q" as written and left unresolved (the
//    interviewer is not a source; PolNeAR marks both with the label as source and the colon as cue).
//  - `LOPEZ: …`, `Maria Lopez: …`, `HOST: …`: every labelled paragraph is its label's words.
// The label stands for the quote marks, so a transcript line is `direct`; its cue is the colon.
// Unlabelled paragraphs between two labelled ones continue the previous speaker's turn. Neither
// the rules (no quote marks) nor the tagger (trained on reported speech) read this format: the
// tagger takes "Q" or "A" for a source. Both are therefore replaced inside a transcript.
import type { Attribution, Entity, Mention, Paragraph, TextSpan } from '../model/types.ts';

// A question/answer label: `Q:`, `A.`, `Question -`. The full stop form needs a space after it, so
// initials ("A. Smith") stay out unless the article alternates Q./A. throughout (counted below).
const QA_LABEL = /^(Q|A|Question|Answer)\s*[:.—–-]\s+(?=\S)/;
// A named label: one to three capitalised words and a colon ("LOPEZ:", "Maria Lopez:", "Dr. Lee:").
const NAME_LABEL = /^((?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov)\.\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s*:\s+(?=\S)/u;
// Labels that open ordinary paragraphs (notes, headings, list items), not turns.
const NOT_SPEAKERS = new Set(`note update updated correction clarification editor editors source sources photo photograph
caption credit read watch listen related disclosure warning disclaimer background context analysis opinion comment video
image reporting additional contact email tel phone website tags topics subscribe follow share advertisement summary key
bottom why what how who when where breaking live exclusive more see also tip tips step pros cons verdict price timeline
transcript`.split(/\s+/));
const INTERVIEW_CUE = /\b(?:interview(?:s|ed)?|spoke (?:to|with)|talk(?:s|ed)? (?:to|with)|sat down with|Q ?& ?A|Q and A|questions and answers|conversation with|transcript)\b/i;
const ROLE_LABELS = new Set(['host', 'interviewer', 'moderator', 'anchor', 'reporter', 'presenter', 'guest', 'caller', 'audience', 'voice']);

interface Turn { para: Paragraph; label: TextSpan; colon: TextSpan; role: 'q' | 'a' | 'name' }

/** The labelled turns of a transcript, or none when the text is not one (fewer than two turns). */
function findTurns(text: string, paragraphs: readonly Paragraph[], mentions: readonly Mention[], entities: readonly Entity[]): Turn[] {
  const typeOf = new Map(entities.map((e) => [e.id, e.type]));
  const qa: Turn[] = [];
  const named: Turn[] = [];
  let stopForm = 0;
  for (const para of paragraphs) {
    // the headline's "Name: words" is a headline convention, read by the colon rule
    if (para.index === 0) continue;
    const line = text.slice(para.start, para.end);
    const q = QA_LABEL.exec(line);
    if (q) {
      const sep = q[0].trimEnd().slice(q[1].length).trim();
      if (sep === '.') stopForm++;
      const at = para.start + q[0].indexOf(sep, q[1].length);
      qa.push({ para, label: span(text, para.start, para.start + q[1].length), colon: span(text, at, at + sep.length), role: /^(Q|Question)$/.test(q[1]) ? 'q' : 'a' });
      continue;
    }
    const n = NAME_LABEL.exec(line);
    if (!n || n[1].startsWith('The ') || NOT_SPEAKERS.has(n[1].split(/\s+/)[0].toLowerCase())) continue;
    const label = span(text, para.start, para.start + n[1].length);
    const body = line.slice(n[0].length);
    // a headline-cased body is a section heading ("Jeb Bush: Student Loans For All")
    if (!isSpeakerLabel(label, mentions, typeOf) || wordsIn(body) < 3 || headlineCase(body)) continue;
    const at = para.start + n[0].indexOf(':', n[1].length);
    named.push({ para, label, colon: span(text, at, at + 1), role: 'name' });
  }
  // A transcript alternates: at least one question and one answer. A lone "A." paragraph is more
  // likely an initial than an answer, so the full-stop form needs both.
  const qs = qa.filter((t) => t.role === 'q').length;
  // An explainer's FAQ ("Q: What is a tariff? A: …") answers in the writer's voice: the text
  // before the first question must say that someone was interviewed.
  const intro = qa.length ? text.slice(0, qa[0].para.start) : '';
  const qaOk = qs > 0 && qs < qa.length && (stopForm === 0 || stopForm === qa.length) && INTERVIEW_CUE.test(intro);
  // Named turns are a dialogue when a label comes back after another one (A, B, A), or speech when
  // most of them talk in the first or second person. A list of names, each with a line of the
  // writer's about them ("Sanders: Win in a walk."), is neither.
  const keys = named.map((t) => lastWord(t.label.text));
  const dialogue = keys.some((k, i) => i >= 2 && keys.slice(0, i - 1).includes(k) && keys[i - 1] !== k);
  const personal = named.filter((t) => FIRST_SECOND.test(text.slice(t.colon.end, t.para.end))).length;
  const namedOk = named.length >= 2 && (dialogue || personal * 2 > named.length);
  const turns = [...(qaOk ? qa : []), ...(namedOk ? named : [])];
  return turns.sort((a, b) => a.para.start - b.para.start);
}

// Spoken words: a first- or second-person word, which headings and lists about people lack.
const FIRST_SECOND = /\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|us|[Oo]ur|[Mm]y|me|[Yy]ou|[Yy]ou['’](?:re|ve|ll|d)|[Yy]our)\b/;

/** A headline's capitalisation: most of at least four words of four letters or more capitalised. */
function headlineCase(s: string): boolean {
  let long = 0;
  let caps = 0;
  for (const w of s.matchAll(/\p{L}{4,}/gu)) {
    long++;
    if (/^\p{Lu}/u.test(w[0])) caps++;
  }
  return long >= 4 && caps * 2 > long;
}

const lastWord = (s: string): string => s.split(/\s+/).pop()!.toLowerCase();
const wordsIn = (s: string): number => (s.match(/\p{L}+/gu) ?? []).length;

/**
 * An all-caps name ("LOPEZ", "KATE BOULDUAN"), a role ("Host"), or a word of the name of a person
 * the article mentions elsewhere ("Matthews"). Places and organisations are headings ("Iowa: …").
 */
function isSpeakerLabel(label: TextSpan, mentions: readonly Mention[], typeOf: ReadonlyMap<string, string>): boolean {
  const t = label.text;
  if (ROLE_LABELS.has(t.toLowerCase())) return true;
  const last = lastWord(t);
  let person = false;
  for (const m of mentions) {
    if (m.kind !== 'name' || !m.text.toLowerCase().split(/\s+/).includes(last)) continue;
    const type = m.entity ? typeOf.get(m.entity) : m.type;
    if (type && type !== 'person') return false;
    if (m.start < label.start || m.start >= label.end) person = true;
  }
  return person || /^[\p{Lu}\s.'’-]+$/u.test(t) && /\p{Lu}{2}/u.test(t);
}

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/**
 * The interviewee of a Q/A transcript: the person named most often (names and pronouns) before
 * `introEnd`, the earliest on a tie; null when the intro names nobody.
 */
function interviewee(text: string, introEnd: number, mentions: readonly Mention[], entities: readonly Entity[]): string | null {
  const person = new Set(entities.filter((e) => e.type === 'person').map((e) => e.id));
  const count = new Map<string, number>();
  for (const m of mentions) {
    if (m.start >= introEnd) break;
    if (!m.entity || !person.has(m.entity)) continue;
    // a byline names the writer, not the interviewee
    if (/^\s*by\s+$/i.test(text.slice(text.lastIndexOf('\n', m.start) + 1, m.start))) continue;
    count.set(m.entity, (count.get(m.entity) ?? 0) + 1);
  }
  let top: string | null = null;
  for (const [e, n] of count) if (top === null || n > count.get(top)!) top = e;
  return top;
}

/** The person a named label stands for ("BOULDUAN" → the entity named "Kate Bolduan"), the most mentioned on a tie. */
function labelEntity(label: string, entities: readonly Entity[]): Entity | null {
  const last = lastWord(label);
  let best: Entity | null = null;
  for (const e of entities) {
    if (e.type !== 'person' || !e.name.toLowerCase().split(/\s+/).includes(last)) continue;
    if (!best || e.mentions.length > best.mentions.length) best = e;
  }
  return best;
}

const SOURCES = { q: 'rule:interview-question', a: 'rule:interview-answer', name: 'rule:transcript' } as const;

/** Whether an attribution is a transcript turn found here. */
const isTranscriptTurn = (a: Attribution): boolean =>
  a.source === SOURCES.q || a.source === SOURCES.a || a.source === SOURCES.name;

// Unlabelled paragraphs continue a turn only within a transcript's stretch: past this many, the
// article has gone back to narration.
const MAX_CONTINUATION = 3;

/**
 * Attributions of an interview transcript, and the paragraphs they take over, or nothing when the
 * text is not a transcript. The speaker is the label as written ("Q", "A", "BOULDUAN"); the
 * `speakers` stage resolves it with `transcriptSpeakers`.
 */
export function findInterviewAttributions(
  text: string, paragraphs: readonly Paragraph[], mentions: readonly Mention[], entities: readonly Entity[],
): { attributions: Attribution[]; covered: { start: number; end: number }[] } {
  const turns = findTurns(text, paragraphs, mentions, entities);
  const attributions: Attribution[] = [];
  const covered: { start: number; end: number }[] = [];
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i];
    const next = turns[i + 1];
    const paras = [t.para];
    if (next && next.para.index - t.para.index - 1 <= MAX_CONTINUATION) for (let p = t.para.index + 1; p < next.para.index; p++) paras.push(paragraphs[p]);
    const id = `T${i + 1}`;
    for (const para of paras) {
      const from = para === t.para ? t.colon.end : para.start;
      const raw = text.slice(from, para.end);
      const start = from + raw.length - raw.trimStart().length;
      const end = para.start + text.slice(para.start, para.end).trimEnd().length;
      if (end <= start) continue;
      covered.push({ start: para.start, end: para.end });
      // a stage direction ("(BEGIN VIDEO CLIP)", "[laughter]") is nobody's words
      if (para !== t.para && /^[([].*[)\]]$/s.test(text.slice(start, end))) continue;
      attributions.push({
        id, start, end, text: text.slice(start, end), kind: 'direct', cue: t.colon, speaker: t.label, channel: null,
        source: SOURCES[t.role], attribution: id,
      });
    }
  }
  return { attributions, covered };
}

/**
 * The entity and name behind each transcript turn's label, by turn: the interviewee for "A" (the
 * person the intro before the first turn names most), the person a named label stands for, else the
 * label itself in title case ("JOEL BENENSON" → "Joel Benenson"). Questions and roles ("HOST") stay
 * unresolved: the interviewer is not a source. Empty when the article has no transcript.
 */
export function transcriptSpeakers(
  text: string, attributions: readonly Attribution[], mentions: readonly Mention[], entities: readonly Entity[],
): Map<Attribution, { entity: string | null; name: string | null }> {
  const out = new Map<Attribution, { entity: string | null; name: string | null }>();
  const turns = attributions.filter((a) => isTranscriptTurn(a) && a.speaker);
  if (turns.length === 0) return out;
  const firstTurn = Math.min(...turns.map((a) => a.speaker!.start));
  const none = { entity: null, name: null };
  let answerer: { entity: string | null; name: string | null } | undefined;
  for (const a of turns) {
    if (a.source === SOURCES.q || ROLE_LABELS.has(a.speaker!.text.toLowerCase())) {
      out.set(a, none);
    } else if (a.source === SOURCES.a) {
      if (!answerer) {
        const e = interviewee(text, firstTurn, mentions, entities);
        answerer = e ? { entity: e, name: entities.find((x) => x.id === e)?.name ?? null } : none;
      }
      out.set(a, answerer);
    } else {
      const e = labelEntity(a.speaker!.text, entities);
      out.set(a, e ? { entity: e.id, name: titleCase(e.name) } : { entity: null, name: titleCase(a.speaker!.text) });
    }
  }
  return out;
}

/** A name written in capitals, as transcripts do, in title case; other names as they are. */
function titleCase(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
}
