package territory_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Expected values from the Code officiel géographique (INSEE): 02408 is Laon,
// 13201 the 1st arrondissement of Marseille, 01120 a commune associée of
// Ain; the Aisne's commune numbers stop at 834, so 02999 names no commune;
// 02000 is Laon's postal code, not an INSEE code.
func TestCheckCommune(t *testing.T) {
	tests := []struct {
		code    spie.CommuneCode
		unknown bool
	}{
		{"02408", false},
		{"13201", false},
		{"01120", false},
		{"2A004", false},
		{"97411", false},
		{"", false},
		{"02999", true},
		{"02000", true},
		{"9999", true}, // wrong shape: unknown too (callers check the shape first)
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			fs := territory.CheckCommune(tt.code, "/personne/code_commune")
			if !tt.unknown {
				assert.Empty(t, fs)
				return
			}
			if assert.Len(t, fs, 1) {
				assert.Equal(t, "SPIE-COMMUNE-02", fs[0].Code)
				assert.Equal(t, "/personne/code_commune", fs[0].Path)
				assert.Equal(t, spie.SeverityWarning, fs[0].Severity)
				assert.Contains(t, fs[0].Message, string(tt.code))
				assert.Contains(t, fs[0].MessageEN, string(tt.code))
			}
		})
	}
}

func ExampleCheckCommune() {
	for _, code := range []spie.CommuneCode{"02408", "02999"} {
		fmt.Println(code, territory.CheckCommune(code, "/personne/code_commune").Codes())
	}
	// Output:
	// 02408 []
	// 02999 [SPIE-COMMUNE-02]
}

func ExampleTable_CheckCommune() {
	tb := territory.Default()
	for _, f := range tb.CheckCommune("02000", "/code_insee") {
		fmt.Println(f.Code, f.Path, f.Severity)
	}
	// Output: SPIE-COMMUNE-02 /code_insee warning
}
