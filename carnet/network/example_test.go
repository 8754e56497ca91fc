package network_test

import (
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/spie/label"
)

// Four people left (secret): since start − exits = end − entries, the
// size at the start is made secret too, and exits can no longer be
// recomputed (42 − 4 = 47 − 9 = 38 people stayed).
func ExampleCohort() {
	ci := network.Cohort(cohort.Movement{Cohort: "laon-18-30", From: "2026-01-01", To: "2026-06-30", AtStart: 42, AtEnd: 47, Entered: 9, Left: 4}, 5)
	b, _ := json.Marshal(ci)
	fmt.Println(string(b))
	// Output: {"cohorte":"laon-18-30","du":"2026-01-01","au":"2026-06-30","effectif_debut":{"secret":true},"effectif_fin":{"valeur":47},"entrees":{"valeur":9},"sorties":{"secret":true}}
}

func ExampleCommittee() {
	ci := network.Committee("CTO SPIE de Laon", committee.Stats{Examined: 22, Solved: 9, InProgress: 8, NoSolution: 5, Due: 40, AnsweredInTime: 34}, 5)
	fmt.Println(ci.Examined, ci.Solved, ci.InProgress, ci.NoSolution, ci.AnsweredInTime, *ci.ShareInTime)
	// Output: 22 9 8 5 34 85
}

func ExampleLabels() {
	for _, c := range network.Labels([]label.Evaluation{{Status: label.StatusLabellisee}, {Status: label.StatusACompleter}}) {
		fmt.Println(c.Status, c.Count)
	}
	// Output:
	// labellisee 1
	// a-completer 1
	// refusee 0
	// suspendue 0
}

func ExampleBuild() {
	r := network.Build(network.Input{
		Date:           "2026-06-30",
		Evaluations:    []label.Evaluation{{Status: label.StatusLabellisee}},
		Movements:      []cohort.Movement{{Cohort: "laon-18-30", AtStart: 3, AtEnd: 6, Entered: 3}},
		CommitteeName:  "CTO SPIE de Laon",
		CommitteeStats: &committee.Stats{Examined: 10, Solved: 10, Due: 12, AnsweredInTime: 12},
	})
	b, _ := json.MarshalIndent(r, "", " ")
	fmt.Println(string(b))
	// Output:
	// {
	//  "date": "2026-06-30",
	//  "seuil_secret": 5,
	//  "structures_par_decision": [
	//   {
	//    "decision": "labellisee",
	//    "libelle": "Labellisée",
	//    "structures": {
	//     "valeur": 1
	//    }
	//   },
	//   {
	//    "decision": "a-completer",
	//    "libelle": "À compléter",
	//    "structures": {
	//     "valeur": 0
	//    }
	//   },
	//   {
	//    "decision": "refusee",
	//    "libelle": "Refusée",
	//    "structures": {
	//     "valeur": 0
	//    }
	//   },
	//   {
	//    "decision": "suspendue",
	//    "libelle": "Label suspendu",
	//    "structures": {
	//     "valeur": 0
	//    }
	//   }
	//  ],
	//  "cohortes": [
	//   {
	//    "cohorte": "laon-18-30",
	//    "du": "",
	//    "au": "",
	//    "effectif_debut": {
	//     "secret": true
	//    },
	//    "effectif_fin": {
	//     "valeur": 6
	//    },
	//    "entrees": {
	//     "secret": true
	//    },
	//    "sorties": {
	//     "valeur": 0
	//    }
	//   }
	//  ],
	//  "comite": {
	//   "comite": "CTO SPIE de Laon",
	//   "situations_examinees": {
	//    "valeur": 10
	//   },
	//   "situations_resolues": {
	//    "valeur": 10
	//   },
	//   "situations_en_cours": {
	//    "valeur": 0
	//   },
	//   "situations_sans_solution": {
	//    "valeur": 0
	//   },
	//   "situations_sans_suite": {
	//    "valeur": 0
	//   },
	//   "demandes_echues": {
	//    "valeur": 12
	//   },
	//   "repondues_dans_delai": {
	//    "valeur": 12
	//   },
	//   "part_repondues_dans_delai": 100
	//  }
	// }
}
