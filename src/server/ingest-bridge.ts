import type { ReportInput } from '../report/model.ts';

// Where the API meets the web-page ingest (issue: web pages). HTML and URL inputs go through its
// entry points once they exist; until then the API answers 501 for them, naming what is missing.

export class IngestUnavailable extends Error {}

export async function ingestHtml(_html: string, _url?: string): Promise<ReportInput> {
  throw new IngestUnavailable('HTML input is not available yet: the web-page ingest (analyzeHtml) is not part of this build; send {"text"} instead');
}

export async function ingestUrl(_url: string): Promise<ReportInput> {
  throw new IngestUnavailable('URL input is not available yet: the web-page ingest (analyzeUrl) is not part of this build; send {"text"} instead');
}
