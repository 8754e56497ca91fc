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
	"github.com/spie-fr/socle/spie"
)

// withoutFormatFaults is what CheckAfterFormats promises: the faults of
// Check but the address and link faults, which the schema's formats give.
func withoutFormatFaults(fs spie.Faults) spie.Faults {
	var out spie.Faults
	for _, f := range fs {
		if f.Code != offer.FaultEmail.Code && f.Code != offer.FaultURL.Code {
			out = append(out, f)
		}
	}
	return out
}

// CheckAfterFormats gives Check's faults but OFFRE-COURRIEL-01 and
// OFFRE-URL-01, on the Aisne services and structures as written and with
// each address and link made wrong in turn.
func TestCheckAfterFormats(t *testing.T) {
	bad := []string{"pas une adresse", "a@b", "ftp://exemple.fr/", "https://", ""}
	formatFaults := 0
	fh, err := os.Open(filepath.Join("..", "examples", "offer", "services-aisne.ndjson"))
	require.NoError(t, err)
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var s offer.Service
		require.NoError(t, json.Unmarshal(sc.Bytes(), &s))
		for i := -1; i < len(bad); i++ {
			if i >= 0 {
				s.Courriel, s.LienMobilisation, s.LienSource = &bad[i], &bad[(i+1)%len(bad)], &bad[(i+2)%len(bad)]
			}
			all := s.Check(now)
			formatFaults += len(all) - len(withoutFormatFaults(all))
			assert.Equal(t, withoutFormatFaults(all), s.CheckAfterFormats(now))
		}
	}
	var st offer.Structure
	for i := -1; i < len(bad); i++ {
		if i >= 0 {
			st.Courriel, st.SiteWeb, st.LienSource, st.AccessibiliteLieu = &bad[i], &bad[(i+1)%len(bad)], &bad[(i+2)%len(bad)], &bad[(i+3)%len(bad)]
		}
		all := st.Check(now)
		assert.Equal(t, withoutFormatFaults(all), st.CheckAfterFormats(now))
	}
	assert.Greater(t, formatFaults, 1000, "des fautes d'adresse et de lien des deux côtés")
}

func ExampleService_CheckAfterFormats() {
	s, _ := offer.DecodeService([]byte(`{"source":"dora","structure_id":"dora--s1","id":"dora--1","nom":"Atelier numérique",
		"description":"Initiation au numérique.","date_maj":"2025-01-01","courriel":"pas une adresse"}`), now)
	fmt.Println("Check :")
	for _, f := range s.Check(now) {
		fmt.Println(f.Path, f.Code)
	}
	fmt.Println("CheckAfterFormats :")
	for _, f := range s.CheckAfterFormats(now) {
		fmt.Println(f.Path, f.Code)
	}
	// Output:
	// Check :
	// /courriel OFFRE-COURRIEL-01
	// CheckAfterFormats :
}

// A repeated code is reported at each repetition, in a short list (compared
// pairwise) as in a long one (with a map): worked by hand, the repeats of
// "a" sit at 2 and 5 and the repeat of "b" at 4, the 17 extra items of the
// long list (distinct codes) shift nothing.
func TestRepeatedCodesLongAndShortLists(t *testing.T) {
	for _, extra := range []int{0, 17} {
		list := []offer.Thematique{"a", "b", "a", "c", "b", "a"}
		for i := range extra {
			list = append(list, offer.Thematique(fmt.Sprintf("z%02d", i)))
		}
		s := offer.Service{Thematiques: list}
		var got []string
		for _, f := range s.Check(now) {
			if f.Code == offer.FaultRepeated.Code {
				got = append(got, f.Path)
			}
		}
		assert.Equal(t, []string{"/thematiques/2", "/thematiques/4", "/thematiques/5"}, got, "%d codes", len(list))
	}
}

func ExampleStructure_CheckAfterFormats() {
	st, _ := offer.DecodeStructure([]byte(`{"source":"dora","id":"dora--1","nom":"Centre social",
		"date_maj":"2025-01-01","site_web":"ftp://centre-social.exemple.fr/"}`), now)
	fmt.Println(len(st.Check(now)), "faute :", st.Check(now)[0].Path, st.Check(now)[0].Code)
	fmt.Println(len(st.CheckAfterFormats(now)), "faute")
	// Output:
	// 1 faute : /site_web OFFRE-URL-01
	// 0 faute
}
