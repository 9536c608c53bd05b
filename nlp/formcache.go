package nlp

import "sync/atomic"

// formCache keeps an entry per word form, made once and never changed, for
// taggers on many goroutines: a slot is read and replaced atomically, so a
// reader sees a whole entry or none. It is two-way: a form may sit in
// either slot of its pair (picked by a hash of the form), so two frequent
// forms whose hashes meet do not evict each other on every sentence. With
// one way, about 30 of the 1,500 forms of five news articles did.
type formCache[T any] struct {
	slots []atomic.Pointer[T]
}

// newFormCache returns a cache of 2^bits forms (bits >= 1): news text's
// frequent words stay, rare ones replace one another.
func newFormCache[T any](bits uint) *formCache[T] {
	return &formCache[T]{slots: make([]atomic.Pointer[T], 1<<max(bits, 1))}
}

// pair returns the slots where a form of hash h may sit.
func (fc *formCache[T]) pair(h uint64) []atomic.Pointer[T] {
	i := h & uint64(len(fc.slots)-2)
	return fc.slots[i : i+2 : i+2]
}

// get returns the entry whose form (as form reads it) is w, or nil.
func (fc *formCache[T]) get(w string, h uint64, form func(*T) string) *T {
	p := fc.pair(h)
	if e := p[0].Load(); e != nil && form(e) == w {
		return e
	}
	if e := p[1].Load(); e != nil && form(e) == w {
		return e
	}
	return nil
}

// put stores e, the entry of a form of hash h: in an empty slot of its
// pair, or else in place of one of the two, picked by the hash.
func (fc *formCache[T]) put(h uint64, e *T) {
	p := fc.pair(h)
	switch {
	case p[0].Load() == nil:
		p[0].Store(e)
	case p[1].Load() == nil:
		p[1].Store(e)
	default:
		p[h>>32&1].Store(e)
	}
}
