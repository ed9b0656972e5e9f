import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// One shared instance: loading the model costs ~100 ms, and readDoc is re-entrant.
// Sentiment and negation are left out of the pipe: nothing downstream reads them.
export const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
export const its = nlp.its;
