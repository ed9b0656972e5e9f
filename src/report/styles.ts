import { PALETTE_SIZE } from './article-html.ts';

// The stylesheet shared by the HTML report and the web app: system fonts only (nothing fetched),
// speaker colours as light tints with a darker underline so black text keeps its contrast.

const HUES = [210, 28, 130, 330, 265, 180, 52, 0, 95, 300];

const palette = Array.from({ length: PALETTE_SIZE }, (_, i) => {
  const h = HUES[i % HUES.length];
  return `.c${i}{--tint:hsl(${h} 85% 88%);--ink:hsl(${h} 70% 32%)}`;
}).join('\n');

export const REPORT_CSS = `
:root{color-scheme:light;--bg:#fff;--fg:#1b1b1f;--muted:#585866;--line:#d9d9e0;--panel:#f6f6f9;--focus:#1a5fd0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--focus)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.wrap{max-width:1200px;margin:0 auto;padding:16px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,380px);gap:24px;align-items:start}
/* Wide screens: the panels stay beside the article while it scrolls, and scroll on their own. */
@media (min-width:821px){.layout>aside{position:sticky;top:0;max-height:100vh;overflow-y:auto;padding:8px 4px 8px 0;overscroll-behavior:contain}}
@media (max-width:820px){.layout{grid-template-columns:minmax(0,1fr)}.article{padding:10px}.wrap{padding:12px}}
details.others{margin-top:8px;border-top:1px solid var(--line);padding-top:8px}
details.others>summary{color:var(--muted)}
h1{font-size:1.4rem;margin:.2em 0}
h2{font-size:1.1rem;margin:1.2em 0 .5em}
.summary{color:var(--muted);margin:.2em 0 1em}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem;line-height:1.7;margin:0;padding:16px;border:1px solid var(--line);border-radius:8px;background:#fff}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin-bottom:16px;overflow-wrap:anywhere}
.panel h2{margin-top:0}
.cx{--tint:#e4e4e9;--ink:#555}
${palette}
mark.q{background:var(--tint);color:inherit;border-bottom:2px solid var(--ink);border-radius:2px;padding:0 1px;position:relative;cursor:help}
mark.q:focus{outline:3px solid var(--focus);outline-offset:1px}
mark.q.sel{box-shadow:0 0 0 3px var(--ink)}
.sp{color:var(--ink);font-weight:700;border-bottom:2px solid var(--ink)}
.cue{font-style:italic;text-decoration:underline dotted 2px;text-underline-offset:3px}
.ch{outline:1.5px dashed #7a4b00;outline-offset:1px;border-radius:3px}
.f{text-decoration:underline wavy;text-decoration-thickness:1.5px;text-underline-offset:4px;scroll-margin-top:80px}
.sev-error{text-decoration-color:#c0152f}.sev-warning{text-decoration-color:#b26b00}.sev-info{text-decoration-color:#2f6fb3}
.ev{scroll-margin-top:80px}
.f.flash,mark.q.flash,.ev.flash{animation:flash 1.2s ease-out 1}
@keyframes flash{0%{background:#ffe066}100%{background:var(--tint,transparent)}}
mark.q[data-tip]:hover::after,mark.q[data-tip]:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:5;margin-top:4px;width:max-content;max-width:min(320px,80vw);white-space:normal;font:13px/1.4 system-ui,sans-serif;font-style:normal;font-weight:400;background:#1b1b1f;color:#fff;padding:6px 8px;border-radius:6px;pointer-events:none}
mark.q[data-cont]::after{display:none}
/* Narrow screens: the tooltip docks at the bottom of the screen instead of running off its edge. */
@media (max-width:820px){mark.q[data-tip]:hover::after,mark.q[data-tip]:focus::after{position:fixed;left:8px;right:8px;top:auto;bottom:8px;width:auto;max-width:none;margin:0;font-size:14px}}
.legend{display:flex;flex-wrap:wrap;gap:8px 16px;font-size:.9rem;color:var(--muted);margin:.5em 0 1em;padding:0;list-style:none}
.sources,.findings,.quotes{list-style:none;margin:0;padding:0}
.sources>li{border-top:1px solid var(--line);padding:8px 0}
.sources>li:first-child{border-top:0}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:3px;background:var(--tint);border:2px solid var(--ink);vertical-align:-2px;margin-right:6px}
.src-name{font-weight:700}
.src-meta{color:var(--muted);font-size:.9rem}
details>summary{cursor:pointer}
.quotes li{margin:.3em 0 .3em 1.2em;font-size:.92rem}
.findings li{border-top:1px solid var(--line);padding:6px 0}
.findings li:first-child{border-top:0}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;padding:1px 6px;border-radius:10px;border:1px solid currentColor}
.b-error{color:#a30f26}.b-warning{color:#8a5300}.b-info{color:#1f5c9c}
.b-met{color:#11703a}.b-partial{color:#8a5300}.b-absent{color:#a30f26}.b-not-determinable{color:#585866}
ul.trust{list-style:none;margin:0;padding:0;font-size:.92rem}
ul.trust>li{border-top:1px solid var(--line);padding:6px 0}
ul.trust>li:first-child{border-top:0}
.t-name{font-weight:700}
.badge{white-space:nowrap}
.muted{color:var(--muted)}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
footer{color:var(--muted);font-size:.85rem;margin-top:24px}
`;
