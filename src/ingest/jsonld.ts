// A tolerant JSON-LD reader. Real pages (The Trust Project's own examples among them) carry
// `//` and `/* */` comments, trailing commas, single-quoted strings, raw newlines inside strings,
// duplicate keys and HTML comment wrappers. Strict JSON.parse is tried first (fast path); on
// failure a small recursive-descent parser reads what it can, so one bad value never loses the
// rest of the page's data. Objects are then flattened (@graph, arrays, nested objects) into nodes
// with a path, for evidence.
import type { JsonLdNode } from '../model/types.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class Loose {
  i = 0;
  errors = 0;
  constructor(readonly s: string) {}

  ws(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff || c === 0xa0) this.i++;
      else if (c === 47 && s[this.i + 1] === '/') {
        const nl = s.indexOf('\n', this.i);
        this.i = nl < 0 ? s.length : nl + 1;
      } else if (c === 47 && s[this.i + 1] === '*') {
        const e = s.indexOf('*/', this.i + 2);
        this.i = e < 0 ? s.length : e + 2;
      } else if (s.startsWith('<!--', this.i)) this.i += 4;
      else if (s.startsWith('-->', this.i)) this.i += 3;
      else if (s.startsWith('<![CDATA[', this.i)) this.i += 9;
      else if (s.startsWith(']]>', this.i)) this.i += 3;
      else return;
    }
  }

  value(depth: number): Json | undefined {
    this.ws();
    if (depth > 200) throw new Error('nested too deeply');
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.string(c);
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[A-Za-z_$][\w$]*)/.exec(this.s.slice(this.i, this.i + 64));
    if (!m) return undefined;
    this.i += m[0].length;
    const w = m[0];
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    const n = Number(w);
    return Number.isNaN(n) ? w : n;
  }

  string(q: string): string {
    const s = this.s;
    let out = '';
    let i = this.i + 1;
    while (i < s.length) {
      const c = s[i];
      if (c === q) { this.i = i + 1; return out; }
      if (c === '\\') {
        const e = s[i + 1];
        if (e === 'u') {
          const hex = s.slice(i + 2, i + 6);
          out += /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : 'u';
          i += /^[0-9a-fA-F]{4}$/.test(hex) ? 6 : 2;
          continue;
        }
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e ?? '';
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    this.i = s.length;
    this.errors++;
    return out;
  }

  object(depth: number): { [k: string]: Json } {
    const obj: { [k: string]: Json } = {};
    this.i++;
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === undefined) { this.errors++; return obj; }
      if (c === '}') { this.i++; return obj; }
      if (c === ',') { this.i++; continue; }
      let key: string;
      if (c === '"' || c === "'") key = this.string(c);
      else {
        const m = /^[@\w$:.-]+/.exec(this.s.slice(this.i, this.i + 200));
        if (!m) { this.errors++; this.skipTo(',}'); continue; }
        key = m[0];
        this.i += key.length;
      }
      this.ws();
      if (this.s[this.i] !== ':') { this.errors++; this.skipTo(',}'); continue; }
      this.i++;
      const v = this.value(depth + 1);
      if (v === undefined) { this.errors++; this.skipTo(',}'); continue; }
      // Duplicate keys: keep the first non-empty value rather than letting an empty one erase it.
      if (!(key in obj) || isEmpty(obj[key])) obj[key] = v;
    }
  }

  array(depth: number): Json[] {
    const arr: Json[] = [];
    this.i++;
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === undefined) { this.errors++; return arr; }
      if (c === ']') { this.i++; return arr; }
      if (c === ',') { this.i++; continue; }
      const v = this.value(depth + 1);
      if (v === undefined) { this.errors++; this.skipTo(',]'); continue; }
      arr.push(v);
    }
  }

  /** Skips to the next delimiter at this nesting level (or past an unreadable token). */
  skipTo(stops: string): void {
    let depth = 0;
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"' || c === "'") { this.string(c); continue; }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && stops.includes(c)) return;
      this.i++;
    }
  }
}

function isEmpty(v: Json | undefined): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Parses one `<script type="application/ld+json">` body; returns the values read and whether repairs were needed. */
export function parseJsonLd(src: string): { values: Json[]; repaired: boolean } {
  const t = src.trim();
  if (!t) return { values: [], repaired: false };
  try {
    return { values: [JSON.parse(t) as Json], repaired: false };
  } catch {
    // fall through to the tolerant reader
  }
  const p = new Loose(t);
  const values: Json[] = [];
  // Several top-level values in one script (`{...}{...}` or `{...},{...}`) occur too.
  while (p.i < t.length) {
    p.ws();
    if (p.i >= t.length) break;
    const before = p.i;
    let v: Json | undefined;
    try {
      v = p.value(0);
    } catch {
      break;
    }
    if (v !== undefined && v !== null && typeof v === 'object') values.push(v);
    if (p.i === before) p.i++;
    p.ws();
    if (t[p.i] === ',' || t[p.i] === ';') p.i++;
  }
  return { values, repaired: true };
}

/** The schema.org short name of a type ("http://schema.org/NewsArticle", "schema:NewsArticle" → "NewsArticle"). */
export function shortType(t: string): string {
  const s = t.trim();
  const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'), s.lastIndexOf('#'));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

export function typesOf(v: Record<string, unknown>): string[] {
  const t = v['@type'] ?? v.type;
  // Nested lists ([["NewsArticle"], "AnalysisNewsArticle"]) occur; flatten them.
  const list = Array.isArray(t) ? (t as unknown[]).flat(3) : t === undefined ? [] : [t];
  const out: string[] = [];
  for (const x of list) if (typeof x === 'string' && x.trim()) out.push(shortType(x));
  return out;
}

/**
 * Every object with an @type, at any depth (@graph members, array items, nested values such as
 * `author` or `publisher`), with its path. Nested ones are kept so that a Person given only as an
 * article's author can still be found; the article itself is the caller's choice.
 */
export function flattenJsonLd(values: unknown[], base: string, out: JsonLdNode[] = []): JsonLdNode[] {
  const visit = (v: unknown, path: string, depth: number): void => {
    if (depth > 12 || out.length > 2000) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`, depth + 1));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const types = typesOf(o);
    if (types.length) out.push({ path, types, value: o });
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (x !== null && typeof x === 'object') visit(x, path ? `${path}.${k}` : k, depth + 1);
    }
  };
  if (values.length === 1) visit(values[0], base, 0);
  else values.forEach((v, i) => visit(v, `${base}[${i}]`, 0));
  return out;
}
