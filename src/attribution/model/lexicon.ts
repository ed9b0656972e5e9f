// Speech, writing and cognition predicates that introduce attributed content. The tagger also
// learns cue words from data (stored with the weights); this list covers news verbs that are
// rare in the training articles, so that distance-to-cue features still fire for them.

const VERBS = [
  'say', 'tell', 'claim', 'argue', 'believe', 'note', 'write', 'add', 'deny', 'warn', 'insist', 'state',
  'report', 'announce', 'explain', 'suggest', 'acknowledge', 'admit', 'assert', 'contend', 'declare',
  'maintain', 'predict', 'promise', 'vow', 'pledge', 'reveal', 'recall', 'reply', 'respond', 'retort',
  'tweet', 'post', 'testify', 'confirm', 'concede', 'conclude', 'complain', 'allege', 'ask', 'urge',
  'think', 'feel', 'fear', 'hope', 'expect', 'estimate', 'know', 'doubt', 'worry', 'suspect', 'agree',
  'disagree', 'emphasize', 'emphasise', 'stress', 'observe', 'remark', 'point', 'indicate', 'show', 'find',
  'call', 'accuse', 'criticize', 'criticise', 'praise', 'blame', 'describe', 'mention', 'propose',
  'recommend', 'demand', 'threaten', 'boast', 'brag', 'joke', 'quip', 'lament', 'mourn', 'caution',
  'advise', 'inform', 'assure', 'reassure', 'speculate', 'guess', 'wonder', 'question', 'dispute',
  'reject', 'dismiss', 'counter', 'rebut', 'charge', 'signal', 'imply', 'hint', 'cite', 'quote',
  'announce', 'proclaim', 'shout', 'yell', 'whisper', 'scream', 'cry', 'plead', 'beg', 'challenge',
  'continue', 'seem', 'appear', 'want', 'plan', 'intend', 'decide', 'consider', 'recognize', 'recognise',
  'understand', 'realize', 'realise', 'learn', 'hear', 'see', 'read', 'imagine', 'assume', 'reckon',
  'forecast', 'project', 'calculate', 'determine', 'rule', 'order', 'insist', 'testify', 'swear',
];

const IRREGULAR = [
  'said', 'says', 'saying', 'told', 'telling', 'tells', 'wrote', 'written', 'writes', 'writing',
  'thought', 'thinks', 'thinking', 'felt', 'knew', 'known', 'showed', 'shown', 'found', 'saw', 'seen',
  'heard', 'understood', 'swore', 'sworn', 'according', 'reportedly', 'allegedly', 'apparently',
  'reportedly', 'per', 'statement', 'interview', 'spokesman', 'spokeswoman', 'spokesperson',
  'poll', 'polls', 'survey', 'surveys', 'study', 'report', 'memo', 'letter', 'tweet', 'tweets',
];

function inflect(v: string): string[] {
  const out = [v];
  const stem = v.endsWith('e') ? v.slice(0, -1) : v;
  if (/[^aeiou]y$/.test(v)) out.push(v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied', v + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(v)) out.push(v + 'es', v + 'ed', v + 'ing');
  else out.push(v + 's', stem + 'ed', stem + 'ing');
  if (/^(ask|add|call|want|plan)$/.test(v)) out.push(v === 'plan' ? 'planned' : v + 'ed');
  if (v === 'plan') out.push('planning');
  return out;
}

/** Lower-cased word forms of the hand lexicon. */
export const CUE_LEXICON: ReadonlySet<string> = new Set([...VERBS.flatMap(inflect), ...IRREGULAR]);
