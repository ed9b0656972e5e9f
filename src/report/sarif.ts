import type { Finding } from '../model/types.ts';
import { type RenderOptions, type ReportInput, type RuleInfo, lineColumn, lineStartsOf, sortedFindings } from './model.ts';

// SARIF 2.1.0, so a newsroom CI or GitHub code scanning can take the findings. Every known rule is
// listed in registry order (ruleIndex is then stable across articles); a finding of an unlisted
// rule gets a descriptor appended. Regions carry charOffset/charLength (UTF-16 code units, as the
// run's columnKind says) plus 1-based lines and columns; the artifact embeds the analysed text,
// because that text is what the offsets index.

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function renderSarifObject(out: ReportInput, opts: RenderOptions = {}): Record<string, unknown> {
  const rules: RuleInfo[] = [...(opts.rules ?? [])];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of out.findings) {
    if (!index.has(f.rule)) {
      index.set(f.rule, rules.length);
      rules.push({ id: f.rule, description: f.rule });
    }
  }
  const starts = lineStartsOf(out.text);
  // artifactLocation.uri must be a URI reference: a file name with spaces gets percent-encoded.
  const label = opts.label ?? 'article.txt';
  const uri = /^[a-z][a-z0-9+.-]*:\/\//i.test(label) ? label : encodeURI(label.replace(/\\/g, '/'));
  const region = (start: number, end: number) => {
    const a = lineColumn(out.text, start, starts);
    const b = lineColumn(out.text, end, starts);
    return {
      charOffset: start,
      charLength: end - start,
      startLine: a.line,
      startColumn: a.column,
      endLine: b.line,
      endColumn: b.column,
      ...(end > start ? { snippet: { text: out.text.slice(start, end) } } : {}),
    };
  };
  const location = (start: number, end: number) => ({
    physicalLocation: { artifactLocation: { uri, index: 0 }, region: region(start, end) },
  });
  const results = sortedFindings(out.findings).map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.start, f.end)],
    ...(f.related?.length
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r.start, r.end), message: { text: r.message } })) }
      : {}),
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'trustlens',
            ...(opts.version ? { version: opts.version } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              ...(r.url ? { helpUri: r.url } : {}),
              ...(r.severity ? { defaultConfiguration: { level: LEVEL[r.severity] } } : {}),
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: [{ location: { uri }, length: out.text.length, contents: { text: out.text } }],
        results,
        properties: { schemaVersion: out.schemaVersion, quotes: out.quotes.length },
      },
    ],
  };
}

export function renderSarif(out: ReportInput, opts: RenderOptions = {}): string {
  return JSON.stringify(renderSarifObject(out, opts), null, 2) + '\n';
}
