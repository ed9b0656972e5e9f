import fs from 'node:fs';
import path from 'node:path';
import type { Severity } from '../model/types.ts';
import { RULES } from './rules/index.ts';

// Rule configuration, ESLint-style: `.trustlensrc.json` in the working directory (or a file given
// with --config) holds {"rules": {"<id>": "off" | "info" | "warning" | "error"}}; --rule id=level
// flags override it. Unknown rule ids and levels are errors, so a typo never silently disables nothing.

export type RuleSetting = Severity | 'off';
export interface ChecksConfig {
  rules: Readonly<Record<string, RuleSetting>>;
}

export const CONFIG_FILE = '.trustlensrc.json';
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function checkRule(id: string, setting: unknown, where: string): RuleSetting {
  if (!RULES.has(id)) throw new ConfigError(`${where}: unknown rule "${id}" (see "trustlens rules")`);
  if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) {
    throw new ConfigError(`${where}: rule "${id}" must be one of ${SETTINGS.join(', ')}, not ${JSON.stringify(setting)}`);
  }
  return setting as RuleSetting;
}

/** Validates a parsed configuration object; `where` names its origin in error messages. */
export function parseConfig(obj: unknown, where: string): ChecksConfig {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new ConfigError(`${where}: expected an object like {"rules": {...}}`);
  for (const k of Object.keys(obj)) if (k !== 'rules') throw new ConfigError(`${where}: unknown key "${k}" (only "rules" is read)`);
  const raw = (obj as { rules?: unknown }).rules ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where}: "rules" must be an object of rule id → level`);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(raw)) rules[id] = checkRule(id, v, where);
  return { rules };
}

export function loadConfigFile(file: string): ChecksConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read configuration ${file}: ${(e as Error).message}`);
  }
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseConfig(obj, file);
}

/** `.trustlensrc.json` in `dir` when there is one, else the empty configuration. */
export function loadDefaultConfig(dir: string): ChecksConfig {
  const file = path.join(dir, CONFIG_FILE);
  return fs.existsSync(file) ? loadConfigFile(file) : { rules: {} };
}

/** "figure-conflict=off" → ["figure-conflict", "off"]. */
export function parseRuleFlag(flag: string): [string, RuleSetting] {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw new ConfigError(`--rule expects id=off|info|warning|error, not "${flag}"`);
  const id = flag.slice(0, eq).trim();
  return [id, checkRule(id, flag.slice(eq + 1).trim(), '--rule')];
}

/** Later configurations override earlier ones, rule by rule. */
export function mergeConfigs(...configs: ChecksConfig[]): ChecksConfig {
  return { rules: Object.assign({}, ...configs.map((c) => c.rules)) };
}

/** The severity each rule runs at under a configuration ('off' rules are absent). */
export function effectiveSeverities(config: ChecksConfig): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const [id, rule] of RULES) {
    const s = config.rules[id] ?? rule.meta.severity;
    if (s !== 'off') out.set(id, s);
  }
  return out;
}

// The configuration the default pipeline's checks stage runs with. The CLI sets it once, before
// analysing, so every entry point (one file, JSONL streams) honours the same configuration.
let active: ChecksConfig = { rules: {} };
export function setActiveConfig(config: ChecksConfig): void {
  active = config;
}
export function activeConfig(): ChecksConfig {
  return active;
}

/**
 * The configuration for one command line: `--config FILE` when given, else `.trustlensrc.json`
 * in `cwd` when present; then each `--rule id=level`, in order.
 */
export function configFromCli(configFile: string | undefined, ruleFlags: readonly string[] | undefined, cwd: string): ChecksConfig {
  const base = configFile !== undefined ? loadConfigFile(configFile) : loadDefaultConfig(cwd);
  const flags: Record<string, RuleSetting> = {};
  for (const f of ruleFlags ?? []) {
    const [id, s] = parseRuleFlag(f);
    flags[id] = s;
  }
  return mergeConfigs(base, { rules: flags });
}
