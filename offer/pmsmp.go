package offer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spie-fr/socle/spie"
)

const sourcePMSMP = "C. trav. L5135-1 à L5135-8, D5135-1 à D5135-8 ; RULES.md §6"

// peerAgencyKind names the mapping of the prescriber kinds to the agency
// kinds of Immersion Facilitée (gip-inclusion/immersion-facile,
// shared/src/agency/agency.dto.ts, orderedAgencyKindList).
const peerAgencyKind = "immersion-facile/agency-kind"

// peerRole names the mapping of the signatory roles to the roles of
// Immersion Facilitée (shared/src/convention/convention.dto.ts, Signatories;
// the agency's validator and counsellor for the prescriber and the
// accompanying structure).
const peerRole = "immersion-facile/role"

// peerStatus names the mapping of the convention statuses to Immersion
// Facilitée's (shared/src/convention/convention.dto.ts, ConventionStatus).
const peerStatus = "immersion-facile/status"

// PMSMPObjective is the objective of an immersion.
type PMSMPObjective string

// PMSMPObjectives is the code list of the objectives (C. trav. L5135-1).
var PMSMPObjectives = spie.Definitions{
	{Key: "decouvrir-metier", Label: spie.Label{FR: "Découvrir un métier ou un secteur d'activité", EN: "Discover a trade or a sector"}, Source: sourcePMSMP},
	{Key: "confirmer-projet", Label: spie.Label{FR: "Confirmer un projet professionnel", EN: "Confirm a career plan"}, Source: sourcePMSMP},
	{Key: "initier-recrutement", Label: spie.Label{FR: "Initier une démarche de recrutement", EN: "Start a hiring process"}, Source: sourcePMSMP},
}

// Definitions implements spie.Enum.
func (PMSMPObjective) Definitions() spie.Definitions { return PMSMPObjectives }

// PMSMPPrescriber is the kind of organisation that prescribes an immersion.
type PMSMPPrescriber string

// Groups of PMSMPPrescribers: prescribers by right (L5135-2, 1° to 4° ter)
// and organisations that prescribe under a convention with a prescriber by
// right (L5135-2, 5°).
const (
	PrescriberByRight        = "de-droit"
	PrescriberUnderAgreement = "conventionne"
)

// PMSMPPrescribers is the code list of prescribers (C. trav. L5135-2), with
// the agency kinds of Immersion Facilitée each one stands for. The peer's
// "immersion-facile" kind, the platform's own agency, prescribes nothing in
// law and maps to no key; its "autre" (an organisation that accompanies
// people, linked to a prescriber) is the 5° structure under convention.
var PMSMPPrescribers = spie.Definitions{
	{Key: "france-travail", Label: spie.Label{FR: "France Travail", EN: "France Travail"}, Group: PrescriberByRight, Source: "C. trav. L5135-2, 1° (institution de l'article L5312-1)", Map: map[string][]string{peerAgencyKind: {"pole-emploi"}}},
	{Key: "mission-locale", Label: spie.Label{FR: "Mission locale", EN: "Mission locale"}, Group: PrescriberByRight, Source: "C. trav. L5135-2, 2° (organismes de l'article L5314-1)", Map: map[string][]string{peerAgencyKind: {"mission-locale"}}},
	{Key: "cap-emploi", Label: spie.Label{FR: "Cap emploi", EN: "Cap emploi"}, Group: PrescriberByRight, Source: "C. trav. L5135-2, 3° (organismes du 1° bis de l'article L5311-4)", Map: map[string][]string{peerAgencyKind: {"cap-emploi"}}},
	{Key: "siae", Label: spie.Label{FR: "Structure d'insertion par l'activité économique", EN: "Work integration social enterprise"}, Group: PrescriberByRight, Source: "C. trav. L5135-2, 4° (organismes du 2° de l'article L5311-4)", Map: map[string][]string{peerAgencyKind: {"structure-IAE"}}},
	{Key: "departement", Label: spie.Label{FR: "Conseil départemental", EN: "Departmental council"}, Group: PrescriberByRight, Source: "C. trav. L5135-2, 4° bis (le conseil départemental, par l'intermédiaire de son président)", Map: map[string][]string{peerAgencyKind: {"conseil-departemental"}}},
	{Key: "prepa-apprentissage", Label: spie.Label{FR: "Prépa-apprentissage", EN: "Pre-apprenticeship programme"}, Group: PrescriberByRight, Source: "C. trav. L5135-2, 4° ter (organismes du dernier alinéa de l'article L6313-6)", Map: map[string][]string{peerAgencyKind: {"prepa-apprentissage"}}},
	{Key: "structure-conventionnee", Label: spie.Label{FR: "Structure conventionnée par un prescripteur de droit", EN: "Structure under agreement with a statutory prescriber"}, Group: PrescriberUnderAgreement, Source: "C. trav. L5135-2, 5°", Map: map[string][]string{peerAgencyKind: {"autre"}}},
	{Key: "operateur-cep", Label: spie.Label{FR: "Opérateur du conseil en évolution professionnelle", EN: "Career development advice operator"}, Group: PrescriberUnderAgreement, Source: "C. trav. L5135-2, 5° ; Immersion Facilitée, agency.dto.ts", Map: map[string][]string{peerAgencyKind: {"operateur-cep"}}},
	{Key: "fonction-publique", Label: spie.Label{FR: "Employeur ou service de la fonction publique", EN: "Civil service employer or department"}, Group: PrescriberUnderAgreement, Source: "C. trav. L5135-2, 5° ; Immersion Facilitée, agency.dto.ts", Map: map[string][]string{peerAgencyKind: {"fonction-publique"}}},
	{Key: "cci", Label: spie.Label{FR: "Chambre de commerce et d'industrie", EN: "Chamber of commerce and industry"}, Group: PrescriberUnderAgreement, Source: "C. trav. L5135-2, 5° ; Immersion Facilitée, agency.dto.ts", Map: map[string][]string{peerAgencyKind: {"cci"}}},
	{Key: "cma", Label: spie.Label{FR: "Chambre de métiers et de l'artisanat", EN: "Chamber of trades and crafts"}, Group: PrescriberUnderAgreement, Source: "C. trav. L5135-2, 5° ; Immersion Facilitée, agency.dto.ts", Map: map[string][]string{peerAgencyKind: {"cma"}}},
	{Key: "chambre-agriculture", Label: spie.Label{FR: "Chambre d'agriculture", EN: "Chamber of agriculture"}, Group: PrescriberUnderAgreement, Source: "C. trav. L5135-2, 5° ; Immersion Facilitée, agency.dto.ts", Map: map[string][]string{peerAgencyKind: {"chambre-agriculture"}}},
}

// Definitions implements spie.Enum.
func (PMSMPPrescriber) Definitions() spie.Definitions { return PMSMPPrescribers }

// PMSMPRole is the part a signatory plays in a convention.
type PMSMPRole string

// PMSMPRoles is the code list of the parties to a convention (C. trav.
// L5135-4 and D5135-1; a minor is represented by a legal representative,
// C. civ. art. 388-1-1 and 1146), with the roles of Immersion Facilitée.
var PMSMPRoles = spie.Definitions{
	{Key: "beneficiaire", Label: spie.Label{FR: "Personne accompagnée (bénéficiaire)", EN: "Beneficiary"}, Source: "C. trav. L5135-4", Map: map[string][]string{peerRole: {"beneficiary"}}},
	{Key: "representant-legal", Label: spie.Label{FR: "Représentant légal de la personne mineure", EN: "Legal representative of the minor"}, Source: "C. civ. art. 388-1-1 et 1146 ; RULES.md §6", Map: map[string][]string{peerRole: {"beneficiary-representative"}}},
	{Key: "structure-accueil", Label: spie.Label{FR: "Structure d'accueil", EN: "Host organisation"}, Source: "C. trav. L5135-4", Map: map[string][]string{peerRole: {"establishment-representative"}}},
	{Key: "prescripteur", Label: spie.Label{FR: "Organisme prescripteur", EN: "Prescribing organisation"}, Source: "C. trav. L5135-4", Map: map[string][]string{peerRole: {"validator"}}},
	{Key: "structure-accompagnement", Label: spie.Label{FR: "Structure d'accompagnement, si distincte du prescripteur", EN: "Accompanying organisation, when not the prescriber"}, Source: "C. trav. L5135-4", Map: map[string][]string{peerRole: {"counsellor"}}},
	{Key: "employeur-actuel", Label: spie.Label{FR: "Employeur de la personne salariée", EN: "Employer of the employed beneficiary"}, Source: "C. trav. D5135-1", Map: map[string][]string{peerRole: {"beneficiary-current-employer"}}},
}

// Definitions implements spie.Enum.
func (PMSMPRole) Definitions() spie.Definitions { return PMSMPRoles }

// PMSMPStatus is where a convention stands in its signature.
type PMSMPStatus string

// PMSMPStatuses is the code list of the statuses of a convention, with
// Immersion Facilitée's: from « signee » on, every party but the prescriber
// has signed; « validee » also carries the prescriber's signature (its
// validation).
var PMSMPStatuses = spie.Definitions{
	{Key: "a-signer", Label: spie.Label{FR: "À signer", EN: "To be signed"}, Source: sourcePMSMP, Map: map[string][]string{peerStatus: {"READY_TO_SIGN"}}},
	{Key: "partiellement-signee", Label: spie.Label{FR: "Partiellement signée", EN: "Partially signed"}, Source: sourcePMSMP, Map: map[string][]string{peerStatus: {"PARTIALLY_SIGNED"}}},
	{Key: "signee", Label: spie.Label{FR: "Signée par les parties, à valider par le prescripteur", EN: "Signed by the parties, awaiting the prescriber"}, Source: sourcePMSMP, Map: map[string][]string{peerStatus: {"IN_REVIEW", "ACCEPTED_BY_COUNSELLOR"}}},
	{Key: "validee", Label: spie.Label{FR: "Validée par le prescripteur", EN: "Validated by the prescriber"}, Source: sourcePMSMP, Map: map[string][]string{peerStatus: {"ACCEPTED_BY_VALIDATOR"}}},
	{Key: "refusee", Label: spie.Label{FR: "Refusée", EN: "Rejected"}, Source: sourcePMSMP, Map: map[string][]string{peerStatus: {"REJECTED"}}},
	{Key: "annulee", Label: spie.Label{FR: "Annulée", EN: "Cancelled"}, Source: sourcePMSMP, Map: map[string][]string{peerStatus: {"CANCELLED", "DEPRECATED"}}},
}

// Definitions implements spie.Enum.
func (PMSMPStatus) Definitions() spie.Definitions { return PMSMPStatuses }

// PMSMPLimits are the limits of immersions, as data.
type PMSMPLimits struct {
	// MaxMonths: a convention lasts at most this many months « de date à
	// date » (D5135-3), counted with spie.Date.PeriodEnd.
	MaxMonths int `json:"duree_max_mois"`
	// MaxWeeklyHours: hours of presence in one calendar week, Monday to
	// Sunday.
	MaxWeeklyHours int `json:"heures_hebdomadaires_max"`
	MaxPerHost     int `json:"conventions_max_par_structure"`
	MaxDaysPerHost int `json:"jours_max_par_structure"`
	WindowMonths   int `json:"periode_glissante_mois"`
	MinAge         int `json:"age_minimum"`
	// MaxAge is a plausibility bound on the birth date, not a legal limit.
	MaxAge     int `json:"age_maximum"`
	MajorityAt int `json:"age_majorite"`
}

// DefaultPMSMPLimits are the limits of RULES.md §6: one month de date à date,
// renewals and the host limits (D5135-3), 48 hours a week (the maximum
// working week, C. trav. L3121-20, which Immersion Facilitée applies per
// calendar week: IMMERSION_WEEKLY_LIMITED_SCHEDULE_HOURS), 16 years at the
// start (Immersion Facilitée's ageRequirementByInternshipKind, the end of
// compulsory schooling, C. éduc. L131-1), majority at 18 (C. civ. 414) and
// Immersion Facilitée's plausibility bound of 120 years
// (BENEFICIARY_MAXIMUM_AGE_REQUIREMENT).
var DefaultPMSMPLimits = PMSMPLimits{MaxMonths: 1, MaxWeeklyHours: 48, MaxPerHost: 2, MaxDaysPerHost: 60, WindowMonths: 12, MinAge: 16, MaxAge: 120, MajorityAt: 18}

// Convention is a PMSMP convention (période de mise en situation en milieu
// professionnel), the document kind convention-pmsmp.
type Convention struct {
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Identifiant pseudonyme de la personne.
	PersonID  string    `json:"personne_id" jsonschema:"minLength=1,maxLength=100"`
	BirthDate spie.Date `json:"date_naissance"`
	// Vrai quand la personne est salariée : son employeur est partie à la convention (C. trav. D5135-1).
	Employed   bool            `json:"salarie,omitempty"`
	HostSIRET  spie.SIRET      `json:"siret_structure_accueil"`
	HostName   string          `json:"structure_accueil" jsonschema:"maxLength=200"`
	Prescriber PMSMPPrescriber `json:"prescripteur"`
	// Pour une structure conventionnée (C. trav. L5135-2, 5°) : le prescripteur de droit avec lequel elle a passé sa convention.
	AgreementWith PMSMPPrescriber `json:"conventionnee_par,omitempty"`
	// Structure d'accompagnement, quand elle est distincte du prescripteur : elle signe aussi (C. trav. L5135-4).
	SupportStructure string `json:"structure_accompagnement,omitempty" jsonschema:"maxLength=200"`
	// Personne de la structure d'accueil chargée de l'accueil et du suivi (C. trav. D5135-2, 3°).
	Tutor     PMSMPTutor     `json:"tuteur"`
	Objective PMSMPObjective `json:"objectif"`
	// Premier jour de la période.
	Start spie.Date `json:"date_debut"`
	// Dernier jour de la période : au plus la veille du même quantième le mois suivant (un mois de date à date).
	End spie.Date `json:"date_fin"`
	// Horaires jour par jour ; un jour sans plage n'est pas un jour de présence.
	Schedule []PMSMPDay `json:"horaires" jsonschema:"minItems=1,maxItems=62"`
	// Parties à la convention et leurs signatures.
	Signatories []PMSMPSignatory `json:"signataires" jsonschema:"minItems=1,maxItems=10"`
	Status      PMSMPStatus      `json:"statut"`
	// Identifiant de la convention renouvelée, pour un renouvellement.
	RenewalOf string `json:"renouvellement_de,omitempty" jsonschema:"maxLength=100"`
	// Pour un renouvellement : pourquoi l'objectif n'a pas été atteint et ce que la nouvelle période doit apporter.
	RenewalReason string `json:"motif_renouvellement,omitempty" jsonschema:"maxLength=3000"`
	// Objectif atteint à l'issue de la période (inconnu avant la fin).
	ObjectiveMet *bool `json:"objectif_atteint,omitempty"`
}

// PMSMPTutor is the person of the host in charge of welcoming and following
// the beneficiary (C. trav. D5135-2, 3°; Immersion Facilitée's
// establishmentTutor, name and job required).
type PMSMPTutor struct {
	// Nom de la personne.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Sa fonction dans la structure d'accueil.
	Function string `json:"fonction" jsonschema:"minLength=1,maxLength=200"`
}

// PMSMPDay is one day of the schedule of a convention.
type PMSMPDay struct {
	// Jour (AAAA-MM-JJ), entre le début et la fin de la période.
	Date spie.Date `json:"date"`
	// Plages de présence du jour, en heure locale ; aucune : jour sans présence.
	Periods []PMSMPTimeRange `json:"plages,omitempty" jsonschema:"maxItems=6"`
}

// PMSMPTimeRange is one range of presence within a day, from Start to End.
type PMSMPTimeRange struct {
	// Heure de début HH:MM.
	Start ClockTime `json:"debut" jsonschema:"pattern=^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"`
	// Heure de fin HH:MM, après le début ; 24:00 pour minuit en fin de journée.
	End ClockTime `json:"fin" jsonschema:"pattern=^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"`
}

// ClockTime is a time of day written HH:MM, 00:00 to 24:00.
type ClockTime string

// Minutes returns the minutes since midnight; ok is false when t is not
// HH:MM between 00:00 and 24:00.
func (t ClockTime) Minutes() (int, bool) {
	s := string(t)
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h, m := int(s[0]-'0')*10+int(s[1]-'0'), int(s[3]-'0')*10+int(s[4]-'0')
	if m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, false
	}
	return h*60 + m, true
}

// PMSMPSignatory is one party to the convention and its signature.
type PMSMPSignatory struct {
	Role PMSMPRole `json:"role"`
	// Nom de la personne qui signe pour la partie (absent pour la personne accompagnée, pseudonyme).
	Name string `json:"nom,omitempty" jsonschema:"maxLength=200"`
	// Date de signature ; absente tant que la partie n'a pas signé.
	SignedOn spie.Date `json:"date_signature,omitempty"`
}

// Fault types of PMSMP conventions.
var (
	FaultPMSMPDates              = &spie.FaultType{Code: "PMSMP-DATES-01", Severity: spie.SeverityError, FR: "dates invalides : la fin doit suivre le début", EN: "invalid dates: the end must follow the start", Source: "RULES.md §6 : convention de PMSMP (C. trav. L5135-1)"}
	FaultPMSMPDuration           = &spie.FaultType{Code: "PMSMP-DUREE-01", Severity: spie.SeverityError, FR: "fin le %s : une convention dure au plus %d mois de date à date, soit jusqu'au %s", EN: "ends on %s: a convention lasts at most %d month(s) from date to date, that is until %s", Source: "C. trav. D5135-3 : un mois de date à date au plus, présence continue ou discontinue ; terme compté selon l'article 641 du code de procédure civile (spie.Date.PeriodEnd)"}
	FaultPMSMPHours              = &spie.FaultType{Code: "PMSMP-HEURES-01", Severity: spie.SeverityError, FR: "semaine du %s : %s de présence, %d h au plus", EN: "week of %s: %s of presence, at most %d h", Source: "RULES.md §6 : 48 heures par semaine civile au plus (durée maximale du travail, C. trav. L3121-20 ; Immersion Facilitée, validateSchedule)"}
	FaultPMSMPAge                = &spie.FaultType{Code: "PMSMP-AGE-01", Severity: spie.SeverityError, FR: "âge de %d ans au début de la période, %d ans minimum", EN: "age %d at the start, %d minimum", Source: "RULES.md §6 : 16 ans au moins (fin de l'obligation scolaire, C. éduc. L131-1 ; Immersion Facilitée, ageRequirementByInternshipKind)"}
	FaultPMSMPMinor              = &spie.FaultType{Code: "PMSMP-MINEUR-01", Severity: spie.SeverityError, FR: "une personne mineure doit être accompagnée de son représentant légal, signataire de la convention", EN: "a minor needs a legal representative who signs the convention", Source: "RULES.md §6 : une personne mineure est accompagnée de son représentant légal (C. civ. art. 388-1-1 et 1146)"}
	FaultPMSMPValue              = &spie.FaultType{Code: "PMSMP-VALEUR-01", Severity: spie.SeverityError, FR: "valeur %[1]q inconnue de la liste %[2]s", EN: "value %[1]q not in the list %[3]s", Source: "RULES.md §6 : objectifs et prescripteurs de la PMSMP (C. trav. L5135-1 et L5135-2)"}
	FaultPMSMPRenewal            = &spie.FaultType{Code: "PMSMP-RENOUVELLEMENT-10", Severity: spie.SeverityError, FR: "renouvellement impossible : %[1]s", EN: "renewal not allowed: %[2]s", Source: "RULES.md §6 : renouvelable une fois, même objectif, seulement s'il n'est pas atteint (C. trav. D5135-3)"}
	FaultPMSMPRenewalReason      = &spie.FaultType{Code: "PMSMP-RENOUVELLEMENT-11", Severity: spie.SeverityError, FR: "renouvellement sans motif : dire pourquoi l'objectif n'est pas atteint", EN: "renewal without a reason: say why the objective was not met", Source: "C. trav. D5135-3 : renouvellement quand les objectifs n'ont pas été atteints ; Immersion Facilitée, renewedSchema (justification obligatoire)"}
	FaultPMSMPHostCount          = &spie.FaultType{Code: "PMSMP-STRUCTURE-10", Severity: spie.SeverityError, FR: "%d conventions avec la même structure sur 12 mois glissants, %d au plus", EN: "%d conventions with the same host over 12 rolling months, at most %d", Source: "RULES.md §6 : 2 conventions au plus avec la même structure sur 12 mois glissants"}
	FaultPMSMPHostDays           = &spie.FaultType{Code: "PMSMP-STRUCTURE-11", Severity: spie.SeverityError, FR: "%d jours avec la même structure sur 12 mois glissants (renouvellements compris), %d au plus", EN: "%d days with the same host over 12 rolling months, at most %d", Source: "RULES.md §6 : 60 jours au plus avec la même structure sur 12 mois glissants, renouvellements compris"}
	FaultPMSMPHostObjective      = &spie.FaultType{Code: "PMSMP-STRUCTURE-12", Severity: spie.SeverityError, FR: "la convention %[1]s avec la même structure sur 12 mois glissants a déjà l'objectif « %[2]s »", EN: "convention %[1]s with the same host over 12 rolling months already has the objective %[3]q", Source: "C. trav. D5135-3, 3e alinéa : deux conventions dans la même structure sur 12 mois à condition que leurs objets ou objectifs diffèrent"}
	FaultPMSMPMaxAge             = &spie.FaultType{Code: "PMSMP-AGE-02", Severity: spie.SeverityError, FR: "âge de %d ans au début de la période, au-delà de %d ans : date de naissance à vérifier", EN: "age %d at the start, beyond %d: check the birth date", Source: "Immersion Facilitée, BENEFICIARY_MAXIMUM_AGE_REQUIREMENT (contrôle de vraisemblance, la loi ne fixe pas d'âge maximal)"}
	FaultPMSMPAgreement          = &spie.FaultType{Code: "PMSMP-PRESCRIPTEUR-10", Severity: spie.SeverityWarning, FR: "%[1]s ne prescrit une PMSMP que par convention avec un prescripteur de droit : indiquer lequel (conventionnee_par)", EN: "%[2]s prescribes a PMSMP only under an agreement with a statutory prescriber: name it (conventionnee_par)", Source: "C. trav. L5135-2, 5° ; Immersion Facilitée ne l'enregistre pas, d'où un avertissement"}
	FaultPMSMPAgreementWith      = &spie.FaultType{Code: "PMSMP-PRESCRIPTEUR-11", Severity: spie.SeverityError, FR: "%[1]s n'est pas un prescripteur de droit avec lequel une structure peut passer convention", EN: "%[2]s is not a statutory prescriber a structure may have an agreement with", Source: "C. trav. L5135-2, 5° : convention avec l'un des organismes des 1° à 3° et 4° bis"}
	FaultPMSMPPeriod             = &spie.FaultType{Code: "PMSMP-HORAIRES-01", Severity: spie.SeverityError, FR: "plage %s–%s : l'heure de début doit précéder l'heure de fin", EN: "range %s–%s: the start must precede the end", Source: "Immersion Facilitée, validateSchedule (plages positives)"}
	FaultPMSMPOverlap            = &spie.FaultType{Code: "PMSMP-HORAIRES-02", Severity: spie.SeverityError, FR: "les plages %s–%s et %s–%s du %s se chevauchent", EN: "ranges %s–%s and %s–%s of %s overlap", Source: "Immersion Facilitée, validateSchedule (plages sans chevauchement)"}
	FaultPMSMPDay                = &spie.FaultType{Code: "PMSMP-HORAIRES-03", Severity: spie.SeverityError, FR: "jour %[1]s : %[2]s", EN: "day %[1]s: %[3]s", Source: "C. trav. D5135-2, 5° et 6° : les horaires de présence dans la période de la convention, un jour une fois"}
	FaultPMSMPNoPresence         = &spie.FaultType{Code: "PMSMP-HORAIRES-04", Severity: spie.SeverityError, FR: "aucune heure de présence dans les horaires", EN: "no hour of presence in the schedule", Source: "C. trav. D5135-2, 5° (nombre d'heures de présence) ; Immersion Facilitée, validateSchedule"}
	FaultPMSMPMissingSignatory   = &spie.FaultType{Code: "PMSMP-SIGNATAIRE-01", Severity: spie.SeverityError, FR: "partie absente des signataires : %[1]s", EN: "party missing from the signatories: %[2]s", Source: "C. trav. L5135-4 et D5135-1 : la personne, la structure d'accueil, le prescripteur, la structure d'accompagnement distincte et l'employeur d'une personne salariée"}
	FaultPMSMPDuplicateSignatory = &spie.FaultType{Code: "PMSMP-SIGNATAIRE-02", Severity: spie.SeverityError, FR: "partie en double parmi les signataires : %[1]s", EN: "party repeated among the signatories: %[2]s", Source: "socle : une signature par partie (Immersion Facilitée, Signatories)"}
	FaultPMSMPUnsigned           = &spie.FaultType{Code: "PMSMP-SIGNATURE-01", Severity: spie.SeverityError, FR: "statut « %[1]s », signatures manquantes : %[3]s", EN: "status %[2]q, missing signatures: %[4]s", Source: "Immersion Facilitée, mustBeSignedByEveryone : toutes les parties signent avant l'examen, le prescripteur valide en dernier"}
	FaultPMSMPTrailing           = &spie.FaultType{Code: "PMSMP-LECTURE-01", Severity: spie.SeverityError, FR: "données après la convention : un seul objet JSON attendu", EN: "data after the convention: one JSON object expected", Source: "socle : un document par convention"}
	FaultPMSMPTutor              = &spie.FaultType{Code: "PMSMP-TUTEUR-01", Severity: spie.SeverityError, FR: "nom et fonction de la personne chargée de l'accueil et du suivi requis", EN: "name and job of the person in charge of welcoming and following the beneficiary required", Source: "C. trav. D5135-2, 3° ; Immersion Facilitée, establishmentTutor (nom et fonction obligatoires)"}
	// FaultPMSMPBirthDate: the birth date is not a calendar date, so the
	// age at the start cannot be computed.
	FaultPMSMPBirthDate = &spie.FaultType{Code: "PMSMP-NAISSANCE-01", Severity: spie.SeverityError, FR: "date de naissance %q invalide : l'âge au début de la période ne peut pas être calculé", EN: "birth date %q invalid: the age at the start cannot be computed", Source: "C. trav. D5135-2, 1° (identité de la personne) ; RULES.md §6 : âge au début de la période (C. éduc. L131-1)"}
	// FaultPMSMPBornAfterStart: the person is born after the start of the
	// period (birth date, start).
	FaultPMSMPBornAfterStart = &spie.FaultType{Code: "PMSMP-NAISSANCE-02", Severity: spie.SeverityError, FR: "date de naissance %s postérieure au début de la période (%s) : date de naissance à vérifier", EN: "birth date %s after the start of the period (%s): check the birth date", Source: "RULES.md §6 : âge au début de la période (C. éduc. L131-1) ; une personne est née avant sa période de mise en situation"}
	FaultPMSMPSignedFuture   = &spie.FaultType{Code: "PMSMP-SIGNATURE-02", Severity: spie.SeverityError, FR: "signature datée du %s, après la date du jour (%s)", EN: "signature dated %s, after today (%s)", Source: "socle : une signature ne peut pas être datée du futur"}
)

// Days returns the number of calendar days of the convention (0 when the
// dates are invalid).
func (c *Convention) Days() int {
	if !c.Start.Valid() || !c.End.Valid() || c.End.Before(c.Start) {
		return 0
	}
	return c.Start.DaysUntil(c.End) + 1
}

// PresenceDays returns the number of days of the schedule with at least one
// range of presence.
func (c *Convention) PresenceDays() int {
	n := 0
	for _, d := range c.Schedule {
		if len(d.Periods) > 0 {
			n++
		}
	}
	return n
}

// WeekHours is the presence planned in one calendar week.
type WeekHours struct {
	// Lundi de la semaine.
	Monday  spie.Date `json:"lundi"`
	Minutes int       `json:"minutes"`
}

// Weeks returns the minutes of presence of each calendar week (Monday to
// Sunday) of the schedule, in order; ranges that do not read are left out.
func (c *Convention) Weeks() []WeekHours {
	var out []WeekHours
	idx := map[spie.Date]int{}
	for _, d := range c.Schedule {
		t, ok := d.Date.Time()
		if !ok {
			continue
		}
		monday := spie.DateOf(t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)))
		i, ok := idx[monday]
		if !ok {
			i = len(out)
			idx[monday] = i
			out = append(out, WeekHours{Monday: monday})
		}
		for _, p := range d.Periods {
			if a, b, ok := p.minutes(); ok && b > a {
				out[i].Minutes += b - a
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Monday < out[j-1].Monday; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// TotalMinutes returns the minutes of presence of the whole schedule.
func (c *Convention) TotalMinutes() int {
	n := 0
	for _, w := range c.Weeks() {
		n += w.Minutes
	}
	return n
}

func (p PMSMPTimeRange) minutes() (int, int, bool) {
	a, ok1 := p.Start.Minutes()
	b, ok2 := p.End.Minutes()
	return a, b, ok1 && ok2
}

// FormatMinutes writes a duration in French: « 35 h », « 48 h 30 ».
func FormatMinutes(m int) string {
	if m%60 == 0 {
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %02d", m/60, m%60)
}

// Check returns the faults of the convention against the law and the
// peer's rules, given the date of today (empty: signatures are not compared
// with it), the person's other conventions (history, renewals included, the
// convention itself may be among them) and the limits.
func (c *Convention) Check(today spie.Date, history []Convention, l PMSMPLimits) spie.Faults {
	var fs spie.Faults
	if !PMSMPObjectives.Has(string(c.Objective)) {
		fs = append(fs, FaultPMSMPValue.At(spie.Pointer("objectif"), string(c.Objective), "des objectifs", "of objectives"))
	}
	if !PMSMPStatuses.Has(string(c.Status)) {
		fs = append(fs, FaultPMSMPValue.At(spie.Pointer("statut"), string(c.Status), "des statuts", "of statuses"))
	}
	fs = append(fs, c.checkPrescriber()...)
	if strings.TrimSpace(c.Tutor.Name) == "" {
		fs = append(fs, FaultPMSMPTutor.At(spie.Pointer("tuteur", "nom")))
	}
	if strings.TrimSpace(c.Tutor.Function) == "" {
		fs = append(fs, FaultPMSMPTutor.At(spie.Pointer("tuteur", "fonction")))
	}
	fs = append(fs, spie.CheckIdentifier(c.HostSIRET, spie.Pointer("siret_structure_accueil"))...)
	datesOK := c.Start.Valid() && c.End.Valid() && !c.End.Before(c.Start)
	if !datesOK {
		fs = append(fs, FaultPMSMPDates.At(spie.Pointer("date_fin")))
	} else if last := c.Start.PeriodEnd(l.MaxMonths); c.End.After(last) {
		fs = append(fs, FaultPMSMPDuration.At(spie.Pointer("date_fin"), string(c.End), l.MaxMonths, string(last)))
	}
	minor := false
	if age, ok := ageAt(c.BirthDate, c.Start); ok {
		if age < l.MinAge {
			fs = append(fs, FaultPMSMPAge.At(spie.Pointer("date_naissance"), age, l.MinAge))
		}
		if age > l.MaxAge {
			fs = append(fs, FaultPMSMPMaxAge.At(spie.Pointer("date_naissance"), age, l.MaxAge))
		}
		minor = age < l.MajorityAt
	} else {
		switch {
		case !c.BirthDate.Valid():
			fs = append(fs, FaultPMSMPBirthDate.At(spie.Pointer("date_naissance"), string(c.BirthDate)))
		case c.Start.Valid():
			fs = append(fs, FaultPMSMPBornAfterStart.At(spie.Pointer("date_naissance"), string(c.BirthDate), string(c.Start)))
		} // an invalid start is already refused at /date_fin (PMSMP-DATES-01)
	}
	fs = append(fs, c.checkSchedule(datesOK, l)...)
	fs = append(fs, c.checkSignatories(minor, today)...)
	fs = append(fs, c.checkRenewal(history)...)
	fs = append(fs, c.checkHost(history, l)...)
	fs.Sort()
	return fs
}

func (c *Convention) checkPrescriber() spie.Faults {
	d, ok := PMSMPPrescribers.Get(string(c.Prescriber))
	if !ok {
		return spie.Faults{FaultPMSMPValue.At(spie.Pointer("prescripteur"), string(c.Prescriber), "des prescripteurs", "of prescribers")}
	}
	if c.AgreementWith != "" {
		// L5135-2, 5°: an agreement with one of the organisations of 1° to
		// 3° and 4° bis.
		w, ok := PMSMPPrescribers.Get(string(c.AgreementWith))
		if !ok || w.Group != PrescriberByRight || w.Key == "siae" || w.Key == "prepa-apprentissage" {
			return spie.Faults{FaultPMSMPAgreementWith.At(spie.Pointer("conventionnee_par"), labelFR(PMSMPPrescribers, string(c.AgreementWith)), labelEN(PMSMPPrescribers, string(c.AgreementWith)))}
		}
	}
	if d.Group == PrescriberUnderAgreement && c.AgreementWith == "" {
		return spie.Faults{FaultPMSMPAgreement.At(spie.Pointer("prescripteur"), d.Label.FR, d.Label.EN)}
	}
	return nil
}

// checkSchedule checks each day (inside the period, once), each range
// (start before end, no overlap), some presence, and the weekly limit.
func (c *Convention) checkSchedule(datesOK bool, l PMSMPLimits) spie.Faults {
	var fs spie.Faults
	seen := map[spie.Date]bool{}
	for i, d := range c.Schedule {
		p := spie.Pointer("horaires", i, "date")
		switch {
		case !d.Date.Valid():
			fs = append(fs, FaultPMSMPDay.At(p, string(d.Date), "date invalide (AAAA-MM-JJ)", "invalid date (YYYY-MM-DD)"))
			continue
		case seen[d.Date]:
			fs = append(fs, FaultPMSMPDay.At(p, string(d.Date), "jour déjà décrit plus haut", "day already described above"))
		case datesOK && (d.Date.Before(c.Start) || d.Date.After(c.End)):
			fs = append(fs, FaultPMSMPDay.At(p, string(d.Date), "hors de la période du "+string(c.Start)+" au "+string(c.End), "outside the period from "+string(c.Start)+" to "+string(c.End)))
		}
		seen[d.Date] = true
		for j, r := range d.Periods {
			a, b, ok := r.minutes()
			if !ok || a >= b {
				fs = append(fs, FaultPMSMPPeriod.At(spie.Pointer("horaires", i, "plages", j), string(r.Start), string(r.End)))
				continue
			}
			for k := j + 1; k < len(d.Periods); k++ {
				o := d.Periods[k]
				if oa, ob, ok := o.minutes(); ok && oa < ob && oa < b && a < ob {
					fs = append(fs, FaultPMSMPOverlap.At(spie.Pointer("horaires", i, "plages", k), string(r.Start), string(r.End), string(o.Start), string(o.End), string(d.Date)))
				}
			}
		}
	}
	weeks := c.Weeks()
	total := 0
	for _, w := range weeks {
		total += w.Minutes
		if w.Minutes > l.MaxWeeklyHours*60 {
			fs = append(fs, FaultPMSMPHours.At(spie.Pointer("horaires"), string(w.Monday), FormatMinutes(w.Minutes), l.MaxWeeklyHours))
		}
	}
	if total == 0 {
		fs = append(fs, FaultPMSMPNoPresence.At(spie.Pointer("horaires")))
	}
	return fs
}

// RequiredRoles returns the parties that must sign the convention: the
// person, the host and the prescriber (L5135-4), the legal representative of
// a minor, the accompanying structure when it is not the prescriber
// (L5135-4) and the employer of an employed person (D5135-1).
func (c *Convention) RequiredRoles(minor bool) []PMSMPRole {
	roles := []PMSMPRole{"beneficiaire"}
	if minor {
		roles = append(roles, "representant-legal")
	}
	roles = append(roles, "structure-accueil", "prescripteur")
	if c.SupportStructure != "" {
		roles = append(roles, "structure-accompagnement")
	}
	if c.Employed {
		roles = append(roles, "employeur-actuel")
	}
	return roles
}

func (c *Convention) checkSignatories(minor bool, today spie.Date) spie.Faults {
	var fs spie.Faults
	by := map[PMSMPRole]PMSMPSignatory{}
	for i, s := range c.Signatories {
		p := spie.Pointer("signataires", i)
		if !PMSMPRoles.Has(string(s.Role)) {
			fs = append(fs, FaultPMSMPValue.At(spie.Join(p, "role"), string(s.Role), "des rôles de signataire", "of signatory roles"))
			continue
		}
		if _, dup := by[s.Role]; dup {
			fs = append(fs, FaultPMSMPDuplicateSignatory.At(spie.Join(p, "role"), labelFR(PMSMPRoles, string(s.Role)), labelEN(PMSMPRoles, string(s.Role))))
			continue
		}
		by[s.Role] = s
		if today != "" && s.SignedOn.Valid() && s.SignedOn.After(today) {
			fs = append(fs, FaultPMSMPSignedFuture.At(spie.Join(p, "date_signature"), string(s.SignedOn), string(today)))
		}
	}
	var unsignedFR, unsignedEN []string
	for _, r := range c.RequiredRoles(minor) {
		s, ok := by[r]
		if !ok {
			if r == "representant-legal" {
				fs = append(fs, FaultPMSMPMinor.At(spie.Pointer("signataires")))
			} else {
				fs = append(fs, FaultPMSMPMissingSignatory.At(spie.Pointer("signataires"), labelFR(PMSMPRoles, string(r)), labelEN(PMSMPRoles, string(r))))
			}
			continue
		}
		needed := c.Status == "validee" || (c.Status == "signee" && r != "prescripteur")
		if needed && s.SignedOn == "" {
			unsignedFR = append(unsignedFR, labelFR(PMSMPRoles, string(r)))
			unsignedEN = append(unsignedEN, labelEN(PMSMPRoles, string(r)))
		}
	}
	if len(unsignedFR) > 0 {
		st := string(c.Status)
		fs = append(fs, FaultPMSMPUnsigned.At(spie.Pointer("statut"), labelFR(PMSMPStatuses, st), labelEN(PMSMPStatuses, st), strings.Join(unsignedFR, ", "), strings.Join(unsignedEN, ", ")))
	}
	return fs
}

// labelFR and labelEN return the label of key in ds, the key itself when
// unknown.
func labelFR(ds spie.Definitions, key string) string { return ds.LabelOf(key) }

func labelEN(ds spie.Definitions, key string) string {
	if d, ok := ds.Get(key); ok && d.Label.EN != "" {
		return d.Label.EN
	}
	return key
}

// ageAt is the age on at by the anniversary rule of spie.YearsBetween
// (article 641 of the code de procédure civile); not ok when a date is
// malformed or at is before the birth.
func ageAt(birth, at spie.Date) (int, bool) {
	age, ok := spie.YearsBetween(birth, at)
	return age, ok && age >= 0
}

func (c *Convention) checkRenewal(history []Convention) spie.Faults {
	if c.RenewalOf == "" {
		return nil
	}
	var fs spie.Faults
	if strings.TrimSpace(c.RenewalReason) == "" {
		fs = append(fs, FaultPMSMPRenewalReason.At(spie.Pointer("motif_renouvellement")))
	}
	return append(fs, c.checkRenewalOf(history)...)
}

func (c *Convention) checkRenewalOf(history []Convention) spie.Faults {
	p := spie.Pointer("renouvellement_de")
	var initial *Convention
	for i := range history {
		h := &history[i]
		if h.ID == c.RenewalOf {
			initial = h
		}
		// Of two renewals of one convention, the later one (by start,
		// then identifier) is refused.
		if h.ID != c.ID && h.RenewalOf == c.RenewalOf && (h.Start < c.Start || (h.Start == c.Start && h.ID < c.ID)) {
			return spie.Faults{FaultPMSMPRenewal.At(p, "la convention "+c.RenewalOf+" a déjà été renouvelée une fois", "convention "+c.RenewalOf+" was already renewed once")}
		}
	}
	switch {
	case c.RenewalOf == c.ID:
		return spie.Faults{FaultPMSMPRenewal.At(p, "une convention ne se renouvelle pas elle-même", "a convention does not renew itself")}
	case initial == nil:
		return spie.Faults{FaultPMSMPRenewal.At(p, "convention initiale "+c.RenewalOf+" inconnue", "unknown initial convention "+c.RenewalOf)}
	case initial.RenewalOf != "":
		return spie.Faults{FaultPMSMPRenewal.At(p, "un renouvellement ne se renouvelle pas", "a renewal is not renewed")}
	case initial.Objective != c.Objective:
		return spie.Faults{FaultPMSMPRenewal.At(spie.Pointer("objectif"), "l'objectif doit rester le même", "the objective must stay the same")}
	case initial.HostSIRET != c.HostSIRET:
		return spie.Faults{FaultPMSMPRenewal.At(spie.Pointer("siret_structure_accueil"), "la structure d'accueil doit rester la même", "the host must stay the same")}
	case initial.ObjectiveMet != nil && *initial.ObjectiveMet:
		return spie.Faults{FaultPMSMPRenewal.At(p, "l'objectif de la convention initiale est atteint", "the objective of the initial convention was met")}
	case !c.Start.After(initial.End):
		return spie.Faults{FaultPMSMPRenewal.At(spie.Pointer("date_debut"), "le renouvellement commence avant la fin de la convention initiale ("+string(initial.End)+")", "the renewal starts before the end of the initial convention ("+string(initial.End)+")")}
	}
	return nil
}

// checkHost counts, over the rolling window ending at the end of c, the
// conventions (a renewal counts with its initial one) and the days spent
// with the same host, and refuses a second convention there with the same
// objective.
func (c *Convention) checkHost(history []Convention, l PMSMPLimits) spie.Faults {
	if c.Days() == 0 {
		return nil
	}
	from := c.End.AddMonths(-l.WindowMonths)
	initials := map[string]bool{}
	days := 0
	all := append([]Convention{*c}, history...)
	seen := map[string]bool{}
	var fs spie.Faults
	for _, h := range all {
		if seen[h.ID] || h.HostSIRET != c.HostSIRET || h.PersonID != c.PersonID || h.End.Before(from) || c.End.Before(h.Start) {
			continue
		}
		seen[h.ID] = true
		root := h.ID
		if h.RenewalOf != "" {
			root = h.RenewalOf
		}
		initials[root] = true
		days += h.Days()
		if h.ID != c.ID && c.RenewalOf == "" && h.RenewalOf == "" && h.Start.Before(c.Start) && h.Objective == c.Objective {
			fs = append(fs, FaultPMSMPHostObjective.At(spie.Pointer("objectif"), h.ID, labelFR(PMSMPObjectives, string(h.Objective)), labelEN(PMSMPObjectives, string(h.Objective))))
		}
	}
	if len(initials) > l.MaxPerHost {
		fs = append(fs, FaultPMSMPHostCount.At(spie.Pointer("siret_structure_accueil"), len(initials), l.MaxPerHost))
	}
	if days > l.MaxDaysPerHost {
		fs = append(fs, FaultPMSMPHostDays.At(spie.Pointer("date_fin"), days, l.MaxDaysPerHost))
	}
	return fs
}

// DecodeConvention reads one convention strictly (encoding/json, unknown
// members refused, nothing after the object). A day without presence reads
// as Periods nil however it is written ("plages" absent, null or []), the
// value the encoder writes back (omitempty). Errors are encoding/json's:
// callers say them in French with spie.DescribeJSONError.
func DecodeConvention(data []byte) (*Convention, error) {
	var c Convention
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return nil, FaultPMSMPTrailing.At("")
	}
	for i := range c.Schedule {
		if len(c.Schedule[i].Periods) == 0 {
			c.Schedule[i].Periods = nil
		}
	}
	return &c, nil
}
