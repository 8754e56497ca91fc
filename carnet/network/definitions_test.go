package network_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie/secret"
)

// Every figure a network report publishes (a secret.Cell or a share) has
// one definition, and every definition names a figure: the expected set is
// read from the report's own types, not from the list under test.
func TestIndicatorsNameEveryFigure(t *testing.T) {
	assert.NoError(t, network.Indicators.Check())
	var want []string
	cell, share := reflect.TypeOf(secret.Cell{}), reflect.TypeOf((*float64)(nil))
	for _, v := range []any{network.StatusCount{}, network.CohortIndicators{}, network.CommitteeIndicators{}} {
		ty := reflect.TypeOf(v)
		for i := range ty.NumField() {
			f := ty.Field(i)
			if f.Type == cell || f.Type == share {
				want = append(want, strings.Split(f.Tag.Get("json"), ",")[0])
			}
		}
	}
	got := network.Indicators.Keys()
	sort.Strings(want)
	sort.Strings(got)
	assert.Equal(t, want, got)
	for _, d := range network.Indicators {
		assert.Len(t, d.Map["mesure"], 1, d.Key)
	}
}
