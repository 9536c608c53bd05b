package ingest

import (
	"errors"
	"io"
)

// warc is not built yet: a WARC input is one failure so a batch goes on.
func (r *reader) warc(source string, _ io.Reader) error {
	return r.fail(source, errors.New("WARC reader not built yet"))
}
