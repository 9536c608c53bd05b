package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

// Curation in the browser: merge, split, rename, retype and "reject this
// alias" (a split of the alias from the entity), each recorded as a decision
// with its time, the write token's name and an optional note, and undoable
// from the curation page. It is off unless the server has a Curator and
// write tokens; then only a request carrying a write token (the header
// "Authorization: Bearer TOKEN", or the cookie set by opening a page once
// with ?write_token=TOKEN) may post, from a page of this server.

// Curator applies curated decisions to the store and recomputes the entity
// layer. main provides it; the server itself stays read-only otherwise.
type Curator interface {
	// Decide records a decision (op merge, split, rename or type; to is the
	// new name or type) and returns its number and its line.
	Decide(ctx context.Context, op string, names []string, to, who, note string) (seq int64, line string, err error)
	// Undo removes decision seq.
	Undo(ctx context.Context, seq int64, who, note string) error
	// Log returns the newest curation actions first.
	Log(ctx context.Context, limit int) ([]CurationEntry, error)
}

// CurationEntry is one curation action as the page shows it.
type CurationEntry struct {
	At     time.Time `json:"at"`
	Who    string    `json:"who"`
	Action string    `json:"action"` // decide, undo
	Seq    int64     `json:"seq"`
	Line   string    `json:"line"`
	Note   string    `json:"note"`
	Undone bool      `json:"undone"`
}

// WriteCookie carries a write token after "?write_token=".
const WriteCookie = "claimgraph_write"

// curating reports whether curation is on.
func (s *Server) curating() bool { return s.opts.Curator != nil && len(s.opts.WriteTokens) > 0 }

// writer returns the name of the write token the request carries.
func (s *Server) writer(r *http.Request) (string, bool) {
	if !s.curating() {
		return "", false
	}
	check := func(t string) (string, bool) {
		for tok, name := range s.opts.WriteTokens {
			if tokenEqual(t, tok) {
				return name, true
			}
		}
		return "", false
	}
	if scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		if name, ok := check(strings.TrimSpace(tok)); ok {
			return name, true
		}
	}
	if c, err := r.Cookie(WriteCookie); err == nil {
		return check(c.Value)
	}
	return "", false
}

// takeWriteToken handles ?write_token= on any page: it sets the cookie and
// redirects to the page without it. It returns false when it answered.
func (s *Server) takeWriteToken(w http.ResponseWriter, r *http.Request) bool {
	t := r.URL.Query().Get("write_token")
	if t == "" || !s.curating() {
		return true
	}
	ok := false
	for tok := range s.opts.WriteTokens {
		if tokenEqual(t, tok) {
			ok = true
		}
	}
	if !ok {
		s.error(w, r, claimgraph.Errorf(claimgraph.EUNAUTHORIZED, "wrong write token"))
		return false
	}
	rememberToken(w, r, WriteCookie, "write_token", t)
	return false
}

// sameOrigin refuses a post from another site (cross-site request forgery)
// when the write token came in a cookie: the browser's Sec-Fetch-Site must
// say same-origin, or else its Origin must name this server. (A request
// with the token in its Authorization header cannot be forged by a page of
// another site: the server allows no cross-origin requests.)
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin"
	}
	u, err := url.Parse(r.Header.Get("Origin"))
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

func (s *Server) postAllowed(w http.ResponseWriter, r *http.Request) (string, bool) {
	who, ok := s.writer(r)
	if !ok {
		s.error(w, r, claimgraph.Errorf(claimgraph.EUNAUTHORIZED, "curation needs a write token: open any page once with ?write_token=TOKEN"))
		return "", false
	}
	if !bearer(r) && !sameOrigin(r) {
		s.error(w, r, &httpError{status: http.StatusForbidden, code: "forbidden", msg: "a curation request must come from a page of this server"})
		return "", false
	}
	return who, true
}

// bearer reports whether the request carries a token in its Authorization
// header (set by a program, never by a form of another site).
func bearer(r *http.Request) bool {
	scheme, _, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	return ok && strings.EqualFold(scheme, "Bearer")
}

// postCurate records one decision from a form: op, name (repeated), to, note.
func (s *Server) postCurate(w http.ResponseWriter, r *http.Request) error {
	who, ok := s.postAllowed(w, r)
	if !ok {
		return nil
	}
	if err := r.ParseForm(); err != nil {
		return claimgraph.Errorf(claimgraph.EINVALID, "curation form: %v", err)
	}
	op := r.PostForm.Get("op")
	var names []string
	for _, n := range r.PostForm["name"] {
		for _, part := range strings.Split(n, ",") {
			if p := strings.TrimSpace(part); p != "" {
				names = append(names, p)
			}
		}
	}
	to := strings.TrimSpace(r.PostForm.Get("to"))
	note := strings.TrimSpace(r.PostForm.Get("note"))
	if op == "reject" {
		op = "split" // the alias is not this entity: they are kept apart
	}
	switch op {
	case "merge", "split":
		if len(names) < 2 {
			return claimgraph.Errorf(claimgraph.EINVALID, "%s needs two names or more", op)
		}
	case "rename", "type":
		if len(names) != 1 || to == "" {
			return claimgraph.Errorf(claimgraph.EINVALID, "%s needs the entity's name and the new %s", op, map[string]string{"rename": "name", "type": "type"}[op])
		}
	default:
		return claimgraph.Errorf(claimgraph.EINVALID, "op must be merge, split, rename, type or reject, not %q", op)
	}
	if err := s.pinNames(w, r, op, names, to, note); err != nil {
		if errors.Is(err, errAnswered) {
			return nil
		}
		return err
	}
	seq, line, err := s.opts.Curator.Decide(r.Context(), op, names, to, who, note)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/curate?done="+strconv.FormatInt(seq, 10)+"#d-"+strconv.FormatInt(seq, 10), http.StatusSeeOther)
	_ = line
	return nil
}

// errAnswered says the request was answered already (a choice page).
var errAnswered = errors.New("answered")

// pinNames makes sure each name a merge, rename or retype acts on denotes
// one entity, in place: an entity id (a choice made on the page below)
// becomes that entity's name; a name that fits several entities is
// answered with a page listing them, each a button that posts the same
// decision with that entity (errAnswered). A merge made on a name that
// fits two people would merge all three. Splits (and rejected aliases)
// keep names apart, which is never a wrong merge, so they go as given; a
// name no entity has yet is kept for later, as on the command line.
func (s *Server) pinNames(w http.ResponseWriter, r *http.Request, op string, names []string, to, note string) error {
	check := names
	switch op {
	case "merge":
	case "rename", "type":
		check = names[:1]
	default:
		return nil
	}
	for i, n := range check {
		if _, err := strconv.ParseInt(n, 10, 64); err == nil {
			if names[i], err = s.ownName(r.Context(), n); err != nil {
				return err
			}
			continue
		}
		_, err := s.store.Entity(r.Context(), n)
		var amb *claimgraph.AmbiguousNameError
		switch {
		case errors.As(err, &amb):
			s.render(w, r, http.StatusConflict, "curate-choose", &page{Title: "Which " + amb.Name + "?", Nav: "curate",
				Data: curateChoice(op, names, i, to, note, amb)})
			return errAnswered
		case err != nil && claimgraph.ErrorCode(err) != claimgraph.ENOTFOUND:
			return err
		}
	}
	return nil
}

// ownName returns a name that denotes entity id and no other: its
// canonical name, else the first of its aliases that does. Decisions name
// entities by name, so an entity whose every name is shared cannot be
// pinned by one (renaming it first gives it one).
func (s *Server) ownName(ctx context.Context, id string) (string, error) {
	e, err := s.store.Entity(ctx, id)
	if err != nil {
		return "", err
	}
	names := []string{e.Name}
	for _, a := range e.Aliases {
		names = append(names, a.Name)
	}
	for _, n := range names {
		if x, err := s.store.Entity(ctx, n); err == nil && x.ID == e.ID {
			return n, nil
		}
	}
	return "", claimgraph.Errorf(claimgraph.ECONFLICT, "entity %d (%s) has no name of its own: every name of it fits other entities too; rename it first", e.ID, e.Name)
}

// curateChoose is the page that asks which entity a curation's name means:
// the decision in words, and a form per candidate posting it again with the
// candidate's id in place of the name.
type curateChoose struct {
	Op, Name, To, Note string
	Index              int      // the ambiguous name's place in Names
	Names              []string // the decision's names
	Choices            []claimgraph.EntityCandidate
	More               int
}

func curateChoice(op string, names []string, i int, to, note string, amb *claimgraph.AmbiguousNameError) *curateChoose {
	c := &curateChoose{Op: op, Name: names[i], To: to, Note: note, Index: i, Names: names, Choices: amb.Candidates}
	if len(c.Choices) > maxChoices {
		c.More, c.Choices = len(c.Choices)-maxChoices, c.Choices[:maxChoices]
	}
	return c
}

// postUndo removes a decision: seq, note.
func (s *Server) postUndo(w http.ResponseWriter, r *http.Request) error {
	who, ok := s.postAllowed(w, r)
	if !ok {
		return nil
	}
	if err := r.ParseForm(); err != nil {
		return claimgraph.Errorf(claimgraph.EINVALID, "undo form: %v", err)
	}
	seq, err := strconv.ParseInt(r.PostForm.Get("seq"), 10, 64)
	if err != nil || seq <= 0 {
		return claimgraph.Errorf(claimgraph.EINVALID, "seq must be a decision number, not %q", r.PostForm.Get("seq"))
	}
	if err := s.opts.Curator.Undo(r.Context(), seq, who, strings.TrimSpace(r.PostForm.Get("note"))); err != nil {
		return err
	}
	http.Redirect(w, r, "/curate#log", http.StatusSeeOther)
	return nil
}

// pageCurate lists the curation log, with an undo button for each decision
// in force (for a writer).
func (s *Server) pageCurate(w http.ResponseWriter, r *http.Request) error {
	if !s.curating() {
		return claimgraph.Errorf(claimgraph.ENOTFOUND, "curation is off on this server (serve --write-token NAME:TOKEN turns it on)")
	}
	log, err := s.opts.Curator.Log(r.Context(), 200)
	if err != nil {
		return err
	}
	who, writer := s.writer(r)
	data := map[string]any{"Log": log, "Writer": writer, "Who": who, "Done": r.URL.Query().Get("done")}
	s.render(w, r, http.StatusOK, "curate", &page{Title: "Curation", Nav: "curate", Data: data})
	return nil
}

// curationFor is what an entity page shows of curation: nil when the
// request may not curate.
type curationForm struct {
	Who   string
	Types []string
}

func (s *Server) curationFor(r *http.Request) *curationForm {
	who, ok := s.writer(r)
	if !ok {
		return nil
	}
	return &curationForm{Who: who, Types: []string{claimgraph.TypePER, claimgraph.TypeORG, claimgraph.TypeLOC, claimgraph.TypeMISC}}
}

// ParseWriteTokens reads "NAME:TOKEN" flags into the token → name map,
// refusing short tokens and unnamed ones.
func ParseWriteTokens(specs []string) (map[string]string, error) {
	out := map[string]string{}
	for _, sp := range specs {
		name, tok, ok := strings.Cut(sp, ":")
		name, tok = strings.TrimSpace(name), strings.TrimSpace(tok)
		if !ok || name == "" || tok == "" {
			return nil, claimgraph.Errorf(claimgraph.EINVALID, "a write token is NAME:TOKEN (the name is recorded with each decision)")
		}
		if len(tok) < MinTokenLength {
			return nil, claimgraph.Errorf(claimgraph.EINVALID, "write token of %s: %d characters; use at least %d", name, len(tok), MinTokenLength)
		}
		out[tok] = name
	}
	return out, nil
}
