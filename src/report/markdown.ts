import { type RenderOptions, type ReportInput, sortedFindings, sourcesOf, lineColumn, lineStartsOf } from './model.ts';
import { wordCount } from '../model/text.ts';

// A Markdown report (for a pull request, a newsroom wiki or a chat message). Article text may hold
// raw HTML or Markdown syntax: it is escaped so that renderers show it as text, never as markup.

/** Escapes text for a Markdown paragraph or table cell: HTML, emphasis, links, code and pipes. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .trim();
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const cell = (s: string | null | undefined, n = 120): string => (s ? escapeMarkdown(clip(s.replace(/\s+/g, ' ').trim(), n)) : '—');

export function renderMarkdown(out: ReportInput, opts: RenderOptions = {}): string {
  const label = opts.label ?? 'article';
  const sources = sourcesOf(out);
  const starts = lineStartsOf(out.text);
  const lines: string[] = [];
  lines.push(`# trustlens report: ${escapeMarkdown(label)}`, '');
  const m = out.meta;
  if (m?.headline) lines.push(`**${escapeMarkdown(m.headline.value)}**${m.authors?.length ? ` by ${escapeMarkdown(m.authors.map((a) => a.value.name).join(', '))}` : ''}${m.datePublished ? `, published ${escapeMarkdown(m.datePublished.value)}` : ''}`, '');
  const quoted = sources.filter((s) => s.quotes.length && s.colour >= 0).length;
  lines.push(`${wordCount(out.text)} words · ${out.quotes.length} quotes from ${quoted} sources · ${out.findings.length} findings`, '');

  lines.push('## Sources', '');
  if (sources.length) {
    lines.push('| Source | Role | Type | Gender | Quotes | Channels |', '|---|---|---|---|---:|---|');
    for (const s of sources) {
      lines.push(`| ${cell(s.name, 60)} | ${cell(s.role, 60)} | ${cell(s.entity?.type)} | ${cell(s.entity?.gender)} | ${s.quotes.length} | ${cell(s.channels.join(', '), 80)} |`);
    }
  } else lines.push('No sources found.');
  lines.push('');

  lines.push('## Quotes', '');
  if (out.quotes.length) {
    lines.push('| Line | Speaker | Kind | Cue | Channel | Quote |', '|---:|---|---|---|---|---|');
    for (const q of out.quotes) {
      const { line } = lineColumn(out.text, q.start, starts);
      const who = q.speakerName ?? q.speaker?.text ?? 'unattributed';
      lines.push(`| ${line} | ${cell(who, 60)} | ${q.kind} | ${cell(q.cue?.text, 40)} | ${cell(q.channel?.text, 60)} | ${cell(q.text, 160)} |`);
    }
  } else lines.push('No quotes found.');
  lines.push('');

  lines.push('## Findings', '');
  if (out.findings.length) {
    const urls = new Map((opts.rules ?? []).filter((r) => r.url).map((r) => [r.id, r.url!]));
    for (const f of sortedFindings(out.findings)) {
      const { line, column } = lineColumn(out.text, f.start, starts);
      const url = urls.get(f.rule);
      const rule = url ? `[\`${f.rule}\`](${url.replace(/[()\s]/g, encodeURIComponent)})` : `\`${f.rule.replace(/`/g, '')}\``;
      const evidence = f.end > f.start ? ` — “${cell(out.text.slice(f.start, f.end), 100)}”` : '';
      lines.push(`- **${f.severity}** ${rule} (line ${line}, column ${column}): ${escapeMarkdown(f.message)}${evidence}`);
    }
  } else lines.push('No findings.');
  lines.push('');

  lines.push('## Trust Indicators', '');
  if (out.trust) {
    lines.push('| Indicator | Status | Evidence | Missing |', '|---|---|---|---|');
    for (const t of out.trust.indicators) {
      lines.push(`| ${cell(t.name)} | ${t.status} | ${cell(t.evidence.map((e) => e.description).join('; '), 200)} | ${cell(t.missing.join(', '))} |`);
    }
  } else lines.push('No Trust Indicators in this analysis.');
  lines.push('');
  return lines.join('\n');
}
