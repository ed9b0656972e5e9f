import fs from 'node:fs';
import { SCHEMA_VERSION } from '../engine.ts';
import { FORMAT_NAMES, FORMATS } from '../report/formats.ts';

// The OpenAPI 3.1 description of the API. The analysis response is not restated here: it is
// schema/analysis.schema.json itself, with its $defs moved into components.schemas (refs rewritten
// to match), so the API description cannot drift from the published output contract.

const SCHEMA_FILE = new URL('../../schema/analysis.schema.json', import.meta.url);

type Json = Record<string, unknown>;

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/(?:\$defs|definitions)\//, '#/components/schemas/') : rewriteRefs(v);
  }
  return out;
}

/** The analysis JSON Schema as OpenAPI components: `Analysis` plus each of its $defs. */
export function analysisComponents(): Record<string, unknown> {
  let schema: Json;
  try {
    schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Json;
  } catch {
    return { Analysis: { type: 'object', description: 'The analysis document (schema/analysis.schema.json was not found).' } };
  }
  const { $schema: _s, $id: _i, $defs, definitions, ...root } = schema;
  const defs = { ...(definitions as Json | undefined), ...($defs as Json | undefined) };
  const comps: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) comps[name] = rewriteRefs(def);
  comps.Analysis = rewriteRefs(root);
  return comps;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'trustlens API',
      version: SCHEMA_VERSION,
      description: 'Audit news articles: who said what, according to whom, with evidence spans. Offsets are UTF-16 code units into the analysed text.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/analyze': {
        post: {
          operationId: 'analyze',
          summary: 'Analyse one article given as text, HTML or a URL',
          parameters: [{
            name: 'format', in: 'query', required: false,
            description: 'Response format; json (default) is the analysis document. ' + FORMAT_NAMES.map((f) => `${f}: ${FORMATS[f].description}`).join('; '),
            schema: { type: 'string', enum: FORMAT_NAMES, default: 'json' },
          }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/AnalyzeRequest' } } },
          },
          responses: {
            '200': {
              description: 'The analysis (or the report in the requested format).',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Analysis' } },
                'text/markdown': { schema: { type: 'string' } },
                'application/sarif+json': { schema: { type: 'object' } },
                'text/html': { schema: { type: 'string' } },
                'text/plain': { schema: { type: 'string' } },
              },
            },
            '400': errorResponse('Invalid JSON, a missing or wrongly typed field, an unknown field, or a malformed URL.'),
            '403': errorResponse('The URL points to a private, loopback or otherwise non-public address.'),
            '413': errorResponse('The request body is larger than the server accepts.'),
            '422': errorResponse('The input cannot be analysed: empty or binary text, or a URL that cannot be fetched (unresolvable, refused, HTTP error, not HTML, too slow).'),
            '503': errorResponse('The analysis took longer than the time limit, or the server is busy.'),
          },
        },
      },
      '/api/rules': {
        get: {
          operationId: 'rules', summary: 'The checks the analysis runs',
          responses: { '200': { description: 'Rule metadata in registry order.', content: { 'application/json': { schema: { $ref: '#/components/schemas/RuleList' } } } } },
        },
      },
      '/api/health': {
        get: {
          operationId: 'health', summary: 'Liveness and worker pool state',
          responses: { '200': { description: 'The server is up.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
        },
      },
      '/api/openapi.json': {
        get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
    },
    components: {
      schemas: {
        AnalyzeRequest: {
          description: 'Exactly one of text, html or url.',
          type: 'object',
          additionalProperties: false,
          properties: {
            text: { type: 'string', description: 'Plain-text article; one paragraph per line.', minLength: 1 },
            html: { type: 'string', description: 'An article web page as HTML.', minLength: 1 },
            url: { type: 'string', format: 'uri', description: 'A public http(s) URL of an article page, fetched by the server.' },
            baseUrl: { type: 'string', format: 'uri', description: 'With html: the page address, for relative links and metadata.' },
            label: { type: 'string', description: 'Name of the article in reports (file name or URL).' },
          },
          oneOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
        },
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: { type: 'string', description: 'Stable machine-readable code (invalid-json, invalid-field, payload-too-large, timeout, ...).' },
            message: { type: 'string', description: 'What is wrong, for a person.' },
            field: { type: 'string', description: 'The request field at fault, when there is one.' },
          },
        },
        RuleList: {
          type: 'object', required: ['rules'],
          properties: { rules: { type: 'array', items: { type: 'object', required: ['id', 'description'], properties: { id: { type: 'string' }, description: { type: 'string' }, url: { type: 'string' }, severity: { enum: ['info', 'warning', 'error'] } } } } },
        },
        Health: {
          type: 'object', required: ['status'],
          properties: { status: { const: 'ok' }, schemaVersion: { type: 'string' }, uptimeSeconds: { type: 'number' }, workers: { type: 'object' } },
        },
        ...analysisComponents(),
      },
    },
  };
}
