import type { Doc } from '../model/doc.ts';
import type { Finding, Severity } from '../model/types.ts';

/**
 * consistency: the article contradicts itself; sourcing: how claims are attributed; transparency:
 * what the page discloses; input: whether the text is one trustlens can read reliably.
 */
export type RuleCategory = 'consistency' | 'sourcing' | 'transparency' | 'input';

export interface RuleMeta {
  id: string;
  /** One line, shown by `trustlens rules`. */
  description: string;
  category: RuleCategory;
  /** Severity when no configuration overrides it. */
  severity: Severity;
  /** Path of the rule's page, relative to the repository root. */
  docs: string;
}

/** What a rule reports; the checks stage stamps the rule id and the configured severity. */
export type Report = Omit<Finding, 'rule' | 'severity'>;

export interface Rule {
  meta: RuleMeta;
  /**
   * Reads the analysed document and returns its findings. Rules must tolerate absent or empty
   * layers (`meta`, `trust`, or a stage that found nothing): they then report nothing they
   * cannot back with evidence.
   */
  check(doc: Doc): Report[];
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
