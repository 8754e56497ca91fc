package carnet_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// expectedRights is the sharing matrix written out by hand (RULES.md §10),
// "r" read, "w" write, for the sections in carnet.Sections order:
// personne diagnostic sante membres orientation contrat plan rendez-vous jalons consentements journal.
var expectedRights = map[carnet.Role]string{
	carnet.RoleUsager:            "r  r  r  r  r  r  r  r  r  rw r",
	carnet.RoleReferent:          "rw rw rw rw rw rw rw rw rw rw r",
	carnet.RoleCoReferent:        "r  rw -  r  r  rw rw rw rw r  r",
	carnet.RolePartenaire:        "r  -  -  r  -  -  rw rw -  -  -",
	carnet.RoleCoordinateurSPIE:  "r  r  -  rw r  r  r  r  rw -  r",
	carnet.RoleChargeOrientation: "r  r  -  rw rw r  -  -  -  -  -",
}

func TestRightsMatrixEveryRoleSectionAccess(t *testing.T) {
	c := open(t, nil)
	actors := map[carnet.Role]carnet.Actor{
		carnet.RoleUsager: usager, carnet.RoleReferent: referent, carnet.RoleCoReferent: coReferent,
		carnet.RolePartenaire: partenaire, carnet.RoleCoordinateurSPIE: coord, carnet.RoleChargeOrientation: chargeOri,
	}
	require.Len(t, expectedRights, len(carnet.Roles))
	for _, rd := range carnet.Roles {
		role := carnet.Role(rd.Key)
		cells := strings.Fields(expectedRights[role])
		require.Len(t, cells, len(carnet.Sections), role)
		for i, sd := range carnet.Sections {
			for _, ad := range carnet.Accesses {
				access := carnet.Access(ad.Key)
				want := strings.Contains(cells[i], map[carnet.Access]string{carnet.AccessRead: "r", carnet.AccessWrite: "w"}[access])
				t.Run(fmt.Sprintf("%s/%s/%s", role, sd.Key, access), func(t *testing.T) {
					assert.Equal(t, want, carnet.DefaultRights.Allows(role, carnet.Section(sd.Key), access))
					f := carnet.Authorize(c, actors[role], carnet.Section(sd.Key), access, "2025-04-01")
					if want {
						assert.Nil(t, f)
					} else if assert.NotNil(t, f) {
						assert.Equal(t, "CARNET-DROITS-02", f.Code)
						assert.Equal(t, "/"+sd.Key, f.Path)
					}
				})
			}
		}
	}
}

func TestAuthorizeMembershipAndConsent(t *testing.T) {
	c := open(t, func(c *carnet.Carnet) {
		c.Consents[1].WithdrawnOn = "2025-06-15"
		c.Members[3].End = "2025-09-30"
	})
	tests := []struct {
		name  string
		actor carnet.Actor
		day   spie.Date
		code  string
	}{
		{"partenaire la veille du retrait", partenaire, "2025-06-14", ""},
		{"partenaire le jour du retrait", partenaire, "2025-06-15", "CARNET-DROITS-04"},
		{"partenaire le lendemain du retrait", partenaire, "2025-06-16", "CARNET-DROITS-04"},
		{"structure non membre", carnet.Actor{Professional: "X", StructureSIRET: "55500000900012", Role: carnet.RolePartenaire}, "2025-04-01", "CARNET-DROITS-03"},
		{"rôle revendiqué à tort", carnet.Actor{Professional: "Nadia Benali", StructureSIRET: siretPartenaire, Role: carnet.RoleReferent}, "2025-04-01", "CARNET-DROITS-03"},
		{"rôle inconnu", carnet.Actor{Professional: "Nadia Benali", StructureSIRET: siretPartenaire, Role: "directeur"}, "2025-04-01", "CARNET-DROITS-01"},
		{"avant l'entrée du membre", partenaire, "2025-03-02", "CARNET-DROITS-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := carnet.Authorize(c, tt.actor, carnet.SectionPlan, carnet.AccessRead, tt.day)
			if tt.code == "" {
				assert.Nil(t, f)
			} else if assert.NotNil(t, f) {
				assert.Equal(t, tt.code, f.Code)
			}
		})
	}
}

func TestApplyChecksRights(t *testing.T) {
	c := open(t, nil)
	sante := carnet.Action{ID: "a1", CatalogAction: santeAction(), Thematique: "sante", Status: "prevue", ProposedOn: "2025-04-01", ProposedBy: coReferent}
	tests := []struct {
		name  string
		actor carnet.Actor
		ch    carnet.Change
		code  string
		path  string
	}{
		{"partenaire oriente", partenaire, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetOrientations, ID: "o1",
			Value: carnet.Orientation{ID: "o1", Date: "2025-04-01", Pathway: "social", StructureSIRET: siretDepartement}, At: at("2025-04-01")}, "CARNET-DROITS-02", "/orientation"},
		{"co-référent ajoute une action de santé", coReferent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a1", Value: sante, At: at("2025-04-01")}, "CARNET-DROITS-02", "/sante"},
		{"usager modifie le plan", usager, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetJalons, ID: "j1",
			Value: carnet.Milestone{ID: "j1", Kind: "sortie-autre", Date: "2025-04-01"}, At: at("2025-04-01")}, "CARNET-DROITS-02", "/jalons"},
		{"non membre", carnet.Actor{Professional: "X", StructureSIRET: "55500000900012", Role: carnet.RolePartenaire}, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r1",
			Value: carnet.Contact{ID: "r1", Date: "2025-04-01", Kind: "rendez-vous", Channel: "telephone", Result: "honore"}, At: at("2025-04-01")}, "CARNET-DROITS-03", "/rendez-vous"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(c.Journal)
			fs := carnet.Apply(c, tt.ch, tt.actor)
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			assert.Len(t, c.Journal, n)
		})
	}
	t.Run("référent ajoute une action de santé", func(t *testing.T) {
		apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a1", Value: sante, At: at("2025-04-02")})
		assert.True(t, c.Journal[len(c.Journal)-1].Sensitive)
	})
	t.Run("usager retire un consentement", func(t *testing.T) {
		k := c.Consents[1]
		k.WithdrawnOn = "2025-04-03"
		apply(t, c, usager, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: at("2025-04-03")})
		assert.NotNil(t, carnet.Authorize(c, partenaire, carnet.SectionPlan, carnet.AccessRead, "2025-04-03"))
	})
}

// sensitiveCarnet builds a carnet whose health data carry marker, through
// Apply so that the journal holds them too.
func sensitiveCarnet(t *testing.T, rng *rand.Rand, marker string) *carnet.Carnet {
	t.Helper()
	c := open(t, func(c *carnet.Carnet) {
		c.Diagnostic = healthDiagnostic(marker + "-initial")
		c.Diagnostic.Person.NIR = nirTest
	})
	randomChanges(t, c, rng, rng.IntN(15))
	last := c.Journal[len(c.Journal)-1].At
	step := func(n int) carnet.Change { return carnet.Change{At: last.AddDate(0, 0, n)} }
	ch := step(1)
	d := healthDiagnostic(marker)
	d.Person.NIR = nirTest
	ch.Op, ch.Target, ch.Value = carnet.OpUpdate, carnet.TargetDiagnostic, d
	apply(t, c, referent, ch)
	ch = step(2)
	ch.Op, ch.Target, ch.ID = carnet.OpAdd, carnet.TargetObjectifs, "o-sante"
	ch.Value = carnet.PlanObjectif{ID: "o-sante", Thematique: "sante", Objectif: santeObjectif(), Status: diagnostic.ObjectifEnCours, Date: "2025-06-01", Source: "/freins/sante"}
	apply(t, c, referent, ch)
	ch = step(3)
	ch.Op, ch.Target, ch.ID = carnet.OpAdd, carnet.TargetActions, "a-sante"
	ch.Value = carnet.Action{ID: "a-sante", ObjectifID: "o-sante", CatalogAction: santeAction(), Thematique: "sante", Status: "en-cours", ProposedOn: "2025-06-01", ProposedBy: referent, Comment: marker + "-action"}
	apply(t, c, referent, ch)
	ch = step(4)
	ch.Op, ch.Target, ch.ID = carnet.OpAdd, carnet.TargetContrats, "k-sante"
	ch.Value = carnet.Contract{ID: "k-sante", Type: "contrat-engagement", Start: "2027-01-01", WeeklyHours: 0,
		Adjustment: &carnet.Adjustment{Kind: "exemption", Reason: "sante", Date: "2027-01-01", Comment: marker + "-dispense"}}
	apply(t, c, referent, ch)
	if rng.IntN(2) == 0 {
		ch = step(5)
		ch.Op, ch.Target, ch.ID = carnet.OpRemove, carnet.TargetActions, "a-sante"
		ch.Value = nil
		apply(t, c, referent, ch)
	}
	return c
}

func TestViewNeverLeaksHealthData(t *testing.T) {
	// The NIR is there too: no member is marked acces_nir, so only the
	// person sees it.
	forbidden := []string{string(santeSituation()), string(santeObjectif()), string(santeAction()), `"motif":"sante"`, nirTest}
	for seed := range uint64(25) {
		rng := rand.New(rand.NewPCG(seed, 77))
		marker := fmt.Sprintf("SECRET%04d", rng.IntN(10000))
		c := sensitiveCarnet(t, rng, marker)
		for _, a := range []carnet.Actor{coReferent, partenaire, coord, chargeOri} {
			t.Run(fmt.Sprintf("graine-%d/%s", seed, a.Role), func(t *testing.T) {
				day := spie.Date("2025-" + []string{"04-01", "08-15", "12-31"}[rng.IntN(3)])
				v := jsonOf(t, carnet.View(c, carnet.Viewer{Actor: a, On: day}))
				assert.NotContains(t, v, marker)
				for _, s := range forbidden {
					assert.NotContains(t, v, s)
				}
			})
		}
		for _, a := range []carnet.Actor{referent, usager} {
			t.Run(fmt.Sprintf("graine-%d/%s voit tout", seed, a.Role), func(t *testing.T) {
				v := jsonOf(t, carnet.View(c, carnet.Viewer{Actor: a, On: "2025-08-15"}))
				assert.Contains(t, v, marker)
				assert.Equal(t, a.Role == carnet.RoleUsager, strings.Contains(v, nirTest), "NIR : la personne seule")
			})
		}
	}
}

func TestViewSections(t *testing.T) {
	c := sensitiveCarnet(t, rand.New(rand.NewPCG(3, 3)), "S")
	v := carnet.View(c, carnet.Viewer{Actor: partenaire, On: "2025-08-15"})
	assert.Nil(t, v.Diagnostic)
	assert.Nil(t, v.Orientations)
	assert.Nil(t, v.Contracts)
	assert.Nil(t, v.Journal)
	assert.NotEmpty(t, v.Members)
	w := carnet.View(c, carnet.Viewer{Actor: coReferent, On: "2025-08-15"})
	require.NotNil(t, w.Diagnostic)
	assert.Equal(t, diagnostic.ImpactFort, w.Diagnostic.Freins["sante"].Impact, "l'impact du frein santé reste visible")
	assert.Empty(t, w.Diagnostic.Freins["sante"].Details)
	outsider := carnet.View(c, carnet.Viewer{Actor: carnet.Actor{Professional: "X", Role: carnet.RolePartenaire, StructureSIRET: "55500000900012"}, On: "2025-08-15"})
	assert.Equal(t, c.ID, outsider.ID)
	assert.Equal(t, carnet.SupportedPerson{ID: c.Person.ID}, outsider.Person)
	assert.Nil(t, outsider.Members)
	assert.Nil(t, outsider.Actions)
}

func ExampleView() {
	c, _ := carnet.Create(carnet.Carnet{ID: "c-1", EntryDate: "2025-03-03",
		Person: carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{
			{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Start: "2025-03-03"},
			{ID: "m-2", Role: carnet.RolePartenaire, StructureSIRET: "33188888300013", Start: "2025-03-03"},
		},
		Actions: []carnet.Action{{ID: "a-1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-03-03",
			ProposedBy: carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}}},
	}, carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent, StructureSIRET: "22020000000010"}, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	partner := carnet.Viewer{Actor: carnet.Actor{Professional: "Nadia Benali", Role: carnet.RolePartenaire, StructureSIRET: "33188888300013"}, On: "2025-04-01"}
	fmt.Println(len(carnet.View(c, partner).Actions), "action visible sans consentement ?")
	// the person consents, through the journal (View verifies it)
	person := carnet.Actor{Professional: "p-1", Role: carnet.RoleUsager}
	carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetConsentements, ID: "k-1",
		Value: carnet.SharingConsent{ID: "k-1", StructureSIRET: "33188888300013", Date: "2025-03-10", Scope: []carnet.Section{carnet.SectionPlan}},
		At:    time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)}, person)
	fmt.Println(len(carnet.View(c, partner).Actions), "action visible avec consentement")
	// a content edited outside the journal is never shown
	c.Actions[0].Comment = "modifié hors du journal"
	fmt.Println(len(carnet.View(c, partner).Actions), "action visible d'un carnet altéré")
	// Output:
	// 0 action visible sans consentement ?
	// 1 action visible avec consentement
	// 0 action visible d'un carnet altéré
}

// The rights faults name the role and the section in the language of each
// message (texts written by hand from the templates of CARNET-DROITS-03
// and -02 and the labels of carnet.Roles and carnet.Sections).
func TestRightsFaultsInBothLanguages(t *testing.T) {
	c := open(t, nil)
	outsider := carnet.Actor{Professional: "X", StructureSIRET: "55500000900012", Role: carnet.RolePartenaire}
	f := carnet.Authorize(c, outsider, carnet.SectionPlan, carnet.AccessRead, "2025-04-01")
	require.NotNil(t, f)
	assert.Equal(t, "Partenaire de la structure 55500000900012 n'est pas membre actif du carnet le 2025-04-01", f.Message)
	assert.Equal(t, "Partner of organisation 55500000900012 is not an active member of the carnet on 2025-04-01", f.MessageEN)
	sante := carnet.Sections.LabelOf(string(carnet.SectionSante))
	f = carnet.Authorize(c, partenaire, carnet.SectionSante, carnet.AccessRead, "2025-04-01")
	require.NotNil(t, f)
	assert.Equal(t, "CARNET-DROITS-02", f.Code)
	assert.Contains(t, f.Message, "n'a pas le droit de lire la section "+sante)
	assert.Contains(t, f.MessageEN, "may not read section Health details (sensitive data)")
}
