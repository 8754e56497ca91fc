package spie_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
)

func TestFaultCodesWellFormedAndUnique(t *testing.T) {
	require.NoError(t, spie.CheckFaultTypes())
	assert.NotEmpty(t, spie.FaultTypes())
}

func TestFaults(t *testing.T) {
	fs := spie.Faults{
		spie.FaultROME.At("/b"),
		{Code: "X-WARN-01", Path: "/a", Message: "attention", Severity: spie.SeverityWarning},
	}
	t.Run("codes and paths", func(t *testing.T) {
		assert.True(t, fs.HasCode("SPIE-ROME-01"))
		assert.True(t, fs.HasPath("/a"))
		assert.True(t, fs.Has("SPIE-ROME-01", "/b"))
		assert.False(t, fs.Has("SPIE-ROME-01", "/a"))
		assert.Equal(t, []string{"SPIE-ROME-01", "X-WARN-01"}, fs.Codes())
	})
	t.Run("severity", func(t *testing.T) {
		assert.False(t, fs.Valid())
		assert.Len(t, fs.Errors(), 1)
		assert.Len(t, fs.Warnings(), 1)
		assert.True(t, fs.Warnings().Valid())
		assert.NoError(t, fs.Warnings().Err())
		var err error = fs.Err()
		var got spie.Faults
		assert.True(t, errors.As(err, &got))
	})
	t.Run("sort by path", func(t *testing.T) {
		c := append(spie.Faults(nil), fs...)
		c.Sort()
		assert.Equal(t, "/a", c[0].Path)
	})
	t.Run("messages in French and English", func(t *testing.T) {
		f := spie.FaultROME.At("/x")
		assert.NotEmpty(t, f.Message)
		assert.NotEmpty(t, f.MessageEN)
		assert.Contains(t, f.Error(), "SPIE-ROME-01")
	})
}

func TestPointer(t *testing.T) {
	tests := []struct {
		name   string
		tokens []any
		want   string
	}{
		{"empty", nil, ""},
		{"fields and index", []any{"freins", "logement", "situations", 2}, "/freins/logement/situations/2"},
		{"escaping", []any{"a/b", "c~d"}, "/a~1b/c~0d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, spie.Pointer(tt.tokens...)) })
	}
	assert.Equal(t, "/a/b/0", spie.Join("/a", "b", 0))
}

func TestFaultTypeOwnerSourceAndRetirement(t *testing.T) {
	t.Run("owner is the declaring package", func(t *testing.T) {
		assert.Equal(t, "github.com/spie-fr/socle/spie", spie.FaultROME.Owner)
		assert.Equal(t, "github.com/spie-fr/socle/spie", spie.FaultCommuneUnknown.Owner)
	})
	t.Run("namespace is the code without its number", func(t *testing.T) {
		assert.Equal(t, "SPIE-CODE-POSTAL", spie.FaultPostalCode.Namespace())
		assert.Equal(t, "SPIE-COMMUNE", spie.FaultCommuneUnknown.Namespace())
	})
	t.Run("every registered code has a source", func(t *testing.T) {
		for _, ft := range spie.FaultTypes() {
			assert.NotEmpty(t, ft.Source, ft.Code)
		}
	})
	ok := func(code, owner string) *spie.FaultType {
		return (&spie.FaultType{Code: code, Severity: spie.SeverityError, FR: "fr", EN: "en", Owner: owner}).WithSource("RULES.md §1")
	}
	tests := []struct {
		name  string
		types []*spie.FaultType
		want  string // a fragment of the report; "" when sound
	}{
		{"sound", []*spie.FaultType{ok("X-A-01", "p"), ok("X-A-02", "p"), ok("X-B-01", "q")}, ""},
		{"retired and replaced", []*spie.FaultType{ok("X-A-01", "p").Retire("X-A-02"), ok("X-A-02", "p")}, ""},
		{"no source", []*spie.FaultType{{Code: "X-A-01", Severity: spie.SeverityError, FR: "fr", EN: "en", Owner: "p"}}, "source de la règle manquante pour X-A-01"},
		{"replaced by an unknown code", []*spie.FaultType{ok("X-A-01", "p").Retire("X-A-09")}, "X-A-01 remplacé par X-A-09, code inconnu"},
		{"two owners for one namespace", []*spie.FaultType{ok("X-A-01", "p"), ok("X-A-02", "q")}, "espace de codes X-A déclaré par plusieurs paquets : p, q"},
		{"repeated code", []*spie.FaultType{ok("X-A-01", "p"), ok("X-A-01", "p")}, "code X-A-01 déclaré 2 fois"},
		{"malformed code", []*spie.FaultType{ok("X-A-1", "p")}, `code mal formé "X-A-1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := spie.CheckFaultTypesOf(tt.types)
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// A Label argument is written in the language of each template; other
// arguments are the same in both (expected texts written by hand).
func TestFaultLabelArguments(t *testing.T) {
	ft := &spie.FaultType{Code: "TEST-LABEL-01", Severity: spie.SeverityError, FR: "%s de la structure %s", EN: "%s of organisation %s"}
	f := ft.At("/x", spie.Label{FR: "Partenaire", EN: "Partner"}, "13002526500013")
	assert.Equal(t, "Partenaire de la structure 13002526500013", f.Message)
	assert.Equal(t, "Partner of organisation 13002526500013", f.MessageEN)
	f = ft.At("/x", spie.Label{FR: "Référent"}, "1")
	assert.Equal(t, "Référent of organisation 1", f.MessageEN, "sans anglais : le français")
	q := &spie.FaultType{Code: "TEST-LABEL-02", Severity: spie.SeverityError, FR: "valeur %q", EN: "value %q"}
	assert.Equal(t, `value "home"`, q.At("", spie.Label{FR: "domicile", EN: "home"}).MessageEN)
	assert.Equal(t, `valeur "domicile"`, q.At("", spie.Label{FR: "domicile", EN: "home"}).Message)
}
