# claimgraph: one binary, one embedded store.
GO      ?= go
BIN     ?= bin/claimgraph
DB      ?= claimgraph.db
SEEDS   ?= $(if $(wildcard ../shared/seeds),../shared/seeds,testdata/articles)

.PHONY: build run test fuzz bench screenshots clean

build:
	$(GO) build -o $(BIN) ./cmd/claimgraph

# The main job on the embedded default: ingest the seed articles into a
# SQLite store and list what was found.
run: build
	$(BIN) ingest --db $(DB) $(SEEDS)
	$(BIN) docs --db $(DB)
	-$(BIN) entities --db $(DB) --top 20

# The test suite: vet, then every test with the race detector. The store
# tests run on PostgreSQL too when CLAIMGRAPH_TEST_PG names a server
# (postgres://user@host:port/db; .ci/run starts one).
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 30m ./...

# Run every fuzz target briefly (FUZZTIME each).
FUZZTIME ?= 5s
fuzz:
	./scripts/fuzz-all.sh $(FUZZTIME)

bench: build
	$(BIN) bench $(SEEDS)
	$(GO) test -run '^$$' -bench . -benchmem ./...

screenshots: build
	$(BIN) screenshots --out screenshots

clean:
	rm -rf bin screenshots
