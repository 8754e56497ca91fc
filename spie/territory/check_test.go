package territory_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// Each unknown code gets the nearest explanation. Expected values from
// outside the code: 02000 is the postal code of Laon (La Poste), Laon
// (24,220 inhabitants) being the most populous of the communes it serves;
// Courcouronnes (91182) merged with Évry into Évry-Courcouronnes (91228) on
// 1 January 2019 without a commune déléguée (INSEE, COG, historique);
// 99100 is Denmark's INSEE country code; 75001 is the postal code of Paris's
// 1st arrondissement (INSEE 75101), never a commune code, even though the
// Seine gave Alfortville the code 75001 before 1968 (a département change,
// not a merger); 97127 was Saint-Martin's code before 2007, today the postal
// code of La Désirade (97110), and is no Saint-Martin any more.
func TestCheckCommuneExplained(t *testing.T) {
	tests := []struct {
		code     spie.CommuneCode
		fault    string
		contains []string
	}{
		{"02000", "SPIE-COMMUNE-03", []string{"code postal", "communes possibles 02000 → Laon 02408"}},
		{"75001", "SPIE-COMMUNE-03", []string{"code postal", "Paris 1er Arrondissement 75101"}},
		{"97127", "SPIE-COMMUNE-03", []string{"La Désirade 97110"}},
		{"91182", "SPIE-COMMUNE-04", []string{"ancienne commune fusionnée dans Évry-Courcouronnes (91228)"}},
		{"99100", "SPIE-COMMUNE-05", []string{"code de pays"}},
		{"02999", "SPIE-COMMUNE-02", []string{"02999"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			fs := territory.CheckCommune(tt.code, "/code_insee")
			require.Len(t, fs, 1)
			assert.Equal(t, tt.fault, fs[0].Code)
			assert.Equal(t, "/code_insee", fs[0].Path)
			assert.Equal(t, spie.SeverityWarning, fs[0].Severity)
			for _, c := range tt.contains {
				assert.Contains(t, fs[0].Message, c)
			}
			assert.NotEmpty(t, fs[0].MessageEN)
		})
	}
}

// A 25-commune postal code names the first three and how many more: 02000
// serves 25 communes (La Poste), so 22 are left unnamed.
func TestCheckCommunePostalCount(t *testing.T) {
	fs := territory.CheckCommune("02000", "")
	require.Len(t, fs, 1)
	assert.Contains(t, fs[0].Message, "(+22)")
	assert.Len(t, territory.Default().PostalCommunes("02000"), 25)
}

// No prefix fallback: an unknown code belongs to no département; a merged
// code to its successor's. 97127 (Saint-Martin before 2007) is unknown,
// so it is in no Guadeloupe (971) cohort.
func TestDepartementOf(t *testing.T) {
	tests := []struct {
		code spie.CommuneCode
		dep  spie.DepartementCode
		ok   bool
	}{
		{"02408", "02", true},
		{"2A004", "2A", true},
		{"13201", "13", true},
		{"91182", "91", true},
		{"97127", "", false},
		{"02999", "", false},
		{"02000", "", false},
	}
	for _, tt := range tests {
		d, ok := territory.DepartementOf(tt.code)
		assert.Equal(t, tt.ok, ok, tt.code)
		assert.Equal(t, tt.dep, d, tt.code)
	}
}

func ExampleDepartementOf() {
	for _, code := range []spie.CommuneCode{"02408", "97127"} {
		d, ok := territory.DepartementOf(code)
		fmt.Printf("%s %q %v\n", code, d, ok)
	}
	// Output:
	// 02408 "02" true
	// 97127 "" false
}

func ExampleTable_Successor() {
	c, ok := territory.Default().Successor("91182")
	fmt.Println(c.Code, c.Name, ok)
	// Output: 91228 Évry-Courcouronnes true
}

func ExampleTable_PostalCommunes() {
	fmt.Println(territory.Default().PostalCommunes("13001"))
	// Output: [13055 13201]
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
	// Output: SPIE-COMMUNE-03 /code_insee warning
}
