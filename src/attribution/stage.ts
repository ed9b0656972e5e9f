import { defineStage } from '../pipeline/stage.ts';

// Placeholder until attribution lands.
export const attributionStage = defineStage({
  name: 'attribution',
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions'],
  assigns: ['attributions'],
  run() {
    return { attributions: [] };
  },
});
