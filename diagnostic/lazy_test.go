package diagnostic_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/diagnostic"
)

// The referential indexes and the default rules are built on first use
// (sync.OnceValue), not at package initialisation: several goroutines use
// them at once without a race (go test -race) and each sees them whole.
// Expected values come from the catalogues themselves: every key of a
// catalogue is valid and carries the label and group of its definition.
func TestLazyLookupsFromSeveralGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NotNil(t, diagnostic.DefaultOrientationRules())
			for _, d := range diagnostic.Situations {
				s := diagnostic.Situation(d.Key)
				assert.True(t, s.Valid(), d.Key)
				assert.Equal(t, d.Label.FR, s.Label(), d.Key)
				assert.Equal(t, d.Group, string(s.Thematique()), d.Key)
			}
			for _, d := range diagnostic.Objectifs {
				assert.True(t, diagnostic.Objectif(d.Key).Valid(), d.Key)
			}
			for _, d := range diagnostic.BesoinDefinitions {
				assert.True(t, diagnostic.Besoin(d.Key).Valid(), d.Key)
			}
		}()
	}
	wg.Wait()
}
