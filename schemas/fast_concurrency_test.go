package schemas_test

import (
	"sort"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/schemas"
)

// TestValidateConcurrent validates the examples from several goroutines
// at once (the decoders are pooled, the plans shared) and expects the
// verdicts of a sequential run.
func TestValidateConcurrent(t *testing.T) {
	docs := exampleDocs(t, "diagnostic")
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	want := make([]string, len(names))
	for i, n := range names {
		want[i] = verdict(schemas.Validate("diagnostic", docs[n], diffNow))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(names))
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				for i, n := range names {
					if got := verdict(schemas.Validate("diagnostic", docs[n], diffNow)); got != want[i] {
						errs <- n + " :\n" + got
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		assert.Fail(t, "verdict différent en parallèle", e)
	}
}
