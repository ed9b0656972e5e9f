// Record types of every annotation layer. All offsets are UTF-16 indices into the analysed text,
// end exclusive (what JavaScript strings use), so `text.slice(start, end)` is always the evidence.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Token index range [tokenStart, tokenEnd) into the token layer. */
  tokenStart: number;
  tokenEnd: number;
}

/** Universal Dependencies part-of-speech tags, as wink-nlp emits them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON'
  | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SPACE' | 'SYM' | 'VERB' | 'X';

export interface Token extends Span {
  index: number;
  text: string;
  /** Lower-cased form, kept because every later stage compares on it. */
  lower: string;
  pos: Pos;
  /** wink-nlp token type: word, number, punctuation, quoted_phrase, currency, symbol, ... */
  type: string;
  sentence: number;
  /**
   * wink-nlp's lexeme id of `text` (one id per distinct text within a process), when wink made the
   * token: per-word caches index arrays by it instead of hashing the text.
   */
  lexeme?: number;
}

/** A typed span from wink-nlp's own recogniser: DATE, TIME, DURATION, CARDINAL, ORDINAL, MONEY, PERCENT, ... */
export interface NerSpan extends Span {
  type: string;
  text: string;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/** `other`: a named law, event, product, work or idea ("Affordable Care Act", "World War II", "Brexit"), since 1.1.0. */
export type EntityType = 'person' | 'organisation' | 'place' | 'outlet' | 'group' | 'unnamed' | 'other';
export type Gender = 'female' | 'male' | 'unknown';

/** How a mention refers: by name ("Boris Bondarev"), pronoun ("he"), or description ("the adviser"). */
export type MentionKind = 'name' | 'pronoun' | 'nominal';

export interface Mention extends Span {
  id: string;
  text: string;
  kind: MentionKind;
  /** Type read from the mention itself (gazetteers, titles, suffixes); null when unknown. */
  type: EntityType | null;
  /** Gender read from the mention itself (pronoun, honorific, forename); 'unknown' otherwise. */
  gender: Gender;
  sentence: number;
  /** Entity this mention was clustered into, when known. */
  entity: string | null;
}

export interface Entity {
  id: string;
  /** Canonical name: the longest full name seen ("Boris Bondarev"), or the description for unnamed sources. */
  name: string;
  type: EntityType;
  gender: Gender;
  /** Text spans the gender was read from (pronouns referring to it, honorifics, forenames). */
  genderEvidence: TextSpan[];
  mentions: string[];
}

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export interface Quote {
  id: string;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  cue: TextSpan | null;
  /** The speaker mention as written ("he", "the adviser", "Smith"). */
  speaker: TextSpan | null;
  /** The speaker resolved to an entity's canonical name ("Boris Bondarev"). */
  speakerName: string | null;
  speakerEntity: string | null;
  /** The outlet or medium the words came through ("told Reuters", "in a statement"). */
  channel: TextSpan | null;
  /** Which rule or model produced the quote; stable ids, useful when debugging a miss. */
  source: string;
  /** Attribution id shared by the fragments of one interrupted quote ("A," he said. "B."). */
  attribution: string;
}

/**
 * An attribution as found in the text, before its speaker is resolved to an entity: the
 * `attribution` stage's output and the `speakers` stage's input.
 */
export type Attribution = Omit<Quote, 'speakerName' | 'speakerEntity'>;

export type FigureKind =
  | 'number' | 'money' | 'percent' | 'age' | 'date' | 'time' | 'duration' | 'ordinal' | 'count';

export interface Figure extends Span {
  id: string;
  text: string;
  kind: FigureKind;
  /**
   * Numeric value (money in units of its currency, percent as 12.5 for 12.5%); for dates an ISO 8601
   * string, partial when the text is ("2021-06-03", "2021-06", "2021", "--06-03", "--06"), or the
   * weekday name for a weekday alone; "HH:MM" for times; "A-B" for a score or range ("52-48");
   * null when relative or unread ("last week").
   */
  value: number | string | null;
  /** Currency code, unit or counted noun ("EUR", "years", "war crimes"), when read. */
  unit: string | null;
  /** Hedge or bound before the figure, lower-cased ("more than", "about", "at least"), when present. */
  qualifier: string | null;
  /** Weekday named with a date ("Friday, June 3, 2021" → "Friday"), so it can be checked against the date. */
  weekday: string | null;
  /** Quote id whose content contains the figure, or whose speaker states it. */
  attribution: string | null;
}

export type Severity = 'info' | 'warning' | 'error';

export interface RelatedSpan extends Span {
  message: string;
}

export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: string;
  related?: RelatedSpan[];
}

/** The published JSON document. Versioned by `schemaVersion`; see schema/analysis.schema.json. */
export interface AnalysisOutput {
  schemaVersion: string;
  text: string;
  paragraphs: Paragraph[];
  sentences: Omit<Sentence, 'tokenStart' | 'tokenEnd'>[];
  entities: Entity[];
  mentions: Mention[];
  quotes: Quote[];
  figures: Figure[];
  findings: Finding[];
  /** Article metadata (markup of an HTML page, and what the text says), each value with its source. */
  meta?: ArticleMeta;
  /** The Trust Project's eight indicators and the text's conformance claims. */
  trust?: TrustReport;
}

// ---- Page metadata and Trust Indicators (owned by the web-pages work; shapes may grow) ----------

/** Where a metadata value was read: a JSON-LD path, microdata, a meta tag, page markup, or a span of the text. */
export interface MetaSource {
  kind: 'json-ld' | 'microdata' | 'meta' | 'html' | 'text';
  /** JSON-LD path ("[0].@graph[1].author[0].name"), meta tag ("og:title"), itemprop path or CSS-ish locator. */
  path?: string;
  /** For kind "text": the span in the analysed text. */
  start?: number;
  end?: number;
}

export interface Sourced<T> {
  value: T;
  source: MetaSource;
}

export interface Author {
  name: string;
  url?: string | null;
  jobTitle?: string | null;
  sameAs?: string[];
  /** schema.org knowsAbout / knowsLanguage (Trust Project: author expertise). */
  knowsAbout?: string[];
  knowsLanguage?: string[];
  /** A short biography shown with the article or given in markup (description). */
  bio?: string | null;
}

export interface ArticleMeta {
  headline?: Sourced<string>;
  authors?: Sourced<Author>[];
  datePublished?: Sourced<string>;
  dateModified?: Sourced<string>;
  dateline?: Sourced<string>;
  section?: Sourced<string>;
  /** Type of work: the schema.org type ("OpinionNewsArticle") or a visible label ("Opinion"). */
  typeOfWork?: Sourced<string>;
  publisher?: Sourced<string>;
  language?: Sourced<string>;
  /** Corrections: correction notes (schema.org `correction`) or visible "Correction:" notes. */
  corrections?: Sourced<string>[];
  /** The page's canonical URL, or the URL it was fetched from. */
  url?: Sourced<string>;
}

/** A link of the page found by its text or rel/href, kept for the indicators (policies, contact, bio). */
export interface PageLink {
  /** What the link is for: "corrections", "ethics", "about", "masthead", "contact", "feedback", ... */
  role: string;
  href: string;
  text: string;
}

/** A block of the page that extraction left out of `text` (byline, bio, credit line, ...). */
export interface PageBlock {
  text: string;
  rule: string;
}

/** One JSON-LD object, as read (tolerantly) from the page, with its path for evidence. */
export interface JsonLdNode {
  path: string;
  types: string[];
  value: Record<string, unknown>;
}

/** A microdata property: `itemprop` with its value and the types of the enclosing `itemscope`s. */
export interface MicrodataProp {
  prop: string;
  value: string;
  /** Dotted itemprop path ("author.name"). */
  path: string;
  /** itemtype of the enclosing item, short form ("NewsArticle", "Person"). */
  itemType: string | null;
}

/** What ingestion read from an HTML page, beside the body text; carried on the Doc as `page`. */
export interface PageInfo {
  url: string | null;
  charset: string | null;
  /** How the charset was chosen ("bom", "http", "meta", "sniffed", "default") and any repair made. */
  charsetSource: string | null;
  /** `<html lang>`. */
  lang: string | null;
  title: string | null;
  /** `<meta name|property|itemprop>` contents, by lower-cased key ("og:title", "author", "article:section"). */
  metaTags: Record<string, string[]>;
  /** `<link rel>` hrefs by rel ("canonical", "author", "publishingprinciples"). */
  linkRels: Record<string, string[]>;
  jsonld: JsonLdNode[];
  microdata: MicrodataProp[];
  /** Links whose text or href names a policy or contact page. */
  links: PageLink[];
  /** Short labels shown near the article ("Opinion", "Analysis", "Sponsored"), from kicker/label markup. */
  labels: string[];
  /** Readability's byline, when it found one. */
  byline: string | null;
  /** Blocks left out of the body, with the rule that left each out. */
  dropped: PageBlock[];
  /** Links inside the extracted body (absolute when the page URL is known), for citations and references. */
  bodyLinks: { href: string; text: string }[];
  /** Problems met while reading the page (bad JSON-LD, wrong charset, truncated body, ...). */
  notes: string[];
  /** How the body was found. */
  extraction: 'readability' | 'fallback' | 'empty';
  /** Metadata read from the markup alone (the `meta` stage merges what the text says). */
  meta: ArticleMeta;
}

export type IndicatorStatus = 'met' | 'partial' | 'absent' | 'not-determinable';

export interface Evidence {
  kind: 'json-ld' | 'microdata' | 'meta' | 'link' | 'html' | 'text';
  description: string;
  path?: string;
  url?: string;
  start?: number;
  end?: number;
}

export type TrustIndicatorId =
  | 'best-practices' | 'author-expertise' | 'type-of-work' | 'citations-and-references'
  | 'methods' | 'locally-sourced' | 'diverse-voices' | 'actionable-feedback';

export interface TrustIndicator {
  /** A TrustIndicatorId for the eight; typed as string so readers tolerate ids added later. */
  id: TrustIndicatorId | (string & {});
  name: string;
  status: IndicatorStatus;
  evidence: Evidence[];
  missing: string[];
}

export interface TrustReport {
  indicators: TrustIndicator[];
  /** Spans of the text that claim Trust Project conformance or membership. */
  claims: TextSpan[];
}
