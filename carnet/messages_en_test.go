package carnet_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// A fault's English message names the code-list values it cites in English
// (their definition's English label), not in French. The expected messages
// are written by hand from the fault types' English templates and the
// English labels of the definitions (lists.go, catalog/actions.json).
func TestFaultMessagesNameValuesInEnglish(t *testing.T) {
	tests := []struct {
		name   string
		faults func() spie.Faults
		code   string
		fr, en string
	}{
		{"fin de contrat (CARNET-RUPTURE-11)", func() spie.Faults {
			b := base()
			b.Contracts = []carnet.Contract{{ID: "k1", Type: "contrat-engagement", Start: "2025-04-01", End: "2025-09-30", SignedOn: "2025-04-01", WeeklyHours: 15}}
			return b.Ruptures("2025-09-01", policy)
		}, "CARNET-RUPTURE-11",
			"fin du contrat Contrat d'engagement le 2025-09-30 sans suite prévue",
			"end of contract Commitment contract on 2025-09-30 with no next step"},
		{"jalon (CARNET-RUPTURE-14)", func() spie.Faults {
			b := base()
			b.Milestones = []carnet.Milestone{{ID: "j1", Kind: "fin-droits-rsa", Date: "2025-07-31"}}
			return b.Ruptures("2025-07-01", policy)
		}, "CARNET-RUPTURE-14", "Fin des droits au RSA le 2025-07-31", "End of RSA rights on 2025-07-31"},
		{"contrat ancien (CARNET-CONTRAT-01)", func() spie.Faults {
			return withContract("1990-05-14", false, carnet.Contract{ID: "k", Type: "cer", Start: "2025-01-01", WeeklyHours: 15}).CheckContracts(policy)
		}, "CARNET-CONTRAT-01",
			"depuis le 2025-01-01, le contrat est un contrat d'engagement (ou CEJ, PACEA) : Contrat d'engagements réciproques (CER, ancien) n'est plus conclu",
			"since 2025-01-01 the contract is a contrat d'engagement (or CEJ, PACEA): Reciprocal commitment contract (CER, legacy) is no longer concluded"},
		{"action reproposée (CARNET-DOUBLON-10)", func() spie.Faults {
			b := base()
			b.Actions = []carnet.Action{
				{ID: "a1", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "realisee", ProposedOn: "2025-04-01"},
				{ID: "a2", CatalogAction: "bilan-de-competences", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-06-01"},
			}
			return b.Duplicates()
		}, "CARNET-DOUBLON-10",
			"Bilan de compétences est proposé à nouveau alors qu'il a déjà été Réalisée (a1)",
			"Skills assessment is proposed again although it was already Done (a1)"},
		{"texte libre reproposé (CARNET-DOUBLON-10)", func() spie.Faults {
			b := base()
			b.Actions = []carnet.Action{
				{ID: "a1", ServiceID: "s1", Thematique: "logement", Status: "abandonnee", ProposedOn: "2025-04-01"},
				{ID: "a2", ServiceID: "s1", Thematique: "logement", Status: "prevue", ProposedOn: "2025-06-01"},
			}
			return b.Duplicates()
		}, "CARNET-DOUBLON-10",
			"le service s1 est proposé à nouveau alors qu'il a déjà été Abandonnée par la personne (a1)",
			"service s1 is proposed again although it was already Abandoned by the person (a1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *spie.Fault
			for _, f := range tt.faults() {
				if f.Code == tt.code {
					got = &f
					break
				}
			}
			require.NotNil(t, got, "faute %s attendue", tt.code)
			assert.Equal(t, tt.fr, got.Message)
			assert.Equal(t, tt.en, got.MessageEN)
		})
	}
}

func TestLabelFor(t *testing.T) {
	assert.Equal(t, spie.Label{FR: "Fin des droits au RSA", EN: "End of RSA rights"}, carnet.MilestoneKinds.LabelFor("fin-droits-rsa"))
	// An unknown key names itself in both languages, as LabelOf does in French.
	assert.Equal(t, spie.Label{FR: "inconnu", EN: "inconnu"}, carnet.MilestoneKinds.LabelFor("inconnu"))
}
