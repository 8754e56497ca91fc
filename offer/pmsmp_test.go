package offer_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func convention(id, start, end string) offer.Convention {
	return offer.Convention{ID: id, PersonID: "p-1", BirthDate: "2000-06-15", HostSIRET: "13003013300016", HostName: "Boulangerie",
		Prescriber: "france-travail", Objective: "decouvrir-metier", Start: spie.Date(start), End: spie.Date(end), WeeklyHours: 35}
}

func TestConventionCheck(t *testing.T) {
	l := offer.DefaultPMSMPLimits
	met, notMet := true, false
	tests := []struct {
		name    string
		c       func() offer.Convention
		history []offer.Convention
		code    string
		path    string
	}{
		{"30 jours", func() offer.Convention { return convention("c1", "2026-03-01", "2026-03-30") }, nil, "", ""},
		{"31 jours", func() offer.Convention { return convention("c1", "2026-03-01", "2026-03-31") }, nil, "PMSMP-DUREE-01", "/date_fin"},
		{"fin avant début", func() offer.Convention { return convention("c1", "2026-03-10", "2026-03-01") }, nil, "PMSMP-DATES-01", "/date_fin"},
		{"49 heures", func() offer.Convention {
			c := convention("c1", "2026-03-01", "2026-03-10")
			c.WeeklyHours = 49
			return c
		}, nil, "PMSMP-HEURES-01", "/heures_hebdomadaires"},
		{"15 ans", func() offer.Convention {
			c := convention("c1", "2026-03-01", "2026-03-10")
			c.BirthDate = "2010-03-02"
			return c
		}, nil, "PMSMP-AGE-01", "/date_naissance"},
		{"mineur sans représentant", func() offer.Convention {
			c := convention("c1", "2026-03-01", "2026-03-10")
			c.BirthDate = "2009-03-01"
			return c
		}, nil, "PMSMP-MINEUR-01", "/representant_legal"},
		{"mineur avec représentant", func() offer.Convention {
			c := convention("c1", "2026-03-01", "2026-03-10")
			c.BirthDate, c.LegalRepresentative = "2009-03-01", "Parent"
			return c
		}, nil, "", ""},
		{"renouvellement", func() offer.Convention {
			c := convention("c2", "2026-04-01", "2026-04-20")
			c.RenewalOf = "c1"
			return c
		}, []offer.Convention{func() offer.Convention {
			c := convention("c1", "2026-03-01", "2026-03-30")
			c.ObjectiveMet = &notMet
			return c
		}()}, "", ""},
		{"renouvellement d'un objectif atteint", func() offer.Convention {
			c := convention("c2", "2026-04-01", "2026-04-20")
			c.RenewalOf = "c1"
			return c
		}, []offer.Convention{func() offer.Convention {
			c := convention("c1", "2026-03-01", "2026-03-30")
			c.ObjectiveMet = &met
			return c
		}()}, "PMSMP-RENOUVELLEMENT-10", "/renouvellement_de"},
		{"second renouvellement", func() offer.Convention {
			c := convention("c3", "2026-05-01", "2026-05-05")
			c.RenewalOf = "c1"
			return c
		}, []offer.Convention{convention("c1", "2026-03-01", "2026-03-30"), func() offer.Convention {
			c := convention("c2", "2026-04-01", "2026-04-10")
			c.RenewalOf = "c1"
			return c
		}()}, "PMSMP-RENOUVELLEMENT-10", "/renouvellement_de"},
		{"renouvellement avec un autre objectif", func() offer.Convention {
			c := convention("c2", "2026-04-01", "2026-04-20")
			c.RenewalOf, c.Objective = "c1", "confirmer-projet"
			return c
		}, []offer.Convention{convention("c1", "2026-03-01", "2026-03-30")}, "PMSMP-RENOUVELLEMENT-10", "/objectif"},
		{"troisième convention avec la même structure en 12 mois", func() offer.Convention { return convention("c3", "2026-09-01", "2026-09-05") },
			[]offer.Convention{convention("c1", "2026-01-05", "2026-01-10"), convention("c2", "2026-05-01", "2026-05-05")}, "PMSMP-STRUCTURE-10", "/siret_structure_accueil"},
		{"troisième convention après 12 mois", func() offer.Convention { return convention("c3", "2027-02-01", "2027-02-05") },
			[]offer.Convention{convention("c1", "2026-01-05", "2026-01-10"), convention("c2", "2026-05-01", "2026-05-05")}, "", ""},
		{"plus de 60 jours avec la même structure", func() offer.Convention {
			c := convention("c3", "2026-06-01", "2026-06-10")
			return c
		}, []offer.Convention{convention("c1", "2026-03-01", "2026-03-30"), func() offer.Convention {
			c := convention("c2", "2026-04-01", "2026-04-30")
			c.RenewalOf = "c1"
			return c
		}()}, "PMSMP-STRUCTURE-11", "/date_fin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c()
			fs := c.Check(tt.history, l)
			if tt.code == "" {
				assert.Empty(t, fs)
				return
			}
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
}

func ExampleConvention_Check() {
	c := offer.Convention{ID: "c1", PersonID: "p-1", BirthDate: "2009-09-01", HostSIRET: "13003013300016",
		Prescriber: "mission-locale", Objective: "decouvrir-metier", Start: "2026-03-02", End: "2026-04-10", WeeklyHours: 35}
	for _, f := range c.Check(nil, offer.DefaultPMSMPLimits) {
		fmt.Println(f.Code, f.Message)
	}
	// Output:
	// PMSMP-DUREE-01 durée de 40 jours au-delà du maximum de 30 jours calendaires
	// PMSMP-MINEUR-01 une personne mineure doit être accompagnée de son représentant légal
}
