// Package httpapi serves claimgraph read-only over HTTP: a JSON API described
// by an OpenAPI file, and a web UI of server-rendered pages for people who
// read — search, entity pages, a graph whose every edge opens its evidence,
// a timeline, and a document reader with highlighted spans.
//
// Article text is always rendered as text (html/template escapes it; the few
// scripts use textContent, never innerHTML), the Content-Security-Policy
// forbids inline script, only GET and HEAD are accepted, and when a token is
// set every request must carry it: either the header
// "Authorization: Bearer TOKEN", or the cookie "claimgraph_token", which the
// server sets once when a page is opened with "?token=TOKEN" (and then
// redirects to the same URL without it, so the token leaves the address bar).
package httpapi

import (
	"crypto/subtle"
	"crypto/tls"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

//go:embed openapi.json
var openAPI []byte

// Options configure the server. main fills them from flags.
type Options struct {
	// Token, when not empty, is required on every request.
	Token string
	// PageSize is the default number of items per page; MaxPageSize caps
	// what a client may ask for.
	PageSize    int
	MaxPageSize int
	// GraphNodes is the default cap on graph nodes; GraphMaxNodes the most a
	// client may ask for.
	GraphNodes    int
	GraphMaxNodes int
	// SectionBudget is how long a page waits for a secondary list (an
	// entity's quotes and claims) before leaving it to the browser.
	SectionBudget time.Duration
	// DeferDocs: an entity named in more documents has its quotes and
	// claims fetched by the browser without waiting for them first.
	DeferDocs int
	// Logger receives one line per failed request; nil discards.
	Logger *slog.Logger
	// Curator and WriteTokens (token → the name recorded with each
	// decision) turn curation in the browser on; without both the server
	// is read-only.
	Curator     Curator
	WriteTokens map[string]string
}

// DefaultOptions returns the options serve starts from.
func DefaultOptions() Options {
	return Options{PageSize: 50, MaxPageSize: 500, GraphNodes: 40, GraphMaxNodes: 500, SectionBudget: 25 * time.Millisecond, DeferDocs: 1000}
}

// TokenCookie is the cookie that carries the access token after "?token=".
const TokenCookie = "claimgraph_token"

// Server is the HTTP handler over a store.
type Server struct {
	store claimgraph.QueryStore
	opts  Options
	log   *slog.Logger
	pages map[string]*pageTemplate
	mux   *http.ServeMux
}

// route is one entry of the route table.
type route struct {
	pattern string // method and path, as http.ServeMux reads it
	api     bool   // a JSON API route, documented in openapi.json
	handler func(*Server, http.ResponseWriter, *http.Request) error
}

// routes is the one list of everything the server answers. Every route is
// read-only; GET patterns also answer HEAD.
func routes() []route {
	return []route{
		// JSON API.
		{"GET /api/openapi.json", true, (*Server).apiOpenAPI},
		{"GET /api/documents", true, (*Server).apiDocuments},
		{"GET /api/documents/{id}", true, (*Server).apiDocument},
		{"GET /api/entities", true, (*Server).apiEntities},
		{"GET /api/entities/{ref}", true, (*Server).apiEntity},
		{"GET /api/quotes", true, (*Server).apiQuotes},
		{"GET /api/claims", true, (*Server).apiClaims},
		{"GET /api/search", true, (*Server).apiSearch},
		{"GET /api/graph", true, (*Server).apiGraph},
		{"GET /api/edge", true, (*Server).apiEdge},
		{"GET /api/timeline", true, (*Server).apiTimeline},
		{"GET /api/reuse", true, (*Server).apiReuse},
		{"GET /api/outlets", true, (*Server).apiOutlets},
		{"GET /api/export", true, (*Server).apiExport},
		// Web UI.
		{"GET /{$}", false, (*Server).pageHome},
		{"GET /search", false, (*Server).pageSearch},
		{"GET /entities", false, (*Server).pageEntities},
		{"GET /entities/{ref}", false, (*Server).pageEntity},
		{"GET /documents", false, (*Server).pageDocuments},
		{"GET /documents/{id}", false, (*Server).pageDocument},
		{"GET /quotes", false, (*Server).pageQuotes},
		{"GET /claims", false, (*Server).pageClaims},
		{"GET /graph", false, (*Server).pageGraph},
		{"GET /edge", false, (*Server).pageEdge},
		{"GET /timeline", false, (*Server).pageTimeline},
		{"GET /reuse", false, (*Server).pageReuse},
		{"GET /curate", false, (*Server).pageCurate},
		{"POST /curate", false, (*Server).postCurate},
		{"POST /curate/undo", false, (*Server).postUndo},
		{"GET /assets/", false, (*Server).assets},
		// Anything else: a not_found error in the usual form.
		{"GET /", false, (*Server).notFound},
	}
}

// Routes returns the pattern of every route, in the order of the table,
// and whether it belongs to the JSON API.
func Routes() map[string]bool {
	out := map[string]bool{}
	for _, rt := range routes() {
		out[rt.pattern] = rt.api
	}
	return out
}

// New returns the handler serving store with opts. Zero option fields take
// their defaults.
func New(store claimgraph.QueryStore, opts Options) http.Handler {
	s, err := newServer(store, opts)
	if err != nil {
		// The templates are embedded and parsed by every test: a failure
		// here is a programming error.
		panic(err)
	}
	return s
}

func newServer(store claimgraph.QueryStore, opts Options) (*Server, error) {
	def := DefaultOptions()
	if opts.PageSize <= 0 {
		opts.PageSize = def.PageSize
	}
	if opts.MaxPageSize <= 0 {
		opts.MaxPageSize = def.MaxPageSize
	}
	if opts.GraphNodes <= 0 {
		opts.GraphNodes = def.GraphNodes
	}
	if opts.GraphMaxNodes <= 0 {
		opts.GraphMaxNodes = def.GraphMaxNodes
	}
	if opts.SectionBudget <= 0 {
		opts.SectionBudget = def.SectionBudget
	}
	if opts.DeferDocs <= 0 {
		opts.DeferDocs = def.DeferDocs
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{store: store, opts: opts, log: log, pages: pages, mux: http.NewServeMux()}
	for _, rt := range routes() {
		h := rt.handler
		s.mux.HandleFunc(rt.pattern, func(w http.ResponseWriter, r *http.Request) {
			if err := h(s, w, r); err != nil {
				s.error(w, r, err)
			}
		})
	}
	return s, nil
}

// ServeHTTP applies the safety headers, the method rule and the token, then
// routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	post := r.Method == http.MethodPost && s.curating() && (r.URL.Path == "/curate" || r.URL.Path == "/curate/undo")
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !post {
		h.Set("Allow", "GET, HEAD")
		s.error(w, r, &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
			msg: fmt.Sprintf("method %s is not allowed: the server is read-only (GET, HEAD)", r.Method)})
		return
	}
	if s.opts.Token == "" && !loopbackHost(r) {
		s.error(w, r, &httpError{status: http.StatusMisdirectedRequest, code: "misdirected_request",
			msg: fmt.Sprintf("host %q is not this server: without a token only a loopback name with the listening port is served (use http://127.0.0.1:PORT/, or set a token)", r.Host)})
		return
	}
	if s.opts.Token != "" && !s.authorize(w, r) {
		return
	}
	if !s.takeWriteToken(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// loopbackHost reports whether the request's Host header names this
// machine's loopback interface and the port the connection came in on.
// Without a token that is the only protection of the store against DNS
// rebinding: a page of evil.example, its name re-pointed at 127.0.0.1, may
// reach the server but sends "Host: evil.example".
func loopbackHost(r *http.Request) bool {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, ""
	}
	if !IsLoopback(host) {
		return false
	}
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return true // called in-process, not through a listener
	}
	_, lport, err := net.SplitHostPort(local.String())
	if err != nil {
		return false
	}
	if port == "" {
		port = "80"
		if r.TLS != nil {
			port = "443"
		}
	}
	return port == lport
}

// rememberToken keeps a token given as a query parameter in a cookie and
// redirects to the same page without the parameter. The redirect stays on
// this server: "//evil.example/x" is a path here, but as a Location it
// would name another host.
func rememberToken(w http.ResponseWriter, r *http.Request, cookie, param, token string) {
	http.SetCookie(w, &http.Cookie{Name: cookie, Value: token, Path: "/", HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	q := r.URL.Query()
	q.Del(param)
	loc := "/" + strings.TrimLeft(r.URL.EscapedPath(), "/\\")
	if len(q) > 0 {
		loc += "?" + q.Encode()
	}
	http.Redirect(w, r, loc, http.StatusSeeOther)
}

// authorize checks the token; it answers the request itself and returns
// false when the request may not go on.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if t := r.URL.Query().Get("token"); t != "" {
		if !tokenEqual(t, s.opts.Token) {
			s.error(w, r, claimgraph.Errorf(claimgraph.EUNAUTHORIZED, "wrong token"))
			return false
		}
		rememberToken(w, r, TokenCookie, "token", t)
		return false
	}
	if scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") && tokenEqual(strings.TrimSpace(tok), s.opts.Token) {
		return true
	}
	if c, err := r.Cookie(TokenCookie); err == nil && tokenEqual(c.Value, s.opts.Token) {
		return true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="claimgraph"`)
	s.error(w, r, claimgraph.Errorf(claimgraph.EUNAUTHORIZED, "this server requires a token: send 'Authorization: Bearer TOKEN', or open any page once with ?token=TOKEN"))
	return false
}

func tokenEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// MinTokenLength is the shortest token accepted: a token guards a store
// served to the network, and a short one is guessed.
const MinTokenLength = 16

// CheckBind refuses to serve on an address other than loopback without a
// token, and a token shorter than MinTokenLength. An empty host (":8080")
// listens on every interface.
func CheckBind(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return claimgraph.Errorf(claimgraph.EINVALID, "address %q: %v", addr, err)
	}
	if token != "" && len(token) < MinTokenLength {
		return claimgraph.Errorf(claimgraph.EINVALID, "the token is %d characters; use at least %d (e.g. openssl rand -hex 16)", len(token), MinTokenLength)
	}
	if token != "" || IsLoopback(host) {
		return nil
	}
	return claimgraph.Errorf(claimgraph.EINVALID, "refusing to serve on %s without a token: it is not a loopback address; set --token or $CLAIMGRAPH_TOKEN", addr)
}

// TLSConfig loads a certificate and its key (PEM files) for serving HTTPS.
func TLSConfig(certFile, keyFile string) (*tls.Config, error) {
	if (certFile == "") != (keyFile == "") {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "TLS needs both a certificate and a key (--tls-cert and --tls-key)")
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, claimgraph.Errorf(claimgraph.EINVALID, "TLS certificate %s with key %s: %v", certFile, keyFile, err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}

// IsLoopback reports whether host names only the local machine.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// httpError is an error of the HTTP layer itself (a wrong method), with its
// own status and code.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.code + ": " + e.msg }

// Status maps an error code to its HTTP status. It is the only place that
// does.
func Status(code string) int {
	switch code {
	case "":
		return http.StatusOK
	case claimgraph.EINVALID:
		return http.StatusBadRequest
	case claimgraph.ENOTFOUND:
		return http.StatusNotFound
	case claimgraph.ECONFLICT:
		return http.StatusConflict
	case claimgraph.EUNAUTHORIZED:
		return http.StatusUnauthorized
	default:
		return http.StatusInternalServerError
	}
}

// errorBody is the JSON form of every error.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		// The entities an ambiguous name fits, so a client can choose.
		Candidates []claimgraph.EntityCandidate `json:"candidates,omitempty"`
	} `json:"error"`
}

// error answers a failed request: JSON under /api (and for clients that ask
// for JSON), an HTML page otherwise.
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	var body errorBody
	var status int
	if he, ok := err.(*httpError); ok {
		status, body.Error.Code, body.Error.Message = he.status, he.code, he.msg
	} else {
		body.Error.Code = claimgraph.ErrorCode(err)
		body.Error.Message = claimgraph.ErrorMessage(err)
		status = Status(body.Error.Code)
	}
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	var amb *claimgraph.AmbiguousNameError
	ambiguous := errors.As(err, &amb)
	if ambiguous {
		body.Error.Candidates = amb.Candidates
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json") {
		writeJSON(w, status, body)
		return
	}
	// A name that fits several entities is a question, not a dead end: the
	// page lists them, each a link to the page asked for with its id.
	if ambiguous && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		s.render(w, r, status, "choose", &page{Title: "Which " + amb.Name + "?", Data: chooseEntity(r, amb)})
		return
	}
	s.render(w, r, status, "error", &page{Title: http.StatusText(status), Data: body.Error})
}

// writeJSON writes v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// Compact: indenting cost 3% of the server's CPU under load at 100k
	// documents and a sixth of a listing's bytes.
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return claimgraph.Errorf(claimgraph.ENOTFOUND, "nothing at %s", r.URL.Path)
}

func (s *Server) assets(w http.ResponseWriter, r *http.Request) error {
	sub, err := fs.Sub(assetFS, "assets")
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	if _, err := fs.Stat(sub, name); err != nil || name == "" || strings.HasSuffix(name, "/") {
		return claimgraph.Errorf(claimgraph.ENOTFOUND, "no asset %q", name)
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, sub, name)
	return nil
}

// paging reads offset and limit from the query, with the server's default
// and cap.
type paging struct {
	Offset, Limit int
}

func (s *Server) paging(q url.Values) (paging, error) {
	p := paging{Limit: s.opts.PageSize}
	var err error
	if v := q.Get("offset"); v != "" {
		if p.Offset, err = atoi("offset", v); err != nil {
			return p, err
		}
	}
	if v := q.Get("limit"); v != "" {
		if p.Limit, err = atoi("limit", v); err != nil {
			return p, err
		}
		if p.Limit == 0 {
			p.Limit = s.opts.PageSize
		}
	}
	if p.Limit > s.opts.MaxPageSize {
		return p, claimgraph.Errorf(claimgraph.EINVALID, "limit must be at most %d, not %d; page with offset", s.opts.MaxPageSize, p.Limit)
	}
	return p, nil
}

// atoi parses a non-negative integer parameter.
func atoi(name, v string) (int, error) {
	n := 0
	if v == "" || len(v) > 9 {
		return 0, claimgraph.Errorf(claimgraph.EINVALID, "%s must be a non-negative integer, not %q", name, v)
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return 0, claimgraph.Errorf(claimgraph.EINVALID, "%s must be a non-negative integer, not %q", name, v)
		}
		n = n*10 + int(v[i]-'0')
	}
	return n, nil
}

// list is the JSON envelope of every paged listing. Next is the offset of
// the following page, absent on the last one.
type list[T any] struct {
	Items  []T  `json:"items"`
	Offset int  `json:"offset"`
	Limit  int  `json:"limit"`
	Next   *int `json:"next,omitempty"`
}

// newList trims items fetched with limit+1 to one page and says whether
// another follows.
func newList[T any](items []T, p paging) list[T] {
	l := list[T]{Items: items, Offset: p.Offset, Limit: p.Limit}
	if len(items) > p.Limit {
		l.Items = items[:p.Limit]
		n := p.Offset + p.Limit
		l.Next = &n
	}
	if l.Items == nil {
		l.Items = []T{}
	}
	return l
}
