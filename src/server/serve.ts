import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, DEFAULT_MAX_BODY } from './app.ts';
import { AnalysisPool } from './pool.ts';

// `trustlens serve`: the API and web app on one port, loopback only unless told otherwise.

export interface ServeOptions {
  port?: number;
  host?: string;
  workers?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const pool = new AnalysisPool({ size: opts.workers, timeoutMs: opts.timeoutMs });
  const app = createApp({ pool, maxBodyBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY });
  const host = opts.host ?? '127.0.0.1';
  try {
    await pool.ready();
  } catch (e) {
    await pool.close();
    throw e;
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  // Slow or stalled clients must not hold sockets forever.
  const http = server as unknown as { requestTimeout: number; headersTimeout: number; keepAliveTimeout: number };
  http.requestTimeout = 60_000;
  http.headersTimeout = 20_000;
  http.keepAliveTimeout = 5_000;
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
