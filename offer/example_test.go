package offer_test

import (
	"fmt"
	"strings"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/spie"
)

func ExampleDecodeService() {
	_, faults := offer.DecodeService([]byte(`{"source":"dora","structure_id":"dora--1","id":"dora--2",
		"nom":"Atelier numérique","description":"Prendre en main un ordinateur.","date_maj":"2025-05-02",
		"courriel":"contact@localhost","siret_inconnu":"1"}`), now)
	for _, f := range faults {
		fmt.Println(f.Path, f.Code, f.Severity)
	}
	// Output:
	// /courriel OFFRE-COURRIEL-01 error
	// /siret_inconnu OFFRE-CHAMP-01 warning
}

func ExampleLoadServices() {
	ndjson := `{"source":"t","structure_id":"t--1","id":"t--a","nom":"Aide au permis","description":"Financer le permis B.","date_maj":"2025-01-01"}
{"source":"t","structure_id":"t--1","id":"t--b","nom":"Atelier","description":"Atelier CV.","date_maj":"2999-01-01"}
`
	svs, err := offer.LoadServices(strings.NewReader(ndjson), now, func(i int, id string, fs spie.Faults) {
		fmt.Println("élément", i, id, fs.Codes())
	})
	fmt.Println(len(svs), err)
	// Output:
	// élément 1 t--b [OFFRE-DATE-03]
	// 2 <nil>
}

func ExampleCompletenessOf() {
	s := &offer.Service{Description: strings.Repeat("Un accompagnement individuel et collectif. ", 8), DateMaj: "2026-01-10",
		ModesMobilisation: []offer.ModeMobilisation{offer.ModeMobilisationTelephone}}
	q := offer.CompletenessOf(s, now)
	fmt.Println(q.Score)
	for _, c := range q.Criteria[:3] {
		fmt.Println(c.Key, c.Value)
	}
	// Output:
	// 0.29
	// fraicheur 1
	// description 1
	// contact 0
}

func ExampleCatalogue_Duplicates() {
	sts, svs := offertest.NewGenerator(9, now, offertest.AisneTowns).Catalogue("dora", 60)
	c, _ := offer.NewCatalogue(svs, sts)
	for _, d := range c.Duplicates() {
		fmt.Println(d.A, d.B, d.CrossSource)
	}
	// Output:
	// dora--svc00000-00 partenaire--dora--svc00000-00 true
	// dora--svc00005-00 dora--svc00005-02 false
	// dora--svc00016-00 dora--svc00016-01 false
	// dora--svc00018-02 partenaire--dora--svc00018-02 true
}

func ExampleConvertV0() {
	conv, _ := offer.ConvertV0([]byte(`{"id":"s--1","structure_id":"s--0","source":"s","nom":"Permis solidaire",
		"presentation_resume":"Préparer son permis.","date_maj":"2025-01-01","profils":["jeunes-16-26","adultes"],
		"frais":["gratuit-sous-conditions"],"zone_diffusion_type":"departement","zone_diffusion_code":"02"}`))
	fmt.Println(conv.Service.Publics, *conv.Service.Frais, conv.Service.ZoneEligibilite)
	for _, l := range conv.Losses {
		fmt.Println(l.Path, l.Value)
	}
	// Output:
	// [jeunes] gratuit [02]
	// /frais/0 gratuit-sous-conditions
	// /profils/1 adultes
}

func ExamplePrescription_Send() {
	p := offertest.Prescription(now)
	p.Sender = offer.Sender{Role: offer.SenderPersonne}
	p.Service.MobilisablePar = []offer.PersonneMobilisatrice{offer.MobilisableParProfessionnels}
	for _, f := range p.Send(now, "p-1") {
		fmt.Println(f.Code, f.Message)
	}
	fmt.Println(p.State)
	// Output:
	// PRESC-MOBILISABLE-10 le service n'est pas mobilisable par La personne elle-même (auto-prescription)
	// brouillon
}

func ExampleStream() {
	array := `[{"id":"a"}, {"id":"b"}]`
	_ = offer.Stream(strings.NewReader(array), func(i int, raw offer.RawJSON) error {
		fmt.Println(i, string(raw))
		return nil
	})
	// Output:
	// 0 {"id":"a"}
	// 1 {"id":"b"}
}

func ExampleCatalogue_Eligible() {
	c, _ := offer.NewCatalogue(nil, nil)
	s := &offer.Service{ZoneEligibilite: []offer.ZoneCode{"200043495"}} // CA du Pays de Laon
	fmt.Println(c.Eligible(s, "02408"))
	fmt.Println(c.Eligible(s, "02691"))
	// Output:
	// zone : intercommunalité 200043495 true
	//  false
}

func ExamplePrescription_FollowUp() {
	p := offertest.Prescription(now)
	_ = p.Send(now, "referent-1")
	f, _ := p.FollowUp(now.AddDate(0, 0, 11), offer.DefaultDeadlines)
	fmt.Println(f.AnswerLate, f.ReminderDue, f.Expired, f.ExpiresAt.Format("2006-01-02"))
	// Output: true true false 2026-04-14
}

func ExampleDistanceKm() {
	laon := offer.Point{Lat: 49.5641, Lon: 3.6199}
	soissons := offer.Point{Lat: 49.3817, Lon: 3.3236}
	fmt.Printf("%.1f km\n", offer.DistanceKm(laon, soissons))
	// Output: 29.5 km
}

func ExampleStructure_Check() {
	_, faults := offer.DecodeStructure([]byte(`{"source":"dora","id":"dora--1","nom":"Centre social.",
		"date_maj":"2025-01-01","siret":"13003013300017","reseaux_porteurs":["caf","caf"]}`), now)
	for _, f := range faults {
		fmt.Println(f.Path, f.Code, f.Severity)
	}
	// Output:
	// /nom OFFRE-NOM-01 warning
	// /reseaux_porteurs/1 OFFRE-LISTE-01 error
	// /siret OFFRE-SIRET-01 warning
}
