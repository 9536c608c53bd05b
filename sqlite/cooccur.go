package sqlite

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
)

// Co-occurrence is stored one row per entity (entity_cooccurrence): the
// entities sharing a document with it, packed in one value, strongest
// first. The table of one row per ordered pair it replaces held 2 million
// rows at 10k documents, and writing them (two B-trees a row) was the
// largest cost of an entity-layer recomputation: 4.7 of its 8.7 CPU-seconds
// on SQLite, 30 s of server time on PostgreSQL. Every reader asks for the
// partners of one entity (or of a few), which one row answers.

// coPartner is an entity co-occurring with another: the documents they
// share and the distinct sources (outlets) among those.
type coPartner struct {
	entity        int64
	docs, sources int
}

// partnersVersion is the first byte of an encoded partner list.
const partnersVersion = 1

// encodePartners packs partners, which must be in reading order (docs
// descending, then entity id): a version byte, then for each partner its
// entity id, documents and sources as unsigned varints.
func encodePartners(ps []coPartner) []byte {
	out := make([]byte, 1, 1+len(ps)*5)
	out[0] = partnersVersion
	for _, p := range ps {
		out = binary.AppendUvarint(out, uint64(p.entity))
		out = binary.AppendUvarint(out, uint64(p.docs))
		out = binary.AppendUvarint(out, uint64(p.sources))
	}
	return out
}

// decodePartners unpacks the first limit partners of an encoded list (all
// of them when limit <= 0).
func decodePartners(b []byte, limit int) ([]coPartner, error) {
	var out []coPartner
	err := eachPartner(b, func(p coPartner) bool {
		out = append(out, p)
		return limit <= 0 || len(out) < limit
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachPartner calls fn with the partners of an encoded list in order until
// it returns false, without holding the list: the graph reads the lists of
// 50 of the most named entities (30,000 partners for the largest at 100k
// documents) for the few partners among its nodes.
func eachPartner(b []byte, fn func(coPartner) bool) error {
	if len(b) == 0 {
		return nil
	}
	if b[0] != partnersVersion {
		return fmt.Errorf("co-occurrence list: unknown version %d", b[0])
	}
	b = b[1:]
	for n := 0; len(b) > 0; n++ {
		var v [3]uint64
		for i := range v {
			x, k := binary.Uvarint(b)
			if k <= 0 || x > math.MaxInt64 {
				return fmt.Errorf("co-occurrence list: truncated or overlong number after %d partners", n)
			}
			v[i], b = x, b[k:]
		}
		if !fn(coPartner{int64(v[0]), int(v[1]), int(v[2])}) {
			return nil
		}
	}
	return nil
}

// entityDocRow is one row of entity_docs: an entity mentioned in a
// document, how often, and the document's source.
type entityDocRow struct {
	entity   int64
	doc      string
	mentions int
	source   string
}

// coOccurrence computes every entity's partner list from entity_docs rows:
// the ordered pairs of distinct entities among each document's
// MaxPairEntities most mentioned ones (ties to the smaller id), with the
// documents each pair shares and their distinct sources. emit is called
// once per entity with partners, in ascending entity order, with the list
// in reading order. The cost is one step per pair in each document, with
// memory for the rows and two counters per entity.
func coOccurrence(rows []entityDocRow, emit func(entity int64, ps []coPartner) error) error {
	// Dense numbers for entities, documents and sources.
	ents := map[int64]int32{}
	var entIDs []int64
	docs := map[string]int32{}
	var docTop [][]int32 // per document: its entities (dense), ranked
	var docMentions [][]int
	var docSource []int32
	sources := map[string]int32{}
	for _, r := range rows {
		e, ok := ents[r.entity]
		if !ok {
			e = int32(len(entIDs))
			ents[r.entity] = e
			entIDs = append(entIDs, r.entity)
		}
		d, ok := docs[r.doc]
		if !ok {
			d = int32(len(docTop))
			docs[r.doc] = d
			docTop = append(docTop, nil)
			docMentions = append(docMentions, nil)
			s, ok := sources[r.source]
			if !ok {
				s = int32(len(sources))
				sources[r.source] = s
			}
			docSource = append(docSource, s)
		}
		docTop[d] = append(docTop[d], e)
		docMentions[d] = append(docMentions[d], r.mentions)
	}
	// Each document keeps its MaxPairEntities most mentioned entities.
	byEntity := make([][]int32, len(entIDs)) // entity → documents it ranks in
	for d, es := range docTop {
		ms := docMentions[d]
		idx := make([]int, len(es))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(i, j int) bool {
			a, b := idx[i], idx[j]
			if ms[a] != ms[b] {
				return ms[a] > ms[b]
			}
			return entIDs[es[a]] < entIDs[es[b]]
		})
		if len(idx) > MaxPairEntities {
			idx = idx[:MaxPairEntities]
		}
		top := make([]int32, len(idx))
		for i, k := range idx {
			top[i] = es[k]
		}
		docTop[d], docMentions[d] = top, nil
		for _, e := range top {
			byEntity[e] = append(byEntity[e], int32(d))
		}
	}
	order := make([]int32, len(entIDs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		switch {
		case entIDs[a] < entIDs[b]:
			return -1
		case entIDs[a] > entIDs[b]:
			return 1
		}
		return 0
	})
	count := make([]int32, len(entIDs))
	srcs := make([]int32, len(entIDs))
	last := make([]int32, len(entIDs)) // last source counted for the pair, plus one
	var touched []int32
	var ps []coPartner
	for _, a := range order {
		ds := byEntity[a]
		// A document's source is counted once per pair: the documents in
		// source order make each source's documents consecutive.
		slices.SortFunc(ds, func(x, y int32) int { return int(docSource[x]) - int(docSource[y]) })
		touched = touched[:0]
		for _, d := range ds {
			src := docSource[d] + 1
			for _, y := range docTop[d] {
				if y == a {
					continue
				}
				if count[y] == 0 {
					touched = append(touched, y)
				}
				count[y]++
				if last[y] != src {
					last[y] = src
					srcs[y]++
				}
			}
		}
		if len(touched) == 0 {
			continue
		}
		ps = ps[:0]
		for _, y := range touched {
			ps = append(ps, coPartner{entIDs[y], int(count[y]), int(srcs[y])})
			count[y], srcs[y], last[y] = 0, 0, 0
		}
		slices.SortFunc(ps, func(x, y coPartner) int {
			if x.docs != y.docs {
				return y.docs - x.docs
			}
			switch {
			case x.entity < y.entity:
				return -1
			case x.entity > y.entity:
				return 1
			}
			return 0
		})
		if err := emit(entIDs[a], ps); err != nil {
			return err
		}
	}
	return nil
}

// partnersOf returns the co-occurrence lists of the given entities (the
// first limit partners of each; all when limit <= 0).
func partnersOf(ctx context.Context, q queryer, ids []int64, limit int) (map[int64][]coPartner, error) {
	out := map[int64][]coPartner{}
	err := eachPartnerList(ctx, q, ids, func(id int64, blob []byte) error {
		ps, err := decodePartners(blob, limit)
		if err != nil {
			return err
		}
		out[id] = ps
		return nil
	})
	return out, err
}

// eachPartnerList calls fn with the encoded co-occurrence list of each of
// the given entities that has one.
func eachPartnerList(ctx context.Context, q queryer, ids []int64, fn func(id int64, blob []byte) error) error {
	if len(ids) == 0 {
		return nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := q.QueryContext(ctx, `SELECT entity, partners FROM entity_cooccurrence WHERE entity IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return fmt.Errorf("co-occurrence: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var blob []byte
		if err := rows.Scan(&id, &blob); err != nil {
			return fmt.Errorf("co-occurrence: %w", err)
		}
		if err := fn(id, blob); err != nil {
			return fmt.Errorf("co-occurrence of entity %d: %w", id, err)
		}
	}
	return rows.Err()
}

// deriveCoOccurrence writes entity_cooccurrence from entity_docs.
func deriveCoOccurrence(ctx context.Context, tx *Tx, eds []entityDocRow) error {
	var batch [][]any
	err := coOccurrence(eds, func(e int64, ps []coPartner) error {
		batch = append(batch, []any{e, encodePartners(ps)})
		if len(batch) < 100 {
			return nil
		}
		err := insertRows(ctx, tx, "entity_cooccurrence", "entity, partners", batch)
		batch = batch[:0]
		return err
	})
	if err != nil {
		return err
	}
	return insertRows(ctx, tx, "entity_cooccurrence", "entity, partners", batch)
}
