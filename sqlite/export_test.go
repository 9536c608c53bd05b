package sqlite

// SetLSHRecentRows sets how many band keys lsh_recent holds before a merge,
// for tests; it returns a function restoring the default.
func SetLSHRecentRows(n int) func() {
	old := lshRecentRows
	lshRecentRows = n
	return func() { lshRecentRows = old }
}

// SetLSHMergeFactor sets the factor of lsh_recent's merge threshold's
// square-root term, for tests; it returns a function restoring the default.
func SetLSHMergeFactor(f float64) func() {
	old := lshMergeFactor
	lshMergeFactor = f
	return func() { lshMergeFactor = old }
}

// LSHMergeAt is lshMergeAt, for tests.
func LSHMergeAt(keys int) int { return lshMergeAt(keys) }
