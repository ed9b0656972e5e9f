// An analysis, flattened into the rows the store keeps. Runs in the worker, so the main thread
// receives small records rather than the whole document (text, sentences, mentions) per article.
import type { AnalysisOutput, Entity, Mention } from '../model/types.ts';
import { nameKey, OUTLET_NAMES } from '../nlp/gazetteer/outlets.ts';

export interface EntityRow {
  eid: string;
  name: string;
  type: string;
  gender: string;
  mentions: number;
}

export interface QuoteRow {
  qid: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  speaker: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  speaker_name: string | null;
  speaker_entity: string | null;
  speaker_type: string | null;
  speaker_gender: string | null;
  channel: string | null;
  channel_start: number | null;
  channel_end: number | null;
  /** The news outlet the words came through: named in the channel, or the speaker itself. */
  outlet: string | null;
  attribution: string | null;
  source: string | null;
}

export interface FindingRow {
  rule: string;
  severity: string;
  message: string;
  start: number;
  end: number;
}

export interface TrustRow {
  indicator: string;
  name: string;
  status: string;
  evidence: number;
  missing: string | null;
}

/** Metadata read from the page itself (HTML ingestion); the input's own metadata wins over it. */
export interface PageMeta {
  title: string | null;
  date: string | null;
  publisher: string | null;
  url: string | null;
}

export interface ArticleRows {
  schemaVersion: string | null;
  chars: number;
  page: PageMeta;
  entities: EntityRow[];
  quotes: QuoteRow[];
  findings: FindingRow[];
  trust: TrustRow[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** `{value}` of a Sourced field, read without trusting its shape (the metadata layer is young). */
function sourced(v: unknown): string | null {
  if (v && typeof v === 'object' && 'value' in v) return str((v as { value: unknown }).value);
  return str(v);
}

/** The outlet named by a channel span ("told Reuters", "in an interview with the BBC"), if any. */
export function outletIn(channel: string): string | null {
  const words = channel.split(/\s+/).filter(Boolean);
  // Longest match first, so "The Washington Post" wins over "Post".
  for (let len = Math.min(5, words.length); len > 0; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const phrase = words.slice(i, i + len).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/, '');
      // Outlets are written capitalised; "at the time" or "an insider" name none.
      if (!/^\p{Lu}/u.test(phrase.replace(/^the /i, ''))) continue;
      const hit = OUTLET_NAMES.get(nameKey(phrase));
      if (hit) return hit;
    }
  }
  return null;
}

export function toRows(out: AnalysisOutput): ArticleRows {
  const entities = Array.isArray(out.entities) ? out.entities : [];
  const byId = new Map<string, Entity>();
  for (const e of entities) byId.set(e.id, e);
  const mentions: Mention[] = Array.isArray(out.mentions) ? out.mentions : [];

  const entityRows: EntityRow[] = entities.map((e) => ({
    eid: String(e.id),
    name: String(e.name ?? ''),
    type: String(e.type ?? 'unnamed'),
    gender: String(e.gender ?? 'unknown'),
    mentions: Array.isArray(e.mentions) ? e.mentions.length : 0,
  }));

  const quoteRows: QuoteRow[] = (Array.isArray(out.quotes) ? out.quotes : []).map((q) => {
    const ent = q.speakerEntity ? byId.get(q.speakerEntity) : undefined;
    let outlet: string | null = null;
    if (q.channel) {
      // An outlet entity mentioned inside the channel span, else the gazetteer on the span's words.
      for (const m of mentions) {
        if (m.start >= q.channel.start && m.end <= q.channel.end && m.entity) {
          const e = byId.get(m.entity);
          if (e?.type === 'outlet') { outlet = e.name; break; }
        }
      }
      outlet ??= outletIn(q.channel.text);
    }
    if (!outlet && ent?.type === 'outlet') outlet = ent.name;
    return {
      qid: String(q.id),
      kind: String(q.kind),
      text: String(q.text ?? ''),
      start: q.start,
      end: q.end,
      cue: q.cue?.text ?? null,
      cue_start: q.cue?.start ?? null,
      cue_end: q.cue?.end ?? null,
      speaker: q.speaker?.text ?? null,
      speaker_start: q.speaker?.start ?? null,
      speaker_end: q.speaker?.end ?? null,
      speaker_name: q.speakerName ?? ent?.name ?? null,
      speaker_entity: q.speakerEntity ?? null,
      speaker_type: ent?.type ?? null,
      speaker_gender: ent?.gender ?? null,
      channel: q.channel?.text ?? null,
      channel_start: q.channel?.start ?? null,
      channel_end: q.channel?.end ?? null,
      outlet,
      attribution: str(q.attribution),
      source: str(q.source),
    };
  });

  const findingRows: FindingRow[] = (Array.isArray(out.findings) ? out.findings : []).map((f) => ({
    rule: String(f.rule),
    severity: String(f.severity),
    message: String(f.message ?? ''),
    start: num(f.start) ?? 0,
    end: num(f.end) ?? 0,
  }));

  // `meta` and `trust` come with HTML ingestion; read them defensively, they may be absent.
  const extra = out as unknown as { meta?: Record<string, unknown>; trust?: { indicators?: unknown }; url?: unknown };
  const trustRows: TrustRow[] = [];
  const indicators = extra.trust?.indicators;
  if (Array.isArray(indicators)) {
    for (const t of indicators as Record<string, unknown>[]) {
      const id = str(t?.id);
      if (!id) continue;
      trustRows.push({
        indicator: id,
        name: str(t.name) ?? id,
        status: str(t.status) ?? 'not-determinable',
        evidence: Array.isArray(t.evidence) ? t.evidence.length : 0,
        missing: Array.isArray(t.missing) && t.missing.length ? t.missing.map(String).join('; ') : null,
      });
    }
  }
  const meta = extra.meta ?? {};
  const page: PageMeta = {
    title: sourced(meta.headline) ?? sourced(meta.title),
    date: sourced(meta.datePublished) ?? sourced(meta.date),
    publisher: sourced(meta.publisher),
    url: sourced(meta.url) ?? sourced(meta.canonicalUrl) ?? str(extra.url),
  };

  return {
    schemaVersion: str(out.schemaVersion),
    chars: typeof out.text === 'string' ? out.text.length : 0,
    page,
    entities: entityRows,
    quotes: quoteRows,
    findings: findingRows,
    trust: trustRows,
  };
}
