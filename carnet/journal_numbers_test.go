package carnet_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
)

// An event's hash does not depend on how an integral number is written:
// 35, 35.0, 3.5e1 and 350e-1 are the same number (RFC 8259 §6 leaves the
// notation free; RFC 8785 §3.2.2.3 writes it 35). A different number
// changes the hash.
func TestEventHashNumberNotation(t *testing.T) {
	e := carnet.Event{Carnet: "c-1", Op: carnet.OpAdd, Target: carnet.TargetActions, ItemID: "a-1",
		After: json.RawMessage(`{"id":"a-1","heures_hebdomadaires":35}`)}
	want := e.ComputeHash()
	for _, written := range []string{"35.0", "3.5e1", "3.5E+1", "350e-1", "35.000", "0.35e2"} {
		e.After = json.RawMessage(`{"id":"a-1","heures_hebdomadaires":` + written + `}`)
		assert.Equal(t, want, e.ComputeHash(), written)
	}
	for _, other := range []string{"36", "35.5", "-35", "3.5"} {
		e.After = json.RawMessage(`{"id":"a-1","heures_hebdomadaires":` + other + `}`)
		assert.NotEqual(t, want, e.ComputeHash(), other)
	}
}

// The reviewer's repro: an example carnet whose journal writes one 35 as
// 35.0 still verifies.
func TestJournalVerifiesNumberRewritten(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "examples", "carnet", "cej-jeune-laon.json"))
	require.NoError(t, err)
	s := string(b)
	i := strings.Index(s, `"journal"`)
	require.Positive(t, i)
	journal := s[i:]
	require.Contains(t, journal, `"heures_hebdomadaires": 35,`)
	s = s[:i] + strings.Replace(journal, `"heures_hebdomadaires": 35,`, `"heures_hebdomadaires": 35.0,`, 1)
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal([]byte(s), &c))
	assert.Empty(t, carnet.Verify(c.Journal))
}

// FuzzEventHashNumberNotation: an integer n hashes the same written n,
// n.0, n.000, nE+0, n.0e0 and, when n ≠ 0, n0e-1 (worked from the
// notation: 10n·10⁻¹ = n), and differently from n+1.
func FuzzEventHashNumberNotation(f *testing.F) {
	for _, n := range []int64{0, 35, -35, 1 << 53, -1 << 62} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		if n == 1<<63-1 {
			return
		}
		hash := func(lit string) string {
			e := carnet.Event{Carnet: "c", Op: carnet.OpUpdate, Target: carnet.TargetPersonne,
				After: json.RawMessage(`{"n":` + lit + `,"l":[` + lit + `]}`)}
			return e.ComputeHash()
		}
		d := strconv.FormatInt(n, 10)
		want := hash(d)
		lits := []string{d + ".0", d + ".000", d + "E+0", d + ".0e0"}
		if n != 0 { // 00e-1 is no JSON number
			lits = append(lits, d+"0e-1")
		}
		for _, lit := range lits {
			assert.Equal(t, want, hash(lit), lit)
		}
		assert.NotEqual(t, want, hash(strconv.FormatInt(n+1, 10)))
	})
}
