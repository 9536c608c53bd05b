package ingest

import "fmt"

// Options configure Read. The zero value of a field means its default
// (see DefaultOptions); a negative cap means no cap.
type Options struct {
	// Outlet, when set, overrides the outlet of every document (--outlet).
	Outlet string
	// Date is an ISO 8601 date or date-time used for documents that carry no
	// date of their own; such documents get DateSource "flag" (--date).
	Date string
	// MaxDocBytes caps the input size of one document: a text or HTML file
	// after decompression, one WARC record's payload, one JSON Lines text or
	// html field.
	MaxDocBytes int64
	// MaxDecompressed caps the bytes decompressed from one gzip stream: a
	// whole .gz file, or one member of a .warc.gz (each record is its own
	// member there, so a large crawl is not cut short). Past it the input is
	// reported as a decompression bomb.
	MaxDecompressed int64
	// MaxLine caps one JSON Lines line; an over-long line is skipped with
	// one error and the rest of the file is read. Default: MaxDocBytes.
	MaxLine int64
}

// Defaults of the caps.
const (
	DefaultMaxDocBytes     = 10 << 20 // 10 MiB
	DefaultMaxDecompressed = 1 << 30  // 1 GiB
)

// DefaultOptions returns the options Read uses for fields left at zero.
func DefaultOptions() Options {
	return Options{
		MaxDocBytes:     DefaultMaxDocBytes,
		MaxDecompressed: DefaultMaxDecompressed,
		MaxLine:         DefaultMaxDocBytes,
	}
}

// normalize fills zero fields with defaults, turns "no cap" into the largest
// value, and checks the date flag, so readers never test for zero.
func (o Options) normalize() (Options, error) {
	if o.MaxDocBytes == 0 {
		o.MaxDocBytes = DefaultMaxDocBytes
	}
	if o.MaxDecompressed == 0 {
		o.MaxDecompressed = DefaultMaxDecompressed
	}
	if o.MaxLine == 0 {
		o.MaxLine = o.MaxDocBytes
	}
	for _, p := range []*int64{&o.MaxDocBytes, &o.MaxDecompressed, &o.MaxLine} {
		if *p < 0 {
			*p = 1<<62 - 1
		}
	}
	if o.Date != "" {
		d, ok := NormalizeDate(o.Date)
		if !ok {
			return o, fmt.Errorf("invalid date %q: want an ISO 8601 date or date-time", o.Date)
		}
		o.Date = d
	}
	return o, nil
}
