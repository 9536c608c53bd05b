package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/claimgraph/claimgraph/storetest"
)

// TestSeedsSameOnBothStores ingests the seed articles (or, without
// ../shared, the articles written for this repository) into a SQLite file
// and a PostgreSQL database and compares the JSON listings of documents,
// entities with their aliases, quotes, claims, timeline and reuse: the
// stores answer the same.
func TestSeedsSameOnBothStores(t *testing.T) {
	pg := storetest.PostgresURL(t)
	seeds := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Logf("no %s; comparing on testdata/articles", seeds)
		seeds = filepath.Join("..", "..", "testdata", "articles")
	}
	lite := filepath.Join(t.TempDir(), "seeds.db")
	for _, db := range []string{lite, pg} {
		if _, stderr, err := run(t, "", "ingest", "-q", "--db", db, seeds); err != nil {
			t.Fatalf("ingest --db %s: %v %s", db, err, stderr)
		}
	}
	// The time of ingest is the one field that differs.
	ingestedAt := regexp.MustCompile(`"ingested_at": "[^"]*"`)
	for _, cmd := range [][]string{{"docs"}, {"entities"}, {"quotes"}, {"claims"}, {"timeline"}, {"reuse"}} {
		var outs [2]string
		for i, db := range []string{lite, pg} {
			out, stderr, err := run(t, "", append(append([]string{}, cmd...), "--json", "--db", db)...)
			if err != nil {
				t.Fatalf("%s --db %s: %v %s", cmd[0], db, err, stderr)
			}
			outs[i] = ingestedAt.ReplaceAllString(out, `"ingested_at": ""`)
		}
		if outs[0] != outs[1] {
			t.Errorf("%s listings differ between SQLite and PostgreSQL:\n%s", cmd[0], firstLineDiff(outs[1], outs[0]))
		}
		if len(outs[0]) < 10 {
			t.Errorf("%s listing is empty: %q", cmd[0], outs[0])
		}
	}
}
