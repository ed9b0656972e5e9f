import { Doc, type LayerName } from '../model/doc.ts';
import type { AnyStage } from './stage.ts';

export class PipelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineError';
  }
}

export interface Pipeline {
  stages: readonly AnyStage[];
  run(doc: Doc): Doc;
  /** Milliseconds spent in each stage since the pipeline was built. */
  timings(): Record<string, number>;
}

/** Validates that every stage's requirements are assigned by an earlier stage, then returns a runner. */
export function buildPipeline(stages: readonly AnyStage[], opts: { timing?: boolean } = {}): Pipeline {
  const assigned = new Set<LayerName>();
  const producer = new Map<LayerName, string>();
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new PipelineError(`stage "${s.name}" appears twice in the pipeline`);
    names.add(s.name);
    for (const r of s.requires) {
      if (!assigned.has(r)) {
        throw new PipelineError(`stage "${s.name}" requires layer "${r}", which no earlier stage assigns`);
      }
    }
    for (const a of s.assigns) {
      const prev = producer.get(a);
      if (prev) throw new PipelineError(`layer "${a}" is assigned by both "${prev}" and "${s.name}"`);
      producer.set(a, s.name);
      assigned.add(a);
    }
  }
  const spent: Record<string, number> = Object.fromEntries(stages.map((s) => [s.name, 0]));
  const timing = opts.timing ?? false;
  return {
    stages,
    run(doc: Doc): Doc {
      for (const s of stages) {
        const t0 = timing ? performance.now() : 0;
        const out = s.run(doc) as Record<string, unknown>;
        for (const a of s.assigns) {
          if (out[a] === undefined) throw new PipelineError(`stage "${s.name}" did not return its layer "${a}"`);
          doc.set(a, out[a] as never);
        }
        if (timing) spent[s.name] += performance.now() - t0;
      }
      return doc;
    },
    timings: () => ({ ...spent }),
  };
}
