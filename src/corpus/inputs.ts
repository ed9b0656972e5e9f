// The articles of a corpus run, read lazily from folders of .txt/.html files and from JSONL files,
// one at a time, so memory does not grow with the corpus. Each item carries a stable id (the file's
// path inside its folder, or the line's "id") and a content hash: together they decide whether a
// rerun skips, reanalyses or stores the article for the first time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type InputKind = 'text' | 'html';

export interface InputItem {
  id: string;
  /** Where it came from: a file path, or "file.jsonl:LINE". */
  source: string;
  kind: InputKind;
  /** Raw file bytes (decoded in the worker) or the JSONL line's string; null when `error` is set. */
  content: Uint8Array | string | null;
  /** Metadata given with the input (JSONL fields other than id/text/html); null for files. */
  meta: Record<string, string | number | boolean> | null;
  hash: string;
  /** Why the input could not be read; such an article is stored with this error, not analysed. */
  error: string | null;
}

export class InputsError extends Error {}

const ARTICLE_EXT = new Map<string, InputKind>([['.txt', 'text'], ['.text', 'text'], ['.html', 'html'], ['.htm', 'html']]);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

function hashOf(kind: InputKind, content: Uint8Array | string, meta: unknown): string {
  const h = createHash('sha1');
  h.update(kind).update('\0').update(content).update('\0').update(meta ? JSON.stringify(meta) : '');
  return h.digest('hex');
}

/** Checks every input exists and says what it is, before anything is stored. */
export function classifyInputs(inputs: string[]): { path: string; type: 'dir' | 'jsonl' | 'file' }[] {
  if (!inputs.length) throw new InputsError('corpus run needs at least one input: a folder of .txt/.html files or a .jsonl file');
  return inputs.map((p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) throw new InputsError(`${p}: no such file or folder`);
    if (st.isDirectory()) return { path: p, type: 'dir' as const };
    const ext = path.extname(p).toLowerCase();
    if (JSONL_EXT.has(ext)) return { path: p, type: 'jsonl' as const };
    if (ARTICLE_EXT.has(ext)) return { path: p, type: 'file' as const };
    throw new InputsError(`${p}: not a folder, a .jsonl file, or a .txt/.html article`);
  });
}

/** Article files under a folder, depth first in name order (stable ids, stable progress). */
function* walk(dir: string, rel = ''): Generator<{ abs: string; rel: string }> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch (e) {
    throw new InputsError(`cannot read folder ${path.join(dir, rel)}: ${(e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(dir, r);
    else if ((e.isFile() || e.isSymbolicLink()) && ARTICLE_EXT.has(path.extname(e.name).toLowerCase())) yield { abs: path.join(dir, r), rel: r };
  }
}

/** Non-blank lines of a JSONL file, counted on the bytes without decoding or keeping them. */
function countLines(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let n = 0;
  let blank = true;
  try {
    for (;;) {
      const got = fs.readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      for (let i = 0; i < got; i++) {
        const c = buf[i];
        if (c === 10) {
          if (!blank) n++;
          blank = true;
        } else if (blank && c !== 32 && c !== 13 && c !== 9) blank = false;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return blank ? n : n + 1;
}

/** How many articles the inputs hold, for the progress bar's total. */
export function countInputs(inputs: ReturnType<typeof classifyInputs>): number {
  let n = 0;
  for (const inp of inputs) {
    if (inp.type === 'file') n++;
    else if (inp.type === 'jsonl') n += countLines(inp.path);
    else for (const _ of walk(inp.path)) n++;
  }
  return n;
}

/** Size limits: plain text, and web pages (which carry markup, scripts and styles besides the text). */
export interface Limits {
  text: number;
  html: number;
}

function readFileItem(abs: string, id: string, limits: Limits): InputItem {
  const kind = ARTICLE_EXT.get(path.extname(abs).toLowerCase())!;
  const maxBytes = limits[kind];
  const base = { id, source: abs, kind, meta: null };
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    return { ...base, content: null, hash: 'unreadable', error: `cannot read ${abs}: ${(e as Error).message}` };
  }
  if (st.size > maxBytes) {
    return { ...base, content: null, hash: `size:${st.size}`, error: `too large: ${st.size} bytes; the limit is ${maxBytes} (${kind === 'html' ? '--max-html-bytes' : '--max-bytes'})` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return { ...base, content: null, hash: 'unreadable', error: `cannot read ${abs}: ${(e as Error).message}` };
  }
  return { ...base, content: bytes, hash: hashOf(kind, bytes, null), error: null };
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The metadata kept from a JSONL record: its scalar fields, and those of a nested "meta" object
 * (PolNeAR's layout). Arrays and other objects (gold annotations, say) are left out of the store.
 */
function pickMeta(rec: Record<string, unknown>): Record<string, Scalar> | null {
  const out: Record<string, Scalar> = {};
  const nested = rec.meta;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [k, v] of Object.entries(nested)) if (isScalar(v)) out[k] = v;
  }
  for (const [k, v] of Object.entries(rec)) {
    if (k !== 'id' && k !== 'text' && k !== 'html' && isScalar(v)) out[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

function jsonlItem(line: string, lineNo: number, file: string, fallbackId: string, limits: Limits): InputItem {
  const source = `${file}:${lineNo}`;
  const bad = (error: string, id = fallbackId): InputItem => ({ id, source, kind: 'text', content: null, meta: null, hash: hashOf('text', line, null), error });
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return bad(`line ${lineNo}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return bad(`line ${lineNo}: expected an object like {"id": ..., "text": ...}`);
  const r = rec as Record<string, unknown>;
  const id = typeof r.id === 'string' && r.id !== '' ? r.id : typeof r.id === 'number' ? String(r.id) : fallbackId;
  const kind: InputKind = 'html' in r && !('text' in r) ? 'html' : 'text';
  const content = kind === 'html' ? r.html : r.text;
  if (content === undefined) return bad(`line ${lineNo}: no "text" or "html" field`, id);
  if (typeof content !== 'string') return bad(`line ${lineNo}: "${kind}" must be a string, got ${content === null ? 'null' : typeof content}`, id);
  if (content.length > limits[kind]) return bad(`too large: ${content.length} characters; the limit is ${limits[kind]} (${kind === 'html' ? '--max-html-bytes' : '--max-bytes'})`, id);
  const meta = pickMeta(r);
  return { id, source, kind, content, meta, hash: hashOf(kind, content, meta), error: null };
}

/**
 * Lines of a file pulled one chunk at a time; a line longer than `maxChars` is dropped while it
 * streams past (yielded as null) rather than buffered.
 */
async function* lines(file: string, maxChars: number): AsyncGenerator<string | null> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let overlong = false;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>) {
    pending += decoder.decode(chunk, { stream: true });
    let from = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', from)) >= 0) {
      yield overlong ? null : pending.slice(from, nl);
      overlong = false;
      from = nl + 1;
    }
    pending = from ? pending.slice(from) : pending;
    if (pending.length > maxChars) {
      overlong = true;
      pending = '';
    }
  }
  pending += decoder.decode();
  if (overlong) yield null;
  else if (pending !== '') yield pending;
}

/** Every article of the inputs, in order. */
export async function* readInputs(inputs: ReturnType<typeof classifyInputs>, limits: Limits): AsyncGenerator<InputItem> {
  for (const inp of inputs) {
    if (inp.type === 'file') {
      yield readFileItem(inp.path, path.normalize(inp.path).split(path.sep).join('/'), limits);
    } else if (inp.type === 'dir') {
      for (const f of walk(inp.path)) yield readFileItem(f.abs, f.rel, limits);
    } else {
      const name = path.basename(inp.path);
      let lineNo = 0;
      // JSON escapes can take six characters per text character; beyond that no article fits.
      for await (const raw of lines(inp.path, 6 * Math.max(limits.text, limits.html) + 4096)) {
        lineNo++;
        if (raw === null) {
          yield { id: `${name}:${lineNo}`, source: `${inp.path}:${lineNo}`, kind: 'text', content: null, meta: null, hash: 'overlong', error: `line ${lineNo}: too large (longer than the size limits allow)` };
          continue;
        }
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '') continue;
        yield jsonlItem(line, lineNo, inp.path, `${name}:${lineNo}`, limits);
      }
    }
  }
}

const META_KEYS = {
  title: ['title', 'headline'],
  date: ['date', 'datePublished', 'published', 'publishedAt', 'published_at', 'pubdate'],
  publisher: ['publisher', 'outlet', 'source', 'site', 'siteName'],
  url: ['url', 'link'],
} as const;

/** Title, date, publisher and URL from the input's metadata, under their usual names. */
export function metaField(meta: Record<string, Scalar> | null, field: keyof typeof META_KEYS): string | null {
  if (!meta) return null;
  for (const k of META_KEYS[field]) {
    const v = meta[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number' && field === 'date') return String(v);
  }
  return null;
}

/** "2024-03" from an ISO date, a date Date.parse reads, or null. */
export function monthOf(date: string | null): string | null {
  if (!date) return null;
  const iso = /^(\d{4})-(\d{2})/.exec(date);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const t = Date.parse(date);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
