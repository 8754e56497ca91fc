//go:build spie_communes_external

package territory

// ForgetForTest drops the provided table, so that a test sees the pending
// state again (build with the tag spie_communes_external only).
func ForgetForTest() { current.Store(nil) }
