import type { ArticleMeta, PageInfo, Attribution, Entity, Figure, Finding, Mention, NerSpan, Paragraph, Quote, Sentence, Token, TrustReport } from './types.ts';

/** Every annotation layer a pipeline stage can assign, by name. */
export interface Layers {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  nerSpans: NerSpan[];
  mentions: Mention[];
  entities: Entity[];
  attributions: Attribution[];
  quotes: Quote[];
  figures: Figure[];
  meta: ArticleMeta;
  trust: TrustReport;
  findings: Finding[];
}

export type LayerName = keyof Layers;

export class MissingLayerError extends Error {
  constructor(layer: string, wantedBy: string) {
    super(`${wantedBy} needs the "${layer}" layer, which no earlier stage assigned`);
    this.name = 'MissingLayerError';
  }
}

/**
 * One article and its annotation layers. The Doc owns `text`; every layer is an array of plain
 * records whose offsets index it. Layers are set once, by the stage that declares them.
 */
export class Doc {
  readonly text: string;
  readonly id: string | null;
  /** The HTML page the text was extracted from (markup metadata, URL, links), when the input was a page. */
  readonly page: PageInfo | null;
  private readonly layers: Partial<Layers> = {};

  constructor(text: string, id: string | null = null, page: PageInfo | null = null) {
    this.text = text;
    this.id = id;
    this.page = page;
  }

  has(layer: LayerName): boolean {
    return this.layers[layer] !== undefined;
  }

  get<K extends LayerName>(layer: K, wantedBy = 'caller'): Layers[K] {
    const v = this.layers[layer];
    if (v === undefined) throw new MissingLayerError(layer, wantedBy);
    return v as Layers[K];
  }

  set<K extends LayerName>(layer: K, value: Layers[K]): void {
    this.layers[layer] = value;
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }
}
