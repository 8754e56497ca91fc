package generator_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/schemas/internal/generator"
)

// root is the module's root folder seen from this package's folder.
var root = filepath.Join("..", "..", "..")

// TestSchemasDoNotDrift regenerates every schema from the Go types and
// compares it with the committed file: run `go generate ./schemas` after
// changing a type.
func TestSchemasDoNotDrift(t *testing.T) {
	g, err := generator.New(root, schemas.Kinds())
	require.NoError(t, err)
	committed, err := filepath.Glob(filepath.Join("..", "..", "v1", "*.json"))
	require.NoError(t, err)
	assert.Len(t, committed, len(schemas.Kinds()), "un schéma par type enregistré, sans orphelin")
	for _, k := range schemas.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			want, err := g.Schema(k)
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join("..", "..", "v1", k.Name+".json"))
			require.NoError(t, err, "schéma absent : lancez go generate ./schemas")
			assert.Equal(t, string(want), string(got), "schéma %s périmé : lancez go generate ./schemas", k.Name)
		})
	}
}

// TestCommentPackagesFromKinds: the folders read for descriptions come from
// the registered kinds' types, not from a hand list.
func TestCommentPackagesFromKinds(t *testing.T) {
	got := generator.CommentPackages(schemas.Kinds())
	// Expected: the packages of the kinds' document types, read by hand in
	// schemas/kind_*.go (diagnostic.Diagnostic, carnet.Carnet, offer.Service…,
	// cohort.Cohort, committee.Committee, label.Application…), and spie for
	// the shared vocabulary their fields use (spie.Date…).
	for _, p := range []string{"diagnostic", "carnet", "carnet/cohort", "offer", "spie", "spie/committee", "spie/label"} {
		assert.Contains(t, got, generator.Module+"/"+p)
	}
	for _, p := range got {
		assert.True(t, strings.HasPrefix(p, generator.Module+"/"), "paquet hors du module : %s", p)
		assert.NotEqual(t, generator.Module+"/schemas", p, "schemas ne déclare aucun type de document")
	}
	// A kind whose type lives in one package yields that package (and the
	// packages of its fields' types); a cohort (carnet/cohort) cannot reach
	// offer's types, since carnet never imports offer (internal/layers).
	k, ok := schemas.Lookup("cohorte")
	require.True(t, ok)
	assert.Contains(t, generator.CommentPackages([]schemas.Kind{k}), generator.Module+"/carnet/cohort")
	assert.NotContains(t, generator.CommentPackages([]schemas.Kind{k}), generator.Module+"/offer")
}

// TestNewKeepsWorkingDirectory: reading the comments does not change the
// process's working directory (a library must not), and a relative or
// an absolute root gives the same schema, with its descriptions.
func TestNewKeepsWorkingDirectory(t *testing.T) {
	before, err := os.Getwd()
	require.NoError(t, err)
	abs, err := filepath.Abs(root)
	require.NoError(t, err)
	k, _ := schemas.Lookup("diagnostic")
	var outs []string
	for _, r := range []string{root, abs} {
		g, err := generator.New(r, schemas.Kinds())
		require.NoError(t, err)
		after, err := os.Getwd()
		require.NoError(t, err)
		assert.Equal(t, before, after)
		b, err := g.Schema(k)
		require.NoError(t, err)
		outs = append(outs, string(b))
	}
	assert.Equal(t, outs[0], outs[1], "racine relative ou absolue : même schéma")
	assert.Contains(t, outs[0], `"description"`)
	g, err := generator.New("", schemas.Kinds())
	require.NoError(t, err)
	b, err := g.Schema(k)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"description"`, "sans racine, pas de commentaires")
	var v map[string]any
	require.NoError(t, json.Unmarshal(b, &v))
}

func TestNewMissingRoot(t *testing.T) {
	_, err := generator.New(filepath.Join(t.TempDir(), "absent"), schemas.Kinds())
	assert.Error(t, err)
}

func ExampleNew() {
	kinds := schemas.Kinds()
	g, _ := generator.New("", kinds)
	k, _ := schemas.Lookup("diagnostic")
	b, _ := g.Schema(k)
	fmt.Println(strings.Contains(string(b), `"$schema": "https://json-schema.org/draft/2020-12/schema"`))
	// Output: true
}

func ExampleCommentPackages() {
	k, _ := schemas.Lookup("comite")
	pkgs := generator.CommentPackages([]schemas.Kind{k})
	fmt.Println(slices.Contains(pkgs, generator.Module+"/spie/committee"))
	// Output: true
}
