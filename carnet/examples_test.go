package carnet_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

var update = flag.Bool("update", false, "réécrit les exemples et les fichiers de référence")

// exampleDate is the date at which the examples are checked (as in examples/).
const exampleDate = spie.Date("2026-06-30")

// story writes a carnet's history through Apply, one dated change at a time.
type story struct {
	t *testing.T
	c *carnet.Carnet
}

func newStory(t *testing.T, initial carnet.Carnet, by carnet.Actor, on spie.Date) *story {
	t.Helper()
	c, fs := carnet.CreateSigned(initial, by, at(string(on)), testSigner(t, by.StructureSIRET))
	require.Empty(t, fs)
	return &story{t: t, c: c}
}

// do applies a change on date on (at 10:00, plus n minutes to keep order).
func (s *story) do(by carnet.Actor, on spie.Date, op carnet.Operation, target carnet.Target, id string, v any) *story {
	s.t.Helper()
	when := at(string(on))
	if n := len(s.c.Journal); n > 0 && !when.After(s.c.Journal[n-1].At) {
		when = s.c.Journal[n-1].At.Add(time.Minute)
	}
	fs := carnet.ApplySigned(s.c, carnet.Change{Op: op, Target: target, ID: id, Value: v, At: when}, by, testSigner(s.t, by.StructureSIRET))
	require.Empty(s.t, fs, "%s %s %s le %s", op, target, id, on)
	return s
}

func (s *story) add(by carnet.Actor, on spie.Date, target carnet.Target, id string, v any) *story {
	return s.do(by, on, carnet.OpAdd, target, id, v)
}

func (s *story) set(by carnet.Actor, on spie.Date, target carnet.Target, id string, v any) *story {
	return s.do(by, on, carnet.OpUpdate, target, id, v)
}

func (s *story) contact(by carnet.Actor, id string, on spie.Date, kind carnet.ContactKind, ch carnet.Channel, res carnet.ContactResult, comment string) *story {
	return s.add(by, on, carnet.TargetRendezVous, id, carnet.Contact{ID: id, Date: on, Kind: kind, Channel: ch, Result: res,
		StructureSIRET: by.StructureSIRET, Professional: by.Professional, Comment: comment})
}

// plan adds the objectifs that ProposePlan derives from the diagnostic.
func (s *story) plan(by carnet.Actor, on spie.Date, d *diagnostic.Diagnostic, prefix string) *story {
	for _, o := range carnet.ProposePlan(d) {
		o.ID = prefix + o.ID
		o.Date = on
		s.add(by, on, carnet.TargetObjectifs, o.ID, o)
	}
	return s
}

func boolp(b bool) *bool { return &b }

func intpt(n int) *int { return &n }

// Structures of the examples.
const (
	siretMLLaon     = spie.SIRET("77500000300019")
	siretCD02       = spie.SIRET("22020000000010")
	siretFTLaon     = spie.SIRET("13002526500013")
	siretAutoEcole  = spie.SIRET("33188888300013")
	siretCCAS13     = spie.SIRET("44400000400010")
	siretFTMars     = spie.SIRET("55500000900012")
	siretCoordAisne = spie.SIRET("22020000000010")
	siretCoord13    = spie.SIRET("22130001500007") // the Département des Bouches-du-Rhône's SPIE coordination (fictitious SIRET)
)

// exampleCEJ: a young person of Laon in a CEJ with the mission locale,
// from September 2025 to June 2026.
func exampleCEJ(t *testing.T) *carnet.Carnet {
	ml := carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: siretMLLaon, Role: carnet.RoleReferent}
	ecole := carnet.Actor{Professional: "Auto-école solidaire du Laonnois", StructureSIRET: siretAutoEcole, Role: carnet.RolePartenaire}
	person := carnet.SupportedPerson{ID: "p-laon-0427", BirthDate: "2005-04-12", Commune: "02408", Publics: []spie.Public{"jeunes-moins-26", "jeunes-18-30"}, DiagnosticID: "d-ml-laon-2025-0913"}
	s := newStory(t, carnet.Carnet{
		ID: "ml-laon-2025-0427", EntryDate: "2025-09-01", Cohort: "laon-18-30", Person: person,
		Members: []carnet.Member{
			{ID: "m-usager", Role: carnet.RoleUsager, Start: "2025-09-01"},
			{ID: "m-ref-ml", Role: carnet.RoleReferent, StructureSIRET: siretMLLaon, Professional: "Sarah Lefèvre", Start: "2025-09-01"},
		},
		Consents: []carnet.SharingConsent{{ID: "k-auto-ecole", StructureSIRET: siretAutoEcole, Date: "2025-09-01", Scope: []carnet.Section{"personne", "membres", "plan", "rendez-vous"}}},
	}, ml, "2025-09-01")
	d := &diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion, ID: "d-ml-laon-2025-0913", Date: "2025-09-15",
		Person:   diagnostic.Person{ID: person.ID, BirthDate: person.BirthDate, Commune: person.Commune},
		Criteria: diagnostic.PublicCriteria{},
		Professional: diagnostic.Professional{WorkSituation: "recherche-emploi", EducationLevel: "C12", SeesJobShortTerm: boolp(true),
			Availability: "immediate", WeeklyHours: intpt(35), MobilityRadiusKm: intpt(15),
			Project:    []diagnostic.ProjectJob{{ROME: "N1103", Label: "Magasinier / magasinière", Priority: 1}},
			Besoins:    diagnostic.Besoins{"realiser-cv-lettre-motivation": "BESOIN", "decouvrir-metier-secteur": "BESOIN", "convaincre-en-entretien": "POINT_FORT"},
			Situations: []diagnostic.SituationItem{{Situation: "jamais-travaille", Value: "OUI"}}},
		Freins: diagnostic.Freins{
			"mobilite": {Impact: diagnostic.ImpactMoyen, Situations: []diagnostic.SituationItem{{Situation: "dependant-des-transports-en-commun", Value: "OUI"}},
				Objectifs:  []diagnostic.ObjectifItem{{Objectif: "obtenir-le-permis-de-conduire", Status: "EN_COURS"}},
				PersonView: &diagnostic.PersonView{Impact: diagnostic.ImpactFort, Priority: 1, Words: "Sans le permis je ne peux pas aller aux entrepôts de la zone."}},
			"logement": {Impact: diagnostic.ImpactSansImpact, Situations: []diagnostic.SituationItem{{Situation: "heberge-chez-ses-parents", Value: "OUI"}}},
		},
		Authors:        []diagnostic.Author{{Name: "Sarah Lefèvre", Role: "conseiller-mission-locale", StructureSIRET: siretMLLaon}},
		StructureSIRET: siretMLLaon,
		Consent:        diagnostic.Consent{Sharing: true, Date: "2025-09-15"},
	}
	s.contact(ml, "r-01", "2025-09-01", "rendez-vous", "presentiel", "honore", "Premier accueil, présentation du CEJ.")
	s.add(ml, "2025-09-15", carnet.TargetDiagnostic, "", d)
	s.plan(ml, "2025-09-15", d, "")
	s.add(ml, "2025-09-22", carnet.TargetOrientations, "o-1", carnet.Orientation{ID: "o-1", Date: "2025-09-22", NoticeDate: "2025-09-23", Pathway: "emploi", Organisation: "mission-locale", StructureSIRET: siretMLLaon})
	s.add(ml, "2025-10-01", carnet.TargetContrats, "k-cej", carnet.Contract{ID: "k-cej", Type: carnet.ContractCEJ, SignedOn: "2025-10-01", Start: "2025-10-01", End: "2026-09-30", WeeklyHours: 20})
	s.add(ml, "2025-10-01", carnet.TargetMembres, "m-auto-ecole", carnet.Member{ID: "m-auto-ecole", Role: carnet.RolePartenaire, StructureSIRET: siretAutoEcole, Professional: "Auto-école solidaire du Laonnois", Start: "2025-10-01"})
	s.add(ml, "2025-10-01", carnet.TargetActions, "a-code", carnet.Action{ID: "a-code", ObjectifID: "obj-1", CatalogAction: "inscription-permis-code", Thematique: "mobilite", Status: "en-cours", ProposedOn: "2025-10-01", ProposedBy: ml, Start: "2025-10-06", WeeklyHours: 4})
	s.add(ml, "2025-10-01", carnet.TargetActions, "a-cv", carnet.Action{ID: "a-cv", ObjectifID: "obj-2", CatalogAction: "travailler-cv", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-10-01", ProposedBy: ml, Start: "2025-10-02", WeeklyHours: 6})
	s.add(ml, "2025-10-01", carnet.TargetActions, "a-enquetes", carnet.Action{ID: "a-enquetes", ObjectifID: "obj-3", CatalogAction: "enquetes-metiers", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-10-01", ProposedBy: ml, Start: "2025-10-02", WeeklyHours: 10})
	s.contact(ml, "r-02", "2025-10-15", "rendez-vous", "presentiel", "honore", "")
	s.contact(ecole, "r-03", "2025-10-20", "rendez-vous", "presentiel", "honore", "Évaluation de départ : 20 heures de conduite prévues.")
	s.set(ml, "2025-11-05", carnet.TargetActions, "a-cv", carnet.Action{ID: "a-cv", ObjectifID: "obj-2", CatalogAction: "travailler-cv", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-10-01", ProposedBy: ml, Start: "2025-10-02", End: "2025-11-05", WeeklyHours: 6})
	s.add(ml, "2025-11-05", carnet.TargetActions, "a-pmsmp", carnet.Action{ID: "a-pmsmp", ObjectifID: "obj-3", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-11-05", ProposedBy: ml, Start: "2025-11-17", End: "2025-11-28", WeeklyHours: 35, Comment: "Immersion de deux semaines en entrepôt logistique."})
	s.contact(ml, "r-04", "2025-11-12", "rendez-vous", "telephone", "absent", "")
	s.contact(ml, "r-05", "2025-11-13", "echange", "sms", "honore", "A répondu : réveil manqué, nouveau rendez-vous fixé.")
	s.set(ml, "2025-11-28", carnet.TargetActions, "a-pmsmp", carnet.Action{ID: "a-pmsmp", ObjectifID: "obj-3", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-11-05", ProposedBy: ml, Start: "2025-11-17", End: "2025-11-28", WeeklyHours: 35, Comment: "Immersion réussie ; le tuteur recommande une formation CACES."})
	s.set(ml, "2025-12-03", carnet.TargetActions, "a-enquetes", carnet.Action{ID: "a-enquetes", ObjectifID: "obj-3", CatalogAction: "enquetes-metiers", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-10-01", ProposedBy: ml, Start: "2025-10-02", End: "2025-12-03", WeeklyHours: 10})
	s.add(ml, "2025-12-03", carnet.TargetActions, "a-caces", carnet.Action{ID: "a-caces", ObjectifID: "obj-3", CatalogAction: "montee-en-competences", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-12-03", ProposedBy: ml, Start: "2026-01-12", End: "2026-04-30", WeeklyHours: 16, Comment: "Formation CACES R489 catégories 1A, 3 et 5."})
	for i, d := range []spie.Date{"2025-12-17", "2026-01-14", "2026-02-11", "2026-03-11", "2026-04-08", "2026-05-06", "2026-06-03"} {
		s.contact(ml, "r-"+string(rune('a'+i)), d, "rendez-vous", "presentiel", "honore", "")
	}
	s.set(ml, "2026-03-02", carnet.TargetActions, "a-code", carnet.Action{ID: "a-code", ObjectifID: "obj-1", CatalogAction: "inscription-permis-code", Thematique: "mobilite", Status: "realisee", ProposedOn: "2025-10-01", ProposedBy: ml, Start: "2025-10-06", End: "2026-03-02", WeeklyHours: 4, Comment: "Code obtenu le 2 mars 2026."})
	s.set(ml, "2026-04-30", carnet.TargetActions, "a-caces", carnet.Action{ID: "a-caces", ObjectifID: "obj-3", CatalogAction: "montee-en-competences", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-12-03", ProposedBy: ml, Start: "2026-01-12", End: "2026-04-30", WeeklyHours: 16})
	s.add(ml, "2026-05-06", carnet.TargetActions, "a-candidatures", carnet.Action{ID: "a-candidatures", ObjectifID: "obj-2", CatalogAction: "candidater-a-une-offre", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2026-05-06", ProposedBy: ml, Start: "2026-05-06", WeeklyHours: 20})
	return s.c
}

// exampleRSALost: an RSA beneficiary of Soissons, lost from sight in the
// autumn of 2025 after three relances, then found again in January 2026.
func exampleRSALost(t *testing.T) *carnet.Carnet {
	ref := carnet.Actor{Professional: "Marc Dubois", StructureSIRET: siretCD02, Role: carnet.RoleReferent}
	person := carnet.SupportedPerson{ID: "p-soissons-1184", BirthDate: "1978-11-03", Commune: "02722", Publics: []spie.Public{"brsa", "sortants-sans-solution"}, RSA: true, RSAOpeningDate: "2025-05-12", DiagnosticID: "d-cd02-2025-1184"}
	s := newStory(t, carnet.Carnet{
		ID: "cd02-2025-1184", EntryDate: "2025-06-02", Cohort: "soissons-chateau-thierry-sortants", Person: person,
		Members: []carnet.Member{
			{ID: "m-usager", Role: carnet.RoleUsager, Start: "2025-06-02"},
			{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siretCD02, Professional: "Marc Dubois", Start: "2025-06-02"},
			{ID: "m-coord", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretCoordAisne, Professional: "Coordination SPIE de l'Aisne", Start: "2025-06-02"},
		},
	}, ref, "2025-06-02")
	d := &diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion, ID: "d-cd02-2025-1184", Date: "2025-06-20",
		Person:   diagnostic.Person{ID: person.ID, BirthDate: person.BirthDate, Commune: person.Commune},
		Criteria: diagnostic.PublicCriteria{RSA: true, RSAOpeningDate: "2025-05-12", SortantSansSolution: true},
		Professional: diagnostic.Professional{WorkSituation: "sans-activite", LastActivityDate: "2023-02-28", EducationLevel: "NV5", SeesJobShortTerm: boolp(true),
			Besoins: diagnostic.Besoins{"organiser-recherche-emploi": "BESOIN"}},
		Freins: diagnostic.Freins{
			"sante": {Impact: diagnostic.ImpactMoyen, Situations: []diagnostic.SituationItem{{Situation: "sante-absences-regulieres", Value: "OUI"}},
				Details: "Suivi pour une lombalgie chronique ; port de charges lourdes contre-indiqué.", PersonView: &diagnostic.PersonView{Priority: 2}},
			"logement": {Impact: diagnostic.ImpactFort, Situations: []diagnostic.SituationItem{{Situation: "difficulte-a-payer-le-loyer", Value: "OUI"}},
				Objectifs:  []diagnostic.ObjectifItem{{Objectif: "reduire-les-impayes-de-loyer", Status: "EN_COURS"}},
				PersonView: &diagnostic.PersonView{Impact: diagnostic.ImpactFort, Priority: 1, Words: "J'ai peur d'être expulsé."}},
		},
		Authors:        []diagnostic.Author{{Name: "Marc Dubois", Role: "referent-rsa", StructureSIRET: siretCD02}},
		StructureSIRET: siretCD02,
		Consent:        diagnostic.Consent{Sharing: true, Date: "2025-06-20"},
	}
	s.contact(ref, "r-01", "2025-06-02", "rendez-vous", "presentiel", "honore", "Accueil après l'ouverture des droits RSA.")
	s.add(ref, "2025-06-20", carnet.TargetDiagnostic, "", d)
	s.plan(ref, "2025-06-20", d, "")
	s.add(ref, "2025-06-27", carnet.TargetOrientations, "o-1", carnet.Orientation{ID: "o-1", Date: "2025-06-27", NoticeDate: "2025-06-30", Pathway: "global", Organisation: "departement", StructureSIRET: siretCD02})
	s.add(ref, "2025-07-15", carnet.TargetContrats, "k-1", carnet.Contract{ID: "k-1", Type: carnet.ContractEngagement, SignedOn: "2025-07-15", Start: "2025-07-15", End: "2026-07-14", WeeklyHours: 10,
		Adjustment: &carnet.Adjustment{Kind: "reduction", Reason: "sante", Date: "2025-07-15", Comment: "Durée réduite sur avis du médecin traitant."}})
	s.add(ref, "2025-07-15", carnet.TargetActions, "a-asll", carnet.Action{ID: "a-asll", ObjectifID: "obj-1", CatalogAction: "mesure-asll", Thematique: "logement", Status: "en-cours", ProposedOn: "2025-07-15", ProposedBy: ref, Start: "2025-07-21", WeeklyHours: 2})
	s.add(ref, "2025-07-15", carnet.TargetActions, "a-recherche", carnet.Action{ID: "a-recherche", ObjectifID: "obj-3", CatalogAction: "orientation-aide-recherche-emploi", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-07-15", ProposedBy: ref, Start: "2025-07-21", WeeklyHours: 8})
	s.contact(ref, "r-02", "2025-08-19", "rendez-vous", "presentiel", "honore", "")
	s.contact(ref, "r-03", "2025-09-16", "rendez-vous", "presentiel", "honore", "")
	s.contact(ref, "r-04", "2025-10-14", "rendez-vous", "telephone", "honore", "")
	s.contact(ref, "r-05", "2025-11-04", "rendez-vous", "presentiel", "absent", "")
	// sans nouvelles from 2025-11-13 (30 days after the last contact): relances J+0, J+7, J+21
	s.contact(ref, "x-1", "2025-11-13", "relance", "sms", "sans-reponse", "")
	s.contact(ref, "x-2", "2025-11-20", "relance", "telephone", "sans-reponse", "Messagerie pleine.")
	s.contact(ref, "x-3", "2025-12-04", "relance", "courrier", "sans-reponse", "Courrier de relance envoyé au domicile.")
	s.contact(ref, "r-06", "2025-12-09", "echange", "telephone", "sans-reponse", "Alerte perdu de vue transmise au coordinateur SPIE ; appel au bailleur social pour vérifier la présence au logement.")
	// found again
	s.contact(ref, "r-07", "2026-01-12", "echange", "telephone", "honore", "La personne rappelle : hospitalisation en novembre, courrier reçu au retour.")
	s.contact(ref, "r-08", "2026-01-26", "rendez-vous", "presentiel", "honore", "")
	s.set(ref, "2026-01-26", carnet.TargetActions, "a-recherche", carnet.Action{ID: "a-recherche", ObjectifID: "obj-3", CatalogAction: "orientation-aide-recherche-emploi", Thematique: "emploi-formation", Status: "abandonnee", ProposedOn: "2025-07-15", ProposedBy: ref, Start: "2025-07-21", End: "2025-11-01", WeeklyHours: 8})
	s.add(ref, "2026-01-26", carnet.TargetActions, "a-siae", carnet.Action{ID: "a-siae", ObjectifID: "obj-3", ServiceID: "dora-svc-02-aci-soissons", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2026-01-26", ProposedBy: ref, WeeklyHours: 20, AnsweredOn: "2026-01-28", Comment: "Orientation vers un atelier chantier d'insertion espaces verts (sans port de charges)."})
	s.set(ref, "2026-02-16", carnet.TargetActions, "a-siae", carnet.Action{ID: "a-siae", ObjectifID: "obj-3", ServiceID: "dora-svc-02-aci-soissons", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2026-01-26", ProposedBy: ref, Start: "2026-02-16", End: "2026-08-14", WeeklyHours: 20, AnsweredOn: "2026-01-28"})
	for i, d := range []spie.Date{"2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09"} {
		s.contact(ref, "r-"+string(rune('a'+i)), d, "rendez-vous", "presentiel", "honore", "")
	}
	s.add(ref, "2026-06-09", carnet.TargetJalons, "j-iae", carnet.Milestone{ID: "j-iae", Kind: "fin-contrat-iae", Date: "2026-08-14", Comment: "Fin du CDDI ; renouvellement à discuter."})
	return s.c
}

// exampleReorientation: a lone parent of Chauny, oriented social in April
// 2025, re-diagnosed and re-oriented global in October 2025, with a new
// référent at France Travail.
func exampleReorientation(t *testing.T) *carnet.Carnet {
	cd := carnet.Actor{Professional: "Aline Moreau", StructureSIRET: siretCD02, Role: carnet.RoleReferent}
	ori := carnet.Actor{Professional: "Cellule orientation du Département", StructureSIRET: siretCD02, Role: carnet.RoleChargeOrientation}
	ft := carnet.Actor{Professional: "Karim Haddad", StructureSIRET: siretFTLaon, Role: carnet.RoleReferent}
	person := carnet.SupportedPerson{ID: "p-chauny-0311", BirthDate: "1988-07-21", Commune: "02173", Publics: []spie.Public{"brsa", "familles-monoparentales"}, RSA: true, RSAOpeningDate: "2025-02-24", DiagnosticID: "d-cd02-2025-0311"}
	s := newStory(t, carnet.Carnet{
		ID: "cd02-2025-0311", EntryDate: "2025-03-10", Cohort: "la-fere-chauny-tergnier-parents", Person: person,
		Members: []carnet.Member{
			{ID: "m-usager", Role: carnet.RoleUsager, Start: "2025-03-10"},
			{ID: "m-ref-cd", Role: carnet.RoleReferent, StructureSIRET: siretCD02, Professional: "Aline Moreau", Start: "2025-03-10"},
			{ID: "m-ori", Role: carnet.RoleChargeOrientation, StructureSIRET: siretCD02, Professional: "Cellule orientation du Département", Start: "2025-03-10"},
		},
	}, cd, "2025-03-10")
	d1 := &diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion, ID: "d-cd02-2025-0311", Date: "2025-03-24",
		Person:   diagnostic.Person{ID: person.ID, BirthDate: person.BirthDate, Commune: person.Commune},
		Criteria: diagnostic.PublicCriteria{RSA: true, RSAOpeningDate: "2025-02-24", ParentIsole: true},
		Professional: diagnostic.Professional{WorkSituation: "au-foyer", LastActivityDate: "2019-06-30", EducationLevel: "NV4", SeesJobShortTerm: boolp(false),
			Besoins: diagnostic.Besoins{"identifier-points-forts-competences": "BESOIN"}},
		Freins: diagnostic.Freins{
			"garde-enfant": {Impact: diagnostic.ImpactFort, Situations: []diagnostic.SituationItem{{Situation: "enfant-moins-de-3-ans-sans-garde", Value: "OUI"}},
				Objectifs:  []diagnostic.ObjectifItem{{Objectif: "trouver-une-garde-d-enfant", Status: "EN_COURS"}},
				PersonView: &diagnostic.PersonView{Impact: diagnostic.ImpactFort, Priority: 1}},
			"logement": {Impact: diagnostic.ImpactFort, Situations: []diagnostic.SituationItem{{Situation: "logement-insalubre", Value: "OUI"}},
				Objectifs:  []diagnostic.ObjectifItem{{Objectif: "changer-de-logement", Status: "EN_COURS"}},
				PersonView: &diagnostic.PersonView{Priority: 2}},
		},
		Authors:        []diagnostic.Author{{Name: "Aline Moreau", Role: "travailleur-social", StructureSIRET: siretCD02}},
		StructureSIRET: siretCD02,
		Consent:        diagnostic.Consent{Sharing: true, Date: "2025-03-24"},
	}
	s.add(cd, "2025-03-24", carnet.TargetDiagnostic, "", d1)
	s.plan(cd, "2025-03-24", d1, "")
	s.add(ori, "2025-04-01", carnet.TargetOrientations, "o-1", carnet.Orientation{ID: "o-1", Date: "2025-04-01", NoticeDate: "2025-04-02", Pathway: "social", Organisation: "departement", StructureSIRET: siretCD02})
	s.add(cd, "2025-04-15", carnet.TargetContrats, "k-1", carnet.Contract{ID: "k-1", Type: carnet.ContractEngagement, SignedOn: "2025-04-15", Start: "2025-04-15", End: "2025-11-02", WeeklyHours: 0,
		Adjustment: &carnet.Adjustment{Kind: "exemption", Reason: "parent-isole-sans-garde", Date: "2025-04-15", Comment: "Enfant de 2 ans sans place en crèche."}})
	s.add(cd, "2025-04-15", carnet.TargetActions, "a-garde", carnet.Action{ID: "a-garde", ObjectifID: "obj-1", CatalogAction: "acces-a-un-mode-de-garde", Thematique: "garde-enfant", Status: "en-cours", ProposedOn: "2025-04-15", ProposedBy: cd, Start: "2025-04-15"})
	s.add(cd, "2025-04-15", carnet.TargetActions, "a-logement", carnet.Action{ID: "a-logement", ObjectifID: "obj-2", CatalogAction: "demande-logement-social", Thematique: "logement", Status: "en-cours", ProposedOn: "2025-04-15", ProposedBy: cd, Start: "2025-04-15"})
	for i, d := range []spie.Date{"2025-05-13", "2025-06-10", "2025-07-08", "2025-08-26", "2025-09-23"} {
		s.contact(cd, "r-"+string(rune('a'+i)), d, "rendez-vous", "visite-domicile", "honore", "")
	}
	s.set(cd, "2025-07-01", carnet.TargetActions, "a-garde", carnet.Action{ID: "a-garde", ObjectifID: "obj-1", CatalogAction: "acces-a-un-mode-de-garde", Thematique: "garde-enfant", Status: "realisee", ProposedOn: "2025-04-15", ProposedBy: cd, Start: "2025-04-15", End: "2025-07-01", Comment: "Place en crèche à partir de septembre."})
	s.set(cd, "2025-09-23", carnet.TargetActions, "a-logement", carnet.Action{ID: "a-logement", ObjectifID: "obj-2", CatalogAction: "demande-logement-social", Thematique: "logement", Status: "realisee", ProposedOn: "2025-04-15", ProposedBy: cd, Start: "2025-04-15", End: "2025-09-23", Comment: "Logement social attribué à Chauny."})
	// joint re-diagnostic then re-orientation
	d2 := *d1
	d2.ID, d2.Date, d2.CoDiagnostic = "d-cd02-2025-0311-b", "2025-10-06", true
	d2.Professional = diagnostic.Professional{WorkSituation: "recherche-emploi", LastActivityDate: "2019-06-30", EducationLevel: "NV4", SeesJobShortTerm: boolp(true),
		Project: []diagnostic.ProjectJob{{ROME: "K1304", Label: "Aide à domicile", Priority: 1}},
		Besoins: diagnostic.Besoins{"identifier-points-forts-competences": "POINT_FORT", "trouver-sa-formation": "BESOIN"}}
	d2.Freins = diagnostic.Freins{
		"garde-enfant": {Impact: diagnostic.ImpactSansImpact, Status: "CLOTUREE"},
		"logement":     {Impact: diagnostic.ImpactSansImpact, Status: "CLOTUREE"},
		"mobilite": {Impact: diagnostic.ImpactMoyen, Situations: []diagnostic.SituationItem{{Situation: "permis-non-valide", Value: "OUI"}},
			PersonView: &diagnostic.PersonView{Priority: 1}},
	}
	d2.Authors = []diagnostic.Author{{Name: "Aline Moreau", Role: "travailleur-social", StructureSIRET: siretCD02}, {Name: "Karim Haddad", Role: "conseiller-france-travail", StructureSIRET: siretFTLaon}}
	d2.Consent = diagnostic.Consent{Sharing: true, Date: "2025-10-06"}
	s.set(cd, "2025-10-06", carnet.TargetDiagnostic, "", &d2)
	s.add(ori, "2025-10-13", carnet.TargetOrientations, "o-2", carnet.Orientation{ID: "o-2", Date: "2025-10-13", NoticeDate: "2025-10-14", Pathway: "global", Organisation: "france-travail", StructureSIRET: siretFTLaon,
		Reason: "Freins de garde et de logement levés ; la personne se projette dans un emploi d'aide à domicile."})
	s.add(cd, "2025-10-13", carnet.TargetConsentements, "k-ft", carnet.SharingConsent{ID: "k-ft", StructureSIRET: siretFTLaon, Date: "2025-10-13",
		Scope: []carnet.Section{"personne", "diagnostic", "membres", "orientation", "contrat", "plan", "rendez-vous", "jalons", "consentements", "journal"}})
	s.set(cd, "2025-11-02", carnet.TargetMembres, "m-ref-cd", carnet.Member{ID: "m-ref-cd", Role: carnet.RoleReferent, StructureSIRET: siretCD02, Professional: "Aline Moreau", Start: "2025-03-10", End: "2025-11-02"})
	s.add(cd, "2025-11-02", carnet.TargetMembres, "m-ref-ft", carnet.Member{ID: "m-ref-ft", Role: carnet.RoleReferent, StructureSIRET: siretFTLaon, Professional: "Karim Haddad", Start: "2025-11-03"})
	s.add(ft, "2025-11-03", carnet.TargetContrats, "k-2", carnet.Contract{ID: "k-2", Type: carnet.ContractEngagement, SignedOn: "2025-11-03", Start: "2025-11-03", End: "2026-11-02", WeeklyHours: 15})
	s.add(ft, "2025-11-03", carnet.TargetObjectifs, "obj-ft-1", carnet.PlanObjectif{ID: "obj-ft-1", Thematique: "emploi-formation", Objectif: "trouver-sa-formation", Besoin: "trouver-sa-formation", Status: "EN_COURS", Priority: 1, Source: "/situation_professionnelle/besoins/trouver-sa-formation", Date: "2025-11-03"})
	s.add(ft, "2025-11-03", carnet.TargetObjectifs, "obj-ft-2", carnet.PlanObjectif{ID: "obj-ft-2", Thematique: "mobilite", Objectif: "obtenir-le-permis-de-conduire", Status: "EN_COURS", Priority: 2, Source: "/freins/mobilite", Date: "2025-11-03"})
	s.add(ft, "2025-11-03", carnet.TargetActions, "a-formation", carnet.Action{ID: "a-formation", ObjectifID: "obj-ft-1", ServiceID: "dora-svc-02-titre-adva", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-11-03", ProposedBy: ft, AnsweredOn: "2025-11-05", Start: "2026-01-05", End: "2026-07-10", WeeklyHours: 30, Comment: "Titre professionnel assistant de vie aux familles."})
	s.add(ft, "2025-11-03", carnet.TargetActions, "a-permis", carnet.Action{ID: "a-permis", ObjectifID: "obj-ft-2", CatalogAction: "bourse-au-permis", Thematique: "mobilite", Status: "prevue", ProposedOn: "2025-11-03", ProposedBy: ft})
	for i, d := range []spie.Date{"2025-12-01", "2026-01-19", "2026-02-23", "2026-03-30", "2026-05-04", "2026-06-08"} {
		s.contact(ft, "r-ft-"+string(rune('a'+i)), d, "rendez-vous", "presentiel", "honore", "")
	}
	return s.c
}

const coordName13 = "Coordination SPIE des Bouches-du-Rhône"

// exampleMerge: two carnets of the same person of Marseille, opened by the
// CCAS and by France Travail, merged in October 2025; the bilan de
// compétences was proposed again by the second structure (a duplicate).
func exampleMerge(t *testing.T) *carnet.Carnet {
	ccas := carnet.Actor{Professional: "Julie Roux", StructureSIRET: siretCCAS13, Role: carnet.RoleReferent}
	ft := carnet.Actor{Professional: "Thomas Girard", StructureSIRET: siretFTMars, Role: carnet.RoleReferent}
	person := carnet.SupportedPerson{ID: "p-marseille-7702", BirthDate: "1983-02-09", Commune: "13055", Publics: []spie.Public{"brsa", "residents-qpv"}, RSA: true, RSAOpeningDate: "2025-04-14"}
	a := newStory(t, carnet.Carnet{
		ID: "ccas13-2025-7702", EntryDate: "2025-05-05", Person: person,
		Members: []carnet.Member{
			{ID: "ccas-usager", Role: carnet.RoleUsager, Start: "2025-05-05"},
			{ID: "ccas-ref", Role: carnet.RoleReferent, StructureSIRET: siretCCAS13, Professional: "Julie Roux", Start: "2025-05-05"},
			{ID: "ccas-coord", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretCoord13, Professional: coordName13, Start: "2025-05-05"},
		},
		Consents: []carnet.SharingConsent{{ID: "ccas-k-coord", StructureSIRET: siretCoord13, Date: "2025-05-05", Scope: []carnet.Section{"personne", "membres"}}},
	}, ccas, "2025-05-05")
	d := &diagnostic.Diagnostic{
		Version: diagnostic.SchemaVersion, ID: "d-ccas13-2025-7702", Date: "2025-05-07",
		Person:   diagnostic.Person{ID: person.ID, BirthDate: person.BirthDate, Commune: person.Commune},
		Criteria: diagnostic.PublicCriteria{RSA: true, RSAOpeningDate: "2025-04-14", QPV: true},
		Professional: diagnostic.Professional{WorkSituation: "recherche-emploi", LastActivityDate: "2024-08-31", EducationLevel: "C3A", SeesJobShortTerm: boolp(true),
			Besoins: diagnostic.Besoins{"identifier-points-forts-competences": "BESOIN", "confirmer-choix-de-metier": "BESOIN"}},
		Freins: diagnostic.Freins{
			"situation-financiere": {Impact: diagnostic.ImpactMoyen, PersonView: &diagnostic.PersonView{Priority: 1, Words: "Des dettes d'énergie depuis l'hiver."}},
			"mobilite":             {Impact: diagnostic.ImpactSansImpact},
		},
		Authors:        []diagnostic.Author{{Name: "Julie Roux", Role: "travailleur-social", StructureSIRET: siretCCAS13}},
		StructureSIRET: siretCCAS13,
		Consent:        diagnostic.Consent{Sharing: true, Date: "2025-05-07"},
	}
	a.add(ccas, "2025-05-07", carnet.TargetDiagnostic, "", d)
	a.plan(ccas, "2025-05-07", d, "ccas-")
	a.add(ccas, "2025-05-12", carnet.TargetOrientations, "ccas-o-1", carnet.Orientation{ID: "ccas-o-1", Date: "2025-05-12", Pathway: "global", Organisation: "departement", StructureSIRET: siretCCAS13})
	a.add(ccas, "2025-05-20", carnet.TargetContrats, "ccas-k-1", carnet.Contract{ID: "ccas-k-1", Type: carnet.ContractEngagement, SignedOn: "2025-05-20", Start: "2025-05-20", End: "2026-05-19", WeeklyHours: 15})
	a.add(ccas, "2025-05-20", carnet.TargetActions, "ccas-a-bilan", carnet.Action{ID: "ccas-a-bilan", ObjectifID: "ccas-obj-2", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-05-20", ProposedBy: ccas, Start: "2025-06-02", WeeklyHours: 6})
	a.add(ccas, "2025-05-20", carnet.TargetActions, "ccas-a-budget", carnet.Action{ID: "ccas-a-budget", ObjectifID: "ccas-obj-1", CatalogAction: "aide-educative-budgetaire", Thematique: "situation-financiere", Status: "en-cours", ProposedOn: "2025-05-20", ProposedBy: ccas, Start: "2025-05-26", WeeklyHours: 2})
	a.contact(ccas, "ccas-r-1", "2025-06-17", "rendez-vous", "presentiel", "honore", "")
	a.set(ccas, "2025-07-11", carnet.TargetActions, "ccas-a-bilan", carnet.Action{ID: "ccas-a-bilan", ObjectifID: "ccas-obj-2", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-05-20", ProposedBy: ccas, Start: "2025-06-02", End: "2025-07-11", WeeklyHours: 6, Comment: "Projet : agent de propreté, puis chef d'équipe."})
	a.contact(ccas, "ccas-r-2", "2025-09-09", "rendez-vous", "presentiel", "honore", "")

	b := newStory(t, carnet.Carnet{
		ID: "ft13-2025-7702", EntryDate: "2025-05-20", Person: person,
		Members: []carnet.Member{
			{ID: "ft-usager", Role: carnet.RoleUsager, Start: "2025-05-20"},
			{ID: "ft-ref", Role: carnet.RoleReferent, StructureSIRET: siretFTMars, Professional: "Thomas Girard", Start: "2025-05-20"},
			{ID: "ft-coord", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretCoord13, Professional: coordName13, Start: "2025-05-20"},
		},
		Consents: []carnet.SharingConsent{{ID: "ft-k-coord", StructureSIRET: siretCoord13, Date: "2025-05-20", Scope: []carnet.Section{"personne", "membres"}}},
	}, ft, "2025-05-20")
	b.contact(ft, "ft-r-1", "2025-06-03", "rendez-vous", "visio", "honore", "")
	b.add(ft, "2025-09-15", carnet.TargetActions, "ft-a-bilan", carnet.Action{ID: "ft-a-bilan", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-09-15", ProposedBy: ft, WeeklyHours: 6})
	b.contact(ft, "ft-r-2", "2025-09-15", "rendez-vous", "presentiel", "honore", "La personne signale un accompagnement déjà en cours au CCAS.")

	// the SPIE coordination, a member of both carnets with the person's
	// consent to their members, merges them (issue 16: a merge needs write
	// access to the members of both)
	coord := carnet.Actor{Professional: coordName13, StructureSIRET: siretCoord13, Role: carnet.RoleCoordinateurSPIE}
	m, fs := carnet.MergeRecorded(a.c, b.c, coord, at("2025-10-01"))
	require.True(t, fs.Valid(), "%v", fs)
	require.Nil(t, testSigner(t, coord.StructureSIRET).Sign(&m.Journal[len(m.Journal)-1]))
	require.True(t, fs.HasCode("CARNET-FUSION-11"), "deux référents actifs après fusion : %v", fs)
	s := &story{t: t, c: m}
	// the référents agree: the CCAS stays référent, France Travail becomes co-référent
	s.set(ccas, "2025-10-02", carnet.TargetMembres, "ft-ref", carnet.Member{ID: "ft-ref", Role: carnet.RoleReferent, StructureSIRET: siretFTMars, Professional: "Thomas Girard", Start: "2025-05-20", End: "2025-10-01", Origin: "ft13-2025-7702"})
	s.add(ccas, "2025-10-02", carnet.TargetMembres, "ft-coref", carnet.Member{ID: "ft-coref", Role: carnet.RoleCoReferent, StructureSIRET: siretFTMars, Professional: "Thomas Girard", Start: "2025-10-02"})
	s.add(ccas, "2025-10-02", carnet.TargetConsentements, "k-ft", carnet.SharingConsent{ID: "k-ft", StructureSIRET: siretFTMars, Date: "2025-10-02",
		Scope: []carnet.Section{"personne", "diagnostic", "membres", "orientation", "contrat", "plan", "rendez-vous", "jalons", "journal"}})
	s.set(ccas, "2025-10-02", carnet.TargetActions, "ft-a-bilan", carnet.Action{ID: "ft-a-bilan", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "annulee", ProposedOn: "2025-09-15", ProposedBy: ft, End: "2025-10-02", WeeklyHours: 6, Comment: "Doublon : bilan déjà réalisé au CCAS en juillet.", Origin: "ft13-2025-7702"})
	coref := carnet.Actor{Professional: "Thomas Girard", StructureSIRET: siretFTMars, Role: carnet.RoleCoReferent}
	s.add(coref, "2025-10-07", carnet.TargetActions, "ft-a-proprete", carnet.Action{ID: "ft-a-proprete", ServiceID: "dora-svc-13-geiq-proprete", Thematique: "emploi-formation", Status: "en-cours", ProposedOn: "2025-10-07", ProposedBy: coref, AnsweredOn: "2025-10-08", Start: "2025-11-03", End: "2026-10-30", WeeklyHours: 35, Comment: "Contrat de professionnalisation agent de propreté et d'hygiène (GEIQ)."})
	for i, d := range []spie.Date{"2025-11-18", "2025-12-16", "2026-01-20", "2026-02-17", "2026-03-17", "2026-04-21", "2026-05-19", "2026-06-16"} {
		s.contact(ccas, "r-"+string(rune('a'+i)), d, "rendez-vous", "presentiel", "honore", "")
	}
	s.add(coref, "2026-05-19", carnet.TargetContrats, "k-2", carnet.Contract{ID: "k-2", Type: carnet.ContractEngagement, SignedOn: "2026-05-19", Start: "2026-05-20", End: "2027-05-19", WeeklyHours: 35})
	return s.c
}

var examples = []struct {
	name  string
	build func(t *testing.T) *carnet.Carnet
}{
	{"cej-jeune-laon", exampleCEJ},
	{"rsa-perdu-de-vue-soissons", exampleRSALost},
	{"reorientation-social-global-chauny", exampleReorientation},
	{"fusion-doublons-marseille", exampleMerge},
}

func examplePath(name string) string { return filepath.Join("..", "examples", "carnet", name+".json") }

// TestExamples builds the example carnets through Apply, compares them with
// examples/carnet/ (go test ./carnet -update rewrites them), validates them
// against the generated schema and the rules, and compares their alerts at
// several dates with carnet/testdata/alerts/.
func TestExamples(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			c := ex.build(t)
			b, err := json.MarshalIndent(c, "", "  ")
			require.NoError(t, err)
			b = append(b, '\n')
			path := examplePath(ex.name)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, b, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "exemple absent : go test ./carnet -update")
			assert.JSONEq(t, string(want), string(b), "(-want +got)")

			fs := schemas.Validate("carnet", want, schemas.WithNow(func() time.Time { return at(string(exampleDate)) }))
			assert.Empty(t, fs.Errors(), "%v", fs)

			var read carnet.Carnet
			require.NoError(t, json.Unmarshal(want, &read))
			r, rfs := carnet.Replay(read.Journal)
			require.Empty(t, rfs)
			assert.JSONEq(t, string(want), jsonOf(t, r), "le journal rejoue l'exemple")
			assert.Empty(t, carnet.VerifyCarnet(&read, carnet.Trust{Keys: testRegistry(t)}), "chaque événement est signé par sa structure")

			type alerts struct {
				Date    spie.Date       `json:"date"`
				Suivi   carnet.FollowUp `json:"suivi"`
				Alertes []string        `json:"alertes"`
			}
			var got []alerts
			for _, d := range []spie.Date{"2025-10-15", "2025-12-05", "2026-01-13", "2026-04-02", exampleDate} {
				f := read.FollowUp(d, carnet.DefaultPolicy())
				f.Faults = nil
				a := alerts{Date: d, Suivi: f, Alertes: []string{}}
				for _, x := range read.Alerts(d, carnet.DefaultPolicy()) {
					a.Alertes = append(a.Alertes, x.Code+" "+x.Path+" "+x.Message)
				}
				got = append(got, a)
			}
			gb, _ := json.MarshalIndent(got, "", "  ")
			golden := filepath.Join("testdata", "alerts", ex.name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, append(gb, '\n'), 0o644))
			}
			wb, err := os.ReadFile(golden)
			require.NoError(t, err, "référence absente : go test ./carnet -update")
			assert.JSONEq(t, string(wb), string(gb), "(-want +got)")
		})
	}
}
