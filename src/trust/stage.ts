import { defineStage } from '../pipeline/stage.ts';
import { findClaims } from './claims.ts';
import { trustIndicators } from './indicators.ts';

/** `trust`: The Trust Project's eight indicators, and the text's claims of conformance. */
export const trustStage = defineStage({
  name: 'trust',
  requires: ['meta', 'quotes', 'entities'],
  assigns: ['trust'],
  run(doc) {
    const indicators = trustIndicators({
      text: doc.text,
      page: doc.page,
      meta: doc.get('meta', 'trust'),
      quotes: doc.get('quotes', 'trust'),
      entities: doc.get('entities', 'trust'),
    });
    return { trust: { indicators, claims: findClaims(doc.text) } };
  },
});
