package postgres

import "testing"

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT a FROM t WHERE x = ? AND y = ?`, `SELECT a FROM t WHERE x = $1 AND y = $2`},
		{`SELECT a FROM t WHERE x = ?2 AND y = ?1 AND z = ?`, `SELECT a FROM t WHERE x = $2 AND y = $1 AND z = $3`},
		{`SELECT '?' FROM t WHERE s = 'it''s ?' AND x = ?`, `SELECT '?' FROM t WHERE s = 'it''s ?' AND x = $1`},
		{`SELECT m.start, m.end FROM mentions m`, `SELECT m.start, m.end FROM mentions m`},
		{`INSERT INTO regions (doc, kind, start, end, why) VALUES (?, ?, ?, ?, ?)`, `INSERT INTO regions (doc, kind, start, "end", why) VALUES ($1, $2, $3, $4, $5)`},
		{`SELECT CASE WHEN a THEN 1 ELSE 2 END, end FROM t`, `SELECT CASE WHEN a THEN 1 ELSE 2 END, "end" FROM t`},
		{`SELECT x FROM (SELECT 1 AS x UNION SELECT 2) ORDER BY x`, `SELECT x FROM (SELECT 1 AS x UNION SELECT 2) AS _sub1 ORDER BY x`},
		{`SELECT x FROM (SELECT 1 AS x) q WHERE x IN (SELECT 1)`, `SELECT x FROM (SELECT 1 AS x) q WHERE x IN (SELECT 1)`},
		{`SELECT x FROM (SELECT 1 AS x)`, `SELECT x FROM (SELECT 1 AS x) AS _sub1`},
		{`SELECT a FROM t INDEXED BY t_a WHERE a = ?`, `SELECT a FROM t  WHERE a = $1`},
		{`SELECT a FROM t ORDER BY a LIMIT -1 OFFSET 5`, `SELECT a FROM t ORDER BY a LIMIT ALL OFFSET 5`},
		{"SELECT a -- why? end\nFROM t WHERE b = ?", "SELECT a -- why? end\nFROM t WHERE b = $1"},
	}
	for _, tt := range tests {
		if got := rewrite(tt.in); got != tt.want {
			t.Errorf("rewrite(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRebind(f *testing.F) {
	f.Add(`SELECT m.end FROM (SELECT ?1) WHERE x = ? LIMIT -1`)
	f.Add(`'unterminated ?`)
	f.Fuzz(func(t *testing.T, q string) {
		out := rewrite(q)
		if q != "" && out == "" {
			t.Errorf("rewrite(%q) is empty", q)
		}
	})
}
