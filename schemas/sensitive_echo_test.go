package schemas_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

// Sensitive markers pushed through every rule (issue 16, item 3): no fault
// message (FR or EN), alert or error may contain one.
const (
	// A NIR with a valid key (1900575056123 mod 97 = 60, key 97 − 60 = 37,
	// computed outside the library, in Python) and the same number with a
	// wrong key.
	markNIR    = "190057505612337"
	markBadNIR = "190057505612399"
	// Birth dates: impossible, malformed, in the future, and a real one.
	markBirthImpossible = "1987-02-30"
	markBirthMalformed  = "23/11/1987"
	markBirthFuture     = "2031-11-23"
	markBirthValid      = "1987-11-23"
	// Free health texts.
	markDetails = "SECRET-DETAILS-lombalgie"
	markComment = "SECRET-COMMENTAIRE-kine"
	markWords   = "SECRET-PAROLES-dos"
	markAdjust  = "SECRET-AMENAGEMENT-arret"
	markContact = "SECRET-RDV-hopital"
)

// healthCodes returns n keys of the definitions in the group of a sensitive
// thématique, with their labels.
func healthCodes(t *testing.T, ds spie.Definitions, n int) []spie.Definition {
	t.Helper()
	var out []spie.Definition
	for _, d := range ds {
		if spie.Thematique(d.Group).Sensitive() && len(out) < n {
			out = append(out, d)
		}
	}
	require.Len(t, out, n, "pas assez de codes de santé")
	return out
}

func nonHealthCode(t *testing.T, ds spie.Definitions, group string) string {
	t.Helper()
	for _, d := range ds {
		if d.Group == group {
			return d.Key
		}
	}
	t.Fatalf("aucun code du groupe %s", group)
	return ""
}

type echoScan struct {
	markers []string
	codes   map[string]bool
}

func (s *echoScan) check(t *testing.T, where string, fs spie.Faults) {
	t.Helper()
	for _, f := range fs {
		s.codes[f.Code] = true
		for _, m := range s.markers {
			if strings.Contains(f.Message, m) || strings.Contains(f.MessageEN, m) {
				t.Errorf("%s : %s %s cite la valeur sensible %q : %q / %q", where, f.Code, f.Path, m, f.Message, f.MessageEN)
			}
		}
	}
}

func TestNoFaultEchoesASensitiveValue(t *testing.T) {
	sit := healthCodes(t, diagnostic.Situations, 2)
	obj := healthCodes(t, diagnostic.Objectifs, 2)
	act := healthCodes(t, carnet.CatalogActions, 1)
	scan := &echoScan{codes: map[string]bool{}}
	scan.markers = []string{markNIR, markBadNIR, markBirthImpossible, markBirthMalformed, markBirthFuture, markBirthValid,
		markDetails, markComment, markWords, markAdjust, markContact}
	for _, d := range append(append(append([]spie.Definition{}, sit...), obj...), act...) {
		scan.markers = append(scan.markers, d.Key, d.Label.FR, d.Label.EN)
	}
	now := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	siret := spie.SIRET("22020000000010")

	diag := func(birth spie.Date, nir spie.NIR) *diagnostic.Diagnostic {
		yes := true
		return &diagnostic.Diagnostic{
			Version: diagnostic.SchemaVersion, ID: "d-1", Date: "2026-03-20",
			Person:         diagnostic.Person{ID: "p-1", BirthDate: birth, Commune: "02408", NIR: nir},
			Professional:   diagnostic.Professional{WorkSituation: "recherche-emploi", SeesJobShortTerm: &yes, Situations: []diagnostic.SituationItem{{Situation: diagnostic.Situation(sit[0].Key)}}},
			Authors:        []diagnostic.Author{{Name: "Claire Martin", Role: "referent-rsa", StructureSIRET: siret}},
			StructureSIRET: siret,
			Consent:        diagnostic.Consent{Sharing: true, Date: "2026-03-20"},
			Freins: diagnostic.Freins{
				"sante": {Impact: diagnostic.ImpactFort, Status: "OUI", Details: markDetails, Comment: markComment,
					Situations: []diagnostic.SituationItem{{Situation: diagnostic.Situation(sit[0].Key)}, {Situation: diagnostic.Situation(sit[0].Key)},
						{Situation: diagnostic.Situation(nonHealthCode(t, diagnostic.Situations, "logement"))}},
					Objectifs:  []diagnostic.ObjectifItem{{Objectif: diagnostic.Objectif(obj[0].Key)}, {Objectif: diagnostic.Objectif(obj[0].Key)}},
					PersonView: &diagnostic.PersonView{Priority: 1, Words: markWords}},
				"logement": {Impact: diagnostic.ImpactFort, PersonView: &diagnostic.PersonView{Priority: 1},
					Situations: []diagnostic.SituationItem{{Situation: diagnostic.Situation(sit[1].Key)}},
					Objectifs:  []diagnostic.ObjectifItem{{Objectif: diagnostic.Objectif(obj[1].Key)}}},
			},
		}
	}
	births := []struct {
		birth spie.Date
		nir   spie.NIR
	}{
		{markBirthImpossible, markBadNIR}, {markBirthMalformed, markNIR}, {markBirthFuture, markNIR},
		{markBirthValid, markNIR}, // the NIR says born in May 1990: DIAG-PERSONNE-13
	}
	for _, b := range births {
		d := diag(b.birth, b.nir)
		// Diagnostic rules.
		scan.check(t, "diagnostic.Check", d.Check(now))
		doc, err := json.Marshal(d)
		require.NoError(t, err)
		scan.check(t, "schemas.Validate diagnostic", schemas.Validate("diagnostic", doc, schemas.WithNow(func() time.Time { return now })))
		scan.check(t, "schemas.Interpret diagnostic", schemas.Interpret("diagnostic", doc, schemas.WithNow(func() time.Time { return now })))

		// Carnet rules and alerts.
		ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: siret, Role: carnet.RoleReferent}
		c := &carnet.Carnet{Version: carnet.SchemaVersion, ID: "c-1", EntryDate: "2026-03-02",
			Person:     carnet.SupportedPerson{ID: "p-1", BirthDate: b.birth, Commune: "02408", RSA: true, RSAOpeningDate: "2026-02-20"},
			Diagnostic: d,
			Members:    []carnet.Member{{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siret, Professional: "Claire Martin", Start: "2026-03-02"}},
			Objectifs: []carnet.PlanObjectif{{ID: "o-1", Thematique: "logement", Objectif: diagnostic.Objectif(obj[0].Key), Status: "EN_COURS", Date: "2026-03-20"},
				{ID: "o-2", Thematique: "sante", Objectif: diagnostic.Objectif(obj[0].Key), Status: "EN_COURS", Date: "2026-03-20", Source: markDetails}},
			Actions: []carnet.Action{
				{ID: "a-1", CatalogAction: carnet.CatalogAction(act[0].Key), Thematique: "logement", Status: carnet.ActionDone, ProposedOn: "2026-03-20", ProposedBy: ref, Start: "2026-03-21", End: "2026-04-01", Comment: markComment},
				{ID: "a-2", CatalogAction: carnet.CatalogAction(act[0].Key), Thematique: "sante", Status: carnet.ActionPlanned, ProposedOn: "2026-04-20", ProposedBy: ref, Comment: markComment},
			},
			Contracts: []carnet.Contract{{ID: "k-1", Type: carnet.ContractEngagement, Start: "2026-04-01", WeeklyHours: 3,
				Adjustment: &carnet.Adjustment{Kind: "reduction", Reason: "sante", Date: "2026-04-01", Comment: markAdjust}}},
			Contacts: []carnet.Contact{{ID: "r-1", Date: "2026-03-02", Kind: "rendez-vous", Channel: "presentiel", Result: "absent", Comment: markContact}},
		}
		scan.check(t, "carnet.Check", c.Check(now))
		scan.check(t, "carnet.Alerts", c.Alerts("2026-06-01", carnet.DefaultPolicy()))
		scan.check(t, "carnet.CheckValues", carnet.CheckValues(c, ""))
		retained := *c
		retained.EntryDate = spie.Date(b.birth)
		_, fs := retained.Retention("2030-01-01", carnet.DefaultPolicy())
		scan.check(t, "carnet.Retention", fs)
		_, fs = carnet.Create(*c, ref, now)
		scan.check(t, "carnet.Create", fs)
		doc, err = json.Marshal(c)
		require.NoError(t, err)
		scan.check(t, "schemas.Validate carnet", schemas.Validate("carnet", doc, schemas.WithNow(func() time.Time { return now })))
		scan.check(t, "schemas.Interpret carnet", schemas.Interpret("carnet", doc, schemas.WithNow(func() time.Time { return now })))
	}

	// Changes refused by Apply, carrying the markers.
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: siret, Role: carnet.RoleReferent}
	c, fs := carnet.Create(carnet.Carnet{Version: carnet.SchemaVersion, ID: "c-2", EntryDate: "2026-03-02",
		Person:  carnet.SupportedPerson{ID: "p-1", BirthDate: markBirthValid, Commune: "02408"},
		Members: []carnet.Member{{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siret, Professional: "Claire Martin", Start: "2026-03-02"}},
	}, ref, now)
	require.Empty(t, fs)
	for _, ch := range []carnet.Change{
		{Op: carnet.OpUpdate, Target: carnet.TargetPersonne, Value: carnet.SupportedPerson{ID: "p-1", BirthDate: markBirthImpossible, Commune: "02408"}},
		{Op: carnet.OpUpdate, Target: carnet.TargetPersonne, Value: carnet.SupportedPerson{ID: "p-1", BirthDate: markBirthValid, Commune: markNIR}},
		{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: diag(markBirthMalformed, markBadNIR)},
		{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-1", Value: carnet.Contact{ID: "r-1", Date: markBirthMalformed, Kind: "rendez-vous", Channel: "presentiel", Result: "honore", Comment: strings.Repeat(markContact, 500)}},
		{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-1", Value: map[string]any{"id": "a-1", "action": act[0].Key, "thematique": sit[0].Key, "statut": obj[0].Key, "date_proposition": markBirthValid}},
	} {
		ch.At = now
		scan.check(t, "carnet.Apply", carnet.Apply(c, ch, ref))
	}

	// France Travail DSP import: health situations and objectifs (codes 15
	// and 31 of the France Travail referential) under the logement
	// contrainte (27) and repeated under the santé one (25); export of a
	// santé situation without a France Travail code.
	ftHealth := map[string]string{"situation": "15", "objectif": "31"}
	dsp := `{"contraintesIndividusDto":{"dateDeModification":"2026-03-20T10:00:00.000+00:00","contraintes":[
		{"code":"27","valeur":"OUI","situations":[{"code":"15","valeur":"OUI"}],"objectifs":[{"code":"31","valeur":"EN_COURS"}]},
		{"code":"25","valeur":"OUI","situations":[{"code":"15","valeur":"OUI"},{"code":"15","valeur":"OUI"}],
			"objectifs":[{"code":"31","valeur":"EN_COURS"},{"code":"31","valeur":"EN_COURS"}]}]}}`
	for _, code := range ftHealth {
		scan.markers = append(scan.markers, `"`+code+`"`)
	}
	_, fs = diagnostic.ImportDSP([]byte(dsp))
	scan.check(t, "diagnostic.ImportDSP", fs)
	noFT := diagnostic.Situation("")
	for _, d := range diagnostic.Situations {
		if _, ok := diagnostic.Situation(d.Key).DSPCode(); !ok && spie.Thematique(d.Group).Sensitive() {
			noFT = diagnostic.Situation(d.Key)
			scan.markers = append(scan.markers, d.Key, d.Label.FR, d.Label.EN)
			break
		}
	}
	require.NotEmpty(t, noFT, "une situation de santé sans code France Travail")
	exported := diag(markBirthValid, markNIR)
	exported.Freins["sante"] = diagnostic.Frein{Impact: diagnostic.ImpactFort, Situations: []diagnostic.SituationItem{{Situation: noFT}}}
	_, fs = diagnostic.ExportDSP(exported)
	scan.check(t, "diagnostic.ExportDSP", fs)

	// The rules were reached: each of these faults was raised (and scanned).
	for _, code := range []string{
		"DIAG-DATE-01", "DIAG-DATE-02", "DIAG-PERSONNE-13", "SPIE-NIR-02", "DIAG-SANTE-01", "DIAG-SANTE-04", "DIAG-LOGEMENT-01", "DIAG-LOGEMENT-03",
		"DIAG-EMPLOI-FORMATION-01", "CARNET-ACTION-02", "CARNET-OBJECTIF-01", "CARNET-DOUBLON-11", "CARNET-VALEUR-01", "CARNET-VALEUR-02",
		"CARNET-VALEUR-03", "CARNET-VALEUR-04", "CARNET-CONSERVATION-01",
		"DSP-SITUATION-10", "DSP-SITUATION-03", "DSP-OBJECTIF-10", "DSP-OBJECTIF-03", "DSP-EXPORT-04", "SCHEMA-FORMAT-01",
	} {
		assert.True(t, scan.codes[code], "la règle %s n'a pas été atteinte", code)
	}
}
