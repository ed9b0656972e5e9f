import { articleHtml, quoteAnchor, quoteTip } from '../report/article-html.ts';
import { escapeHtml as h } from '../report/escape.ts';
import { FORMATS, type Format, render } from '../report/formats.ts';
import { findingsHtml, legendHtml, metaHtml, sourcesHtml, summaryLine, trustHtml } from '../report/html-parts.ts';
import { type ReportInput, type RuleInfo, sourcesOf } from '../report/model.ts';

// The web app: sends the article to POST /api/analyze and shows the answer with the same HTML
// renderers as the report file (so both escape article text the same way). Downloads are rendered
// here from the analysis already in hand, through the same format registry as the CLI.

const $ = <T extends HTMLElement>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
};

const form = $<HTMLFormElement>('#input-form');
const statusEl = $<HTMLParagraphElement>('#status');
const button = $<HTMLButtonElement>('#analyse');
const results = $<HTMLElement>('#results');
const article = $<HTMLDivElement>('#article');
const detail = $<HTMLDivElement>('#detail');

let current: { out: ReportInput; label: string } | null = null;
let rules: RuleInfo[] = [];
void fetch('/api/rules').then((r) => (r.ok ? r.json() : { rules: [] })).then((j: { rules: RuleInfo[] }) => { rules = j.rules; }).catch(() => {});

function setStatus(msg: string, error = false): void {
  statusEl.textContent = msg;
  statusEl.classList.toggle('error', error);
}

// Show only the input that goes with the chosen mode.
const modeOf = (): string => (form.querySelector<HTMLInputElement>('input[name=mode]:checked')?.value ?? 'text');
form.addEventListener('change', (e) => {
  if ((e.target as HTMLInputElement).name !== 'mode') return;
  for (const el of form.querySelectorAll<HTMLElement>('[data-mode]')) el.hidden = el.dataset.mode !== modeOf();
});

async function requestBody(): Promise<{ body: Record<string, string>; label: string } | null> {
  const mode = modeOf();
  if (mode === 'text') {
    const text = $<HTMLTextAreaElement>('#text-input').value;
    if (!text.trim()) return null;
    return { body: { text }, label: 'pasted text' };
  }
  if (mode === 'url') {
    const url = $<HTMLInputElement>('#url-input').value.trim();
    if (!url) return null;
    return { body: { url }, label: url };
  }
  const file = $<HTMLInputElement>('#file-input').files?.[0];
  if (!file) return null;
  const content = await file.text();
  const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html' || /^\s*<(!doctype|html|head|body)/i.test(content);
  return { body: isHtml ? { html: content, label: file.name } : { text: content, label: file.name }, label: file.name };
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const req = await requestBody();
  if (!req) {
    setStatus('Give an article first: paste text, choose a file, or type an address.', true);
    return;
  }
  button.disabled = true;
  setStatus('Analysing…');
  try {
    const res = await fetch('/api/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req.body) });
    const json = (await res.json().catch(() => null)) as (ReportInput & { message?: string }) | null;
    if (!res.ok || !json) {
      setStatus(`Could not analyse: ${json?.message ?? `HTTP ${res.status}`}`, true);
      return;
    }
    show(json, req.label);
    setStatus(`Done: ${json.quotes.length} quotes found.`);
  } catch (err) {
    setStatus(`Could not reach the server: ${(err as Error).message}`, true);
  } finally {
    button.disabled = false;
  }
});

function show(out: ReportInput, label: string): void {
  current = { out, label };
  const sources = sourcesOf(out);
  $('#meta').innerHTML = metaHtml(out);
  $('#summary').textContent = summaryLine(out, sources);
  $('#legend').innerHTML = legendHtml();
  article.innerHTML = articleHtml(out, sources);
  $('#sources').innerHTML = sourcesHtml(sources);
  $('#findings').innerHTML = findingsHtml(out.findings, out.text, rules);
  $('#trust').innerHTML = trustHtml(out.trust);
  detail.innerHTML = '<p class="muted">Hover, focus or click a highlighted quote.</p>';
  results.hidden = false;
  results.scrollIntoView({ block: 'start' });
}

const quoteById = (id: string) => current?.out.quotes.find((q) => q.id === id) ?? null;

function showDetail(id: string): void {
  const q = quoteById(id);
  if (!q) return;
  const row = (k: string, v: string | null | undefined) => `<dt>${k}</dt><dd>${v ? h(v) : '<span class="muted">none</span>'}</dd>`;
  const speaker = q.speakerName ?? q.speaker?.text ?? null;
  detail.innerHTML = `<dl>${row('Speaker', speaker)}${q.speaker && q.speaker.text !== speaker ? row('As written', q.speaker.text) : ''}${row('Cue', q.cue?.text)}${row('Channel', q.channel?.text)}${row('Kind', q.kind)}</dl><p class="muted">${h(quoteTip(q))}</p>`;
}

function flash(el: Element): void {
  el.classList.remove('flash');
  void (el as HTMLElement).offsetWidth; // restart the animation
  el.classList.add('flash');
}

function jumpTo(el: HTMLElement | null): void {
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  flash(el);
}

// Quote details on hover, keyboard focus and click.
const quoteOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>('mark.q') : null);
article.addEventListener('mouseover', (e) => { const m = quoteOf(e.target); if (m?.dataset.q) showDetail(m.dataset.q); });
article.addEventListener('focusin', (e) => { const m = quoteOf(e.target); if (m?.dataset.q) showDetail(m.dataset.q); });
article.addEventListener('click', (e) => { const m = quoteOf(e.target); if (m?.dataset.q) showDetail(m.dataset.q); });

// A source opens to list its quotes; its quotes are marked in the article while it is open.
$('#sources').addEventListener('toggle', (e) => {
  const det = e.target as HTMLDetailsElement;
  const key = det.closest<HTMLElement>('li[data-src]')?.dataset.src;
  if (key === undefined) return;
  for (const m of article.querySelectorAll<HTMLElement>('mark.q')) if (m.dataset.src === key) m.classList.toggle('sel', det.open);
}, true);
$('#sources').addEventListener('click', (e) => {
  const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-q]');
  if (!a) return;
  e.preventDefault();
  showDetail(a.dataset.q!);
  jumpTo(document.getElementById(quoteAnchor(a.dataset.q!)));
});
// Findings and Trust Indicator evidence link to their spans in the article.
for (const panel of ['#findings', '#trust']) {
  $(panel).addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a.jump');
    if (!a) return;
    e.preventDefault();
    jumpTo(document.getElementById(a.getAttribute('href')!.slice(1)));
  });
}

// Downloads: rendered from the analysis in hand, saved through a temporary object URL.
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
  b.addEventListener('click', () => {
    if (!current) return;
    const format = b.dataset.download as Format;
    const body = render(format, current.out, { label: current.label, rules });
    const blob = new Blob([body], { type: FORMATS[format].mediaType });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    const base = current.label.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '').replace(/[^\w.-]+/g, '-').slice(0, 60) || 'article';
    a.download = `${base}.trustlens.${FORMATS[format].extension}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
}
