package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The normalised values are those data·inclusion's models keep for each
// input (checked against the models by package offer's oracle tests and
// package schemas' differential test); the golden file holds the output.
func TestNormalize(t *testing.T) {
	stdin := `{"source":"dora","structure_id":"dora--s1","id":"dora--svc1","nom":"Atelier CV","description":"Un atelier collectif.","date_maj":"2025-06-01T00:00:00Z","publics":["jeunes","jeunes"],"courriel":"Accueil <Accueil@Exemple.FR>","lien_mobilisation":"https:exemple.fr/a b","latitude":" 49.5 ","NOM":"x"}
{"source":"dora","structure_id":"dora--s1","id":"dora--svc2","nom":"Atelier CV","description":"Un atelier collectif.","date_maj":"2099-06-01"}
{"source":"dora","structure_id":"dora--s1","id":"dora--svc3","nom":"Atelier CV","description":"Un atelier collectif.","date_maj":"2025-06-01"}
`
	code, out, errOut := runCLI(t, stdin, "normalize", "--kind", "service", "-")
	assert.Equal(t, exitInvalid, code)
	goldenVerb(t, "normalize", "services.txt", "## sortie\n"+out+"## erreurs\n"+errOut)
}

func TestNormalizeUsage(t *testing.T) {
	for _, args := range [][]string{{"normalize"}, {"normalize", "--kind", "carnet", "-"}, {"normalize", "--kind", "service"}} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.NotEmpty(t, errOut)
	}
}
