package label_test

import (
	"fmt"

	"github.com/spie-fr/socle/spie/label"
)

func exampleApplication() *label.Application {
	return &label.Application{
		ID: "LAB-77-2024-001", Date: "2024-03-01",
		Structure:            label.Structure{Name: "Association Insertion Melun", SIRET: "77501234700016", NetworkMember: true},
		TrainedProfessionals: []label.TrainedProfessional{{Name: "Inès Garnier", Date: "2022-06-10"}},
		SignedCharters:       []label.SignedCharter{{Kind: "confidentialite", Date: "2023-09-14"}, {Kind: "traitement-donnees", Date: "2023-09-14"}},
		Tools:                label.Tools{SharedDiagnostic: true, Carnet: true},
		Referent:             &label.ReferentSPIE{Name: "Inès Garnier", Email: "ines.garnier@example.fr"},
		Offer:                &label.PublishedOffer{Services: 7, UpdatedAt: "2024-01-20"},
		Prescriptions:        &label.PrescriptionAnswers{From: "2023-09-01", To: "2024-02-29", Received: 84, AnsweredInTime: 79, DelayHours: 72},
		Participation:        []label.Participation{{Kind: "groupe-usagers", Date: "2023-11-05"}},
	}
}

func ExampleEvaluate() {
	ev, faults := label.Evaluate(exampleApplication(), label.DefaultCharter(), "2024-03-15")
	fmt.Println(ev.Status, ev.ValidUntil, *ev.FirstLapse, len(faults))

	app := exampleApplication()
	app.Referent = nil
	ev, _ = label.Evaluate(app, label.DefaultCharter(), "2024-03-15")
	fmt.Println(ev.Status, ev.Missing)

	app.SignedCharters = app.SignedCharters[:1]
	ev, _ = label.Evaluate(app, label.DefaultCharter(), "2024-03-15")
	fmt.Println(ev.Status, ev.Missing)
	for _, c := range ev.Criteria {
		if !c.Met {
			fmt.Println(" -", c.Code, ":", c.Reason)
		}
	}
	// Output:
	// labellisee 2027-03-15 {offre-publiee 2024-07-20} 0
	// a-completer [referent-spie]
	// refusee [chartes-signees referent-spie]
	//  - chartes-signees : non signée(s) : convention de traitement des données
	//  - referent-spie : aucun référent SPIE désigné
}

func ExampleEvaluate_reevaluation() {
	app := exampleApplication()
	app.CurrentLabel = &label.CurrentLabel{Granted: "2022-01-10", ValidUntil: "2025-01-10"}
	app.Offer.UpdatedAt = "2023-06-01" // more than 6 months old
	ev, _ := label.Evaluate(app, label.DefaultCharter(), "2024-03-15")
	fmt.Println(ev.Status, ev.Missing, ev.ValidUntil)
	// Output: suspendue [offre-publiee] 2025-01-10
}

func ExampleDefaultCharter() {
	for _, c := range label.DefaultCharter().Criteria {
		fmt.Println(c.Code, c.Blocking)
	}
	// Output:
	// structure-identifiee true
	// professionnel-forme false
	// chartes-signees true
	// outils-communs false
	// referent-spie false
	// offre-publiee false
	// reponse-72h false
	// participation-usagers false
}

func ExampleCharter_Check() {
	c := label.Charter{Name: "Charte locale", Criteria: []label.Criterion{
		{Code: "offre", Statement: "Offre à jour.", Evidence: []label.Evidence{"offre-catalogue"}, Rule: label.RuleOfferPublished},
	}}
	for _, f := range c.Check() {
		fmt.Println(f.Code, f.Path)
	}
	// Output: LABEL-CRITERE-06 /criteres/0/anciennete_max_mois
}

func ExampleCharter_Validity() {
	fmt.Println(label.DefaultCharter().Validity(), label.Charter{}.Validity())
	// Output: 3 3
}

func ExampleApplication_Check() {
	app := exampleApplication()
	app.Offer.UpdatedAt = "2024-04-01"
	fmt.Println(app.Check("2024-03-15").Codes())
	// Output: [LABEL-CANDIDATURE-10]
}

func ExampleDecodeApplication() {
	_, err := label.DecodeApplication([]byte(`{"id": "LAB-1", "structure": {"nom": "S", "siret": "77501234700016", "membre_reseau": true}, "referent": {}}`))
	fmt.Println(err)
	// Output: candidature illisible : champ inconnu « referent »
}

func ExampleDecodeCharter() {
	c, err := label.DecodeCharter([]byte(`{"nom": "Charte locale", "duree_validite_annees": 2, "criteres": []}`))
	fmt.Println(c.Name, c.Validity(), err, c.Check().Codes())
	// Output: Charte locale 2 <nil> [LABEL-CHARTE-02]
}
