// Public entry points for web pages: HTML (string or bytes) or a URL in, the analysis out. The
// body text becomes the Doc's `text` (every span indexes it); the rest of the page travels as
// `doc.page` for the meta and trust stages.
import { getPipeline, toOutput } from '../engine.ts';
import { Doc } from '../model/doc.ts';
import type { AnalysisOutput } from '../model/types.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import { fetchPage, type FetchOptions } from './fetch.ts';
import { ingestHtml, type IngestOptions } from './html.ts';

export { fetchPage, FetchError, isBlockedAddress, type FetchOptions } from './fetch.ts';
export { ingestHtml, looksLikeHtml, MAX_HTML_BYTES } from './html.ts';

export interface HtmlOptions extends IngestOptions {
  id?: string | null;
  pipeline?: Pipeline;
}

/** Ingests a page and runs the pipeline: the annotated Doc, with `doc.page` set. */
export function analyzeHtmlDoc(html: string | Uint8Array, opts: HtmlOptions = {}): Doc {
  const { text, page } = ingestHtml(html, opts);
  return (opts.pipeline ?? getPipeline()).run(new Doc(text, opts.id ?? null, page));
}

export function analyzeHtml(html: string | Uint8Array, opts: HtmlOptions = {}): AnalysisOutput {
  return toOutput(analyzeHtmlDoc(html, opts));
}

/** Fetches a URL (see fetch.ts for the safety rules) and analyses the page. */
export async function analyzeUrl(url: string, opts: FetchOptions & { id?: string | null } = {}): Promise<AnalysisOutput> {
  const got = await fetchPage(url, opts);
  return analyzeHtml(got.bytes, { url: got.url, contentType: got.contentType, id: opts.id ?? got.url, what: got.url });
}
