package offer_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// The cases below are our own, built to the rules of Immersion Facilitée
// (gip-inclusion/immersion-facile at commit
// cd676358befab6b481b326b25f0e649abc6e1423):
//   - shared/src/convention/conventionRefinements.ts, underMaxCalendarDuration:
//     differenceInDays(dateEnd, dateStart) ≤ 30 (maximumCalendarDayByInternshipKind);
//   - shared/src/convention/convention.schema.ts: age at the start
//     (differenceInYears) ≥ 16 and ≤ 120, a minor has a
//     beneficiaryRepresentative, mustBeSignedByEveryone;
//   - shared/src/schedule/ScheduleUtils.ts, validateSchedule: hours per
//     calendar week (Monday to Sunday) ≤ 48, ranges positive and not
//     overlapping, some hours;
//   - shared/src/agency/agency.dto.ts, orderedAgencyKindList.
// The peer's verdict of each case is worked by hand from those rules in the
// case's "peer" column; where the texts decide otherwise (D5135-3: « un
// mois de date à date ») the case says so and socle follows the text.

// week35 is a schedule of 7 hours (09:00–12:00, 13:00–17:00) on each
// weekday from start to end.
func week35(start, end string) []offer.PMSMPDay {
	a, _ := time.Parse(time.DateOnly, start)
	b, _ := time.Parse(time.DateOnly, end)
	var out []offer.PMSMPDay
	for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
		day := offer.PMSMPDay{Date: spie.Date(d.Format(time.DateOnly)), Periods: []offer.PMSMPTimeRange{}}
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			day.Periods = []offer.PMSMPTimeRange{{Start: "09:00", End: "12:00"}, {Start: "13:00", End: "17:00"}}
		}
		out = append(out, day)
	}
	return out
}

func signed(on string, roles ...offer.PMSMPRole) []offer.PMSMPSignatory {
	out := make([]offer.PMSMPSignatory, len(roles))
	for i, r := range roles {
		out[i] = offer.PMSMPSignatory{Role: r, SignedOn: spie.Date(on)}
	}
	return out
}

// convention is a valid convention of an adult, signed by the three parties
// and validated, with a 35-hour week from start to end.
func convention(id, start, end string) offer.Convention {
	return offer.Convention{ID: id, PersonID: "p-1", BirthDate: "2000-06-15", HostSIRET: "13003013300016", HostName: "Boulangerie",
		Prescriber: "france-travail", Objective: "decouvrir-metier", Start: spie.Date(start), End: spie.Date(end),
		Tutor:    offer.PMSMPTutor{Name: "Jeanne Martin", Function: "cheffe boulangère"},
		Schedule: week35(start, end), Status: "validee",
		Signatories: signed("2025-12-15", "beneficiaire", "structure-accueil", "prescripteur")}
}

type pmsmpCase struct {
	name string
	c    func() offer.Convention
	// peer: does Immersion Facilitée accept the convention (by the rule
	// cited in the file comment)?
	peer bool
	// code and path of the expected fault, "" when socle accepts.
	code, path string
	history    []offer.Convention
}

func with(start, end string, edit func(*offer.Convention)) func() offer.Convention {
	return func() offer.Convention {
		c := convention("c1", start, end)
		if edit != nil {
			edit(&c)
		}
		return c
	}
}

var pmsmpCases = []pmsmpCase{
	// Duration: one month « de date à date » (D5135-3): the last day is the
	// eve of the same number the next month (art. 641 CPC). The peer
	// accepts up to 30 days after the start.
	{name: "1er au 31 janvier", c: with("2026-01-01", "2026-01-31", nil), peer: true},
	{name: "8 octobre au 7 novembre", c: with("2026-10-08", "2026-11-07", nil), peer: true},
	{name: "8 octobre au 8 novembre", c: with("2026-10-08", "2026-11-08", nil), peer: false, code: "PMSMP-DUREE-01", path: "/date_fin"},
	{name: "1er au 30 mars", c: with("2026-03-01", "2026-03-30", nil), peer: true},
	{name: "1er mars au 1er avril", c: with("2026-03-01", "2026-04-01", nil), peer: false, code: "PMSMP-DUREE-01", path: "/date_fin"},
	{name: "1er au 28 février", c: with("2026-02-01", "2026-02-28", nil), peer: true},
	// 1 February + 1 month = 1 March: the month ends on 28 February. The
	// peer counts 29 days and accepts; the text wins (README).
	{name: "1er février au 2 mars (écart avec le pair)", c: with("2026-02-01", "2026-03-02", nil), peer: true, code: "PMSMP-DUREE-01", path: "/date_fin"},
	// 31 January + 1 month = 28 February (no 31st): the month ends on
	// 27 February. The peer accepts 30 days, to 2 March.
	{name: "31 janvier au 27 février", c: with("2026-01-31", "2026-02-27", nil), peer: true},
	{name: "31 janvier au 2 mars (écart avec le pair)", c: with("2026-01-31", "2026-03-02", nil), peer: true, code: "PMSMP-DUREE-01", path: "/date_fin"},
	{name: "un seul jour", c: with("2026-03-02", "2026-03-02", nil), peer: true},
	{name: "fin avant début", c: with("2026-03-10", "2026-03-01", func(c *offer.Convention) { c.Schedule = week35("2026-03-01", "2026-03-10") }), peer: false, code: "PMSMP-DATES-01", path: "/date_fin"},

	// Age at the start: 16 at least, 120 at most (the peer's
	// differenceInYears; socle's anniversary rule).
	{name: "15 ans la veille de ses 16 ans", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.BirthDate = "2010-03-03"
		c.Signatories = append(c.Signatories, offer.PMSMPSignatory{Role: "representant-legal", SignedOn: "2026-02-01"})
	}), peer: false, code: "PMSMP-AGE-01", path: "/date_naissance"},
	{name: "16 ans le jour du début", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.BirthDate = "2010-03-02"
		c.Signatories = append(c.Signatories, offer.PMSMPSignatory{Role: "representant-legal", SignedOn: "2026-02-01"})
	}), peer: true},
	// Born after the start (the peer's age is then negative, under 16):
	// its own code, not the end-before-start one (PMSMP-DATES-01).
	{name: "née après le début", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "2027-01-01" }), peer: false, code: "PMSMP-NAISSANCE-02", path: "/date_naissance"},
	// 30 February: no such day, the age cannot be computed.
	{name: "date de naissance impossible", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "2000-02-30" }), peer: false, code: "PMSMP-NAISSANCE-01", path: "/date_naissance"},
	{name: "120 ans", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "1906-03-02" }), peer: true},
	{name: "121 ans", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "1905-03-02" }), peer: false, code: "PMSMP-AGE-02", path: "/date_naissance"},
	{name: "123 ans", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "1903-01-01" }), peer: false, code: "PMSMP-AGE-02", path: "/date_naissance"},
	// Born on 29 February 2008: on 28 February 2026, a common year, the
	// peer's date-fns (years compared in the leap year 1584) says 17, a
	// minor without representative; article 641 CPC, the vocabulary's one
	// rule, says 18 (README).
	{name: "né un 29 février, majeur le 28 février (écart avec le pair)", c: with("2026-02-28", "2026-03-06", func(c *offer.Convention) {
		c.BirthDate = "2008-02-29"
	}), peer: false},

	// A minor needs a legal representative, who signs.
	{name: "mineur sans représentant", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "2009-03-01" }), peer: false, code: "PMSMP-MINEUR-01", path: "/signataires"},
	{name: "mineur avec représentant", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.BirthDate = "2009-03-03"
		c.Signatories = append(c.Signatories, offer.PMSMPSignatory{Role: "representant-legal", Name: "Parent", SignedOn: "2026-02-01"})
	}), peer: true},
	{name: "18 ans le jour du début, sans représentant", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.BirthDate = "2008-03-02" }), peer: true},
	{name: "représentant non signataire d'une convention validée", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.BirthDate = "2009-03-03"
		c.Signatories = append(c.Signatories, offer.PMSMPSignatory{Role: "representant-legal"})
	}), peer: false, code: "PMSMP-SIGNATURE-01", path: "/statut"},

	// The person in charge at the host (D5135-2, 3°; the peer's
	// establishmentTutor).
	{name: "sans tuteur", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) { c.Tutor = offer.PMSMPTutor{Name: "Jeanne Martin"} }), peer: false, code: "PMSMP-TUTEUR-01", path: "/tuteur/fonction"},

	// Signatories and signatures.
	{name: "structure d'accueil absente", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.Signatories = signed("2026-02-01", "beneficiaire", "prescripteur")
	}), peer: false, code: "PMSMP-SIGNATAIRE-01", path: "/signataires"},
	{name: "salarié sans son employeur (écart avec le pair : D5135-1)", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) { c.Employed = true }), peer: true, code: "PMSMP-SIGNATAIRE-01", path: "/signataires"},
	{name: "salarié avec son employeur", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.Employed = true
		c.Signatories = append(c.Signatories, offer.PMSMPSignatory{Role: "employeur-actuel", SignedOn: "2026-02-02"})
	}), peer: true},
	{name: "à signer, aucune signature", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.Status = "a-signer"
		c.Signatories = signed("", "beneficiaire", "structure-accueil", "prescripteur")
	}), peer: true},
	{name: "signée sans la personne", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.Status = "signee"
		c.Signatories = append(signed("2026-02-01", "structure-accueil"), offer.PMSMPSignatory{Role: "beneficiaire"}, offer.PMSMPSignatory{Role: "prescripteur"})
	}), peer: false, code: "PMSMP-SIGNATURE-01", path: "/statut"},
	{name: "signée, le prescripteur valide ensuite", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.Status = "signee"
		c.Signatories = append(signed("2026-02-01", "beneficiaire", "structure-accueil"), offer.PMSMPSignatory{Role: "prescripteur"})
	}), peer: true},
	{name: "partie en double", c: with("2026-03-02", "2026-03-10", func(c *offer.Convention) {
		c.Signatories = append(c.Signatories, offer.PMSMPSignatory{Role: "beneficiaire", SignedOn: "2026-02-01"})
	}), peer: false, code: "PMSMP-SIGNATAIRE-02", path: "/signataires/3/role"},
	{name: "signature datée du futur (écart avec le pair, qui ne la compare pas)", c: with("2026-08-03", "2026-08-07", func(c *offer.Convention) { c.Signatories[0].SignedOn = "2026-07-01" }), peer: true, code: "PMSMP-SIGNATURE-02", path: "/signataires/0/date_signature"},

	// Schedule: 48 hours per calendar week, ranges positive, no overlap.
	{name: "48 h en 6 jours de 8 h", c: with("2026-03-02", "2026-03-08", func(c *offer.Convention) {
		c.Schedule = days("2026-03-02", 6, offer.PMSMPTimeRange{Start: "08:00", End: "12:00"}, offer.PMSMPTimeRange{Start: "13:00", End: "17:00"})
	}), peer: true},
	{name: "48 h 30 dans la semaine", c: with("2026-03-02", "2026-03-08", func(c *offer.Convention) {
		c.Schedule = append(days("2026-03-02", 6, offer.PMSMPTimeRange{Start: "08:00", End: "12:00"}, offer.PMSMPTimeRange{Start: "13:00", End: "17:00"}),
			offer.PMSMPDay{Date: "2026-03-08", Periods: []offer.PMSMPTimeRange{{Start: "10:00", End: "10:30"}}})
	}), peer: false, code: "PMSMP-HEURES-01", path: "/horaires"},
	// Thursday to Wednesday, 8 hours a day: 56 hours over seven days, but
	// 32 + 24 hours in two calendar weeks.
	{name: "56 h sur 7 jours à cheval sur deux semaines", c: with("2026-03-05", "2026-03-11", func(c *offer.Convention) {
		c.Schedule = days("2026-03-05", 7, offer.PMSMPTimeRange{Start: "08:00", End: "16:00"})
	}), peer: true},
	{name: "plage à l'envers", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) {
		c.Schedule[1].Periods[0] = offer.PMSMPTimeRange{Start: "12:00", End: "09:00"}
	}), peer: false, code: "PMSMP-HORAIRES-01", path: "/horaires/1/plages/0"},
	{name: "plages qui se chevauchent", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) {
		c.Schedule[2].Periods[1] = offer.PMSMPTimeRange{Start: "11:30", End: "17:00"}
	}), peer: false, code: "PMSMP-HORAIRES-02", path: "/horaires/2/plages/1"},
	{name: "plages bout à bout", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) {
		c.Schedule[2].Periods[1] = offer.PMSMPTimeRange{Start: "12:00", End: "17:00"}
	}), peer: true},
	{name: "aucune heure", c: with("2026-03-07", "2026-03-08", nil), peer: false, code: "PMSMP-HORAIRES-04", path: "/horaires"},
	{name: "jour hors de la période (écart avec le pair, qui l'ignore)", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) {
		c.Schedule = append(c.Schedule, offer.PMSMPDay{Date: "2026-03-09", Periods: []offer.PMSMPTimeRange{{Start: "09:00", End: "12:00"}}})
	}), peer: true, code: "PMSMP-HORAIRES-03", path: "/horaires/5/date"},

	// Prescribers: every kind of agency the peer offers for an immersion.
	{name: "opérateur CEP conventionné par France Travail", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) {
		c.Prescriber, c.AgreementWith = "operateur-cep", "france-travail"
	}), peer: true},
	{name: "conventionnée par une SIAE (écart avec le pair : L5135-2, 5°)", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) {
		c.Prescriber, c.AgreementWith = "structure-conventionnee", "siae"
	}), peer: true, code: "PMSMP-PRESCRIPTEUR-11", path: "/conventionnee_par"},
	{name: "agence Immersion Facilitée (écart avec le pair : pas un prescripteur de L5135-2)", c: with("2026-03-02", "2026-03-06", func(c *offer.Convention) { c.Prescriber = "immersion-facile" }), peer: true, code: "PMSMP-VALEUR-01", path: "/prescripteur"},
}

func TestConventionCheckAgainstPeerRules(t *testing.T) {
	agree := 0
	for _, tt := range pmsmpCases {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c()
			fs := c.Check("2026-06-30", tt.history, offer.DefaultPMSMPLimits)
			if tt.code == "" {
				assert.Empty(t, fs.Errors())
			} else {
				assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			}
			if fs.Valid() == tt.peer {
				agree++
			}
			// Every difference with the peer is one the texts decide,
			// named in the case and in the README.
			assert.Equal(t, fs.Valid() != tt.peer, strings.Contains(tt.name, "écart avec le pair"), "verdict socle %v, pair %v", fs.Valid(), tt.peer)
		})
	}
	t.Logf("%d cas sur %d jugés comme le pair", agree, len(pmsmpCases))
}

// days is n consecutive days from start, each with the ranges given.
func days(start string, n int, ranges ...offer.PMSMPTimeRange) []offer.PMSMPDay {
	a, _ := time.Parse(time.DateOnly, start)
	out := make([]offer.PMSMPDay, n)
	for i := range out {
		out[i] = offer.PMSMPDay{Date: spie.Date(a.AddDate(0, 0, i).Format(time.DateOnly)), Periods: ranges}
	}
	return out
}

// TestPrescribersCoverThePeer: every agency kind of Immersion Facilitée
// (orderedAgencyKindList at the commit above) maps to exactly one prescriber,
// but the platform's own "immersion-facile" agency, which prescribes nothing
// in law (C. trav. L5135-2); a convention from each is valid (those under
// L5135-2, 5° with a warning until the agreement is named).
func TestPrescribersCoverThePeer(t *testing.T) {
	peer := []string{"pole-emploi", "mission-locale", "operateur-cep", "cap-emploi", "conseil-departemental", "structure-IAE",
		"fonction-publique", "cci", "cma", "chambre-agriculture", "autre", "immersion-facile", "prepa-apprentissage"}
	require.NoError(t, offer.PMSMPPrescribers.Check())
	for _, kind := range peer {
		t.Run(kind, func(t *testing.T) {
			keys := offer.PMSMPPrescribers.Mapped("immersion-facile/agency-kind", kind)
			if kind == "immersion-facile" {
				assert.Empty(t, keys)
				return
			}
			require.Len(t, keys, 1)
			c := convention("c1", "2026-03-02", "2026-03-06")
			c.Prescriber = offer.PMSMPPrescriber(keys[0])
			fs := c.Check("", nil, offer.DefaultPMSMPLimits)
			assert.True(t, fs.Valid(), "%v", fs)
			d, _ := offer.PMSMPPrescribers.Get(keys[0])
			assert.NotEmpty(t, d.Label.EN)
			if d.Group == offer.PrescriberUnderAgreement {
				assert.True(t, fs.Has("PMSMP-PRESCRIPTEUR-10", "/prescripteur"), "%v", fs)
				c.AgreementWith = "mission-locale"
				assert.Empty(t, c.Check("", nil, offer.DefaultPMSMPLimits))
			} else {
				assert.Empty(t, fs)
			}
		})
	}
}

func TestConventionHistory(t *testing.T) {
	met, notMet := true, false
	renewal := func(id, of, start, end string) offer.Convention {
		c := convention(id, start, end)
		c.RenewalOf, c.RenewalReason = of, "Le geste professionnel reste à confirmer."
		return c
	}
	initial := func(met *bool) offer.Convention {
		c := convention("c1", "2026-03-02", "2026-03-31")
		c.ObjectiveMet = met
		return c
	}
	other := func(id, start, end string, o offer.PMSMPObjective) offer.Convention {
		c := convention(id, start, end)
		c.Objective = o
		return c
	}
	tests := []struct {
		name    string
		c       offer.Convention
		history []offer.Convention
		code    string
		path    string
	}{
		{"renouvellement", renewal("c2", "c1", "2026-04-01", "2026-04-20"), []offer.Convention{initial(&notMet)}, "", ""},
		{"renouvellement d'un objectif atteint", renewal("c2", "c1", "2026-04-01", "2026-04-20"), []offer.Convention{initial(&met)}, "PMSMP-RENOUVELLEMENT-10", "/renouvellement_de"},
		{"renouvellement avant la fin", renewal("c2", "c1", "2026-03-31", "2026-04-20"), []offer.Convention{initial(nil)}, "PMSMP-RENOUVELLEMENT-10", "/date_debut"},
		{"renouvellement de plus d'un mois", renewal("c2", "c1", "2026-04-01", "2026-05-01"), []offer.Convention{initial(nil)}, "PMSMP-DUREE-01", "/date_fin"},
		{"second renouvellement", renewal("c3", "c1", "2026-05-04", "2026-05-08"), []offer.Convention{initial(nil), renewal("c2", "c1", "2026-04-01", "2026-04-10")}, "PMSMP-RENOUVELLEMENT-10", "/renouvellement_de"},
		{"renouvellement avec un autre objectif", func() offer.Convention {
			c := renewal("c2", "c1", "2026-04-01", "2026-04-20")
			c.Objective = "confirmer-projet"
			return c
		}(), []offer.Convention{initial(nil)}, "PMSMP-RENOUVELLEMENT-10", "/objectif"},
		{"renouvellement sans motif", func() offer.Convention {
			c := renewal("c2", "c1", "2026-04-01", "2026-04-20")
			c.RenewalReason = " "
			return c
		}(), []offer.Convention{initial(&notMet)}, "PMSMP-RENOUVELLEMENT-11", "/motif_renouvellement"},
		{"initiale inconnue", renewal("c2", "c9", "2026-04-01", "2026-04-20"), nil, "PMSMP-RENOUVELLEMENT-10", "/renouvellement_de"},
		{"deuxième convention, autre objectif", other("c2", "2026-09-01", "2026-09-04", "confirmer-projet"), []offer.Convention{convention("c1", "2026-01-05", "2026-01-09")}, "", ""},
		{"deuxième convention, même objectif", convention("c2", "2026-09-01", "2026-09-04"), []offer.Convention{convention("c1", "2026-01-05", "2026-01-09")}, "PMSMP-STRUCTURE-12", "/objectif"},
		{"troisième convention en 12 mois", other("c3", "2026-09-01", "2026-09-04", "initier-recrutement"),
			[]offer.Convention{convention("c1", "2026-01-05", "2026-01-09"), other("c2", "2026-05-04", "2026-05-08", "confirmer-projet")}, "PMSMP-STRUCTURE-10", "/siret_structure_accueil"},
		{"troisième convention après 12 mois", other("c3", "2027-02-01", "2027-02-05", "initier-recrutement"),
			[]offer.Convention{convention("c1", "2026-01-05", "2026-01-09"), other("c2", "2026-05-04", "2026-05-08", "confirmer-projet")}, "", ""},
		// 30 + 30 days (1–30 March, 1–30 April), then 10 days in June: 70.
		{"plus de 60 jours avec la même structure", other("c3", "2026-06-01", "2026-06-10", "confirmer-projet"),
			[]offer.Convention{convention("c1", "2026-03-01", "2026-03-30"), renewal("c2", "c1", "2026-04-01", "2026-04-30")}, "PMSMP-STRUCTURE-11", "/date_fin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := tt.c.Check("", tt.history, offer.DefaultPMSMPLimits)
			if tt.code == "" {
				assert.Empty(t, fs)
				return
			}
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
		})
	}
}

func TestConventionWeeks(t *testing.T) {
	// 2026-03-05 is a Thursday: Thursday to Sunday fall in the week of
	// Monday 2 March (4 × 8 h), Monday to Wednesday in that of 9 March
	// (3 × 8 h).
	c := convention("c1", "2026-03-05", "2026-03-11")
	c.Schedule = days("2026-03-05", 7, offer.PMSMPTimeRange{Start: "08:00", End: "16:00"})
	assert.Equal(t, []offer.WeekHours{{Monday: "2026-03-02", Minutes: 32 * 60}, {Monday: "2026-03-09", Minutes: 24 * 60}}, c.Weeks())
	assert.Equal(t, 56*60, c.TotalMinutes())
	assert.Equal(t, 7, c.PresenceDays())
}

func TestClockTime(t *testing.T) {
	for _, tc := range []struct {
		in   offer.ClockTime
		want int
		ok   bool
	}{
		{"00:00", 0, true}, {"09:30", 570, true}, {"23:59", 1439, true}, {"24:00", 1440, true},
		{"24:01", 0, false}, {"9:30", 0, false}, {"09:60", 0, false}, {"25:00", 0, false}, {"ab:cd", 0, false}, {"", 0, false},
	} {
		got, ok := tc.in.Minutes()
		assert.Equal(t, tc.ok, ok, tc.in)
		if ok {
			assert.Equal(t, tc.want, got, tc.in)
		}
	}
}

func TestDecodeConvention(t *testing.T) {
	_, err := offer.DecodeConvention([]byte(`{"id":"c1","inconnu":1}`))
	assert.Error(t, err)
	_, err = offer.DecodeConvention([]byte(`{"id":"c1"} {}`))
	assert.Error(t, err)
	c, err := offer.DecodeConvention([]byte(` {"id":"c1","horaires":[{"date":"2026-03-02","plages":[{"debut":"09:00","fin":"12:00"}]}]} `))
	require.NoError(t, err)
	assert.Equal(t, 180, c.TotalMinutes())
}

// A day without presence has one value however it is written: "plages"
// absent, null or [] all say « aucune : jour sans présence » (the field's
// documentation), and the encoder writes none of them (omitempty), so a
// convention read, written and read again is the same. Found by
// FuzzDecodeConvention: {"plages":[]} was read as an empty list, written
// without "plages", read back as nil.
func TestDecodeConventionDayWithoutPresence(t *testing.T) {
	want := &offer.Convention{ID: "c1", Schedule: []offer.PMSMPDay{{Date: "2026-03-07"}}}
	for _, doc := range []string{
		`{"id":"c1","horaires":[{"date":"2026-03-07"}]}`,
		`{"id":"c1","horaires":[{"date":"2026-03-07","plages":null}]}`,
		`{"id":"c1","horaires":[{"date":"2026-03-07","plages":[]}]}`,
	} {
		c, err := offer.DecodeConvention([]byte(doc))
		require.NoError(t, err, doc)
		assert.Equal(t, want, c, doc)
		b, err := json.Marshal(c)
		require.NoError(t, err)
		again, err := offer.DecodeConvention(b)
		require.NoError(t, err, "%s", b)
		assert.Equal(t, c, again, doc)
	}
}

func ExampleConvention_Check() {
	c := offer.Convention{ID: "c1", PersonID: "p-1", BirthDate: "2009-09-01", HostSIRET: "13003013300016",
		Prescriber: "mission-locale", Objective: "decouvrir-metier", Start: "2026-03-02", End: "2026-04-10",
		Tutor:    offer.PMSMPTutor{Name: "Jeanne Martin", Function: "cheffe boulangère"},
		Schedule: []offer.PMSMPDay{{Date: "2026-03-02", Periods: []offer.PMSMPTimeRange{{Start: "09:00", End: "17:00"}}}},
		Status:   "a-signer", Signatories: []offer.PMSMPSignatory{{Role: "beneficiaire"}, {Role: "structure-accueil"}, {Role: "prescripteur"}}}
	for _, f := range c.Check("2026-02-15", nil, offer.DefaultPMSMPLimits) {
		fmt.Println(f.Code, f.Message)
	}
	// Output:
	// PMSMP-DUREE-01 fin le 2026-04-10 : une convention dure au plus 1 mois de date à date, soit jusqu'au 2026-04-01
	// PMSMP-MINEUR-01 une personne mineure doit être accompagnée de son représentant légal, signataire de la convention
}

func ExampleConvention_Weeks() {
	c := offer.Convention{Schedule: []offer.PMSMPDay{
		{Date: "2026-03-06", Periods: []offer.PMSMPTimeRange{{Start: "09:00", End: "12:30"}}}, // a Friday
		{Date: "2026-03-09", Periods: []offer.PMSMPTimeRange{{Start: "14:00", End: "18:00"}}}, // the Monday after
	}}
	for _, w := range c.Weeks() {
		fmt.Println(w.Monday, offer.FormatMinutes(w.Minutes))
	}
	// Output:
	// 2026-03-02 3 h 30
	// 2026-03-09 4 h
}

func ExampleConvention_PresenceDays() {
	c := offer.Convention{Schedule: []offer.PMSMPDay{
		{Date: "2026-03-06", Periods: []offer.PMSMPTimeRange{{Start: "09:00", End: "12:00"}, {Start: "13:00", End: "16:30"}}},
		{Date: "2026-03-07"}, // no presence on Saturday
		{Date: "2026-03-09", Periods: []offer.PMSMPTimeRange{{Start: "14:00", End: "18:00"}}},
	}}
	fmt.Println(c.PresenceDays(), offer.FormatMinutes(c.TotalMinutes()))
	// Output: 2 10 h 30
}

func ExampleConvention_RequiredRoles() {
	c := offer.Convention{Employed: true}
	fmt.Println(c.RequiredRoles(true))
	// Output: [beneficiaire representant-legal structure-accueil prescripteur employeur-actuel]
}

func ExampleDecodeConvention() {
	_, err := offer.DecodeConvention([]byte(`{"id": "c1", "duree": 30}`))
	fmt.Println(spie.DescribeJSONError(err))
	// Output: champ inconnu « duree »
}

func ExampleClockTime_Minutes() {
	m, ok := offer.ClockTime("13:45").Minutes()
	fmt.Println(m, ok)
	// Output: 825 true
}

func ExampleFormatMinutes() {
	fmt.Println(offer.FormatMinutes(48*60), offer.FormatMinutes(8*60+30))
	// Output: 48 h 8 h 30
}
