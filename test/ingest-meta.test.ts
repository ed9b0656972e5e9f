import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { analyze } from '../src/engine.ts';
import { ingestHtml } from '../src/ingest/index.ts';
import { flattenJsonLd, parseJsonLd } from '../src/ingest/jsonld.ts';
import { metaFromText } from '../src/ingest/text-meta.ts';

const page = (name: string): Buffer => fs.readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url));

test('tolerant JSON-LD: comments, single quotes, trailing commas, duplicate and empty keys, raw newlines', () => {
  const src = `<!-- {
    // a comment
    '@context': 'https://schema.org', /* another */
    "@graph": [{"@type": [["NewsArticle"], "OpinionNewsArticle"], "headline": "", "headline": "Real",
      "description": "two
lines", "author": [{"@type": "Person", "name": "A B",},],},],
  } -->`;
  const { values, repaired } = parseJsonLd(src);
  assert.equal(repaired, true);
  const nodes = flattenJsonLd(values, 'jsonld[0]');
  const art = nodes.find((n) => n.types.includes('OpinionNewsArticle'))!;
  assert.deepEqual(art.types, ['NewsArticle', 'OpinionNewsArticle'], 'nested @type lists flattened');
  assert.equal(art.value.headline, 'Real', 'an empty duplicate does not erase the value');
  assert.equal(art.value.description, 'two\nlines');
  assert.equal(art.path, 'jsonld[0].@graph[0]');
  assert.ok(nodes.some((n) => n.path === 'jsonld[0].@graph[0].author[0]' && n.types[0] === 'Person'));
});

test('valid JSON-LD takes the fast path; hopeless JSON-LD yields what it can', () => {
  assert.equal(parseJsonLd('{"@type":"NewsArticle"}').repaired, false);
  const broken = parseJsonLd('{"@type": "BreadcrumbList", "itemListElement": [ {"@type": ListItem" ');
  assert.ok(Array.isArray(broken.values));
  assert.doesNotThrow(() => parseJsonLd('{'.repeat(10_000)));
  assert.deepEqual(parseJsonLd('   ').values, []);
});

test('metadata from malformed JSON-LD keeps the rest of the page data, with paths', () => {
  const { page: info } = ingestHtml(page('jsonld-malformed.html'));
  const m = info.meta;
  assert.equal(m.headline?.value, 'Le port de Marseille rouvre ses quais');
  assert.equal(m.headline?.source.kind, 'json-ld');
  assert.equal(m.headline?.source.path, 'jsonld[0].@graph[1].headline');
  assert.equal(m.typeOfWork?.value, 'AnalysisNewsArticle');
  assert.equal(m.dateline?.value, 'MARSEILLE, France');
  assert.equal(m.datePublished?.value, '2024-05-10T06:00:00+02:00');
  assert.equal(m.language?.value, 'fr-FR');
  assert.equal(m.section?.value, 'Économie');
  assert.deepEqual(m.authors?.map((a) => a.value.name), ['Claire Dubois'], 'the empty-named author is skipped');
  assert.equal(m.authors?.[0].value.jobTitle, 'Journaliste');
  assert.deepEqual(m.authors?.[0].value.knowsLanguage, ['fr']);
  assert.ok(info.notes.some((n) => /JSON-LD block 0 is not valid JSON/.test(n)));
  assert.ok(info.notes.some((n) => /JSON-LD block 1/.test(n)), 'the broken second block is noted');
});

test('JSON-LD with @graph and @id references: author and publisher resolved', () => {
  const { page: info } = ingestHtml(page('trust-full.html'));
  const m = info.meta;
  const a = m.authors![0].value;
  assert.equal(a.name, 'Mira Okafor');
  assert.equal(a.jobTitle, 'Maritime correspondent');
  assert.deepEqual(a.knowsAbout, ['ports', 'shipping', 'local government']);
  assert.deepEqual(a.sameAs, ['https://social.example/miraokafor']);
  assert.equal(m.publisher?.value, 'The Harbour Gazette');
  assert.equal(m.typeOfWork?.value, 'ReportageNewsArticle');
  assert.equal(m.corrections?.[0].value, 'An earlier version gave the wrong cost of the plan.');
  assert.equal(m.url?.value, 'https://gazette.example/news/2024/03/harbour-dredging');
});

test('microdata (itemprop) is read, with itemprop paths', () => {
  const { page: info } = ingestHtml(page('microdata.html'));
  const m = info.meta;
  assert.equal(m.headline?.value, 'River festival draws record crowds');
  assert.deepEqual(m.headline?.source, { kind: 'microdata', path: 'headline' });
  assert.equal(m.authors?.[0].value.name, 'Sam Rivera');
  assert.equal(m.authors?.[0].source.path, 'author.name');
  assert.equal(m.authors?.[0].value.jobTitle, 'Arts reporter');
  assert.equal(m.datePublished?.value, '2024-07-14T09:00:00-05:00');
  assert.equal(m.dateModified?.value, '2024-07-14T15:00:00-05:00');
  assert.equal(m.publisher?.value, 'Valley Post');
  assert.equal(m.typeOfWork?.value, 'Analysis', 'the visible kicker label');
});

test('meta tags fill in when there is no structured data', () => {
  const { page: info } = ingestHtml(page('furniture.html'));
  assert.deepEqual(info.meta.headline?.source, { kind: 'meta', path: 'og:title' });
  assert.equal(info.meta.authors?.[0].value.name, 'Nadia Brook');
});

test('plain text: byline, dateline, date line, label and correction read with spans', () => {
  const text = 'Analysis\nBy Jane Doe and John Roe-Smith\nPublished Nov. 20, 2019\nMARSEILLE, France — The mayor said on Tuesday that the port would reopen.\nCorrection: An earlier version misspelled a name.';
  const m = metaFromText(text);
  const at = (s: { source: { start?: number; end?: number } }): string => text.slice(s.source.start, s.source.end);
  assert.deepEqual(m.authors?.map((a) => a.value.name), ['Jane Doe', 'John Roe-Smith']);
  assert.equal(at(m.authors![1]), 'John Roe-Smith');
  assert.equal(m.dateline?.value, 'MARSEILLE, France');
  assert.equal(at(m.dateline!), 'MARSEILLE, France —');
  assert.equal(m.datePublished?.value, '2019-11-20');
  assert.equal(at(m.datePublished!), 'Nov. 20, 2019');
  assert.equal(m.typeOfWork?.value, 'Analysis');
  assert.equal(m.corrections?.length, 1);
});

test('plain text: agency datelines; an event date inside a sentence is not the publication date', () => {
  assert.equal(metaFromText('WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.').dateline?.value, 'WASHINGTON (AP)');
  assert.equal(metaFromText('LONDON (Reuters) - Shares fell on Monday as investors worried.').dateline?.value, 'LONDON (Reuters)');
  assert.equal(metaFromText('The mayor said on March 3, 2020, that he would stay.').datePublished, undefined);
  assert.equal(metaFromText('Officials, however — and there were many — disagreed about it all.').dateline, undefined);
});

test('analyze() of plain text carries meta read from the text', () => {
  const out = analyze('By Ana Lima\n\nLISBON, Portugal — "We are ready," said Rui Costa on Monday.');
  assert.equal(out.meta?.authors?.[0].value.name, 'Ana Lima');
  assert.equal(out.meta?.dateline?.value, 'LISBON, Portugal');
  assert.equal(out.meta?.authors?.[0].source.kind, 'text');
});

test('a credit line with fields split by "|" gives the byline and the date', () => {
  const text = 'Night shifts and sleep\n\nBy Hana Kolar | Health correspondent | Published March 4, 2026\n\nNurses who work nights sleep less, a study found on Wednesday.';
  const m = metaFromText(text);
  assert.equal(m.authors?.[0].value.name, 'Hana Kolar');
  assert.equal(m.authors?.[0].value.jobTitle, 'Health correspondent');
  assert.equal(m.datePublished?.value, '2026-03-04');
  assert.equal(text.slice(m.datePublished!.source.start!, m.datePublished!.source.end!), 'March 4, 2026');
});

test('a job title after a comma in the byline; none when the byline goes on with a second name', () => {
  assert.equal(metaFromText('By Tom Reyes, Senior editor\n\nThe council met on Monday to vote.').authors?.[0].value.jobTitle, 'Senior editor');
  const two = metaFromText('By Tom Reyes and Ana Ortiz\n\nThe council met on Monday to vote.');
  assert.equal(two.authors?.length, 2);
  assert.equal(two.authors?.[0].value.jobTitle, undefined);
});
