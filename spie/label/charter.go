package label

import (
	"embed"
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/spie"
)

const sourceCharte = "Charte SPIE de Seine-et-Marne ; RULES.md §11"

// Charter is a labelling charter: its criteria and the validity of a label.
type Charter struct {
	// Nom de la charte.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Version de la charte.
	Version string `json:"version,omitempty" jsonschema:"maxLength=50"`
	// Source de la charte (texte adopté, délibération…).
	Source string `json:"source,omitempty" jsonschema:"maxLength=500"`
	// Durée de validité d'un label, en années (3 par défaut).
	ValidityYears int `json:"duree_validite_annees,omitempty" jsonschema:"minimum=1,maximum=10"`
	// Critères de la charte.
	Criteria []Criterion `json:"criteres" jsonschema:"minItems=1,maxItems=50"`
}

// Criterion is one criterion of a charter.
type Criterion struct {
	// Code du critère, stable (par exemple « structure-identifiee »).
	Code string `json:"code" jsonschema:"minLength=1,maxLength=60,pattern=^[a-z0-9]+(-[a-z0-9]+)*$"`
	// Énoncé du critère, en français.
	Statement string `json:"enonce" jsonschema:"minLength=1,maxLength=1000"`
	// Un critère bloquant non rempli entraîne le refus du label.
	Blocking bool `json:"bloquant"`
	// Pièces justificatives attendues.
	Evidence []Evidence `json:"preuves" jsonschema:"minItems=1,maxItems=10"`
	// Règle qui vérifie le critère sur la candidature.
	Rule Rule `json:"regle"`
	// Ancienneté maximale de la preuve, en mois (formation, mise à jour de l'offre, participation).
	MaxAgeMonths int `json:"anciennete_max_mois,omitempty" jsonschema:"minimum=1,maximum=120"`
	// Délai maximal, en heures (réponse aux prescriptions).
	MaxHours int `json:"delai_max_heures,omitempty" jsonschema:"minimum=1,maximum=720"`
	// Part minimale, en pour cent (prescriptions répondues dans le délai).
	MinSharePercent int `json:"part_min_pourcent,omitempty" jsonschema:"minimum=1,maximum=100"`
}

//go:embed charte-defaut.json
var charterFS embed.FS

// DefaultCharter returns the default charter of RULES.md §11 (a fresh copy).
func DefaultCharter() Charter {
	b, err := charterFS.ReadFile("charte-defaut.json")
	if err != nil {
		panic(err) // build defect: the file is embedded
	}
	var c Charter
	if err := json.Unmarshal(b, &c); err != nil {
		panic(fmt.Errorf("charte par défaut illisible : %w", err))
	}
	return c
}

// Validity returns the validity of a label in years.
func (c Charter) Validity() int {
	if c.ValidityYears > 0 {
		return c.ValidityYears
	}
	return 3
}

// Fault types of charters.
var (
	FaultCharterName      = &spie.FaultType{Code: "LABEL-CHARTE-01", Severity: spie.SeverityError, FR: "nom de la charte manquant", EN: "missing charter name", Source: "RULES.md §11 : charte de labellisation (Seine-et-Marne)"}
	FaultCharterEmpty     = &spie.FaultType{Code: "LABEL-CHARTE-02", Severity: spie.SeverityError, FR: "la charte ne compte aucun critère", EN: "the charter has no criterion", Source: "RULES.md §11 : la charte énonce des critères"}
	FaultCharterValidity  = &spie.FaultType{Code: "LABEL-CHARTE-03", Severity: spie.SeverityError, FR: "durée de validité hors des bornes (1 à 10 ans)", EN: "validity out of range (1 to 10 years)", Source: "RULES.md §11 : validité du label (3 ans par défaut), bornes propres à socle"}
	FaultCriterionCode    = &spie.FaultType{Code: "LABEL-CRITERE-01", Severity: spie.SeverityError, FR: "code du critère manquant ou mal formé (minuscules, chiffres et tirets)", EN: "missing or malformed criterion code", Source: "format de la charte de socle : code stable du critère"}
	FaultCriterionText    = &spie.FaultType{Code: "LABEL-CRITERE-02", Severity: spie.SeverityError, FR: "énoncé du critère manquant", EN: "missing criterion statement", Source: "RULES.md §11 : chaque critère a un énoncé"}
	FaultCriterionRule    = &spie.FaultType{Code: "LABEL-CRITERE-03", Severity: spie.SeverityError, FR: "règle de vérification inconnue : %q", EN: "unknown rule: %q", Source: "RULES.md §11 : règles de vérification des critères par défaut"}
	FaultCriterionProof   = &spie.FaultType{Code: "LABEL-CRITERE-04", Severity: spie.SeverityError, FR: "pièce justificative inconnue : %q", EN: "unknown evidence: %q", Source: "RULES.md §11 : pièces justificatives des critères"}
	FaultCriterionNoProof = &spie.FaultType{Code: "LABEL-CRITERE-05", Severity: spie.SeverityError, FR: "aucune pièce justificative attendue", EN: "no evidence required", Source: "RULES.md §11 : chaque critère se prouve par une pièce"}
	FaultCriterionParam   = &spie.FaultType{Code: "LABEL-CRITERE-06", Severity: spie.SeverityError, FR: "la règle %s exige le paramètre %s", EN: "rule %s needs parameter %s", Source: "RULES.md §11 : paramètres des règles (3 ans, 6 mois, 72 heures)"}
	FaultCriterionRange   = &spie.FaultType{Code: "LABEL-CRITERE-07", Severity: spie.SeverityError, FR: "paramètre hors des bornes : %s", EN: "parameter out of range: %s", Source: "RULES.md §11 : paramètres des règles, bornes propres à socle"}
	FaultCriterionTwice   = &spie.FaultType{Code: "LABEL-CRITERE-10", Severity: spie.SeverityError, FR: "code de critère répété : %q", EN: "repeated criterion code: %q", Source: "format de la charte de socle : codes de critères uniques"}
	FaultRuleTwice        = &spie.FaultType{Code: "LABEL-CRITERE-11", Severity: spie.SeverityWarning, FR: "la règle %s vérifie déjà le critère %q", EN: "rule %s already checks criterion %q", Source: "RULES.md §11 : une règle vérifie un seul critère"}
)

// Check returns the faults of the charter: a charter with errors cannot be
// used to evaluate.
func (c Charter) Check() spie.Faults {
	var fs spie.Faults
	if isBlank(c.Name) {
		fs = append(fs, FaultCharterName.At(spie.Pointer("nom")))
	}
	if c.ValidityYears < 0 || c.ValidityYears > 10 {
		fs = append(fs, FaultCharterValidity.At(spie.Pointer("duree_validite_annees")))
	}
	if len(c.Criteria) == 0 {
		fs = append(fs, FaultCharterEmpty.At(spie.Pointer("criteres")))
	}
	codes := map[string]bool{}
	rules := map[Rule]string{}
	for i, cr := range c.Criteria {
		p := spie.Pointer("criteres", i)
		switch {
		case !codeRE().MatchString(cr.Code):
			fs = append(fs, FaultCriterionCode.At(spie.Join(p, "code")))
		case codes[cr.Code]:
			fs = append(fs, FaultCriterionTwice.At(spie.Join(p, "code"), cr.Code))
		}
		codes[cr.Code] = true
		if isBlank(cr.Statement) {
			fs = append(fs, FaultCriterionText.At(spie.Join(p, "enonce")))
		}
		if len(cr.Evidence) == 0 {
			fs = append(fs, FaultCriterionNoProof.At(spie.Join(p, "preuves")))
		}
		for j, e := range cr.Evidence {
			if !EvidenceKinds.Has(string(e)) {
				fs = append(fs, FaultCriterionProof.At(spie.Join(p, "preuves", j), string(e)))
			}
		}
		if !Rules.Has(string(cr.Rule)) {
			fs = append(fs, FaultCriterionRule.At(spie.Join(p, "regle"), string(cr.Rule)))
			continue
		}
		if prev, ok := rules[cr.Rule]; ok {
			fs = append(fs, FaultRuleTwice.At(spie.Join(p, "regle"), cr.Rule, prev))
		}
		rules[cr.Rule] = cr.Code
		fs = append(fs, cr.checkParams(p)...)
	}
	fs.Sort()
	return fs
}

func (cr Criterion) checkParams(p string) spie.Faults {
	var fs spie.Faults
	need := func(name string, v int, lo, hi int) {
		switch {
		case v == 0:
			fs = append(fs, FaultCriterionParam.At(spie.Join(p, name), cr.Rule, name))
		case v < lo || v > hi:
			fs = append(fs, FaultCriterionRange.At(spie.Join(p, name), fmt.Sprintf("%s de %d à %d", name, lo, hi)))
		}
	}
	switch cr.Rule {
	case RuleTrainedProfessional, RuleOfferPublished, RuleUserParticipation:
		need("anciennete_max_mois", cr.MaxAgeMonths, 1, 120)
	case RuleAnswerDelay:
		need("delai_max_heures", cr.MaxHours, 1, 720)
		need("part_min_pourcent", cr.MinSharePercent, 1, 100)
	}
	return fs
}
