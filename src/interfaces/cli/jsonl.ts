import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { analyze } from '../../engine.ts';
import { checkText, InputError, MAX_INPUT_BYTES } from '../../ingest/text-input.ts';
import { analyzeHtml } from '../../ingest/index.ts';
import type { Severity } from '../../model/types.ts';
import { hasFindingAtOrAbove } from '../../model/severity.ts';

export interface JsonlSummary {
  lines: number;
  analysed: number;
  failed: number;
  failing: number;
}


/** One JSONL line → the output line. Throws InputError for a line that is not an article. */
function analyseLine(line: string, lineNo: number): { id: unknown; out: object } {
  if (line === OVERLONG) throw new InputError(`line ${lineNo}: longer than ${MAX_LINE_CHARS} characters; skipped`);
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    throw new InputError(`line ${lineNo}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new InputError(`line ${lineNo}: expected an object like {"id": ..., "text": ...}`);
  }
  const rec = obj as Record<string, unknown>;
  if (!('text' in rec) && 'html' in rec) {
    if (typeof rec.html !== 'string') throw new InputError(`line ${lineNo}: "html" must be a string`);
    if (rec.url !== undefined && rec.url !== null && typeof rec.url !== 'string') throw new InputError(`line ${lineNo}: "url" must be a string`);
    const id = rec.id ?? null;
    const url = typeof rec.url === 'string' ? rec.url : null;
    return { id, out: { id, ...analyzeHtml(rec.html, { id: id === null ? null : String(id), url, what: `line ${lineNo}` }) } };
  }
  if (!('text' in rec)) throw new InputError(`line ${lineNo}: no "text" (or "html") field`);
  const text = checkText(rec.text, `line ${lineNo}`);
  const id = rec.id ?? null;
  return { id, out: { id, ...analyze(text, id === null ? null : String(id)) } };
}

const MAX_LINE_CHARS = 2 * MAX_INPUT_BYTES;
const OVERLONG = '\u0000overlong';

/**
 * Lines of a stream, pulled one chunk at a time. readline's async iterator keeps reading while the
 * consumer is busy and buffers every line it has not handed out; pulling chunks from the stream's
 * own iterator reads only as fast as articles are analysed.
 */
async function* lines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  // A line longer than any article could be is dropped while it streams past, not buffered;
  // the marker yielded in its place makes it a reported bad line.
  let overlong = false;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield overlong ? OVERLONG : pending.slice(0, nl);
      overlong = false;
      pending = pending.slice(nl + 1);
    }
    if (pending.length > MAX_LINE_CHARS) {
      overlong = true;
      pending = '';
    }
  }
  pending += decoder.decode();
  if (overlong) yield OVERLONG;
  else if (pending !== '') yield pending;
}

/**
 * Streams a JSONL file through the engine: one line in, one line out, nothing kept between
 * lines, and writes wait for the output to drain so memory stays flat on any input size.
 */
export async function runJsonl(
  input: NodeJS.ReadableStream,
  output: Writable,
  errors: Writable,
  failOn: Severity | null,
): Promise<JsonlSummary> {
  const sum: JsonlSummary = { lines: 0, analysed: 0, failed: 0, failing: 0 };
  let lineNo = 0;
  for await (const line of lines(input)) {
    lineNo++;
    const raw = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (raw.trim() === '') continue;
    sum.lines++;
    let outLine: string;
    try {
      const { out } = analyseLine(raw, lineNo);
      const findings = (out as { findings: { severity: Severity }[] }).findings;
      if (failOn && hasFindingAtOrAbove(findings, failOn)) sum.failing++;
      outLine = JSON.stringify(out);
      sum.analysed++;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      sum.failed++;
      errors.write(`trustlens: ${e.message}\n`);
      let id: unknown = null;
      try { id = (JSON.parse(raw) as { id?: unknown }).id ?? null; } catch { /* the line is not JSON */ }
      outLine = JSON.stringify({ id, line: lineNo, error: e.message });
    }
    if (!output.write(outLine + '\n')) await once(output, 'drain');
  }
  return sum;
}

export function openInput(path: string): NodeJS.ReadableStream {
  if (path === '-') return process.stdin;
  const st = fs.statSync(path, { throwIfNoEntry: false });
  if (!st) throw new InputError(`${path}: no such file`);
  if (st.isDirectory()) throw new InputError(`${path} is a directory, not a JSONL file`);
  return fs.createReadStream(path);
}
