import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { analyze, SCHEMA_VERSION, toOutput } from '../src/engine.ts';
import { Doc } from '../src/model/doc.ts';
import type {
  AnalysisOutput, ArticleMeta, Author, Entity, Evidence, Figure, Finding, Mention, MetaSource, Paragraph, Quote, Sentence, TextSpan,
  TrustIndicator, TrustReport,
} from '../src/model/types.ts';

const schema = JSON.parse(readFileSync(new URL('../schema/analysis.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile<AnalysisOutput>(schema);

function assertValid(out: unknown, label: string): void {
  const ok = validate(out);
  assert.ok(ok, `${label} does not match schema/analysis.schema.json:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

/** Every start/end pair in the output indexes `text`; TextSpans and figures carry their exact slice. */
function assertOffsets(out: AnalysisOutput): void {
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, k) => walk(x, `${path}[${k}]`));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number') {
        assert.ok(0 <= o.start && o.start <= o.end && o.end <= out.text.length, `${path} offsets in range`);
        if (typeof o.text === 'string') {
          assert.equal(out.text.slice(o.start, o.end), o.text, `${path}.text is text.slice(start, end)`);
        }
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'text') walk(x, `${path}.${k}`);
    }
  };
  walk(out, '$');
}

const TEXTS = {
  quotesFiguresEntities:
    '"We have recorded more than 10,000 possible war crimes," Prosecutor General Iryna Venediktova told Reuters on Friday, June 3, 2021.\n'
    + 'Anna Kovalenko, 54, said prices had risen 12.5% since February 24. "It cost us €750m," she added.\n'
    + 'The 21-year-old commander was sentenced to twenty years.',
  plain: 'Rain is expected tomorrow in the north of the country.',
  empty: '',
  unicode: '😀 Der Präsident sagte — nichts.\r\n\r\n“Nothing,” said Ana Núñez.',
};

test('schemaVersion in the schema is the engine\'s SCHEMA_VERSION', () => {
  assert.equal(schema.properties.schemaVersion.const, SCHEMA_VERSION);
  assert.match(SCHEMA_VERSION, /^\d+\.\d+\.\d+$/);
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(typeof schema.$id, 'string');
});

for (const [name, text] of Object.entries(TEXTS)) {
  test(`analyze() output validates against the schema: ${name}`, () => {
    const out = analyze(text);
    // Through JSON, as a consumer receives it (drops undefined, keeps null).
    const json = JSON.parse(JSON.stringify(out)) as AnalysisOutput;
    assertValid(json, name);
    assertOffsets(json);
  });
}

test('the sample article yields quotes, figures and entities, and they validate', () => {
  const out = analyze(TEXTS.quotesFiguresEntities);
  assert.ok(out.figures.length >= 5, 'figures found');
  assert.ok(out.mentions.length > 0, 'mentions found');
  const crimes = out.figures.find((f) => f.text === 'more than 10,000 possible war crimes');
  assert.ok(crimes);
  assert.equal(crimes.unit, 'war crimes');
  // The quotes layer belongs to the attribution stage; when it finds the opening quote, the figure inside is attributed to it.
  const q = out.quotes.find((x) => x.start <= crimes.start && crimes.end <= x.end);
  assert.equal(crimes.attribution, q ? q.id : null);
});

// A document with every layer filled by hand, optional fields included, so the whole contract is
// exercised whatever the stages find today. Typed with the model's interfaces: a field added to
// types.ts fails `tsc` here, and a key missing from the schema fails the comparisons below.
function fullOutput(): AnalysisOutput {
  const text = 'Smith, 54, said: "We lost $5 million on Friday, June 3, 2021." Reuters reported it.';
  const doc = new Doc(text);
  const span = (s: string): TextSpan => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, text: s };
  };
  const paragraphs: Paragraph[] = [{ index: 0, start: 0, end: text.length }];
  const sentences: Sentence[] = [{ index: 0, paragraph: 0, start: 0, end: 62, tokenStart: 0, tokenEnd: 10 }];
  const mentions: Mention[] = [
    { id: 'mn1', ...span('Smith'), kind: 'name', type: 'person', gender: 'male', sentence: 0, entity: 'en1' },
    { id: 'mn2', ...span('Reuters'), kind: 'name', type: null, gender: 'unknown', sentence: 1, entity: null },
  ];
  const entities: Entity[] = [
    { id: 'en1', name: 'Smith', type: 'person', gender: 'male', genderEvidence: [span('Smith')], mentions: ['mn1'] },
  ];
  const quoteSpan = span('"We lost $5 million on Friday, June 3, 2021."');
  const quotes: Quote[] = [{
    id: 'q1', ...quoteSpan, kind: 'direct', cue: span('said'), speaker: span('Smith'), speakerName: 'Smith',
    speakerEntity: 'en1', channel: null, source: 'test', attribution: 'q1',
  }];
  const money = span('$5 million');
  const date = span('Friday, June 3, 2021');
  const figures: Figure[] = [
    { id: 'f1', ...span('54'), kind: 'age', value: 54, unit: 'years', qualifier: null, weekday: null, attribution: null },
    { id: 'f2', ...money, kind: 'money', value: 5e6, unit: 'USD', qualifier: null, weekday: null, attribution: 'q1' },
    { id: 'f3', ...date, kind: 'date', value: '2021-06-03', unit: null, qualifier: null, weekday: 'Friday', attribution: 'q1' },
  ];
  const findings: Finding[] = [
    { rule: 'weekday-mismatch', severity: 'error', message: 'June 3, 2021 was a Thursday.', start: date.start, end: date.end,
      related: [{ start: money.start, end: money.end, message: 'Same quote.' }] },
    { rule: 'unnamed-source', severity: 'info', message: 'Noted.', start: 0, end: 5 },
  ];
  doc.set('paragraphs', paragraphs);
  doc.set('sentences', sentences);
  doc.set('mentions', mentions);
  doc.set('entities', entities);
  doc.set('quotes', quotes);
  doc.set('figures', figures);
  doc.set('findings', findings);
  // Required<...>: every optional field present, so a field added to types.ts fails tsc here.
  const author: Required<Author> = {
    name: 'Jane Doe', url: 'https://news.example/staff/jane-doe', jobTitle: 'Correspondent', sameAs: ['https://social.example/jd'],
    knowsAbout: ['Ukraine'], knowsLanguage: ['en', 'uk'], bio: 'Jane Doe covers Eastern Europe.',
  };
  // A source with every field, to compare keys; real sources carry either a path or a span.
  const markup: Required<MetaSource> = { kind: 'json-ld', path: '[0].headline', start: 0, end: 0 };
  const fromMarkup: MetaSource = { kind: 'json-ld', path: '[0].headline' };
  const fromText: MetaSource = { kind: 'text', start: 63, end: 70 };
  const meta: Required<ArticleMeta> = {
    headline: { value: 'Losses', source: markup }, authors: [{ value: author, source: { kind: 'json-ld', path: '[0].author[0]' } }],
    datePublished: { value: '2021-06-04T08:00:00Z', source: { kind: 'meta', path: 'article:published_time' } },
    dateModified: { value: '2021-06-04T09:00:00Z', source: { kind: 'microdata', path: 'dateModified' } },
    dateline: { value: 'KYIV', source: { kind: 'html', path: '.dateline' } }, section: { value: 'World', source: fromMarkup },
    typeOfWork: { value: 'ReportageNewsArticle', source: fromMarkup }, publisher: { value: 'Reuters', source: fromText },
    language: { value: 'en', source: fromMarkup }, corrections: [{ value: 'Corrected the date.', source: fromMarkup }],
    url: { value: 'https://news.example/a/1', source: { kind: 'meta', path: 'og:url' } },
  };
  const evidence: Required<Evidence> = { kind: 'link', description: 'Corrections policy link', path: 'a[href]', url: 'https://news.example/corrections', start: 0, end: 5 };
  const indicator: TrustIndicator = { id: 'best-practices', name: 'Best Practices', status: 'partial', evidence: [evidence], missing: ['an ethics policy'] };
  const trust: TrustReport = { indicators: [indicator], claims: [span('Reuters')] };
  doc.set('meta', meta);
  doc.set('trust', trust);
  return toOutput(doc);
}

const keys = (o: object): string[] => Object.keys(o).sort();
const schemaKeys = (def: { properties: object }): string[] => Object.keys(def.properties).sort();

test('a hand-filled document with every optional field validates', () => {
  const out = JSON.parse(JSON.stringify(fullOutput()));
  assertValid(out, 'full document');
  assertOffsets(out);
});

test('the schema lists exactly the keys the TypeScript output has (no silent drift)', () => {
  const out = fullOutput();
  const d = schema.$defs;
  assert.deepEqual(schemaKeys(schema), keys(out), 'top-level properties');
  assert.deepEqual(schemaKeys(d.Quote), keys(out.quotes[0]), 'Quote');
  assert.deepEqual(schemaKeys(d.Figure), keys(out.figures[0]), 'Figure');
  assert.deepEqual(schemaKeys(d.Entity), keys(out.entities[0]), 'Entity');
  assert.deepEqual(schemaKeys(d.Mention), keys(out.mentions[0]), 'Mention');
  assert.deepEqual(schemaKeys(d.Finding), keys(out.findings[0]), 'Finding (related included)');
  assert.deepEqual(schemaKeys(d.Paragraph), keys(out.paragraphs[0]), 'Paragraph');
  assert.deepEqual(schemaKeys(d.Sentence), keys(out.sentences[0]), 'Sentence');
  assert.deepEqual(schemaKeys(d.TextSpan), keys(out.quotes[0].cue!), 'TextSpan');
  assert.deepEqual(schemaKeys(d.RelatedSpan), keys(out.findings[0].related![0]), 'RelatedSpan');
  assert.deepEqual(schemaKeys(d.ArticleMeta), keys(out.meta!), 'ArticleMeta');
  assert.deepEqual(schemaKeys(d.Author), keys(out.meta!.authors![0].value), 'Author');
  assert.deepEqual(schemaKeys(d.SourcedString), keys(out.meta!.headline!), 'Sourced');
  assert.deepEqual(schemaKeys(d.MetaSource), keys(out.meta!.headline!.source), 'MetaSource');
  assert.deepEqual(schemaKeys(d.Evidence), keys(out.trust!.indicators[0].evidence[0]), 'Evidence');
  assert.deepEqual(schemaKeys(d.TrustIndicator), keys(out.trust!.indicators[0]), 'TrustIndicator');
  assert.deepEqual(schemaKeys(d.TrustReport), keys(out.trust!), 'TrustReport');
  // And what the live pipeline emits today has no key the schema lacks.
  const live = analyze(TEXTS.quotesFiguresEntities);
  for (const [layer, def] of [['quotes', d.Quote], ['figures', d.Figure], ['entities', d.Entity], ['mentions', d.Mention], ['findings', d.Finding]] as const) {
    for (const rec of live[layer] as object[]) {
      for (const k of Object.keys(rec)) assert.ok(k in def.properties, `${layer} record has "${k}", which the schema does not list`);
    }
  }
});

test('the schema rejects unknown fields, wrong kinds and negative offsets', () => {
  const base = (): AnalysisOutput => JSON.parse(JSON.stringify(fullOutput()));
  const extra = base() as unknown as Record<string, unknown>;
  extra.surprise = 1;
  assert.equal(validate(extra), false, 'unknown top-level field');
  const badKind = base();
  (badKind.figures[0] as unknown as Record<string, unknown>).kind = 'weight';
  assert.equal(validate(badKind), false, 'unknown figure kind');
  const badQuote = base();
  (badQuote.quotes[0] as unknown as Record<string, unknown>).confidence = 0.9;
  assert.equal(validate(badQuote), false, 'unknown quote field');
  const negative = base();
  negative.paragraphs[0].start = -1;
  assert.equal(validate(negative), false, 'negative offset');
  const oldVersion = base();
  oldVersion.schemaVersion = '0.9.0';
  assert.equal(validate(oldVersion), false, 'another schemaVersion');
});

test('every property in the schema has a description', () => {
  const missing: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') {
      for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
        if (typeof v.description !== 'string' || v.description.length < 8) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
    }
    for (const [k, v] of Object.entries(n.$defs ?? {})) {
      if (typeof (v as Record<string, unknown>).description !== 'string') missing.push(`$defs.${k}`);
      walk(v, `$defs.${k}`);
    }
  };
  walk(schema, '$');
  assert.deepEqual(missing, []);
});
