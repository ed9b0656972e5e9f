export const USAGE = `trustlens — audit news articles: who said what, according to whom, with evidence spans.

Usage:
  trustlens analyze <file.txt | page.html | -> [--format text|json|markdown|sarif|html] [--fail-on info|warning|error]
  trustlens analyze --url <https://...> [--format ...]
  trustlens analyze --input-jsonl <file.jsonl | -> 
  trustlens rules [--config F] [--rule id=level]...   (list the checks and their severity)
  trustlens serve [--port N] [--host H]    (the HTTP API and web app; serve --help for more)
  trustlens corpus run|stats|export|search ...   (many articles into SQLite; see below)
  trustlens --help | --version

analyze            Analyse one article: a plain-text file, or a web page (.html/.htm, or any file
                   starting like HTML), a path or - for standard input. For a page, the article
                   body is extracted and becomes the analysed text; the output adds "meta"
                   (headline, authors, dates, ... each with its source) and "trust" (The Trust
                   Project's eight indicators).
  --url URL        Fetch a page over http(s) and analyse it (15 s timeout, 10 MB cap;
                   private, loopback and link-local addresses are refused).
  --format F       text (default: a readable summary), json (the versioned JSON document,
                   schema/analysis.schema.json), markdown, sarif (SARIF 2.1.0, findings as
                   results) or html (one self-contained page with the article highlighted).
  --input-jsonl F  Read one {"id","text"} (or {"id","html","url"?}) object per line and write one JSON line per article,
                   {"id", ...analysis}, streaming in constant memory. A line that cannot be read is
                   reported on stderr and as {"id","line","error"} on stdout, and the run goes on.
  --fail-on LEVEL  Exit 1 when a finding at LEVEL or above is reported.
  --config F       Rule configuration, {"rules": {"<id>": "off|info|warning|error"}}; by default
                   .trustlensrc.json in the working directory, when there is one.
  --rule ID=LEVEL  Switch one rule off or set its severity (repeatable; overrides the config).
                   "trustlens rules" lists the rules; docs/rules/<id>.md describes each.

corpus run <folder | file.jsonl>... [--db corpus.sqlite] [--workers N]
                   Analyse a corpus into an SQLite store: folders of .txt/.html files (id = path
                   inside the folder) and JSONL files of {"id","text"|"html",...metadata}. Worker
                   threads analyse (default one per core), commits go in batches; rerunning skips
                   stored articles whose content is unchanged and reanalyses changed ones, so a
                   killed or Ctrl-C'd run is resumed by running it again. Bad articles are stored
                   with their error. --max-bytes N (text, default 2000000), --max-html-bytes N,
                   --retry-errors, --force, --format json (summary on stdout), --quiet.
corpus stats [--db F] [--format text|json]
                   Articles, quotes per article, direct/indirect shares, top speakers, sources by
                   gender and type, channels and outlets, findings per rule, Trust Indicator
                   coverage, per publisher and per month.
corpus export --table articles|quotes|entities|findings|trust [--format csv|jsonl] [-o F]
corpus search "<words>" [--limit N] [--format text|json]
                   Full-text search (SQLite FTS5) over the stored quote texts. See docs/corpus.md.

Exit codes: 0 ok; 1 findings at the --fail-on level; 2 bad usage or unreadable input
(with --input-jsonl: at least one line could not be read); corpus run: 130 when interrupted.
`;
