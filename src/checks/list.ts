import { parseArgs } from 'node:util';
import { configFromCli, effectiveSeverities } from './config.ts';
import { RULES } from './rules/index.ts';

/** `trustlens rules [--config F] [--rule id=level]...`: id, severity in effect, description. */
export function rulesCommand(args: string[], cwd = process.cwd()): string {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string' }, rule: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  });
  const on = effectiveSeverities(configFromCli(values.config, values.rule, cwd));
  const rows = [...RULES.values()].map(({ meta }) => ({
    id: meta.id,
    severity: on.get(meta.id) ?? 'off',
    default: meta.severity,
    category: meta.category,
    description: meta.description,
    docs: meta.docs,
  }));
  if (values.json) return JSON.stringify(rows, null, 2) + '\n';
  const w = Math.max(...rows.map((r) => r.id.length));
  return rows.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n') + '\n';
}
