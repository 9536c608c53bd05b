package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/reuse"
)

var _ claimgraph.DocumentStore = (*DB)(nil)

// PutDocument stores doc with its analysis in one transaction; it returns
// false and writes nothing when the document is already stored.
func (db *DB) PutDocument(ctx context.Context, doc *claimgraph.Document, a *claimgraph.Analysis) (bool, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	defer tx.Rollback()
	created, err := db.putDocument(ctx, tx, doc, a)
	if err != nil || !created {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return false, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("put document %s: commit: %w", doc.ID, err)
	}
	return true, nil
}

func (db *DB) putDocument(ctx context.Context, tx *Tx, doc *claimgraph.Document, a *claimgraph.Analysis) (bool, error) {
	if doc.ID == "" {
		doc.ID = claimgraph.DocumentID(doc.Text)
	}
	if doc.IngestedAt.IsZero() {
		doc.IngestedAt = db.Now().UTC()
	}
	if ok, err := db.insertDocument(ctx, tx, doc); err != nil {
		return false, fmt.Errorf("put document %s: %w", doc.ID, err)
	} else if !ok {
		return false, nil // stored already, maybe by another writer a moment ago
	}
	if a != nil {
		if err := insertAnalysis(ctx, tx, doc.ID, a); err != nil {
			return false, fmt.Errorf("put analysis of %s: %w", doc.ID, err)
		}
	}
	return true, nil
}

// Batch commits several documents in one transaction (a group commit):
// each document is still all-or-nothing (a savepoint each: one that fails
// leaves the others), and a killed process loses only the documents of its
// open batch, which the next run stores. A batch's reuse index and texts
// read inside its transaction, so a document finds copies among those
// stored before it in the same batch.
type Batch struct {
	db      *DB
	tx      *Tx
	n       int // documents put
	created int // of which new
	// Band keys of the batch's documents, inserted at commit, sorted: one
	// pass over the band index instead of 64 scattered inserts a document.
	// byBand and sigs let later documents of the batch find them.
	staged []pendingSketch
	byBand map[uint64][]string
	sigs   map[string][]byte
	rows   [][]any
	// seqs holds the seq of each document the batch's reuse index returned
	// as a candidate, so that their shingle sets are read by seq.
	seqs map[string]int64
	// Documents to index for search at commit (stagedIndex: the one being
	// put, until its savepoint is released).
	stagedIndex, index []string
}

type pendingSketch struct {
	doc   string
	seq   int64
	sig   []byte
	bands []uint64
}

// keepStaged makes the band keys of the document just stored visible to
// the batch and due at commit.
func (b *Batch) keepStaged() {
	for _, p := range b.staged {
		seen := make(map[uint64]bool, len(p.bands))
		for _, k := range p.bands {
			if !seen[k] {
				seen[k] = true
				b.byBand[k] = append(b.byBand[k], p.doc)
				b.rows = append(b.rows, []any{int64(k), p.seq})
			}
		}
		b.sigs[p.doc] = p.sig
		b.seqs[p.doc] = p.seq
	}
	b.staged = b.staged[:0]
	b.index = append(b.index, b.stagedIndex...)
	b.stagedIndex = b.stagedIndex[:0]
}

// candidates adds to found the batch's documents sharing a band key.
func (b *Batch) candidates(found []reuse.Candidate, bands []uint64) ([]reuse.Candidate, error) {
	have := make(map[string]bool, len(found))
	for _, c := range found {
		have[c.Doc] = true
	}
	added := false
	for _, k := range bands {
		for _, doc := range b.byBand[k] {
			if have[doc] {
				continue
			}
			have[doc] = true
			c := reuse.Candidate{Doc: doc, Order: b.seqs[doc]}
			if err := c.Sig.UnmarshalBinary(b.sigs[doc]); err != nil {
				return nil, fmt.Errorf("reuse candidate %s: %w", doc, err)
			}
			found = append(found, c)
			added = true
		}
	}
	if added {
		sort.Slice(found, func(i, j int) bool { return found[i].Doc < found[j].Doc })
	}
	return found, nil
}

var _ claimgraph.Batch = (*Batch)(nil)

// BeginBatch starts a batch; on SQLite it holds the write lock until Commit
// or Rollback (readers go on from the last commit).
func (db *DB) BeginBatch(ctx context.Context) (claimgraph.Batch, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin batch: %w", err)
	}
	if db.dialect.Name == "sqlite" {
		// PostgreSQL's driver keeps its own statement cache per connection.
		tx.stmts = map[string]*sql.Stmt{}
	}
	b := &Batch{db: db, tx: tx, byBand: map[uint64][]string{}, sigs: map[string][]byte{}, seqs: map[string]int64{}}
	tx.deferBands = func(doc string, seq int64, sig []byte, bands []uint64) {
		b.staged = append(b.staged, pendingSketch{doc, seq, sig, bands})
	}
	if db.dialect.IndexDocuments != nil {
		tx.deferIndex = func(id string) { b.stagedIndex = append(b.stagedIndex, id) }
	}
	return b, nil
}

// PutDocument stores doc with its analysis in the batch, or nothing of it.
func (b *Batch) PutDocument(ctx context.Context, doc *claimgraph.Document, a *claimgraph.Analysis) (bool, error) {
	if _, err := b.tx.ExecContext(ctx, `SAVEPOINT doc`); err != nil {
		return false, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	created, err := b.db.putDocument(ctx, b.tx, doc, a)
	if err != nil {
		b.staged, b.stagedIndex = b.staged[:0], b.stagedIndex[:0]
		if _, rerr := b.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT doc`); rerr != nil {
			return false, fmt.Errorf("%w (and rolling it back: %v)", err, rerr)
		}
	}
	if _, rerr := b.tx.ExecContext(ctx, `RELEASE SAVEPOINT doc`); rerr != nil && err == nil {
		err = fmt.Errorf("put document %s: %w", doc.ID, rerr)
	}
	if err != nil {
		return false, err
	}
	b.keepStaged()
	b.n++
	if created {
		b.created++
	}
	return created, nil
}

// Commit commits every document of the batch at once.
func (b *Batch) Commit() error {
	ctx := context.Background()
	sort.Slice(b.rows, func(i, j int) bool {
		x, y := b.rows[i], b.rows[j]
		if x[0].(int64) != y[0].(int64) {
			return x[0].(int64) < y[0].(int64)
		}
		return x[1].(int64) < y[1].(int64)
	})
	if err := insertBandRows(ctx, b.tx, b.db.dialect.Name == "sqlite", b.rows); err != nil {
		b.tx.Rollback()
		return fmt.Errorf("commit batch: bands: %w", err)
	}
	if len(b.index) > 0 {
		if err := b.db.dialect.IndexDocuments(ctx, b.tx, b.index); err != nil {
			b.tx.Rollback()
			return fmt.Errorf("commit batch: index %d documents for search: %w", len(b.index), err)
		}
	}
	if b.created > 0 {
		if _, err := b.tx.ExecContext(ctx, bumpGeneration); err != nil {
			b.tx.Rollback()
			return fmt.Errorf("commit batch: %w", err)
		}
	}
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("commit batch of %d documents: %w", b.created, err)
	}
	return nil
}

// Len returns the number of documents put in the batch so far.
func (b *Batch) Len() int { return b.n }

// Rollback abandons the batch.
func (b *Batch) Rollback() error { return b.tx.Rollback() }

// ReuseIndex is the store's reuse index read and written in the batch.
func (b *Batch) ReuseIndex() reuse.Index { return reuseIndex{b.db, b} }

// ShingleSets is the store's ShingleSets read in the batch.
func (b *Batch) ShingleSets(ctx context.Context, docs []string) (map[string][]uint32, error) {
	return shingleSets(ctx, b.tx, docs, b.seqs)
}

// Texts is the store's Texts read in the batch.
func (b *Batch) Texts(ctx context.Context, doc string) (reuse.Text, error) {
	return texts(ctx, b.tx, doc)
}

// insertDocument inserts d unless a document with its id is stored; it
// reports whether it did. The insert itself decides (ON CONFLICT), so two
// writers racing on one document store it once: the second waits for the
// first's transaction and then finds it.
func (db *DB) insertDocument(ctx context.Context, tx *Tx, d *claimgraph.Document) (bool, error) {
	meta := d.Meta
	if meta == nil {
		meta = map[string]string{}
	}
	mj, err := json.Marshal(meta)
	if err != nil {
		return false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO documents
		(id, source, format, url, outlet, title, author, date, date_source, lang, encoding, text, raw, meta, bytes, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		d.ID, d.Source, d.Format, d.URL, d.Outlet, d.Title, d.Author, d.Date, d.DateSource, d.Lang, d.Encoding,
		d.Text, d.Raw, string(mj), len(d.Text), d.IngestedAt.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	if tx.deferIndex != nil {
		tx.deferIndex(d.ID)
	} else if db.dialect.IndexDocuments != nil {
		if err := db.dialect.IndexDocuments(ctx, tx, []string{d.ID}); err != nil {
			return false, fmt.Errorf("index for search: %w", err)
		}
	}
	if err := markOutlet(ctx, tx, d.Outlet); err != nil {
		return false, fmt.Errorf("mark outlet: %w", err)
	}
	return true, insertRegions(ctx, tx, d.ID, d.Regions)
}

func insertRegions(ctx context.Context, tx *Tx, doc string, regions []claimgraph.Region) error {
	rows := make([][]any, len(regions))
	for i, r := range regions {
		rows[i] = []any{doc, string(r.Kind), r.Start, r.End, r.Why}
	}
	return insertRows(ctx, tx, "regions", "doc, kind, start, end, why", rows)
}

func insertAnalysis(ctx context.Context, tx *Tx, doc string, a *claimgraph.Analysis) error {
	rows := make([][]any, len(a.Mentions))
	for i, m := range a.Mentions {
		rows[i] = []any{doc, i, m.Start, m.End, m.Text, m.Type, m.Kind, m.Name, m.Chain, m.Ambiguous, m.Confidence}
	}
	if err := insertRows(ctx, tx, "mentions", "doc, ord, start, end, text, type, kind, name, chain, ambiguous, confidence", rows); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	rows = make([][]any, len(a.Aliases))
	for i, s := range a.Aliases {
		rows[i] = []any{doc, i, s.Name, s.Alias, s.Type, s.Pattern, s.Start, s.End, s.Evidence}
	}
	if err := insertRows(ctx, tx, "alias_assertions", "doc, ord, name, alias, type, pattern, start, end, evidence", rows); err != nil {
		return fmt.Errorf("alias assertions: %w", err)
	}
	rows = make([][]any, len(a.Quotes))
	for i, q := range a.Quotes {
		data, err := json.Marshal(q)
		if err != nil {
			return err
		}
		sm := -1
		if q.Speaker != nil {
			sm = q.Speaker.Mention
		}
		rows[i] = []any{doc, i, q.Kind, q.Content.Start, q.Content.End, sm, string(data)}
	}
	if err := insertRows(ctx, tx, "quotes", "doc, ord, kind, start, end, speaker_mention, data", rows); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	rows = make([][]any, len(a.Claims))
	for i, c := range a.Claims {
		data, err := json.Marshal(storedClaim{c, c.Quote, c.Time, speakerMention(c.Speaker)})
		if err != nil {
			return err
		}
		rows[i] = []any{doc, i, c.Evidence.Start, c.Evidence.End, c.Quote, string(data)}
	}
	if err := insertRows(ctx, tx, "claims", "doc, ord, start, end, quote, data", rows); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	rows = make([][]any, len(a.Times))
	for i, t := range a.Times {
		rows[i] = []any{doc, i, t.Start, t.End, t.Text, t.Type, t.Value, t.Relative, t.Anchor, t.Mod, t.Rule}
	}
	if err := insertRows(ctx, tx, "times", "doc, ord, start, end, text, type, value, relative, anchor, mod, rule", rows); err != nil {
		return fmt.Errorf("times: %w", err)
	}
	if err := insertReuse(ctx, tx, doc, a); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO analyses (doc, analyzer) VALUES (?, ?)`, doc, a.Analyzer)
	return err
}

// storedClaim keeps the fields of a claim that its JSON form leaves out.
type storedClaim struct {
	claimgraph.Claim
	QuoteOrd       int `json:"quote_ord"`
	TimeOrd        int `json:"time_ord"`
	SpeakerMention int `json:"speaker_mention"`
}

func speakerMention(s *claimgraph.Speaker) int {
	if s == nil {
		return -1
	}
	return s.Mention
}

// HasDocument reports whether a document with this id is stored.
func (db *DB) HasDocument(ctx context.Context, id string) (bool, error) {
	var n int
	var err error
	if db.hasDoc != nil {
		// Asked once per input document by every ingest worker: kept
		// prepared (the SQLite driver prepares each query anew).
		err = db.hasDoc.QueryRowContext(ctx, id).Scan(&n)
	} else {
		err = db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE id = ?`, id).Scan(&n)
	}
	return n > 0, err
}

// resolveDocID returns the full id of the document whose id is id or starts
// with it; ENOTFOUND when none, EINVALID when the prefix is ambiguous.
func (db *DB) resolveDocID(ctx context.Context, id string) (string, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return "", claimgraph.Errorf(claimgraph.EINVALID, "empty document id")
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`, id, id+string(utf8.MaxRune)) // a valid UTF-8 bound above any id character
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		ids = append(ids, s)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	switch {
	case len(ids) == 0:
		return "", claimgraph.Errorf(claimgraph.ENOTFOUND, "no document %q", id)
	case len(ids) > 1 && ids[0] != id:
		return "", claimgraph.Errorf(claimgraph.EINVALID, "document id %q is ambiguous", id)
	}
	return ids[0], nil
}

const docColumns = `id, source, format, url, outlet, title, author, date, date_source, lang, encoding, meta, ingested_at`

func scanDocument(sc interface{ Scan(...any) error }, extra ...any) (*claimgraph.Document, error) {
	d := &claimgraph.Document{}
	var meta, at string
	dest := append([]any{&d.ID, &d.Source, &d.Format, &d.URL, &d.Outlet, &d.Title, &d.Author, &d.Date, &d.DateSource,
		&d.Lang, &d.Encoding, &meta, &at}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(meta), &d.Meta); err != nil {
		return nil, fmt.Errorf("document %s: meta: %w", d.ID, err)
	}
	if len(d.Meta) == 0 {
		d.Meta = nil
	}
	d.IngestedAt, _ = time.Parse(time.RFC3339Nano, at)
	return d, nil
}

// Document returns the document with this id or unique id prefix.
func (db *DB) Document(ctx context.Context, id string) (*claimgraph.Document, error) {
	full, err := db.resolveDocID(ctx, id)
	if err != nil {
		return nil, err
	}
	row := db.db.QueryRowContext(ctx, `SELECT `+docColumns+`, text, raw FROM documents WHERE id = ?`, full)
	var text string
	var raw []byte
	d, err := scanDocument(row, &text, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, claimgraph.Errorf(claimgraph.ENOTFOUND, "no document %q", id)
	} else if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	d.Text, d.Raw, d.Bytes = text, raw, len(text)
	d.Regions, err = db.regions(ctx, d.ID)
	return d, err
}

func (db *DB) regions(ctx context.Context, id string) ([]claimgraph.Region, error) {
	return regionsOf(ctx, db.db, id)
}

// queryer is the store's database or one of its transactions.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func regionsOf(ctx context.Context, db queryer, id string) ([]claimgraph.Region, error) {
	rows, err := db.QueryContext(ctx, `SELECT kind, start, end, why FROM regions WHERE doc = ? ORDER BY start`, id)
	if err != nil {
		return nil, fmt.Errorf("regions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []claimgraph.Region
	for rows.Next() {
		var r claimgraph.Region
		var kind string
		if err := rows.Scan(&kind, &r.Start, &r.End, &r.Why); err != nil {
			return nil, err
		}
		r.Kind = claimgraph.RegionKind(kind)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Documents lists stored documents in ingest order, without text.
func (db *DB) Documents(ctx context.Context, f claimgraph.DocumentFilter) ([]*claimgraph.Document, error) {
	q := `SELECT ` + docColumns + `, bytes FROM documents`
	var args []any
	if f.Outlet != "" {
		q += ` WHERE outlet = ?`
		args = append(args, f.Outlet)
	} else if f.Sort == "" && f.Offset > 0 {
		// A deep page in ingest order: the offset is counted on the
		// small index of seq, not by stepping over every earlier
		// document's row (80 ms at 100k documents).
		q += ` WHERE seq >= (SELECT seq FROM documents ORDER BY seq LIMIT 1 OFFSET ?)`
		args = append(args, f.Offset)
		f.Offset = 0
	}
	switch f.Sort {
	case "":
		q += ` ORDER BY seq`
	case "date":
		q += ` ORDER BY date = '', date, seq`
	case "-date":
		q += ` ORDER BY date = '', date DESC, seq DESC`
	default:
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "documents: unknown sort %q (want date or -date)", f.Sort)
	}
	if f.Limit > 0 {
		q += ` LIMIT ? OFFSET ?`
		args = append(args, f.Limit, f.Offset)
	} else if f.Offset > 0 {
		q += ` LIMIT -1 OFFSET ?`
		args = append(args, f.Offset)
	}
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []*claimgraph.Document
	for rows.Next() {
		var n int
		d, err := scanDocument(rows, &n)
		if err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		d.Bytes = n
		out = append(out, d)
	}
	return out, rows.Err()
}

// CountDocuments returns the number of stored documents.
func (db *DB) CountDocuments(ctx context.Context) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&n)
	return n, err
}

// SetDocumentDate records a document's publication date (and where it came
// from) and replaces the values of its time expressions, matched by id, in
// one transaction; nothing else of the document or its analysis changes.
func (db *DB) SetDocumentDate(ctx context.Context, id, date, source string, times []claimgraph.TimeExpr) error {
	full, err := db.resolveDocID(ctx, id)
	if err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET date = ?, date_source = ? WHERE id = ?`, date, source, full); err != nil {
		return fmt.Errorf("set date of %s: %w", full, err)
	}
	for _, t := range times {
		res, err := tx.ExecContext(ctx, `UPDATE times SET value = ?, anchor = ?, mod = ? WHERE id = ? AND doc = ?`, t.Value, t.Anchor, t.Mod, t.ID, full)
		if err != nil {
			return fmt.Errorf("set date of %s: time %d: %w", full, t.ID, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return claimgraph.Errorf(claimgraph.EINVALID, "time expression %d is not in document %s", t.ID, full)
		}
	}
	// The timeline is derived with the entity layer: a time that got a
	// value (or another one) is in it only once the layer is built again.
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return fmt.Errorf("set date of %s: %w", full, err)
	}
	return tx.Commit()
}

// ReplaceAnalysis replaces a stored document's regions and analysis in one
// transaction, when a rule learned across documents (site boilerplate)
// changes what its main text is. The document's text, identity and reuse
// sketch stay as they are.
func (db *DB) ReplaceAnalysis(ctx context.Context, id string, regions []claimgraph.Region, a *claimgraph.Analysis) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, table := range []string{"regions", "mentions", "alias_assertions", "quotes", "claims", "times", "analyses"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE doc = ?`, id); err != nil {
			return fmt.Errorf("replace analysis of %s: %s: %w", id, table, err)
		}
	}
	if err := insertRegions(ctx, tx, id, regions); err != nil {
		return fmt.Errorf("replace analysis of %s: %w", id, err)
	}
	saved := *a
	saved.Reuse, saved.MinHash, saved.Bands, saved.Shingles = nil, nil, nil, nil
	if err := insertAnalysis(ctx, tx, id, &saved); err != nil {
		return fmt.Errorf("replace analysis of %s: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return err
	}
	return tx.Commit()
}

// OutletDocuments returns the most recent documents of an outlet (at most
// limit) with their text and regions, for learning site boilerplate.
func (db *DB) OutletDocuments(ctx context.Context, outlet string, limit int) ([]*claimgraph.Document, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+docColumns+`, text FROM documents WHERE outlet = ? ORDER BY seq DESC LIMIT ?`, outlet, limit)
	if err != nil {
		return nil, fmt.Errorf("documents of outlet %q: %w", outlet, err)
	}
	var out []*claimgraph.Document
	for rows.Next() {
		var text string
		d, err := scanDocument(rows, &text)
		if err != nil {
			rows.Close()
			return nil, err
		}
		d.Text, d.Bytes = text, len(text)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, d := range out {
		if d.Regions, err = db.regions(ctx, d.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// insertRows inserts rows into table with multi-row INSERT statements of at
// most 100 rows each: one statement per row costs most of a document's
// commit time with a pure-Go SQLite.
func insertRows(ctx context.Context, tx *Tx, table, columns string, rows [][]any) error {
	const chunk = 100
	for len(rows) > 0 {
		n := min(len(rows), chunk)
		if tx.stmts != nil && n < chunk {
			// Statements a transaction keeps prepared come in few shapes:
			// the rest of the rows by powers of two (at most 7 statements).
			n = 1 << (bits.Len(uint(n)) - 1)
		}
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + columns + ") VALUES ")
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('(')
			for k := range r {
				if k > 0 {
					b.WriteByte(',')
				}
				b.WriteByte('?')
			}
			b.WriteByte(')')
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}
