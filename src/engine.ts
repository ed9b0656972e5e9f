import { Doc } from './model/doc.ts';
import type { AnalysisOutput } from './model/types.ts';
import { buildPipeline, type Pipeline } from './pipeline/pipeline.ts';
import type { AnyStage } from './pipeline/stage.ts';
import { tokensStage } from './nlp/tokens.ts';
import { mentionsStage } from './nlp/mentions.ts';
import { entitiesStage } from './nlp/entities.ts';
import { attributionStage } from './attribution/stage.ts';
import { speakersStage } from './attribution/speakers.ts';
import { figuresStage } from './nlp/figures.ts';
import { checksStage } from './checks/stage.ts';
import { metaStage } from './ingest/meta-stage.ts';
import { trustStage } from './trust/stage.ts';

export const SCHEMA_VERSION = '1.1.0';

/** The default pipeline, in order: ingest → nlp → attribution → checks. */
export const DEFAULT_STAGES: readonly AnyStage[] = [
  tokensStage,
  mentionsStage,
  entitiesStage,
  attributionStage,
  speakersStage,
  figuresStage,
  metaStage,
  trustStage,
  checksStage,
];

let defaultPipeline: Pipeline | null = null;

export function getPipeline(): Pipeline {
  defaultPipeline ??= buildPipeline(DEFAULT_STAGES);
  return defaultPipeline;
}

/** Runs the full pipeline over a text and returns the annotated document. */
export function analyzeDoc(text: string, id: string | null = null, pipeline: Pipeline = getPipeline()): Doc {
  return pipeline.run(new Doc(text, id));
}

/** The public JSON view of an analysed document (schema/analysis.schema.json). */
export function toOutput(doc: Doc): AnalysisOutput {
  return {
    schemaVersion: SCHEMA_VERSION,
    text: doc.text,
    paragraphs: doc.get('paragraphs'),
    sentences: doc.get('sentences').map(({ index, paragraph, start, end }) => ({ index, paragraph, start, end })),
    entities: doc.get('entities'),
    mentions: doc.get('mentions'),
    quotes: doc.get('quotes'),
    figures: doc.get('figures'),
    findings: doc.get('findings'),
    ...(doc.has('meta') ? { meta: doc.get('meta') } : {}),
    ...(doc.has('trust') ? { trust: doc.get('trust') } : {}),
  };
}

export function analyze(text: string, id: string | null = null): AnalysisOutput {
  return toOutput(analyzeDoc(text, id));
}
