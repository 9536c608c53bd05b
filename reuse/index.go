package reuse

import (
	"context"
	"fmt"
	"sync"
)

// Candidate is a document found through a shared band key, with its stored
// signature so that the detector can filter it before reading its text.
type Candidate struct {
	Doc string
	Sig Signature
	// Order is when the index received the document (a store's seq, the
	// memory index's count): lower is earlier. The detector attributes a
	// passage to its earliest copies first; 0 when the index cannot say.
	Order int64
}

// Index keeps the signatures and LSH band keys of the documents seen so far.
// The detector computes the band keys; an index only stores and looks them
// up, so a store needs two tables: (band key, doc), indexed by key, and
// (doc, signature blob from Signature.MarshalBinary, shingle count).
type Index interface {
	// Add records a document's signature and band keys so that later
	// documents find it. Adding a document already present replaces nothing
	// and is not an error.
	Add(ctx context.Context, doc string, sig Signature, bands []uint64) error
	// Candidates returns the distinct documents that share at least one band
	// key with bands, with their signatures; none (and no error) when no
	// document does.
	Candidates(ctx context.Context, bands []uint64) ([]Candidate, error)
}

// MemIndex is an Index in memory, safe for concurrent use. It holds no
// pointers per document (signatures in one flat array, band keys as linked
// lists in arrays), so that a corpus of 100k documents costs the garbage
// collector almost nothing to scan.
type MemIndex struct {
	mu       sync.RWMutex
	docs     []string
	ids      map[string]int32
	k        int      // signature length, fixed by the first document
	mins     []uint32 // k minima per document, in document order
	shingles []int32
	// Band keys: heads maps a key to its latest entry (+1); entry e is a
	// document entryDoc[e] and the previous entry with the same key
	// entryNext[e] (+1, 0 ends the list).
	heads     map[uint64]int32
	entryDoc  []int32
	entryNext []int32
}

var _ Index = (*MemIndex)(nil)

// NewMemIndex returns an empty index.
func NewMemIndex() *MemIndex {
	return &MemIndex{ids: map[string]int32{}, heads: map[uint64]int32{}, k: -1}
}

// Len returns the number of documents in the index.
func (x *MemIndex) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.docs)
}

// Add implements Index. All signatures of one index must have one length.
func (x *MemIndex) Add(ctx context.Context, doc string, sig Signature, bands []uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("index add %s: %w", doc, err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, ok := x.ids[doc]; ok {
		return nil
	}
	if x.k < 0 {
		x.k = len(sig.Mins)
	}
	if len(sig.Mins) != x.k {
		return fmt.Errorf("index add %s: signature of %d values in an index of %d", doc, len(sig.Mins), x.k)
	}
	id := int32(len(x.docs))
	x.ids[doc] = id
	x.docs = append(x.docs, doc)
	x.mins = append(x.mins, sig.Mins...)
	x.shingles = append(x.shingles, int32(sig.Shingles))
	for _, key := range bands {
		x.entryDoc = append(x.entryDoc, id)
		x.entryNext = append(x.entryNext, x.heads[key])
		x.heads[key] = int32(len(x.entryDoc))
	}
	return nil
}

// Candidates implements Index. The signatures returned share the index's
// storage: callers must not modify them.
func (x *MemIndex) Candidates(ctx context.Context, bands []uint64) ([]Candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index candidates: %w", err)
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	var out []Candidate
	var seen map[int32]bool
	for _, key := range bands {
		for e := x.heads[key]; e != 0; e = x.entryNext[e-1] {
			id := x.entryDoc[e-1]
			if seen == nil {
				seen = map[int32]bool{}
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			lo := int(id) * x.k
			out = append(out, Candidate{Doc: x.docs[id], Sig: Signature{Mins: x.mins[lo : lo+x.k : lo+x.k], Shingles: int(x.shingles[id])}, Order: int64(id) + 1})
		}
	}
	return out, nil
}
