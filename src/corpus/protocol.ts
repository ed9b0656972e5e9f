// Messages between the corpus run (main thread) and its analysis workers.
import type { InputKind } from './inputs.ts';
import type { ArticleRows } from './rows.ts';

export interface Task {
  seq: number;
  id: string;
  kind: InputKind;
  /** File bytes to decode, or a JSONL line's string. */
  content: Uint8Array | string;
  /** The page's address, when the input gives one (resolves relative links in HTML). */
  url?: string | null;
}

export type TaskResult =
  | { seq: number; ok: true; rows: ArticleRows; ms: number }
  | { seq: number; ok: false; error: string; ms: number };

export type WorkerMessage = { ready: true } | { fatal: string } | TaskResult;
