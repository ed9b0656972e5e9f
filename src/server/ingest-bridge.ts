import { analyzeHtml, analyzeUrl, FetchError } from '../ingest/index.ts';
import type { ReportInput } from '../report/model.ts';

// Where the API meets the web-page ingest (src/ingest/index.ts). Kept as one small module so the
// worker's dispatch stays the same whatever the ingest's signatures become.

/** A failed fetch (unreachable, refused address, HTTP error, not HTML): the client's input, a 4xx. */
export class FetchFailed extends Error {
  readonly status = 422;
  readonly code = 'fetch-failed';
}

export async function ingestHtml(html: string, url?: string): Promise<ReportInput> {
  return analyzeHtml(html, { url: url ?? null, what: url ?? 'the HTML' });
}

/** Fetches with a deadline inside the request's own time limit, so a slow site is a clean 422. */
export async function ingestUrl(url: string, deadlineMs: number): Promise<ReportInput> {
  try {
    return await analyzeUrl(url, { timeoutMs: Math.max(1000, deadlineMs - 2000) });
  } catch (e) {
    if (e instanceof FetchError) throw new FetchFailed(e.message);
    throw e;
  }
}
