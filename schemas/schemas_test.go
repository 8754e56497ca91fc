package schemas_test

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

var now = func() time.Time { return time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC) }

func TestSchemasCompileWithStableIDs(t *testing.T) {
	for _, k := range schemas.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			assert.Equal(t, "https://spie-fr.github.io/socle/schemas/v1/"+k.Name+".json", k.ID())
			require.NoError(t, schemas.Compiles(k.Name))
		})
	}
}

func TestValidateDiagnostic(t *testing.T) {
	valid, err := os.ReadFile("../examples/diagnostic/jeune-laon.json")
	require.NoError(t, err)
	tests := []struct {
		name string
		data string
		code string
		path string
	}{
		{"JSON illisible", `{"id":`, "INPUT-JSON-01", ""},
		{"pas un objet", `[]`, "SCHEMA-TYPE-01", ""},
		{"champ obligatoire manquant", `{}`, "SCHEMA-REQUIRED-01", "/personne"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := schemas.Validate("diagnostic", []byte(tt.data), schemas.WithNow(now))
			assert.False(t, fs.Valid())
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
	t.Run("valid example", func(t *testing.T) {
		assert.Empty(t, schemas.Validate("diagnostic", valid, schemas.WithNow(now)))
	})
	t.Run("unknown kind", func(t *testing.T) {
		assert.True(t, schemas.Validate("inconnu", valid).HasCode("INPUT-KIND-01"))
	})
	t.Run("rules run after the schema, with the injected clock", func(t *testing.T) {
		fs := schemas.Validate("diagnostic", valid, schemas.WithNow(func() time.Time { return time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC) }))
		assert.True(t, fs.Has("DIAG-DATE-01", "/date"), "%v", fs)
	})
}

func TestFaultCodesUnique(t *testing.T) {
	require.NoError(t, spie.CheckFaultTypes())
}

func BenchmarkValidateDiagnostic(b *testing.B) {
	data, err := os.ReadFile("../examples/diagnostic/rsa-logement-sante-marseille.json")
	require.NoError(b, err)
	opt := schemas.WithNow(now)
	_ = schemas.Validate("diagnostic", data, opt)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if fs := schemas.Validate("diagnostic", data, opt); !fs.Valid() {
			b.Fatal(fs)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
