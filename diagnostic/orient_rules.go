package diagnostic

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/spie-fr/socle/spie"
)

// OrientationRulesVersion is the version of the orientation rules format.
const OrientationRulesVersion = "1.0"

// maxRulesSize bounds a rules file read by LoadOrientationRules (1 Mio).
const maxRulesSize = 1 << 20

// maxConditionDepth bounds the nesting of conditions in a rules file.
const maxConditionDepth = 8

//go:embed orient_rules.json
var defaultOrientationRulesJSON []byte

// DefaultOrientationRulesJSON returns a copy of the embedded default rules
// (RULES.md §3 and §4), the starting point of a territory's own file.
func DefaultOrientationRulesJSON() []byte { return bytes.Clone(defaultOrientationRulesJSON) }

// Fault types of an orientation rules file. 01–09: one field; 10–19:
// coherence between fields.
var (
	FaultRulesJSON        = &spie.FaultType{Code: "ORIENT-JSON-01", Severity: spie.SeverityError, FR: "fichier de règles illisible : %[1]s", EN: "unreadable rules file: %[2]s", Source: "RFC 8259 ; format des règles d'orientation de socle (regles-orientation)"}
	FaultRulesVersion     = &spie.FaultType{Code: "ORIENT-VERSION-01", Severity: spie.SeverityError, FR: "version du format de règles inconnue : %q (attendue : %s)", EN: "unknown rules format version %q (expected %s)", Source: "version du format des règles d'orientation de socle"}
	FaultRulesID          = &spie.FaultType{Code: "ORIENT-ID-01", Severity: spie.SeverityError, FR: "identifiant obligatoire (lettres minuscules, chiffres et tirets)", EN: "an identifier is required (lower-case letters, digits and hyphens)", Source: "format des règles d'orientation de socle : identifiant stable de chaque règle (explicabilité, RULES.md §3)"}
	FaultRulesIDDup       = &spie.FaultType{Code: "ORIENT-ID-10", Severity: spie.SeverityError, FR: "l'identifiant de règle %q est utilisé deux fois", EN: "rule identifier %q is used twice", Source: "format des règles d'orientation de socle : identifiant unique (explicabilité, RULES.md §3)"}
	FaultRulesMonths      = &spie.FaultType{Code: "ORIENT-DUREE-01", Severity: spie.SeverityError, FR: "durée hors des bornes : %d (attendue entre %d et %d)", EN: "duration out of range: %d (expected %d to %d)", Source: "RULES.md §3 : activité professionnelle dans les 24 derniers mois (logigramme de juillet 2024), bornes des règles"}
	FaultRulesThematique  = &spie.FaultType{Code: "ORIENT-THEMATIQUE-01", Severity: spie.SeverityError, FR: "thématique de frein inconnue : %q", EN: "unknown barrier theme: %q", Source: "RULES.md §1 : les dix thématiques SPIE"}
	FaultRulesThemEmpty   = &spie.FaultType{Code: "ORIENT-THEMATIQUE-02", Severity: spie.SeverityError, FR: "au moins une thématique de frein est nécessaire", EN: "at least one barrier theme is required", Source: "RULES.md §3 : l'impact le plus fort parmi les freins (logigramme de juillet 2024)"}
	FaultRulesThemDup     = &spie.FaultType{Code: "ORIENT-THEMATIQUE-10", Severity: spie.SeverityError, FR: "thématique %q citée deux fois", EN: "theme %q listed twice", Source: "format des règles d'orientation de socle"}
	FaultRulesEmpty       = &spie.FaultType{Code: "ORIENT-REGLES-01", Severity: spie.SeverityError, FR: "au moins une règle est nécessaire", EN: "at least one rule is required", Source: "RULES.md §3 : décision par défaut en règles ordonnées"}
	FaultRulesNoDefault   = &spie.FaultType{Code: "ORIENT-REGLES-10", Severity: spie.SeverityError, FR: "la dernière règle doit s'appliquer sans condition (« sinon »)", EN: "the last rule must apply unconditionally (\"otherwise\")", Source: "RULES.md §3 : « global » sinon, toute personne reçoit une décision"}
	FaultRulesUnreachable = &spie.FaultType{Code: "ORIENT-REGLES-11", Severity: spie.SeverityError, FR: "règle inatteignable : une règle sans condition la précède", EN: "unreachable rule: an unconditional rule precedes it", Source: "RULES.md §3 : règles ordonnées, une règle sans condition clôt la liste"}
	FaultRulesPathway     = &spie.FaultType{Code: "ORIENT-PARCOURS-01", Severity: spie.SeverityError, FR: "parcours inconnu : %q", EN: "unknown pathway: %q", Source: "RULES.md §3 : trois parcours, emploi, global, social (arrêté du 21 novembre 2024)"}
	FaultRulesOrg         = &spie.FaultType{Code: "ORIENT-ORGANISATION-01", Severity: spie.SeverityError, FR: "organisation référente inconnue : %q", EN: "unknown referent organisation: %q", Source: "RULES.md §3 : organisations référentes (Département, France Travail, Mission locale, Cap emploi)"}
	FaultRulesDecider     = &spie.FaultType{Code: "ORIENT-DECIDEUR-01", Severity: spie.SeverityError, FR: "décideur inconnu : %q", EN: "unknown decision maker: %q", Source: "RULES.md §3 : le président du conseil départemental oriente les bénéficiaires du RSA, sinon France Travail (CASF D262-65-2)"}
	FaultCondShape        = &spie.FaultType{Code: "ORIENT-CONDITION-01", Severity: spie.SeverityError, FR: "une condition est soit « tous », soit « un_parmi », soit un « critere » avec un seul opérateur", EN: "a condition is either \"tous\", \"un_parmi\" or one \"critere\" with a single operator", Source: "format des règles d'orientation de socle : forme d'une condition"}
	FaultCondCriterion    = &spie.FaultType{Code: "ORIENT-CONDITION-02", Severity: spie.SeverityError, FR: "critère d'orientation inconnu : %q", EN: "unknown orientation criterion: %q", Source: "RULES.md §3 : critères du logigramme (critères CNE, arrêté du 21 novembre 2024)"}
	FaultCondOperator     = &spie.FaultType{Code: "ORIENT-CONDITION-03", Severity: spie.SeverityError, FR: "opérateur %q inadapté au critère %q", EN: "operator %q does not fit criterion %q", Source: "format des règles d'orientation de socle : opérateurs par type de critère"}
	FaultCondValue        = &spie.FaultType{Code: "ORIENT-CONDITION-04", Severity: spie.SeverityError, FR: "valeur inconnue %q pour le critère %q", EN: "unknown value %q for criterion %q", Source: "RULES.md §2 et §3 : valeurs des critères (échelles du diagnostic)"}
	FaultCondEmpty        = &spie.FaultType{Code: "ORIENT-CONDITION-05", Severity: spie.SeverityError, FR: "liste de conditions vide", EN: "empty list of conditions", Source: "format des règles d'orientation de socle : une liste de conditions n'est pas vide"}
	FaultCondDepth        = &spie.FaultType{Code: "ORIENT-CONDITION-06", Severity: spie.SeverityError, FR: "conditions imbriquées sur plus de %d niveaux", EN: "conditions nested deeper than %d levels", Source: "hygiène d'entrée propre à socle : profondeur maximale des conditions"}
	FaultCondPathway      = &spie.FaultType{Code: "ORIENT-CONDITION-10", Severity: spie.SeverityError, FR: "le critère « parcours » ne peut servir qu'aux règles d'organisation et de décideur", EN: "the \"parcours\" criterion may only be used by organisation and decision-maker rules", Source: "RULES.md §3 : l'organisation référente et le décideur dépendent du parcours décidé"}
)

// OrientationRules are the orientation criteria of a territory: the ordered
// rules that choose the pathway, the organisation référente and who decides,
// and the deadlines of RULES.md §4. They are data: the default
// (DefaultOrientationRules) is an embedded JSON file, and a territory loads
// its own with LoadOrientationRules. Loaded rules are read-only.
type OrientationRules struct {
	// Adresse du schéma JSON des règles (pour les éditeurs).
	Schema string `json:"$schema,omitempty" jsonschema:"const=https://spie-fr.github.io/socle/schemas/v1/regles-orientation.json"`
	// Version du format des règles.
	Version string `json:"version" jsonschema:"enum=1.0"`
	// Identifiant des règles (par exemple cne-2024 ou 77-codiagnostic).
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9-]+$,maxLength=64"`
	// Intitulé des règles.
	Label string `json:"libelle" jsonschema:"minLength=1,maxLength=300"`
	// Texte ou document d'où viennent les règles.
	Source string `json:"source,omitempty" jsonschema:"maxLength=2000"`
	// Une activité professionnelle est récente si elle date de moins de ce nombre de mois.
	RecentActivityMonths int `json:"activite_recente_mois" jsonschema:"minimum=1,maximum=120"`
	// Thématiques de frein dont l'impact le plus fort est retenu ; une thématique non abordée laisse l'impact inconnu.
	FreinThematiques []FreinThematique `json:"thematiques_freins" jsonschema:"minItems=1,uniqueItems=true"`
	// Règles du parcours, dans l'ordre : la première qui s'applique décide.
	Pathways []PathwayRule `json:"parcours" jsonschema:"minItems=1,maxItems=100"`
	// Règles de l'organisation référente, dans l'ordre.
	Organisations []OrganisationRule `json:"organisations" jsonschema:"minItems=1,maxItems=100"`
	// Règles du décideur de l'orientation, dans l'ordre.
	Deciders []DeciderRule `json:"decideurs" jsonschema:"minItems=1,maxItems=100"`
	// Délais (RULES.md §4).
	Deadlines DeadlineRules `json:"delais"`

	compiled *compiledRules
}

// PathwayRule chooses a pathway when its condition holds.
type PathwayRule struct {
	// Identifiant de la règle.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9-]+$,maxLength=64"`
	// Parcours retenu.
	Pathway Pathway `json:"parcours"`
	// Intitulé de la règle.
	Label string `json:"libelle,omitempty" jsonschema:"maxLength=300"`
	// Condition ; absente, la règle s'applique toujours (« sinon »).
	If *Condition `json:"si,omitempty"`
}

// OrganisationRule chooses the organisation référente when its condition holds.
type OrganisationRule struct {
	// Identifiant de la règle.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9-]+$,maxLength=64"`
	// Organisation référente retenue.
	Organisation Organisation `json:"organisation"`
	// Intitulé de la règle.
	Label string `json:"libelle,omitempty" jsonschema:"maxLength=300"`
	// Condition ; absente, la règle s'applique toujours.
	If *Condition `json:"si,omitempty"`
}

// DeciderRule chooses who decides the orientation when its condition holds.
type DeciderRule struct {
	// Identifiant de la règle.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9-]+$,maxLength=64"`
	// Qui décide de l'orientation.
	Decider Decider `json:"decideur"`
	// Intitulé de la règle.
	Label string `json:"libelle,omitempty" jsonschema:"maxLength=300"`
	// Condition ; absente, la règle s'applique toujours.
	If *Condition `json:"si,omitempty"`
}

// Condition is a test on the orientation criteria: all of (tous), one of
// (un_parmi), or one criterion compared with a single operator.
type Condition struct {
	// Toutes ces conditions.
	All []Condition `json:"tous,omitempty"`
	// Au moins une de ces conditions.
	Any []Condition `json:"un_parmi,omitempty"`
	// Critère testé.
	Criterion OrientationCriterion `json:"critere,omitempty"`
	// Le critère (oui/non) vaut cette valeur.
	Is *bool `json:"egal,omitempty"`
	// L'impact le plus fort est au moins celui-ci.
	AtLeast Impact `json:"au_moins,omitempty"`
	// L'impact le plus fort est au plus celui-ci.
	AtMost Impact `json:"au_plus,omitempty"`
	// L'âge est strictement inférieur à cette valeur.
	Under *int `json:"moins_de,omitempty" jsonschema:"minimum=0,maximum=150"`
	// Le parcours est l'un de ceux-ci.
	In []Pathway `json:"parmi,omitempty"`
}

// DeadlineRules are the durations of RULES.md §4, in days or months.
type DeadlineRules struct {
	// Délai du diagnostic après l'entrée dans le SPIE, en mois.
	DiagnosticMonths int `json:"diagnostic_mois" jsonschema:"minimum=1,maximum=12"`
	// Délai d'orientation d'un bénéficiaire du RSA après l'ouverture des droits, en jours.
	RSAOrientationDays int `json:"orientation_rsa_jours" jsonschema:"minimum=1,maximum=365"`
	// Délai de signature du contrat d'engagement après l'orientation, en mois.
	ContractMonths int `json:"contrat_mois" jsonschema:"minimum=1,maximum=24"`
	// Délai du rediagnostic du parcours social après le contrat, en mois.
	SocialReviewMonths int `json:"rediagnostic_social_mois" jsonschema:"minimum=1,maximum=36"`
	// Délai allongé du rediagnostic quand les difficultés sont de santé, de handicap, de logement ou familiales, en mois.
	SocialReviewLongMonths int `json:"rediagnostic_social_long_mois" jsonschema:"minimum=1,maximum=36"`
	// Thématiques de frein (impact fort ou moyen) qui allongent le délai du rediagnostic.
	LongReviewThematiques []FreinThematique `json:"thematiques_rediagnostic_long" jsonschema:"uniqueItems=true"`
	// Une reconnaissance de handicap (RQTH, BOETH, AAH) allonge le délai du rediagnostic.
	LongReviewDisability bool `json:"handicap_rediagnostic_long"`
}

// LoadOrientationRules reads and checks a rules file. Invalid rules are
// rejected as a whole: the result is nil and the faults say why; they are
// never half-applied.
func LoadOrientationRules(r io.Reader) (*OrientationRules, spie.Faults) {
	b, err := io.ReadAll(io.LimitReader(r, maxRulesSize+1))
	if err != nil {
		return nil, spie.Faults{FaultRulesJSON.At("", "lecture impossible", "cannot be read")}
	}
	if len(b) > maxRulesSize {
		return nil, spie.Faults{FaultRulesJSON.At("", fmt.Sprintf("plus de %d octets", maxRulesSize), fmt.Sprintf("over %d bytes", maxRulesSize))}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var rules OrientationRules
	if err := dec.Decode(&rules); err != nil {
		// In French (and socle's English), never encoding/json's text.
		return nil, spie.Faults{FaultRulesJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))}
	}
	if dec.More() {
		return nil, spie.Faults{FaultRulesJSON.At("", "données après la fin du document", "data after the end of the document")}
	}
	if fs := rules.Check(); len(fs) > 0 {
		return nil, fs
	}
	rules.compiled = compileRules(&rules)
	return &rules, nil
}

// defaultRules decodes the embedded rules on first use, not at package
// initialisation (issue 17 item 4: a widget starts without decoding JSON).
// Embedded rules that do not load are a build defect the tests rule out
// (every test of the default rules loads them); it panics rather than
// orient with other rules. A function over a zero sync.Once rather than a
// package-level sync.OnceValue: the package's initialisation would
// reference the closure, and the linker would keep the rules' loader and
// checker in every program importing the package (every widget module),
// whether it orients or not.
func defaultRules() *OrientationRules {
	defaultRulesOnce.Do(func() {
		r, fs := LoadOrientationRules(bytes.NewReader(defaultOrientationRulesJSON))
		if len(fs) > 0 {
			panic("règles d'orientation par défaut invalides : " + fs.Error())
		}
		defaultRulesValue = r
	})
	return defaultRulesValue
}

var (
	defaultRulesOnce  sync.Once
	defaultRulesValue *OrientationRules
)

// DefaultOrientationRules returns the default rules (RULES.md §3, CNE criteria
// of the arrêté of 21 November 2024, and the deadlines of §4). The value is
// shared and must not be modified.
func DefaultOrientationRules() *OrientationRules { return defaultRules() }

// Check returns every problem of the rules, sorted by path; none when sound.
func (r *OrientationRules) Check() spie.Faults {
	var fs spie.Faults
	if r.Version != OrientationRulesVersion {
		fs = append(fs, FaultRulesVersion.At(spie.Pointer("version"), r.Version, OrientationRulesVersion))
	}
	if !validRuleID(r.ID) {
		fs = append(fs, FaultRulesID.At(spie.Pointer("id")))
	}
	months := func(v, lo, hi int, path string) {
		if v < lo || v > hi {
			fs = append(fs, FaultRulesMonths.At(path, v, lo, hi))
		}
	}
	months(r.RecentActivityMonths, 1, 120, spie.Pointer("activite_recente_mois"))
	fs = append(fs, checkThematiques(r.FreinThematiques, spie.Pointer("thematiques_freins"))...)
	if len(r.FreinThematiques) == 0 {
		fs = append(fs, FaultRulesThemEmpty.At(spie.Pointer("thematiques_freins")))
	}
	ids := map[string]bool{}
	type rule struct {
		id   string
		cond *Condition
	}
	checkList := func(name string, rules []rule, allowPathway bool, value func(i int) (string, bool, *spie.FaultType)) {
		base := spie.Pointer(name)
		if len(rules) == 0 {
			fs = append(fs, FaultRulesEmpty.At(base))
			return
		}
		for i, ru := range rules {
			p := spie.Join(base, i)
			if !validRuleID(ru.id) {
				fs = append(fs, FaultRulesID.At(spie.Join(p, "id")))
			} else if ids[ru.id] {
				fs = append(fs, FaultRulesIDDup.At(spie.Join(p, "id"), ru.id))
			}
			ids[ru.id] = true
			if v, ok, ft := value(i); !ok {
				fs = append(fs, ft.At(spie.Join(p, name2field(name)), v))
			}
			if ru.cond != nil {
				fs = append(fs, checkCondition(ru.cond, spie.Join(p, "si"), allowPathway, 1)...)
			}
			if i > 0 && rules[i-1].cond == nil {
				fs = append(fs, FaultRulesUnreachable.At(p))
			}
		}
		if rules[len(rules)-1].cond != nil {
			fs = append(fs, FaultRulesNoDefault.At(spie.Join(base, len(rules)-1, "si")))
		}
	}
	pr := make([]rule, len(r.Pathways))
	for i, x := range r.Pathways {
		pr[i] = rule{x.ID, x.If}
	}
	checkList("parcours", pr, false, func(i int) (string, bool, *spie.FaultType) {
		p := r.Pathways[i].Pathway
		return string(p), p.Decidable(), FaultRulesPathway
	})
	or := make([]rule, len(r.Organisations))
	for i, x := range r.Organisations {
		or[i] = rule{x.ID, x.If}
	}
	checkList("organisations", or, true, func(i int) (string, bool, *spie.FaultType) {
		o := r.Organisations[i].Organisation
		return string(o), Organisations.Has(string(o)), FaultRulesOrg
	})
	dr := make([]rule, len(r.Deciders))
	for i, x := range r.Deciders {
		dr[i] = rule{x.ID, x.If}
	}
	checkList("decideurs", dr, true, func(i int) (string, bool, *spie.FaultType) {
		d := r.Deciders[i].Decider
		return string(d), Deciders.Has(string(d)), FaultRulesDecider
	})
	dl := r.Deadlines
	dp := func(f string) string { return spie.Pointer("delais", f) }
	months(dl.DiagnosticMonths, 1, 12, dp("diagnostic_mois"))
	months(dl.RSAOrientationDays, 1, 365, dp("orientation_rsa_jours"))
	months(dl.ContractMonths, 1, 24, dp("contrat_mois"))
	months(dl.SocialReviewMonths, 1, 36, dp("rediagnostic_social_mois"))
	months(dl.SocialReviewLongMonths, 1, 36, dp("rediagnostic_social_long_mois"))
	fs = append(fs, checkThematiques(dl.LongReviewThematiques, dp("thematiques_rediagnostic_long"))...)
	fs.Sort()
	return fs
}

func name2field(list string) string {
	switch list {
	case "parcours":
		return "parcours"
	case "organisations":
		return "organisation"
	default:
		return "decideur"
	}
}

func validRuleID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func checkThematiques(ts []FreinThematique, base string) spie.Faults {
	var fs spie.Faults
	seen := map[FreinThematique]bool{}
	for i, t := range ts {
		p := spie.Join(base, i)
		if !FreinThematiques.Has(string(t)) {
			fs = append(fs, FaultRulesThematique.At(p, string(t)))
		} else if seen[t] {
			fs = append(fs, FaultRulesThemDup.At(p, string(t)))
		}
		seen[t] = true
	}
	return fs
}

// checkCondition checks one condition: its shape, criterion, operator and value.
func checkCondition(c *Condition, path string, allowPathway bool, depth int) spie.Faults {
	if depth > maxConditionDepth {
		return spie.Faults{FaultCondDepth.At(path, maxConditionDepth)}
	}
	shapes := 0
	if c.All != nil {
		shapes++
	}
	if c.Any != nil {
		shapes++
	}
	if c.Criterion != "" {
		shapes++
	}
	ops := 0
	for _, set := range []bool{c.Is != nil, c.AtLeast != "", c.AtMost != "", c.Under != nil, c.In != nil} {
		if set {
			ops++
		}
	}
	if shapes != 1 || (c.Criterion == "" && ops > 0) || (c.Criterion != "" && ops != 1) {
		return spie.Faults{FaultCondShape.At(path)}
	}
	var fs spie.Faults
	for _, sub := range []struct {
		name string
		list []Condition
	}{{"tous", c.All}, {"un_parmi", c.Any}} {
		if sub.list == nil {
			continue
		}
		if len(sub.list) == 0 {
			fs = append(fs, FaultCondEmpty.At(spie.Join(path, sub.name)))
		}
		for i := range sub.list {
			fs = append(fs, checkCondition(&sub.list[i], spie.Join(path, sub.name, i), allowPathway, depth+1)...)
		}
	}
	if c.Criterion == "" {
		return fs
	}
	def, ok := OrientationCriteria.Get(string(c.Criterion))
	if !ok {
		return append(fs, FaultCondCriterion.At(spie.Join(path, "critere"), string(c.Criterion)))
	}
	kind := def.Group
	op := ""
	switch {
	case c.Is != nil:
		op = "egal"
	case c.AtLeast != "":
		op = "au_moins"
	case c.AtMost != "":
		op = "au_plus"
	case c.Under != nil:
		op = "moins_de"
	default:
		op = "parmi"
	}
	fits := map[string]string{"oui-non": "egal", "impact": "au_moins au_plus", "nombre": "moins_de", "parcours": "parmi"}
	if !strings.Contains(fits[kind], op) {
		return append(fs, FaultCondOperator.At(spie.Join(path, op), op, string(c.Criterion)))
	}
	switch op {
	case "au_moins", "au_plus":
		v := c.AtLeast
		if op == "au_plus" {
			v = c.AtMost
		}
		if v.Rank() < 0 || v == ImpactNonAborde {
			fs = append(fs, FaultCondValue.At(spie.Join(path, op), string(v), string(c.Criterion)))
		}
	case "moins_de":
		if *c.Under < 0 || *c.Under > 150 {
			fs = append(fs, FaultCondValue.At(spie.Join(path, op), strconv.Itoa(*c.Under), string(c.Criterion)))
		}
	case "parmi":
		if !allowPathway {
			fs = append(fs, FaultCondPathway.At(spie.Join(path, "critere")))
		}
		if len(c.In) == 0 {
			fs = append(fs, FaultCondEmpty.At(spie.Join(path, op)))
		}
		for i, p := range c.In {
			if !p.Decidable() {
				fs = append(fs, FaultCondValue.At(spie.Join(path, op, i), string(p), string(c.Criterion)))
			}
		}
	}
	return fs
}
