package offer_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/spie"
)

func TestLoadServicesFormats(t *testing.T) {
	a, b := offertest.ValidService(), offertest.ValidService()
	b["id"] = "dora--svc2"
	b["publics"] = []any{"tous-publics", "jeunes"}
	ja, jb := string(mustJSON(t, a)), string(mustJSON(t, b))
	tests := []struct {
		name  string
		input string
	}{
		{"tableau", "[" + ja + ",\n" + jb + "]"},
		{"NDJSON", ja + "\n" + jb + "\n"},
		{"NDJSON avec BOM et espaces", "\ufeff  \n" + ja + "\n\n" + jb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[int]spie.Faults{}
			svs, err := offer.LoadServices(strings.NewReader(tt.input), now, func(i int, id string, fs spie.Faults) { got[i] = fs })
			require.NoError(t, err)
			require.Len(t, svs, 2)
			assert.Equal(t, "dora--svc2", svs[1].ID)
			assert.Len(t, got, 1)
			assert.True(t, got[1].Has("OFFRE-PUBLICS-10", "/publics/0"))
		})
	}
	t.Run("vide", func(t *testing.T) {
		svs, err := offer.LoadServices(strings.NewReader("  "), now, nil)
		assert.NoError(t, err)
		assert.Empty(t, svs)
	})
	t.Run("élément qui n'est pas un objet", func(t *testing.T) {
		var faults []spie.Faults
		svs, err := offer.LoadServices(strings.NewReader("["+ja+`, 3, "x"]`), now, func(i int, id string, fs spie.Faults) { faults = append(faults, fs) })
		require.NoError(t, err)
		assert.Len(t, svs, 1)
		require.Len(t, faults, 2)
		assert.True(t, faults[0].HasCode("OFFRE-CATALOGUE-01"))
	})
	t.Run("tableau tronqué", func(t *testing.T) {
		_, err := offer.LoadServices(strings.NewReader("["+ja+","), now, nil)
		assert.Error(t, err)
	})
	t.Run("données après le tableau", func(t *testing.T) {
		_, err := offer.LoadServices(strings.NewReader("["+ja+"] {}"), now, nil)
		assert.Error(t, err)
	})
	t.Run("élément trop grand : signalé, la suite lue", func(t *testing.T) {
		// A 9 Mio description: over the 8 Mio limit of one document
		// (internal/input.DefaultMaxBytes); the element after it is read.
		big := offertest.ValidService()
		big["description"] = strings.Repeat("x", 9<<20)
		got := map[int]spie.Faults{}
		svs, err := offer.LoadServices(strings.NewReader("["+string(mustJSON(t, big))+","+ja+"]"), now, func(i int, id string, fs spie.Faults) { got[i] = fs })
		require.NoError(t, err)
		require.Len(t, svs, 1)
		assert.True(t, got[0].Has("INPUT-SIZE-01", "/0"), "%v", got)
		_, err = offer.LoadServices(strings.NewReader(string(mustJSON(t, big))+"\n"+ja), now, nil)
		assert.ErrorContains(t, err, "INPUT-SIZE-01")
	})
	t.Run("ligne NDJSON illisible : signalée, la suite lue", func(t *testing.T) {
		got := map[int]spie.Faults{}
		svs, err := offer.LoadServices(strings.NewReader(ja+"\n{oops\n"+jb+"\n"), now, func(i int, id string, fs spie.Faults) { got[i] = fs })
		require.NoError(t, err)
		require.Len(t, svs, 2)
		// The second document, on line 2, is not JSON.
		assert.True(t, got[1].Has("INPUT-JSON-01", "/2"), "%v", got)
	})
}

func TestLoadStructures(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	sts, _ := offertest.NewGenerator(1, now, offertest.AisneTowns).Catalogue("dora", 20)
	for _, s := range sts {
		require.NoError(t, enc.Encode(s))
	}
	got, err := offer.LoadStructures(&buf, now, func(i int, id string, fs spie.Faults) {
		t.Errorf("structure %s : %v", id, fs)
	})
	require.NoError(t, err)
	assert.Len(t, got, len(sts))
}

func TestGeneratedCatalogueIsValid(t *testing.T) {
	sts, svs := offertest.NewGenerator(5, now, offertest.AisneTowns).Catalogue("dora", 400)
	for _, s := range svs {
		_, fs := offer.DecodeService(mustJSON(t, s), now)
		assert.Empty(t, fs, s.ID)
	}
	for _, s := range sts {
		_, fs := offer.DecodeStructure(mustJSON(t, s), now)
		assert.Empty(t, fs, s.ID)
	}
}

func TestNewCatalogueFaults(t *testing.T) {
	sts, svs := offertest.NewGenerator(2, now, offertest.AisneTowns).Catalogue("dora", 5)
	orphan := *svs[0]
	orphan.ID, orphan.StructureID = "dora--orphelin", "dora--absente"
	svs = append(svs, &orphan, svs[1])
	c, faults := offer.NewCatalogue(svs, sts)
	assert.True(t, faults.Has("OFFRE-CATALOGUE-10", spie.Pointer("services", len(svs)-2, "structure_id")))
	assert.True(t, faults.Has("OFFRE-CATALOGUE-11", spie.Pointer("services", len(svs)-1)))
	assert.Equal(t, len(svs)-1, c.Len())
}

func TestCompleteness(t *testing.T) {
	var full offer.Service
	require.NoError(t, json.Unmarshal(mustJSON(t, offertest.ValidService()), &full))
	full.Description = strings.Repeat("Une description utile. ", 20)
	q := offer.CompletenessOf(&full, now)
	assert.Equal(t, 1.0, q.Score, "%+v", q)

	bare := &offer.Service{Description: "Court.", DateMaj: "2023-01-01",
		ModesMobilisation: []offer.ModeMobilisation{offer.ModeMobilisationTelephone}}
	q = offer.CompletenessOf(bare, now)
	assert.Less(t, q.Score, 0.2)
	for _, c := range q.Criteria {
		if c.Key == "contact" || c.Key == "fraicheur" {
			assert.Equal(t, 0.0, c.Value, c.Key)
		}
	}
}

func TestDuplicates(t *testing.T) {
	sts, svs := offertest.NewGenerator(9, now, offertest.AisneTowns).Catalogue("dora", 200)
	c, _ := offer.NewCatalogue(svs, sts)
	dups := c.Duplicates()
	cross := 0
	for _, d := range dups {
		if d.CrossSource {
			cross++
			assert.Equal(t, "partenaire--"+d.A, d.B)
		}
		assert.GreaterOrEqual(t, d.Similarity, offer.MinNameSimilarity)
	}
	assert.Equal(t, 4, cross, "%+v", dups)
	// Both copies stay in the catalogue.
	assert.Equal(t, len(svs), c.Len())
}

// Duplicates only reads the catalogue: several goroutines may call it at
// once (go test -race: the accent-stripping transformer was one shared
// value, whose buffers every call wrote). Each call gives what one call
// alone gives.
func TestDuplicatesConcurrently(t *testing.T) {
	sts, svs := offertest.NewGenerator(9, now, offertest.AisneTowns).Catalogue("dora", 200)
	c, _ := offer.NewCatalogue(svs, sts)
	want := c.Duplicates()
	got := make([][]offer.Duplicate, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = c.Duplicates()
		}()
	}
	wg.Wait()
	for _, g := range got {
		assert.Equal(t, want, g)
	}
}
