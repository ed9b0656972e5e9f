import type { AnalysisOutput, Quote } from '../model/types.ts';

// A plain-text report for the terminal. It only formats: every number comes from the analysis.

const clip = (s: string, n: number): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

function quoteLine(q: Quote): string {
  const who = q.speakerName ?? q.speaker?.text ?? 'unattributed';
  const asWritten = q.speaker && q.speakerName && q.speaker.text !== q.speakerName ? ` (as "${clip(q.speaker.text, 30)}")` : '';
  const via = q.channel ? ` via ${clip(q.channel.text, 40)}` : '';
  const cue = q.cue ? ` [${clip(q.cue.text, 30)}]` : '';
  return `  ${q.start}-${q.end} ${q.kind.padEnd(8)} ${who}${asWritten}${cue}${via}\n      ${clip(q.text, 110)}`;
}

export function renderText(out: AnalysisOutput, label: string): string {
  const lines: string[] = [];
  const words = (out.text.match(/\S+/g) ?? []).length;
  lines.push(`trustlens analysis of ${label}: ${words} words, ${out.paragraphs.length} paragraphs, ${out.sentences.length} sentences`);
  lines.push('');
  const byKind = { direct: 0, mixed: 0, indirect: 0 };
  for (const q of out.quotes) byKind[q.kind]++;
  lines.push(`Quotes: ${out.quotes.length} (${byKind.direct} direct, ${byKind.mixed} mixed, ${byKind.indirect} indirect)`);
  for (const q of out.quotes) lines.push(quoteLine(q));
  lines.push('');
  const quoted = new Map<string, number>();
  for (const q of out.quotes) if (q.speakerEntity) quoted.set(q.speakerEntity, (quoted.get(q.speakerEntity) ?? 0) + 1);
  lines.push(`Entities: ${out.entities.length}`);
  for (const e of out.entities) {
    const n = quoted.get(e.id) ?? 0;
    lines.push(`  ${e.name} — ${e.type}${e.gender !== 'unknown' ? `, ${e.gender}` : ''}, ${e.mentions.length} mention(s)${n ? `, ${n} quote(s)` : ''}`);
  }
  lines.push('');
  lines.push(`Figures: ${out.figures.length}`);
  for (const f of out.figures) {
    lines.push(`  ${f.start}-${f.end} ${f.kind.padEnd(8)} ${clip(f.text, 40)}${f.value !== null ? ` = ${f.value}` : ''}${f.unit ? ` ${f.unit}` : ''}`);
  }
  lines.push('');
  lines.push(`Findings: ${out.findings.length}`);
  for (const f of out.findings) lines.push(`  ${f.start}-${f.end} ${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
  return lines.join('\n') + '\n';
}
