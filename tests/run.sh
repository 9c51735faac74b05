#!/usr/bin/env bash
# Builds and runs every test (rules, HTTP, browser) and ends with one line: "N passed, N failed".
# Browser tests need Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH) and fonts-noto-cjk.
set -uo pipefail
cd "$(dirname "$0")/.."
# axe-core (npm) for the accessibility check of every page, fetched once into tests/.axe.
axe=tests/.axe/node_modules/axe-core/axe.min.js
if [ ! -f "$axe" ] && command -v npm >/dev/null; then
  npm install --prefix tests/.axe --no-save --no-audit --no-fund axe-core@4.14.1 >/dev/null 2>&1 || echo "axe-core could not be installed; the accessibility test will say so"
fi
results=$(mktemp -d)
dotnet test GzBioPlan.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?
trx="$results/results.trx"
if [ -f "$trx" ]; then
  passed=$(grep -o '<Counters [^>]*' "$trx" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*')
  failed=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
else
  # The build failed or the run never started: count it as one failure.
  passed=0
  failed=1
fi
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
