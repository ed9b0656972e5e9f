import { defineStage } from '../pipeline/stage.ts';

// Placeholder until the entity work lands: no mentions.
export const mentionsStage = defineStage({
  name: 'mentions',
  requires: ['tokens', 'sentences', 'nerSpans'],
  assigns: ['mentions'],
  run() {
    return { mentions: [] };
  },
});
