#!/usr/bin/env bash
# Runs every fuzz target of the module for a short time each ($1, default 5s).
# A target fails the run when the fuzzer finds a failing input. Go's fuzzer
# sometimes ends a short run with "context deadline exceeded" while it is
# still handling a new interesting input, without any failing input: such a
# run is tried again once and, if it ends the same way, reported but not
# counted as a failure.
set -euo pipefail
t=${1:-5s}
cd "$(dirname "$0")/.."
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fuzz() { go test -run '^$' -fuzz "^$2\$" -fuzztime "$t" -fuzzminimizetime 20x "$1" >"$log" 2>&1; }
for dir in $(go list -f '{{.Dir}}' ./...); do
  pkg=$(go list "$dir")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($t)"
    if fuzz "$pkg" "$target"; then continue; fi
    if ! grep -q "Failing input written" "$log" && grep -q "context deadline exceeded" "$log"; then
      echo "  (the fuzzer's deadline ended the run without a failing input; trying once more)"
      if fuzz "$pkg" "$target"; then continue; fi
      if ! grep -q "Failing input written" "$log" && grep -q "context deadline exceeded" "$log"; then
        echo "  (again without a failing input: not counted)"
        continue
      fi
    fi
    cat "$log"
    status=1
  done
done
exit $status
