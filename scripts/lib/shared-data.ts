import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root, and `../shared` beside it, where the evaluation data lives (never in the repo). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = process.env.TRUSTLENS_SHARED ?? path.resolve(repoRoot, '..', 'shared');

export interface PolnearDoc {
  id: string;
  text: string;
  quotes: unknown[];
  meta: { origSplit: 'train' | 'dev' | 'test'; publisher?: string; date?: string; title?: string };
}

/** Exits with a clear message when a shared data file is absent, instead of a stack trace. */
export function requireShared(rel: string): string {
  const p = path.join(sharedDir, rel);
  if (!fs.existsSync(p)) {
    process.stderr.write(`${p} is absent: this script needs the shared evaluation data beside the repo (../shared), or TRUSTLENS_SHARED pointing at it.\n`);
    process.exit(2);
  }
  return p;
}

export function loadPolnear(): PolnearDoc[] {
  const p = requireShared('data/polnear/dev.jsonl');
  return fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as PolnearDoc);
}
