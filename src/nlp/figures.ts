import { defineStage } from '../pipeline/stage.ts';

// Placeholder until figures land.
export const figuresStage = defineStage({
  name: 'figures',
  requires: ['tokens', 'nerSpans', 'quotes'],
  assigns: ['figures'],
  run() {
    return { figures: [] };
  },
});
