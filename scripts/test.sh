#!/usr/bin/env bash
# Runs every *.test.ts under test/ with Node's test runner. Node 20 neither globs nor finds .ts
# tests by itself, and exits 0 on zero tests, so the files are listed here and zero is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find test -name '*.test.ts' | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
node --import tsx --test --test-concurrency=2 "${files[@]}" "$@" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
set -e
if grep -Eq '^(# |ℹ )tests 0$' "$out"; then echo "zero tests ran" >&2; exit 1; fi
exit "$rc"
