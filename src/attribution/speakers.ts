import { defineStage } from '../pipeline/stage.ts';

// Placeholder until speaker resolution lands: speakers stay unresolved.
export const speakersStage = defineStage({
  name: 'speakers',
  requires: ['attributions', 'entities', 'mentions'],
  assigns: ['quotes'],
  run(doc) {
    const quotes = doc.get('attributions', 'speakers').map((a) => ({ ...a, speakerName: null, speakerEntity: null }));
    return { quotes };
  },
});
