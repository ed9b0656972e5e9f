// One article of a corpus run, analysed: decode, validate, run the engine, flatten into rows.
// Every failure becomes a recorded error for that article, never an exception out of the worker.
import { analyze } from '../engine.ts';
import { analyzeHtml } from '../ingest/index.ts';
import { checkText, decodeText, InputError } from '../ingest/text-input.ts';
import type { AnalysisOutput } from '../model/types.ts';
import type { Task, TaskResult } from './protocol.ts';
import { toRows } from './rows.ts';

export const HTML_UNSUPPORTED = 'HTML input needs the web-pages ingestion';

/** The analysis entry points; tests swap in hand-made analyses to check the store and statistics. */
export interface Analysers {
  text(text: string, id: string): AnalysisOutput;
  /** Raw page (bytes from a file, in any declared charset, or a JSONL string); null when unsupported. */
  html: ((page: string | Uint8Array, id: string, url: string | null) => AnalysisOutput) | null;
}

export const ENGINE: Analysers = {
  text: (text, id) => analyze(text, id),
  html: (page, id, url) => analyzeHtml(page, { id, url, what: id }),
};

function analyseContent(task: Task, analysers: Analysers): AnalysisOutput {
  if (task.kind === 'html') {
    if (!analysers.html) throw new InputError(HTML_UNSUPPORTED);
    return analysers.html(task.content, task.id, task.url ?? null);
  }
  const text = typeof task.content === 'string' ? checkText(task.content, task.id) : decodeText(task.content, task.id);
  if (text.trim() === '') throw new InputError('empty: there is no text to analyse');
  return analysers.text(text, task.id);
}

export function analyseTask(task: Task, analysers: Analysers = ENGINE): TaskResult {
  const t0 = performance.now();
  try {
    const rows = toRows(analyseContent(task, analysers));
    return { seq: task.seq, ok: true, rows, ms: performance.now() - t0 };
  } catch (e) {
    const error = e instanceof InputError ? e.message : `analysis failed: ${(e as Error)?.message ?? String(e)}`;
    return { seq: task.seq, ok: false, error, ms: performance.now() - t0 };
  }
}
