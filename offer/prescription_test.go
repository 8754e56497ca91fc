package offer_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

func draft(t *testing.T) *offer.Prescription {
	var s offer.Service
	require.NoError(t, json.Unmarshal(mustJSON(t, offertest.ValidService()), &s))
	return &offer.Prescription{
		ID:             "presc-1",
		State:          offer.StateBrouillon,
		Sender:         offer.Sender{Role: offer.SenderReferent, Name: "Conseillère", StructureSIRET: "13003013300016"},
		Person:         offer.PrescriptionPerson{ID: "p-1", Commune: "02408"},
		Motif:          "Préparer des candidatures pour les métiers de la logistique.",
		Need:           offer.PrescriptionNeed{Kind: "besoin", Key: "realiser-cv-lettre-motivation"},
		Attachments:    []offer.Attachment{{Type: "cv", Provided: true}},
		DataProtection: offer.DataProtection{Accepted: true, Date: "2026-03-10"},
		Service:        s,
		CreatedAt:      now.Add(-time.Hour),
	}
}

func TestPrescriptionLifecycle(t *testing.T) {
	d := offer.DefaultDeadlines
	t.Run("envoi puis acceptation dans les 72 h", func(t *testing.T) {
		p := draft(t)
		require.Empty(t, p.Send(now, "referent-1"))
		assert.Equal(t, offer.StateEnvoyee, p.State)
		assert.Empty(t, p.Accept(now.Add(48*time.Hour), "structure-1", d))
		assert.Equal(t, offer.StateAcceptee, p.State)
		assert.Len(t, p.Journal, 2)
		assert.Empty(t, p.Check(now.Add(72*time.Hour)))
	})
	t.Run("acceptation tardive : avertissement", func(t *testing.T) {
		p := draft(t)
		require.Empty(t, p.Send(now, "referent-1"))
		fs := p.Accept(now.Add(73*time.Hour), "structure-1", d)
		assert.True(t, fs.HasCode("PRESC-DELAI-10"))
		assert.True(t, fs.Valid())
		assert.Equal(t, offer.StateAcceptee, p.State)
	})
	t.Run("refus codé", func(t *testing.T) {
		p := draft(t)
		require.Empty(t, p.Send(now, "referent-1"))
		fs := p.Refuse(now.Add(time.Hour), "structure-1", "autre", "", d)
		assert.True(t, fs.Has("PRESC-REFUS-10", "/refus"))
		assert.Equal(t, offer.StateEnvoyee, p.State, "refused transition leaves the state")
		assert.Empty(t, p.Refuse(now.Add(time.Hour), "structure-1", "plus-de-place", "", d))
		assert.Equal(t, offer.StateRefusee, p.State)
		assert.Empty(t, p.Check(now.Add(2*time.Hour)))
	})
	t.Run("transition interdite", func(t *testing.T) {
		p := draft(t)
		fs := p.Accept(now, "structure-1", d)
		assert.True(t, fs.Has("PRESC-TRANSITION-10", "/etat"))
		assert.Equal(t, offer.StateBrouillon, p.State)
		assert.Empty(t, p.Journal)
	})
	t.Run("relance à 10 jours, expiration à 30", func(t *testing.T) {
		p := draft(t)
		require.Empty(t, p.Send(now, "referent-1"))
		f, ok := p.FollowUp(now.Add(4*24*time.Hour), d)
		require.True(t, ok)
		assert.True(t, f.AnswerLate)
		assert.False(t, f.ReminderDue)
		f, _ = p.FollowUp(now.Add(10*24*time.Hour), d)
		assert.True(t, f.ReminderDue)
		assert.False(t, f.Expired)
		assert.True(t, p.Expire(now.Add(29*24*time.Hour), d).Has("PRESC-EXPIRATION-10", "/etat"))
		assert.Empty(t, p.Expire(now.Add(30*24*time.Hour), d))
		assert.Equal(t, offer.StateExpiree, p.State)
		_, ok = p.FollowUp(now.Add(31*24*time.Hour), d)
		assert.False(t, ok)
	})
	t.Run("délais configurables", func(t *testing.T) {
		p := draft(t)
		require.Empty(t, p.Send(now, "referent-1"))
		short := offer.Deadlines{Answer: 24 * time.Hour, Reminder: 5 * 24 * time.Hour, Expiry: 15 * 24 * time.Hour}
		assert.Empty(t, p.Expire(now.Add(15*24*time.Hour), short))
	})
}

func TestPrescriptionSendRefused(t *testing.T) {
	tests := []struct {
		name, code, path string
		edit             func(p *offer.Prescription)
	}{
		{"service réservé aux professionnels, auto-prescription", "PRESC-MOBILISABLE-10", "/service/mobilisable_par", func(p *offer.Prescription) {
			p.Sender = offer.Sender{Role: offer.SenderPersonne}
			p.Service.MobilisablePar = []offer.PersonneMobilisatrice{offer.MobilisableParProfessionnels}
		}},
		{"aucun contact pour les modes", "PRESC-CONTACT-10", "/service/modes_mobilisation", func(p *offer.Prescription) {
			p.Service.Telephone, p.Service.Courriel = nil, nil
		}},
		{"engagement données absent", "PRESC-DONNEES-01", "/engagement_donnees/accepte", func(p *offer.Prescription) {
			p.DataProtection.Accepted = false
		}},
		{"pièce manquante", "PRESC-PIECES-01", "/pieces_jointes/0/fournie", func(p *offer.Prescription) {
			p.Attachments[0].Provided = false
		}},
		{"référent sans SIRET", "PRESC-EMETTEUR-01", "/emetteur/siret_structure", func(p *offer.Prescription) {
			p.Sender.StructureSIRET = ""
		}},
		{"besoin inconnu", "PRESC-BESOIN-01", "/besoin", func(p *offer.Prescription) {
			p.Need = offer.PrescriptionNeed{Kind: "frein", Key: "emploi-formation"}
		}},
		{"service invalide", "OFFRE-PUBLICS-10", "/service/publics/0", func(p *offer.Prescription) {
			p.Service.Publics = []offer.Public{"tous-publics", "jeunes"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := draft(t)
			tt.edit(p)
			fs := p.Send(now, "x")
			assert.True(t, fs.Has(tt.code, tt.path), "%v", fs)
			assert.Equal(t, offer.StateBrouillon, p.State)
		})
	}
}

func TestPrescriptionCheckJournal(t *testing.T) {
	p := draft(t)
	p.State = offer.StateAcceptee
	p.Journal = []offer.Transition{{From: "brouillon", To: "acceptee", At: now, By: "x"}}
	fs := p.Check(now)
	assert.True(t, fs.Has("PRESC-TRANSITION-10", "/journal/0"), "%v", fs)

	p = draft(t)
	p.State = offer.StateEnvoyee
	fs = p.Check(now)
	assert.True(t, fs.Has("PRESC-JOURNAL-10", "/etat"), "%v", fs)

	p = draft(t)
	p.Refusal = &offer.Refusal{Reason: "hors-zone"}
	assert.True(t, p.Check(now).Has("PRESC-REFUS-10", "/refus"))
}

func TestDeadlinesJSON(t *testing.T) {
	b, err := json.Marshal(offer.DefaultDeadlines)
	require.NoError(t, err)
	assert.JSONEq(t, `{"delai_reponse_heures":72,"relance_jours":10,"expiration_jours":30}`, string(b))
	var d offer.Deadlines
	require.NoError(t, json.Unmarshal([]byte(`{"delai_reponse_heures":48,"relance_jours":7,"expiration_jours":21}`), &d))
	assert.Equal(t, 48*time.Hour, d.Answer)
	assert.Equal(t, 21*24*time.Hour, d.Expiry)
	assert.Error(t, json.Unmarshal([]byte(`{"delai_reponse_heures":48,"relance_jours":30,"expiration_jours":21}`), &d))
	assert.Error(t, json.Unmarshal([]byte(`{"delai_reponse_heures":0,"relance_jours":1,"expiration_jours":2}`), &d))
}
