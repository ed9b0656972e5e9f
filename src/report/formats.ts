import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { RenderOptions, ReportInput } from './model.ts';
import { renderSarif } from './sarif.ts';
import { renderText } from './text.ts';

// The one place that maps a format name to its renderer; the CLI, the API and the web app's
// download buttons all go through it. Renderers only format: every number comes from the analysis.

export const FORMATS = {
  text: { description: 'a readable summary for the terminal', mediaType: 'text/plain; charset=utf-8', extension: 'txt' },
  json: { description: 'the versioned analysis JSON (schema/analysis.schema.json)', mediaType: 'application/json', extension: 'json' },
  markdown: { description: 'a Markdown report: sources, quotes, findings, Trust Indicators', mediaType: 'text/markdown; charset=utf-8', extension: 'md' },
  sarif: { description: 'SARIF 2.1.0, findings as results (for CI and code scanning)', mediaType: 'application/sarif+json', extension: 'sarif' },
  html: { description: 'one self-contained HTML page with the article highlighted', mediaType: 'text/html; charset=utf-8', extension: 'html' },
} as const;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

export const isFormat = (s: string): s is Format => Object.hasOwn(FORMATS, s);

export function render(format: Format, out: ReportInput, opts: RenderOptions = {}): string {
  switch (format) {
    case 'text': return renderText(out, opts.label ?? 'article');
    case 'json': return JSON.stringify(out, null, 2) + '\n';
    case 'markdown': return renderMarkdown(out, opts);
    case 'sarif': return renderSarif(out, opts);
    case 'html': return renderHtml(out, opts);
  }
}
