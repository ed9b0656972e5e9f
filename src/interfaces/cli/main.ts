import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze, SCHEMA_VERSION } from '../../engine.ts';
import { decodeText, InputError } from '../../ingest/text-input.ts';
import { analyzeHtml, analyzeUrl, looksLikeHtml } from '../../ingest/index.ts';
import type { AnalysisOutput, Severity } from '../../model/types.ts';
import { hasFindingAtOrAbove, SEVERITIES } from '../../model/severity.ts';
import { FORMAT_NAMES, isFormat, render } from '../../report/formats.ts';
import { loadRules } from '../../report/rule-registry.ts';
import { openInput, runJsonl } from './jsonl.ts';
import { USAGE } from './usage.ts';
import { ConfigError, configFromCli, setActiveConfig } from '../../checks/config.ts';
import { rulesCommand } from '../../checks/list.ts';

class UsageError extends Error {}

function readAll(path: string): Uint8Array {
  if (path === '-') return fs.readFileSync(0);
  const st = fs.statSync(path, { throwIfNoEntry: false });
  if (!st) throw new InputError(`${path}: no such file`);
  if (st.isDirectory()) throw new InputError(`${path} is a directory, not an article file`);
  return fs.readFileSync(path);
}

async function analyzeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'input-jsonl': { type: 'string' },
      url: { type: 'string' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      rule: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  setActiveConfig(configFromCli(values.config, values.rule, process.cwd()));
  const failOn = values['fail-on'] ?? null;
  if (failOn !== null && !SEVERITIES.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  }
  const format = values.format;
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);
  if (format !== 'text' && format !== 'json' && values['input-jsonl'] !== undefined) throw new UsageError('--input-jsonl writes JSON lines; --format does not apply');

  if (values['input-jsonl'] !== undefined) {
    if (positionals.length) throw new UsageError('give either a file or --input-jsonl, not both');
    if (values.url !== undefined) throw new UsageError('give either --url or --input-jsonl, not both');
    const sum = await runJsonl(openInput(values['input-jsonl']), process.stdout, process.stderr, failOn as Severity | null);
    if (sum.failed) process.stderr.write(`trustlens: ${sum.failed} of ${sum.lines} lines could not be read\n`);
    if (sum.failed) return 2;
    return sum.failing ? 1 : 0;
  }

  let out: AnalysisOutput;
  let label: string;
  if (values.url !== undefined) {
    if (positionals.length) throw new UsageError('give either a file or --url, not both');
    label = values.url;
    out = await analyzeUrl(values.url);
  } else {
    if (positionals.length !== 1) throw new UsageError('analyze takes exactly one file (or - for standard input)');
    const path = positionals[0];
    label = path === '-' ? 'standard input' : path;
    const bytes = readAll(path);
    // Web pages by extension, or by their first bytes (a doctype or an <html> tag).
    if (/\.x?html?$/i.test(path) || looksLikeHtml(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'))) {
      out = analyzeHtml(bytes, { id: path === '-' ? null : path, what: label });
    } else {
      const text = decodeText(bytes, label);
      if (text.trim() === '') throw new InputError(`${label} is empty: there is no text to analyse`);
      out = analyze(text, path === '-' ? null : path);
    }
  }
  const rules = format === 'sarif' || format === 'html' || format === 'markdown' ? await loadRules() : [];
  process.stdout.write(render(format, out, { label, rules }));
  if (failOn && hasFindingAtOrAbove(out.findings, failOn as Severity)) return 1;
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`trustlens (output schema ${SCHEMA_VERSION})\n`);
      return 0;
    }
    if (command === 'analyze') return await analyzeCommand(rest);
    if (command === 'rules') {
      process.stdout.write(rulesCommand(rest));
      return 0;
    }
    // Loaded on demand: SQLite and worker threads cost nothing to the other commands.
    if (command === 'corpus') return await (await import('../../corpus/cli.ts')).corpusCommand(rest);
    // Loaded only when asked for, so analyze does not pay for the server's modules.
    if (command === 'serve') return await (await import('../../server/cli.ts')).serveCommand(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`trustlens: ${(e as Error).message}\nRun "trustlens --help" for usage.\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof ConfigError) {
      process.stderr.write(`trustlens: ${e.message}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT') {
      process.stderr.write(`trustlens: cannot read input: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

// Output piped into `head` closes early; that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
