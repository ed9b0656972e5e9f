import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, PipelineError } from '../src/pipeline/pipeline.ts';
import { defineStage } from '../src/pipeline/stage.ts';
import { Doc } from '../src/model/doc.ts';
import { tokensStage } from '../src/nlp/tokens.ts';
import { mentionsStage } from '../src/nlp/mentions.ts';

test('buildPipeline rejects a stage whose required layer no earlier stage assigns', () => {
  assert.throws(() => buildPipeline([mentionsStage, tokensStage]), (e: unknown) =>
    e instanceof PipelineError && /mentions.*requires layer "tokens"/.test(e.message));
});

test('buildPipeline rejects two stages assigning the same layer', () => {
  const again = defineStage({ name: 'tokens2', requires: [], assigns: ['tokens'], run: () => ({ tokens: [] }) });
  assert.throws(() => buildPipeline([tokensStage, again]), /assigned by both "tokens" and "tokens2"/);
});

test('a stage that forgets its layer is an error, not a silent gap', () => {
  const bad = defineStage({ name: 'bad', requires: [], assigns: ['figures'], run: () => ({}) as never });
  assert.throws(() => buildPipeline([bad]).run(new Doc('x')), /did not return its layer "figures"/);
});

test('Doc.get names the missing layer and who wanted it', () => {
  assert.throws(() => new Doc('x').get('quotes', 'report'), /report needs the "quotes" layer/);
});
