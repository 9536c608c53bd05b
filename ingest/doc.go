// Package ingest turns paths into documents: plain text, HTML, JSON Lines and
// WARC files, gzip-compressed or not, directories (recursively) and stdin.
//
// Read walks its inputs in a deterministic order and hands each document, or
// each failure, to a callback as one Item. Bad input never stops a batch: a
// binary file, an empty file, a truncated gzip or WARC stream, a
// decompression bomb, an over-large document or an over-long JSON Lines line
// each yields exactly one Item whose Err names the reason, and reading goes on
// with the next record or file.
//
// Every reader streams: inputs are read through bounded buffers, so a 100 MB
// line or a gzip bomb costs at most the configured caps in memory.
//
// Documents come out with their original text (Text: every later span is a
// byte offset into it) and metadata; their ID and Regions are left for the
// cleaner and the store.
package ingest
