import type { AnalysisOutput, ArticleMeta, Entity, Finding, Quote, TrustReport } from '../model/types.ts';

/**
 * What the renderers take: the published analysis, plus the page metadata and Trust Indicator
 * layers when the input was a web page (they are optional: a plain text has neither).
 */
export type ReportInput = AnalysisOutput & { meta?: ArticleMeta; trust?: TrustReport };

/** Rule metadata as the renderers need it (SARIF's driver.rules, doc links in HTML/Markdown). */
export interface RuleInfo {
  id: string;
  description: string;
  url?: string;
  severity?: Finding['severity'];
}

export interface RenderOptions {
  /** What the article is called in the report: a file name, a URL, or "standard input". */
  label?: string;
  /** Known rules, in registry order (SARIF ruleIndex follows it). */
  rules?: RuleInfo[];
  /** Tool version shown in SARIF and report footers. */
  version?: string;
}

/** One quoted source: an entity, or a speaker that did not resolve to one, with its quotes. */
export interface Source {
  key: string;
  name: string;
  entity: Entity | null;
  role: string | null;
  quotes: Quote[];
  channels: string[];
  /** Index into the speaker palette; unattributed quotes get -1. */
  colour: number;
}

export const UNATTRIBUTED = 'unattributed';

export function speakerKey(q: Quote): string {
  return q.speakerEntity ?? (q.speakerName ?? q.speaker?.text ?? UNATTRIBUTED);
}

/**
 * The sources of an analysis in order of first quote, then every other entity with no quotes. The
 * role is the entity's own `role` when a stage gives one, else its first descriptive mention
 * ("a former trawlerman", "the adviser").
 */
export function sourcesOf(out: ReportInput): Source[] {
  const byKey = new Map<string, Source>();
  const entities = new Map(out.entities.map((e) => [e.id, e]));
  const mentions = new Map(out.mentions.map((m) => [m.id, m]));
  const roleOf = (e: Entity | null): string | null => {
    if (!e) return null;
    const own = (e as Entity & { role?: unknown }).role;
    if (typeof own === 'string' && own) return own;
    for (const id of e.mentions) {
      const m = mentions.get(id);
      if (m && m.kind === 'nominal' && m.text.toLowerCase() !== e.name.toLowerCase()) return m.text;
    }
    return null;
  };
  let colour = 0;
  for (const q of out.quotes) {
    const key = speakerKey(q);
    let s = byKey.get(key);
    if (!s) {
      const entity = q.speakerEntity ? entities.get(q.speakerEntity) ?? null : null;
      const name = entity?.name ?? q.speakerName ?? q.speaker?.text ?? 'Unattributed';
      s = { key, name, entity, role: roleOf(entity), quotes: [], channels: [], colour: key === UNATTRIBUTED ? -1 : colour++ };
      byKey.set(key, s);
    }
    s.quotes.push(q);
    if (q.channel && !s.channels.includes(q.channel.text)) s.channels.push(q.channel.text);
  }
  for (const e of out.entities) {
    if (!byKey.has(e.id)) byKey.set(e.id, { key: e.id, name: e.name, entity: e, role: roleOf(e), quotes: [], channels: [], colour: -1 });
  }
  return [...byKey.values()];
}

/** Findings in reading order, then severity (errors first), then rule id: stable output. */
export function sortedFindings(findings: Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.start - b.f.start || rank[a.f.severity] - rank[b.f.severity] || a.f.rule.localeCompare(b.f.rule) || a.i - b.i)
    .map(({ f }) => f);
}

/** 1-based line and column (UTF-16 code units) of an offset, as SARIF and editors count them. */
export function lineColumn(text: string, offset: number, lineStarts = lineStartsOf(text)): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

