package sqlite

import (
	"context"
	"fmt"
	"time"
)

// CurationEntry is one line of the curation log: a decision made, or one
// undone, by whom, when, and the note given.
type CurationEntry struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Who    string    `json:"who"`
	Action string    `json:"action"` // "decide" or "undo"
	Seq    int64     `json:"seq"`    // the decision's number
	Line   string    `json:"line"`
	Note   string    `json:"note"`
	Undone bool      `json:"undone"` // a decision no longer in force
}

// LogCuration records a curation action.
func (db *DB) LogCuration(ctx context.Context, e CurationEntry) error {
	if e.At.IsZero() {
		e.At = db.Now()
	}
	_, err := db.db.ExecContext(ctx, `INSERT INTO curation_log (at, who, action, seq, line, note) VALUES (?, ?, ?, ?, ?, ?)`,
		e.At.UTC().Format(time.RFC3339Nano), e.Who, e.Action, e.Seq, e.Line, e.Note)
	if err != nil {
		return fmt.Errorf("curation log: %w", err)
	}
	return nil
}

// CurationLog returns the newest entries first, at most limit.
func (db *DB) CurationLog(ctx context.Context, limit int) ([]CurationEntry, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT l.id, l.at, l.who, l.action, l.seq, l.line, l.note,
		l.action = 'decide' AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.seq = l.seq)
		FROM curation_log l ORDER BY l.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("curation log: %w", err)
	}
	defer rows.Close()
	out := []CurationEntry{}
	for rows.Next() {
		var e CurationEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Who, &e.Action, &e.Seq, &e.Line, &e.Note, &e.Undone); err != nil {
			return nil, fmt.Errorf("curation log: %w", err)
		}
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, e)
	}
	return out, rows.Err()
}
