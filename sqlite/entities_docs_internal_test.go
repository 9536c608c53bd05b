package sqlite

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/storetest"
)

// TestEntityDocsMatchesJoin checks entityDocs against the join it replaced
// (mention_entities, mentions, documents, grouped by entity and document),
// run over the live layer of the query corpus (documents with and without
// an outlet, entities in several documents), and that a mention the store
// does not hold counts for no document.
func TestEntityDocsMatchesJoin(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	storetest.LoadCorpus(t, db)

	rows, err := db.db.QueryContext(ctx, `SELECT me.entity, d.id, COUNT(*), CASE WHEN d.outlet <> '' THEN 'outlet:' || d.outlet ELSE 'document:' || d.id END
		FROM mention_entities me JOIN mentions m ON m.id = me.mention JOIN documents d ON d.id = m.doc
		GROUP BY me.entity, d.id ORDER BY me.entity, d.id`)
	if err != nil {
		t.Fatal(err)
	}
	var want []entityDocRow
	outlets := map[bool]bool{} // whether a source is an outlet
	for rows.Next() {
		var r entityDocRow
		if err := rows.Scan(&r.entity, &r.doc, &r.mentions, &r.source); err != nil {
			t.Fatal(err)
		}
		want = append(want, r)
		outlets[strings.HasPrefix(r.source, "outlet:")] = true
	}
	rows.Close()
	if len(want) < 5 || !outlets[true] || !outlets[false] {
		t.Fatalf("the corpus gives %d rows (outlet sources present: %v): too few to compare", len(want), outlets)
	}

	me := map[int64]int64{}
	rows, err = db.db.QueryContext(ctx, `SELECT mention, entity FROM mention_entities`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var m, e int64
		if err := rows.Scan(&m, &e); err != nil {
			t.Fatal(err)
		}
		me[m] = e
	}
	rows.Close()
	me[1<<40] = want[0].entity // no such mention

	got, err := entityDocs(ctx, db.db, me)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entityDocs:\n got %v\nwant %v", got, want)
	}
}
