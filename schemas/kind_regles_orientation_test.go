package schemas_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
)

func TestValidateOrientationRules(t *testing.T) {
	t.Run("default rules", func(t *testing.T) {
		assert.Empty(t, schemas.Validate("regles-orientation", diagnostic.DefaultOrientationRulesJSON(), schemas.WithNow(now)))
	})
	files, err := filepath.Glob(filepath.Join("..", "examples", "orientation", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			assert.Empty(t, schemas.Validate("regles-orientation", b, schemas.WithNow(now)))
		})
	}
	t.Run("schema refuses an unknown pathway", func(t *testing.T) {
		b := strings.Replace(string(diagnostic.DefaultOrientationRulesJSON()), `"parcours": "global"`, `"parcours": "accompagne"`, 1)
		fs := schemas.Validate("regles-orientation", []byte(b), schemas.WithNow(now))
		assert.True(t, fs.Has("SCHEMA-ENUM-01", "/parcours/2/parcours"), "%v", fs)
	})
	t.Run("rules beyond the schema", func(t *testing.T) {
		b := strings.Replace(string(diagnostic.DefaultOrientationRulesJSON()), `"id": "global-sinon",`, `"id": "social-freins-forts",`, 1)
		fs := schemas.Validate("regles-orientation", []byte(b), schemas.WithNow(now))
		assert.True(t, fs.Has("ORIENT-ID-10", "/parcours/2/id"), "%v", fs)
	})
}
