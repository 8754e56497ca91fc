package frtext_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/internal/frtext"
)

// TestFrench: English sentences written by hand stay clean (English words
// that look French are not flagged: plus, date, action, contact, public),
// French ones are caught by their words and their accents, the terms of
// art and the allowed strings of the data are ignored.
func TestFrench(t *testing.T) {
	for _, tc := range []struct {
		en      string
		allowed []string
		want    []string
	}{
		{"Waiting for the carnet the portal sends.", nil, nil},
		{"Add an appointment: date, action, contact, public, type, plus, structure, formation, secret, non-binary", nil, nil},
		{"The person receives the RSA; France Travail or the Mission locale, Cap emploi, CEJ, PACEA", nil, nil},
		{"Carnet refusé", nil, []string{"refusé"}},
		{"En attente du carnet envoyé par le portail.", nil, []string{"attente", "du", "envoyé", "le", "par", "portail"}},
		{"Rendez-vous et échanges", nil, []string{"et", "rendez", "vous", "échanges"}},
		{"Comment: hospitalisation en novembre, by Sarah Lefèvre", []string{"hospitalisation en novembre", "Sarah Lefèvre"}, nil},
		{"value « le nom » of WIDGET-CARNET-01 at /personne/nom", nil, nil},
		{"Obligatoire", nil, []string{"obligatoire"}},
		{"Plan d'action", nil, []string{"d"}},
		{"The person's plan, don't", nil, nil}, // ("I'd" would read as French d' : UI texts use no such contraction)
		{"Missions locales and Mission locale", nil, nil},
		{"Logbook — Service public de l'insertion et de l'emploi (public employment and integration service)", nil, nil},
		{"Service public de l'emploi", nil, []string{"emploi", "l"}},
		{"Orienter vers Atelier mobilité", []string{"Atelier mobilité"}, []string{"orienter", "vers"}},
	} {
		assert.Equal(t, tc.want, frtext.French(tc.en, tc.allowed...), tc.en)
	}
}
