import type { Finding, TrustReport } from '../model/types.ts';
import { colourClass, evidenceAnchor, findingAnchor, quoteAnchor } from './article-html.ts';
import { escapeHtml as h } from './escape.ts';
import { type ReportInput, type RuleInfo, type Source, sortedFindings } from './model.ts';

// The panels around the article, as HTML strings: shared by the HTML report and the web app, so
// both show the same thing and both escape through the same function.

const clip = (s: string, n: number): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export function legendHtml(): string {
  return `<ul class="legend" aria-label="Legend">
<li><mark class="q c0">quote</mark> coloured by speaker</li>
<li><span class="sp c0">speaker</span></li>
<li><span class="cue">cue</span></li>
<li><span class="ch">channel</span></li>
<li><span class="f sev-warning">finding</span></li>
</ul>`;
}

export function sourcesHtml(sources: Source[]): string {
  if (!sources.length) return '<p class="muted">No sources found.</p>';
  const items = sources.map((s) => {
    const facts = [
      s.role,
      s.entity?.type,
      s.entity && s.entity.gender !== 'unknown' ? s.entity.gender : null,
      `${s.quotes.length} quote${s.quotes.length === 1 ? '' : 's'}`,
      s.channels.length ? `via ${s.channels.join(', ')}` : null,
    ].filter((x): x is string => !!x);
    const quotes = s.quotes
      .map((q) => `<li><a href="#${h(quoteAnchor(q.id))}" data-q="${h(q.id)}">“${h(clip(q.text, 90))}”</a></li>`)
      .join('');
    const body = s.quotes.length ? `<ol class="quotes">${quotes}</ol>` : '';
    return `<li class="source ${colourClass(s.colour)}" data-src="${h(s.key)}"><details${s.quotes.length ? '' : ' class="noquotes"'}><summary><span class="swatch" aria-hidden="true"></span><span class="src-name">${h(s.name)}</span> <span class="src-meta">${h(facts.join(' · '))}</span></summary>${body}</details></li>`;
  });
  // Quoted sources first, open to the reader; entities only mentioned are folded away below them.
  const quoted = sources.filter((s) => s.quotes.length).length;
  const rest = items.slice(quoted);
  const others = rest.length ? `<details class="others"><summary>Other entities mentioned (${rest.length})</summary><ul class="sources">${rest.join('\n')}</ul></details>` : '';
  return `<ul class="sources">${items.slice(0, quoted).join('\n')}</ul>${others}`;
}

export function findingsHtml(findings: Finding[], text: string, rules: RuleInfo[] = []): string {
  if (!findings.length) return '<p class="muted">No findings.</p>';
  const index = new Map(findings.map((f, i) => [f, i]));
  const urls = new Map(rules.filter((r) => r.url).map((r) => [r.id, r.url!]));
  const items = sortedFindings(findings).map((f) => {
    const i = index.get(f)!;
    const evidence = f.end > f.start ? ` <span class="muted">“${h(clip(text.slice(f.start, f.end), 80))}”</span>` : '';
    const url = urls.get(f.rule);
    // Rule URLs come from the project's own registry; only http(s) and relative links are kept.
    const rule = url && /^(https?:\/\/|\.{0,2}\/|[\w-]+\.md)/i.test(url) ? `<a class="rule" href="${h(url)}">${h(f.rule)}</a>` : `<span class="rule">${h(f.rule)}</span>`;
    return `<li data-f="${i}"><span class="badge b-${h(f.severity)}">${h(f.severity)}</span> ${rule} <a class="jump" href="#${findingAnchor(i)}" data-f="${i}">${h(f.message)}</a>${evidence}</li>`;
  });
  return `<ul class="findings">${items.join('\n')}</ul>`;
}

export function trustHtml(trust: TrustReport | undefined): string {
  if (!trust) return '<p class="muted">No Trust Indicators in this analysis.</p>';
  const rows = trust.indicators.map((t, i) => {
    // Evidence found in the article links to its span; evidence from page markup says where it was read.
    const ev = t.evidence
      .map((e, j) => (typeof e.start === 'number' && typeof e.end === 'number' ? `<a class="jump" href="#${evidenceAnchor(i, j)}">${h(e.description)}</a>` : h(e.description) + (e.path ? ` <span class="muted">(${h(e.path)})</span>` : '')))
      .join('<br>');
    const missing = t.missing.length ? `<div class="muted">missing: ${h(t.missing.join(', '))}</div>` : '';
    return `<li data-indicator="${h(t.id)}"><div><span class="t-name">${h(t.name)}</span> <span class="badge b-${h(t.status)}">${h(t.status.replace(/-/g, ' '))}</span></div>${ev ? `<div>${ev}</div>` : ''}${missing}</li>`;
  });
  const met = trust.indicators.filter((t) => t.status === 'met').length;
  const claims = trust.claims.length ? `<p class="muted">Claims Trust Project conformance: ${trust.claims.map((c) => `“${h(clip(c.text, 60))}”`).join(', ')}</p>` : '';
  return `<p>${met} of ${trust.indicators.length} indicators met.</p><ul class="trust">${rows.join('')}</ul>${claims}`;
}

export function metaHtml(out: ReportInput): string {
  const m = out.meta;
  if (!m) return '';
  const bits: string[] = [];
  if (m.headline) bits.push(`<strong>${h(m.headline.value)}</strong>`);
  if (m.authors?.length) bits.push(`by ${h(m.authors.map((a) => a.value.name).join(', '))}`);
  if (m.publisher) bits.push(h(m.publisher.value));
  if (m.datePublished) bits.push(`published ${h(m.datePublished.value)}`);
  if (m.dateModified) bits.push(`updated ${h(m.dateModified.value)}`);
  if (m.dateline) bits.push(`dateline ${h(m.dateline.value)}`);
  if (m.typeOfWork) bits.push(h(m.typeOfWork.value));
  return bits.length ? `<p class="summary">${bits.join(' · ')}</p>` : '';
}

export function summaryLine(out: ReportInput, sources: Source[]): string {
  const words = out.text.match(/\S+/g)?.length ?? 0;
  const quoted = sources.filter((s) => s.quotes.length && s.colour >= 0).length;
  return `${words} words · ${out.quotes.length} quotes from ${quoted} source${quoted === 1 ? '' : 's'} · ${out.findings.length} finding${out.findings.length === 1 ? '' : 's'}`;
}
