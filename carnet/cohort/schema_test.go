package cohort_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

func TestDefinitionsValidateAgainstSchema(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "network", "cohorte-*.json"))
	require.NoError(t, err)
	require.Len(t, files, 3)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			assert.Empty(t, schemas.Validate("cohorte", example(t, filepath.Base(f))))
		})
	}
	fs := schemas.Validate("cohorte", []byte(`{"code": "c", "nom": "C", "territoire": {"epci": ["200071785"]}, "criteres": [{"critere": "celibataire"}]}`))
	assert.True(t, fs.Has("SCHEMA-ENUM-01", "/criteres/0/critere"), "%v", fs)
	fs = schemas.Validate("cohorte", []byte(`{"code": "c", "nom": "C", "territoire": {"communes": ["02999"]}}`))
	// 02999: no commune 999 in the Aisne (INSEE, Code officiel géographique);
	// the one commune fault of every kind, a warning as for a service.
	assert.True(t, fs.Has("SPIE-COMMUNE-02", "/territoire/communes/0"), "%v", fs)
	assert.True(t, fs.Valid(), "%v", fs)
}
