package postgres_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/storetest"
)

// TestLayerSwapKeepsSchema rebuilds the entity layer twice and checks that
// the swapped-in tables carry the live tables' index names, foreign keys
// and sequences, and that no shadow is left.
func TestLayerSwapKeepsSchema(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	storetest.LoadCorpus(t, db)
	schema := func() []string {
		rows, err := db.SQL().QueryContext(ctx, `SELECT 'index ' || indexname || ' on ' || tablename FROM pg_indexes WHERE schemaname = current_schema()
			UNION ALL SELECT 'constraint ' || conname || ' on ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid)
				FROM pg_constraint WHERE connamespace = to_regnamespace(current_schema()) AND contype IN ('f', 'p', 'u')
			UNION ALL SELECT 'sequence ' || COALESCE(pg_get_serial_sequence('entity_aliases', 'rowid'), 'none')
			UNION ALL SELECT 'table ' || relname FROM pg_class WHERE relkind = 'r' AND relnamespace = to_regnamespace(current_schema())
			ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	before := schema()
	ms, err := db.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for round, id := range []int64{10, 20} {
		me := map[int64]int64{}
		for _, m := range ms {
			me[m.ID] = id
		}
		es := []claimgraph.Entity{{ID: id, Name: "Everyone", Type: "ORG", Aliases: []claimgraph.Alias{{Name: "All", Source: claimgraph.AliasUser}}}}
		if err := db.ReplaceEntities(ctx, es, me); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if after := schema(); !reflect.DeepEqual(after, before) {
			t.Errorf("round %d: schema after the swap differs:\n%v\nwant\n%v", round, after, before)
		}
		d, err := db.Entity(ctx, "Everyone")
		if err != nil || d.Entity.ID != id || d.Entity.Mentions != len(ms) {
			t.Errorf("round %d: entity = %+v, %v; want %d with all %d mentions", round, d, err, id, len(ms))
		}
	}
	// The foreign keys work after the swap: removing the entity removes
	// its aliases.
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM entities`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM entity_aliases`).Scan(&n); err != nil || n != 0 {
		t.Errorf("aliases after their entity was deleted = %d, %v; want 0 (ON DELETE CASCADE)", n, err)
	}
}
