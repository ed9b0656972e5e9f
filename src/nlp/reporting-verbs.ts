// The commonest verbs that report words or beliefs, in their usual forms. Two readers share them:
// the tagger's decoding, where one closing a sentence frames it as an attribution ("…, officials
// said." / "…, said Smith."), and coreference, where one right before a pronoun makes its subject
// the pronoun's antecedent ("Whitford said she …").
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'wrote', 'writes', 'warned',
  'warns', 'explained', 'explains', 'argued', 'argues', 'insisted', 'insists', 'recalled', 'recalls',
  'stressed', 'stresses', 'acknowledged', 'acknowledges', 'conceded', 'concedes', 'contended',
  'contends', 'claimed', 'claims', 'cautioned', 'cautions', 'predicted', 'predicts', 'believes',
  'believe', 'believed', 'thinks', 'think', 'maintained', 'maintains', 'suggested', 'suggests',
  'observed', 'emphasized', 'emphasised', 'admitted', 'admits', 'asserted', 'asserts', 'countered',
  'replied', 'reported', 'reports', 'announced', 'confirmed', 'confirms', 'complained', 'alleged',
  'alleges', 'testified', 'tweeted', 'posted', 'agreed', 'agrees', 'estimated', 'estimates', 'thought',
]);
