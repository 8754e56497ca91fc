package carnet_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// notSections are the fields of Carnet that are no part of the person's
// pathway, each with why it has no row in carnet.Parts.
var notSections = map[string]string{
	"version_schema":    "version du format",
	"id":                "identifiant du carnet",
	"carnets_fusionnes": "identifiants des carnets fusionnés (aucune donnée de la personne)",
	"conflits_fusion":   "valeurs écartées, visibles seulement de qui lit santé et membres",
	"journal":           "journal, section journal, filtré événement par événement",
	"vue":               "marque posée par View (lecteur, date) : aucune donnée de la personne, absente d'un carnet",
}

func jsonName(f reflect.StructField) string {
	return strings.Split(f.Tag.Get("json"), ",")[0]
}

// holdsItems: a slice of structs whose items carry an "id".
func holdsItems(t reflect.Type) bool {
	if t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Struct {
		return false
	}
	for i := range t.Elem().NumField() {
		if jsonName(t.Elem().Field(i)) == "id" {
			return true
		}
	}
	return false
}

// TestPartsCoverEveryCarnetField fails when a field is added to Carnet
// without a row in Parts (or a reason in notSections): the journal, Merge
// and View would silently ignore it.
func TestPartsCoverEveryCarnetField(t *testing.T) {
	inTable := map[string]carnet.Target{}
	for _, p := range carnet.Parts {
		for _, f := range p.Fields {
			_, dup := inTable[f]
			require.False(t, dup, "champ %q dans deux parts", f)
			inTable[f] = p.Target
		}
	}
	ct := reflect.TypeOf(carnet.Carnet{})
	seen := map[string]bool{}
	for i := range ct.NumField() {
		f := ct.Field(i)
		name := jsonName(f)
		seen[name] = true
		_, listed := inTable[name]
		_, exempt := notSections[name]
		assert.True(t, listed != exempt, "le champ %s (%s) doit être soit dans carnet.Parts, soit justifié dans notSections", f.Name, name)
		if holdsItems(f.Type) {
			assert.True(t, listed, "le champ %s contient des éléments : il doit être une part de carnet.Parts", f.Name)
		}
		if p, ok := carnet.PartOf(inTable[name]); ok && p.List && name == p.Fields[0] {
			assert.True(t, holdsItems(f.Type), "la part %s est une liste : %s doit contenir des éléments à id", p.Target, f.Name)
			_, hasOrigin := f.Type.Elem().FieldByName("Origin")
			assert.True(t, hasOrigin, "les éléments de %s portent leur carnet d'origine", f.Name)
		}
	}
	for name := range inTable {
		assert.True(t, seen[name], "carnet.Parts nomme %q, absent de Carnet", name)
	}
	for name := range notSections {
		assert.True(t, seen[name], "notSections nomme %q, absent de Carnet", name)
	}
}

// TestPartsJoinRightsAndCodeLists: the table joins the rights matrix by
// section and the code lists by key, without a second copy of either.
func TestPartsJoinRightsAndCodeLists(t *testing.T) {
	// Targets is the whole carnet then the parts, in order.
	keys := []string{"carnet"}
	for _, p := range carnet.Parts {
		keys = append(keys, string(p.Target))
		assert.True(t, carnet.Sections.Has(string(p.Section)), "%s : section %q inconnue", p.Target, p.Section)
		assert.Equal(t, p.Section, p.Target.Section())
		if p.Sensitive != "" {
			assert.True(t, carnet.Sections.Sensitive(string(p.Sensitive)), "%s : la section %q n'est pas marquée sensible", p.Target, p.Sensitive)
		}
		assert.NotEmpty(t, p.Label.FR)
		assert.NotEmpty(t, p.Fields)
	}
	assert.Equal(t, keys, carnet.Targets.Keys())
	assert.Equal(t, carnet.SectionPersonne, carnet.TargetCarnet.Section())
	assert.Equal(t, carnet.Section(""), carnet.Target("inconnue").Section())
	// RULES.md §10: the health details are the one sensitive section.
	assert.Equal(t, []string{"sante"}, carnet.Sections.SensitiveKeys())
	// Every section of the matrix guards a part, except the health details
	// (which guard the parts' sensitive values) and the journal.
	guarded := map[carnet.Section]bool{carnet.SectionJournal: true}
	for _, p := range carnet.Parts {
		guarded[p.Section] = true
		if p.Sensitive != "" {
			guarded[p.Sensitive] = true
		}
	}
	for _, d := range carnet.Sections {
		assert.True(t, guarded[carnet.Section(d.Key)], "la section %s ne garde aucune part", d.Key)
	}
	for role, sections := range carnet.DefaultRights {
		assert.True(t, carnet.Roles.Has(string(role)), role)
		for s := range sections {
			assert.True(t, carnet.Sections.Has(string(s)), "%s : section %q inconnue", role, s)
		}
	}
	// RULES.md §4–5 and RGPD art. 9: the adjustment reasons that reveal
	// health are health, disability and invalidity.
	for _, d := range carnet.AdjustmentReasons {
		want := d.Key == "sante" || d.Key == "handicap" || d.Key == "invalidite"
		assert.Equal(t, want, carnet.AdjustmentReason(d.Key).Sensitive(), d.Key)
	}
}

// hasNIR reports whether a field tagged json "nir" is reachable from t.
func hasNIR(t reflect.Type, seen map[reflect.Type]bool) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return false
	}
	seen[t] = true
	for i := range t.NumField() {
		if jsonName(t.Field(i)) == "nir" || hasNIR(t.Field(i).Type, seen) {
			return true
		}
	}
	return false
}

func TestPartsMarkTheNIR(t *testing.T) {
	ct := reflect.TypeOf(carnet.Carnet{})
	for _, p := range carnet.Parts {
		found := false
		for _, name := range p.Fields {
			for i := range ct.NumField() {
				if jsonName(ct.Field(i)) == name && hasNIR(ct.Field(i).Type, map[reflect.Type]bool{}) {
					found = true
				}
			}
		}
		assert.Equal(t, found, p.NIR, "%s : NIR", p.Target)
	}
}

// itemsOf returns the items of the part's field in the carnet's JSON.
func itemsOf(t *testing.T, c *carnet.Carnet, field string) []map[string]any {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(jsonOf(t, c)), &m))
	var items []map[string]any
	if len(m[field]) > 0 {
		require.NoError(t, json.Unmarshal(m[field], &items))
	}
	return items
}

func findItem(items []map[string]any, id string) map[string]any {
	for _, x := range items {
		if x["id"] == id {
			return x
		}
	}
	return nil
}

// TestEveryListPartIsJournaledStampedMergedAndReplayed drives Create,
// Apply, Replay and Merge through every list part of the table.
func TestEveryListPartIsJournaledStampedMergedAndReplayed(t *testing.T) {
	for _, p := range carnet.Parts {
		if !p.List {
			continue
		}
		field := p.Fields[0]
		t.Run(string(p.Target), func(t *testing.T) {
			valid, ok := validItem[p.Target]
			require.True(t, ok, "validItem: aucun élément valide pour la part %s", p.Target)
			withItem := func(b carnet.Carnet, id string) carnet.Carnet {
				var m map[string]any
				require.NoError(t, json.Unmarshal([]byte(jsonOf(t, b)), &m))
				items, _ := m[field].([]any)
				m[field] = append(items, valid(id))
				var out carnet.Carnet
				require.NoError(t, json.Unmarshal([]byte(jsonOf(t, m)), &out))
				return out
			}
			c, fs := carnet.Create(withItem(base(), "t-0"), referent, at("2025-03-03"))
			require.Empty(t, fs)
			x := findItem(itemsOf(t, c, field), "t-0")
			require.NotNil(t, x, "Create garde l'élément")
			assert.Equal(t, c.ID, x["origine"], "Create marque l'origine")

			apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: p.Target, ID: "t-1", Value: valid("t-1"), At: at("2025-04-01")})
			x = findItem(itemsOf(t, c, field), "t-1")
			require.NotNil(t, x, "Apply ajoute l'élément")
			assert.Equal(t, c.ID, x["origine"])
			assert.Equal(t, p.Target, c.Journal[len(c.Journal)-1].Target)

			r, fs := carnet.Replay(c.Journal)
			require.Empty(t, fs)
			assert.Equal(t, itemsOf(t, c, field), itemsOf(t, r, field), "Replay rejoue la part")

			dup := withItem(base(), "t-2")
			dup.ID = "c-77-002"
			d, fs := carnet.Create(dup, referent, at("2025-03-04"))
			require.Empty(t, fs)
			m, _ := carnet.Merge(c, d, referent, "2025-03-05")
			require.NotNil(t, m)
			merged := itemsOf(t, m, field)
			for id, origin := range map[string]string{"t-0": c.ID, "t-1": c.ID, "t-2": d.ID} {
				if x := findItem(merged, id); assert.NotNil(t, x, "Merge garde %s", id) {
					assert.Equal(t, origin, x["origine"], id)
				}
			}

			apply(t, c, referent, carnet.Change{Op: carnet.OpRemove, Target: p.Target, ID: "t-1", At: at("2025-04-02")})
			assert.Nil(t, findItem(itemsOf(t, c, field), "t-1"), "Apply retire l'élément")
		})
	}
}

// validItem returns, for each list part, an item with the id that passes the
// value checks of the schema (Create and Apply refuse the others). A list
// part added to carnet.Parts without an entry here fails
// TestEveryListPartIsJournaledStampedMergedAndReplayed.
var validItem = map[carnet.Target]func(id string) map[string]any{
	carnet.TargetMembres: func(id string) map[string]any {
		return map[string]any{"id": id, "role": "partenaire", "siret_structure": string(siretPartenaire), "date_debut": "2025-03-03"}
	},
	carnet.TargetOrientations: func(id string) map[string]any {
		return map[string]any{"id": id, "date": "2025-03-10", "parcours": "social", "siret_organisme_referent": string(siretDepartement)}
	},
	carnet.TargetContrats: func(id string) map[string]any {
		return map[string]any{"id": id, "type": "contrat-engagement", "date_debut": "2025-03-10", "heures_hebdomadaires": 15}
	},
	carnet.TargetObjectifs: func(id string) map[string]any {
		return map[string]any{"id": id, "thematique": "logement", "statut": "EN_COURS", "date": "2025-03-10"}
	},
	carnet.TargetActions: func(id string) map[string]any {
		return map[string]any{"id": id, "action": "pmsmp", "thematique": "emploi-formation", "statut": "prevue", "date_proposition": "2025-03-10",
			"proposee_par": map[string]any{"role": "referent", "siret_structure": string(siretDepartement)}}
	},
	carnet.TargetRendezVous: func(id string) map[string]any {
		return map[string]any{"id": id, "date": "2025-03-10", "type": "rendez-vous", "canal": "presentiel", "resultat": "honore"}
	},
	carnet.TargetJalons: func(id string) map[string]any {
		return map[string]any{"id": id, "type": "fin-contrat-iae", "date": "2025-09-10"}
	},
	carnet.TargetConsentements: func(id string) map[string]any {
		return map[string]any{"id": id, "siret_structure": string(siretPartenaire), "date": "2025-03-10", "perimetre": []string{"plan"}}
	},
}

// markedValue returns, for each part that may hold health values, a value
// of that part carrying marker in its health data. A sensitive part added
// to carnet.Parts without an entry here fails TestViewHoldsNothingUnreadable.
var markedValue = map[carnet.Target]func(marker string) (string, any){
	carnet.TargetDiagnostic: func(m string) (string, any) { return "", healthDiagnostic(m) },
	carnet.TargetContrats: func(m string) (string, any) {
		return "k-sante", carnet.Contract{ID: "k-sante", Type: "contrat-engagement", Start: "2027-01-01",
			Adjustment: &carnet.Adjustment{Kind: "exemption", Reason: "handicap", Date: "2027-01-01", Comment: m}}
	},
	carnet.TargetObjectifs: func(m string) (string, any) {
		return "o-sante", carnet.PlanObjectif{ID: "o-sante", Thematique: "emploi-formation", Objectif: santeObjectif(), Status: diagnostic.ObjectifEnCours, Date: "2025-06-01", Source: "/freins/sante/" + m}
	},
	carnet.TargetActions: func(m string) (string, any) {
		return "a-sante", carnet.Action{ID: "a-sante", CatalogAction: santeAction(), Thematique: "sante", Status: "en-cours", ProposedOn: "2025-06-01", ProposedBy: referent, Comment: m}
	},
}

// emptyJSON reports whether a JSON value is absent or holds no value: null,
// "", false, 0, an empty array, or an object whose members other than keep
// (the pseudonymous identifier) are empty.
func emptyJSON(b json.RawMessage, keep string) bool {
	if len(b) == 0 {
		return true
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return false
	}
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case float64:
		return x == 0
	case []any:
		return len(x) == 0
	case map[string]any:
		for k, m := range x {
			if k == keep {
				continue
			}
			if !emptyJSON([]byte(jsonOfAny(m)), "") {
				return false
			}
		}
		return true
	}
	return false
}

func jsonOfAny(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestViewHoldsNothingUnreadable is the property of View, driven by the
// table: for every role, on random carnets and dates, the view holds no
// field of a part whose section the role may not read (Authorize says), no
// journal event of such a part, and no health value of a part whose
// sensitive section it may not read; a role that may read them sees them.
func TestViewHoldsNothingUnreadable(t *testing.T) {
	actors := []carnet.Actor{usager, referent, coReferent, partenaire, coord, chargeOri,
		{Role: carnet.RolePartenaire, StructureSIRET: "55500000100019"}}
	for _, p := range carnet.Parts {
		if p.Sensitive != "" {
			require.Contains(t, markedValue, p.Target, "la part sensible %s n'a pas de valeur de test", p.Target)
		}
	}
	// The codes of sensitive definitions: situations, objectifs and
	// catalogue actions of a sensitive thématique, sensitive adjustment reasons.
	var sensitiveCodes []string
	for _, ds := range []spie.Definitions{diagnostic.Situations, diagnostic.Objectifs, carnet.CatalogActions} {
		for _, d := range ds {
			if spie.Thematique(d.Group).Sensitive() {
				sensitiveCodes = append(sensitiveCodes, `"`+d.Key+`"`)
			}
		}
	}
	for _, k := range carnet.AdjustmentReasons.SensitiveKeys() {
		sensitiveCodes = append(sensitiveCodes, `"motif":"`+k+`"`)
	}
	require.NotEmpty(t, sensitiveCodes)
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 11))
		c := open(t, nil)
		randomChanges(t, c, rng, rng.IntN(12))
		now := c.Journal[len(c.Journal)-1].At
		markers := map[carnet.Target]string{}
		for _, p := range carnet.Parts {
			if p.Sensitive == "" {
				continue
			}
			now = now.Add(24 * 60 * 60 * 1e9)
			markers[p.Target] = fmt.Sprintf("SECRET-%s-%04d", p.Target, rng.IntN(10000))
			id, v := markedValue[p.Target](markers[p.Target])
			op := carnet.OpAdd
			if !p.List && c.Diagnostic != nil {
				op = carnet.OpUpdate
			}
			apply(t, c, referent, carnet.Change{Op: op, Target: p.Target, ID: id, Value: v, At: now})
		}
		if rng.IntN(3) == 0 {
			// the person withdraws a consent, through the journal (View
			// verifies it: content edited outside it is never shown)
			k := c.Consents[rng.IntN(len(c.Consents))]
			k.WithdrawnOn = "2025-10-01"
			now = now.Add(24 * 60 * 60 * 1e9)
			apply(t, c, usager, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: now})
		}
		for _, a := range actors {
			day := spie.Date([]string{"2025-04-01", "2025-08-15", "2025-12-31"}[rng.IntN(3)])
			t.Run(fmt.Sprintf("graine-%d/%s/%s/%s", seed, a.Role, a.StructureSIRET, day), func(t *testing.T) {
				v := carnet.View(c, carnet.Viewer{Actor: a, On: day})
				var doc map[string]json.RawMessage
				require.NoError(t, json.Unmarshal([]byte(jsonOf(t, v)), &doc))
				full := jsonOf(t, v)
				if carnet.Authorize(c, a, carnet.SectionSante, carnet.AccessRead, day) != nil {
					for _, code := range sensitiveCodes {
						assert.NotContains(t, full, code)
					}
				}
				for _, p := range carnet.Parts {
					canRead := carnet.Authorize(c, a, p.Section, carnet.AccessRead, day) == nil
					if !canRead {
						for _, f := range p.Fields {
							assert.True(t, emptyJSON(doc[f], "id"), "%s ne lit pas %s : %s = %s", a.Role, p.Section, f, doc[f])
						}
						for _, e := range v.Journal {
							assert.NotEqual(t, p.Target, e.Target, "événement d'une part illisible")
						}
					}
					if p.Sensitive == "" {
						continue
					}
					canHealth := canRead && carnet.Authorize(c, a, p.Sensitive, carnet.AccessRead, day) == nil
					if canHealth {
						assert.Contains(t, full, markers[p.Target])
					} else {
						assert.NotContains(t, full, markers[p.Target])
					}
				}
			})
		}
	}
}

func ExamplePartOf() {
	p, _ := carnet.PartOf(carnet.TargetActions)
	fmt.Println(p.Fields[0], p.Section, p.Sensitive)
	fmt.Println("le co-référent modifie le plan :", carnet.DefaultRights.Allows(carnet.RoleCoReferent, p.Section, carnet.AccessWrite))
	fmt.Println("le co-référent lit la santé :", carnet.DefaultRights.Allows(carnet.RoleCoReferent, p.Sensitive, carnet.AccessRead))
	// Output:
	// actions plan sante
	// le co-référent modifie le plan : true
	// le co-référent lit la santé : false
}

// TestVisibleFaults: a fault is shown to whoever may read where it points
// (expected sets worked by hand from RULES.md §10 and the consents of base():
// the co-référent reads everything but the health details, the partner reads
// the plan and the contacts, a structure outside the carnet nothing).
func TestVisibleFaults(t *testing.T) {
	c := open(t, func(c *carnet.Carnet) {
		c.Diagnostic = healthDiagnostic("X")
		c.Actions = []carnet.Action{
			{ID: "a-plain", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-03-03", ProposedBy: referent},
			{ID: "a-sante", CatalogAction: santeAction(), Thematique: "sante", Status: "prevue", ProposedOn: "2025-03-03", ProposedBy: referent},
		}
	})
	paths := []string{"/actions/0/date_fin", "/actions/1/date_fin", "/contrats", "/diagnostic/freins/sante/details",
		"/diagnostic/freins/sante/impact", "/journal", "/rendez_vous", "/date_entree"}
	var fs spie.Faults
	for _, p := range paths {
		fs = append(fs, spie.Fault{Code: "TEST", Path: p})
	}
	tests := []struct {
		actor carnet.Actor
		want  []string
	}{
		{referent, paths},
		{usager, paths},
		{coReferent, []string{"/actions/0/date_fin", "/contrats", "/diagnostic/freins/sante/impact", "/journal", "/rendez_vous", "/date_entree"}},
		{partenaire, []string{"/actions/0/date_fin", "/rendez_vous", "/date_entree"}},
		{carnet.Actor{Professional: "X", Role: carnet.RolePartenaire, StructureSIRET: "55500000100019"}, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.actor.Role)+"/"+string(tt.actor.StructureSIRET), func(t *testing.T) {
			var got []string
			for _, f := range carnet.Visible(c, carnet.Viewer{Actor: tt.actor, On: "2025-04-01"}, fs) {
				got = append(got, f.Path)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func ExampleVisible() {
	c, _ := carnet.Create(carnet.Carnet{ID: "c-1", EntryDate: "2025-03-03",
		Person: carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{
			{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000100018", Start: "2025-03-03"},
			{ID: "m-2", Role: carnet.RolePartenaire, StructureSIRET: "33188888000019", Start: "2025-03-03"},
		},
		Consents: []carnet.SharingConsent{{ID: "k-1", StructureSIRET: "33188888000019", Date: "2025-03-03", Scope: []carnet.Section{carnet.SectionPlan}}},
	}, carnet.Actor{Professional: "Claire Martin", Role: carnet.RoleReferent, StructureSIRET: "22020000100018"}, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	alerts := spie.Faults{{Code: "A", Path: "/contrats"}, {Code: "B", Path: "/actions/0/date_fin"}}
	partner := carnet.Viewer{Actor: carnet.Actor{Professional: "Nadia Benali", Role: carnet.RolePartenaire, StructureSIRET: "33188888000019"}, On: "2025-04-01"}
	for _, f := range carnet.Visible(c, partner, alerts) {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// B /actions/0/date_fin
}

// TestViewConflictsNeedEveryPart: the values kept aside by a merge may come
// from any part, so a viewer sees them only when they may read every part
// (and its health values). With a territory's matrix that lets the partner
// read the health section and the members but not the diagnostic, the
// diagnostic set aside must stay hidden.
func TestViewConflictsNeedEveryPart(t *testing.T) {
	c := open(t, func(c *carnet.Carnet) {
		c.Conflicts = []carnet.Conflict{{Path: "/diagnostic", Origin: "c-77-002", Value: json.RawMessage(jsonOf(t, healthDiagnostic("ECARTE")))}}
		c.Consents[1].Scope = append(c.Consents[1].Scope, carnet.SectionSante)
	})
	m := carnet.RightsMatrix{}
	for role, sections := range carnet.DefaultRights {
		m[role] = map[carnet.Section][]carnet.Access{}
		for s, a := range sections {
			m[role][s] = a
		}
	}
	m[carnet.RolePartenaire][carnet.SectionSante] = []carnet.Access{carnet.AccessRead}
	require.Nil(t, m.Authorize(c, partenaire, carnet.SectionSante, carnet.AccessRead, "2025-04-01"))
	require.NotNil(t, m.Authorize(c, partenaire, carnet.SectionDiagnostic, carnet.AccessRead, "2025-04-01"))
	v := m.View(c, carnet.Viewer{Actor: partenaire, On: "2025-04-01"})
	assert.NotContains(t, jsonOf(t, v), "ECARTE")
	assert.Empty(t, v.Conflicts)
	r := m.View(c, carnet.Viewer{Actor: referent, On: "2025-04-01"})
	assert.Len(t, r.Conflicts, 1, "le référent arbitre les conflits")
}
