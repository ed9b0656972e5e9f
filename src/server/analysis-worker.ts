import { parentPort } from 'node:worker_threads';
import { analyze } from '../engine.ts';
import { InputError } from '../ingest/text-input.ts';
import { FORMATS, render } from '../report/formats.ts';
import { loadRules } from '../report/rule-registry.ts';
import { FetchFailed, ingestHtml, ingestUrl } from './ingest-bridge.ts';
import type { Job, JobResult, WorkerMessage } from './jobs.ts';

// One analysis worker: runs the pipeline and renders the requested format, so the server's main
// thread never does CPU work for an analysis and can abandon a slow one by terminating the worker.

const port = parentPort!;
const send = (m: WorkerMessage) => port.postMessage(m);

async function run(job: Job): Promise<JobResult> {
  try {
    const { input } = job;
    const out =
      input.kind === 'text' ? analyze(input.text) : input.kind === 'html' ? await ingestHtml(input.html, input.url) : await ingestUrl(input.url, job.deadlineMs);
    const body = job.format === 'json' ? JSON.stringify(out) : render(job.format, out, { label: job.label, rules: await loadRules() });
    return { id: job.id, ok: true, body, mediaType: FORMATS[job.format].mediaType };
  } catch (e) {
    if (e instanceof FetchFailed) return { id: job.id, ok: false, status: 422, error: 'fetch-failed', message: e.message };
    if (e instanceof InputError || (e as Error).name === 'InputError') return { id: job.id, ok: false, status: 422, error: 'unreadable-input', message: (e as Error).message };
    const status = (e as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { id: job.id, ok: false, status, error: String((e as { code?: unknown }).code ?? 'bad-input'), message: (e as Error).message };
    }
    return { id: job.id, ok: false, status: 500, error: 'analysis-failed', message: `analysis failed: ${(e as Error).message}` };
  }
}

port.on('message', (job: Job) => {
  void run(job).then(send);
});

// Warm up (model load, JIT) before saying ready, so the first real request is not the slow one.
analyze('Warm-up text. "It works," she said.');
await loadRules();
send({ ready: true });
