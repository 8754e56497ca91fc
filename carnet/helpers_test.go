package carnet_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Structures of the tests (valid SIRETs).
const (
	siretDepartement = spie.SIRET("22020000000010")
	siretFT          = spie.SIRET("13002526500013")
	siretML          = spie.SIRET("77500000300019")
	siretPartenaire  = spie.SIRET("33188888300013")
	siretAutre       = spie.SIRET("44400000400010")
)

var (
	referent   = carnet.Actor{Professional: "Claire Martin", StructureSIRET: siretDepartement, Role: carnet.RoleReferent}
	coReferent = carnet.Actor{Professional: "Paul Durand", StructureSIRET: siretFT, Role: carnet.RoleCoReferent}
	partenaire = carnet.Actor{Professional: "Nadia Benali", StructureSIRET: siretPartenaire, Role: carnet.RolePartenaire}
	coord      = carnet.Actor{Professional: "Jean Roy", StructureSIRET: siretAutre, Role: carnet.RoleCoordinateurSPIE}
	chargeOri  = carnet.Actor{Professional: "Inès Faure", StructureSIRET: siretDepartement, Role: carnet.RoleChargeOrientation}
	usager     = carnet.Actor{Professional: "p-001", Role: carnet.RoleUsager} // the person, by the identifier of base()
)

// at returns a timestamp at 10:00 UTC on the date.
func at(d string) time.Time {
	t, err := time.Parse(spie.DateLayout, d)
	if err != nil {
		panic(err)
	}
	return t.Add(10 * time.Hour)
}

// base returns the initial content of a test carnet: an RSA beneficiary
// born 1990-05-14, entered 2025-03-03, followed by the Département, with a
// co-référent at France Travail, a partner and a coordinator.
func base() carnet.Carnet {
	return carnet.Carnet{
		Version:   carnet.SchemaVersion,
		ID:        "c-77-001",
		EntryDate: "2025-03-03",
		Cohort:    "cohorte-test",
		Person: carnet.SupportedPerson{ID: "p-001", BirthDate: "1990-05-14", Commune: "02408", RSA: true, RSAOpeningDate: "2025-02-20",
			Publics: []spie.Public{"brsa"}},
		Members: []carnet.Member{
			{ID: "m-usager", Role: carnet.RoleUsager, Start: "2025-03-03"},
			{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siretDepartement, Professional: "Claire Martin", Start: "2025-03-03"},
			{ID: "m-coref", Role: carnet.RoleCoReferent, StructureSIRET: siretFT, Professional: "Paul Durand", Start: "2025-03-03"},
			{ID: "m-part", Role: carnet.RolePartenaire, StructureSIRET: siretPartenaire, Professional: "Nadia Benali", Start: "2025-03-03"},
			{ID: "m-coord", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-03-03"},
			{ID: "m-ori", Role: carnet.RoleChargeOrientation, StructureSIRET: siretDepartement, Professional: "Inès Faure", Start: "2025-03-03"},
		},
		Consents: []carnet.SharingConsent{
			{ID: "k-ft", StructureSIRET: siretFT, Date: "2025-03-03", Scope: []carnet.Section{"personne", "diagnostic", "membres", "orientation", "contrat", "plan", "rendez-vous", "jalons", "consentements", "journal"}},
			{ID: "k-part", StructureSIRET: siretPartenaire, Date: "2025-03-03", Scope: []carnet.Section{"personne", "membres", "plan", "rendez-vous"}},
			{ID: "k-coord", StructureSIRET: siretAutre, Date: "2025-03-03", Scope: []carnet.Section{"personne", "diagnostic", "membres", "orientation", "contrat", "plan", "rendez-vous", "jalons", "journal"}},
		},
	}
}

// healthDiagnostic returns a diagnostic of p-001 with a sante frein whose
// details carry marker.
func healthDiagnostic(marker string) *diagnostic.Diagnostic {
	yes := false
	return &diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion, ID: "d-001", Date: "2025-03-20",
		Person:         diagnostic.Person{ID: "p-001", BirthDate: "1990-05-14", Commune: "02408"},
		Criteria:       diagnostic.PublicCriteria{RSA: true, RSAOpeningDate: "2025-02-20"},
		Professional:   diagnostic.Professional{WorkSituation: "recherche-emploi", SeesJobShortTerm: &yes, Besoins: diagnostic.Besoins{"trouver-sa-formation": diagnostic.BesoinBesoin}},
		Authors:        []diagnostic.Author{{Name: "Claire Martin", Role: "referent-rsa", StructureSIRET: siretDepartement}},
		StructureSIRET: siretDepartement,
		Consent:        diagnostic.Consent{Sharing: true, Date: "2025-03-20"},
		Freins: diagnostic.Freins{
			"sante": {Impact: diagnostic.ImpactFort, Details: marker + "-details", Comment: marker + "-commentaire",
				Situations: []diagnostic.SituationItem{{Situation: santeSituation()}},
				PersonView: &diagnostic.PersonView{Priority: 2, Words: marker + "-paroles"}},
			"logement": {Impact: diagnostic.ImpactMoyen, PersonView: &diagnostic.PersonView{Priority: 1}},
			"mobilite": {Impact: diagnostic.ImpactFort},
		},
	}
}

func santeSituation() diagnostic.Situation {
	for _, d := range diagnostic.Situations {
		if d.Group == "sante" {
			return diagnostic.Situation(d.Key)
		}
	}
	panic("aucune situation de santé")
}

func santeObjectif() diagnostic.Objectif {
	for _, d := range diagnostic.Objectifs {
		if d.Group == "sante" {
			return diagnostic.Objectif(d.Key)
		}
	}
	panic("aucun objectif de santé")
}

func santeAction() carnet.CatalogAction {
	for _, d := range carnet.CatalogActions {
		if d.Group == "sante" {
			return carnet.CatalogAction(d.Key)
		}
	}
	panic("aucune action de santé")
}

// open creates the test carnet (with extra set on its initial content).
func open(t *testing.T, extra func(*carnet.Carnet)) *carnet.Carnet {
	t.Helper()
	b := base()
	if extra != nil {
		extra(&b)
	}
	// opened by its référent (the first in base(), or the one extra put
	// in its place): opening designates the référent (Create)
	opener := referent
	for _, mb := range b.Members {
		if mb.Role == carnet.RoleReferent {
			opener = carnet.Actor{Professional: mb.Professional, StructureSIRET: mb.StructureSIRET, Role: carnet.RoleReferent}
			break
		}
	}
	c, fs := carnet.Create(b, opener, at("2025-03-03"))
	require.Empty(t, fs)
	return c
}

// apply applies a change as actor and requires success.
func apply(t *testing.T, c *carnet.Carnet, actor carnet.Actor, ch carnet.Change) {
	t.Helper()
	require.Empty(t, carnet.Apply(c, ch, actor))
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
