// `trustlens corpus stats`: the corpus in numbers, computed in SQL over the store.
// Sources follow the Gender Gap Tracker's convention: a source is a distinct speaker entity quoted
// in an article (quoted five times in one article, counted once there); the headline figure is the
// share of women among person sources whose gender is known.
import type { DB } from './schema.ts';

export interface Count {
  n: number;
  share: number | null;
}

export interface GroupRow {
  key: string;
  articles: number;
  quotes: number;
  quotesPerArticle: number | null;
  directShare: number | null;
  personSources: number;
  femaleShare: number | null;
}

export interface CorpusStats {
  articles: { total: number; analysed: number; errors: number; withPublisher: number; withDate: number };
  errors: { error: string; n: number }[];
  quotes: {
    total: number;
    perArticle: number | null;
    byKind: Record<string, Count>;
    withSpeaker: number;
    withResolvedSpeaker: number;
  };
  topSpeakers: { name: string; type: string | null; gender: string | null; quotes: number; articles: number }[];
  sources: {
    total: number;
    byType: Record<string, Count>;
    /** Person sources by gender; `share` of female and male is over persons of known gender. */
    byGender: Record<string, Count>;
    femaleShare: number | null;
    unresolvedQuotes: number;
  };
  channels: { channel: string; quotes: number }[];
  outlets: { outlet: string; quotes: number; articles: number }[];
  findings: { total: number; articlesWithFindings: number; byRule: { rule: string; severity: string; n: number; articles: number }[] };
  trust: { articlesWithIndicators: number; indicators: { id: string; name: string; articles: number; met: number; partial: number; absent: number; notDeterminable: number; metShare: number | null }[] };
  byPublisher: GroupRow[];
  byMonth: GroupRow[];
}

const share = (a: number, b: number): number | null => (b ? a / b : null);

const SOURCE_TYPES = ['person', 'organisation', 'unnamed'];
const GENDERS = ['female', 'male', 'unknown'];

function groupRows(db: DB, column: 'publisher' | 'month', limit: number): GroupRow[] {
  const base = db.prepare(`
    SELECT ${column} AS key, count(*) AS articles, sum(quotes) AS quotes
    FROM articles WHERE status = 'ok' AND ${column} IS NOT NULL
    GROUP BY ${column} ORDER BY ${column === 'month' ? 'key' : 'articles DESC, key'} LIMIT ?`).all(limit) as { key: string; articles: number; quotes: number }[];
  if (!base.length) return [];
  const direct = new Map((db.prepare(`
    SELECT a.${column} AS key, count(*) AS n FROM quotes q JOIN articles a ON a.key = q.article
    WHERE q.kind = 'direct' AND a.${column} IS NOT NULL GROUP BY a.${column}`).all() as { key: string; n: number }[]).map((r) => [r.key, r.n]));
  const gender = db.prepare(`
    SELECT a.${column} AS key, s.gender AS gender, count(*) AS n
    FROM (SELECT DISTINCT article, speaker_entity, speaker_gender AS gender FROM quotes
          WHERE speaker_entity IS NOT NULL AND speaker_type = 'person') s
    JOIN articles a ON a.key = s.article WHERE a.${column} IS NOT NULL
    GROUP BY a.${column}, s.gender`).all() as { key: string; gender: string; n: number }[];
  const g = new Map<string, Record<string, number>>();
  for (const r of gender) {
    const m = g.get(r.key) ?? {};
    m[r.gender] = r.n;
    g.set(r.key, m);
  }
  return base.map((r) => {
    const gm = g.get(r.key) ?? {};
    const female = gm.female ?? 0;
    const male = gm.male ?? 0;
    return {
      key: r.key,
      articles: r.articles,
      quotes: r.quotes,
      quotesPerArticle: share(r.quotes, r.articles),
      directShare: share(direct.get(r.key) ?? 0, r.quotes),
      personSources: Object.values(gm).reduce((a, b) => a + b, 0),
      femaleShare: share(female, female + male),
    };
  });
}

export function corpusStats(db: DB, opts: { top?: number } = {}): CorpusStats {
  const top = opts.top ?? 20;
  const one = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

  const total = one('SELECT count(*) FROM articles');
  const analysed = one("SELECT count(*) FROM articles WHERE status = 'ok'");
  const articles = {
    total,
    analysed,
    errors: total - analysed,
    withPublisher: one("SELECT count(*) FROM articles WHERE status = 'ok' AND publisher IS NOT NULL"),
    withDate: one("SELECT count(*) FROM articles WHERE status = 'ok' AND month IS NOT NULL"),
  };
  const errors = db.prepare(`SELECT error, count(*) AS n FROM articles WHERE status = 'error' GROUP BY error ORDER BY n DESC, error LIMIT ?`).all(top) as { error: string; n: number }[];

  const quoteTotal = one('SELECT count(*) FROM quotes');
  const byKind: Record<string, Count> = {};
  for (const k of ['direct', 'mixed', 'indirect']) byKind[k] = { n: 0, share: null };
  for (const r of db.prepare('SELECT kind, count(*) AS n FROM quotes GROUP BY kind').all() as { kind: string; n: number }[]) {
    byKind[r.kind] = { n: r.n, share: null };
  }
  for (const k of Object.keys(byKind)) byKind[k].share = share(byKind[k].n, quoteTotal);

  const topSpeakers = db.prepare(`
    SELECT speaker_name AS name, count(*) AS quotes, count(DISTINCT article) AS articles,
           max(speaker_type) AS type, max(speaker_gender) AS gender
    FROM quotes WHERE speaker_name IS NOT NULL
    GROUP BY speaker_name ORDER BY quotes DESC, articles DESC, name LIMIT ?`).all(top) as CorpusStats['topSpeakers'];

  // Sources: distinct (article, speaker entity) pairs.
  const srcRows = db.prepare(`
    SELECT coalesce(speaker_type, 'unnamed') AS type, coalesce(speaker_gender, 'unknown') AS gender, count(*) AS n
    FROM (SELECT DISTINCT article, speaker_entity, speaker_type, speaker_gender FROM quotes WHERE speaker_entity IS NOT NULL)
    GROUP BY 1, 2`).all() as { type: string; gender: string; n: number }[];
  const srcTotal = srcRows.reduce((a, r) => a + r.n, 0);
  const byType: Record<string, Count> = {};
  for (const t of SOURCE_TYPES) byType[t] = { n: 0, share: null };
  const byGender: Record<string, Count> = {};
  for (const g of GENDERS) byGender[g] = { n: 0, share: null };
  for (const r of srcRows) {
    (byType[r.type] ??= { n: 0, share: null }).n += r.n;
    if (r.type === 'person') (byGender[r.gender] ??= { n: 0, share: null }).n += r.n;
  }
  for (const t of Object.keys(byType)) byType[t].share = share(byType[t].n, srcTotal);
  const known = byGender.female.n + byGender.male.n;
  const persons = Object.values(byGender).reduce((a, c) => a + c.n, 0);
  byGender.female.share = share(byGender.female.n, known);
  byGender.male.share = share(byGender.male.n, known);
  for (const g of Object.keys(byGender)) if (g !== 'female' && g !== 'male') byGender[g].share = share(byGender[g].n, persons);

  const channels = db.prepare(`
    SELECT lower(channel) AS channel, count(*) AS quotes FROM quotes WHERE channel IS NOT NULL
    GROUP BY lower(channel) ORDER BY quotes DESC, channel LIMIT ?`).all(top) as CorpusStats['channels'];
  const outlets = db.prepare(`
    SELECT outlet, count(*) AS quotes, count(DISTINCT article) AS articles FROM quotes WHERE outlet IS NOT NULL
    GROUP BY outlet ORDER BY quotes DESC, outlet LIMIT ?`).all(top) as CorpusStats['outlets'];

  const byRule = db.prepare(`
    SELECT rule, severity, count(*) AS n, count(DISTINCT article) AS articles FROM findings
    GROUP BY rule, severity ORDER BY n DESC, rule, severity`).all() as CorpusStats['findings']['byRule'];
  const findings = {
    total: one('SELECT count(*) FROM findings'),
    articlesWithFindings: one('SELECT count(DISTINCT article) FROM findings'),
    byRule,
  };

  const trustRows = db.prepare(`
    SELECT indicator AS id, max(name) AS name, count(*) AS articles,
           sum(status = 'met') AS met, sum(status = 'partial') AS partial, sum(status = 'absent') AS absent,
           sum(status NOT IN ('met', 'partial', 'absent')) AS notDeterminable
    FROM trust GROUP BY indicator ORDER BY indicator`).all() as Omit<CorpusStats['trust']['indicators'][number], 'metShare'>[];
  const trust = {
    articlesWithIndicators: one('SELECT count(DISTINCT article) FROM trust'),
    indicators: trustRows.map((r) => ({ ...r, metShare: share(r.met, r.articles) })),
  };

  return {
    articles,
    errors,
    quotes: {
      total: quoteTotal,
      perArticle: share(quoteTotal, analysed),
      byKind,
      withSpeaker: one('SELECT count(*) FROM quotes WHERE speaker IS NOT NULL'),
      withResolvedSpeaker: one('SELECT count(*) FROM quotes WHERE speaker_entity IS NOT NULL'),
    },
    topSpeakers,
    sources: {
      total: srcTotal,
      byType,
      byGender,
      femaleShare: byGender.female.share,
      unresolvedQuotes: quoteTotal - one('SELECT count(*) FROM quotes WHERE speaker_entity IS NOT NULL'),
    },
    channels,
    outlets,
    findings,
    trust,
    byPublisher: groupRows(db, 'publisher', 50),
    byMonth: groupRows(db, 'month', 1000),
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const fixed = (x: number | null, d = 2) => (x === null ? '–' : x.toFixed(d));

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')).join('\n') + '\n';
}

export function renderStats(st: CorpusStats, db: string): string {
  let o = `trustlens corpus statistics: ${db}\n\n`;
  const a = st.articles;
  o += `Articles: ${a.total} (${a.analysed} analysed, ${a.errors} with an error); ${a.withPublisher} with a publisher, ${a.withDate} with a date\n`;
  if (st.errors.length) o += table(['error', 'articles'], st.errors.map((e) => [e.error.length > 90 ? e.error.slice(0, 89) + '…' : e.error, e.n]));
  const q = st.quotes;
  o += `\nQuotes: ${q.total}, ${fixed(q.perArticle)} per analysed article\n`;
  o += `  direct ${q.byKind.direct.n} (${pct(q.byKind.direct.share)}), mixed ${q.byKind.mixed.n} (${pct(q.byKind.mixed.share)}), indirect ${q.byKind.indirect.n} (${pct(q.byKind.indirect.share)})\n`;
  o += `  with a speaker: ${q.withSpeaker}; speaker resolved to an entity: ${q.withResolvedSpeaker}\n`;
  const sr = st.sources;
  o += `\nSources (distinct speakers per article): ${sr.total}; quotes without a resolved speaker: ${sr.unresolvedQuotes}\n`;
  o += '  by type: ' + Object.entries(sr.byType).map(([k, c]) => `${k} ${c.n} (${pct(c.share)})`).join(', ') + '\n';
  o += '  people by gender: ' + Object.entries(sr.byGender).map(([k, c]) => `${k} ${c.n}`).join(', ') + '\n';
  o += `  women among people quoted (gender known): ${pct(sr.femaleShare)}; men: ${pct(sr.byGender.male.share)}\n`;
  if (st.topSpeakers.length) {
    o += '\nTop speakers:\n' + table(['speaker', 'type', 'gender', 'quotes', 'articles'], st.topSpeakers.map((s) => [s.name, s.type ?? '–', s.gender ?? '–', s.quotes, s.articles]));
  }
  if (st.channels.length) o += '\nChannels:\n' + table(['channel', 'quotes'], st.channels.map((c) => [c.channel, c.quotes]));
  if (st.outlets.length) o += '\nSecondary outlets (words credited to another outlet):\n' + table(['outlet', 'quotes', 'articles'], st.outlets.map((c) => [c.outlet, c.quotes, c.articles]));
  const f = st.findings;
  o += `\nFindings: ${f.total} in ${f.articlesWithFindings} articles\n`;
  if (f.byRule.length) o += table(['rule', 'severity', 'findings', 'articles'], f.byRule.map((r) => [r.rule, r.severity, r.n, r.articles]));
  const t = st.trust;
  o += `\nTrust Indicators: reported for ${t.articlesWithIndicators} of ${a.analysed} analysed articles\n`;
  if (t.indicators.length) {
    o += table(['indicator', 'articles', 'met', 'partial', 'absent', 'n/d', 'met share'], t.indicators.map((r) => [r.id, r.articles, r.met, r.partial, r.absent, r.notDeterminable, pct(r.metShare)]));
  }
  const groups = (title: string, rows: GroupRow[]) =>
    `\n${title}:\n` + table([title === 'By publisher' ? 'publisher' : 'month', 'articles', 'quotes', 'per article', 'direct', 'people', 'women'],
      rows.map((r) => [r.key, r.articles, r.quotes, fixed(r.quotesPerArticle), pct(r.directShare), r.personSources, pct(r.femaleShare)]));
  if (st.byPublisher.length) o += groups('By publisher', st.byPublisher);
  if (st.byMonth.length) o += groups('By month', st.byMonth);
  return o;
}
