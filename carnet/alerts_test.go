package carnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// check asserts that fs has code at path when want, and not otherwise.
func check(t *testing.T, fs spie.Faults, want bool, code, path string) {
	t.Helper()
	if want {
		assert.True(t, fs.Has(code, path), "attendu %s %s dans %v", code, path, fs)
	} else {
		assert.False(t, fs.HasCode(code), "inattendu %s dans %v", code, fs)
	}
}

func TestRuptures(t *testing.T) {
	contract := func(c *carnet.Carnet) {
		c.Contracts = []carnet.Contract{{ID: "k1", Type: "contrat-engagement", Start: "2025-04-01", End: "2025-09-30", SignedOn: "2025-04-01", WeeklyHours: 15}}
	}
	tests := []struct {
		name string
		edit func(c *carnet.Carnet)
		day  spie.Date
		want bool
		code string
		path string
	}{
		{"fin de contrat dans 31 jours", contract, "2025-08-30", false, "CARNET-RUPTURE-11", ""},
		{"fin de contrat dans 30 jours", contract, "2025-08-31", true, "CARNET-RUPTURE-11", "/contrats/0/date_fin"},
		{"fin de contrat dans 29 jours", contract, "2025-09-01", true, "CARNET-RUPTURE-11", "/contrats/0/date_fin"},
		{"fin de contrat passée de 30 jours", contract, "2025-10-30", true, "CARNET-RUPTURE-11", "/contrats/0/date_fin"},
		{"fin de contrat passée de 31 jours", contract, "2025-10-31", false, "CARNET-RUPTURE-11", ""},
		{"fin de contrat suivie d'un autre", func(c *carnet.Carnet) {
			contract(c)
			c.Contracts = append(c.Contracts, carnet.Contract{ID: "k2", Type: "contrat-engagement", Start: "2025-10-01", WeeklyHours: 15})
		}, "2025-09-15", false, "CARNET-RUPTURE-11", ""},
		{"PACEA : 26 ans dans 31 jours", func(c *carnet.Carnet) {
			c.Person.BirthDate = "1999-10-01"
			c.Contracts = []carnet.Contract{{ID: "k1", Type: "pacea", Start: "2025-03-01", End: "2025-10-01", WeeklyHours: 15}}
		}, "2025-08-31", false, "CARNET-RUPTURE-12", ""},
		{"PACEA : 26 ans dans 30 jours", func(c *carnet.Carnet) {
			c.Person.BirthDate = "1999-10-01"
			c.Contracts = []carnet.Contract{{ID: "k1", Type: "pacea", Start: "2025-03-01", End: "2025-10-01", WeeklyHours: 15}}
		}, "2025-09-01", true, "CARNET-RUPTURE-12", "/contrats/0"},
		{"référent partant dans 30 jours sans successeur", func(c *carnet.Carnet) { c.Members[1].End = "2025-06-30" }, "2025-05-31", true, "CARNET-RUPTURE-10", "/membres/1/date_fin"},
		{"référent partant dans 31 jours", func(c *carnet.Carnet) { c.Members[1].End = "2025-06-30" }, "2025-05-30", false, "CARNET-RUPTURE-10", ""},
		{"référent remplacé le lendemain", func(c *carnet.Carnet) {
			c.Members[1].End = "2025-06-30"
			c.Members = append(c.Members, carnet.Member{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-07-01"})
		}, "2025-06-15", false, "CARNET-RUPTURE-10", ""},
		{"référent remplacé : passage de relais dans 30 jours", func(c *carnet.Carnet) {
			c.Members[1].End = "2025-06-30"
			c.Members = append(c.Members, carnet.Member{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-07-01"})
		}, "2025-05-31", true, "CARNET-RUPTURE-15", "/membres/1/date_fin"},
		{"référent remplacé : passage de relais dans 31 jours", func(c *carnet.Carnet) {
			c.Members[1].End = "2025-06-30"
			c.Members = append(c.Members, carnet.Member{ID: "r2", Role: "referent", StructureSIRET: siretFT, Start: "2025-07-01"})
		}, "2025-05-30", false, "CARNET-RUPTURE-15", ""},
		{"fin des droits RSA dans 30 jours", func(c *carnet.Carnet) {
			c.Milestones = []carnet.Milestone{{ID: "j1", Kind: "fin-droits-rsa", Date: "2025-07-31"}}
		}, "2025-07-01", true, "CARNET-RUPTURE-14", "/jalons/0"},
		{"fin des droits RSA dans 31 jours", func(c *carnet.Carnet) {
			c.Milestones = []carnet.Milestone{{ID: "j1", Kind: "fin-droits-rsa", Date: "2025-07-31"}}
		}, "2025-06-30", false, "CARNET-RUPTURE-14", ""},
		{"déménagement le jour même", func(c *carnet.Carnet) {
			c.Milestones = []carnet.Milestone{{ID: "j1", Kind: "demenagement-hors-departement", Date: "2025-07-31"}}
		}, "2025-07-31", true, "CARNET-RUPTURE-14", "/jalons/0"},
		{"action terminée sans suite, le jour même", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-05-01", Start: "2025-05-05", End: "2025-06-05"}}
		}, "2025-06-05", true, "CARNET-RUPTURE-13", "/actions/0/date_fin"},
		{"action terminée sans suite, la veille de la fin", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-05-01", Start: "2025-05-05", End: "2025-06-05"}}
		}, "2025-06-04", false, "CARNET-RUPTURE-13", ""},
		{"action terminée avec une suite", func(c *carnet.Carnet) {
			c.Actions = []carnet.Action{{ID: "a1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-05-01", Start: "2025-05-05", End: "2025-06-05"},
				{ID: "a2", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-06-01"}}
		}, "2025-06-06", false, "CARNET-RUPTURE-13", ""},
		{"carnet clos : aucune alerte", func(c *carnet.Carnet) {
			contract(c)
			c.Milestones = []carnet.Milestone{{ID: "j1", Kind: "sortie-emploi-durable", Date: "2025-08-01"}}
		}, "2025-09-01", false, "CARNET-RUPTURE-11", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			tt.edit(&b)
			check(t, b.Ruptures(tt.day, policy), tt.want, tt.code, tt.path)
		})
	}
}

func TestFollowUp(t *testing.T) {
	contact := func(id string, d spie.Date, kind carnet.ContactKind, res carnet.ContactResult) carnet.Contact {
		return carnet.Contact{ID: id, Date: d, Kind: kind, Channel: "telephone", Result: res}
	}
	last := contact("r0", "2025-04-01", "rendez-vous", "honore")
	tests := []struct {
		name     string
		contacts []carnet.Contact
		day      spie.Date
		state    carnet.FollowUpState
		code     string
	}{
		{"29 jours sans contact", []carnet.Contact{last}, "2025-04-30", carnet.StateFollowed, ""},
		{"30 jours sans contact", []carnet.Contact{last}, "2025-05-01", carnet.StateSilent, "CARNET-PDV-10"},
		{"31 jours sans contact", []carnet.Contact{last}, "2025-05-02", carnet.StateSilent, "CARNET-PDV-10"},
		{"absence ne compte pas comme contact", []carnet.Contact{last, contact("r1", "2025-04-20", "rendez-vous", "absent")}, "2025-05-01", carnet.StateSilent, "CARNET-PDV-10"},
		{"excusé compte comme contact", []carnet.Contact{last, contact("r1", "2025-04-20", "rendez-vous", "excuse")}, "2025-05-01", carnet.StateFollowed, ""},
		{"relance 1 faite, relance 2 le jour J+7", []carnet.Contact{last, contact("x1", "2025-05-01", "relance", "sans-reponse")}, "2025-05-08", carnet.StateRelances, ""},
		{"relance 2 en retard à J+8", []carnet.Contact{last, contact("x1", "2025-05-01", "relance", "sans-reponse")}, "2025-05-09", carnet.StateRelances, "CARNET-PDV-11"},
		{"3 relances sur 20 jours : pas encore perdu", []carnet.Contact{last, contact("x1", "2025-05-01", "relance", "sans-reponse"),
			contact("x2", "2025-05-08", "relance", "sans-reponse"), contact("x3", "2025-05-21", "relance", "sans-reponse")}, "2025-05-21", carnet.StateRelances, ""},
		{"3 relances sur 21 jours : perdu de vue", []carnet.Contact{last, contact("x1", "2025-05-01", "relance", "sans-reponse"),
			contact("x2", "2025-05-08", "relance", "sans-reponse"), contact("x3", "2025-05-22", "relance", "sans-reponse")}, "2025-05-22", carnet.StateLost, "CARNET-PDV-12"},
		{"3 relances sur 22 jours : perdu de vue", []carnet.Contact{last, contact("x1", "2025-05-01", "relance", "sans-reponse"),
			contact("x2", "2025-05-08", "relance", "sans-reponse"), contact("x3", "2025-05-23", "relance", "sans-reponse")}, "2025-05-23", carnet.StateLost, "CARNET-PDV-12"},
		{"contact réussi après perdu de vue : fin de la procédure", []carnet.Contact{last, contact("x1", "2025-05-01", "relance", "sans-reponse"),
			contact("x2", "2025-05-08", "relance", "sans-reponse"), contact("x3", "2025-05-23", "relance", "sans-reponse"),
			contact("x4", "2025-06-02", "echange", "honore")}, "2025-06-03", carnet.StateFollowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			b.Contacts = tt.contacts
			f := b.FollowUp(tt.day, policy)
			assert.Equal(t, tt.state, f.State)
			if tt.code == "" {
				assert.Empty(t, f.Faults)
			} else {
				assert.True(t, f.Faults.Has(tt.code, "/rendez_vous"), "%v", f.Faults)
			}
		})
	}
	t.Run("sans référent : pas de suivi dû", func(t *testing.T) {
		b := base()
		b.Members = b.Members[:1]
		assert.Equal(t, carnet.StateNotDueYet, b.FollowUp("2026-01-01", policy).State)
	})
}

func TestDeadlines(t *testing.T) {
	orient := func(c *carnet.Carnet) {
		c.Orientations = []carnet.Orientation{{ID: "o1", Date: "2025-03-25", NoticeDate: "2025-03-31", Pathway: "social", StructureSIRET: siretDepartement}}
	}
	withDiag := func(c *carnet.Carnet) { c.Diagnostic = healthDiagnostic("x") }
	service := func(c *carnet.Carnet) {
		withDiag(c)
		orient(c)
		c.Contracts = []carnet.Contract{{ID: "k1", Type: "contrat-engagement", Start: "2025-04-10", SignedOn: "2025-04-10", WeeklyHours: 15}}
		c.Actions = []carnet.Action{{ID: "a1", ServiceID: "dora-123", Thematique: "logement", Status: "prevue", ProposedOn: "2025-05-01"}}
	}
	tests := []struct {
		name string
		edit func(c *carnet.Carnet)
		day  spie.Date
		want bool
		code string
		path string
	}{
		{"diagnostic : la veille de l'échéance", nil, "2025-04-02", true, "CARNET-DELAI-10", "/diagnostic"},
		{"diagnostic : le jour de l'échéance", nil, "2025-04-03", true, "CARNET-DELAI-10", "/diagnostic"},
		{"diagnostic : le lendemain, dépassé", nil, "2025-04-04", true, "CARNET-DELAI-17", "/diagnostic"},
		{"diagnostic fait", withDiag, "2025-04-04", false, "CARNET-DELAI-10", ""},
		{"orientation RSA : jour de l'échéance (6 semaines)", withDiag, "2025-04-03", true, "CARNET-DELAI-11", "/orientations"},
		{"orientation RSA : lendemain, dépassé", withDiag, "2025-04-04", true, "CARNET-DELAI-17", "/orientations"},
		{"contrat : jour de l'échéance", func(c *carnet.Carnet) { withDiag(c); orient(c) }, "2025-04-30", true, "CARNET-DELAI-12", "/contrats"},
		{"contrat : lendemain, dépassé", func(c *carnet.Carnet) { withDiag(c); orient(c) }, "2025-05-01", true, "CARNET-DELAI-17", "/contrats"},
		{"rediagnostic social : 12 mois (santé), 31 jours avant", func(c *carnet.Carnet) {
			withDiag(c)
			orient(c)
			c.Contracts = []carnet.Contract{{ID: "k1", Type: "contrat-engagement", Start: "2025-04-10", SignedOn: "2025-04-10", WeeklyHours: 15}}
		}, "2026-03-10", false, "CARNET-DELAI-13", ""},
		{"rediagnostic social : 12 mois (santé), 30 jours avant", func(c *carnet.Carnet) {
			withDiag(c)
			orient(c)
			c.Contracts = []carnet.Contract{{ID: "k1", Type: "contrat-engagement", Start: "2025-04-10", SignedOn: "2025-04-10", WeeklyHours: 15}}
		}, "2026-03-11", true, "CARNET-DELAI-13", "/diagnostic"},
		{"prescription : 72 h", service, "2025-05-04", false, "CARNET-DELAI-14", ""},
		{"prescription : plus de 72 h", service, "2025-05-05", true, "CARNET-DELAI-14", "/actions/0/date_reponse_prescription"},
		{"demande : 9 jours", service, "2025-05-10", false, "CARNET-DELAI-15", ""},
		{"demande : 10 jours", service, "2025-05-11", true, "CARNET-DELAI-15", "/actions/0/date_reponse_prescription"},
		{"demande : 29 jours", service, "2025-05-30", false, "CARNET-DELAI-16", ""},
		{"demande : 30 jours", service, "2025-05-31", true, "CARNET-DELAI-16", "/actions/0/date_reponse_prescription"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			if tt.edit != nil {
				tt.edit(&b)
			}
			check(t, b.Deadlines(tt.day, policy), tt.want, tt.code, tt.path)
		})
	}
}

func TestDuplicates(t *testing.T) {
	act := func(id string, on spie.Date, status carnet.ActionStatus, by carnet.Actor) carnet.Action {
		return carnet.Action{ID: id, CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: status, ProposedOn: on, ProposedBy: by, End: on.AddDays(30)}
	}
	tests := []struct {
		name    string
		actions []carnet.Action
		want    bool
	}{
		{"reproposée après réalisation", []carnet.Action{act("a1", "2025-04-01", "realisee", referent), act("a2", "2025-06-01", "prevue", coReferent)}, true},
		{"reproposée après abandon", []carnet.Action{act("a1", "2025-04-01", "abandonnee", referent), act("a2", "2025-06-01", "prevue", referent)}, true},
		{"reproposée après refus", []carnet.Action{act("a1", "2025-04-01", "refusee", referent), act("a2", "2025-06-01", "prevue", referent)}, true},
		{"reproposée après annulation par la structure", []carnet.Action{act("a1", "2025-04-01", "annulee", referent), act("a2", "2025-06-01", "prevue", referent)}, false},
		{"le même jour", []carnet.Action{act("a1", "2025-04-01", "realisee", referent), act("a2", "2025-04-01", "prevue", referent)}, false},
		{"autre action", []carnet.Action{act("a1", "2025-04-01", "realisee", referent), {ID: "a2", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-06-01"}}, false},
		{"même service", []carnet.Action{{ID: "a1", ServiceID: "s1", Thematique: "logement", Status: "realisee", ProposedOn: "2025-04-01"}, {ID: "a2", ServiceID: "s1", Thematique: "logement", Status: "prevue", ProposedOn: "2025-06-01"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			b.Actions = tt.actions
			check(t, b.Duplicates(), tt.want, "CARNET-DOUBLON-10", "/actions/1")
		})
	}
}
