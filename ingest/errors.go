package ingest

import "errors"

// Reasons an input is refused. Item.Err wraps one of them (test with
// errors.Is); its message adds the details in one line.
var (
	ErrBinary         = errors.New("binary file")
	ErrEmpty          = errors.New("empty document")
	ErrTooLarge       = errors.New("document over the size cap")
	ErrLineTooLong    = errors.New("line over the size cap")
	ErrBomb           = errors.New("decompression bomb")
	ErrTruncated      = errors.New("truncated input")
	ErrCorrupt        = errors.New("corrupt input")
	ErrInvalidJSON    = errors.New("invalid JSON")
	ErrNoText         = errors.New("no main text found")
	ErrNotWARC        = errors.New("not a WARC record")
	ErrUnsupportedEnc = errors.New("unsupported content encoding")
)
