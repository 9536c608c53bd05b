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

// MemIndex is an Index in memory, safe for concurrent use.
type MemIndex struct {
	mu    sync.RWMutex
	docs  []string
	sigs  []Signature
	ids   map[string]int32
	bands map[uint64][]int32
}

var _ Index = (*MemIndex)(nil)

// NewMemIndex returns an empty index.
func NewMemIndex() *MemIndex {
	return &MemIndex{ids: map[string]int32{}, bands: map[uint64][]int32{}}
}

// Len returns the number of documents in the index.
func (x *MemIndex) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.docs)
}

// Add implements Index.
func (x *MemIndex) Add(ctx context.Context, doc string, sig Signature, bands []uint64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("index add %s: %w", doc, err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, ok := x.ids[doc]; ok {
		return nil
	}
	id := int32(len(x.docs))
	x.ids[doc] = id
	x.docs = append(x.docs, doc)
	x.sigs = append(x.sigs, sig)
	for _, k := range bands {
		x.bands[k] = append(x.bands[k], id)
	}
	return nil
}

// Candidates implements Index.
func (x *MemIndex) Candidates(ctx context.Context, bands []uint64) ([]Candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index candidates: %w", err)
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	var out []Candidate
	seen := map[int32]bool{}
	for _, k := range bands {
		for _, id := range x.bands[k] {
			if !seen[id] {
				seen[id] = true
				out = append(out, Candidate{Doc: x.docs[id], Sig: x.sigs[id]})
			}
		}
	}
	return out, nil
}
