package carnet_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Attack (issue 16, health): RULES.md §10 — other members see « that a sante
// frein exists and its impact, nothing more ».
func TestAttackRedactedKeepsHealthFollowUp(t *testing.T) {
	d := healthDiagnostic("R")
	f := d.Freins["sante"]
	f.Status = "en-cours"
	d.Freins["sante"] = f
	assert.Equal(t, diagnostic.Frein{Impact: diagnostic.ImpactFort}, d.Redacted().Freins["sante"])
}

// Attack (issue 16, time): a change dated 2099 was accepted, after which
// every change by anyone was refused (CARNET-CHANGE-06). Now a change dated
// more than 5 minutes after the injected clock is refused
// (CARNET-CHANGE-07), and the carnet stays usable.
func TestAttackFutureTimestamp(t *testing.T) {
	now := at("2025-04-01") // 2025-04-01T10:00:00Z
	clock := carnet.WithClock(func() time.Time { return now })
	contact := func(id string) carnet.Contact {
		return carnet.Contact{ID: id, Date: "2025-04-01", Kind: "rendez-vous", Channel: "presentiel", Result: "a-venir"}
	}
	add := func(id string, when time.Time) carnet.Change {
		return carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: id, Value: contact(id), At: when}
	}
	c := open(t, nil)
	tests := []struct {
		name string
		when time.Time
		code string // "" accepted
	}{
		{"2099", time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), "CARNET-CHANGE-07"},
		{"5 min 1 s après l'horloge", now.Add(5*time.Minute + time.Second), "CARNET-CHANGE-07"},
		{"à l'heure de l'horloge", now, ""},
		{"5 min pile après l'horloge", now.Add(5 * time.Minute), ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(c.Journal)
			fs := carnet.Apply(c, add(fmt.Sprintf("rdv-%d", i), tt.when), referent, clock)
			if tt.code == "" {
				assert.Empty(t, fs)
				assert.Len(t, c.Journal, before+1)
				return
			}
			assert.Equal(t, []string{tt.code}, fs.Codes())
			assert.Len(t, c.Journal, before, "rien n'est journalisé")
		})
	}
	t.Run("Create daté de 2099", func(t *testing.T) {
		_, fs := carnet.Create(base(), referent, time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), clock)
		assert.Equal(t, []string{"CARNET-CHANGE-07"}, fs.Codes())
	})
	t.Run("sans horloge : time.Now", func(t *testing.T) {
		d := open(t, nil)
		assert.Equal(t, []string{"CARNET-CHANGE-07"}, carnet.Apply(d, add("rdv-x", time.Now().Add(time.Hour)), referent).Codes())
		assert.Empty(t, carnet.Apply(d, add("rdv-y", time.Now()), referent))
	})
}

// Attack (issue 16, time): invalid dates journaled at Create and Apply.
func TestAttackInvalidDatesJournaled(t *testing.T) {
	b := base()
	b.EntryDate = "2025-02-30"
	_, fs := carnet.Create(b, referent, at("2025-03-03"))
	assert.True(t, fs.Has("CARNET-VALEUR-02", "/date_entree"), "date d'entrée 2025-02-30 acceptée : %v", fs)
	c := open(t, nil)
	fs = carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "rdv-1",
		Value: carnet.Contact{ID: "rdv-1", Date: "03/03/2025", Kind: "rendez-vous", Channel: "presentiel", Result: "a-venir"},
		At:    at("2025-03-04")}, referent)
	assert.True(t, fs.Has("CARNET-VALEUR-02", "/rendez_vous/rdv-1/date"), "date 03/03/2025 journalisée : %v", fs)
	assert.Len(t, c.Journal, 1)
}

// Attack (issue 16, values): Apply journals an unknown thématique.
func TestAttackUnknownValueJournaled(t *testing.T) {
	c := open(t, nil)
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetObjectifs, ID: "obj-x",
		Value: carnet.PlanObjectif{ID: "obj-x", Thematique: "astrologie", Status: "en-cours", Date: "2025-03-04", Besoin: "trouver-sa-formation"},
		At:    at("2025-03-04")}, referent)
	assert.True(t, fs.Has("CARNET-VALEUR-01", "/objectifs/obj-x/thematique"), "thématique inconnue journalisée : %v", fs)
	assert.Len(t, c.Journal, 1)
	assert.Empty(t, c.Check(at("2025-03-04")).Errors(), "le carnet reste valide")
}

// Attack (issue 16, retention): an entry date 2025-02-30 disabled retention
// (kept in 2030, no purge record). The retention is computed from valid
// dates only, or the carnet is refused with a fault pointing at the date.
func TestAttackMalformedRetentionDate(t *testing.T) {
	load := func(s string) *carnet.Carnet {
		var c carnet.Carnet
		require.NoError(t, json.Unmarshal([]byte(s), &c))
		return &c
	}
	person := `"personne":{"id":"p-1","date_naissance":"1990-05-14","code_commune":"02408"}`
	tests := []struct {
		name string
		doc  string
		path string // "" purged
	}{
		{"date d'entrée 2025-02-30", `{"id":"c-1","date_entree":"2025-02-30",` + person + `}`, "/date_entree"},
		{"date d'entrée 03/03/2025", `{"id":"c-1","date_entree":"03/03/2025",` + person + `}`, "/date_entree"},
		{"date d'entrée absente", `{"id":"c-1",` + person + `}`, "/date_entree"},
		{"rendez-vous daté 2026-13-01", `{"id":"c-1","date_entree":"2025-03-03",` + person +
			`,"rendez_vous":[{"id":"r","date":"2026-13-01","type":"rendez-vous","canal":"presentiel","resultat":"honore"}]}`, "/rendez_vous/0/date"},
		// 2025-03-03 + 24 months = 2027-03-03, before 2030-01-01: purged.
		{"dates valides", `{"id":"c-1","date_entree":"2025-03-03",` + person + `}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(tt.doc)
			kept, purged, refused := carnet.Purge([]*carnet.Carnet{c}, "2030-01-01", carnet.DefaultPolicy())
			assert.Empty(t, kept, "jamais gardé en silence")
			if tt.path == "" {
				require.Len(t, purged, 1)
				assert.Equal(t, spie.Date("2027-03-03"), purged[0].RetentionDate)
				assert.Empty(t, refused)
				return
			}
			assert.Empty(t, purged)
			require.Len(t, refused, 1)
			assert.Equal(t, "c-1", refused[0].CarnetID)
			assert.True(t, refused[0].Faults.Has("CARNET-CONSERVATION-01", tt.path), "%v", refused[0].Faults)
		})
	}
	t.Run("jour malformé", func(t *testing.T) {
		_, _, refused := carnet.Purge([]*carnet.Carnet{load(`{"id":"c-1","date_entree":"2025-03-03",` + person + `}`)}, "2030-02-30", carnet.DefaultPolicy())
		assert.Len(t, refused, 1)
	})
}

// nirTest is a NIR of a man born in May 1990 in Paris (75056), order 123:
// key = 97 − (1900575056123 mod 97) = 97 − 60 = 37 (computed outside the library, in Python, from the
// INSEE rule, not with spie.NIRKey).
const nirTest = "190057505612337"

// Attack (issue 16, NIR): a co-référent, a coordinator and a chargé
// d'orientation read the diagnostic, and with it the NIR, although the
// field is « seulement si la structure est habilitée à le traiter ». Now
// only the person and the members marked acces_nir see it — in the content,
// the journal's values and the faults.
func TestAttackNIRShownToEveryDiagnosticReader(t *testing.T) {
	withNIR := func(d *diagnostic.Diagnostic) *diagnostic.Diagnostic {
		d.Person.NIR = nirTest
		return d
	}
	build := func(t *testing.T, authorised ...string) *carnet.Carnet {
		c := open(t, func(b *carnet.Carnet) {
			for i, m := range b.Members {
				for _, id := range authorised {
					b.Members[i].AccessNIR = b.Members[i].AccessNIR || m.ID == id
				}
			}
			b.Diagnostic = withNIR(healthDiagnostic("N"))
		})
		// A later change of the diagnostic journals the NIR again (before and after).
		d := withNIR(healthDiagnostic("N2"))
		apply(t, c, referent, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetDiagnostic, Value: d, At: at("2025-03-21")})
		return c
	}
	tests := []struct {
		name       string
		authorised []string // members marked acces_nir
		viewer     carnet.Actor
		sees       bool
	}{
		{"co-référent sans habilitation", nil, coReferent, false},
		{"coordinateur sans habilitation", nil, coord, false},
		{"chargé d'orientation sans habilitation", nil, chargeOri, false},
		{"référent sans habilitation", nil, referent, false},
		{"partenaire habilité mais sans accès au diagnostic", []string{"m-part"}, partenaire, false},
		{"coordinateur : l'habilitation d'un autre membre ne compte pas", []string{"m-coref"}, coord, false},
		{"co-référent habilité", []string{"m-coref"}, coReferent, true},
		{"référent habilité", []string{"m-ref"}, referent, true},
		{"la personne", nil, usager, true},
		// main's rights: the usager is identified by personne/id (p-001 in base())
		{"une autre personne (usager p-002)", nil, carnet.Actor{Professional: "p-002", Role: carnet.RoleUsager}, false},
		{"usager sans identifiant", nil, carnet.Actor{Role: carnet.RoleUsager}, false},
		{"co-référent habilité mais sans nom", []string{"m-coref"}, carnet.Actor{StructureSIRET: coReferent.StructureSIRET, Role: carnet.RoleCoReferent}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := build(t, tt.authorised...)
			viewer := carnet.Viewer{Actor: tt.viewer, On: "2025-04-01"}
			v := jsonOf(t, carnet.View(c, viewer))
			assert.Equal(t, tt.sees, strings.Contains(v, nirTest), "NIR dans la vue")
			assert.Equal(t, tt.sees, carnet.MayReadNIR(c, viewer) && tt.viewer.Role != carnet.RolePartenaire)
			// A fault at the NIR (its key is checked) is seen with the same right.
			faults := spie.Faults{{Code: "SPIE-NIR-02", Path: "/diagnostic/personne/nir", Severity: spie.SeverityError}}
			assert.Equal(t, tt.sees, len(carnet.Visible(c, viewer, faults)) == 1, "défaut au NIR visible")
			assert.Contains(t, jsonOf(t, c), nirTest, "le carnet lui-même n'est pas modifié")
		})
	}
	t.Run("export : qui voit le NIR", func(t *testing.T) {
		e := carnet.Export(build(t, "m-coref"), "2025-04-01", carnet.DefaultPolicy())
		for _, a := range e.Access {
			assert.Equal(t, a.Role == carnet.RoleCoReferent, a.NIR, a.Role)
		}
	})
}

// Attack (issue 16, NIR): the flag is data in the members list, which a
// coordinator or a chargé d'orientation may write — marking its own member
// acces_nir would give it the NIR. Granting the flag needs an actor already
// authorised, and nobody grants it to their own structure.
func TestAttackNIRSelfGrant(t *testing.T) {
	build := func(t *testing.T) *carnet.Carnet {
		return open(t, func(b *carnet.Carnet) {
			b.Diagnostic = healthDiagnostic("G")
			b.Diagnostic.Person.NIR = nirTest
			for i := range b.Members {
				b.Members[i].AccessNIR = b.Members[i].ID == "m-coref"
			}
		})
	}
	member := func(c *carnet.Carnet, id string) carnet.Member {
		for _, m := range c.Members {
			if m.ID == id {
				return m
			}
		}
		t.Fatalf("membre %s absent", id)
		return carnet.Member{}
	}
	grant := func(c *carnet.Carnet, id string, on bool) carnet.Change {
		m := member(c, id)
		m.AccessNIR = on
		return carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: id, Value: m, At: at("2025-04-01")}
	}
	tests := []struct {
		name  string
		actor carnet.Actor
		id    string
		on    bool
		code  string // "" accepted
	}{
		{"le coordinateur s'habilite lui-même", coord, "m-coord", true, "CARNET-NIR-01"},
		{"le chargé d'orientation s'habilite lui-même", chargeOri, "m-ori", true, "CARNET-NIR-01"},
		{"le référent non habilité habilite le coordinateur", referent, "m-coord", true, "CARNET-NIR-01"},
		{"le référent non habilité s'habilite", referent, "m-ref", true, "CARNET-NIR-01"},
		{"le coordinateur ajoute un membre habilité", coord, "", true, "CARNET-NIR-01"},
		{"le coordinateur retire l'habilitation du co-référent", coord, "m-coref", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := build(t)
			ch := carnet.Change{}
			if tt.id == "" {
				ch = carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: "m-new", At: at("2025-04-01"),
					Value: carnet.Member{ID: "m-new", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretAutre, Start: "2025-04-01", AccessNIR: true}}
			} else {
				ch = grant(c, tt.id, tt.on)
			}
			fs := carnet.Apply(c, ch, tt.actor)
			if tt.code == "" {
				assert.Empty(t, fs)
				return
			}
			assert.Equal(t, []string{tt.code}, fs.Codes())
			v := jsonOf(t, carnet.View(c, carnet.Viewer{Actor: tt.actor, On: "2025-04-02"}))
			assert.NotContains(t, v, nirTest)
			// The same grant forged straight into the journal: Replay
			// refuses it as Apply does, at the forged event.
			forge(t, c, tt.actor, ch)
			require.Empty(t, carnet.Verify(c.Journal), "la chaîne forgée est cohérente")
			r, rfs := carnet.Replay(c.Journal)
			assert.True(t, r == nil, "habilitation forgée rejouée")
			require.Equal(t, []string{tt.code}, rfs.Codes())
			assert.Equal(t, fmt.Sprintf("/journal/%d", len(c.Journal)-1), rfs[0].Path)
		})
	}
	t.Run("un membre habilité habilite une autre structure", func(t *testing.T) {
		// The référent is made authorised at creation, then grants the coordinator.
		c2 := open(t, func(b *carnet.Carnet) {
			for i := range b.Members {
				b.Members[i].AccessNIR = b.Members[i].ID == "m-ref"
			}
		})
		assert.Empty(t, carnet.Apply(c2, grant(c2, "m-coord", true), referent))
		assert.True(t, member(c2, "m-coord").AccessNIR)
	})
}

// Attack (issue 16, time), through a document: a carnet whose journal holds
// an event dated 2099 (written by a clock ahead, or crafted) blocks every
// change; Check reports it at the event's timestamp.
func TestAttackFutureEventInADocument(t *testing.T) {
	c := open(t, nil)
	now := at("2025-04-01")
	assert.Empty(t, c.CheckClock(now))
	c.Journal[0].At = now.Add(5 * time.Minute)
	assert.Empty(t, c.CheckClock(now), "5 minutes d'avance tolérées")
	c.Journal[0].At = time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.True(t, c.Check(now).Has("CARNET-HORLOGE-01", "/journal/0/horodatage"))
}

// Attack (issue 16, values): a change proposed as JSON (a widget's
// proposal, decoded as a map) carried fields unknown to the schema into
// the journal, where View shows the event's value as written — a health
// note smuggled in an unknown field of a contact reached every reader of
// the journal. Unknown fields are refused, at any depth.
func TestAttackUnknownFieldJournaled(t *testing.T) {
	c := open(t, nil)
	contact := map[string]any{"id": "r-1", "date": "2025-04-01", "type": "rendez-vous", "canal": "presentiel", "resultat": "honore",
		"note": "SECRET-hospitalisation"}
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-1", Value: contact, At: at("2025-04-01")}, referent)
	assert.True(t, fs.Has("CARNET-VALEUR-08", "/rendez_vous/r-1/note"), "%v", fs)
	assert.NotContains(t, jsonOf(t, carnet.View(c, carnet.Viewer{Actor: coord, On: "2025-04-02"})), "SECRET-hospitalisation")

	action := map[string]any{"id": "a-1", "action": "pmsmp", "thematique": "emploi-formation", "statut": "prevue", "date_proposition": "2025-04-01",
		"proposee_par": map[string]any{"role": "referent", "siret_structure": string(siretDepartement), "motif": "SECRET"}}
	fs = carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-1", Value: action, At: at("2025-04-01")}, referent)
	assert.True(t, fs.Has("CARNET-VALEUR-08", "/actions/a-1/proposee_par/motif"), "%v", fs)

	delete(contact, "note")
	assert.Empty(t, carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-1", Value: contact, At: at("2025-04-01")}, referent))
}
