export const USAGE = `trustlens — audit news articles: who said what, according to whom, with evidence spans.

Usage:
  trustlens analyze <file.txt | -> [--format text|json|markdown|sarif|html] [--fail-on info|warning|error]
  trustlens analyze --input-jsonl <file.jsonl | -> 
  trustlens serve [--port N] [--host H]    (the HTTP API and web app; serve --help for more)
  trustlens --help | --version

analyze            Analyse one plain-text article (a path, or - for standard input).
  --format F       text (default: a readable summary), json (the versioned JSON document,
                   schema/analysis.schema.json), markdown, sarif (SARIF 2.1.0, findings as
                   results) or html (one self-contained page with the article highlighted).
  --input-jsonl F  Read one {"id","text"} object per line and write one JSON line per article,
                   {"id", ...analysis}, streaming in constant memory. A line that cannot be read is
                   reported on stderr and as {"id","line","error"} on stdout, and the run goes on.
  --fail-on LEVEL  Exit 1 when a finding at LEVEL or above is reported.

Exit codes: 0 ok; 1 findings at the --fail-on level; 2 bad usage or unreadable input
(with --input-jsonl: at least one line could not be read).
`;
