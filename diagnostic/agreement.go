package diagnostic

import (
	"sort"

	"github.com/spie-fr/socle/spie"
)

// DefaultMinGroupSize is the smallest group shown in breakdowns: smaller
// groups are suppressed (statistical secrecy, RULES.md §10).
const DefaultMinGroupSize = 5

// AgreementPair is one person diagnosed twice: the automated orientation and
// the pathway chosen by the professionals of the co-diagnostic.
type AgreementPair struct {
	// Identifiant (pseudonyme) du diagnostic ou de la personne.
	ID string `json:"id,omitempty"`
	// Parcours décidé par les critères automatiques.
	Automated Pathway `json:"automatique"`
	// Parcours décidé par le binôme du co-diagnostic.
	Human Pathway `json:"humain"`
	// Commune de résidence (le territoire est son département).
	Commune spie.CommuneCode `json:"code_commune,omitempty"`
	// Publics de la personne.
	Publics []spie.Public `json:"publics,omitempty"`
	// Critères qui ont compté dans la décision automatique du parcours.
	Criteria []OrientationCriterion `json:"criteres,omitempty"`
}

// PairOf builds the pair of a diagnostic, its automated decision and the
// pathway chosen by the professionals.
func PairOf(d *Diagnostic, auto Decision, human Pathway) AgreementPair {
	if d == nil {
		d = &Diagnostic{}
	}
	p := AgreementPair{ID: d.ID, Automated: auto.Pathway, Human: human, Commune: d.Person.Commune, Publics: PublicsOf(d)}
	seen := map[OrientationCriterion]bool{}
	for _, c := range auto.Criteria {
		if c.Stage != StagePathway || seen[c.Code] {
			continue
		}
		seen[c.Code] = true
		p.Criteria = append(p.Criteria, c.Code)
	}
	return p
}

// PublicsOf returns the SPIE publics the diagnostic establishes.
func PublicsOf(d *Diagnostic) []spie.Public {
	if d == nil {
		return nil
	}
	c := d.Criteria
	age, hasAge := d.Age()
	months := -1
	if c.MonthsRegistered != nil {
		months = *c.MonthsRegistered
	}
	has := map[string]bool{
		"brsa": c.RSA, "jeunes-moins-26": hasAge && age < 26, "jeunes-18-30": hasAge && age >= 18 && age <= 30,
		"personnes-handicap": c.AAH || c.RQTH || c.BOETH, "boeth": c.BOETH, "rqth": c.RQTH,
		"deld": months >= 12 && months < 24, "detld": months >= 24, "residents-qpv": c.QPV, "residents-frr": c.FRR,
		"familles-monoparentales": c.ParentIsole, "sortants-sans-solution": c.SortantSansSolution,
		"jeunes-sortant-ase": c.ASE, "primo-arrivants": c.PrimoArrivant,
	}
	var out []spie.Public
	for _, p := range spie.Publics {
		if has[p.Key] {
			out = append(out, spie.Public(p.Key))
		}
	}
	return out
}

// Fault types of the agreement pairs.
var (
	FaultPairPathway  = spie.NewFaultType("ORIENT-ACCORD-01", spie.SeverityError, "parcours inconnu %q (emploi, global ou social)", "unknown pathway %q (emploi, global or social)").WithSource("RULES.md §3 : trois parcours, emploi, global, social (arrêté du 21 novembre 2024)")
	FaultPairExcluded = spie.NewFaultType("ORIENT-ACCORD-02", spie.SeverityWarning, "décision automatique indéterminée : paire exclue de la comparaison", "undetermined automated decision: pair left out of the comparison").WithSource("RULES.md §3 : co-diagnostic de Seine-et-Marne, comparaison des parcours automatique et humain")
	FaultPairPublic   = spie.NewFaultType("ORIENT-ACCORD-03", spie.SeverityWarning, "public inconnu %q ignoré", "unknown public %q ignored").WithSource("liste des publics de socle (spie.Publics)")
	FaultPairCommune  = spie.NewFaultType("ORIENT-ACCORD-04", spie.SeverityWarning, "code commune invalide %q : territoire inconnu", "invalid commune code %q: unknown territory").WithSource("INSEE, Code officiel géographique (forme du code commune) ; ventilation par territoire, RULES.md §3")
)

// AgreementPathways is the order of the rows and columns of the matrices.
var AgreementPathways = [3]Pathway{PathwayEmploi, PathwayGlobal, PathwaySocial}

// Matrix is a 3×3 confusion matrix: rows are the automated pathway, columns
// the professionals', in the order of AgreementPathways.
type Matrix [3][3]int

// AgreementStats are the agreement figures of a set of pairs.
type AgreementStats struct {
	// Nombre de paires comparées.
	N int `json:"effectif"`
	// Matrice de confusion : lignes automatique, colonnes humain (emploi, global, social).
	Matrix Matrix `json:"matrice"`
	// Part des paires où les deux parcours sont identiques.
	Rate float64 `json:"taux_accord"`
	// Kappa de Cohen ; absent quand il n'est pas défini (accord attendu de 1).
	Kappa *float64 `json:"kappa,omitempty"`
}

// AgreementGroup is the agreement of one territory or one public; groups
// smaller than the minimum are suppressed (no figure is given).
type AgreementGroup struct {
	// Code du département ou du public.
	Key string `json:"cle"`
	// Libellé.
	Label string `json:"libelle"`
	// Vrai quand le groupe compte moins de personnes que le seuil : aucun chiffre n'est publié.
	Suppressed bool `json:"secret,omitempty"`
	// Chiffres du groupe (absents quand il est secret).
	Stats *AgreementStats `json:"resultats,omitempty"`
}

// CriterionCount is how often a criterion counted in disagreeing decisions.
type CriterionCount struct {
	// Code du critère.
	Code OrientationCriterion `json:"code"`
	// Nombre de désaccords où il a compté.
	Count int `json:"desaccords"`
	// Part des désaccords où il a compté.
	Share float64 `json:"part"`
}

// Agreement is the evaluation of automated orientation against the
// co-diagnostic.
type Agreement struct {
	AgreementStats
	// Paires exclues (décision automatique indéterminée ou parcours invalide).
	Excluded int `json:"exclues"`
	// Seuil sous lequel un groupe est secret.
	MinGroupSize int `json:"seuil_secret"`
	// Ordre des lignes et colonnes des matrices.
	Order [3]Pathway `json:"ordre"`
	// Accord par département.
	ByTerritory []AgreementGroup `json:"par_territoire"`
	// Accord par public.
	ByPublic []AgreementGroup `json:"par_public"`
	// Critères les plus présents dans les désaccords, du plus fréquent au moins fréquent.
	Disagreements []CriterionCount `json:"criteres_desaccords"`
}

func pathwayIndex(p Pathway) int {
	for i, q := range AgreementPathways {
		if p == q {
			return i
		}
	}
	return -1
}

// Stats computes the agreement rate and Cohen's kappa of the matrix:
// κ = (pₒ − pₑ) / (1 − pₑ), pₒ the observed agreement, pₑ the agreement
// expected from the margins.
func (m Matrix) Stats() AgreementStats {
	s := AgreementStats{Matrix: m}
	var rows, cols [3]int
	agree := 0
	for i := range 3 {
		for j := range 3 {
			s.N += m[i][j]
			rows[i] += m[i][j]
			cols[j] += m[i][j]
		}
		agree += m[i][i]
	}
	if s.N == 0 {
		return s
	}
	n := float64(s.N)
	po := float64(agree) / n
	pe := 0.0
	for i := range 3 {
		pe += float64(rows[i]) * float64(cols[i]) / (n * n)
	}
	s.Rate = po
	if pe < 1 {
		k := (po - pe) / (1 - pe)
		s.Kappa = &k
	}
	return s
}

// Evaluate compares the pairs: the confusion matrix, agreement rate and
// Cohen's kappa overall, per département and per public (groups under
// minGroup people suppressed; DefaultMinGroupSize when minGroup ≤ 0), and the
// criteria most often involved in disagreements. Pairs whose automated
// decision is indetermine are left out with a warning; invalid pathways are
// faults and the pair is left out.
func Evaluate(pairs []AgreementPair, minGroup int) (Agreement, spie.Faults) {
	if minGroup <= 0 {
		minGroup = DefaultMinGroupSize
	}
	var fs spie.Faults
	var all Matrix
	byTerr := map[string]*Matrix{}
	byPub := map[string]*Matrix{}
	crit := map[OrientationCriterion]int{}
	disagreements, excluded := 0, 0
	add := func(m map[string]*Matrix, k string, i, j int) {
		x := m[k]
		if x == nil {
			x = new(Matrix)
			m[k] = x
		}
		x[i][j]++
	}
	for n, p := range pairs {
		if p.Automated == PathwayUndetermined {
			fs = append(fs, FaultPairExcluded.At(spie.Pointer(n, "automatique")))
			excluded++
			continue
		}
		i, j := pathwayIndex(p.Automated), pathwayIndex(p.Human)
		if i < 0 {
			fs = append(fs, FaultPairPathway.At(spie.Pointer(n, "automatique"), string(p.Automated)))
		}
		if j < 0 {
			fs = append(fs, FaultPairPathway.At(spie.Pointer(n, "humain"), string(p.Human)))
		}
		if i < 0 || j < 0 {
			excluded++
			continue
		}
		all[i][j]++
		terr := "inconnu"
		if p.Commune != "" {
			if p.Commune.Problem() == nil {
				terr = string(p.Commune.Departement())
			} else {
				fs = append(fs, FaultPairCommune.At(spie.Pointer(n, "code_commune"), string(p.Commune)))
			}
		}
		add(byTerr, terr, i, j)
		seenPub := map[spie.Public]bool{}
		for k, pub := range p.Publics {
			if !pub.Valid() {
				fs = append(fs, FaultPairPublic.At(spie.Pointer(n, "publics", k), string(pub)))
				continue
			}
			if !seenPub[pub] {
				seenPub[pub] = true
				add(byPub, string(pub), i, j)
			}
		}
		if i != j {
			disagreements++
			seen := map[OrientationCriterion]bool{}
			for _, c := range p.Criteria {
				if !seen[c] {
					seen[c] = true
					crit[c]++
				}
			}
		}
	}
	a := Agreement{AgreementStats: all.Stats(), Excluded: excluded, MinGroupSize: minGroup, Order: AgreementPathways}
	a.ByTerritory = groups(byTerr, minGroup, func(k string) string {
		if k == "inconnu" {
			return "Territoire inconnu"
		}
		return "Département " + k
	})
	a.ByPublic = groups(byPub, minGroup, func(k string) string { return spie.Publics.LabelOf(k) })
	a.Disagreements = []CriterionCount{}
	for c, n := range crit {
		a.Disagreements = append(a.Disagreements, CriterionCount{Code: c, Count: n, Share: float64(n) / float64(disagreements)})
	}
	sort.Slice(a.Disagreements, func(i, j int) bool {
		x, y := a.Disagreements[i], a.Disagreements[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		return x.Code < y.Code
	})
	return a, fs
}

func groups(m map[string]*Matrix, minGroup int, label func(string) string) []AgreementGroup {
	out := make([]AgreementGroup, 0, len(m))
	for k, x := range m {
		g := AgreementGroup{Key: k, Label: label(k)}
		s := x.Stats()
		if s.N < minGroup {
			g.Suppressed = true
		} else {
			g.Stats = &s
		}
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
