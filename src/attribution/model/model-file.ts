import fs from 'node:fs';

/**
 * A committed model file read and decoded once, on first use: the file at `url`, or the one the
 * environment variable `envVar` names (for trying other files on held-out data). The loader
 * returns null when the file is absent; a file that is present but cannot be decoded throws.
 */
export function lazyModelFile<T>(url: URL, envVar: string, decode: (bytes: Buffer) => T): () => T | null {
  let cached: T | null | undefined;
  return () => {
    if (cached !== undefined) return cached;
    try {
      const override = process.env[envVar];
      cached = decode(fs.readFileSync(override ? override : url));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      cached = null;
    }
    return cached;
  };
}
