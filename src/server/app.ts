import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SCHEMA_VERSION } from '../engine.ts';
import { checkLooksLikeText, InputError, MAX_INPUT_BYTES } from '../ingest/text-input.ts';
import { FORMAT_NAMES, isFormat } from '../report/formats.ts';
import { loadRules } from '../report/rule-registry.ts';
import type { JobInput } from './jobs.ts';
import { openApiDocument } from './openapi.ts';
import { type AnalysisPool, PoolError } from './pool.ts';
import { checkPublicUrl, UrlRefused } from './url-guard.ts';
import { webAssets } from './web-assets.ts';

// The HTTP API and the web app. Routes only validate and dispatch: the analysis runs in the worker
// pool, and every failure is a JSON error {error, message, field?} with a 4xx/5xx status.

export interface AppOptions {
  pool: AnalysisPool;
  /** Request bodies above this many bytes are refused with 413. */
  maxBodyBytes?: number;
  /** Resolve URL hosts in DNS before accepting them (off in tests that must not touch the network). */
  resolveUrls?: boolean;
}

export const DEFAULT_MAX_BODY = 5 * 1024 * 1024;
const FIELDS = new Set(['text', 'html', 'url', 'baseUrl', 'label']);

class BadRequest extends Error {
  constructor(readonly status: 400 | 403 | 413 | 415 | 422, readonly code: string, message: string, readonly field?: string) {
    super(message);
  }
}

const fail = (c: Context, status: number, error: string, message: string, field?: string) =>
  c.json({ error, message, ...(field ? { field } : {}) }, status as 400);

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Reads and checks the request body: exactly one of text, html, url; nothing unknown. */
async function readInput(c: Context, resolveUrls: boolean): Promise<{ input: JobInput; label: string }> {
  const ctype = c.req.header('content-type') ?? '';
  // curl -d sends application/x-www-form-urlencoded by default; a JSON body is accepted whatever
  // the label says, but a multipart upload cannot be one.
  if (/^multipart\//i.test(ctype)) {
    throw new BadRequest(415, 'unsupported-media-type', `send a JSON body (Content-Type: application/json), not ${ctype.split(';')[0]}`);
  }
  const raw = await c.req.text();
  if (raw.trim() === '') throw new BadRequest(400, 'empty-body', 'the request body is empty; send {"text": "..."}, {"html": "..."} or {"url": "..."}');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (e) {
    throw new BadRequest(400, 'invalid-json', `the request body is not valid JSON: ${(e as Error).message}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequest(400, 'invalid-body', `the request body must be a JSON object, not ${typeName(body)}`);
  }
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !FIELDS.has(k));
  if (unknown.length) throw new BadRequest(400, 'unknown-field', `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; expected one of "text", "html" or "url"`, unknown[0]);
  const given = (['text', 'html', 'url'] as const).filter((k) => b[k] !== undefined);
  if (given.length !== 1) {
    throw new BadRequest(400, given.length ? 'conflicting-fields' : 'missing-field', given.length ? `give exactly one of "text", "html" or "url", not ${given.map((k) => `"${k}"`).join(' and ')}` : 'the body needs one of "text", "html" or "url"', given[1] ?? 'text');
  }
  for (const k of ['text', 'html', 'url', 'baseUrl', 'label'] as const) {
    if (b[k] !== undefined && typeof b[k] !== 'string') throw new BadRequest(400, 'invalid-field', `"${k}" must be a string, got ${typeName(b[k])}`, k);
  }
  const field = given[0];
  const value = b[field] as string;
  if (value.trim() === '') throw new BadRequest(422, 'empty-input', `"${field}" is empty: there is nothing to analyse`, field);
  if (value.length > MAX_INPUT_BYTES) throw new BadRequest(413, 'payload-too-large', `"${field}" is ${value.length} characters; the limit is ${MAX_INPUT_BYTES}`, field);
  if (b.baseUrl !== undefined && field !== 'html') throw new BadRequest(400, 'invalid-field', '"baseUrl" only goes with "html"', 'baseUrl');
  const label = (b.label as string | undefined)?.slice(0, 300) ?? (field === 'url' ? value : field === 'html' ? (b.baseUrl as string | undefined) ?? 'page.html' : 'article.txt');
  if (field === 'text') {
    try {
      checkLooksLikeText(value, '"text"');
    } catch (e) {
      if (e instanceof InputError) throw new BadRequest(422, 'unreadable-input', e.message, 'text');
      throw e;
    }
    return { input: { kind: 'text', text: value }, label };
  }
  if (field === 'html') return { input: { kind: 'html', html: value, ...(b.baseUrl ? { url: b.baseUrl as string } : {}) }, label };
  try {
    const url = await checkPublicUrl(value, resolveUrls);
    return { input: { kind: 'url', url: url.href }, label };
  } catch (e) {
    if (e instanceof UrlRefused) throw new BadRequest(e.status as 400, e.code, e.message, 'url');
    throw e;
  }
}

export function createApp(opts: AppOptions): Hono {
  const { pool } = opts;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const resolveUrls = opts.resolveUrls ?? true;
  const started = Date.now();
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.get('/api/health', (c) => c.json({ status: 'ok', schemaVersion: SCHEMA_VERSION, uptimeSeconds: Math.round((Date.now() - started) / 1000), workers: pool.stats() }));
  app.get('/api/rules', async (c) => c.json({ rules: await loadRules() }));
  let openapi: string | null = null;
  app.get('/api/openapi.json', (c) => {
    openapi ??= JSON.stringify(openApiDocument(), null, 2);
    return c.body(openapi, 200, { 'Content-Type': 'application/json' });
  });

  app.post(
    '/api/analyze',
    bodyLimit({ maxSize: maxBody, onError: (c) => fail(c, 413, 'payload-too-large', `the request body is larger than ${maxBody} bytes`) }),
    async (c) => {
      const format = c.req.query('format') ?? 'json';
      if (!isFormat(format)) return fail(c, 400, 'invalid-format', `format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`, 'format');
      try {
        const { input, label } = await readInput(c, resolveUrls);
        const res = await pool.run(input, format, label);
        return c.body(res.body, 200, { 'Content-Type': res.mediaType });
      } catch (e) {
        if (e instanceof BadRequest) return fail(c, e.status, e.code, e.message, e.field);
        if (e instanceof PoolError) {
          if (e.code === 'timeout' || e.code === 'busy') c.header('Retry-After', '5');
          return fail(c, e.status, e.code, e.message);
        }
        throw e;
      }
    },
  );
  app.all('/api/analyze', (c) => fail(c, 405, 'method-not-allowed', 'use POST /api/analyze with a JSON body'));
  app.all('/api/*', (c) => fail(c, 404, 'not-found', `no API route ${c.req.method} ${c.req.path}; see /api/openapi.json`));

  // The web app: one page, one script, one stylesheet, all from this server.
  const APP_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
  app.get('/', async (c) => c.body((await webAssets()).html, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': APP_CSP }));
  app.get('/app.js', async (c) => c.body((await webAssets()).js, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/app.css', async (c) => c.body((await webAssets()).css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));

  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.notFound((c) => fail(c, 404, 'not-found', `nothing at ${c.req.path}`));
  app.onError((e, c) => {
    console.error(`trustlens serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    return fail(c, 500, 'internal-error', 'the server failed on this request; it is still running');
  });
  return app;
}
