import { parseArgs } from 'node:util';
import { startServer } from './serve.ts';

export const SERVE_USAGE = `trustlens serve [--port N] [--host H] [--workers N] [--timeout MS] [--max-body BYTES]

  --port N         Port to listen on (default 8787; 0 picks a free one).
  --host H         Address to bind (default 127.0.0.1, loopback only). Binding a public
                   address exposes the API to the network: put it behind a proxy.
  --workers N      Analysis worker threads (default: the number of cores, up to 4).
  --timeout MS     Per-request analysis time limit (default 10000).
  --max-body B     Largest request body accepted, in bytes (default 5242880).
`;

function intOption(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} must be an integer from ${min} to ${max}, not "${v}"`);
  return n;
}

/** Runs the server until SIGINT/SIGTERM; resolves to the exit code. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string' },
      'max-body': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  let opts;
  try {
    if (positionals.length) throw new RangeError(`serve takes no file arguments (got "${positionals[0]}")`);
    opts = {
      port: intOption('port', values.port, 0, 65535) ?? 8787,
      host: values.host ?? '127.0.0.1',
      workers: intOption('workers', values.workers, 1, 64),
      timeoutMs: intOption('timeout', values.timeout, 100, 600_000),
      maxBodyBytes: intOption('max-body', values['max-body'], 1024, 64 * 1024 * 1024),
    };
  } catch (e) {
    process.stderr.write(`trustlens: ${(e as Error).message}\nRun "trustlens serve --help" for usage.\n`);
    return 2;
  }
  let server;
  try {
    server = await startServer(opts);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `port ${opts.port} is already in use` : code === 'EADDRNOTAVAIL' ? `cannot bind ${opts.host}` : (e as Error).message;
    process.stderr.write(`trustlens: cannot start the server: ${why}\n`);
    return 2;
  }
  process.stdout.write(`trustlens: serving the API and web app on ${server.url}/\n`);
  if (!/^(127\.|::1$|localhost$)/.test(opts.host)) {
    process.stderr.write(`trustlens: warning: ${opts.host} is not a loopback address; the API is reachable from the network and has no authentication\n`);
  }
  return new Promise((resolve) => {
    const stop = () => {
      void server.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
