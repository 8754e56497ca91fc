package diagnostic_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
)

// The peers' orientation types, as read in their public source:
//   - carnet de bord (gip-inclusion/carnet-de-bord@e0fe72120e7f), table
//     orientation_type: hasura/migrations/carnet_de_bord/1655396477440_add_beneficiary_info/up.sql
//     (social « Social », pro « Professionnel », sociopro « Socio-professionnel »)
//     and 1690467448554_add-orientation-type-autre/up.sql (autre « Autre »);
//   - rdv-insertion (gip-inclusion/rdv-insertion@6713dfafd0b9),
//     app/models/orientation_type.rb: casf_category social, pro, socio_pro.
var (
	carnetDeBordTypes = map[string]string{"social": "Social", "pro": "Professionnel", "sociopro": "Socio-professionnel", "autre": "Autre"}
	rdvInsertionTypes = []string{"social", "pro", "socio_pro"}
)

// TestPathwayPeerCorrespondence: each peer type has exactly one socle
// pathway, and back; the correspondence follows the labels (Professionnel ↔
// Parcours emploi, Socio-professionnel ↔ Parcours socio-professionnel,
// Social ↔ Parcours social, Autre ↔ Autre orientation).
func TestPathwayPeerCorrespondence(t *testing.T) {
	want := map[string][2]string{ // socle → {carnet de bord, rdv-insertion}
		"emploi": {"pro", "pro"}, "global": {"sociopro", "socio_pro"}, "social": {"social", "social"}, "autre": {"autre", ""},
	}
	fromCDB, fromRdvi := map[string]string{}, map[string]string{}
	for _, d := range diagnostic.Pathways {
		cdb, rdvi := d.Map[diagnostic.MapCarnetDeBord], d.Map[diagnostic.MapRdvInsertion]
		if d.Key == "indetermine" {
			assert.Empty(t, cdb)
			assert.Empty(t, rdvi)
			continue
		}
		require.Len(t, cdb, 1, d.Key)
		_, ok := carnetDeBordTypes[cdb[0]]
		assert.True(t, ok, "%s → %s inconnu du carnet de bord", d.Key, cdb[0])
		fromCDB[cdb[0]] = d.Key
		got := [2]string{cdb[0], ""}
		if len(rdvi) == 1 {
			assert.Contains(t, rdvInsertionTypes, rdvi[0])
			fromRdvi[rdvi[0]] = d.Key
			got[1] = rdvi[0]
		}
		assert.Equal(t, want[d.Key], got, d.Key)
	}
	assert.Len(t, fromCDB, len(carnetDeBordTypes), "chaque type du carnet de bord a son parcours")
	assert.Len(t, fromRdvi, len(rdvInsertionTypes), "chaque catégorie de rdv-insertion a son parcours")
}

func TestPathwayDecidableRecordable(t *testing.T) {
	for p, want := range map[diagnostic.Pathway][2]bool{
		"emploi": {true, true}, "global": {true, true}, "social": {true, true},
		"autre": {false, true}, "indetermine": {false, false}, "pro": {false, false}, "": {false, false},
	} {
		assert.Equal(t, want[0], p.Decidable(), "%q décidable", p)
		assert.Equal(t, want[1], p.Recordable(), "%q consignable", p)
	}
}

// Orientation rules never propose « autre »: it is a partner's record.
func TestRulesRefuseOtherPathway(t *testing.T) {
	r, fs := diagnostic.LoadOrientationRules(bytes.NewReader(diagnostic.DefaultOrientationRulesJSON()))
	require.True(t, fs.Valid(), "%v", fs)
	r.Pathways[0].Pathway = diagnostic.PathwayOther
	assert.True(t, r.Check().HasCode("ORIENT-PARCOURS-01"), "%v", r.Check())
}

func ExamplePathway_Decidable() {
	fmt.Println(diagnostic.PathwayGlobal.Decidable(), diagnostic.PathwayOther.Decidable(), diagnostic.PathwayUndetermined.Decidable())
	// Output: true false false
}

func ExamplePathway_Recordable() {
	fmt.Println(diagnostic.PathwayGlobal.Recordable(), diagnostic.PathwayOther.Recordable(), diagnostic.PathwayUndetermined.Recordable())
	// Output: true true false
}

func Example_pathwayPeers() {
	for _, p := range []diagnostic.Pathway{diagnostic.PathwayEmploi, diagnostic.PathwayGlobal, diagnostic.PathwaySocial, diagnostic.PathwayOther} {
		d, _ := diagnostic.Pathways.Get(string(p))
		fmt.Println(p, d.Map[diagnostic.MapCarnetDeBord], d.Map[diagnostic.MapRdvInsertion])
	}
	// Output:
	// emploi [pro] [pro]
	// global [sociopro] [socio_pro]
	// social [social] [social]
	// autre [autre] []
}
