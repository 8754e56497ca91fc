package carnet_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func exampleCarnet() *carnet.Carnet { return exampleCarnetID("c-1") }

func exampleCarnetID(id string) *carnet.Carnet {
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	c, _ := carnet.Create(carnet.Carnet{ID: id, EntryDate: "2025-03-03",
		Person:  carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Professional: "Claire Martin", Start: "2025-03-03"}},
	}, ref, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC))
	return c
}

func ExampleProposePlan() {
	d := &diagnostic.Diagnostic{Date: "2025-03-20",
		Freins: diagnostic.Freins{
			"mobilite": {Impact: diagnostic.ImpactFort},
			"logement": {Impact: diagnostic.ImpactMoyen, PersonView: &diagnostic.PersonView{Priority: 1},
				Objectifs: []diagnostic.ObjectifItem{{Objectif: "acceder-a-un-logement"}}},
		},
		Professional: diagnostic.Professional{Besoins: diagnostic.Besoins{"trouver-sa-formation": diagnostic.BesoinBesoin}},
	}
	for _, o := range carnet.ProposePlan(d) {
		fmt.Println(o.ID, o.Thematique, o.Objectif, o.Source)
	}
	// Output:
	// obj-1 logement acceder-a-un-logement /freins/logement/objectifs/0
	// obj-2 mobilite  /freins/mobilite
	// obj-3 emploi-formation trouver-sa-formation /situation_professionnelle/besoins/trouver-sa-formation
}

func ExampleApply() {
	c := exampleCarnet()
	partner := carnet.Actor{Professional: "Nadia Benali", StructureSIRET: "33188888300013", Role: carnet.RolePartenaire}
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-1",
		Value: carnet.Action{ID: "a-1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-03-10", ProposedBy: partner},
		At:    time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)}, partner)
	fmt.Println(fs.Codes(), len(c.Actions))
	// Output: [CARNET-DROITS-03] 0
}

func ExampleCarnet_Alerts() {
	c := exampleCarnet()
	c.Contracts = []carnet.Contract{{ID: "k-1", Type: carnet.ContractEngagement, SignedOn: "2025-03-20", Start: "2025-03-20", End: "2025-09-19", WeeklyHours: 15}}
	for _, f := range c.Alerts("2025-09-01", carnet.DefaultPolicy()) {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// CARNET-RUPTURE-11 /contrats/0/date_fin
	// CARNET-DELAI-17 /diagnostic
	// CARNET-PDV-10 /rendez_vous
}

func ExampleCarnet_FollowUp() {
	c := exampleCarnet()
	c.Contacts = []carnet.Contact{
		{ID: "r-1", Date: "2025-04-01", Kind: carnet.ContactAppointment, Channel: "presentiel", Result: carnet.ResultHonoured},
		{ID: "x-1", Date: "2025-05-01", Kind: carnet.ContactRelance, Channel: "sms", Result: carnet.ResultNoAnswer},
		{ID: "x-2", Date: "2025-05-08", Kind: carnet.ContactRelance, Channel: "telephone", Result: carnet.ResultNoAnswer},
		{ID: "x-3", Date: "2025-05-22", Kind: carnet.ContactRelance, Channel: "courrier", Result: carnet.ResultNoAnswer},
	}
	f := c.FollowUp("2025-05-22", carnet.DefaultPolicy())
	fmt.Println(f.State, f.Relances, f.Since)
	// Output: perdu-de-vue 3 2025-05-22
}

func ExampleMerge() {
	a, b := exampleCarnetID("c-1"), exampleCarnetID("c-2")
	// Claire Martin is référent of both: she may write their members.
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	m, fs := carnet.Merge(a, b, ref, "2025-03-04")
	// Each carnet's m-1 is its own item (origin c-1, origin c-2): both are
	// kept, two référent records are active, the merge warns.
	fmt.Println(m.ID, m.Merged, len(m.Members), len(m.Journal), fs.Codes())
	outsider := carnet.Actor{Professional: "Nadia Benali", StructureSIRET: "33188888300013", Role: carnet.RolePartenaire}
	_, fs = carnet.Merge(a, b, outsider, "2025-03-04")
	fmt.Println(fs.Codes())
	// Output:
	// c-1 [c-2] 2 2 [CARNET-FUSION-11]
	// [CARNET-DROITS-02]
}

func ExampleComputeIndicators() {
	in := strings.Repeat(`{"version_schema":"1.0","id":"c","date_entree":"2025-01-06","personne":{"id":"p","date_naissance":"1990-01-01","code_commune":"02408"}}`+"\n", 6)
	rep, _ := carnet.ComputeIndicators(strings.NewReader(in), "2025-06-30", carnet.DefaultPolicy())
	g := rep.Groups[0]
	fmt.Println(g.Dimension, *g.People, *g.Values["sans-solution"].Count, g.Values["diagnostic-1-mois"].Suppressed)
	// Output: ensemble 6 6 false
}

func ExamplePurge() {
	c := exampleCarnet()
	kept, purged, refused := carnet.Purge([]*carnet.Carnet{c}, "2027-03-04", carnet.DefaultPolicy())
	fmt.Println(len(kept), purged[0].CarnetID, purged[0].RetentionDate, len(refused))
	// Output: 0 c-1 2027-03-03 0
}

func ExampleExport() {
	e := carnet.Export(exampleCarnet(), spie.Date("2025-04-01"), carnet.DefaultPolicy())
	fmt.Println(e.Access[0].Role, len(e.Access[0].Sections), e.RetentionDate)
	// Output: referent 11 2027-03-03
}

func ExampleDesignate() {
	c := exampleCarnet()
	c.Members = append(c.Members, carnet.Member{ID: "m-2", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: "44400000400010", Professional: "Jean Roy", Start: "2025-03-03"})
	c.Consents = []carnet.SharingConsent{{ID: "k-1", StructureSIRET: "44400000400010", Date: "2025-03-03", Scope: []carnet.Section{carnet.SectionMembres}}}
	coordinator := carnet.Actor{Professional: "Jean Roy", StructureSIRET: "44400000400010", Role: carnet.RoleCoordinateurSPIE}
	itself := carnet.Member{ID: "m-3", Role: carnet.RoleReferent, StructureSIRET: "44400000400010", Professional: "Jean Roy", Start: "2025-04-01"}
	other := carnet.Member{ID: "m-3", Role: carnet.RoleReferent, StructureSIRET: "13002526500013", Professional: "Paul Durand", Start: "2025-04-01"}
	fmt.Println(carnet.Designate(c, coordinator, nil, &itself, "2025-04-01").Code)
	fmt.Println(carnet.Designate(c, coordinator, nil, &other, "2025-04-01").Code)
	person := carnet.Actor{Professional: "p-1", Role: carnet.RoleUsager}
	fmt.Println(carnet.Designate(c, person, nil, &other, "2025-04-01") == nil)
	// Output:
	// CARNET-DROITS-07
	// CARNET-DROITS-06
	// true
}

func ExampleAsOf() {
	c := exampleCarnet()
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	_ = carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetActions, ID: "a-1",
		Value: carnet.Action{ID: "a-1", CatalogAction: "pmsmp", Thematique: "emploi-formation", Status: "prevue", ProposedOn: "2025-05-01", ProposedBy: ref},
		At:    time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)}, ref)
	fmt.Println(len(carnet.AsOf(c, "2025-04-30").Actions), len(carnet.AsOf(c, "2025-05-01").Actions))
	// Output: 0 1
}

func ExampleCheckValues() {
	k := carnet.Contact{ID: "r-1", Date: "03/03/2025", Kind: "rendez-vous", Channel: "pigeon", Result: "honore"}
	for _, f := range carnet.CheckValues(k, "/rendez_vous/r-1") {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// CARNET-VALEUR-02 /rendez_vous/r-1/date
	// CARNET-VALEUR-01 /rendez_vous/r-1/canal
}

func ExampleWithClock() {
	c := exampleCarnet()
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	now := time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC)
	add := func(id string, at time.Time) spie.Faults {
		return carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: id, At: at,
			Value: carnet.Contact{ID: id, Date: "2025-04-01", Kind: "rendez-vous", Channel: "presentiel", Result: "honore"}},
			ref, carnet.WithClock(func() time.Time { return now }))
	}
	fmt.Println(add("r-1", now.Add(6*time.Minute)).Codes(), add("r-2", now.Add(4*time.Minute)).Codes(), len(c.Contacts))
	// Output: [CARNET-CHANGE-07] [] 1
}

func ExampleCarnet_Retention() {
	c := exampleCarnet()
	c.EntryDate = "2025-02-30"
	d, fs := c.Retention("2030-01-01", carnet.DefaultPolicy())
	fmt.Printf("%q %v\n", d, fs.Codes())
	_, _, refused := carnet.Purge([]*carnet.Carnet{c}, "2030-01-01", carnet.DefaultPolicy())
	fmt.Println(refused[0].CarnetID, refused[0].Faults[0].Path)
	// Output:
	// "" [CARNET-CONSERVATION-01]
	// c-1 /date_entree
}

func ExampleMayReadNIR() {
	c := exampleCarnet()
	c.Members = append(c.Members,
		carnet.Member{ID: "m-2", Role: carnet.RoleCoReferent, StructureSIRET: "13002526500013", Start: "2025-03-03"},
		carnet.Member{ID: "m-3", Role: carnet.RoleCoReferent, StructureSIRET: "77500000300019", Start: "2025-03-03", AccessNIR: true})
	for _, siret := range []spie.SIRET{"13002526500013", "77500000300019"} {
		v := carnet.Viewer{Actor: carnet.Actor{Professional: "Nadia Benali", Role: carnet.RoleCoReferent, StructureSIRET: siret}, On: "2025-04-01"}
		fmt.Println(siret, carnet.MayReadNIR(c, v))
	}
	// a professional who does not say who they are is not identified (Authorize)
	anonymous := carnet.Viewer{Actor: carnet.Actor{Role: carnet.RoleCoReferent, StructureSIRET: "77500000300019"}, On: "2025-04-01"}
	fmt.Println("anonyme", carnet.MayReadNIR(c, anonymous))
	// Output:
	// 13002526500013 false
	// 77500000300019 true
	// anonyme false
}
