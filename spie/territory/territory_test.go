package territory_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie/territory"
)

func TestDefault(t *testing.T) {
	tb := territory.Default()
	assert.Contains(t, tb.Version, "@etalab/decoupage-administratif")
	assert.Greater(t, tb.Communes(), 34000)
	tests := []struct {
		name, code, dep, epci, parent string
	}{
		{"Laon", "02408", "02", "200043495", ""},
		{"Paris", "75056", "75", "200054781", ""},
		{"arrondissement municipal", "13201", "13", "200054807", "13055"},
		{"commune associée", "01120", "01", "240100610", "01262"},
		{"Corse", "2A004", "2A", "242010056", ""},
		{"outre-mer", "97411", "974", "249740119", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := tb.Commune(tt.code)
			require.True(t, ok)
			assert.Equal(t, tt.dep, c.Departement)
			assert.Equal(t, tt.epci, c.EPCI)
			assert.Equal(t, tt.parent, c.Parent)
			_, ok = tb.EPCI(c.EPCI)
			assert.True(t, ok)
			_, ok = tb.Departement(c.Departement)
			assert.True(t, ok)
		})
	}
	_, ok := tb.Commune("02999")
	assert.False(t, ok)
	_, ok = tb.Departement("20")
	assert.False(t, ok)
	assert.Contains(t, tb.Members("200043495"), "02408")
	assert.Greater(t, len(tb.CommunesOf("02")), 700)
}

func TestParseRejectsMalformed(t *testing.T) {
	_, err := territory.Parse([]byte("not gzip"))
	assert.Error(t, err)
}

func ExampleTable_Commune() {
	c, _ := territory.Default().Commune("02408")
	fmt.Println(c.Name, c.Departement, c.EPCI)
	// Output: Laon 02 200043495
}
