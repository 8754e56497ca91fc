package diagnostic

import (
	"sort"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/secret"
	"github.com/spie-fr/socle/spie/territory"
)

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
	FaultPairPathway  = &spie.FaultType{Code: "ORIENT-ACCORD-01", Severity: spie.SeverityError, FR: "parcours inconnu %q (emploi, global ou social)", EN: "unknown pathway %q (emploi, global or social)", Source: "RULES.md §3 : trois parcours, emploi, global, social (arrêté du 21 novembre 2024)"}
	FaultPairExcluded = &spie.FaultType{Code: "ORIENT-ACCORD-02", Severity: spie.SeverityWarning, FR: "décision automatique indéterminée : paire exclue de la comparaison", EN: "undetermined automated decision: pair left out of the comparison", Source: "RULES.md §3 : co-diagnostic de Seine-et-Marne, comparaison des parcours automatique et humain"}
	FaultPairPublic   = &spie.FaultType{Code: "ORIENT-ACCORD-03", Severity: spie.SeverityWarning, FR: "public inconnu %q ignoré", EN: "unknown public %q ignored", Source: "liste des publics de socle (spie.Publics)"}
	FaultPairCommune  = &spie.FaultType{Code: "ORIENT-ACCORD-04", Severity: spie.SeverityWarning, FR: "code commune invalide %q : territoire inconnu", EN: "invalid commune code %q: unknown territory", Source: "INSEE, Code officiel géographique (forme du code commune) ; ventilation par territoire, RULES.md §3"}
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

// AgreementFigures are the published figures of a set of pairs, under the
// statistical secret (package secret): the size and the nine cells are
// counts of people; the agreement rate is published only when the number of
// agreeing pairs and the size are, and kappa only when the whole matrix is
// (it depends on every margin).
type AgreementFigures struct {
	// Nombre de paires comparées.
	N secret.Cell `json:"effectif"`
	// Matrice de confusion : lignes automatique, colonnes humain (emploi, global, social).
	Matrix [3][3]secret.Cell `json:"matrice"`
	// Part des paires où les deux parcours sont identiques (absente quand elle est secrète).
	Rate *float64 `json:"taux_accord,omitempty"`
	// Kappa de Cohen ; absent quand il n'est pas défini (accord attendu de 1) ou secret.
	Kappa *float64 `json:"kappa,omitempty"`
}

// AgreementGroup is the agreement of one territory or one public; a group
// whose size is secret publishes no figure.
type AgreementGroup struct {
	// Code du département ou du public.
	Key string `json:"cle"`
	// Libellé.
	Label string `json:"libelle"`
	// Vrai quand l'effectif du groupe est secret : aucun chiffre n'est publié.
	Suppressed bool `json:"secret,omitempty"`
	// Chiffres du groupe (absents quand il est secret).
	Stats *AgreementFigures `json:"resultats,omitempty"`
}

// CriterionCount is how often a criterion counted in disagreeing decisions.
type CriterionCount struct {
	// Code du critère.
	Code OrientationCriterion `json:"code"`
	// Nombre de désaccords où il a compté (personnes, sous secret statistique).
	Count secret.Cell `json:"desaccords"`
	// Part des désaccords où il a compté (absente quand le nombre est secret).
	Share *float64 `json:"part,omitempty"`
}

// Agreement is the evaluation of automated orientation against the
// co-diagnostic.
type Agreement struct {
	AgreementFigures
	// Paires exclues (décision automatique indéterminée ou parcours invalide).
	Excluded int `json:"exclues"`
	// Seuil du secret statistique (personnes).
	Threshold int `json:"seuil_secret"`
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
// Cohen's kappa overall, per département and per public, and the criteria
// most often involved in disagreements, all published as one report under
// the statistical secret with threshold (≤ 0: secret.DefaultThreshold; see
// publish for the relations protected). Pairs whose automated decision is
// indetermine are left out with a warning; invalid pathways are faults and
// the pair is left out. A threshold below secret.DefaultThreshold is refused
// (RULES.md §10): the fault SECRET-SEUIL-01 at /seuil_secret and an
// evaluation with every cell secret.
func Evaluate(pairs []AgreementPair, threshold int) (Agreement, spie.Faults) {
	if f := secret.CheckThreshold(threshold, "/seuil_secret"); f != nil {
		a := Agreement{Threshold: threshold, Order: AgreementPathways}
		a.N = secret.Cell{Secret: true}
		for i := range 3 {
			for j := range 3 {
				a.Matrix[i][j] = secret.Cell{Secret: true}
			}
		}
		return a, spie.Faults{*f}
	}
	threshold = secret.Threshold(threshold)
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
				// The table's département, never the code's prefix.
				if d, ok := territory.DepartementOf(p.Commune); ok {
					terr = string(d)
				}
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
	a := Agreement{Excluded: excluded, Threshold: threshold, Order: AgreementPathways}
	publish(&a, all, byTerr, byPub, crit, disagreements, threshold)
	return a, fs
}

// matrixCells are the cells of one matrix in the secret table.
type matrixCells struct {
	n, agree secret.ID
	m        [3][3]secret.ID
}

// addMatrix adds a matrix to the table: its nine cells and size (published
// unless secret), the number of agreeing pairs (published through the rate),
// the hidden row and column margins, and their relations; it returns the
// cells and the number of disagreeing pairs, published (through the shares
// of the criteria) unless secret when published is true, hidden otherwise.
func addMatrix(t *secret.Table, x *Matrix, published bool) (c matrixCells, disagree secret.ID) {
	var rows, cols [3][]secret.ID
	var rowSum, colSum [3]int
	n, agree := 0, 0
	for i := range 3 {
		for j := range 3 {
			c.m[i][j] = t.Count(x[i][j])
			rows[i] = append(rows[i], c.m[i][j])
			cols[j] = append(cols[j], c.m[i][j])
			rowSum[i] += x[i][j]
			colSum[j] += x[i][j]
			n += x[i][j]
		}
		agree += x[i][i]
	}
	c.n = t.Count(n)
	c.agree = t.Count(agree)
	t.Sum(c.agree, c.m[0][0], c.m[1][1], c.m[2][2])
	var rs, cs []secret.ID
	for i := range 3 {
		r, k := t.Hidden(rowSum[i]), t.Hidden(colSum[i])
		t.Sum(r, rows[i]...)
		t.Sum(k, cols[i]...)
		rs, cs = append(rs, r), append(cs, k)
	}
	t.Sum(c.n, rs...)
	t.Sum(c.n, cs...)
	if published {
		disagree = t.Count(n - agree)
		t.Sum(c.n, c.agree, disagree)
	} else {
		disagree = t.Part(c.n, c.agree)
	}
	return c, disagree
}

// cells returns every published cell of the matrix.
func (c matrixCells) cells() []secret.ID {
	out := []secret.ID{c.n, c.agree}
	for i := range 3 {
		out = append(out, c.m[i][:]...)
	}
	return out
}

// figures returns the published figures of the matrix.
func (c matrixCells) figures(t *secret.Table, x *Matrix) AgreementFigures {
	f := AgreementFigures{N: t.Cell(c.n)}
	whole := !t.Secret(c.n)
	for i := range 3 {
		for j := range 3 {
			f.Matrix[i][j] = t.Cell(c.m[i][j])
			whole = whole && !t.Secret(c.m[i][j])
		}
	}
	s := x.Stats()
	if !t.Secret(c.n) && !t.Secret(c.agree) && s.N > 0 {
		f.Rate = &s.Rate
	}
	if whole {
		f.Kappa = s.Kappa
	}
	return f
}

// publish builds the report of Evaluate as one secret table: the whole
// population's matrix, each département's matrix (the départements
// partition the pairs: each cell of the whole is the sum of the
// départements'), each public's matrix (publics overlap: each cell is a
// part of the whole's, the people outside the public being a protected
// complement), and the criteria of disagreements (each a part of the
// disagreeing pairs). A group whose size is secret publishes nothing.
func publish(a *Agreement, all Matrix, byTerr, byPub map[string]*Matrix, crit map[OrientationCriterion]int, disagreements, threshold int) {
	t := secret.NewTable(threshold)
	whole, disagree := addMatrix(t, &all, true)
	t.Keep(whole.n)
	type group struct {
		key   string
		x     *Matrix
		cells matrixCells
	}
	add := func(m map[string]*Matrix, partition bool) []group {
		var gs []group
		for _, k := range sortedKeys(m) {
			c, _ := addMatrix(t, m[k], false)
			if !partition {
				t.Part(whole.n, c.n)
				t.Part(whole.agree, c.agree)
				for i := range 3 {
					for j := range 3 {
						t.Part(whole.m[i][j], c.m[i][j])
					}
				}
			}
			gs = append(gs, group{key: k, x: m[k], cells: c})
		}
		if partition && len(gs) > 0 {
			sum := func(f func(matrixCells) secret.ID) {
				parts := make([]secret.ID, len(gs))
				for g := range gs {
					parts[g] = f(gs[g].cells)
				}
				t.Sum(f(whole), parts...)
			}
			sum(func(c matrixCells) secret.ID { return c.n })
			sum(func(c matrixCells) secret.ID { return c.agree })
			for i := range 3 {
				for j := range 3 {
					sum(func(c matrixCells) secret.ID { return c.m[i][j] })
				}
			}
		}
		return gs
	}
	terr, pub := add(byTerr, true), add(byPub, false)
	codes := make([]OrientationCriterion, 0, len(crit))
	for c := range crit {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if crit[codes[i]] != crit[codes[j]] {
			return crit[codes[i]] > crit[codes[j]]
		}
		return codes[i] < codes[j]
	})
	critCells := make([]secret.ID, len(codes))
	for i, c := range codes {
		critCells[i] = t.Count(crit[c])
		t.Part(disagree, critCells[i])
	}
	// Protect; a group whose size became secret is withheld whole, which
	// may make more cells secret: repeat until no group changes.
	withheld := map[secret.ID]bool{}
	for {
		t.Protect()
		changed := false
		for _, g := range append(append([]group{}, terr...), pub...) {
			if t.Secret(g.cells.n) && !withheld[g.cells.n] {
				withheld[g.cells.n] = true
				t.Withhold(g.cells.cells()...)
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	a.AgreementFigures = whole.figures(t, &all)
	groups := func(gs []group, label func(string) string) []AgreementGroup {
		out := make([]AgreementGroup, 0, len(gs))
		for _, g := range gs {
			ag := AgreementGroup{Key: g.key, Label: label(g.key)}
			if t.Secret(g.cells.n) {
				ag.Suppressed = true
			} else {
				f := g.cells.figures(t, g.x)
				ag.Stats = &f
			}
			out = append(out, ag)
		}
		return out
	}
	a.ByTerritory = groups(terr, func(k string) string {
		if k == "inconnu" {
			return "Territoire inconnu"
		}
		return "Département " + k
	})
	a.ByPublic = groups(pub, func(k string) string { return spie.Publics.LabelOf(k) })
	a.Disagreements = []CriterionCount{}
	for i, c := range codes {
		cc := CriterionCount{Code: c, Count: t.Cell(critCells[i])}
		if !t.Secret(critCells[i]) && !t.Secret(disagree) && disagreements > 0 {
			share := float64(crit[c]) / float64(disagreements)
			cc.Share = &share
		}
		a.Disagreements = append(a.Disagreements, cc)
	}
}

func sortedKeys(m map[string]*Matrix) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
