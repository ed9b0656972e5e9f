// Corpus statistics against a hand count. The engine is replaced by hand annotations of the test
// corpus (test/fixtures/corpus/gold.json), so these numbers are exact and do not move when the
// engine improves; everything else (input reading, ids, metadata, skip logic, store, SQL) is real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysers } from '../src/corpus/analyse-task.ts';
import { csvField, exportTable, searchQuotes } from '../src/corpus/export.ts';
import { runCorpus } from '../src/corpus/run.ts';
import { openStore } from '../src/corpus/schema.ts';
import { corpusStats, renderStats } from '../src/corpus/stats.ts';
import type { AnalysisOutput, EntityType, Gender, QuoteKind, Severity } from '../src/model/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test', 'fixtures', 'corpus');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-corpus-stats-'));

interface GoldQuote { text: string; kind: QuoteKind; speaker: string; entity: string; cue: string; channel?: string }
interface GoldArticle {
  entities: [string, string, EntityType, Gender][];
  mentions?: [string, string][];
  quotes: GoldQuote[];
  findings: [string, Severity][];
  meta?: Record<string, string>;
  trust?: [string, string][];
}

const gold = JSON.parse(fs.readFileSync(path.join(fixtures, 'gold.json'), 'utf8')) as Record<string, GoldArticle>;

function goldAnalysis(content: string, id: string): AnalysisOutput {
  const g = gold[id];
  if (!g) throw new Error(`no hand annotation for ${id}`);
  const at = (s: string) => {
    const i = content.indexOf(s);
    assert.ok(i >= 0, `${id}: "${s}" is not in the text`);
    return { start: i, end: i + s.length, text: s };
  };
  const names = new Map(g.entities.map(([eid, name]) => [eid, name]));
  const out = {
    schemaVersion: '1.1.0',
    text: content,
    paragraphs: [],
    sentences: [],
    entities: g.entities.map(([eid, name, type, gender]) => ({ id: eid, name, type, gender, genderEvidence: [], mentions: [] })),
    mentions: (g.mentions ?? []).map(([text, entity], i) => ({ id: `m${i}`, ...at(text), kind: 'name' as const, type: null, gender: 'unknown' as const, sentence: 0, entity })),
    quotes: g.quotes.map((q, i) => ({
      id: `q${i + 1}`, ...at(q.text), kind: q.kind, cue: at(q.cue), speaker: at(q.speaker),
      speakerName: names.get(q.entity) ?? null, speakerEntity: q.entity, channel: q.channel ? at(q.channel) : null,
      source: 'gold', attribution: `a${i + 1}`,
    })),
    figures: [],
    findings: g.findings.map(([rule, severity]) => ({ rule, severity, message: rule, start: 0, end: 0 })),
    ...(g.meta ? { meta: Object.fromEntries(Object.entries(g.meta).map(([k, v]) => [k, { value: v, source: { kind: 'meta' } }])) } : {}),
    ...(g.trust ? { trust: { indicators: g.trust.map(([tid, status]) => ({ id: tid, name: tid, status, evidence: [], missing: [] })), claims: [] } } : {}),
  };
  return out as AnalysisOutput;
}

const byHand: Analysers = {
  text: goldAnalysis,
  html: (page, id) => goldAnalysis(typeof page === 'string' ? page : Buffer.from(page).toString('utf8'), id),
};

const inputs = [path.join(fixtures, 'articles'), path.join(fixtures, 'wire.jsonl')];
const dbFile = path.join(tmp, 'gold.sqlite');

test('a run over the test corpus stores every input once, bad ones with their error', async () => {
  const s = await runCorpus({ inputs, db: dbFile, inline: byHand });
  // 4 files + 7 non-blank JSONL lines; 3 lines are not articles (broken JSON, empty text, no text).
  assert.deepEqual([s.total, s.analysed, s.errors, s.skipped, s.duplicates], [11, 8, 3, 0, 0]);
  const db = openStore(dbFile, { readonly: true });
  const rows = db.prepare('SELECT id, status, error, publisher, month, title FROM articles ORDER BY id').all() as Record<string, string | null>[];
  db.close();
  assert.deepEqual(rows.map((r) => r.id), [
    'council-vote.html', 'harbour-bridge.txt', 'regional/flood-warning.txt', 'school-meals.txt',
    'wire-001', 'wire-002', 'wire-003', 'wire-004', 'wire-005', 'wire-006', 'wire.jsonl:4',
  ]);
  const err = Object.fromEntries(rows.filter((r) => r.status === 'error').map((r) => [r.id, r.error]));
  assert.match(err['wire.jsonl:4']!, /line 4: not valid JSON/);
  assert.match(err['wire-005']!, /empty/);
  assert.match(err['wire-006']!, /no "text" or "html" field/);
  const w3 = rows.find((r) => r.id === 'wire-003')!;
  assert.deepEqual([w3.publisher, w3.month, w3.title], ['Valley Times', '2024-04', 'Library hours cut'], 'nested "meta" read');
  const page = rows.find((r) => r.id === 'council-vote.html')!;
  assert.deepEqual([page.publisher, page.month, page.title], ['The Riverside Gazette', '2024-04', 'Council approves new cycle lanes'], 'page metadata from the analysis');
});

test('corpus statistics match the hand count', () => {
  const db = openStore(dbFile, { readonly: true });
  const st = corpusStats(db);
  db.close();
  assert.deepEqual(st.articles, { total: 11, analysed: 8, errors: 3, withPublisher: 5, withDate: 5 });
  // Quotes: 4 + 3 + 2 + 2 (page) + 2 + 2 + 4 + 2 = 21; direct 2+1+1+1+1+1+2+1 = 10.
  assert.equal(st.quotes.total, 21);
  assert.equal(st.quotes.perArticle, 21 / 8);
  assert.deepEqual(st.quotes.byKind, {
    direct: { n: 10, share: 10 / 21 }, mixed: { n: 0, share: 0 }, indirect: { n: 11, share: 11 / 21 },
  });
  assert.equal(st.quotes.withResolvedSpeaker, 21);
  // Sources are distinct speakers per article: 3 + 3 + 2 + 2 + 2 + 1 + 3 + 2 = 18.
  // People: Carter (twice, two articles), Becker, Lopez, Kowalski, Shah, Miller, Porter, Chen, Reyes = 10;
  // organisations: council, department, weather service, port authority; unnamed: spokesperson,
  // opponents, officials, resident.
  assert.equal(st.sources.total, 18);
  assert.deepEqual(st.sources.byType, {
    person: { n: 10, share: 10 / 18 }, organisation: { n: 4, share: 4 / 18 }, unnamed: { n: 4, share: 4 / 18 },
  });
  // Women: Carter ×2, Lopez, Kowalski, Shah, Miller, Chen = 7; men: Porter, Reyes; Becker unknown.
  assert.deepEqual(st.sources.byGender, {
    female: { n: 7, share: 7 / 9 }, male: { n: 2, share: 2 / 9 }, unknown: { n: 1, share: 1 / 10 },
  });
  assert.equal(st.sources.femaleShare, 7 / 9);
  assert.deepEqual(st.topSpeakers.slice(0, 3).map((s) => [s.name, s.quotes, s.articles]), [
    ['Helen Carter', 3, 2], ['James Porter', 2, 1], ['Laura Chen', 2, 1],
  ]);
  assert.deepEqual(st.channels, [
    { channel: 'reporters', quotes: 1 }, { channel: 'reuters', quotes: 1 }, { channel: 'the valley times', quotes: 1 },
  ]);
  // Reuters from the gazetteer, the Valley Times from the outlet entity inside the channel span.
  assert.deepEqual(st.outlets, [{ outlet: 'Reuters', quotes: 1, articles: 1 }, { outlet: 'Valley Times', quotes: 1, articles: 1 }]);
  assert.deepEqual(st.findings, {
    total: 7,
    articlesWithFindings: 5,
    byRule: [
      { rule: 'missing-byline', severity: 'warning', n: 3, articles: 3 },
      { rule: 'unnamed-source', severity: 'info', n: 3, articles: 2 },
      { rule: 'single-source', severity: 'info', n: 1, articles: 1 },
    ],
  });
  assert.equal(st.trust.articlesWithIndicators, 2);
  assert.deepEqual(st.trust.indicators.map((t) => [t.id, t.articles, t.met, t.partial, t.absent, t.notDeterminable, t.metShare]), [
    ['author', 2, 1, 0, 1, 0, 0.5], ['corrections', 1, 0, 0, 1, 0, 0], ['dates', 2, 2, 0, 0, 0, 1], ['methods', 1, 0, 0, 0, 1, 0],
  ]);
  assert.deepEqual(st.byPublisher.map((g) => [g.key, g.articles, g.quotes, g.directShare, g.personSources, g.femaleShare]), [
    ['Northern Courier', 2, 4, 0.5, 2, 0.5],
    ['Valley Times', 2, 6, 0.5, 3, 2 / 3],
    ['The Riverside Gazette', 1, 2, 0.5, 1, 1],
  ]);
  assert.deepEqual(st.byMonth.map((g) => [g.key, g.articles, g.quotes, g.personSources, g.femaleShare]), [
    ['2024-03', 2, 4, 2, 0.5],
    ['2024-04', 3, 8, 4, 0.75],
  ]);
  const text = renderStats(st, 'gold.sqlite');
  assert.match(text, /women among people quoted \(gender known\): 77\.8%/);
  assert.match(text, /Helen Carter +person +female +3 +2/);
});

test('a second run over unchanged inputs skips every article, errors included', async () => {
  const s = await runCorpus({ inputs, db: dbFile, inline: byHand });
  assert.deepEqual([s.analysed, s.errors, s.skipped, s.changed], [0, 0, 11, 0]);
  const db = openStore(dbFile, { readonly: true });
  assert.equal(db.prepare('SELECT count(*) FROM quotes').pluck().get(), 21, 'no quote stored twice');
  db.close();
});

test('export gives every row its article id; search finds quotes by their words', async () => {
  const db = openStore(dbFile, { readonly: true });
  const chunks: string[] = [];
  const sink = new (await import('node:stream')).Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
  assert.equal(await exportTable(db, 'quotes', 'csv', sink), 21);
  const lines = chunks.join('').trimEnd().split('\r\n');
  assert.equal(lines.length, 22);
  assert.match(lines[0], /^article_id,qid,kind,text,/);
  assert.ok(lines.some((l) => l.startsWith('wire-004,q1,direct,"""The potholes end this summer,""",')), 'quoted CSV field');
  chunks.length = 0;
  assert.equal(await exportTable(db, 'articles', 'jsonl', sink), 11);
  const arts = chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(arts.map((a) => a.id).sort(), [...arts.map((a) => a.id)].sort());
  assert.equal(arts.find((a) => a.id === 'wire-001').publisher, 'Northern Courier');
  const hits = searchQuotes(db, 'potholes summer');
  assert.deepEqual(hits.map((h) => [h.article_id, h.qid, h.speaker_name]), [['wire-004', 'q1', 'Daniel Reyes']]);
  assert.match(hits[0].snippet, /\[potholes\]/);
  assert.equal(searchQuotes(db, "teachers' \"union").length, 0, 'stray FTS syntax is searched as plain words');
  assert.equal(searchQuotes(db, 'staff').length, 1);
  db.close();
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField(null), '');
});

test('an id given twice in one run is stored once, the first time, and reported as a duplicate', async () => {
  const file = path.join(tmp, 'dupes.jsonl');
  fs.writeFileSync(file, [
    { id: 'x1', text: 'First version.' }, { id: 'x2', text: 'Another.' }, { id: 'x1', text: 'Second version.' },
  ].map((r) => JSON.stringify(r)).join('\n'));
  const seen: string[] = [];
  const empty = (text: string) => {
    seen.push(text);
    return { schemaVersion: '1.1.0', text, paragraphs: [], sentences: [], entities: [], mentions: [], quotes: [], figures: [], findings: [] };
  };
  const s = await runCorpus({ inputs: [file], db: path.join(tmp, 'dupes.sqlite'), inline: { text: empty, html: null } });
  assert.deepEqual([s.analysed, s.errors, s.duplicates, s.duplicateIds], [2, 0, 1, ['x1']]);
  assert.deepEqual(seen, ['First version.', 'Another.']);
});
