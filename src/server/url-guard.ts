import dns from 'node:dns/promises';
import net from 'node:net';

// The API fetches URLs on a user's behalf, so it must not become a way into the machine's own
// network: only http(s) on default-ish ports, and no host that is or resolves to a loopback,
// private, link-local or otherwise reserved address. (The fetcher must also re-check redirects.)

export class UrlRefused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const RESERVED_TLDS = /\.(?:localhost|local|internal|invalid|test|example|lan|home\.arpa)$/i;

function v4Private(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

/** True for addresses the server must not fetch from: loopback, private, link-local, reserved. */
export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return v4Private(ip);
  const s = ip.toLowerCase().replace(/^\[|\]$/g, '');
  if (!net.isIPv6(s)) return true;
  if (s === '::' || s === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (mapped) return v4Private(mapped[1]);
  if (/^::ffff:/.test(s)) return true; // mapped, written in hex
  const first = parseInt(s.split(':')[0] || '0', 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00 || s.startsWith('64:ff9b:') || s.startsWith('2001:db8:');
}

/** Validates a URL for fetching; resolves the host (unless `resolve` is false) and refuses private targets. */
export async function checkPublicUrl(raw: string, resolve = true): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefused(400, 'invalid-url', `"url" is not a valid absolute URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlRefused(400, 'invalid-url', `"url" must be http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new UrlRefused(400, 'invalid-url', '"url" must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    if (isPrivateAddress(host)) throw new UrlRefused(403, 'private-address', `"url" points to a private or loopback address (${host}); only public hosts are fetched`);
    return url;
  }
  if (host === 'localhost' || RESERVED_TLDS.test(host) || !host.includes('.')) {
    throw new UrlRefused(host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa)$/i.test(host) || !host.includes('.') ? 403 : 422,
      host === 'localhost' ? 'private-address' : 'unreachable-url', `"url" host ${host} is not a public internet host`);
  }
  if (!resolve) return url;
  let addrs: { address: string }[];
  try {
    addrs = await dns.lookup(host, { all: true, verbatim: true });
  } catch (e) {
    throw new UrlRefused(422, 'unreachable-url', `cannot resolve ${host}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  const bad = addrs.find((a) => isPrivateAddress(a.address));
  if (bad) throw new UrlRefused(403, 'private-address', `"url" host ${host} resolves to a private address (${bad.address}); only public hosts are fetched`);
  return url;
}
