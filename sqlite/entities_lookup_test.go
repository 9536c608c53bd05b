package sqlite_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/storetest"
)

// TestLookupByAnyName checks that a quote filter given any name of an
// entity (canonical, alias, other case, a surname, diacritics) returns the
// quotes its canonical name returns, and that a name fitting several
// entities fails listing them with ids and mention counts.
func TestLookupByAnyName(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	storetest.LoadCorpus(t, db)
	ids := func(qs []claimgraph.QuoteView) string {
		var b strings.Builder
		for _, q := range qs {
			fmt.Fprintf(&b, "%d ", q.ID)
		}
		return b.String()
	}
	want, err := db.Quotes(ctx, claimgraph.QuoteFilter{Speaker: "Jane Roe"})
	if err != nil || len(want) == 0 {
		t.Fatalf("Quotes(Jane Roe) = %v, %v", want, err)
	}
	for _, name := range []string{"Roe", "jane roe", "JANE ROE", "Jáne Roë", "Jane-Roe"} {
		got, err := db.Quotes(ctx, claimgraph.QuoteFilter{Speaker: name})
		if err != nil || ids(got) != ids(want) {
			t.Errorf("Quotes(speaker %q) = %s, %v; want %s as for Jane Roe", name, ids(got), err, ids(want))
		}
	}
	for _, name := range []string{"acme", "Acme Corp"} {
		if _, err := db.Entity(ctx, name); err != nil {
			t.Errorf("Entity(%q): %v", name, err)
		}
	}
	_, err = db.Quotes(ctx, claimgraph.QuoteFilter{Speaker: "Doe"})
	if claimgraph.ErrorCode(err) != claimgraph.ECONFLICT {
		t.Fatalf("Quotes(speaker Doe) error = %v, want a conflict listing Mary and John Doe", err)
	}
	for _, s := range []string{fmt.Sprint(storetest.EntMary), fmt.Sprint(storetest.EntJohn), "Mary Doe", "John Doe", "mentions"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("ambiguous error %q lacks %q", err, s)
		}
	}
	if _, err := db.Quotes(ctx, claimgraph.QuoteFilter{Speaker: "Nobody Atall"}); claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND {
		t.Errorf("unknown speaker error = %v, want not found", err)
	}
}
