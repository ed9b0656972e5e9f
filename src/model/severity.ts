import type { Finding, Severity } from './types.ts';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether any finding is at `level` or above (what `--fail-on` asks). */
export function hasFindingAtOrAbove(findings: readonly Pick<Finding, 'severity'>[], level: Severity): boolean {
  return findings.some((f) => RANK[f.severity] >= RANK[level]);
}
