import { RULES } from '../checks/rules/index.ts';
import type { RuleInfo } from './model.ts';

// Rule metadata from the checks registry, in registry order, as the renderers need it. Node only:
// the web app asks GET /api/rules instead of bundling the rules.

let cached: RuleInfo[] | null = null;

export function ruleInfos(): RuleInfo[] {
  cached ??= [...RULES.values()].map(({ meta }) => ({ id: meta.id, description: meta.description, url: meta.docs, severity: meta.severity }));
  return cached;
}

/** Kept async so callers need not change if the registry becomes lazily loaded. */
export async function loadRules(): Promise<RuleInfo[]> {
  return ruleInfos();
}
