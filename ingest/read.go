package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph"
)

// Item is one document read, or one failure. Err's message is one line
// naming the reason; Source names the file and, where there is one, the
// record: "path:LINE" for JSON Lines, "path#offset=N" for WARC, "stdin" for
// standard input.
type Item struct {
	Doc    *claimgraph.Document
	Source string
	Err    error
	// Skipped marks an Err that is a notice, not a failure: an input
	// passed over on purpose (a named pipe inside a folder, a WARC with no
	// article), said so that nothing is left out without a word.
	Skipped bool
	// Read is how many bytes of the input files had been read when the
	// item was made (compressed bytes for gzip): with InputSize, the share
	// of the work done.
	Read int64
	// Notice, with a Doc, says what of the input was read but not used
	// (a date that could not be read); the document is stored all the same.
	Notice string
}

// Formats reported in Document.Format.
const (
	FormatTXT   = "txt"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
	FormatWARC  = "warc"
)

// bufSize is the read buffer of every stream: large enough for sequential
// throughput, small enough that many open readers cost little.
const bufSize = 64 << 10

// Read reads every path ("-" is stdin; directories recursively, in lexical
// order, skipping hidden files and folders) and calls fn for each document or
// failure in a deterministic order. A failure of one input is an Item with
// Err set and reading goes on; Read stops early only if fn returns an error
// (which Read returns) or ctx is done (ctx.Err()). It returns an error before
// reading anything when opts are invalid.
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(Item) error) error {
	o, err := opts.normalize()
	if err != nil {
		return err
	}
	r := &reader{ctx: ctx, opts: o, fn: fn, stdin: stdin}
	for _, p := range paths {
		if err := r.path(p); err != nil {
			return err
		}
	}
	return nil
}

// reader carries one Read call's state.
type reader struct {
	ctx   context.Context
	opts  Options
	fn    func(Item) error
	stdin io.Reader
	read  int64 // bytes read from files so far
}

// counter counts the bytes read through it into *n.
type counter struct {
	r io.Reader
	n *int64
}

func (c counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// InputSize returns the total size of the files Read would read from paths
// (following the same rules: folders recursively, hidden names skipped),
// and false when it cannot be known (standard input, or a path that is not
// there: Read reports it).
func InputSize(paths []string) (int64, bool) {
	var total int64
	known := true
	for _, p := range paths {
		if p == "-" {
			known = false
			continue
		}
		root := p
		if real, err := filepath.EvalSymlinks(p); err == nil {
			root = real
		}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
				total += st.Size()
			}
			return nil
		})
	}
	return total, known
}

// emit applies the options to a document and hands the item over. Its error
// stops the whole Read.
func (r *reader) emit(it Item) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	it.Read = r.read
	if d := it.Doc; d != nil {
		d.Source = it.Source
		if r.opts.Outlet != "" {
			d.Outlet = r.opts.Outlet
		}
		if d.Date == "" && r.opts.Date != "" {
			d.Date, d.DateSource = r.opts.Date, "flag"
		}
		if err := stripNUL(d); err != nil {
			it.Doc, it.Notice, it.Err = nil, "", err
		}
	}
	return r.fn(it)
}

// stripNUL refuses a document whose text holds a NUL character and replaces
// NULs in its metadata with U+FFFD. Every reader of raw bytes refuses NULs
// (checkBinary), but escapes such as JSON's "\u0000" or an HTML meta value
// bring them back; PostgreSQL's text type cannot hold one, so the same
// document would be stored by SQLite and fail the whole batch on PostgreSQL.
// The text is refused rather than changed because every span is an offset
// into it; metadata carries no offsets.
func stripNUL(d *claimgraph.Document) error {
	if i := strings.IndexByte(d.Text, 0); i >= 0 {
		return fmt.Errorf("%w: NUL character in the text at byte %d", ErrBinary, i)
	}
	for _, f := range []*string{&d.URL, &d.Outlet, &d.Title, &d.Author, &d.Date, &d.Lang} {
		*f = noNUL(*f)
	}
	for k, v := range d.Meta {
		if nk := noNUL(k); nk != k || strings.IndexByte(v, 0) >= 0 {
			delete(d.Meta, k)
			d.Meta[nk] = noNUL(v)
		}
	}
	return nil
}

func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }

// fail emits a failure of source.
func (r *reader) fail(source string, err error) error {
	return r.emit(Item{Source: source, Err: err})
}

func (r *reader) path(p string) error {
	if p == "-" {
		if r.stdin == nil {
			return r.fail("stdin", errors.New("no standard input"))
		}
		return r.stream("stdin", "", r.stdin)
	}
	st, err := os.Stat(p)
	if err != nil {
		return r.fail(p, pathError(err))
	}
	if !st.IsDir() {
		if !st.Mode().IsRegular() {
			// Opening a named pipe blocks until someone writes to it, and
			// a device may never end: refused at once.
			return r.fail(p, fmt.Errorf("not a regular file (%s); to read a stream, pipe it to standard input and pass -", fileKind(st.Mode())))
		}
		return r.file(p)
	}
	// A link to a folder given as an argument is followed (WalkDir would
	// not); the sources keep the name the user gave.
	root := p
	if real, err := filepath.EvalSymlinks(p); err == nil && real != filepath.Clean(p) {
		root = real
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		name := path
		if root != p {
			name = filepath.Join(p, strings.TrimPrefix(path, root))
		}
		if err != nil {
			// An unreadable folder or file is one failure; the walk goes on.
			if ferr := r.fail(name, pathError(err)); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow links to files, not to folders: a link loop cannot
			// make the walk endless. Sockets, devices and pipes are skipped,
			// each said on its own line.
			st, err := os.Stat(path)
			switch {
			case err != nil && d.Type()&fs.ModeSymlink != 0:
				return r.fail(name, fmt.Errorf("broken link: %w", pathError(err)))
			case err != nil:
				return r.fail(name, pathError(err))
			case st.IsDir():
				return r.skip(name, "link to a folder, not followed inside a folder (pass it as an argument)")
			case !st.Mode().IsRegular():
				return r.skip(name, "not a regular file ("+fileKind(st.Mode())+")")
			}
		}
		return r.file(name)
	})
}

// skip emits a notice that source was passed over, and why.
func (r *reader) skip(source, why string) error {
	return r.emit(Item{Source: source, Err: errors.New("skipped: " + why), Skipped: true})
}

// fileKind names a non-regular file's kind for a message.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "not a file"
}

// pathError drops the path and operation from a file system error: the item
// already names the path.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) file(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, pathError(err))
	}
	defer f.Close()
	return r.stream(path, path, counter{f, &r.read})
}

// stream reads one input: name (a path, or "" for stdin) chooses the format
// by extension; the content decides when the extension does not.
func (r *reader) stream(source, name string, in io.Reader) error {
	br := bufio.NewReaderSize(in, bufSize)
	kind := kindOf(name)
	gz := isGzip(br)
	if kind == kindUnknown {
		head, whole, err := peekContent(br, gz)
		if err != nil {
			return r.fail(source, err)
		}
		kind = sniff(head, whole)
	}
	if kind == kindWARC {
		return r.warc(source, br)
	}
	var content io.Reader = br
	if gz {
		zr, err := gunzip(br, r.opts.MaxDecompressed)
		if err != nil {
			return r.fail(source, err)
		}
		content = bufio.NewReaderSize(zr, bufSize)
	}
	switch kind {
	case kindJSONL:
		return r.jsonl(source, content)
	case kindHTML:
		return r.html(source, content)
	default:
		return r.txt(source, content)
	}
}

// readDoc reads one whole document's bytes, refusing more than max.
func readDoc(in io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(in, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}
