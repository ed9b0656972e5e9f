// The Trust Project's eight Trust Indicators, each with a status, the evidence found (markup path,
// link, text span) and what is missing. Evidence comes from the schema.org terms The Trust Project
// contributed (trust/markup.ts), from the page's visible links and labels (ingest/page.ts), and from
// the text and its quotes/entities layers. With plain text (no page), indicators that live in a
// page's markup are "not-determinable" rather than "absent": the text alone cannot show their
// absence.
import type { ArticleMeta, Entity, Evidence, IndicatorStatus, PageInfo, Quote, TrustIndicator, TrustIndicatorId } from '../model/types.ts';
import { markupProps, type MarkupHit } from './markup.ts';

export const INDICATOR_NAMES: Record<TrustIndicatorId, string> = {
  'best-practices': 'Best Practices',
  'author-expertise': 'Author/Reporter Expertise',
  'type-of-work': 'Type of Work',
  'citations-and-references': 'Citations and References',
  methods: 'Methods',
  'locally-sourced': 'Locally Sourced',
  'diverse-voices': 'Diverse Voices',
  'actionable-feedback': 'Actionable Feedback',
};

export interface TrustInput {
  text: string;
  page: PageInfo | null;
  meta: ArticleMeta;
  quotes: Quote[];
  entities: Entity[];
}

type Props = Map<string, MarkupHit[]>;

function ev(hits: MarkupHit[] | undefined): Evidence[] {
  return (hits ?? []).map((h) => h.evidence);
}

function linkEv(page: PageInfo | null, role: string): Evidence[] {
  if (!page) return [];
  return page.links.filter((l) => l.role === role).slice(0, 3).map((l) => ({ kind: 'link', description: `link "${l.text || l.href}"`, url: l.href }));
}

function textEv(text: string, re: RegExp, description: string, max = 3): Evidence[] {
  const out: Evidence[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < max) {
    out.push({ kind: 'text', description, start: m.index, end: m.index + m[0].length });
    if (!re.global) break;
  }
  return out;
}

function droppedEv(page: PageInfo | null, re: RegExp, description: string): Evidence[] {
  if (!page) return [];
  return page.dropped.filter((d) => re.test(d.text)).slice(0, 2).map((d) => ({ kind: 'html', description: `${description}: "${d.text.slice(0, 120)}"` }));
}

function indicator(id: TrustIndicatorId, status: IndicatorStatus, evidence: Evidence[], missing: string[]): TrustIndicator {
  return { id, name: INDICATOR_NAMES[id], status, evidence, missing: status === 'met' ? [] : missing };
}

/** Best Practices: published standards (ethics), a corrections policy, and who owns/funds and runs the outlet. */
function bestPractices(page: PageInfo | null, props: Props): TrustIndicator {
  if (!page) return indicator('best-practices', 'not-determinable', [], ['an HTML page: policies are stated in page markup or links']);
  const parts: [string, Evidence[]][] = [
    ['ethics or publishing principles (publishingPrinciples / ethicsPolicy, or an "Ethics"/"Standards" link)', [...ev(props.get('publishingPrinciples')), ...ev(props.get('ethicsPolicy')), ...linkEv(page, 'ethics')]],
    ['corrections policy (correctionsPolicy, or a "Corrections" link)', [...ev(props.get('correctionsPolicy')), ...linkEv(page, 'corrections')]],
    ['ownership and funding (ownershipFundingInfo, or an ownership/funding link)', [...ev(props.get('ownershipFundingInfo')), ...linkEv(page, 'ownership')]],
    ['masthead or newsroom staff (masthead, or a masthead/"Our team" link)', [...ev(props.get('masthead')), ...linkEv(page, 'masthead')]],
  ];
  const extra = [...ev(props.get('missionCoveragePrioritiesPolicy')), ...ev(props.get('verificationFactCheckingPolicy')), ...ev(props.get('unnamedSourcesPolicy')), ...ev(props.get('noBylinesPolicy')), ...linkEv(page, 'about'), ...linkEv(page, 'fact-checking'), ...linkEv(page, 'unnamed-sources')];
  const have = parts.filter(([, e]) => e.length);
  const evidence = [...have.flatMap(([, e]) => e), ...extra];
  const missing = parts.filter(([, e]) => !e.length).map(([m]) => m);
  // Standards and corrections are the core; ownership or a masthead says who stands behind them.
  const core = parts[0][1].length > 0 && parts[1][1].length > 0 && (parts[2][1].length > 0 || parts[3][1].length > 0);
  const status: IndicatorStatus = core ? 'met' : evidence.length ? 'partial' : 'absent';
  return indicator('best-practices', status, evidence, missing);
}

/** Author/Reporter Expertise: a named author with details (bio, job title, profile, knowsAbout/knowsLanguage). */
function authorExpertise(page: PageInfo | null, meta: ArticleMeta, props: Props): TrustIndicator {
  const authors = meta.authors ?? [];
  const evidence: Evidence[] = [];
  let detailed = 0;
  const detailKinds = new Set<string>();
  for (const a of authors) {
    const s = a.source;
    const where: Evidence = { kind: s.kind === 'text' ? 'text' : s.kind, description: `author ${a.value.name}`, ...(s.path ? { path: s.path } : {}), ...(s.start !== undefined ? { start: s.start, end: s.end } : {}) };
    evidence.push(where);
    const d: string[] = [];
    if (a.value.bio) d.push('bio');
    if (a.value.jobTitle) d.push('jobTitle');
    if (a.value.url || a.value.sameAs?.length) d.push('profile');
    if (a.value.knowsAbout?.length) d.push('knowsAbout');
    if (a.value.knowsLanguage?.length) d.push('knowsLanguage');
    if (d.length) {
      detailed++;
      d.forEach((x) => detailKinds.add(x));
      evidence.push({ kind: s.kind === 'text' ? 'text' : s.kind, description: `${a.value.name}: ${d.join(', ')}`, ...(s.path ? { path: s.path } : {}) });
    }
  }
  for (const p of ['knowsAbout', 'knowsLanguage', 'jobTitle'] as const) {
    if (props.get(p)?.length && !detailKinds.has(p)) { detailKinds.add(p); evidence.push(...ev(props.get(p))); }
  }
  const bios = (page?.dropped ?? []).filter((d) => d.rule === 'author-bio' || d.rule === 'byline');
  for (const b of bios.slice(0, 2)) {
    if (b.rule === 'author-bio') detailKinds.add('bio');
    evidence.push({ kind: 'html', description: `${b.rule === 'author-bio' ? 'author bio' : 'byline'} on the page: "${b.text.slice(0, 120)}"` });
  }
  const authorLinks = linkEv(page, 'author');
  if (authorLinks.length) { detailKinds.add('profile'); evidence.push(...authorLinks); }
  const missing: string[] = [];
  if (!authors.length) missing.push('a named author (byline, or author in markup)');
  if (!detailKinds.has('bio') && !detailKinds.has('jobTitle')) missing.push('author bio or job title');
  if (!detailKinds.has('profile')) missing.push('author profile link (url / sameAs)');
  if (!detailKinds.has('knowsAbout') && !detailKinds.has('knowsLanguage')) missing.push('areas of expertise (knowsAbout / knowsLanguage)');
  let status: IndicatorStatus;
  const rich = (detailKinds.has('bio') || detailKinds.has('jobTitle') || detailKinds.has('knowsAbout')) && (detailKinds.has('profile') || detailKinds.has('knowsLanguage'));
  if (authors.length && rich) status = 'met';
  else if (authors.length || detailKinds.size) status = 'partial';
  else status = page ? 'absent' : 'not-determinable';
  return indicator('author-expertise', status, evidence, missing);
}

const SPECIFIC_WORK = /opinion|analysis|review|background|reportage|satir|advertiser|sponsor|askpublic|editorial|commentary|column|explainer|fact.?check|interview|obituary|perspective|letter|investigat|report$/i;

/** Type of Work: the article says what it is (news, opinion, analysis, sponsored), in markup or on the page. */
function typeOfWork(page: PageInfo | null, meta: ArticleMeta): TrustIndicator {
  const t = meta.typeOfWork;
  const evidence: Evidence[] = [];
  if (t) evidence.push({ kind: t.source.kind, description: `type of work "${t.value}"`, ...(t.source.path ? { path: t.source.path } : {}), ...(t.source.start !== undefined ? { start: t.source.start, end: t.source.end } : {}) });
  for (const l of page?.labels ?? []) if (!t || l !== t.value) evidence.push({ kind: 'html', description: `label "${l}" shown with the article` });
  const sec = meta.section;
  const secLabel = sec && SPECIFIC_WORK.test(sec.value);
  if (secLabel) evidence.push({ kind: sec!.source.kind, description: `section "${sec!.value}"`, ...(sec!.source.path ? { path: sec!.source.path } : {}) });
  const specific = (t && (t.value !== 'NewsArticle' && t.value !== 'Article' && t.value !== 'BlogPosting' && t.value !== 'WebPage') && (SPECIFIC_WORK.test(t.value) || t.source.kind === 'html' || t.source.kind === 'text' || /^news$/i.test(t.value))) || (page?.labels.length ?? 0) > 0 || secLabel;
  const status: IndicatorStatus = specific ? 'met' : t ? 'partial' : page ? 'absent' : 'not-determinable';
  return indicator('type-of-work', status, evidence, ['a specific type of work: a NewsArticle subtype (OpinionNewsArticle, AnalysisNewsArticle, ReportageNewsArticle, ...) or a visible label ("Opinion", "Analysis", "Sponsored")']);
}

const REFERENCE = /\b(?:according to (?:figures|data|records|documents|statistics) (?:from|published|released|compiled)\b|according to (?:a|an|the|data|figures|documents?|records?)\b[^.\n]{0,60}\b(?:report|study|survey|data|figures|analysis|filing|documents?|records?|statement|paper|poll|census)|(?:a|the) (?:study|report|survey|paper|analysis|poll|filing|court filing|indictment|lawsuit) (?:published|released|issued|filed|by|from|in)\b|(?:published|reported) in (?:the )?(?:journal )?\p{Lu}[\p{L}]+|data (?:from|published by|released by)\b)/giu;

/** Citations and References: sources behind facts are linked or named. */
function citations(text: string, page: PageInfo | null, props: Props): TrustIndicator {
  const evidence: Evidence[] = [...ev(props.get('citation'))];
  const host = page?.url ? hostOf(page.url) : null;
  // The first links are enough to judge (URL parsing is the cost here).
  const external = (page?.bodyLinks ?? []).slice(0, 30).filter((l) => /^https?:/.test(l.href) && hostOf(l.href) !== host);
  for (const l of external.slice(0, 5)) evidence.push({ kind: 'link', description: `link in the body "${l.text.slice(0, 80)}"`, url: l.href });
  const refs = textEv(text, REFERENCE, 'reference to a source document in the text');
  evidence.push(...refs);
  const markup = props.get('citation')?.length ?? 0;
  const status: IndicatorStatus = markup || external.length >= 2 || (external.length >= 1 && refs.length >= 1)
    ? 'met'
    : external.length || refs.length || (page?.bodyLinks.length ?? 0) > 0
      ? 'partial'
      : 'absent';
  if (page?.bodyLinks.length && !external.length) evidence.push({ kind: 'html', description: `${page.bodyLinks.length} link(s) in the body, all to the same site` });
  return indicator('citations-and-references', status, evidence, ['citations for facts and claims: schema.org citation, or links to source documents in the body']);
}

const METHODS_STRONG = /\b(?:how we (?:reported|did|wrote|investigated|verified|found|calculated|analy[sz]ed) (?:this|it)|methodology|our methods?|about this (?:story|report|investigation|data|series|project)|behind the story|this (?:story|article|report|investigation) (?:is based on|draws on|was (?:produced|reported|written|prepared) (?:with|by|in|from|using))|(?:we|reporters?) (?:reviewed|analy[sz]ed|obtained|interviewed|examined) (?:more than |over |nearly |about )?\d[\d,]*)\b/gi;
const METHODS_WEAK = /\b(?:editor['’]s note|contributed (?:reporting|to this (?:report|story))|(?:additional )?reporting by|interviews? (?:with|conducted)|(?:was|were) (?:contacted|reached) (?:for comment|by)|did not (?:immediately )?respond to (?:a )?requests? for comment|declined to comment)\b/gi;

/** Methods: how the story was reported (backstory, methodology, who contributed, how claims were checked). */
function methods(text: string, page: PageInfo | null, props: Props): TrustIndicator {
  const evidence: Evidence[] = [...ev(props.get('backstory'))];
  const strong = textEv(text, METHODS_STRONG, 'the text explains how the story was reported');
  const weak = textEv(text, METHODS_WEAK, 'reporting process mentioned in the text');
  evidence.push(...strong, ...weak, ...droppedEv(page, METHODS_STRONG, 'methods note on the page'), ...droppedEv(page, /contributed (?:reporting|to this)|reporting by/i, 'contributor line on the page'));
  const status: IndicatorStatus = props.get('backstory')?.length || strong.length ? 'met' : evidence.length ? 'partial' : page ? 'absent' : 'not-determinable';
  return indicator('methods', status, evidence, ['an explanation of how the story was reported: schema.org backstory, or a methods / "about this story" note']);
}

/** Locally Sourced: the story says where it was reported from (dateline) and shows local knowledge. */
function locallySourced(text: string, page: PageInfo | null, meta: ArticleMeta, props: Props): TrustIndicator {
  const evidence: Evidence[] = [];
  const d = meta.dateline;
  if (d) evidence.push({ kind: d.source.kind, description: `dateline "${d.value}"`, ...(d.source.path ? { path: d.source.path } : {}), ...(d.source.start !== undefined ? { start: d.source.start, end: d.source.end } : {}) });
  const loc = [...ev(props.get('contentLocation')), ...ev(props.get('locationCreated'))];
  evidence.push(...loc);
  const from = textEv(text, /\b(?:reporting|reported|contributed reporting|writing) from [\p{Lu}][\p{L}]+(?:[ ,]+[\p{Lu}][\p{L}]+)*/gu, 'reported from a place');
  evidence.push(...from, ...droppedEv(page, /reporting from|reported from/i, 'contributor line on the page'));
  const status: IndicatorStatus = d && (d.source.kind !== 'text' || loc.length || from.length) ? 'met' : d || loc.length || from.length ? 'partial' : page ? 'absent' : 'not-determinable';
  return indicator('locally-sourced', status, evidence, ['where the story was reported: a dateline (schema.org dateline, or "PLACE —" opening the text) and locationCreated/contentLocation']);
}

/** Diverse Voices: who is quoted (distinct sources, their gender and type mix), and a diversity policy. */
function diverseVoices(page: PageInfo | null, quotes: Quote[], entities: Entity[], props: Props): TrustIndicator {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const sources = new Map<string, { name: string; entity: Entity | null; quote: Quote }>();
  for (const q of quotes) {
    const key = q.speakerEntity ?? (q.speakerName ? `name:${q.speakerName.toLowerCase()}` : null);
    if (!key || sources.has(key)) continue;
    const entity = q.speakerEntity ? byId.get(q.speakerEntity) ?? null : null;
    // Named people and organisations are sources; "voters", "officials" or a place are not one voice.
    if (entity && entity.type !== 'person' && entity.type !== 'organisation' && entity.type !== 'outlet') continue;
    sources.set(key, { name: entity?.name ?? q.speakerName ?? '', entity, quote: q });
  }
  const evidence: Evidence[] = [];
  for (const s of [...sources.values()].slice(0, 8)) {
    evidence.push({ kind: 'text', description: `quoted source ${s.name}${s.entity ? ` (${s.entity.type}${s.entity.gender !== 'unknown' ? `, ${s.entity.gender}` : ''})` : ''}`, start: s.quote.start, end: s.quote.end });
  }
  const genders = new Set([...sources.values()].map((s) => s.entity?.gender).filter((g) => g === 'female' || g === 'male'));
  const types = new Set([...sources.values()].map((s) => s.entity?.type).filter(Boolean));
  const policy = [...ev(props.get('diversityPolicy')), ...ev(props.get('diversityStaffingReport')), ...linkEv(page, 'diversity')];
  evidence.push(...policy);
  const n = sources.size;
  if (n) evidence.unshift({ kind: 'text', description: `${n} distinct quoted source${n === 1 ? '' : 's'}; genders: ${[...genders].join(', ') || 'unknown'}; types: ${[...types].join(', ') || 'unknown'}` });
  const missing: string[] = [];
  if (n < 3) missing.push('at least three distinct quoted sources');
  if (genders.size < 2) missing.push('quoted sources of more than one gender');
  if (!policy.length) missing.push('a diversity policy (schema.org diversityPolicy)');
  const mixed = genders.size >= 2 || types.size >= 2;
  const status: IndicatorStatus = n >= 3 && mixed ? 'met' : n >= 2 || policy.length ? 'partial' : 'absent';
  return indicator('diverse-voices', status, evidence, missing);
}

const FEEDBACK_TEXT = /\b(?:let us know|contact (?:us|the (?:newsroom|editors?|reporter))|(?:send|email|e-mail) (?:us )?(?:your )?(?:news )?(?:tips?|feedback|comments?|questions?|story ideas)|(?:report|flag|spot(?:ted)?) (?:an? )?(?:error|mistake|typo)|tell us (?:what you think|your story|about)|(?:share|submit) (?:your )?(?:story|experience|tips?|feedback)|have a (?:news )?tip)\b/gi;

/** Actionable Feedback: the newsroom invites the public's help (feedback policy, tips, error reports). */
function actionableFeedback(text: string, page: PageInfo | null, props: Props): TrustIndicator {
  const policy = ev(props.get('actionableFeedbackPolicy'));
  const links = linkEv(page, 'feedback');
  const strongLink = (page?.links ?? []).some((l) => l.role === 'feedback' && /feedback|error|mistake|correction|tip/i.test(l.text + ' ' + l.href));
  const inText = textEv(text, FEEDBACK_TEXT, 'the text invites readers to respond');
  const onPage = droppedEv(page, FEEDBACK_TEXT, 'invitation on the page');
  const evidence = [...policy, ...links, ...inText, ...onPage];
  const status: IndicatorStatus = policy.length || strongLink || (links.length && (inText.length || onPage.length)) ? 'met' : evidence.length ? 'partial' : page ? 'absent' : 'not-determinable';
  return indicator('actionable-feedback', status, evidence, ['a way for readers to give feedback or report errors: schema.org actionableFeedbackPolicy, or a feedback / "report an error" link']);
}

function hostOf(u: string): string | null {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function trustIndicators(input: TrustInput): TrustIndicator[] {
  const props: Props = input.page ? markupProps(input.page) : new Map();
  return [
    bestPractices(input.page, props),
    authorExpertise(input.page, input.meta, props),
    typeOfWork(input.page, input.meta),
    citations(input.text, input.page, props),
    methods(input.text, input.page, props),
    locallySourced(input.text, input.page, input.meta, props),
    diverseVoices(input.page, input.quotes, input.entities, props),
    actionableFeedback(input.text, input.page, props),
  ];
}
