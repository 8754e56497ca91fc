package carnet_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

var policy = carnet.DefaultPolicy()

// withContract returns a carnet of a person born on birth with contract k.
func withContract(birth spie.Date, rqth bool, k carnet.Contract) *carnet.Carnet {
	b := base()
	b.Person.BirthDate, b.Person.RQTH = birth, rqth
	b.Contracts = []carnet.Contract{k}
	return &b
}

func TestContractRules(t *testing.T) {
	engagement := func(start spie.Date, hours float64, adj *carnet.Adjustment) carnet.Contract {
		return carnet.Contract{ID: "k", Type: carnet.ContractEngagement, Start: start, SignedOn: start, WeeklyHours: hours, Adjustment: adj}
	}
	cej := func(start, end spie.Date, hours float64) carnet.Contract {
		return carnet.Contract{ID: "k", Type: carnet.ContractCEJ, Start: start, End: end, SignedOn: start, WeeklyHours: hours}
	}
	pacea := func(start, end spie.Date) carnet.Contract {
		return carnet.Contract{ID: "k", Type: carnet.ContractPACEA, Start: start, End: end, SignedOn: start, WeeklyHours: 15}
	}
	tests := []struct {
		name  string
		birth spie.Date
		rqth  bool
		k     carnet.Contract
		code  string // "" : no fault
		path  string
	}{
		{"15 h : conforme", "1990-05-14", false, engagement("2025-03-10", 15, nil), "", ""},
		{"14,5 h sans aménagement", "1990-05-14", false, engagement("2025-03-10", 14.5, nil), "CARNET-ACTIVITE-10", "/contrats/0/heures_hebdomadaires"},
		{"8 h avec réduction motivée", "1990-05-14", false, engagement("2025-03-10", 8, &carnet.Adjustment{Kind: "reduction", Reason: "logement", Date: "2025-03-10"}), "", ""},
		{"0 h avec dispense santé", "1990-05-14", false, engagement("2025-03-10", 0, &carnet.Adjustment{Kind: "exemption", Reason: "sante", Date: "2025-03-10"}), "", ""},
		{"dispense pour logement", "1990-05-14", false, engagement("2025-03-10", 0, &carnet.Adjustment{Kind: "exemption", Reason: "logement", Date: "2025-03-10"}), "CARNET-ACTIVITE-11", "/contrats/0/amenagement/motif"},
		{"réduction inutile", "1990-05-14", false, engagement("2025-03-10", 20, &carnet.Adjustment{Kind: "reduction", Reason: "autre", Date: "2025-03-10"}), "CARNET-ACTIVITE-12", "/contrats/0/amenagement"},
		{"CER la veille de la réforme", "1990-05-14", false, carnet.Contract{ID: "k", Type: "cer", Start: "2024-12-31", WeeklyHours: 15}, "", ""},
		{"CER le jour de la réforme", "1990-05-14", false, carnet.Contract{ID: "k", Type: "cer", Start: "2025-01-01", WeeklyHours: 15}, "CARNET-CONTRAT-01", "/contrats/0/type"},
		{"PPAE le lendemain de la réforme", "1990-05-14", false, carnet.Contract{ID: "k", Type: "ppae", Start: "2025-01-02", WeeklyHours: 15}, "CARNET-CONTRAT-01", "/contrats/0/type"},
		{"signé après le début", "1990-05-14", false, carnet.Contract{ID: "k", Type: "contrat-engagement", Start: "2025-03-10", SignedOn: "2025-03-11", WeeklyHours: 15}, "CARNET-CONTRAT-10", "/contrats/0/date_signature"},
		{"fin avant début", "1990-05-14", false, carnet.Contract{ID: "k", Type: "contrat-engagement", Start: "2025-03-10", End: "2025-03-09", WeeklyHours: 15}, "CARNET-DATES-10", "/contrats/0/date_fin"},
		// CEJ: 16 to 25 at start (the day before the 26th birthday is the last day)
		{"CEJ la veille des 26 ans", "2000-03-11", false, cej("2026-03-10", "2026-09-09", 15), "", ""},
		{"CEJ le jour des 26 ans", "2000-03-10", false, cej("2026-03-10", "2026-09-09", 15), "CARNET-CEJ-10", "/contrats/0/date_debut"},
		{"CEJ le lendemain des 26 ans", "2000-03-09", false, cej("2026-03-10", "2026-09-09", 15), "CARNET-CEJ-10", "/contrats/0/date_debut"},
		{"CEJ à 28 ans avec RQTH", "1998-03-09", true, cej("2026-03-10", "2026-09-09", 15), "", ""},
		{"CEJ le jour des 30 ans avec RQTH", "1996-03-10", true, cej("2026-03-10", "2026-09-09", 15), "CARNET-CEJ-10", "/contrats/0/date_debut"},
		{"CEJ la veille des 16 ans", "2010-03-11", false, cej("2026-03-10", "2026-09-09", 15), "CARNET-CEJ-10", "/contrats/0/date_debut"},
		{"CEJ le jour des 16 ans", "2010-03-10", false, cej("2026-03-10", "2026-09-09", 15), "", ""},
		{"CEJ de 14 h", "2004-01-01", false, cej("2026-03-10", "2026-09-09", 14), "CARNET-CEJ-11", "/contrats/0/heures_hebdomadaires"},
		{"CEJ de 21 h", "2004-01-01", false, cej("2026-03-10", "2026-09-09", 21), "CARNET-CEJ-11", "/contrats/0/heures_hebdomadaires"},
		{"CEJ de 6 mois moins un jour", "2004-01-01", false, cej("2026-03-10", "2026-09-08", 15), "", ""},
		{"CEJ finissant la veille des 6 mois", "2004-01-01", false, cej("2026-03-10", "2026-09-09", 15), "", ""},
		{"CEJ de moins de 6 mois", "2004-01-01", false, cej("2026-03-10", "2026-08-09", 15), "CARNET-CEJ-12", "/contrats/0/date_fin"},
		{"CEJ de 12 mois", "2004-01-01", false, cej("2026-03-10", "2027-03-09", 15), "", ""},
		{"CEJ de 12 mois et un jour", "2004-01-01", false, cej("2026-03-10", "2027-03-10", 15), "CARNET-CEJ-13", "/contrats/0/date_fin"},
		{"CEJ de 18 mois", "2004-01-01", false, cej("2026-03-10", "2027-09-09", 15), "CARNET-CEJ-13", "/contrats/0/date_fin"},
		{"CEJ de 18 mois et un jour", "2004-01-01", false, cej("2026-03-10", "2027-09-10", 15), "CARNET-CEJ-12", "/contrats/0/date_fin"},
		{"CEJ sans fin", "2004-01-01", false, cej("2026-03-10", "", 15), "CARNET-CEJ-14", "/contrats/0/date_fin"},
		// PACEA ends at 26
		{"PACEA finissant la veille des 26 ans", "2000-09-01", false, pacea("2025-09-01", "2026-08-31"), "", ""},
		{"PACEA finissant le jour des 26 ans", "2000-09-01", false, pacea("2025-09-01", "2026-09-01"), "", ""},
		{"PACEA finissant le lendemain des 26 ans", "2000-09-01", false, pacea("2025-09-01", "2026-09-02"), "CARNET-PACEA-12", "/contrats/0/date_fin"},
		{"PACEA de 24 mois", "2005-01-01", false, pacea("2025-01-01", "2026-12-31"), "", ""},
		{"PACEA de 24 mois et un jour", "2005-01-01", false, pacea("2025-01-01", "2027-01-01"), "CARNET-PACEA-11", "/contrats/0/date_fin"},
		{"PACEA à 26 ans", "1999-01-01", false, pacea("2025-01-02", "2025-06-30"), "CARNET-PACEA-10", "/contrats/0/date_debut"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := withContract(tt.birth, tt.rqth, tt.k)
			fs := c.CheckContracts(policy)
			if tt.code == "" {
				assert.Empty(t, fs)
				return
			}
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
}

func TestReferentRules(t *testing.T) {
	tests := []struct {
		name    string
		members []carnet.Member
		day     spie.Date
		code    string
		path    string
	}{
		{"succession sans chevauchement", []carnet.Member{
			{ID: "r1", Role: "referent", StructureSIRET: siretDepartement, Start: "2025-03-03", End: "2025-06-30"},
			{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-07-01"}}, "2025-07-01", "", ""},
		{"chevauchement d'un jour", []carnet.Member{
			{ID: "r1", Role: "referent", StructureSIRET: siretDepartement, Start: "2025-03-03", End: "2025-07-01"},
			{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-07-01"}}, "2025-07-01", "CARNET-REFERENT-10", "/membres/1"},
		{"chevauchement hérité d'une fusion, terminé", []carnet.Member{
			{ID: "r1", Role: "referent", StructureSIRET: siretDepartement, Start: "2025-03-03", Origin: "c-a"},
			{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-04-01", End: "2025-06-30", Origin: "c-b"}}, "2025-07-01", "CARNET-REFERENT-12", "/membres/1"},
		{"chevauchement hérité d'une fusion, en cours", []carnet.Member{
			{ID: "r1", Role: "referent", StructureSIRET: siretDepartement, Start: "2025-03-03", Origin: "c-a"},
			{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-04-01", End: "2025-06-30", Origin: "c-b"}}, "2025-06-30", "CARNET-REFERENT-10", "/membres/1"},
		{"aucun référent le lendemain de la fin", []carnet.Member{
			{ID: "r1", Role: "referent", StructureSIRET: siretDepartement, Start: "2025-03-03", End: "2025-06-30"}}, "2025-07-01", "CARNET-REFERENT-11", "/membres"},
		{"référent le jour de sa fin", []carnet.Member{
			{ID: "r1", Role: "referent", StructureSIRET: siretDepartement, Start: "2025-03-03", End: "2025-06-30"}}, "2025-06-30", "", ""},
		{"professionnel sans SIRET", []carnet.Member{
			{ID: "r1", Role: "referent", Start: "2025-03-03"}}, "2025-06-30", "CARNET-MEMBRE-11", "/membres/0/siret_structure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			b.Members = tt.members
			fs := b.CheckStructure(tt.day)
			if tt.code == "" {
				assert.Empty(t, fs)
				return
			}
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
}

func TestStructureRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *carnet.Carnet)
		code string
		path string
	}{
		{"orientation indéterminée", func(c *carnet.Carnet) {
			c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2025-03-20", Pathway: diagnostic.PathwayUndetermined, StructureSIRET: siretDepartement}}
		}, "CARNET-ORIENTATION-02", "/orientations/0/parcours"},
		{"parcours inconnu", func(c *carnet.Carnet) {
			c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2025-03-20", Pathway: "sociopro", StructureSIRET: siretDepartement}}
		}, "CARNET-ORIENTATION-02", "/orientations/0/parcours"},
		{"réorientation sans motif", func(c *carnet.Carnet) {
			c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2025-03-20", Pathway: "social", StructureSIRET: siretDepartement},
				{ID: "o2", Date: "2025-09-20", Pathway: "global", StructureSIRET: siretDepartement}}
		}, "CARNET-ORIENTATION-11", "/orientations/1/motif"},
		{"deux orientations le même jour", func(c *carnet.Carnet) {
			c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2025-03-20", Pathway: "social", StructureSIRET: siretDepartement},
				{ID: "o2", Date: "2025-03-20", Pathway: "emploi", StructureSIRET: siretFT, Reason: "erreur de saisie"}}
		}, "CARNET-ORIENTATION-12", "/orientations/1/date"},
		{"orientation décidée après le jour du contrôle", func(c *carnet.Carnet) {
			c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2099-03-20", Pathway: "social", StructureSIRET: siretDepartement}}
		}, "CARNET-ORIENTATION-13", "/orientations/0/date"},
		{"orientation décidée le lendemain du contrôle", func(c *carnet.Carnet) {
			c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2025-10-02", Pathway: "social", StructureSIRET: siretDepartement}}
		}, "CARNET-ORIENTATION-13", "/orientations/0/date"},
		{"action et service à la fois", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", ServiceID: "svc", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-04-01"}}
		}, "CARNET-ACTION-01", "/actions/0"},
		{"action du référentiel et libellé libre à la fois", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", FreeLabel: "Atelier CV", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-04-01"}}
		}, "CARNET-ACTION-01", "/actions/0"},
		{"action sans rien", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-04-01"}}
		}, "CARNET-ACTION-01", "/actions/0"},
		{"action d'une autre thématique", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", Thematique: "logement", Status: "prevue", ProposedOn: "2025-04-01"}}
		}, "CARNET-ACTION-02", "/actions/0/thematique"},
		{"action d'un objectif absent", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", ObjectifID: "x", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-04-01"}}
		}, "CARNET-ACTION-10", "/actions/0/id_objectif"},
		{"action réalisée sans fin", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-04-01"}}
		}, "CARNET-ACTION-11", "/actions/0/date_fin"},
		{"objectif d'une autre thématique", func(c *carnet.Carnet) {
			c.Objectifs = []carnet.PlanObjectif{{ID: "o1", Thematique: "logement", Objectif: "acceder-a-un-vehicule", Status: "EN_COURS", Date: "2025-04-01"}}
		}, "CARNET-OBJECTIF-01", "/objectifs/0/objectif"},
		{"objectif vide", func(c *carnet.Carnet) {
			c.Objectifs = []carnet.PlanObjectif{{ID: "o1", Thematique: "logement", Status: "EN_COURS", Date: "2025-04-01"}}
		}, "CARNET-OBJECTIF-02", "/objectifs/0"},
		{"retrait avant recueil", func(c *carnet.Carnet) { c.Consents[0].WithdrawnOn = "2025-03-02" }, "CARNET-CONSENTEMENT-10", "/consentements/0/date_retrait"},
		{"identifiant répété", func(c *carnet.Carnet) { c.Members[1].ID = c.Members[0].ID }, "CARNET-MEMBRE-10", "/membres/1/id"},
		{"version", func(c *carnet.Carnet) { c.Version = "0.9" }, "CARNET-VERSION-01", "/version_schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			b.Version = carnet.SchemaVersion
			tt.edit(&b)
			fs := b.CheckStructure("2025-10-01")
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
	t.Run("orientations admises", func(t *testing.T) {
		for name, os := range map[string][]carnet.Orientation{
			// carnet de bord's type « autre » (migration 1690467448554).
			"autre": {{ID: "o1", Date: "2025-03-20", Pathway: "autre", StructureSIRET: siretDepartement}},
			// decided on the day of the check (rdv-insertion: starts_at <= today).
			"le jour même": {{ID: "o1", Date: "2025-10-01", Pathway: "emploi", StructureSIRET: siretFT}},
			// a re-orientation without a reason: a warning only, as the peers accept it.
			"réorientation sans motif": {{ID: "o1", Date: "2025-03-20", Pathway: "social", StructureSIRET: siretDepartement},
				{ID: "o2", Date: "2025-09-20", Pathway: "autre", StructureSIRET: siretDepartement}},
		} {
			t.Run(name, func(t *testing.T) {
				b := base()
				b.Version = carnet.SchemaVersion
				b.Orientations = os
				fs := b.CheckStructure("2025-10-01")
				assert.True(t, fs.Valid(), "%v", fs)
				for _, f := range fs {
					assert.Equal(t, "CARNET-ORIENTATION-11", f.Code)
				}
			})
		}
	})
	t.Run("libellés libres admis", func(t *testing.T) {
		// issue 14 : un objectif et une action saisis hors référentiel dans le
		// carnet de bord sont gardés en libellé libre, sans code
		b := base()
		b.Version = carnet.SchemaVersion
		b.Objectifs = []carnet.PlanObjectif{{ID: "o1", Thematique: "logement", FreeLabel: "Trouver un garde-meuble", Status: "EN_COURS", Date: "2025-04-01"}}
		b.Actions = []carnet.Action{{ID: "a1", ObjectifID: "o1", FreeLabel: "Visite du garde-meuble de Laon", Thematique: "logement", Status: "prevue", ProposedOn: "2025-04-01"}}
		assert.Empty(t, b.CheckStructure("2025-10-01"))
	})
	t.Run("carnet de base conforme", func(t *testing.T) {
		b := base()
		b.Version = carnet.SchemaVersion
		assert.Empty(t, b.CheckStructure("2025-10-01"))
	})
}

func TestCheckRunsEverything(t *testing.T) {
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("x"), At: at("2025-03-20")})
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetContrats, ID: "k1",
		Value: carnet.Contract{ID: "k1", Type: "contrat-engagement", Start: "2025-04-01", SignedOn: "2025-04-01", WeeklyHours: 10}, At: at("2025-04-01")})
	fs := c.Check(at("2025-04-02"))
	assert.True(t, fs.Has("CARNET-ACTIVITE-10", "/contrats/0/heures_hebdomadaires"), "%v", fs)
	assert.True(t, fs.Has("CARNET-ACTIVITE-13", "/contrats/0/heures_hebdomadaires"), "%v", fs)
	assert.False(t, fs.HasCode("CARNET-JOURNAL-10"))
	d := c.Cloned()
	d.Diagnostic.Person.ID = "autre"
	assert.True(t, d.Check(at("2025-04-02")).Has("CARNET-PERSONNE-10", "/diagnostic/personne/id"))
	_ = time.Now
}

// TestOrientationOnIgnoresListOrder: the orientation in force never depends
// on the order of the list, even for two orientations of the same date
// (refused by CARNET-ORIENTATION-12, but a merged carnet may hold them).
func TestOrientationOnIgnoresListOrder(t *testing.T) {
	os := []carnet.Orientation{
		{ID: "o1", Date: "2025-03-20", Pathway: "social"},
		{ID: "o3", Date: "2025-06-01", Pathway: "emploi"},
		{ID: "o2", Date: "2025-06-01", Pathway: "global"},
		{ID: "o4", Date: "2025-11-01", Pathway: "autre"},
	}
	want := map[spie.Date]string{"2025-03-19": "", "2025-03-20": "o1", "2025-05-31": "o1", "2025-06-01": "o3", "2025-10-31": "o3", "2025-11-01": "o4"}
	perms := [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 2, 0, 3}, {2, 1, 3, 0}}
	for _, p := range perms {
		c := base()
		c.Orientations = nil
		for _, i := range p {
			c.Orientations = append(c.Orientations, os[i])
		}
		for day, id := range want {
			o, ok := c.OrientationOn(day)
			assert.Equal(t, id != "", ok, "%v %s", p, day)
			assert.Equal(t, id, o.ID, "%v %s", p, day)
		}
	}
}
