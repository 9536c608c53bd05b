#!/usr/bin/env bash
# Runs every fuzz target of the module for a short time each ($1, default 5s).
set -euo pipefail
t=${1:-5s}
cd "$(dirname "$0")/.."
status=0
for dir in $(go list -f '{{.Dir}}' ./...); do
  pkg=$(go list "$dir")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($t)"
    if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$t" -fuzzminimizetime 20x "$pkg" >/tmp/fuzz.$$.log 2>&1; then
      cat /tmp/fuzz.$$.log
      status=1
    fi
  done
done
rm -f /tmp/fuzz.$$.log
exit $status
