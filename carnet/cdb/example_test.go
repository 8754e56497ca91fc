package cdb_test

import (
	"fmt"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cdb"
)

// A notebook of 2022: its target still carries the label the carnet de bord
// renamed in 2023 ("Travailler l’accès aux droits"), one action is typed
// outside the referential. The current référent's structure opens the
// carnet.
func ExampleImport() {
	doc := []byte(`{
 "id": "nb-1", "created_at": "2022-03-01 09:00:00+00",
 "beneficiary": {"id": "p-1", "date_of_birth": "1980-05-04", "firstname": "Léa", "lastname": "Martin"},
 "members": [{"id": "m-1", "account_id": "acc-1", "member_type": "referent", "active": true, "created_at": "2022-03-01 09:00:00+00",
   "account": {"professional": {"firstname": "Paul", "lastname": "Roux", "structure": {"siret": "22020000000010"}}}}],
 "focuses": [{"id": "f-1", "theme": "difficulte_administrative", "created_at": "2022-03-01 09:05:00+00",
   "targets": [{"id": "t-1", "target": "Travailler l’accès aux droits", "status": "in_progress", "created_at": "2022-03-01 09:06:00+00",
     "actions": [{"id": "a-1", "action": "Rendez-vous à la sous-préfecture de Vervins", "status": "planned", "creator_id": "acc-1", "created_at": "2022-03-01 09:07:00+00"}]}]}]
}`)
	n, fs := cdb.Parse(doc)
	if n == nil {
		fmt.Println(fs)
		return
	}
	at := time.Date(2024, 2, 1, 10, 0, 0, 0, time.UTC)
	c, rep, fs := cdb.Import(n, cdb.Options{SIRET: "22020000000010", Commune: "02408", At: at,
		CarnetOptions: []carnet.Option{carnet.WithClock(func() time.Time { return at })}})
	fmt.Println("objectif :", c.Objectifs[0].Objectif)
	fmt.Println("action en libellé libre :", c.Actions[0].FreeLabel)
	for _, l := range rep.Lines {
		fmt.Println(l.Source, l.Outcome)
	}
	for _, f := range fs {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// objectif : accompagnement-acces-aux-droits
	// action en libellé libre : Rendez-vous à la sous-préfecture de Vervins
	// /members/0 repris
	// /focuses/0/targets/0 repris-ancien-libelle
	// /focuses/0/targets/0/actions/0 libelle-libre
	// CARNET-IMPORT-10 /beneficiary
	// CARNET-IMPORT-11 /focuses/0/targets/0/target
	// CARNET-IMPORT-12 /focuses/0/targets/0/actions/0/action
}
