import type { Doc, LayerName, Layers } from '../model/doc.ts';

/**
 * A named pipeline stage: a pure function of the document that returns the layers it assigns.
 * `requires` and `assigns` are checked when the pipeline is built (as CoreNLP does), so a
 * misordered pipeline fails before any article is read.
 */
export interface Stage<A extends LayerName = LayerName> {
  name: string;
  requires: readonly LayerName[];
  assigns: readonly A[];
  run(doc: Doc): Pick<Layers, A>;
}

/** A stage of any layer set, as pipelines hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = Stage<any>;

export function defineStage<A extends LayerName>(stage: Stage<A>): Stage<A> {
  return stage;
}
