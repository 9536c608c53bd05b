#!/usr/bin/env bash
# The browser test of the web UI (httpapi TestBrowser): installs Debian's
# Chromium, Node.js and npm when missing, installs playwright-core from
# httpapi/e2e/package-lock.json (no browser download: Debian's chromium is
# used), then builds claimgraph, ingests ../shared/seeds and script-payload
# articles, serves them and drives Chromium through the pages.
# Run as root on a fresh Debian machine; CLAIMGRAPH_E2E=1 makes a missing
# browser a failure rather than a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
export GOFLAGS=${GOFLAGS:--buildvcs=false}
export CLAIMGRAPH_E2E=${CLAIMGRAPH_E2E:-1}

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
/usr/bin/chromium --version
node --version

(cd httpapi/e2e && npm ci --no-audit --no-fund)

go test -count=1 -run 'TestBrowser' -v ./httpapi/
