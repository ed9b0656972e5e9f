/**
 * Speech-verb lexicon: the words that mark an attribution ("said", "wrote", "laments").
 * Listed as lemmas and inflected here once, so a lookup is one Set probe per token.
 * Kept to verbs that report words: belief verbs ("think", "believe") make PolNeAR attributions
 * too, but next to a quote they are far more often part of the quoted speech than a cue.
 */

// Regular lemmas: inflected by rule below.
const REGULAR = [
  'add', 'acknowledge', 'admit', 'advise', 'agree', 'allege', 'announce', 'answer', 'argue', 'ask',
  'assert', 'assure', 'blast', 'boast', 'caution', 'charge', 'chant', 'chide', 'claim', 'comment',
  'complain', 'concede', 'conclude', 'confess', 'confirm', 'contend', 'continue', 'counter', 'cry',
  'declare', 'demand', 'deny', 'describe', 'disclose', 'echo', 'email', 'emphasise', 'emphasize',
  'exclaim', 'explain', 'gush', 'insist', 'interject', 'joke', 'lament', 'maintain', 'marvel',
  'mention', 'message', 'mock', 'mourn', 'mutter', 'murmur', 'muse', 'note', 'observe', 'plead',
  'pledge', 'point', 'post', 'predict', 'proclaim', 'promise', 'protest', 'quip', 'recall',
  'recount', 'reiterate', 'remark', 'remind', 'repeat', 'reply', 'report', 'respond', 'retort',
  'reveal', 'scoff', 'scream', 'shout', 'sigh', 'snap', 'state', 'stress', 'suggest', 'testify',
  'text', 'thank', 'tweet', 'urge', 'vow', 'warn', 'whisper', 'wonder', 'yell', 'slam', 'criticise',
  'criticize', 'accuse', 'call', 'label', 'quote', 'cite', 'recommend', 'signal', 'threaten',
  'inform', 'instruct', 'implore', 'beg', 'brag', 'grumble', 'huff', 'laugh', 'opine', 'pray',
  'conclude', 'summarise', 'summarize', 'underline', 'underscore', 'highlight', 'tout', 'hail',
  'praise', 'decry', 'denounce', 'condemn', 'dismiss', 'question', 'challenge', 'rail', 'fume',
  'concur', 'clarify', 'elaborate', 'apologise', 'apologize', 'tell',
  // the verbs machine translation from French, Spanish, Italian or Ukrainian reporting favours
  'affirm', 'indicate', 'specify', 'deplore', 'regret', 'confide', 'hammer',
];

// Irregular forms, written out.
const IRREGULAR = [
  'say', 'says', 'said', 'saying',
  'tell', 'tells', 'told', 'telling',
  'write', 'writes', 'wrote', 'written', 'writing',
  'speak', 'speaks', 'spoke', 'spoken', 'speaking',
  'read', 'reads', // "the statement read"
  'put', 'puts', // "as she put it"
];

// Lemmas whose final consonant doubles before -ed/-ing.
const DOUBLING = new Set(['snap', 'quip', 'plead', 'chat', 'slam', 'beg', 'brag', 'text']);

function inflect(lemma: string): string[] {
  if (lemma === 'tell') return [];
  const out = [lemma];
  const last = lemma[lemma.length - 1];
  if (last === 'y' && !/[aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    out.push(stem + 'ies', stem + 'ied', lemma + 'ing');
  } else if (last === 'e') {
    out.push(lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing');
  } else {
    const s = /(?:s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : lemma + 's';
    out.push(s);
    if (DOUBLING.has(lemma) && lemma !== 'plead' && lemma !== 'text') out.push(lemma + last + 'ed', lemma + last + 'ing');
    else out.push(lemma + 'ed', lemma + 'ing');
  }
  return out;
}

const FORMS = new Set<string>(IRREGULAR);
for (const l of REGULAR) for (const f of inflect(l)) FORMS.add(f);
// Verb forms that are mostly something else next to a quote.
for (const f of ['point', 'points', 'post', 'posts', 'text', 'question', 'message', 'state', 'states', 'call', 'calls',
  'report', 'reports', 'read', 'reads', 'go', 'put', 'puts', 'begin', 'cry', 'note', 'notes', 'echo', 'quote', 'quotes',
  'rail', 'signal', 'comment', 'comments', 'thank', 'counter', 'answer', 'charge', 'charges', 'protest', 'challenge']) {
  FORMS.delete(f);
}

// Right after a quote (`“…,” the report read`) these are speech verbs too.
const AFTER_QUOTE = new Set(['read', 'reads', 'report', 'reports', 'note', 'notes', 'state', 'states', 'post', 'posts',
  'answer', 'answers', 'counter', 'counters', 'charge', 'charges', 'protest', 'protests', 'text', 'texts', 'comment',
  'comments', 'quote', 'quotes', 'put', 'puts', 'cry', 'echo', 'call', 'calls', 'thank', 'thanks', 'question']);

/**
 * True when the lower-cased word is a speech verb form ("said", "laments", "told").
 * `afterQuote` widens the list to verbs that report words only in that position.
 */
export function isCueWord(lower: string, afterQuote = false): boolean {
  return FORMS.has(lower) || (afterQuote && AFTER_QUOTE.has(lower));
}

/**
 * Forms that take the listener as their object ("told Reuters that …", "urged voters to …"): their
 * subject is the speaker and the word after them is no source, and the listener is not part of the
 * reported content.
 */
const TELL = new Set(['told', 'tell', 'tells', 'telling', 'asked', 'ask', 'asks', 'asking', 'informed', 'inform', 'informs',
  'assured', 'assure', 'assures', 'reminded', 'remind', 'reminds', 'warned', 'warn', 'warns', 'warning', 'urged', 'urge',
  'urges', 'urging', 'persuade', 'persuaded', 'convince', 'convinced', 'promised', 'pressed', 'questioned', 'briefed', 'thanked']);
export function takesListener(lower: string): boolean {
  return TELL.has(lower);
}

/**
 * Cue forms that introduce a naming or characterisation rather than speech ("calls it a
 * “special military operation”"): they make a quote a mixed attribution only when they govern it.
 */
const NAMING = new Set(['called', 'calling', 'calls', 'call', 'labeled', 'labelled', 'labeling', 'labelling', 'labels',
  'described', 'describing', 'describes', 'dubbed', 'dubbing', 'dubs', 'branded', 'branding', 'brands', 'termed',
  'terming', 'terms']);
export function isNamingCue(lower: string): boolean {
  return NAMING.has(lower);
}
