// Package ingest turns paths into documents: plain text, HTML, JSON Lines and
// WARC files, gzip-compressed or not, directories (recursively) and stdin.
//
// Read walks its inputs in a deterministic order (paths as given, each
// folder in lexical order, hidden files and folders skipped) and hands each
// document, or each failure, to a callback as one Item. Bad input never
// stops a batch: a binary file, an empty file, a truncated gzip or WARC
// stream, a decompression bomb, an over-large document or an over-long JSON
// Lines line each yields exactly one Item whose Err wraps one of the Err*
// reasons, and reading goes on with the next record or file.
//
// Formats are chosen by extension (.txt .text, .html .htm .xhtml .shtml,
// .jsonl .ndjson, .warc, each optionally .gz), otherwise by content: gzip by
// its magic bytes, then a WARC version line, a JSON object on the first
// line, HTML by the WHATWG sniffing rules, text otherwise.
//
// Every reader streams through bounded buffers, so a 100 MB line or a gzip
// bomb costs at most the configured caps in memory (see Options).
//
// What a document carries:
//
//   - Text: the original text every later span is a byte offset into. For
//     text it is the file decoded to UTF-8; for HTML (and WARC, and JSON
//     Lines html fields) the main text found by go-trafilatura, or by
//     go-readability when trafilatura finds little or the page is huge, one
//     paragraph per block separated by blank lines. Raw then keeps the page.
//   - Source: the path; "path:LINE" for JSON Lines; "path#offset=N" for
//     WARC, N being the record's offset, or its gzip member's in a .warc.gz
//     ("&in=M" adds the position inside a member holding several records);
//     "stdin" for standard input.
//   - Format: txt, html, jsonl, warc.
//   - Encoding: utf-8, utf-8-bom, utf-8-lossy (a few invalid bytes replaced),
//     utf-16le, utf-16be, windows-1252, or an HTML page's declared charset.
//   - Date and DateSource: "jsonl"; "html:<field>" naming the tag
//     (article:published_time, json-ld:datepublished, time:pubdate,
//     htmldate for trafilatura's heuristics, ...); "warc" for the capture
//     time when the page gives none; "flag" for Options.Date.
//   - URL, Title, Author, Outlet, Lang, and Meta for the rest: other JSON
//     Lines fields (id included), "meta:<name>" HTML meta tags, WARC record
//     ids, which extractor produced the text.
//
// ID and Regions are left empty for the cleaner and the store.
package ingest
