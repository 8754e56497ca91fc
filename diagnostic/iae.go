package diagnostic

import (
	"fmt"
	"strconv"

	"github.com/spie-fr/socle/spie"
)

const sourceIAE = "Les emplois de l'inclusion ; arrêté du 1er septembre 2021 (critères d'éligibilité IAE) ; RULES.md §7"

// peerIAE names the version of les emplois de l'inclusion whose rules were
// read (gip-inclusion/les-emplois, commit 543eae8d2d54, August 2026).
const peerIAE = "les emplois de l'inclusion (gip-inclusion/les-emplois@543eae8d2d54)"

// MapEmploisInclusion maps IAE criteria to the codes of les emplois de
// l'inclusion (AdministrativeCriteriaKind, itou/eligibility/enums.py) and
// IAE authors to its AuthorKind values.
const MapEmploisInclusion = "emplois-inclusion/critere"

// IAECriterion is an administrative criterion of eligibility to insertion
// par l'activité économique. Its definition's Group is the level, "1" or "2".
type IAECriterion string

func iaeDef(key, level, code, fr, en string) spie.Definition {
	return spie.Definition{Key: key, Group: level, Label: spie.Label{FR: fr, EN: en}, Source: sourceIAE,
		Map: map[string][]string{MapEmploisInclusion: {code}}}
}

// IAECriteria is the code list of IAE eligibility criteria, level 1 then
// level 2 (arrêté du 1er septembre 2021, annexe). Each maps to one code of
// les emplois de l'inclusion: socle's "frr" (zone France Ruralités
// Revitalisation, which replaced the ZRR on 1 July 2024, loi n° 2023-1322
// art. 73) is the peer's "ZRR" ("Résident ZRR/ZFRR").
var IAECriteria = spie.Definitions{
	iaeDef("rsa", "1", "RSA", "Bénéficiaire du RSA", "RSA beneficiary"),
	iaeDef("ass", "1", "ASS", "Bénéficiaire de l'allocation de solidarité spécifique", "Specific solidarity allowance beneficiary"),
	iaeDef("aah", "1", "AAH", "Bénéficiaire de l'allocation aux adultes handicapés", "Disabled adult allowance beneficiary"),
	iaeDef("detld", "1", "DETLD", "Demandeur d'emploi de très longue durée (24 mois et plus)", "Very long-term jobseeker (24 months or more)"),
	iaeDef("cap-bep", "2", "CAP_BEP", "Niveau d'étude 3 (CAP, BEP) ou infra", "Education at CAP/BEP level (level 3) or below"),
	iaeDef("senior", "2", "SENIOR", "Senior (50 ans et plus)", "Senior (50 or over)"),
	iaeDef("jeune", "2", "JEUNE", "Jeune de moins de 26 ans", "Young person under 26"),
	iaeDef("ase", "2", "ASE", "Aide sociale à l'enfance", "Child welfare (ASE)"),
	iaeDef("deld", "2", "DELD", "Demandeur d'emploi de longue durée (12 à 24 mois)", "Long-term jobseeker (12 to 24 months)"),
	iaeDef("th", "2", "TH", "Travailleur handicapé (RQTH, BOETH)", "Disabled worker (RQTH, BOETH)"),
	iaeDef("parent-isole", "2", "PI", "Parent isolé", "Lone parent"),
	iaeDef("sans-hebergement", "2", "PSH_PR", "Personne sans hébergement ou hébergée", "Homeless or sheltered person"),
	iaeDef("refugie", "2", "REF_DA", "Réfugié, protection subsidiaire ou demandeur d'asile", "Refugee, subsidiary protection or asylum seeker"),
	iaeDef("frr", "2", "ZRR", "Résident en zone France Ruralités Revitalisation (ex-ZRR)", "Resident of a rural revitalisation area (FRR, formerly ZRR)"),
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

// IAEAuthor is who makes the eligibility diagnosis: an authorised prescriber
// (prescripteur habilité) or the employer itself (SIAE, auto-prescription).
// The author decides whether criteria are required and how long the
// diagnosis stays valid.
type IAEAuthor string

// IAE authors.
const (
	IAEAuthorPrescriber IAEAuthor = "prescripteur-habilite"
	IAEAuthorEmployer   IAEAuthor = "employeur"
)

// MapIAECriteriaRequired is the mapping that says whether an author must
// establish administrative criteria ("oui") or not ("non").
const MapIAECriteriaRequired = "criteres-exiges"

const sourceIAEAuthor = "C. trav. L5132-3 (éligibilité appréciée par un prescripteur habilité ou, par dérogation, par la structure) ; " + peerIAE + " : AuthorKind, itou/www/eligibility_views/forms.py (aucun critère exigé d'un prescripteur habilité)"

// IAEAuthors is the code list of IAE eligibility diagnosis authors. An
// authorised prescriber needs no administrative criterion: its diagnosis
// makes the person eligible to every structure type; an employer must
// establish one level-1 criterion or the level-2 count of its structure type.
var IAEAuthors = spie.Definitions{
	{Key: string(IAEAuthorPrescriber), Label: spie.Label{FR: "Prescripteur habilité", EN: "Authorised prescriber"}, Source: sourceIAEAuthor,
		Description: spie.Label{FR: "France Travail, Mission locale, Cap emploi, Département, ou organisme habilité par le préfet : aucun critère administratif n'est exigé.", EN: "France Travail, Mission locale, Cap emploi, Département, or an organisation authorised by the préfet: no administrative criterion is required."},
		Map:         map[string][]string{MapEmploisInclusion: {"prescriber"}, MapIAECriteriaRequired: {"non"}}},
	{Key: string(IAEAuthorEmployer), Label: spie.Label{FR: "Employeur (auto-prescription de la SIAE)", EN: "Employer (SIAE self-prescription)"}, Source: sourceIAEAuthor,
		Description: spie.Label{FR: "La structure établit elle-même l'éligibilité : un critère de niveau 1, ou le nombre de critères de niveau 2 de son type.", EN: "The structure establishes eligibility itself: one level-1 criterion, or its type's number of level-2 criteria."},
		Map:         map[string][]string{MapEmploisInclusion: {"employer"}, MapIAECriteriaRequired: {"oui"}}},
}

// Definitions implements spie.Enum.
func (IAEAuthor) Definitions() spie.Definitions { return IAEAuthors }

// CriteriaRequired reports whether the author must establish administrative
// criteria (false for an authorised prescriber and for an unknown author).
func (a IAEAuthor) CriteriaRequired() bool {
	d, ok := IAEAuthors.Get(string(a))
	return ok && len(d.Map[MapIAECriteriaRequired]) == 1 && d.Map[MapIAECriteriaRequired][0] == "oui"
}

// IAEOutOfScope lists the inclusive employers of les emplois de l'inclusion
// that socle's IAE verdict does not cover, each with the reason. Asking a
// verdict for one of them gives IAE-STRUCTURE-02.
var IAEOutOfScope = spie.Definitions{
	{Key: "GEIQ", Label: spie.Label{FR: "Groupement d'employeurs pour l'insertion et la qualification", EN: "Employers' group for integration and qualification (GEIQ)"},
		Source:      "C. trav. L1253-1 ; " + peerIAE + " : administrative_criteria_geiq.json, geiq_allowance_amount",
		Description: spie.Label{FR: "Le GEIQ n'est pas une SIAE : ses critères (annexes 1 et 2, 28 critères) ouvrent une aide (0, 814 ou 1 400 €), pas un parcours IAE ; non modélisé.", EN: "A GEIQ is not an SIAE: its criteria (annexes 1 and 2, 28 criteria) open an allowance (0, 814 or 1,400 €), not an IAE pathway; not modelled."}},
	{Key: "EA", Label: spie.Label{FR: "Entreprise adaptée", EN: "Adapted enterprise (EA)"},
		Source:      "C. trav. L5213-13 et L5213-13-1 ; " + peerIAE + " : CompanyKind.EA hors siae_kinds",
		Description: spie.Label{FR: "L'entreprise adaptée emploie des travailleurs handicapés (RQTH) : pas de diagnostic d'éligibilité IAE ; non modélisé.", EN: "An adapted enterprise employs disabled workers (RQTH): no IAE eligibility diagnosis; not modelled."}},
	{Key: "EATT", Label: spie.Label{FR: "Entreprise adaptée de travail temporaire", EN: "Temporary work adapted enterprise (EATT)"},
		Source:      "Loi n° 2018-771 art. 79 (expérimentation EATT) ; " + peerIAE + " : CompanyKind.EATT hors siae_kinds",
		Description: spie.Label{FR: "Expérimentation réservée aux travailleurs handicapés : pas de diagnostic d'éligibilité IAE ; non modélisé.", EN: "Experiment reserved to disabled workers: no IAE eligibility diagnosis; not modelled."}},
}

// IAEExclusivePairs are the criteria that cannot be selected together: a
// selection holding both is refused, whatever the order (IAE-CRITERE-11).
// Source: les emplois de l'inclusion, AdministrativeCriteriaForm.clean
// (itou/www/eligibility_views/forms.py): SENIOR with JEUNE, DETLD with DELD;
// the arrêté du 1er septembre 2021 defines them by disjoint bounds (50 ans et
// plus / moins de 26 ans; 24 mois et plus / 12 à 24 mois).
var IAEExclusivePairs = [][2]IAECriterion{{"senior", "jeune"}, {"detld", "deld"}}

// IAEValidity is how long an eligibility diagnosis stays valid.
type IAEValidity struct {
	// Validité d'un diagnostic fait par un prescripteur habilité, en mois.
	PrescriberMonths int `json:"prescripteur_mois"`
	// Validité d'un diagnostic fait par l'employeur (auto-prescription), en jours.
	EmployerDays int `json:"employeur_jours"`
}

// DefaultIAEValidity is the validity of les emplois de l'inclusion: 6 months
// (prescriber), 92 days (employer) — EXPIRATION_DELAY_MONTHS and
// EMPLOYER_DIAGNOSIS_VALIDITY_TIMEDELTA in itou/eligibility/models.
var DefaultIAEValidity = IAEValidity{PrescriberMonths: 6, EmployerDays: 92}

// ExpiresOn returns the first day on which a diagnosis made on date by the
// author is no longer valid: date + 6 months (the same day of the month,
// clamped to the month's last day) for a prescriber, date + 92 days for an
// employer; "" when the date or the author is unknown.
//
// The boundary is the peer's: its expires_at is "Diagnostic expiré à compter
// de ce jour" and a diagnosis is valid while expires_at > today
// (itou/eligibility/models/common.py). No legal text fixes the day count;
// a diagnosis of 31 August by a prescriber is valid until 27 February and
// expired from 28 February (non-leap year).
func (v IAEValidity) ExpiresOn(date spie.Date, a IAEAuthor) spie.Date {
	if _, ok := date.Time(); !ok {
		return ""
	}
	switch a {
	case IAEAuthorPrescriber:
		return date.AddMonths(v.PrescriberMonths)
	case IAEAuthorEmployer:
		return date.AddDays(v.EmployerDays)
	}
	return ""
}

// Fault types of IAE eligibility.
var (
	FaultIAEStructure    = &spie.FaultType{Code: "IAE-STRUCTURE-01", Severity: spie.SeverityError, FR: "type de structure IAE inconnu : %q (ACI, EI, EITI, AI ou ETTI)", EN: "unknown IAE structure type %q (ACI, EI, EITI, AI or ETTI)", Source: "RULES.md §7 : ACI, EI, EITI, AI, ETTI (C. trav. L5132-4, les emplois de l'inclusion)"}
	FaultIAEOutOfScope   = &spie.FaultType{Code: "IAE-STRUCTURE-02", Severity: spie.SeverityError, FR: "%s : hors du champ de l'éligibilité IAE de socle (%s)", EN: "%s: outside socle's IAE eligibility (%s)", Source: "C. trav. L5132-4 (les SIAE : ACI, EI, EITI, AI, ETTI) ; GEIQ (L1253-1), EA (L5213-13), EATT (loi n° 2018-771 art. 79) ne sont pas des SIAE"}
	FaultIAECriterion    = &spie.FaultType{Code: "IAE-CRITERE-01", Severity: spie.SeverityError, FR: "critère d'éligibilité IAE inconnu : %q", EN: "unknown IAE eligibility criterion %q", Source: "RULES.md §7 : critères d'éligibilité IAE de niveau 1 et 2 (les emplois de l'inclusion)"}
	FaultIAEDuplicate    = &spie.FaultType{Code: "IAE-CRITERE-02", Severity: spie.SeverityWarning, FR: "critère %q cité deux fois", EN: "criterion %q listed twice", Source: "RULES.md §7 : chaque critère compte une fois"}
	FaultIAEExclusiveOld = &spie.FaultType{Code: "IAE-CRITERE-10", Severity: spie.SeverityError, FR: "les critères %q et %q s'excluent : un seul est retenu", EN: "criteria %q and %q exclude each other: only one counts", Source: "RULES.md §7 : SENIOR et JEUNE, DETLD et DELD s'excluent", Retired: true, ReplacedBy: []string{"IAE-CRITERE-11"}}
	FaultIAEExclusive    = &spie.FaultType{Code: "IAE-CRITERE-11", Severity: spie.SeverityError, FR: "les critères %q et %q ne peuvent être sélectionnés ensemble : sélection refusée", EN: "criteria %q and %q cannot be selected together: selection refused", Source: "Arrêté du 1er septembre 2021 (bornes disjointes : 50 ans et plus / moins de 26 ans ; 24 mois et plus / 12 à 24 mois) ; " + peerIAE + " : AdministrativeCriteriaForm.clean refuse la sélection"}
	FaultIAEDate         = &spie.FaultType{Code: "IAE-DATE-01", Severity: spie.SeverityError, FR: "date du diagnostic d'éligibilité absente ou mal formée : %q", EN: "eligibility diagnosis date missing or malformed: %q", Source: "RULES.md §7 : un diagnostic d'éligibilité vaut 6 mois (prescripteur) ou 92 jours (employeur) à compter de sa date"}
	FaultIAEExpired      = &spie.FaultType{Code: "IAE-DATE-02", Severity: spie.SeverityError, FR: "diagnostic d'éligibilité expiré depuis le %s (fait le %s, auteur : %s)", EN: "eligibility diagnosis expired since %s (made on %s, author: %s)", Source: "RULES.md §7 : 6 mois (prescripteur) ou 92 jours (employeur) ; " + peerIAE + " : expires_at est le premier jour expiré"}
	FaultIAEFuture       = &spie.FaultType{Code: "IAE-DATE-03", Severity: spie.SeverityError, FR: "diagnostic d'éligibilité daté du %s, après le jour du verdict (%s)", EN: "eligibility diagnosis dated %s, after the day of the verdict (%s)", Source: "RULES.md §7 : la validité court à compter de la date du diagnostic"}
	FaultIAEOn           = &spie.FaultType{Code: "IAE-DATE-04", Severity: spie.SeverityError, FR: "jour du verdict absent ou mal formé : %q", EN: "day of the verdict missing or malformed: %q", Source: "RULES.md §7 : l'éligibilité s'apprécie à un jour donné, pendant la validité du diagnostic"}
	FaultIAEAuthor       = &spie.FaultType{Code: "IAE-AUTEUR-01", Severity: spie.SeverityError, FR: "auteur du diagnostic d'éligibilité inconnu : %q (prescripteur-habilite ou employeur)", EN: "unknown eligibility diagnosis author %q (prescripteur-habilite or employeur)", Source: "C. trav. L5132-3 ; " + peerIAE + " : AuthorKind (prescriber, employer)"}
)

// IAEInput is what an IAE verdict is computed from.
type IAEInput struct {
	// Critères administratifs retenus (lus d'un diagnostic ou sélectionnés).
	Criteria []IAECriterion
	// Type de structure : ACI, EI, EITI, AI ou ETTI.
	Structure IAEStructure
	// Auteur du diagnostic d'éligibilité (IAEAuthors).
	Author IAEAuthor
	// Date du diagnostic d'éligibilité.
	Date spie.Date
	// Jour du verdict (aujourd'hui, ou la date d'embauche envisagée).
	On spie.Date
	// Durées de validité ; la valeur zéro vaut DefaultIAEValidity.
	Validity IAEValidity
}

// IAE verdict rules: which rule decided the verdict (IAEEligibility.Rule).
const (
	IAERulePrescriber   = "prescripteur-habilite" // eligible: authorised prescriber, no criterion required
	IAERuleLevel1       = "niveau-1"              // eligible: one level-1 criterion
	IAERuleLevel2       = "niveau-2"              // eligible: enough level-2 criteria
	IAERuleInsufficient = "criteres-insuffisants" // not eligible: too few criteria
	IAERuleRefused      = "selection-refusee"     // not eligible: an error in the input (see the faults)
	IAERuleExpired      = "diagnostic-expire"     // not eligible: the diagnosis has expired on the day
	IAERuleOutOfScope   = "hors-champ"            // not eligible: GEIQ, EA or EATT
)

// IAEEligibility is the eligibility of a person to one IAE structure type on
// one day. Eligible is never true together with an error fault.
type IAEEligibility struct {
	// Type de structure.
	Structure IAEStructure `json:"structure"`
	// Auteur du diagnostic d'éligibilité.
	Author IAEAuthor `json:"auteur"`
	// Vrai quand la personne est éligible le jour du verdict.
	Eligible bool `json:"eligible"`
	// Règle qui a décidé (IAERule…).
	Rule string `json:"regle"`
	// Critères de niveau 1 retenus.
	Level1 []IAECriterion `json:"criteres_niveau_1"`
	// Critères de niveau 2 retenus.
	Level2 []IAECriterion `json:"criteres_niveau_2"`
	// Nombre de critères de niveau 2 exigés sans critère de niveau 1 (0 quand l'auteur n'a pas à établir de critère).
	Level2Required int `json:"criteres_niveau_2_requis"`
	// Date du diagnostic d'éligibilité.
	Date spie.Date `json:"date,omitempty"`
	// Jour du verdict.
	On spie.Date `json:"jour,omitempty"`
	// Premier jour où le diagnostic n'est plus valable.
	ExpiresOn spie.Date `json:"expire_le,omitempty"`
	// Explication en français.
	Sentence string `json:"phrase"`
	// Problèmes relevés.
	Faults spie.Faults `json:"fautes,omitempty"`
}

// IAECriteriaOf reads the IAE criteria that the diagnostic establishes, in
// the order of IAECriteria: public criteria, months registered as a
// jobseeker, age at the diagnostic date, education level, and a mobility
// frein of impact moyen or fort.
//
// CAP_BEP is an education level of NV5 (CAP, BEP) or below, diploma or not:
// the arrêté du 1er septembre 2021 says « niveau d'étude 3 (CAP, BEP) ou
// infra » and the peer counts ASP levels 50 (formation de niveau CAP/BEP)
// and 51 (diplôme obtenu CAP ou BEP) alike
// (EducationLevel.eligible_for_cap_bep_criterion, itou/asp/models.py).
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
	capBEP := EducationLevels.Has(string(lvl)) && (!lvl.Qualified() || lvl == "NV5")
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

// AssessIAE computes the eligibility on day on of the person of the
// diagnostic to the structure type, the diagnostic being made by author.
func AssessIAE(d *Diagnostic, s IAEStructure, author IAEAuthor, on spie.Date) IAEEligibility {
	if d == nil {
		d = &Diagnostic{}
	}
	return AssessIAECriteria(IAEInput{Criteria: IAECriteriaOf(d), Structure: s, Author: author, Date: d.Date, On: on})
}

// AssessIAEAll computes the eligibility to every structure type, in the order
// of IAEStructures.
func AssessIAEAll(d *Diagnostic, author IAEAuthor, on spie.Date) []IAEEligibility {
	if d == nil {
		d = &Diagnostic{}
	}
	crit := IAECriteriaOf(d)
	out := make([]IAEEligibility, 0, len(IAEStructures))
	for _, s := range IAEStructures {
		out = append(out, AssessIAECriteria(IAEInput{Criteria: crit, Structure: IAEStructure(s.Key), Author: author, Date: d.Date, On: on}))
	}
	return out
}

// AssessIAECriteria computes the verdict, in this order of rules:
//   - the input must be sound: known structure type (GEIQ, EA, EATT are out
//     of scope: IAE-STRUCTURE-02), known author, known criteria, no
//     exclusive pair (IAE-CRITERE-11, whatever the order), a diagnosis date
//     and a day of verdict; any error refuses the verdict;
//   - the diagnosis must be valid on the day: not after it, and before
//     IAEValidity.ExpiresOn (IAE-DATE-02 otherwise);
//   - an authorised prescriber needs no criterion; an employer needs one
//     level-1 criterion, else the structure type's count of level-2 criteria
//     (C. trav. L5132-3, arrêté du 1er septembre 2021).
//
// Eligible is never true together with an error fault.
func AssessIAECriteria(in IAEInput) IAEEligibility {
	v := in.Validity
	if v == (IAEValidity{}) {
		v = DefaultIAEValidity
	}
	e := IAEEligibility{Structure: in.Structure, Author: in.Author, Date: in.Date, On: in.On, Level1: []IAECriterion{}, Level2: []IAECriterion{}}
	label := IAEStructures.LabelOf(string(in.Structure))
	if out, ok := IAEOutOfScope.Get(string(in.Structure)); ok {
		e.Faults = append(e.Faults, FaultIAEOutOfScope.At(spie.Pointer("structure"), out.Label.FR, out.Description.FR))
		e.Rule = IAERuleOutOfScope
		e.Sentence = fmt.Sprintf("Hors du champ de l'IAE : %s. %s", out.Label.FR, out.Description.FR)
		return e
	}
	if in.Structure.Level2Required() == 0 {
		e.Faults = append(e.Faults, FaultIAEStructure.At(spie.Pointer("structure"), string(in.Structure)))
	}
	if !IAEAuthors.Has(string(in.Author)) {
		e.Faults = append(e.Faults, FaultIAEAuthor.At(spie.Pointer("auteur"), string(in.Author)))
	}
	if in.Author.CriteriaRequired() {
		e.Level2Required = in.Structure.Level2Required()
	}
	seen := map[IAECriterion]int{}
	for i, c := range in.Criteria {
		p := spie.Pointer("criteres", i)
		switch _, dup := seen[c]; {
		case c.Level() == 0:
			e.Faults = append(e.Faults, FaultIAECriterion.At(p, string(c)))
			continue
		case dup:
			e.Faults = append(e.Faults, FaultIAEDuplicate.At(p, string(c)))
			continue
		}
		seen[c] = i
		if c.Level() == 1 {
			e.Level1 = append(e.Level1, c)
		} else {
			e.Level2 = append(e.Level2, c)
		}
	}
	for _, pair := range IAEExclusivePairs {
		i, ok0 := seen[pair[0]]
		j, ok1 := seen[pair[1]]
		if ok0 && ok1 {
			e.Faults = append(e.Faults, FaultIAEExclusive.At(spie.Pointer("criteres", max(i, j)), string(pair[0]), string(pair[1])))
		}
	}
	if _, ok := in.Date.Time(); !ok {
		e.Faults = append(e.Faults, FaultIAEDate.At(spie.Pointer("date"), string(in.Date)))
	}
	if _, ok := in.On.Time(); !ok {
		e.Faults = append(e.Faults, FaultIAEOn.At(spie.Pointer("jour"), string(in.On)))
	}
	e.ExpiresOn = v.ExpiresOn(in.Date, in.Author)
	if !e.Faults.Valid() {
		e.Rule = IAERuleRefused
		e.Sentence = fmt.Sprintf("Éligibilité à l'IAE (%s) non établie : la demande est refusée (%d problème(s) relevé(s)).", labelOr(label, in.Structure), len(e.Faults.Errors()))
		return e
	}
	author := authorPhrase(in.Author, v)
	switch {
	case in.Date.After(in.On):
		e.Faults = append(e.Faults, FaultIAEFuture.At(spie.Pointer("date"), string(in.Date), string(in.On)))
		e.Rule = IAERuleRefused
		e.Sentence = fmt.Sprintf("Éligibilité à l'IAE (%s) non établie : le diagnostic du %s est postérieur au %s.", label, in.Date, in.On)
		return e
	case !in.On.Before(e.ExpiresOn):
		e.Faults = append(e.Faults, FaultIAEExpired.At(spie.Pointer("date"), string(e.ExpiresOn), string(in.Date), string(in.Author)))
		e.Rule = IAERuleExpired
		e.Sentence = fmt.Sprintf("Non éligible à l'IAE (%s) au %s : le diagnostic du %s (%s) est expiré depuis le %s.", label, in.On, in.Date, author, e.ExpiresOn)
		return e
	}
	last := e.ExpiresOn.AddDays(-1)
	switch {
	case !in.Author.CriteriaRequired():
		e.Eligible, e.Rule = true, IAERulePrescriber
		e.Sentence = fmt.Sprintf("Éligible à l'IAE (%s) : diagnostic d'un prescripteur habilité, aucun critère administratif exigé ; valable jusqu'au %s inclus.", label, last)
	case len(e.Level1) > 0:
		e.Eligible, e.Rule = true, IAERuleLevel1
		e.Sentence = fmt.Sprintf("Éligible à l'IAE (%s) : critère de niveau 1 « %s » ; valable jusqu'au %s inclus.", label, IAECriteria.LabelOf(string(e.Level1[0])), last)
	case len(e.Level2) >= e.Level2Required:
		e.Eligible, e.Rule = true, IAERuleLevel2
		e.Sentence = fmt.Sprintf("Éligible à l'IAE (%s) : %d critères de niveau 2 (au moins %d exigés) ; valable jusqu'au %s inclus.", label, len(e.Level2), e.Level2Required, last)
	default:
		e.Rule = IAERuleInsufficient
		e.Sentence = fmt.Sprintf("Non éligible à l'IAE (%s) : aucun critère de niveau 1 et %d critère(s) de niveau 2 sur %d exigés d'un employeur.", label, len(e.Level2), e.Level2Required)
	}
	return e
}

// authorPhrase says who made the diagnosis and how long it is valid, in
// French: "prescripteur habilité, valable 6 mois".
func authorPhrase(a IAEAuthor, v IAEValidity) string {
	if a == IAEAuthorPrescriber {
		return fmt.Sprintf("prescripteur habilité, valable %d mois", v.PrescriberMonths)
	}
	return fmt.Sprintf("employeur, valable %d jours", v.EmployerDays)
}

func labelOr(label string, s IAEStructure) string {
	if label == "" || label == string(s) {
		return fmt.Sprintf("type %q", string(s))
	}
	return label
}

// ValidAt reports whether the eligibility diagnosis is valid on date at: on
// or after its date and before ExpiresOn.
func (e IAEEligibility) ValidAt(at spie.Date) bool {
	if _, ok := at.Time(); !ok || e.ExpiresOn.IsZero() {
		return false
	}
	return at.Before(e.ExpiresOn) && !at.Before(e.Date)
}
