import { defineStage } from '../pipeline/stage.ts';

// Placeholder until the entity work lands: no entities.
export const entitiesStage = defineStage({
  name: 'entities',
  requires: ['mentions', 'tokens', 'sentences'],
  assigns: ['entities'],
  run() {
    return { entities: [] };
  },
});
