package diagnostic

import (
	"fmt"
	"strconv"

	"github.com/spie-fr/socle/spie"
)

const sourceIAE = "Les emplois de l'inclusion ; arrêté du 1er septembre 2021 (critères d'éligibilité IAE) ; RULES.md §7"

// MapEmploisInclusion maps IAE criteria to the codes of les emplois de l'inclusion.
const MapEmploisInclusion = "emplois-inclusion/critere"

// IAECriterion is an administrative criterion of eligibility to insertion
// par l'activité économique. Its definition's Group is the level, "1" or "2".
type IAECriterion string

func iaeDef(key, level, code, fr, en string) spie.Definition {
	return spie.Definition{Key: key, Group: level, Label: spie.Label{FR: fr, EN: en}, Source: sourceIAE,
		Map: map[string][]string{MapEmploisInclusion: {code}}}
}

// IAECriteria is the code list of IAE eligibility criteria, level 1 then level 2.
var IAECriteria = spie.Definitions{
	iaeDef("rsa", "1", "RSA", "Bénéficiaire du RSA", "RSA beneficiary"),
	iaeDef("ass", "1", "ASS", "Bénéficiaire de l'allocation de solidarité spécifique", "Specific solidarity allowance beneficiary"),
	iaeDef("aah", "1", "AAH", "Bénéficiaire de l'allocation aux adultes handicapés", "Disabled adult allowance beneficiary"),
	iaeDef("detld", "1", "DETLD", "Demandeur d'emploi de très longue durée (24 mois et plus)", "Very long-term jobseeker (24 months or more)"),
	iaeDef("cap-bep", "2", "CAP_BEP", "Niveau d'étude 3 (CAP, BEP) ou infra, sans diplôme", "Education up to CAP/BEP level without a diploma"),
	iaeDef("senior", "2", "SENIOR", "Senior (50 ans et plus)", "Senior (50 or over)"),
	iaeDef("jeune", "2", "JEUNE", "Jeune de moins de 26 ans", "Young person under 26"),
	iaeDef("ase", "2", "ASE", "Aide sociale à l'enfance", "Child welfare (ASE)"),
	iaeDef("deld", "2", "DELD", "Demandeur d'emploi de longue durée (12 à 24 mois)", "Long-term jobseeker (12 to 24 months)"),
	iaeDef("th", "2", "TH", "Travailleur handicapé (RQTH, BOETH)", "Disabled worker (RQTH, BOETH)"),
	iaeDef("parent-isole", "2", "PI", "Parent isolé", "Lone parent"),
	iaeDef("sans-hebergement", "2", "PSH_PR", "Personne sans hébergement ou hébergée", "Homeless or sheltered person"),
	iaeDef("refugie", "2", "REF_DA", "Réfugié, protection subsidiaire ou demandeur d'asile", "Refugee, subsidiary protection or asylum seeker"),
	iaeDef("frr", "2", "FRR", "Résident en zone France Ruralités Revitalisation (ex-ZRR)", "Resident of a rural revitalisation area (FRR, formerly ZRR)"),
	iaeDef("qpv", "2", "QPV", "Résident d'un quartier prioritaire de la politique de la ville", "Resident of a priority urban district (QPV)"),
	iaeDef("sous-main-justice", "2", "DETENTION_MJ", "Détenu ou placé sous main de justice", "Prisoner or under judicial supervision"),
	iaeDef("fle", "2", "FLE", "Maîtrise de la langue française inférieure au niveau A1", "French below level A1"),
	iaeDef("mobilite", "2", "PM", "Problème de mobilité", "Mobility problem"),
}

// Definitions implements spie.Enum.
func (IAECriterion) Definitions() spie.Definitions { return IAECriteria }

// Level returns 1 or 2 (0 when unknown).
func (c IAECriterion) Level() int {
	d, ok := IAECriteria.Get(string(c))
	if !ok {
		return 0
	}
	n, _ := strconv.Atoi(d.Group)
	return n
}

// IAEStructure is a type of structure d'insertion par l'activité économique.
// Its definition maps "criteres-niveau-2" to the number of level-2 criteria
// required without a level-1 criterion.
type IAEStructure string

// IAE structure types.
const (
	IAEStructureACI  IAEStructure = "ACI"
	IAEStructureEI   IAEStructure = "EI"
	IAEStructureEITI IAEStructure = "EITI"
	IAEStructureAI   IAEStructure = "AI"
	IAEStructureETTI IAEStructure = "ETTI"
)

// MapIAELevel2Required is the mapping that holds how many level-2 criteria a
// structure type requires.
const MapIAELevel2Required = "criteres-niveau-2"

// IAEStructures is the code list of IAE structure types.
var IAEStructures = spie.Definitions{
	{Key: "ACI", Label: spie.Label{FR: "Atelier et chantier d'insertion", EN: "Integration workshop (ACI)"}, Source: sourceIAE, Map: map[string][]string{MapIAELevel2Required: {"3"}}},
	{Key: "EI", Label: spie.Label{FR: "Entreprise d'insertion", EN: "Integration enterprise (EI)"}, Source: sourceIAE, Map: map[string][]string{MapIAELevel2Required: {"3"}}},
	{Key: "EITI", Label: spie.Label{FR: "Entreprise d'insertion par le travail indépendant", EN: "Self-employment integration enterprise (EITI)"}, Source: sourceIAE, Map: map[string][]string{MapIAELevel2Required: {"3"}}},
	{Key: "AI", Label: spie.Label{FR: "Association intermédiaire", EN: "Intermediary association (AI)"}, Source: sourceIAE, Map: map[string][]string{MapIAELevel2Required: {"2"}}},
	{Key: "ETTI", Label: spie.Label{FR: "Entreprise de travail temporaire d'insertion", EN: "Temporary work integration enterprise (ETTI)"}, Source: sourceIAE, Map: map[string][]string{MapIAELevel2Required: {"2"}}},
}

// Definitions implements spie.Enum.
func (IAEStructure) Definitions() spie.Definitions { return IAEStructures }

// Level2Required returns the number of level-2 criteria the structure type
// requires without a level-1 criterion (0 when unknown).
func (s IAEStructure) Level2Required() int {
	d, ok := IAEStructures.Get(string(s))
	if !ok || len(d.Map[MapIAELevel2Required]) != 1 {
		return 0
	}
	n, _ := strconv.Atoi(d.Map[MapIAELevel2Required][0])
	return n
}

// IAEExclusivePairs are the criteria that cannot be counted together.
var IAEExclusivePairs = [][2]IAECriterion{{"senior", "jeune"}, {"detld", "deld"}}

// IAEValidity is how long an eligibility diagnosis stays valid.
type IAEValidity struct {
	// Validité d'un diagnostic fait par un prescripteur habilité, en mois.
	PrescriberMonths int `json:"prescripteur_mois"`
	// Validité d'un diagnostic fait par l'employeur (auto-prescription), en jours.
	EmployerDays int `json:"employeur_jours"`
}

// DefaultIAEValidity is the validity of les emplois de l'inclusion: 6 months
// (prescriber), 92 days (employer).
var DefaultIAEValidity = IAEValidity{PrescriberMonths: 6, EmployerDays: 92}

// Fault types of IAE eligibility.
var (
	FaultIAEStructure = spie.NewFaultType("IAE-STRUCTURE-01", spie.SeverityError, "type de structure IAE inconnu : %q (ACI, EI, EITI, AI ou ETTI)", "unknown IAE structure type %q (ACI, EI, EITI, AI or ETTI)").WithSource("RULES.md §7 : ACI, EI, EITI, AI, ETTI (C. trav. L5132-4, les emplois de l'inclusion)")
	FaultIAECriterion = spie.NewFaultType("IAE-CRITERE-01", spie.SeverityError, "critère d'éligibilité IAE inconnu : %q", "unknown IAE eligibility criterion %q").WithSource("RULES.md §7 : critères d'éligibilité IAE de niveau 1 et 2 (les emplois de l'inclusion)")
	FaultIAEDuplicate = spie.NewFaultType("IAE-CRITERE-02", spie.SeverityWarning, "critère %q cité deux fois", "criterion %q listed twice").WithSource("RULES.md §7 : chaque critère compte une fois")
	FaultIAEExclusive = spie.NewFaultType("IAE-CRITERE-10", spie.SeverityError, "les critères %q et %q s'excluent : un seul est retenu", "criteria %q and %q exclude each other: only one counts").WithSource("RULES.md §7 : SENIOR et JEUNE, DETLD et DELD s'excluent")
	FaultIAEDate      = spie.NewFaultType("IAE-DATE-01", spie.SeverityError, "date du diagnostic d'éligibilité absente ou mal formée : %q", "eligibility diagnosis date missing or malformed: %q").WithSource("RULES.md §7 : un diagnostic d'éligibilité vaut 6 mois (prescripteur) ou 92 jours (employeur) à compter de sa date")
)

// IAEEligibility is the eligibility of a person to one IAE structure type.
type IAEEligibility struct {
	// Type de structure.
	Structure IAEStructure `json:"structure"`
	// Vrai quand la personne est éligible.
	Eligible bool `json:"eligible"`
	// Critères de niveau 1 retenus.
	Level1 []IAECriterion `json:"criteres_niveau_1"`
	// Critères de niveau 2 retenus.
	Level2 []IAECriterion `json:"criteres_niveau_2"`
	// Nombre de critères de niveau 2 exigés sans critère de niveau 1.
	Level2Required int `json:"criteres_niveau_2_requis"`
	// Date du diagnostic d'éligibilité.
	Date spie.Date `json:"date,omitempty"`
	// Fin de validité du diagnostic fait par un prescripteur.
	ValidUntilPrescriber spie.Date `json:"fin_validite_prescripteur,omitempty"`
	// Fin de validité du diagnostic fait par l'employeur.
	ValidUntilEmployer spie.Date `json:"fin_validite_employeur,omitempty"`
	// Explication en français.
	Sentence string `json:"phrase"`
	// Problèmes relevés.
	Faults spie.Faults `json:"fautes,omitempty"`
}

// IAECriteriaOf reads the IAE criteria that the diagnostic establishes, in
// the order of IAECriteria: public criteria, months registered as a
// jobseeker, age at the diagnostic date, education level without a
// qualifying diploma, and a mobility frein of impact moyen or fort.
func IAECriteriaOf(d *Diagnostic) []IAECriterion {
	if d == nil {
		return nil
	}
	c := d.Criteria
	age, hasAge := d.Age()
	months := -1
	if c.MonthsRegistered != nil {
		months = *c.MonthsRegistered
	}
	lvl := d.Professional.EducationLevel
	capBEP := false
	if EducationLevels.Has(string(lvl)) {
		capBEP = !lvl.Qualified()
		if lvl == "NV5" {
			capBEP = true
			for _, dip := range d.Professional.Diplomas {
				if dip.Level.Qualified() {
					capBEP = false
				}
			}
		}
	}
	mob := d.Freins[FreinThematique(spie.ThematiqueMobilite)].Impact.Rank() >= ImpactMoyen.Rank()
	has := map[IAECriterion]bool{
		"rsa": c.RSA, "ass": c.ASS, "aah": c.AAH, "detld": months >= 24,
		"cap-bep": capBEP, "senior": hasAge && age >= 50, "jeune": hasAge && age < 26, "ase": c.ASE,
		"deld": months >= 12 && months < 24, "th": c.RQTH || c.BOETH, "parent-isole": c.ParentIsole,
		"sans-hebergement": c.SansHebergement, "refugie": c.Refugie, "frr": c.FRR, "qpv": c.QPV,
		"sous-main-justice": c.SousMainJustice, "fle": c.FrancaisInferieurA1, "mobilite": mob,
	}
	var out []IAECriterion
	for _, def := range IAECriteria {
		if has[IAECriterion(def.Key)] {
			out = append(out, IAECriterion(def.Key))
		}
	}
	return out
}

// AssessIAE computes the eligibility of the person of the diagnostic to the
// structure type, with the validity of the diagnosis from its date.
func AssessIAE(d *Diagnostic, s IAEStructure) IAEEligibility {
	if d == nil {
		d = &Diagnostic{}
	}
	return AssessIAECriteria(IAECriteriaOf(d), s, d.Date, DefaultIAEValidity)
}

// AssessIAEAll computes the eligibility to every structure type, in the order
// of IAEStructures.
func AssessIAEAll(d *Diagnostic) []IAEEligibility {
	if d == nil {
		d = &Diagnostic{}
	}
	crit := IAECriteriaOf(d)
	out := make([]IAEEligibility, 0, len(IAEStructures))
	for _, s := range IAEStructures {
		out = append(out, AssessIAECriteria(crit, IAEStructure(s.Key), d.Date, DefaultIAEValidity))
	}
	return out
}

// AssessIAECriteria computes the eligibility from a list of criteria (read
// from a diagnostic, or selected by a prescriber): eligible with one level-1
// criterion, else with the number of level-2 criteria the structure type
// requires; of an exclusive pair only the first counts (fault IAE-CRITERE-10).
func AssessIAECriteria(criteria []IAECriterion, s IAEStructure, date spie.Date, v IAEValidity) IAEEligibility {
	e := IAEEligibility{Structure: s, Date: date, Level1: []IAECriterion{}, Level2: []IAECriterion{}}
	e.Level2Required = s.Level2Required()
	if e.Level2Required == 0 {
		e.Faults = append(e.Faults, FaultIAEStructure.At(spie.Pointer("structure"), string(s)))
	}
	seen := map[IAECriterion]bool{}
	for i, c := range criteria {
		p := spie.Pointer("criteres", i)
		switch {
		case c.Level() == 0:
			e.Faults = append(e.Faults, FaultIAECriterion.At(p, string(c)))
			continue
		case seen[c]:
			e.Faults = append(e.Faults, FaultIAEDuplicate.At(p, string(c)))
			continue
		}
		excluded := false
		for _, pair := range IAEExclusivePairs {
			for k := 0; k < 2; k++ {
				if c == pair[k] && seen[pair[1-k]] {
					e.Faults = append(e.Faults, FaultIAEExclusive.At(p, string(pair[1-k]), string(c)))
					excluded = true
				}
			}
		}
		seen[c] = true
		if excluded {
			continue
		}
		if c.Level() == 1 {
			e.Level1 = append(e.Level1, c)
		} else {
			e.Level2 = append(e.Level2, c)
		}
	}
	if _, ok := date.Time(); ok {
		e.ValidUntilPrescriber = date.AddMonths(v.PrescriberMonths)
		e.ValidUntilEmployer = date.AddDays(v.EmployerDays)
	} else {
		e.Faults = append(e.Faults, FaultIAEDate.At(spie.Pointer("date"), string(date)))
	}
	label := IAEStructures.LabelOf(string(s))
	switch {
	case e.Level2Required == 0:
		e.Sentence = fmt.Sprintf("Type de structure inconnu : %s.", s)
	case len(e.Level1) > 0:
		e.Eligible = true
		e.Sentence = fmt.Sprintf("Éligible à l'IAE (%s) : critère de niveau 1 « %s ».", label, IAECriteria.LabelOf(string(e.Level1[0])))
	case len(e.Level2) >= e.Level2Required:
		e.Eligible = true
		e.Sentence = fmt.Sprintf("Éligible à l'IAE (%s) : %d critères de niveau 2 (au moins %d exigés).", label, len(e.Level2), e.Level2Required)
	default:
		e.Sentence = fmt.Sprintf("Non éligible à l'IAE (%s) : aucun critère de niveau 1 et %d critère(s) de niveau 2 sur %d exigés.", label, len(e.Level2), e.Level2Required)
	}
	return e
}

// ValidAt reports whether the eligibility diagnosis is still valid on date at,
// for a diagnosis made by a prescriber or by the employer.
func (e IAEEligibility) ValidAt(at spie.Date, byEmployer bool) bool {
	end := e.ValidUntilPrescriber
	if byEmployer {
		end = e.ValidUntilEmployer
	}
	if _, ok := at.Time(); !ok || end.IsZero() {
		return false
	}
	return !at.After(end) && !at.Before(e.Date)
}
