package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestView(t *testing.T) {
	soissons := carnetExample("rsa-perdu-de-vue-soissons")
	health := []string{"lombalgie", "avis du médecin", "sante-absences-regulieres", `"motif": "sante"`}
	tests := []struct {
		name   string
		args   []string
		golden string
		secret bool // health details visible
	}{
		{"coordinateur SPIE", []string{"view", "--role", "coordinateur-spie", "--structure", "22020000000010", "--professionnel", "Coordination SPIE de l'Aisne", "--date", "2026-06-30", soissons}, "coordinateur-soissons.json", false},
		{"référent", []string{"view", "--role", "referent", "--structure", "22020000000010", "--professionnel", "Marc Dubois", "--date", "2026-06-30", soissons}, "referent-soissons.json", true},
		{"partenaire de l'auto-école", []string{"view", "--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Auto-école solidaire du Laonnois", "--date", "2026-06-30", carnetExample("cej-jeune-laon")}, "partenaire-laon.json", false},
		{"structure sans droit", []string{"view", "--role", "partenaire", "--structure", "44400000400010", "--professionnel", "Inconnu", "--date", "2026-06-30", soissons}, "inconnu-soissons.json", false},
		{"la personne", []string{"view", "--role", "usager", "--personne", "p-soissons-1184", "--date", "2026-06-30", soissons}, "usager-soissons.json", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, exitOK, code, errOut)
			goldenVerb(t, "view", tt.golden, out)
			for _, h := range health {
				if tt.secret {
					continue
				}
				assert.NotContains(t, out, h)
			}
			if tt.secret {
				assert.Contains(t, out, "lombalgie")
			}
		})
	}
	for _, args := range [][]string{
		{"view", "--role", "directeur", "--structure", "22020000000010", soissons},
		{"view", "--role", "partenaire", "--structure", "123", soissons},
		{"view", "--role", "partenaire", "--structure", "22020000000010"},
		{"view", "--role", "partenaire", "--structure", "22020000000010", "absent.json"},
		{"view", "--role", "partenaire", "--structure", "33188888300013", soissons},       // no --professionnel
		{"view", "--role", "usager", "--date", "2026-06-30", soissons},                    // no --personne
		{"view", "--role", "usager", "--personne", " ", "--date", "2026-06-30", soissons}, // blank --personne
	} {
		t.Run("usage "+strings.Join(args[1:], " "), func(t *testing.T) {
			code, _, errOut := runCLI(t, "", args...)
			assert.Equal(t, exitUsage, code)
			assert.NotEmpty(t, errOut)
		})
	}
}

// TestViewUsagerIsThePerson: the usager role shows the carnet only to the
// person it is about (issue 16: any caller used to read everything).
func TestViewUsagerIsThePerson(t *testing.T) {
	soissons := carnetExample("rsa-perdu-de-vue-soissons")
	code, out, errOut := runCLI(t, "", "view", "--role", "usager", "--personne", "p-autre", "--date", "2026-06-30", soissons)
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "lombalgie")
	assert.NotContains(t, out, "Marc Dubois")
	assert.Contains(t, out, "p-soissons-1184", "l'identifiant du carnet et de la personne restent")
}
