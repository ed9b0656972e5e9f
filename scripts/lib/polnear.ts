import fs from 'node:fs';
import path from 'node:path';
import { sharedDir } from './shared-data.ts';

// Reads the PolNeAR JSONL with its gold spans, for `npm run train` and `npm run eval`. The data is
// research-use only and lives beside the repository (../shared, or TRUSTLENS_SHARED), never in it.

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}

export interface GoldQuote extends GoldSpan {
  kind: 'direct' | 'mixed' | 'indirect';
  speaker: GoldSpan | null;
  cue: GoldSpan | null;
  attribution: string;
}

export interface GoldDoc {
  id: string;
  text: string;
  quotes: GoldQuote[];
  meta: { origSplit: 'train' | 'dev' | 'test'; [k: string]: unknown };
}

export const DEFAULT_DATA = path.join(sharedDir, 'data/polnear/dev.jsonl');

/** The data file to use: `--data <file>` if given, else the shared PolNeAR dev.jsonl. */
export function dataPath(argv: readonly string[]): string {
  const i = argv.indexOf('--data');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : DEFAULT_DATA;
}

/** Loads the documents, or prints why it cannot and exits with status 2. */
export function loadPolnearOrExit(file: string): GoldDoc[] {
  if (!fs.existsSync(file)) {
    console.error(`PolNeAR data not found at ${file}.`);
    console.error('It is not part of the repository: place dev.jsonl at ../shared/data/polnear/ beside the repo, set TRUSTLENS_SHARED, or pass --data <file>.');
    process.exit(2);
  }
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
}
