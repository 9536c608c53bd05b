#!/usr/bin/env bash
# The export readers (issue 21): reads every export format back with a real
# reader — GraphML and GEXF with NetworkX (Debian python3-networkx), CSV with
# a strict parser, FollowTheMoney against the FtM model (npm
# @alephdata/followthemoney), JSON-LD expanded to RDF (npm jsonld) — on the
# repository's articles, the shared seeds, and a 1,000-document corpus mixed
# from the shared treebanks by scripts/benchcorpus, and checks node, edge and
# row counts against the store's listings (cmd/claimgraph TestExportReaders).
# Installs what is missing; CLAIMGRAPH_EXPORT_READERS=1 makes a missing
# reader a failure rather than a skip. Run as root on a fresh Debian machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
export GOFLAGS=${GOFLAGS:--buildvcs=false}

need=()
python3 -c 'import networkx' 2>/dev/null || need+=(python3-networkx)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
# A python3 other than Debian's (pyenv) may lack the Debian package.
python3 -c 'import networkx' 2>/dev/null || PATH=/usr/bin:$PATH
python3 -c 'import networkx; print("networkx", networkx.__version__)'
node --version

(cd export/testdata/readers && npm ci --no-audit --no-fund)

corpus=""
data=../shared/data
if ls "$data"/ud-english-ewt/*.conllu >/dev/null 2>&1; then
  corpus=$(mktemp -d)/corpus-1k.jsonl
  go run ./scripts/benchcorpus -n 1000 -seed 1 "$data"/ud-english-ewt/*.conllu "$data"/gum/dep/*.conllu > "$corpus"
else
  echo "export-readers: $data absent: no 1k-document corpus, the articles and seeds only"
fi

CLAIMGRAPH_EXPORT_READERS=1 CLAIMGRAPH_EXPORT_CORPUS="$corpus" \
  go test -count=1 -run 'TestExportReaders|TestExportGolden' -v ./cmd/claimgraph/ 2>&1 | grep -v '^=== RUN'
