package sqlite

import (
	"context"
	"database/sql"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/storetest"
)

// layerSchema lists the layer's tables and how many indexes each has.
func layerSchema(t *testing.T, db *DB) map[string]int {
	t.Helper()
	rows, err := db.db.QueryContext(context.Background(), `SELECT tbl_name, COUNT(*) FROM sqlite_master
		WHERE type IN ('table', 'index') AND sql IS NOT NULL AND tbl_name NOT LIKE '%\_data' ESCAPE '\' AND tbl_name NOT LIKE '%\_idx' ESCAPE '\'
		AND tbl_name NOT LIKE '%\_content' ESCAPE '\' AND tbl_name NOT LIKE '%\_docsize' ESCAPE '\' AND tbl_name NOT LIKE '%\_config' ESCAPE '\'
		GROUP BY tbl_name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		if slices.Contains(layerTables, name) || slices.Contains(layerTables, name[:max(0, len(name)-len(shadowSuffix))]) {
			out[name] = n
		}
	}
	return out
}

// TestLayerBuiltAside rebuilds the entity layer while checking, between
// the build's transactions, that another writer gets the write lock at
// once (no busy wait) and that readers still see the old layer; then that
// the new layer replaced it whole, with the same tables and indexes.
func TestLayerBuiltAside(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "layer.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.LoadCorpus(t, db)
	schema := layerSchema(t, db)
	if len(schema) != len(layerTables) {
		t.Fatalf("layer tables = %v, want %d", schema, len(layerTables))
	}
	// Another process: no busy timeout, so a held lock fails at once.
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	count := func(q *sql.DB) int {
		var n int
		if err := q.QueryRow(`SELECT COUNT(*) FROM entities`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	old := count(other)
	ms, err := db.AllMentions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for round, ids := range [][]int64{{10}, {20, 21}, {30}} {
		steps := 0
		db.layerHook = func(step string) {
			steps++
			if n := count(other); n != old {
				t.Errorf("round %d, after %s: readers see %d entities, want the live layer's %d until the swap", round, step, n, old)
			}
			if _, err := other.Exec(`INSERT INTO state (key, value) VALUES ('probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, step); err != nil {
				t.Errorf("round %d, after %s: another writer: %v", round, step, err)
			}
		}
		var es []claimgraph.Entity
		for _, id := range ids {
			es = append(es, claimgraph.Entity{ID: id, Name: "E" + string(rune('A'+id%26)), Type: "ORG"})
		}
		me := map[int64]int64{}
		for i, m := range ms {
			me[m.ID] = ids[i%len(ids)]
		}
		if err := db.ReplaceEntities(ctx, es, me); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		db.layerHook = nil
		if steps < 4 {
			t.Errorf("round %d: %d build transactions, want the build in several", round, steps)
		}
		if n := count(other); n != len(ids) {
			t.Errorf("round %d: %d entities after the swap, want %d", round, n, len(ids))
		}
		old = len(ids)
		// Same tables, same number of indexes each, no shadow left (index
		// names alternate from one build to the next).
		if got := layerSchema(t, db); !maps.Equal(got, schema) {
			t.Errorf("round %d: layer schema %v, want %v", round, got, schema)
		}
		d, err := db.Entity(ctx, es[0].Name)
		if err != nil || d.Entity.Mentions == 0 {
			t.Errorf("round %d: entity %s = %+v, %v", round, es[0].Name, d, err)
		}
	}
	// A build killed half-way leaves shadow tables; the next build drops
	// them first.
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE entities_next (junk TEXT)`); err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceEntities(ctx, []claimgraph.Entity{{ID: 40, Name: "Forty", Type: "ORG"}}, map[int64]int64{ms[0].ID: 40}); err != nil {
		t.Fatal(err)
	}
	if got := layerSchema(t, db); !maps.Equal(got, schema) {
		t.Errorf("after a leftover shadow: layer schema %v, want %v", got, schema)
	}
	// A rejected build (a mention that is not stored) leaves no shadow.
	if err := db.ReplaceEntities(ctx, []claimgraph.Entity{{ID: 50, Name: "Fifty", Type: "ORG"}}, map[int64]int64{1 << 40: 50}); err == nil {
		t.Error("a layer naming a mention not stored was accepted")
	}
	if got := layerSchema(t, db); !maps.Equal(got, schema) {
		t.Errorf("after a rejected build: layer schema %v, want %v", got, schema)
	}
	if n := count(other); n != 1 {
		t.Errorf("after a rejected build: %d entities, want the previous layer's 1", n)
	}
}
