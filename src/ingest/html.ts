import { parseHTML } from 'linkedom';
import { extractBody, type Extracted } from './extract.ts';

export function extractFromHtml(html: string, _opts: { url?: string } = {}): Extracted {
  const { document } = parseHTML(html);
  return extractBody(document as unknown as Document);
}
