// Styles of the web app's own chrome (form, buttons, status); the article and panels use REPORT_CSS.
export const APP_CSS = `
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px;z-index:10}
.skip:focus{left:8px}
.top h1{font-size:1.6rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
form label{display:block;font-weight:600;margin:.6em 0 .3em}
fieldset.modes{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px 18px}
fieldset.modes legend{font-weight:700;margin-bottom:4px;padding:0}
fieldset.modes label{display:inline-flex;align-items:center;gap:6px;font-weight:400;margin:0;min-height:32px}
textarea,input[type=url],input[type=file]{width:100%;font:inherit;padding:8px;border:1px solid #9a9aa8;border-radius:6px;background:#fff;max-width:100%}
textarea{resize:vertical;min-height:8em}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:12px;margin-top:12px}
button{font:inherit;font-weight:600;padding:8px 14px;border-radius:6px;border:1px solid #1a5fd0;background:#1a5fd0;color:#fff;cursor:pointer;min-height:40px}
button[data-download]{background:#fff;color:#1a5fd0}
button:disabled{opacity:.6;cursor:progress}
.status{margin:0;color:var(--muted)}
.status.error{color:#a30f26;font-weight:600}
.downloads{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:.5em 0 1em}
#detail dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
#detail dt{font-weight:700}
#detail dd{margin:0}
.sources details[open]>summary{margin-bottom:4px}
`;
