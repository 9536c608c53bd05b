package sqlite

// SetLSHRecentRows sets how many band keys lsh_recent holds before a merge,
// for tests; it returns a function restoring the default.
func SetLSHRecentRows(n int) func() {
	old := lshRecentRows
	lshRecentRows = n
	return func() { lshRecentRows = old }
}
