import type { Finding } from '../model/types.ts';
import { escapeHtml } from './escape.ts';
import { type ReportInput, type Source, speakerKey } from './model.ts';

// The article as HTML with every attribution marked: quotes (coloured per speaker, focusable, with
// a tooltip naming speaker, cue and channel), speaker mentions, cues, channels, and finding spans.
// Marks may nest or cross (a finding over half a quote); crossing marks are split into pieces, and
// only the first piece carries the id that links point to. The text keeps its line breaks
// (white-space: pre-wrap), so every offset maps to exactly one character on screen.

const KIND_ORDER = { quote: 0, finding: 1, speaker: 2, cue: 3, channel: 4, evidence: 5 } as const;

interface Mark {
  start: number;
  end: number;
  kind: keyof typeof KIND_ORDER;
  tag: string;
  /** Attributes of the first piece (id, tabindex) and of every piece (class, data-*). */
  first: string;
  rest: string;
}

export const PALETTE_SIZE = 10;
export const colourClass = (colour: number): string => (colour < 0 ? 'cx' : `c${colour % PALETTE_SIZE}`);

/** Tooltip text of a quote: who, how and through what. */
export function quoteTip(q: ReportInput['quotes'][number]): string {
  const who = q.speakerName ?? q.speaker?.text ?? 'unattributed';
  const parts = [`${who}${q.speaker && q.speakerName && q.speaker.text !== q.speakerName ? ` (as “${q.speaker.text}”)` : ''}`];
  parts.push(`${q.kind} quote`);
  if (q.cue) parts.push(`cue: “${q.cue.text}”`);
  if (q.channel) parts.push(`via ${q.channel.text}`);
  return parts.join(' · ');
}

export const findingAnchor = (i: number): string => `f-${i}`;
/** Anchor of the j-th evidence span of the i-th Trust Indicator. */
export const evidenceAnchor = (i: number, j: number): string => `ev-${i}-${j}`;
export const quoteAnchor = (id: string): string => `q-${id}`;

export function articleHtml(out: ReportInput, sources: Source[]): string {
  const len = out.text.length;
  const colourOf = new Map(sources.map((s) => [s.key, colourClass(s.colour)]));
  const marks: Mark[] = [];
  const add = (start: number, end: number, kind: Mark['kind'], tag: string, cls: string, first: string, rest = '') => {
    const s = Math.max(0, Math.min(start, len));
    const e = Math.max(s, Math.min(end, len));
    const common = ` class="${cls}"${rest}`;
    marks.push({ start: s, end: e, kind, tag, first: common + first, rest: common + ' data-cont=""' });
  };
  for (const q of out.quotes) {
    const c = colourOf.get(speakerKey(q)) ?? 'cx';
    const data = ` data-q="${escapeHtml(q.id)}" data-src="${escapeHtml(speakerKey(q))}" data-tip="${escapeHtml(quoteTip(q))}"`;
    add(q.start, q.end, 'quote', 'mark', `q ${c}`, ` id="${escapeHtml(quoteAnchor(q.id))}" tabindex="0"`, data);
    if (q.speaker) add(q.speaker.start, q.speaker.end, 'speaker', 'span', `sp ${c}`, '', ` data-q="${escapeHtml(q.id)}"`);
    if (q.cue) add(q.cue.start, q.cue.end, 'cue', 'span', 'cue', '', ` data-q="${escapeHtml(q.id)}"`);
    if (q.channel) add(q.channel.start, q.channel.end, 'channel', 'span', 'ch', '', ` data-q="${escapeHtml(q.id)}"`);
  }
  out.findings.forEach((f: Finding, i) => {
    add(f.start, f.end, 'finding', 'span', `f sev-${escapeHtml(f.severity)}`, ` id="${findingAnchor(i)}" tabindex="-1"`, ` data-f="${i}" data-tip="${escapeHtml(`${f.rule}: ${f.message}`)}"`);
  });
  out.trust?.indicators.forEach((t, i) => t.evidence.forEach((ev, j) => {
    if (typeof ev.start === 'number' && typeof ev.end === 'number') add(ev.start, ev.end, 'evidence', 'span', 'ev', ` id="${evidenceAnchor(i, j)}" tabindex="-1"`);
  }));
  // Duplicate speaker/cue/channel spans (one speaker for two fragments) would nest pointlessly.
  const seen = new Set<string>();
  const unique = marks.filter((m) => {
    if (m.kind === 'quote' || m.kind === 'finding') return true;
    const k = `${m.kind}:${m.start}:${m.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);

  const html: string[] = [];
  const stack: Mark[] = [];
  let pos = 0;
  const text = (to: number) => {
    if (to > pos) html.push(escapeHtml(out.text.slice(pos, to)));
    pos = Math.max(pos, to);
  };
  // Close every open mark that ends at or before p; marks opened above a closing one are closed
  // with it and reopened as continuation pieces, which keeps the HTML well nested.
  const closeUntil = (p: number) => {
    for (;;) {
      let low = -1;
      for (let i = 0; i < stack.length; i++) if (stack[i].end <= p && (low === -1 || stack[i].end < stack[low].end)) low = i;
      if (low === -1) return;
      // `low` is the lowest stack entry with the earliest end: everything above it unwinds too.
      const at = stack[low].end;
      const idx = low;
      text(at);
      const reopen: Mark[] = [];
      while (stack.length > idx) {
        const m = stack.pop()!;
        html.push(`</${m.tag}>`);
        if (m.end > at) reopen.unshift(m);
      }
      for (const m of reopen) {
        html.push(`<${m.tag}${m.rest}>`);
        stack.push(m);
      }
    }
  };
  for (const m of unique) {
    closeUntil(m.start);
    text(m.start);
    if (m.end === m.start) {
      html.push(`<${m.tag}${m.first}></${m.tag}>`);
      continue;
    }
    html.push(`<${m.tag}${m.first}>`);
    stack.push(m);
  }
  closeUntil(len);
  text(len);
  return html.join('');
}
