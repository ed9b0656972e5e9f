// Fetching a page by URL, defensively: http(s) only; every hop's host resolved and refused when any
// address is private, loopback, link-local, multicast or reserved (and the connection goes to the
// address that was checked, so DNS cannot change its answer in between); redirects followed by
// hand and re-checked; a total deadline; a byte cap on the wire and after decompression.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import { InputError } from './text-input.ts';

export class FetchError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface FetchOptions {
  /** Whole-fetch deadline, redirects included (ms). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (bytes). */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /**
   * Overrides the address policy. For tests only (a local server on 127.0.0.1): production code
   * must leave it unset so that private and loopback addresses are refused.
   */
  allowAddress?: (address: string) => boolean;
}

export interface Fetched {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  redirects: string[];
}

export const DEFAULT_FETCH: Required<Omit<FetchOptions, 'allowAddress'>> = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'trustlens/0.1 (+https://github.com/trustlens)',
};

// Addresses no public web page lives at (RFC 6890 special-purpose registries, abridged).
const BLOCKED = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['2001::', 23],
] as const) BLOCKED.addSubnet(net6, prefix, 'ipv6');

/** True for loopback, private, link-local, shared, multicast, documentation and reserved addresses. */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const lower = address.toLowerCase();
    // IPv4-mapped and NAT64 forms carry an IPv4 address: judge that one.
    const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isBlockedAddress(mapped[1]);
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
    if (hexMapped) {
      const hi = parseInt(hexMapped[1], 16);
      const lo = parseInt(hexMapped[2], 16);
      return isBlockedAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

interface Target {
  url: URL;
  address: string;
  family: 4 | 6;
}

async function resolveTarget(raw: string, base: string | null, allow: (a: string) => boolean): Promise<Target> {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    throw new FetchError(`"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`${url.protocol} URLs are not fetched; give an http(s) URL`);
  if (url.username || url.password) throw new FetchError('URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch (e) {
      throw new FetchError(`cannot resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  if (!addresses.length) throw new FetchError(`cannot resolve ${host}`);
  // Every address must be public: a name that also resolves to 127.0.0.1 is refused outright.
  for (const a of addresses) {
    if (!allow(a.address)) throw new FetchError(`refusing to fetch ${url.host}: it resolves to ${a.address}, a private, loopback or reserved address`);
  }
  return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array | null;
}

function request(t: Target, opts: Required<Omit<FetchOptions, 'allowAddress'>>, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) { reject(new FetchError(`timed out after ${opts.timeoutMs} ms`)); return; }
    const mod = t.url.protocol === 'https:' ? https : http;
    // Connect to the checked address; Host and SNI still name the host.
    const lookup = ((_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) => {
      if (o?.all) cb(null, [{ address: t.address, family: t.family }]);
      else cb(null, t.address, t.family);
    }) as unknown as net.LookupFunction;
    const req = mod.request(t.url, {
      method: 'GET',
      lookup,
      headers: {
        'user-agent': opts.userAgent,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    let settled = false;
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(e instanceof FetchError ? e : new FetchError(`fetching ${t.url.href} failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    };
    const timer = setTimeout(() => fail(new FetchError(`timed out after ${opts.timeoutMs} ms fetching ${t.url.href}`)), remaining);
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ status, headers: res.headers, body: null });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > opts.maxBytes) { fail(new FetchError(`the page is ${declared} bytes; the limit is ${opts.maxBytes}`)); return; }
      const enc = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
      let stream: NodeJS.ReadableStream = res;
      if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(zlib.createGunzip());
      else if (enc === 'deflate') stream = res.pipe(zlib.createInflate());
      else if (enc === 'br') stream = res.pipe(zlib.createBrotliDecompress());
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) { fail(new FetchError(`the page is larger than the limit of ${opts.maxBytes} bytes`)); return; }
        chunks.push(c);
      });
      stream.on('error', (e: Error) => fail(new FetchError(`reading ${t.url.href} failed: ${e.message}`)));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
    });
    req.end();
  });
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)\b/i;

export async function fetchPage(rawUrl: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts = { ...DEFAULT_FETCH, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'allowAddress')) } as Required<Omit<FetchOptions, 'allowAddress'>>;
  const allow = options.allowAddress ?? ((a: string) => !isBlockedAddress(a));
  const deadline = Date.now() + opts.timeoutMs;
  const redirects: string[] = [];
  let target = await resolveTarget(rawUrl, null, allow);
  for (;;) {
    const hop = await request(target, opts, deadline);
    if (hop.body === null) {
      if (redirects.length >= opts.maxRedirects) throw new FetchError(`more than ${opts.maxRedirects} redirects`);
      redirects.push(target.url.href);
      target = await resolveTarget(String(hop.headers.location), target.url.href, allow);
      continue;
    }
    if (hop.status >= 400 || hop.status < 200) throw new FetchError(`${target.url.href} answered HTTP ${hop.status}`);
    const contentType = (hop.headers['content-type'] as string | undefined) ?? null;
    if (contentType && !HTML_TYPES.test(contentType.trim())) throw new FetchError(`${target.url.href} is ${contentType.split(';')[0]}, not an HTML page`);
    return { url: target.url.href, status: hop.status, contentType, bytes: hop.body, redirects };
  }
}
