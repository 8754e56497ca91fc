package diagnostic

import (
	"fmt"
	"strconv"

	"github.com/spie-fr/socle/spie"
)

// Decision is the result of Orient: the pathway, the organisation référente,
// who decides, and the ordered criteria that led there, each with a French
// sentence that can be read to the person.
type Decision struct {
	// Vrai quand parcours, organisation et décideur sont tous décidés.
	Determined bool `json:"determinee"`
	// Date du diagnostic sur lequel porte la décision.
	Date spie.Date `json:"date,omitempty"`
	// Parcours retenu, ou indetermine.
	Pathway Pathway `json:"parcours"`
	// Organisation référente retenue (absente quand elle n'a pu être décidée).
	Organisation Organisation `json:"organisation_referente,omitempty"`
	// Qui décide de l'orientation.
	Decider Decider `json:"decideur,omitempty"`
	// Identifiant des règles appliquées.
	Rules string `json:"regles"`
	// Règles retenues pour le parcours, l'organisation et le décideur.
	PathwayRule      string `json:"regle_parcours,omitempty"`
	OrganisationRule string `json:"regle_organisation,omitempty"`
	DeciderRule      string `json:"regle_decideur,omitempty"`
	// Critères examinés, dans l'ordre où ils ont compté.
	Criteria []CriterionUse `json:"criteres"`
	// Ce qui manque pour décider.
	Missing []MissingCriterion `json:"manquants,omitempty"`
	// Fautes des règles quand elles sont invalides (aucune décision n'est alors prise).
	RulesFaults spie.Faults `json:"fautes_regles,omitempty"`
}

// CriterionUse is one criterion as it counted in a decision.
type CriterionUse struct {
	// Code du critère.
	Code OrientationCriterion `json:"code"`
	// Valeur constatée dans le diagnostic.
	Value string `json:"valeur"`
	// Étape de la décision : parcours, organisation ou decideur.
	Stage string `json:"etape"`
	// Règle examinée.
	Rule string `json:"regle"`
	// Effet du critère sur cette règle : retient, écarte, inconnu.
	Effect string `json:"effet"`
	// Phrase en français, lisible par la personne.
	Sentence string `json:"phrase"`
}

// MissingCriterion is a criterion that could not be read from the diagnostic
// and the fields that would give it.
type MissingCriterion struct {
	// Code du critère.
	Code OrientationCriterion `json:"code"`
	// Champs du diagnostic à renseigner (JSON Pointer).
	Paths []string `json:"champs"`
	// Phrase en français.
	Sentence string `json:"phrase"`
}

// Stages of a decision.
const (
	StagePathway      = "parcours"
	StageOrganisation = "organisation"
	StageDecider      = "decideur"
)

// Effects of a criterion on a rule.
const (
	EffectRetains = "retient"
	EffectRejects = "ecarte"
	EffectUnknown = "inconnu"
)

// tri is a three-valued truth: unknown, false, true.
type tri int8

const (
	unknown tri = iota
	no
	yes
)

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// criterion indexes, for the compiled rules.
const (
	cRecent = iota
	cSees
	cQualified
	cImpact
	cRSA
	cDisability
	cAge
	cPathway
	nCriteria
)

var criterionIndex = map[OrientationCriterion]int{
	CriterionRecentActivity: cRecent, CriterionSeesJob: cSees, CriterionQualified: cQualified,
	CriterionStrongestFrein: cImpact, CriterionRSA: cRSA, CriterionDisability: cDisability,
	CriterionAge: cAge, CriterionPathway: cPathway,
}

var criterionCode = [nCriteria]OrientationCriterion{
	CriterionRecentActivity, CriterionSeesJob, CriterionQualified, CriterionStrongestFrein,
	CriterionRSA, CriterionDisability, CriterionAge, CriterionPathway,
}

// facts are the criteria read from one diagnostic.
type facts struct {
	b            [nCriteria]tri // yes/no criteria
	impLo, impHi int            // impact ranks: the strongest is between them
	age          int
	ageKnown     bool
	pathway      Pathway
}

type condOp uint8

const (
	opAll condOp = iota
	opAny
	opIs
	opAtLeast
	opAtMost
	opUnder
	opIn
)

type compiledCond struct {
	op       condOp
	crit     int
	children []compiledCond
	is       bool
	rank     int
	under    int
	in       []Pathway
	// phrases of a leaf by value index (see valueIndex), then the full
	// sentences by value index and rule outcome, computed once at load.
	phrases   [16]string
	sentences [16][3]string
}

type compiledRule struct {
	stage  string
	id     string
	result string
	cond   *compiledCond
	effect [3]string // by outcome
}

type compiledRules struct {
	from                              *OrientationRules // the rules compiled (a copy is compiled again)
	pathways, organisations, deciders []compiledRule
}

// sentences of the yes/no criteria: by criterion, by value (unknown, no, yes).
var boolSentences = [nCriteria][3]string{
	cSees: {"On ne sait pas si la personne se projette dans un emploi à court terme.",
		"La personne ne se projette pas dans un emploi à court terme.",
		"La personne se projette dans un emploi à court terme."},
	cQualified: {"Le niveau de qualification de la personne n'est pas connu.",
		"La personne n'a pas de qualification de niveau CAP/BEP ou plus.",
		"La personne a une qualification de niveau CAP/BEP ou plus."},
	cRSA: {"", "La personne n'est pas bénéficiaire du RSA.", "La personne est bénéficiaire du RSA."},
	cDisability: {"", "La personne n'a ni RQTH ni obligation d'emploi (BOETH).",
		"La personne a une RQTH ou relève de l'obligation d'emploi (BOETH)."},
}

var valueWords = [3]string{"inconnu", "non", "oui"}

// impactValue and impactSentence describe the strongest impact between ranks lo and hi.
var impactValue, impactSentence = impactTables()

func impactTables() (value, sentence [4][4]string) {
	impactValue, impactSentence := &value, &sentence
	for lo := 0; lo < 4; lo++ {
		for hi := lo; hi < 4; hi++ {
			k := Impacts[lo].Key
			l := Impacts[lo].Label.FR
			if lo == hi {
				impactValue[lo][hi] = k
				impactSentence[lo][hi] = "L'impact le plus fort parmi les freins est : " + lowerFirst(l) + "."
			} else {
				impactValue[lo][hi] = "au moins " + k
				impactSentence[lo][hi] = "L'impact le plus fort parmi les freins n'est pas connu (au moins : " + lowerFirst(l) + ") : des thématiques n'ont pas été abordées."
			}
		}
	}
	return value, sentence
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'A' && r[0] <= 'Z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// ages holds the decimal strings of ages, so that a decision does not allocate them.
var ages = func() [151]string {
	var a [151]string
	for i := range a {
		a[i] = strconv.Itoa(i)
	}
	return a
}()

func compileRules(r *OrientationRules) *compiledRules {
	c := &compiledRules{from: r}
	recent := r.RecentActivityMonths
	// Each sentence names the rule it speaks of (its libellé, else its id):
	// a rule set aside never names the outcome, so that « écarte » and
	// « conduit à » cannot seem to contradict each other when two rules of
	// one stage lead to the same outcome.
	compile := func(stage, id, result, label, ruleLabel string, cond *Condition) compiledRule {
		cr := compiledRule{stage: stage, id: id, result: result}
		label = lowerFirst(label)
		name := "« " + id + " »"
		if ruleLabel != "" {
			name = "« " + ruleLabel + " »"
		}
		cr.effect = [3]string{
			"manque pour appliquer la règle " + name + " (" + label + ")",
			"écarte la règle " + name,
			"conduit à : " + label + " (règle " + name + ")",
		}
		if cond != nil {
			cc := compileCond(cond, recent, cr.effect)
			cr.cond = &cc
		}
		return cr
	}
	for _, p := range r.Pathways {
		c.pathways = append(c.pathways, compile(StagePathway, p.ID, string(p.Pathway), p.Pathway.Label(), p.Label, p.If))
	}
	for _, o := range r.Organisations {
		c.organisations = append(c.organisations, compile(StageOrganisation, o.ID, string(o.Organisation), "organisation référente "+o.Organisation.Label(), o.Label, o.If))
	}
	for _, d := range r.Deciders {
		c.deciders = append(c.deciders, compile(StageDecider, d.ID, string(d.Decider), "décideur "+d.Decider.Label(), d.Label, d.If))
	}
	return c
}

func compileCond(c *Condition, recentMonths int, effect [3]string) compiledCond {
	switch {
	case c.All != nil || c.Any != nil:
		cc := compiledCond{op: opAll}
		list := c.All
		if c.Any != nil {
			cc.op, list = opAny, c.Any
		}
		for i := range list {
			cc.children = append(cc.children, compileCond(&list[i], recentMonths, effect))
		}
		return cc
	}
	cc := compiledCond{crit: criterionIndex[c.Criterion]}
	switch {
	case c.Is != nil:
		cc.op, cc.is = opIs, *c.Is
	case c.AtLeast != "":
		cc.op, cc.rank = opAtLeast, c.AtLeast.Rank()
	case c.AtMost != "":
		cc.op, cc.rank = opAtMost, c.AtMost.Rank()
	case c.Under != nil:
		cc.op, cc.under = opUnder, *c.Under
	default:
		cc.op, cc.in = opIn, c.In
	}
	switch cc.crit {
	case cAge:
		cc.phrases[unknown] = "L'âge de la personne n'est pas connu."
		cc.phrases[no] = fmt.Sprintf("La personne a %d ans ou plus.", cc.under)
		cc.phrases[yes] = fmt.Sprintf("La personne a moins de %d ans.", cc.under)
	case cRecent:
		cc.phrases[unknown] = "On ne sait pas si la personne a eu une activité professionnelle récente."
		cc.phrases[no] = fmt.Sprintf("La personne n'a pas eu d'activité professionnelle depuis %d mois.", recentMonths)
		cc.phrases[yes] = fmt.Sprintf("La personne est en activité ou a travaillé au cours des %d derniers mois.", recentMonths)
	case cImpact:
		for lo := 0; lo < 4; lo++ {
			for hi := lo; hi < 4; hi++ {
				cc.phrases[lo*4+hi] = impactSentence[lo][hi]
			}
		}
	case cPathway:
		for i, p := range pathwayOrder {
			cc.phrases[i] = pathwaySentences[p]
		}
	default:
		copy(cc.phrases[:3], boolSentences[cc.crit][:])
	}
	for v, ph := range cc.phrases {
		if ph == "" {
			continue
		}
		for o := range effect {
			cc.sentences[v][o] = ph + " Ce critère " + effect[o] + "."
		}
	}
	return cc
}

// eval returns the truth of the condition on the facts.
func (c *compiledCond) eval(f *facts) tri {
	switch c.op {
	case opAll:
		out := yes
		for i := range c.children {
			switch c.children[i].eval(f) {
			case no:
				return no
			case unknown:
				out = unknown
			}
		}
		return out
	case opAny:
		out := no
		for i := range c.children {
			switch c.children[i].eval(f) {
			case yes:
				return yes
			case unknown:
				out = unknown
			}
		}
		return out
	case opIs:
		v := f.b[c.crit]
		if v == unknown {
			return unknown
		}
		return triOf((v == yes) == c.is)
	case opAtLeast:
		switch {
		case f.impLo >= c.rank:
			return yes
		case f.impHi < c.rank:
			return no
		}
		return unknown
	case opAtMost:
		switch {
		case f.impHi <= c.rank:
			return yes
		case f.impLo > c.rank:
			return no
		}
		return unknown
	case opUnder:
		if !f.ageKnown {
			return unknown
		}
		return triOf(f.age < c.under)
	default:
		if f.pathway == "" || f.pathway == PathwayUndetermined {
			return unknown
		}
		for _, p := range c.in {
			if p == f.pathway {
				return yes
			}
		}
		return no
	}
}

// explain appends the leaves that decided the outcome of c: for "all" true
// every child, false the first false child; for "one of" true the first true
// child, false every child; unknown, the unknown children.
func (c *compiledCond) explain(f *facts, out tri, rule *compiledRule, ruleOut tri, uses *[]CriterionUse) {
	switch c.op {
	case opAll, opAny:
		decisive := no
		if c.op == opAny {
			decisive = yes
		}
		for i := range c.children {
			ch := &c.children[i]
			v := ch.eval(f)
			switch {
			case out == unknown && v == unknown:
				ch.explain(f, v, rule, ruleOut, uses)
			case out == decisive && v == decisive:
				ch.explain(f, v, rule, ruleOut, uses)
				return
			case out != unknown && out != decisive:
				ch.explain(f, v, rule, ruleOut, uses)
			}
		}
		return
	}
	value, idx := c.describe(f)
	*uses = append(*uses, CriterionUse{
		Code: criterionCode[c.crit], Value: value, Stage: rule.stage, Rule: rule.id,
		Effect: effects[ruleOut], Sentence: c.sentences[idx][ruleOut],
	})
}

var effects = [3]string{EffectUnknown, EffectRejects, EffectRetains}

// describe returns the value seen and the index of its phrase.
func (c *compiledCond) describe(f *facts) (string, int) {
	switch c.crit {
	case cImpact:
		return impactValue[f.impLo][f.impHi], f.impLo*4 + f.impHi
	case cAge:
		if !f.ageKnown {
			return valueWords[unknown], int(unknown)
		}
		a := "plus de 150"
		if f.age >= 0 && f.age < len(ages) {
			a = ages[f.age]
		}
		return a, int(triOf(f.age < c.under))
	case cPathway:
		for i, p := range pathwayOrder {
			if p == f.pathway {
				return string(p), i
			}
		}
		return valueWords[unknown], 3
	}
	v := f.b[c.crit]
	return valueWords[v], int(v)
}

var pathwayOrder = [4]Pathway{PathwayEmploi, PathwayGlobal, PathwaySocial, PathwayUndetermined}

var pathwaySentences = map[Pathway]string{
	PathwayEmploi:       "Le parcours retenu est le parcours emploi.",
	PathwayGlobal:       "Le parcours retenu est le parcours socio-professionnel.",
	PathwaySocial:       "Le parcours retenu est le parcours social.",
	PathwayUndetermined: "Le parcours n'est pas décidé.",
}

// readFacts reads the orientation criteria from the diagnostic.
func readFacts(d *Diagnostic, r *OrientationRules) facts {
	var f facts
	p := &d.Professional
	// Recent activity: in activity, or last activity within the period.
	switch {
	case p.WorkSituation.InActivity():
		f.b[cRecent] = yes
	case !p.LastActivityDate.IsZero() && !d.Date.IsZero():
		// The period ends, backwards, by the anniversary rule (spie.Date.AddMonths).
		if from := d.Date.AddMonths(-r.RecentActivityMonths); from != "" && p.LastActivityDate.Valid() {
			f.b[cRecent] = triOf(!p.LastActivityDate.Before(from))
		}
	default:
		// No date: the situations may say "jamais travaillé" or "plus de 2 ans sans emploi".
		if recent, known := recentActivityFromSituations(p, r.RecentActivityMonths); known {
			f.b[cRecent] = triOf(recent)
		}
	}
	if p.SeesJobShortTerm != nil {
		f.b[cSees] = triOf(*p.SeesJobShortTerm)
	}
	switch {
	case p.EducationLevel != "" && EducationLevels.Has(string(p.EducationLevel)):
		f.b[cQualified] = triOf(p.EducationLevel.Qualified())
	default:
		for _, dip := range p.Diplomas {
			if dip.Level.Qualified() {
				f.b[cQualified] = yes
				break
			}
		}
	}
	f.impLo, f.impHi = 1, 1
	open := false
	for _, t := range r.FreinThematiques {
		fr, ok := d.Freins[t]
		rank := fr.Impact.Rank()
		if !ok || rank <= 0 {
			open = true
			continue
		}
		if rank > f.impLo {
			f.impLo = rank
		}
	}
	f.impHi = f.impLo
	if open {
		f.impHi = ImpactFort.Rank()
	}
	c := &d.Criteria
	f.b[cRSA] = triOf(c.RSA)
	f.b[cDisability] = triOf(c.RQTH || c.BOETH)
	f.age, f.ageKnown = d.Age()
	return f
}

// Orient decides the pathway, the organisation référente and who decides for
// the diagnostic under the rules (the default rules when nil). A diagnostic
// too incomplete to decide gets the pathway indetermine and the list of what
// is missing: the rules never guess. Orient reads the diagnostic only.
func Orient(d *Diagnostic, rules *OrientationRules) Decision {
	if rules == nil {
		rules = defaultRules()
	}
	if d == nil {
		d = &Diagnostic{}
	}
	dec := Decision{Date: d.Date, Rules: rules.ID, Pathway: PathwayUndetermined, Criteria: []CriterionUse{}}
	cr := rules.compiled
	if cr == nil || cr.from != rules {
		// Rules built in Go rather than loaded: checked, never half-applied.
		if fs := rules.Check(); len(fs) > 0 {
			dec.RulesFaults = fs
			return dec
		}
		cr = compileRules(rules)
	}
	f := readFacts(d, rules)
	dec.Criteria = make([]CriterionUse, 0, 8)
	var missing [nCriteria]bool
	if id, res, ok := apply(cr.pathways, &f, &dec.Criteria, &missing); ok {
		dec.PathwayRule, dec.Pathway, f.pathway = id, Pathway(res), Pathway(res)
	}
	orgOK, decOK := false, false
	if id, res, ok := apply(cr.organisations, &f, &dec.Criteria, &missing); ok {
		dec.OrganisationRule, dec.Organisation, orgOK = id, Organisation(res), true
	}
	if id, res, ok := apply(cr.deciders, &f, &dec.Criteria, &missing); ok {
		dec.DeciderRule, dec.Decider, decOK = id, Decider(res), true
	}
	dec.Determined = dec.Pathway != PathwayUndetermined && orgOK && decOK
	if !dec.Determined {
		dec.Missing = missingCriteria(d, rules, &missing)
	}
	return dec
}

// apply runs the ordered rules: the first true one decides; an unknown one
// before it stops the list undecided and marks its unknown criteria missing.
func apply(rules []compiledRule, f *facts, uses *[]CriterionUse, missing *[nCriteria]bool) (string, string, bool) {
	for i := range rules {
		r := &rules[i]
		if r.cond == nil {
			return r.id, r.result, true
		}
		out := r.cond.eval(f)
		start := len(*uses)
		r.cond.explain(f, out, r, out, uses)
		switch out {
		case yes:
			return r.id, r.result, true
		case unknown:
			for _, u := range (*uses)[start:] {
				if u.Value == valueWords[unknown] || (u.Code == CriterionStrongestFrein && f.impLo != f.impHi) {
					missing[criterionIndex[u.Code]] = true
				}
			}
			return "", "", false
		}
	}
	return "", "", false
}

// missingCriteria lists the unknown criteria and the fields that would give them.
func missingCriteria(d *Diagnostic, r *OrientationRules, missing *[nCriteria]bool) []MissingCriterion {
	var out []MissingCriterion
	sp := func(field string) string { return spie.Pointer("situation_professionnelle", field) }
	for i, m := range missing {
		if !m {
			continue
		}
		mc := MissingCriterion{Code: criterionCode[i]}
		switch i {
		case cRecent:
			if d.Professional.WorkSituation == "" {
				mc.Paths = append(mc.Paths, sp("situation_emploi"))
			}
			mc.Paths = append(mc.Paths, sp("date_derniere_activite"))
			mc.Sentence = "Indiquer la situation d'emploi et la date de la dernière activité professionnelle."
		case cSees:
			mc.Paths = []string{sp("se_projette_dans_emploi")}
			mc.Sentence = "Demander à la personne si elle se projette dans un emploi à court terme."
		case cQualified:
			mc.Paths = []string{sp("niveau_etude")}
			mc.Sentence = "Indiquer le niveau d'études de la personne."
		case cImpact:
			for _, t := range r.FreinThematiques {
				if fr, ok := d.Freins[t]; !ok || fr.Impact.Rank() <= 0 {
					mc.Paths = append(mc.Paths, spie.Pointer("freins", string(t), "impact"))
				}
			}
			mc.Sentence = "Aborder les thématiques de frein restantes et en évaluer l'impact."
		case cAge:
			mc.Paths = []string{spie.Pointer("personne", "date_naissance"), spie.Pointer("date")}
			mc.Sentence = "Indiquer la date de naissance de la personne et la date du diagnostic."
		case cPathway:
			continue // follows from the other criteria
		}
		out = append(out, mc)
	}
	return out
}
