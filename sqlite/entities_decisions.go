package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

// Decision is one curated entity decision; the root package defines it so
// that every store returns the same type.
type Decision = claimgraph.Decision

// AddDecision appends a decision and returns its sequence number.
func (db *DB) AddDecision(ctx context.Context, line string) (int64, error) {
	line = strings.TrimSpace(line)
	if line == "" || strings.ContainsAny(line, "\n\r") {
		return 0, claimgraph.Errorf(claimgraph.EINVALID, "a decision is one non-empty line, got %q", line)
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("add decision: %w", err)
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO decisions (line, created_at) VALUES (?, ?) RETURNING seq`,
		line, db.Now().UTC().Format(time.RFC3339Nano)).Scan(&seq); err != nil {
		return 0, fmt.Errorf("add decision: %w", err)
	}
	// The entity layer is stale from this commit on: a recomputation
	// killed before it finishes is redone by the next run.
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return 0, fmt.Errorf("add decision: %w", err)
	}
	return seq, tx.Commit()
}

// Decisions returns every decision in the order made.
func (db *DB) Decisions(ctx context.Context) ([]Decision, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT seq, line, created_at FROM decisions ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		var at string
		if err := rows.Scan(&d.Seq, &d.Line, &at); err != nil {
			return nil, fmt.Errorf("decisions: %w", err)
		}
		d.CreatedAt, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// RemoveDecision deletes the decision with this sequence number; ENOTFOUND
// when there is none.
func (db *DB) RemoveDecision(ctx context.Context, seq int64) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("remove decision %d: %w", seq, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM decisions WHERE seq = ?`, seq)
	if err != nil {
		return fmt.Errorf("remove decision %d: %w", seq, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("remove decision %d: %w", seq, err)
	} else if n == 0 {
		return claimgraph.Errorf(claimgraph.ENOTFOUND, "no decision %d", seq)
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return fmt.Errorf("remove decision %d: %w", seq, err)
	}
	return tx.Commit()
}

// ReplaceDecisions replaces every decision with lines, in order, in one
// transaction (an aliases file import). Blank lines and lines starting with
// "#" are skipped, so a file can be passed as it is.
func (db *DB) ReplaceDecisions(ctx context.Context, lines []string) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace decisions: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM decisions`); err != nil {
		return fmt.Errorf("replace decisions: %w", err)
	}
	at := db.Now().UTC().Format(time.RFC3339Nano)
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.ContainsAny(l, "\n\r") {
			return claimgraph.Errorf(claimgraph.EINVALID, "decision %d spans lines", i+1)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO decisions (line, created_at) VALUES (?, ?)`, l, at); err != nil {
			return fmt.Errorf("replace decisions: line %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return fmt.Errorf("replace decisions: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace decisions: commit: %w", err)
	}
	return nil
}
