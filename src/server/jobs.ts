import type { Format } from '../report/formats.ts';

// Messages between the server and its analysis workers.

export type JobInput = { kind: 'text'; text: string } | { kind: 'html'; html: string; url?: string } | { kind: 'url'; url: string };

export interface Job {
  id: number;
  input: JobInput;
  format: Format;
  label: string;
  /** The pool's time limit, so the worker can give a URL fetch a deadline inside it. */
  deadlineMs: number;
}

/** A finished job: the response body, already serialised in the worker (the main thread only sends it). */
export type JobResult =
  | { id: number; ok: true; body: string; mediaType: string }
  | { id: number; ok: false; status: number; error: string; message: string };

export type WorkerMessage = { ready: true } | JobResult;
