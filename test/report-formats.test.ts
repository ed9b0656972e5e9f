import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Finding, Quote, TrustReport } from '../src/model/types.ts';
import { renderHtml } from '../src/report/html.ts';
import { escapeMarkdown, renderMarkdown } from '../src/report/markdown.ts';
import type { ReportInput } from '../src/report/model.ts';
import { render, FORMAT_NAMES } from '../src/report/formats.ts';
import { renderSarifObject } from '../src/report/sarif.ts';

// A hand-built analysis, so the tests pin the renderers, not the pipeline's accuracy.
const text = [
  'Fish plant to close',                                                     // line 1
  '"We tried everything," Ann Lee told Reuters. <script>window.pwned=1</script>',  // line 2
  'Bob Kay said the plan <img src=x onerror="window.pwned=2"> was "a disgrace".',  // line 3
  'See <a href="javascript:window.pwned=3">this</a> | and *that* [x](javascript:alert(1)).',
].join('\n');
const at = (s: string, from = 0) => {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length, text: s };
};

function quote(id: string, span: { start: number; end: number; text: string }, extra: Partial<Quote>): Quote {
  return { id, ...span, kind: 'direct', cue: null, speaker: null, speakerName: null, speakerEntity: null, channel: null, source: 'test', attribution: id, ...extra };
}

const q1 = quote('q1', at('We tried everything,'), { cue: at('told'), speaker: at('Ann Lee'), speakerName: 'Ann Lee', speakerEntity: 'e1', channel: at('Reuters') });
const q2 = quote('q2', at('a disgrace'), { kind: 'mixed', cue: at('said'), speaker: at('Bob Kay'), speakerName: 'Bob Kay', speakerEntity: 'e2' });
// A finding that crosses the first quote's end: the marks must split, not break the HTML.
const crossing: Finding = { rule: 'unattributed-quote', severity: 'warning', message: 'Check <this> & "that"', ...span(at('everything," Ann')) };
const point: Finding = { rule: 'missing-date', severity: 'info', message: 'No date', start: 0, end: 0 };
const onScript: Finding = { rule: 'name-variant', severity: 'error', message: 'script here', ...span(at('<script>window.pwned=1</script>')) };
function span(s: { start: number; end: number }) {
  return { start: s.start, end: s.end };
}

const trust: TrustReport = {
  indicators: [
    { id: 'best-practices', name: 'Best practices', status: 'met', evidence: [{ kind: 'link', description: 'Ethics policy <linked>' }], missing: [] },
    { id: 'author', name: 'Author expertise', status: 'partial', evidence: [{ kind: 'text', description: 'byline Bob Kay', ...span(at('Bob Kay')) }], missing: ['author bio'] },
  ],
  claims: [],
};

const out: ReportInput = {
  schemaVersion: '1.1.0',
  text,
  paragraphs: [],
  sentences: [],
  entities: [
    { id: 'e1', name: 'Ann Lee', type: 'person', gender: 'female', genderEvidence: [], mentions: ['m1'] },
    { id: 'e2', name: 'Bob Kay', type: 'person', gender: 'male', genderEvidence: [], mentions: ['m2'] },
    { id: 'e3', name: 'Reuters', type: 'outlet', gender: 'unknown', genderEvidence: [], mentions: [] },
  ],
  mentions: [],
  quotes: [q1, q2],
  figures: [],
  findings: [crossing, point, onScript],
};

test('HTML report: one file, no script, article text intact and escaped', () => {
  const html = renderHtml(out, { label: 'x<y>.txt' });
  assert.doesNotMatch(html, /<script/i, 'no script element at all');
  assert.doesNotMatch(html, /<link |src="http|url\(/i, 'no external resource');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(html, /&lt;script&gt;window\.pwned=1&lt;\/script&gt;/);
  assert.match(html, /trustlens report: x&lt;y&gt;\.txt/);
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('script').length, 0);
  assert.equal(document.querySelectorAll('img').length, 0, 'the <img onerror> stayed text');
  assert.equal(document.querySelectorAll('#article a').length, 0, 'the javascript: link stayed text');
  // Every character of the article is shown exactly once, in order: offsets map 1:1.
  assert.equal(document.querySelector('#article')!.textContent, text);
});

test('HTML report: quotes coloured per speaker, cue/channel/speaker marked, findings linked', () => {
  const { document } = parseHTML(renderHtml(out, { label: 'a.txt' }));
  const m1 = document.querySelector('#q-q1')!;
  const m2 = document.querySelector('#q-q2')!;
  assert.equal(m1.tagName, 'MARK');
  assert.equal(m1.getAttribute('tabindex'), '0', 'quotes are keyboard-focusable');
  const colour = (el: Element) => el.getAttribute('class')!.split(' ').find((c) => /^c\d+$/.test(c));
  assert.ok(colour(m1) && colour(m2) && colour(m1) !== colour(m2), 'one colour per speaker');
  assert.match(m1.getAttribute('data-tip')!, /Ann Lee.*cue: “told”.*via Reuters/);
  assert.equal(document.querySelector('.cue[data-q="q1"]')!.textContent, 'told');
  assert.equal(document.querySelector('.ch[data-q="q1"]')!.textContent, 'Reuters');
  assert.equal(document.querySelector('.sp[data-q="q2"]')!.textContent, 'Bob Kay');
  // The crossing finding: first piece has the id, the rest continues without one.
  const f0 = document.querySelector('#f-0')!;
  assert.ok(f0.classList.contains('sev-warning'));
  const pieces = [...document.querySelectorAll('[data-f="0"]')].filter((e) => e.closest('#article'));
  assert.equal(pieces.map((p) => p.textContent).join(''), 'everything," Ann');
  assert.equal(document.querySelectorAll('#article [id="f-0"]').length, 1);
  assert.ok(document.querySelector('#f-1'), 'an empty-span finding still has an anchor');
  for (const a of document.querySelectorAll('.findings a.jump')) assert.ok(document.querySelector(a.getAttribute('href')!), `target of ${a.getAttribute('href')}`);
  assert.match(document.querySelector('.findings')!.innerHTML, /Check &lt;this&gt; &amp; "that"|Check &lt;this&gt; &amp; &quot;that&quot;/);
  // Sources panel: both speakers with their facts and quote links; the outlet listed without quotes.
  const sources = [...document.querySelectorAll('.sources > li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
  assert.match(sources[0], /Ann Lee.*person · female · 1 quote · via Reuters/);
  assert.match(sources[1], /Bob Kay.*person · male · 1 quote/);
  assert.ok(sources.some((s) => /Reuters.*outlet · 0 quotes/.test(s)));
  assert.ok(document.querySelector('.sources a[href="#q-q2"]'));
});

test('HTML report: Trust Indicator scorecard when the layer is present, a note when not', () => {
  const withTrust = parseHTML(renderHtml({ ...out, trust }, {})).document;
  const rows = [...withTrust.querySelectorAll('ul.trust > li')].map((r) => r.textContent);
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /Best practices.*met.*Ethics policy <linked>/);
  assert.match(rows[1]!, /Author expertise.*partial.*byline Bob Kay.*missing: author bio/);
  const evLink = withTrust.querySelector('ul.trust a.jump')!;
  const target = withTrust.querySelector(evLink.getAttribute('href')!)!;
  assert.ok(target.closest('#article'), 'text evidence links to its span in the article');
  assert.equal(target.textContent, 'Bob Kay');
  assert.equal(withTrust.querySelector('#article')!.textContent, text);
  assert.match(withTrust.querySelector('#h-trust')!.parentElement!.textContent!, /1 of 2 indicators met/);
  const without = parseHTML(renderHtml(out, {})).document;
  assert.equal(without.querySelectorAll('ul.trust').length, 0);
  assert.match(without.querySelector('#h-trust')!.parentElement!.textContent!, /No Trust Indicators/);
});

test('Markdown report escapes article text and lists sources, quotes, findings', () => {
  const md = renderMarkdown({ ...out, trust }, { label: 'a.txt', rules: [{ id: 'name-variant', description: 'x', url: 'docs/rules/name-variant.md' }] });
  assert.doesNotMatch(md, /<script|<img|<a href/i);
  assert.match(md, /&lt;script&gt;/);
  assert.match(md, /\| Ann Lee \| — \| person \| female \| 1 \| Reuters \|/);
  assert.match(md, /- \*\*error\*\* \[`name-variant`\]\(docs\/rules\/name-variant\.md\) \(line 2, column \d+\)/);
  assert.match(md, /\| Best practices \| met \|/);
  assert.match(md, /\| Author expertise \| partial \| byline Bob Kay \| author bio \|/);
  assert.equal(escapeMarkdown('a | b *c* [d](javascript:e)'), 'a \\| b \\*c\\* \\[d\\]\\(javascript:e\\)');
});

test('SARIF: 2.1.0, rules in registry order, results with char offsets and lines', () => {
  const rules = [
    { id: 'missing-date', description: 'No date.', severity: 'warning' as const },
    { id: 'name-variant', description: 'Two spellings.', url: 'docs/rules/name-variant.md' },
  ];
  const sarif = renderSarifObject(out, { label: 'news/a.txt', rules }) as any;
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  const run = sarif.runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run.tool.driver.rules.map((r: any) => r.id), ['missing-date', 'name-variant', 'unattributed-quote'], 'registry order, unknown rule appended');
  assert.equal(run.tool.driver.rules[0].defaultConfiguration.level, 'warning');
  assert.equal(run.tool.driver.rules[1].helpUri, 'docs/rules/name-variant.md');
  assert.equal(run.artifacts[0].contents.text, text);
  assert.equal(run.results.length, 3);
  for (const r of run.results) {
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const reg = r.locations[0].physicalLocation.region;
    const f = out.findings.find((x) => x.rule === r.ruleId)!;
    assert.equal(reg.charOffset, f.start);
    assert.equal(reg.charLength, f.end - f.start);
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'news/a.txt');
  }
  const nv = run.results.find((r: any) => r.ruleId === 'name-variant');
  assert.equal(nv.level, 'error');
  const reg = nv.locations[0].physicalLocation.region;
  const lineStart = text.indexOf('\n') + 1;
  assert.deepEqual([reg.startLine, reg.startColumn], [2, onScript.start - lineStart + 1]);
  assert.equal(reg.snippet.text, '<script>window.pwned=1</script>');
  assert.equal(run.results.find((r: any) => r.ruleId === 'missing-date').level, 'note');
  const empty = renderSarifObject({ ...out, findings: [] }) as any;
  assert.deepEqual(empty.runs[0].results, [], 'results present even when empty');
});

test('every format renders through the one registry', () => {
  for (const f of FORMAT_NAMES) assert.ok(render(f, out, { label: 'a.txt' }).length > 50, f);
  assert.deepEqual(JSON.parse(render('json', out)), JSON.parse(JSON.stringify(out)));
});

test('CLI analyze --format sarif|html|markdown', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-report-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, 'Fish plant shuts\n\n"It is over," Jane Roe told Reuters. <script>alert(1)</script>\n');
  const run = (fmt: string) => spawnSync(process.execPath, [path.join(root, 'bin', 'trustlens.js'), 'analyze', file, '--format', fmt], { encoding: 'utf8', timeout: 60_000 });
  const sarif = run('sarif');
  assert.equal(sarif.status, 0, sarif.stderr);
  const s = JSON.parse(sarif.stdout);
  assert.equal(s.version, '2.1.0');
  assert.ok(s.runs[0].tool.driver.rules.length > 0, 'rules from the checks registry');
  const html = run('html');
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.doesNotMatch(html.stdout, /<script/i);
  assert.match(html.stdout, /<mark class="q /);
  const bad = run('pdf');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be one of text, json, markdown, sarif, html/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('article marks stay well nested for any overlap of quotes, cues and findings', () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const base = 'A "b" <c> & d\ne\u00e9f 😀 g "h" i\n\njk & <l>';
  for (let round = 0; round < 300; round++) {
    const spanAt = () => { const a = rnd(base.length + 1); const b = rnd(base.length + 1); return { start: Math.min(a, b), end: Math.max(a, b), text: base.slice(Math.min(a, b), Math.max(a, b)) }; };
    const quotes = Array.from({ length: rnd(4) }, (_, i) => quote(`q${i}`, spanAt(), { cue: rnd(2) ? spanAt() : null, speaker: rnd(2) ? spanAt() : null, channel: rnd(2) ? spanAt() : null, speakerName: `S${rnd(3)}`, speakerEntity: null }));
    const findings = Array.from({ length: rnd(4) }, (): Finding => ({ rule: 'r', severity: 'info', message: 'm', ...span(spanAt()) }));
    const doc = parseHTML(renderHtml({ ...out, text: base, quotes, findings, entities: [] })).document;
    const art = doc.querySelector('#article')!;
    assert.equal(art.textContent, base, `round ${round}`);
    for (const q of quotes) assert.equal(doc.querySelectorAll(`[id="q-${q.id}"]`).length, 1);
    for (let i = 0; i < findings.length; i++) assert.equal(doc.querySelectorAll(`[id="f-${i}"]`).length, 1);
    for (const q of quotes) {
      const pieces = [...art.querySelectorAll(`mark[data-q="${q.id}"]`)].map((e) => e.textContent).join('');
      assert.equal(pieces, q.text, `round ${round}: quote ${q.id} pieces cover exactly its span`);
    }
  }
});
