import type { Doc } from '../model/doc.ts';
import type { Finding } from '../model/types.ts';
import { defineStage } from '../pipeline/stage.ts';
import { activeConfig, effectiveSeverities, type ChecksConfig } from './config.ts';
import { RULES } from './rules/index.ts';

/** Findings in reading order: by start, then end, then rule id (stable across runs). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Runs the enabled rules over an analysed document. */
export function runChecks(doc: Doc, config: ChecksConfig = activeConfig()): Finding[] {
  const findings: Finding[] = [];
  for (const [id, severity] of effectiveSeverities(config)) {
    const rule = RULES.get(id)!;
    let reports;
    try {
      reports = rule.check(doc);
    } catch (e) {
      throw new Error(`rule "${id}" failed: ${(e as Error).message}`, { cause: e });
    }
    for (const r of reports) {
      const f: Finding = { rule: id, severity, message: r.message, start: r.start, end: r.end };
      if (r.related?.length) f.related = r.related;
      findings.push(f);
    }
  }
  return findings.sort(compareFindings);
}

/** A checks stage bound to one configuration (for embedding trustlens with its own settings). */
export function createChecksStage(config?: ChecksConfig) {
  return defineStage({
    name: 'checks',
    // `meta` and `trust` (web pages) are read when an earlier stage assigned them; plain text has neither.
    requires: ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'quotes', 'figures'],
    assigns: ['findings'],
    run(doc) {
      return { findings: runChecks(doc, config ?? activeConfig()) };
    },
  });
}

/** The default pipeline's stage: runs with the active configuration (see setActiveConfig). */
export const checksStage = createChecksStage();
