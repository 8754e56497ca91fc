package diagnostic_test

import (
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/diagnostic"
)

const dspSample = `{
  "besoinsParDiagnosticIndividuDtos": [
    {"idMetierChiffre": "m1", "nomMetier": null, "statut": "EN_COURS", "estPrioritaire": true,
     "besoins": [{"code": "9", "libelle": "Réaliser un CV et/ou une lettre de motivation", "valeur": "BESOIN"}]}
  ],
  "contraintesIndividusDto": {
    "conseiller": "AB1234", "dateDeModification": "2026-04-03T10:12:00.000+00:00", "code": "7",
    "contraintes": [
      {"code": "23", "libelle": "Développer sa mobilité", "valeur": "OUI",
       "situations": [{"code": "7", "libelle": "Dépendant des transports en commun", "valeur": "OUI"}],
       "objectifs": [{"code": "28", "libelle": "Obtenir le permis de conduire (code / conduite)", "valeur": "EN_COURS"}]},
      {"code": "99", "libelle": "Inconnue", "valeur": "OUI", "situations": [], "objectifs": []}
    ]
  }
}`

func ExampleImportDSP() {
	d, faults := diagnostic.ImportDSP([]byte(dspSample))
	fmt.Println(d.Date, d.Authors[0].Name)
	mob := d.Freins["mobilite"]
	fmt.Println(mob.Status, mob.Situations[0].Situation, mob.Objectifs[0].Objectif)
	fmt.Println(d.Professional.Besoins)
	fmt.Println(d.Professional.FTProjects[0].ID, d.Professional.FTProjects[0].Status)
	for _, f := range faults {
		fmt.Println(f.Severity, f.Code, f.Path)
	}
	// Output:
	// 2026-04-03 AB1234
	// OUI dependant-des-transports-en-commun obtenir-le-permis-de-conduire
	// map[realiser-cv-lettre-motivation:BESOIN]
	// m1 EN_COURS
	// warning DSP-CONTRAINTE-10 /contraintesIndividusDto/contraintes/0/valeur
	// warning DSP-CONTRAINTE-01 /contraintesIndividusDto/contraintes/1/code
	// warning DSP-IMPORT-01 /id
	// warning DSP-IMPORT-01 /personne/id
	// warning DSP-IMPORT-01 /personne/date_naissance
	// warning DSP-IMPORT-01 /personne/code_commune
	// warning DSP-IMPORT-01 /situation_professionnelle/situation_emploi
	// warning DSP-IMPORT-01 /siret_structure
}

func ExampleExportDSP() {
	d := &diagnostic.Diagnostic{
		ID: "diag-1", Date: "2026-05-18",
		Freins: diagnostic.Freins{
			"logement":                       {Impact: diagnostic.ImpactFort, Situations: []diagnostic.SituationItem{{Situation: "doit-quitter-le-logement", Value: "OUI"}}},
			"sociabilisation-remobilisation": {Impact: diagnostic.ImpactMoyen},
		},
	}
	p, faults := diagnostic.ExportDSP(d)
	b, _ := json.Marshal(p.Contraintes.Items)
	fmt.Println(string(b))
	for _, f := range faults {
		fmt.Println(f.Code, f.Path)
	}
	// France Travail's labels (referentiel.csv: contrainte 27, situation 27);
	// no contrainte date was received, none is invented; the impact level
	// has no DSP equivalent.
	// Output:
	// [{"code":"27","libelle":"Faire face à des difficultés de logement","valeur":"OUI","date":null,"situations":[{"code":"27","libelle":"Doit quitter le logement","valeur":"OUI"}],"objectifs":[]}]
	// DSP-EXPORT-03 /freins/logement/impact
	// DSP-EXPORT-02 /freins/sociabilisation-remobilisation
}

func ExampleParseDSP() {
	p, faults := diagnostic.ParseDSP([]byte(`{"contraintesIndividusDto": {"code": 7, "contraintes": []}}`))
	fmt.Println(p.Contraintes.Code, len(faults))
	_, faults = diagnostic.ParseDSP([]byte(`{`))
	fmt.Println(faults.Codes())
	_, faults = diagnostic.ParseDSP([]byte(`null`))
	fmt.Println(faults.Codes())
	// Output:
	// 7 0
	// [DSP-JSON-01]
	// [DSP-VIDE-01]
}

func ExampleDSPPayload_Diagnostic() {
	p, _ := diagnostic.ParseDSP([]byte(dspSample))
	d, _ := p.Diagnostic()
	fmt.Println(len(d.Freins), d.Freins["mobilite"].Impact)
	// Output: 1 non-aborde
}

// The update was made at 00:30 on 1 June in Laon, 22:30 UTC on 31 May.
func ExampleDSPPayload_DiagnosticIn() {
	stamp := "2026-05-31T22:30:00.000+00:00"
	p := diagnostic.DSPPayload{Contraintes: diagnostic.DSPContraintes{ModifiedAt: &stamp}}
	d, _ := p.DiagnosticIn("02408")
	fmt.Println(d.Date, d.Person.Commune)
	// Output: 2026-06-01 02408
}
