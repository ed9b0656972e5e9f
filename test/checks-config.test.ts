import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../src/checks/rules/index.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, effectiveSeverities, parseConfig, parseRuleFlag, configFromCli } from '../src/checks/config.ts';
import { runChecks } from '../src/checks/stage.ts';
import { analyzeDoc } from '../src/engine.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'trustlens.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trustlens-checks-'));
const ARTICLE = 'Vote on budget\n\nThe council will vote on Thursday, March 14, 2025, the mayor said.\n';

function cli(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('rule flags and config files are validated', () => {
  assert.deepEqual(parseRuleFlag('figure-conflict=off'), ['figure-conflict', 'off']);
  assert.throws(() => parseRuleFlag('figure-conflict'), ConfigError);
  assert.throws(() => parseRuleFlag('no-such-rule=off'), /unknown rule "no-such-rule"/);
  assert.throws(() => parseRuleFlag('figure-conflict=loud'), /must be one of/);
  assert.throws(() => parseConfig({ rulez: {} }, 'x.json'), /unknown key "rulez"/);
  assert.throws(() => parseConfig({ rules: { 'missing-date': 1 } }, 'x.json'), /must be one of/);
  assert.deepEqual(parseConfig({ rules: { 'missing-date': 'off' } }, 'x.json'), { rules: { 'missing-date': 'off' } });
});

test('severities: defaults, overridden per rule, and off rules do not run', () => {
  const sev = effectiveSeverities({ rules: { 'missing-date': 'off', 'single-source': 'error' } });
  assert.equal(sev.get('figure-conflict'), 'warning');
  assert.equal(sev.get('single-source'), 'error');
  assert.equal(sev.has('missing-date'), false);
  const doc = analyzeDoc(ARTICLE);
  const all = runChecks(doc, { rules: {} });
  assert.ok(all.some((f) => f.rule === 'missing-date' && f.severity === 'warning'));
  const tuned = runChecks(doc, { rules: { 'missing-date': 'off', 'weekday-date-conflict': 'error' } });
  assert.ok(!tuned.some((f) => f.rule === 'missing-date'));
  assert.equal(tuned.find((f) => f.rule === 'weekday-date-conflict')?.severity, 'error');
});

test('configFromCli: --config replaces .trustlensrc.json, --rule overrides both', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cwd-'));
  fs.writeFileSync(path.join(dir, '.trustlensrc.json'), JSON.stringify({ rules: { 'missing-date': 'off', 'missing-byline': 'info' } }));
  assert.deepEqual(configFromCli(undefined, undefined, dir).rules, { 'missing-date': 'off', 'missing-byline': 'info' });
  const other = path.join(dir, 'other.json');
  fs.writeFileSync(other, JSON.stringify({ rules: { 'figure-conflict': 'error' } }));
  assert.deepEqual(configFromCli(other, ['figure-conflict=off'], dir).rules, { 'figure-conflict': 'off' });
});

test('trustlens rules lists every rule with its severity and description', () => {
  const r = cli(['rules', '--rule', 'missing-date=off']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, RULES.size);
  assert.match(r.out, /^figure-conflict\s+warning\s+Two different figures/m);
  assert.match(r.out, /^missing-date\s+off\s+/m);
});

test('analyze honours .trustlensrc.json in the working directory and --rule', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'cfg-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, ARTICLE);
  const plain = JSON.parse(cli(['analyze', file, '--format', 'json'], dir).out);
  assert.ok(plain.findings.some((f: { rule: string }) => f.rule === 'weekday-date-conflict'));
  fs.writeFileSync(path.join(dir, '.trustlensrc.json'), JSON.stringify({ rules: { 'weekday-date-conflict': 'off' } }));
  const off = JSON.parse(cli(['analyze', file, '--format', 'json'], dir).out);
  assert.ok(!off.findings.some((f: { rule: string }) => f.rule === 'weekday-date-conflict'));
  const back = JSON.parse(cli(['analyze', file, '--format', 'json', '--rule', 'weekday-date-conflict=error'], dir).out);
  assert.equal(back.findings.find((f: { rule: string }) => f.rule === 'weekday-date-conflict').severity, 'error');
  const bad = cli(['analyze', file, '--rule', 'nope=off'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown rule "nope"/);
  fs.writeFileSync(path.join(dir, 'broken.json'), '{');
  const broken = cli(['analyze', file, '--config', path.join(dir, 'broken.json')], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /not valid JSON/);
});
