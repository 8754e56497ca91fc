package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
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
// person it is about (issue 16 item 1: the declared person must be the
// carnet's person, CARNET-DROITS-08, as export refuses it). This test used
// to accept a stranger (p-autre) and check only that the health details were
// hidden from them: the stranger still got the carnet (review 14).
func TestViewUsagerIsThePerson(t *testing.T) {
	soissons := carnetExample("rsa-perdu-de-vue-soissons")
	code, out, errOut := runCLI(t, "", "view", "--role", "usager", "--personne", "p-autre", "--date", "2026-06-30", soissons)
	assert.Equal(t, exitInvalid, code, errOut)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "CARNET-DROITS-08")
	assert.NotContains(t, errOut, "p-soissons-1184")
	assert.NotContains(t, errOut, "journal ne se vérifie pas", "the refusal is about the reader, not the journal")

	code, out, errOut = runCLI(t, "", "view", "--role", "usager", "--personne", "p-soissons-1184", "--date", "2026-06-30", soissons)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "p-soissons-1184", "la personne voit son carnet")
}

// TestViewAsOfDate: `spie view --date D` shows the carnet as it was on D
// (issue 16: it used to show today's content under D's rights). The partner
// of the Laon example sees, as of the day before its consent is withdrawn,
// neither the withdrawal nor the contact added after it.
func TestViewAsOfDate(t *testing.T) {
	b, err := os.ReadFile(carnetExample("cej-jeune-laon"))
	require.NoError(t, err)
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(b, &c))
	ref := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: "77500000300019", Role: carnet.RoleReferent}
	var k carnet.SharingConsent
	for _, x := range c.Consents {
		if x.ID == "k-auto-ecole" {
			k = x
		}
	}
	require.NotEmpty(t, k.ID)
	k.WithdrawnOn = "2026-06-10"
	require.Empty(t, carnet.Apply(&c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k,
		At: time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)}, ref))
	require.Empty(t, carnet.Apply(&c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-apres",
		Value: carnet.Contact{ID: "r-apres", Date: "2026-06-11", Kind: "rendez-vous", Channel: "presentiel", Result: "honore", Comment: "APRES-RETRAIT"},
		At:    time.Date(2026, 6, 11, 9, 0, 0, 0, time.UTC)}, ref))
	in, err := json.Marshal(c)
	require.NoError(t, err)
	partner := []string{"view", "--role", "partenaire", "--structure", "33188888300013", "--professionnel", "Auto-école solidaire du Laonnois"}

	code, out, errOut := runCLI(t, string(in), append(partner, "--date", "2026-06-09", "-")...)
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "APRES-RETRAIT", "contenu ajouté après le retrait du consentement")
	assert.Contains(t, out, "r-03", "ce que le partenaire voyait à cette date")

	code, out, errOut = runCLI(t, string(in), append(partner, "--date", "2026-06-12", "-")...)
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, "r-03", "après le retrait : plus rien")

	code, out, errOut = runCLI(t, string(in), "view", "--role", "referent", "--structure", "77500000300019", "--professionnel", "Sarah Lefèvre", "--date", "2026-06-12", "-")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "APRES-RETRAIT", "le référent voit le carnet du jour")
}
