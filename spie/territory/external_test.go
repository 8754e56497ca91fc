//go:build spie_communes_external

package territory_test

import (
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// TestMain hands the table over as a widget page does, so that the tests
// written for the embedded table hold with the table provided at run time
// (go test -tags spie_communes_external ./spie/territory/).
func TestMain(m *testing.M) {
	gz, err := os.ReadFile("communes.tsv.gz")
	if err == nil {
		err = territory.Provide(gz)
	}
	if err != nil {
		os.Stderr.WriteString("table des communes : " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// Until the table is provided, a commune is neither accepted nor refused:
// CheckCommune says it is not checked yet (SPIE-COMMUNE-07, an error), the
// lookups find nothing and Loaded is false; once provided, the same calls
// give the table's answers.
func TestPendingUntilProvided(t *testing.T) {
	territory.ForgetForTest()
	defer territory.Provide(tableFile(t))
	require.False(t, territory.Loaded())

	fs := territory.CheckCommune("02408", "/personne/code_commune")
	require.Len(t, fs, 1)
	assert.Equal(t, "SPIE-COMMUNE-07", fs[0].Code)
	assert.Equal(t, "/personne/code_commune", fs[0].Path)
	assert.Equal(t, spie.SeverityError, fs[0].Severity)
	assert.Contains(t, fs[0].Message, "02408")
	assert.Contains(t, fs[0].MessageEN, "02408")
	// what needs no table keeps its answer: no code, a country code
	assert.Empty(t, territory.CheckCommune("", "/c"))
	assert.True(t, territory.CheckCommune("99134", "/c").HasCode("SPIE-COMMUNE-05"))
	_, ok := territory.DepartementOf("02408")
	assert.False(t, ok)
	_, ok = territory.PositionOf("02408")
	assert.False(t, ok)

	assertRefused(t, territory.Provide([]byte("pas la table")))
	assert.False(t, territory.Loaded(), "des octets refusés ne chargent rien")

	// handed over by several goroutines at once: one table
	gz := tableFile(t)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = territory.Provide(gz) }()
	}
	wg.Wait()
	for _, err := range errs {
		assert.NoError(t, err)
	}
	assert.True(t, territory.Loaded())
	assert.Same(t, territory.Default(), territory.Default())
	assert.Empty(t, territory.CheckCommune("02408", "/c"))
	assert.True(t, territory.CheckCommune("02999", "/c").HasCode("SPIE-COMMUNE-02"))
	d, ok := territory.DepartementOf("02408")
	assert.True(t, ok)
	assert.Equal(t, spie.DepartementCode("02"), d)
}
