package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/reuse"
)

// ReuseIndex returns the store's MinHash/LSH tables as a reuse.Index, so a
// detector finds candidates among every stored document without a rescan.
func (db *DB) ReuseIndex() reuse.Index { return reuseIndex{db, nil} }

// reuseIndex reads and writes the store's reuse tables, inside a batch's
// transaction when batch is set.
type reuseIndex struct {
	db    *DB
	batch *Batch
}

func (x reuseIndex) queryer() queryer {
	if x.batch != nil {
		return x.batch.tx
	}
	return x.db.db
}

var _ reuse.Index = reuseIndex{}

// Add records a stored document's signature and band keys; a document
// already indexed keeps its first signature. The document must be stored
// (the tables reference it); PutDocument records the signature of the
// document it stores, so Add is for documents stored without one.
func (x reuseIndex) Add(ctx context.Context, doc string, sig reuse.Signature, bands []uint64) error {
	blob, err := sig.MarshalBinary()
	if err != nil {
		return fmt.Errorf("reuse index add %s: %w", doc, err)
	}
	if x.batch != nil {
		if err := insertSketch(ctx, x.batch.tx, doc, blob, bands, nil); err != nil {
			x.batch.staged = nil
			return fmt.Errorf("reuse index add %s: %w", doc, err)
		}
		x.batch.keepStaged()
		return nil
	}
	tx, err := x.db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("reuse index add %s: %w", doc, err)
	}
	defer tx.Rollback()
	if err := insertSketch(ctx, tx, doc, blob, bands, nil); err != nil {
		return fmt.Errorf("reuse index add %s: %w", doc, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("reuse index add %s: commit: %w", doc, err)
	}
	return nil
}

// Candidates returns the stored documents sharing a band key with bands.
// maxReuseCandidates bounds the candidates a document's band keys return
// from the store: eight times the detector's MaxVerify, which then keeps
// the closest by their signatures.
const maxReuseCandidates = 256

func (x reuseIndex) Candidates(ctx context.Context, bands []uint64) ([]reuse.Candidate, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	args := make([]any, 2*len(bands))
	for i, b := range bands {
		args[i] = int64(b) // SQLite integers are signed; the bits are the key
		args[len(bands)+i] = int64(b)
	}
	// The band keys are in lsh_keys and, for the documents stored since the
	// last merge, lsh_recent (migration 0023). The postings are counted
	// here rather than by GROUP BY: at 100k documents of the benchmark mix
	// a document's 64 keys return some 130 postings, and the engine's
	// grouping and sorting of them in temporary B-trees cost as much as
	// reading them.
	rows, err := x.queryer().QueryContext(ctx, `SELECT seq FROM lsh_keys WHERE band IN (`+placeholders(len(bands))+`)
		UNION ALL SELECT seq FROM lsh_recent WHERE band IN (`+placeholders(len(bands))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("reuse candidates: %w", err)
	}
	shared := map[int64]int{}
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reuse candidates: %w", err)
		}
		shared[seq]++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reuse candidates: %w", err)
	}
	// The documents sharing the most band keys (the likeliest copies; the
	// earliest first among equals), at most maxReuseCandidates: a story
	// syndicated to hundreds of outlets would otherwise have every stored
	// copy's signature read and compared for each new one, a cost that
	// grows with the store.
	seqs := make([]int64, 0, len(shared))
	for seq := range shared {
		seqs = append(seqs, seq)
	}
	slices.SortFunc(seqs, func(a, b int64) int {
		if shared[a] != shared[b] {
			return shared[b] - shared[a]
		}
		return cmp.Compare(a, b)
	})
	seqs = seqs[:min(len(seqs), maxReuseCandidates)]
	out := make([]reuse.Candidate, 0, len(seqs))
	missing := x.db.sketches.get(seqs, func(seq int64, doc string, sig reuse.Signature) {
		out = append(out, reuse.Candidate{Doc: doc, Sig: sig, Order: seq})
	})
	if len(missing) > 0 {
		// The candidates' ids and signatures are one lookup by seq each
		// (reuse_sketches, migration 0022).
		rows, err = x.queryer().QueryContext(ctx, `SELECT seq, doc, sig FROM reuse_sketches WHERE seq IN (`+placeholders(len(missing))+`)`, missing...)
		if err != nil {
			return nil, fmt.Errorf("reuse candidates: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c reuse.Candidate
			var blob []byte
			if err := rows.Scan(&c.Order, &c.Doc, &blob); err != nil {
				return nil, fmt.Errorf("reuse candidates: %w", err)
			}
			if err := c.Sig.UnmarshalBinary(blob); err != nil {
				return nil, fmt.Errorf("reuse candidate %s: %w", c.Doc, err)
			}
			x.db.sketches.put(c.Order, c.Doc, c.Sig)
			out = append(out, c)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	if x.batch != nil {
		for _, c := range out {
			x.batch.seqs[c.Doc] = c.Order
		}
	}
	slices.SortFunc(out, func(a, b reuse.Candidate) int { return strings.Compare(a.Doc, b.Doc) })
	if x.batch != nil {
		// Documents earlier in the batch: their band keys are not in the
		// table until the batch commits.
		return x.batch.candidates(out, bands)
	}
	return out, nil
}

// insertSketch stores a document's signature, band keys and shingle set
// (nil: none; its text is read when a later document is compared with it).
func insertSketch(ctx context.Context, tx *Tx, doc string, sig []byte, bands []uint64, shingles []byte) error {
	// The reuse tables name the document by its seq (migrations 0019, 0022).
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT seq FROM documents WHERE id = ?`, doc).Scan(&seq); err != nil {
		return fmt.Errorf("signature: document %s: %w", doc, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO reuse_sketches (seq, doc, sig) VALUES (?, ?, ?) ON CONFLICT (seq) DO NOTHING`, seq, doc, sig)
	if err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // already indexed: keep the first signature and its bands together
	}
	if shingles != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO reuse_shingles (seq, hashes) VALUES (?, ?) ON CONFLICT (seq) DO NOTHING`, seq, shingles); err != nil {
			return fmt.Errorf("shingle set: %w", err)
		}
	}
	if tx.deferBands != nil {
		tx.deferBands(doc, seq, sig, bands)
		return nil
	}
	return insertBands(ctx, tx, seq, bands)
}

func insertBands(ctx context.Context, tx *Tx, seq int64, bands []uint64) error {
	// Band keys of one document are distinct (the detector's sketch), and
	// the document's signature row above was new: no conflict is possible.
	rows := make([][]any, 0, len(bands))
	seen := make(map[uint64]bool, len(bands))
	for _, b := range bands {
		if !seen[b] {
			seen[b] = true
			rows = append(rows, []any{int64(b), seq})
		}
	}
	if err := insertRows(ctx, tx, "lsh_keys", "band, seq", rows); err != nil {
		return fmt.Errorf("bands: %w", err)
	}
	return nil
}

// lshRecentRows is the least number of band keys lsh_recent holds before a
// batch's commit merges them into lsh_keys: 4,096 documents' worth. A merge
// rewrites lsh_keys once (28,800 pages at 100k documents); between merges a
// batch rewrites at most lsh_recent's pages (about 1,200), where writing its
// keys into lsh_keys rewrote some 12,000.
var lshRecentRows = 1 << 18

// lshMergeAt returns how many band keys lsh_recent holds before it is
// merged into lsh_keys, which holds keys of them: lshRecentRows, or
// lshMergeFactor·√keys once that is more. A batch's keys (up to 16,384)
// land on up to as many pages of lsh_recent, which grows with the
// threshold T, and every T keys a merge rewrites all of lsh_keys' pages:
// per batch about T/r + (keys/r)·16,384/T pages written (r keys a page),
// least at T = √(16,384·keys) = 128·√keys. A fixed threshold made the
// merges' total grow with the square of the store (24 merges of up to
// 28,800 pages by 100k documents; 6.9 CPU-seconds against 0.2 at 10k);
// T = keys/4 (tried) cut the merges (5.3 CPU-s) but made each batch dirty
// more of lsh_recent (its inserts 4.3 -> 5.8). At 100k the square root is
// 324k keys, about the fixed 2^18; past it the threshold keeps growing.
func lshMergeAt(keys int) int {
	return max(lshRecentRows, int(lshMergeFactor*math.Sqrt(float64(keys))))
}

var lshMergeFactor = 128.0

// insertBandRows inserts a batch's band keys, sorted by key: on SQLite into
// lsh_recent, merged into lsh_keys when it has enough of them; on
// PostgreSQL into lsh_keys (several writers at once: see its 0012).
func insertBandRows(ctx context.Context, tx *Tx, sqlite bool, rows [][]any) error {
	if !sqlite {
		return insertRows(ctx, tx, "lsh_keys", "band, seq", rows)
	}
	if len(rows) == 0 {
		return nil
	}
	if err := insertRows(ctx, tx, "lsh_recent", "band, seq", rows); err != nil {
		return err
	}
	n, err := addStateCount(ctx, tx, "lsh_recent_rows", len(rows), "")
	if err != nil {
		return fmt.Errorf("count recent band keys: %w", err)
	}
	if n < lshRecentRows {
		return nil
	}
	// A store written before lsh_keys_rows was kept counts its lsh_keys
	// once.
	keys, err := addStateCount(ctx, tx, "lsh_keys_rows", 0, `SELECT COUNT(*) FROM lsh_keys`)
	if err != nil {
		return fmt.Errorf("count band keys: %w", err)
	}
	if n < lshMergeAt(keys) {
		return nil
	}
	// One pass in key order over lsh_keys; each document's keys were
	// inserted once (insertSketch), so none is in both tables.
	if _, err := tx.ExecContext(ctx, `INSERT INTO lsh_keys (band, seq) SELECT band, seq FROM lsh_recent ORDER BY band, seq`); err != nil {
		return fmt.Errorf("merge recent band keys: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM lsh_recent`); err != nil {
		return fmt.Errorf("merge recent band keys: %w", err)
	}
	if _, err := addStateCount(ctx, tx, "lsh_keys_rows", n, ""); err != nil {
		return fmt.Errorf("count band keys: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE state SET value = '0' WHERE key = 'lsh_recent_rows'`); err != nil {
		return fmt.Errorf("merge recent band keys: %w", err)
	}
	return nil
}

// addStateCount adds n to the count kept under key in the state table and
// returns the new count. A missing key starts at the value of initial (a
// query returning one integer), or at 0 when initial is empty.
func addStateCount(ctx context.Context, tx *Tx, key string, n int, initial string) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM state WHERE key = ?`, key).Scan(&v)
	switch {
	case err == sql.ErrNoRows:
		if initial != "" {
			if err := tx.QueryRowContext(ctx, initial).Scan(&v); err != nil {
				return 0, err
			}
		}
	case err != nil:
		return 0, err
	}
	v += n
	if _, err := tx.ExecContext(ctx, `INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, strconv.Itoa(v)); err != nil {
		return 0, err
	}
	return v, nil
}

// insertReuse stores what an analysis found about text reuse: the
// document's signature and band keys, and its reuse pairs. PutDocument's
// insertAnalysis calls it inside the document's transaction.
func insertReuse(ctx context.Context, tx *Tx, doc string, a *claimgraph.Analysis) error {
	if len(a.MinHash) > 0 {
		if err := insertSketch(ctx, tx, doc, a.MinHash, a.Bands, a.Shingles); err != nil {
			return err
		}
	}
	for i, p := range a.Reuse {
		if p.DocA != doc && p.DocB != doc {
			return fmt.Errorf("reuse pair %d (%s, %s) does not involve document %s", i, p.DocA, p.DocB, doc)
		}
		data, err := encodePassages(p.Passages)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO reuse_pairs (doc_a, doc_b, similarity, containment, passages) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (doc_a, doc_b) DO UPDATE SET similarity = excluded.similarity, containment = excluded.containment, passages = excluded.passages`,
			p.DocA, p.DocB, p.Similarity, p.Containment, string(data)); err != nil {
			return fmt.Errorf("reuse pair %d (%s, %s): %w", i, p.DocA, p.DocB, err)
		}
	}
	return nil
}

// Texts returns a stored document's text and main-text ranges for exact
// comparison; it is a reuse.TextSource. ENOTFOUND when the document is not
// stored.
func (db *DB) Texts(ctx context.Context, doc string) (reuse.Text, error) {
	return texts(ctx, db.db, doc)
}

func texts(ctx context.Context, db queryer, doc string) (reuse.Text, error) {
	var text string
	err := db.QueryRowContext(ctx, `SELECT text FROM documents WHERE id = ?`, doc).Scan(&text)
	if err == sql.ErrNoRows {
		return reuse.Text{}, claimgraph.Errorf(claimgraph.ENOTFOUND, "no document %q", doc)
	} else if err != nil {
		return reuse.Text{}, fmt.Errorf("text of %s: %w", doc, err)
	}
	regions, err := regionsOf(ctx, db, doc)
	if err != nil {
		return reuse.Text{}, err
	}
	d := claimgraph.Document{ID: doc, Text: text, Regions: regions}
	return reuse.MainText(&d), nil
}

var _ reuse.TextSource = (*DB)(nil).Texts

// ShingleSets returns the stored shingle sets of those of docs that have
// one; it is a reuse.SetSource.
func (db *DB) ShingleSets(ctx context.Context, docs []string) (map[string][]uint32, error) {
	return shingleSets(ctx, db.db, docs, nil)
}

var _ reuse.SetSource = (*DB)(nil).ShingleSets

// shingleSets reads the shingle sets of docs: by seq those whose seq is in
// seqs (a batch's candidates; their reuse_sketches rows, which name them,
// were just read), the others through the documents' id index.
func shingleSets(ctx context.Context, db queryer, docs []string, seqs map[string]int64) (map[string][]uint32, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	var bySeq, byID []any
	for _, d := range docs {
		if seq, ok := seqs[d]; ok {
			bySeq = append(bySeq, seq)
		} else {
			byID = append(byID, d)
		}
	}
	out := make(map[string][]uint32, len(docs))
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`SELECT k.doc, s.hashes FROM reuse_sketches k JOIN reuse_shingles s ON s.seq = k.seq WHERE k.seq`, bySeq},
		{`SELECT d.id, s.hashes FROM documents d JOIN reuse_shingles s ON s.seq = d.seq WHERE d.id`, byID},
	} {
		if len(q.args) == 0 {
			continue
		}
		rows, err := db.QueryContext(ctx, q.sql+` IN (`+placeholders(len(q.args))+`)`, q.args...)
		if err != nil {
			return nil, fmt.Errorf("shingle sets: %w", err)
		}
		for rows.Next() {
			var id string
			var blob []byte
			if err := rows.Scan(&id, &blob); err != nil {
				rows.Close()
				return nil, fmt.Errorf("shingle sets: %w", err)
			}
			set, err := reuse.DecodeSet32(blob)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("shingle set of %s: %w", id, err)
			}
			out[id] = set
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("shingle sets: %w", err)
		}
	}
	return out, nil
}

// Reuse lists reuse pairs, best containment first: those of one document
// (id or unique prefix) when f.Doc is set, and those whose larger of
// similarity and containment reaches f.Min.
func (db *DB) Reuse(ctx context.Context, f claimgraph.ReuseFilter) ([]claimgraph.ReusePair, error) {
	q := `SELECT doc_a, doc_b, similarity, containment, passages FROM reuse_pairs WHERE (CASE WHEN similarity > containment THEN similarity ELSE containment END) >= ?`
	args := []any{f.Min}
	if f.Doc != "" {
		id, err := db.resolveDocID(ctx, f.Doc)
		if err != nil {
			return nil, err
		}
		// Two indexed lookups joined, rather than an OR the planner scans.
		q = `SELECT * FROM (SELECT doc_a, doc_b, similarity, containment, passages FROM reuse_pairs WHERE doc_a = ?
			UNION SELECT doc_a, doc_b, similarity, containment, passages FROM reuse_pairs WHERE doc_b = ?) WHERE (CASE WHEN similarity > containment THEN similarity ELSE containment END) >= ?`
		args = []any{id, id, f.Min}
	}
	q += ` ORDER BY containment DESC, similarity DESC, doc_a, doc_b` + limitClause(f.Offset, f.Limit)
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("reuse pairs: %w", err)
	}
	defer rows.Close()
	out := []claimgraph.ReusePair{}
	for rows.Next() {
		var p claimgraph.ReusePair
		var passages string
		if err := rows.Scan(&p.DocA, &p.DocB, &p.Similarity, &p.Containment, &passages); err != nil {
			return nil, fmt.Errorf("reuse pairs: %w", err)
		}
		if p.Passages, err = decodePassages(passages); err != nil {
			return nil, fmt.Errorf("reuse pair %s/%s: %w", p.DocA, p.DocB, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reuse pairs: %w", err)
	}
	rows.Close()
	if err := fillPassageTexts(ctx, db.db, out); err != nil {
		return nil, err
	}
	return out, nil
}

// storedPassage is a passage as reuse_pairs keeps it: its spans and score.
// The passages' text is the documents' own bytes at those spans, read back
// from documents when a pair is listed: stored twice more in every pair,
// it was 581 MB of a 2.1 GB store at 100k documents of the benchmark mix,
// written (and checkpointed) as each pair was found. Pairs stored before
// carry a_text and b_text too; they are ignored, the spans decide.
type storedPassage struct {
	AStart int     `json:"a_start"`
	AEnd   int     `json:"a_end"`
	BStart int     `json:"b_start"`
	BEnd   int     `json:"b_end"`
	Score  float64 `json:"score"`
}

func encodePassages(ps []claimgraph.Passage) ([]byte, error) {
	out := make([]storedPassage, len(ps))
	for i, p := range ps {
		out[i] = storedPassage{p.AStart, p.AEnd, p.BStart, p.BEnd, p.Score}
	}
	return json.Marshal(out)
}

func decodePassages(data string) ([]claimgraph.Passage, error) {
	var in []storedPassage
	if err := json.Unmarshal([]byte(data), &in); err != nil {
		return nil, fmt.Errorf("passages: %w", err)
	}
	out := make([]claimgraph.Passage, len(in))
	for i, p := range in {
		out[i] = claimgraph.Passage{AStart: p.AStart, AEnd: p.AEnd, BStart: p.BStart, BEnd: p.BEnd, Score: p.Score}
	}
	return out, nil
}

// passageTextChunk is how many pairs' documents fillPassageTexts reads at
// once, so that listing every pair of a large store holds a bounded number
// of texts.
const passageTextChunk = 256

// fillPassageTexts sets each passage's AText and BText to its spans of the
// two documents' stored text.
func fillPassageTexts(ctx context.Context, db queryer, pairs []claimgraph.ReusePair) error {
	for lo := 0; lo < len(pairs); lo += passageTextChunk {
		chunk := pairs[lo:min(len(pairs), lo+passageTextChunk)]
		var ids []any
		seen := map[string]bool{}
		for _, p := range chunk {
			for _, d := range []string{p.DocA, p.DocB} {
				if !seen[d] {
					seen[d] = true
					ids = append(ids, d)
				}
			}
		}
		texts := make(map[string]string, len(ids))
		rows, err := db.QueryContext(ctx, `SELECT id, text FROM documents WHERE id IN (`+placeholders(len(ids))+`)`, ids...)
		if err != nil {
			return fmt.Errorf("reuse passages: texts: %w", err)
		}
		for rows.Next() {
			var id, text string
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return fmt.Errorf("reuse passages: texts: %w", err)
			}
			texts[id] = text
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reuse passages: texts: %w", err)
		}
		for i := range chunk {
			if err := passageTexts(&chunk[i], texts[chunk[i].DocA], texts[chunk[i].DocB]); err != nil {
				return err
			}
		}
	}
	return nil
}

// passageTexts cuts a pair's passages out of its documents' texts; a span
// outside a text (a store edited by hand) is an error, not a panic.
func passageTexts(p *claimgraph.ReusePair, a, b string) error {
	for i := range p.Passages {
		ps := &p.Passages[i]
		if ps.AStart < 0 || ps.AStart > ps.AEnd || ps.AEnd > len(a) || ps.BStart < 0 || ps.BStart > ps.BEnd || ps.BEnd > len(b) {
			return fmt.Errorf("reuse pair %s/%s: passage %d [%d:%d] [%d:%d] outside the texts (%d and %d bytes)",
				p.DocA, p.DocB, i, ps.AStart, ps.AEnd, ps.BStart, ps.BEnd, len(a), len(b))
		}
		ps.AText, ps.BText = a[ps.AStart:ps.AEnd], b[ps.BStart:ps.BEnd]
	}
	return nil
}

// placeholders returns "?, ?, ..." with n marks.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// limitClause returns a LIMIT/OFFSET clause (empty for no limit).
func limitClause(offset, limit int) string {
	switch {
	case limit > 0:
		return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(offset, 0))
	case offset > 0:
		return fmt.Sprintf(" LIMIT -1 OFFSET %d", offset)
	}
	return ""
}

// sketchCacheSize is how many documents' signatures sketchCache keeps: 64k
// documents, about 40 MB (512-byte signatures).
const sketchCacheSize = 1 << 16

// sketchCache keeps the ids and signatures of the documents the reuse index
// returned as candidates, by seq: the last sketchCacheSize read. A document is a candidate of every later one that shares
// a passage with it; at 100k documents of the benchmark mix a new document
// had some 70 candidates, and reading their signatures (a random lookup of
// 512 bytes each) was half the cost of finding them. Only rows read from the
// store are kept, never those a batch writes: a stored document's seq is
// never given to another (AUTOINCREMENT; a PostgreSQL sequence) and its
// signature never changes (insertSketch keeps the first), so an entry is
// valid for as long as the document's band keys can return it.
type sketchCache struct {
	mu   sync.Mutex
	m    map[int64]cachedSketch
	ring []int64 // seqs in the order they were put, for eviction
	next int
}

type cachedSketch struct {
	doc string
	sig reuse.Signature
}

// get calls hit for each seq the cache holds and returns the others, as
// query arguments.
func (c *sketchCache) get(seqs []int64, hit func(seq int64, doc string, sig reuse.Signature)) []any {
	c.mu.Lock()
	defer c.mu.Unlock()
	var missing []any
	for _, seq := range seqs {
		if e, ok := c.m[seq]; ok {
			hit(seq, e.doc, e.sig)
		} else {
			missing = append(missing, seq)
		}
	}
	return missing
}

func (c *sketchCache) put(seq int64, doc string, sig reuse.Signature) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[int64]cachedSketch)
	}
	if _, ok := c.m[seq]; ok {
		return
	}
	if len(c.ring) < sketchCacheSize {
		c.ring = append(c.ring, seq)
	} else {
		delete(c.m, c.ring[c.next])
		c.ring[c.next] = seq
		c.next = (c.next + 1) % len(c.ring)
	}
	c.m[seq] = cachedSketch{doc, sig}
}
