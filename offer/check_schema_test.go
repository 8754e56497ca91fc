package offer_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
)

// On the Aisne services, which their schema accepts, CheckAfterSchema gives
// CheckAfterFormats' faults (the comparison on refused and partial
// documents, through the schema, is schemas' TestCheckAfterSchemaSameFaults).
func TestCheckAfterSchemaOnAcceptedServices(t *testing.T) {
	fh, err := os.Open(filepath.Join("..", "examples", "offer", "services-aisne.ndjson"))
	require.NoError(t, err)
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<22)
	n := 0
	for sc.Scan() {
		var s offer.Service
		require.NoError(t, json.Unmarshal(sc.Bytes(), &s))
		assert.Equal(t, s.CheckAfterFormats(now), s.CheckAfterSchema(now))
		n++
	}
	assert.Equal(t, 429, n)
}

func ExampleService_CheckAfterSchema() {
	// A name of 2 characters and an unknown public: the schema refuses
	// both (minLength 3, enum), so the rules that would repeat it do not
	// run; a date in the future is the rules' own.
	s, _ := offer.DecodeService([]byte(`{"source":"dora","structure_id":"dora--s1","id":"dora--1","nom":"At",
		"description":"Initiation au numérique.","date_maj":"2999-01-01","publics":["inconnu"]}`), now)
	fmt.Println("CheckAfterFormats :")
	for _, f := range s.CheckAfterFormats(now) {
		fmt.Println(f.Path, f.Code)
	}
	fmt.Println("CheckAfterSchema :")
	for _, f := range s.CheckAfterSchema(now) {
		fmt.Println(f.Path, f.Code)
	}
	// Output:
	// CheckAfterFormats :
	// /date_maj OFFRE-DATE-03
	// /nom OFFRE-LONGUEUR-01
	// /publics/0 OFFRE-VALEUR-01
	// CheckAfterSchema :
	// /date_maj OFFRE-DATE-03
}

func ExampleStructure_CheckAfterSchema() {
	st, _ := offer.DecodeStructure([]byte(`{"source":"dora","id":"dora--1","nom":"Centre social",
		"date_maj":"2025-01-01","code_postal":"2000"}`), now)
	fmt.Println(len(st.CheckAfterFormats(now)), "faute :", st.CheckAfterFormats(now)[0].Path)
	fmt.Println(len(st.CheckAfterSchema(now)), "faute")
	// Output:
	// 1 faute : /code_postal
	// 0 faute
}
