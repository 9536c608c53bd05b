package main

import (
	"flag"
	"fmt"
)

// Every listing pages the same way: --limit N items from --offset K, and
// when more follow it says so on stderr, with the flag that shows them.
// Nothing is cut without a word.

const (
	defaultListLimit = 1000
	maxListLimit     = 5000 // below the stores' own cap on one read (10,000), so one more can be asked
)

// pageFlags are a listing's --limit and --offset.
type pageFlags struct {
	name          string // the command, for the message
	limit, offset *int
}

// listFlags adds --limit and --offset to a listing's flags. what names the
// items ("quotes", "claim groups").
func listFlags(fs *flag.FlagSet, name, what string) *pageFlags {
	return &pageFlags{
		name:   name,
		limit:  fs.Int("limit", defaultListLimit, fmt.Sprintf("at most this many %s (at most %d; the rest are announced on stderr)", what, maxListLimit)),
		offset: fs.Int("offset", 0, fmt.Sprintf("skip this many %s first", what)),
	}
}

// check refuses limits the stores would cut silently.
func (p *pageFlags) check() error {
	if *p.limit < 1 || *p.limit > maxListLimit {
		return fmt.Errorf("%s: --limit must be between 1 and %d, not %d", p.name, maxListLimit, *p.limit)
	}
	if *p.offset < 0 {
		return fmt.Errorf("%s: --offset must not be negative", p.name)
	}
	return nil
}

// ask returns the offset and limit to read: one more than shown, to learn
// whether more follow.
func (p *pageFlags) ask() (offset, limit int) { return *p.offset, *p.limit + 1 }

// cut returns how many of n items read to show, and says on stderr when
// more follow and how to see them.
func (p *pageFlags) cut(m *Main, n int) int {
	if n <= *p.limit {
		return n
	}
	next := *p.offset + *p.limit
	fmt.Fprintf(m.Stderr, "claimgraph: %s: showing %d from offset %d; more follow: add --offset %d (or a larger --limit, up to %d)\n",
		p.name, *p.limit, *p.offset, next, maxListLimit)
	return *p.limit
}
