package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/claimgraph/claimgraph"
	"github.com/claimgraph/claimgraph/httpapi"
)

func cmdServe(ctx context.Context, m *Main, args []string) error {
	fs := m.newFlags("serve", "", `
Serve the store read-only: a web UI for reading entities, claims, the graph,
the timeline and the documents with their highlighted evidence, and a JSON API
described at /api/openapi.json.

On a loopback address no token is needed. On any other address serve refuses
to start without --token (or $CLAIMGRAPH_TOKEN), and then every request must
carry it: the header "Authorization: Bearer TOKEN", or the cookie the server
sets when a page is opened once with ?token=TOKEN. A token has at least 16
characters. Without a token only requests naming a loopback host with the
listening port are answered (no DNS rebinding). --tls-cert and --tls-key serve
HTTPS, for use beyond this machine. --write-token NAME:TOKEN turns on curation in
the browser for requests carrying that token (open a page once with
?write_token=TOKEN): each decision is recorded with its time, NAME and a note, and
can be undone on /curate.`)
	db := m.dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	token := fs.String("token", m.Getenv("CLAIMGRAPH_TOKEN"), "access token required on every request ($CLAIMGRAPH_TOKEN)")
	var writeTokens listFlag
	fs.Var(&writeTokens, "write-token", "NAME:TOKEN allowing curation in the browser (merge, split, rename, retype, reject an alias; undo), recorded under NAME; repeatable ($CLAIMGRAPH_WRITE_TOKEN)")
	tlsCert := fs.String("tls-cert", "", "certificate file (PEM) to serve HTTPS with; needs --tls-key")
	tlsKey := fs.String("tls-key", "", "private key file (PEM) of --tls-cert")
	budget := fs.Duration("section-budget", httpapi.DefaultOptions().SectionBudget, "how long an entity page waits for its quotes and claims before the browser fetches them")
	if err := parseArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return claimgraph.Errorf(claimgraph.EINVALID, "serve takes no arguments, got %q", fs.Args())
	}
	if err := httpapi.CheckBind(*addr, *token); err != nil {
		return err
	}
	var tlsConf *tls.Config
	if *tlsCert != "" || *tlsKey != "" {
		var err error
		if tlsConf, err = httpapi.TLSConfig(*tlsCert, *tlsKey); err != nil {
			return err
		}
	}
	if v := m.Getenv("CLAIMGRAPH_WRITE_TOKEN"); v != "" && len(writeTokens) == 0 {
		writeTokens = listFlag{v}
	}
	writers, err := httpapi.ParseWriteTokens(writeTokens)
	if err != nil {
		return err
	}
	var store fullStore
	if len(writers) > 0 {
		store, err = m.openExisting(ctx, *db) // curation writes decisions
	} else {
		store, err = m.openReader(ctx, *db)
	}
	if err != nil {
		return err
	}
	defer store.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	scheme := "http"
	if tlsConf != nil {
		ln, scheme = tls.NewListener(ln, tlsConf), "https"
	} else if host, _, _ := net.SplitHostPort(*addr); !httpapi.IsLoopback(host) {
		fmt.Fprintln(m.Stderr, "claimgraph: serve: warning: the token travels in clear text; use --tls-cert and --tls-key beyond this machine")
	}
	opts := httpapi.DefaultOptions()
	opts.Token = *token
	opts.SectionBudget = *budget
	opts.Logger = slog.New(slog.NewTextHandler(m.Stderr, nil))
	if len(writers) > 0 {
		cur, err := newCurator(store)
		if err != nil {
			return err
		}
		opts.Curator, opts.WriteTokens = cur, writers
	}
	fmt.Fprintf(m.Stdout, "serving %s on %s://%s/\n", *db, scheme, ln.Addr())
	return serveHTTP(ctx, ln, httpapi.New(store, opts))
}

// serveHTTP serves h on ln until ctx ends, then shuts down gracefully.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
