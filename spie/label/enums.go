package label

import (
	"regexp"
	"strings"
	"sync"

	"github.com/spie-fr/socle/spie"
)

// codeRE is the form of a code, compiled on first use, not at package
// initialisation (issue 17 item 4: the first regexp a WebAssembly module
// compiles costs ≈ 100 ms there).
var codeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// Rule is the check that decides a criterion on an application.
type Rule string

// The rules socle knows how to check.
const (
	RuleIdentifiedStructure Rule = "structure-identifiee"
	RuleTrainedProfessional Rule = "professionnel-forme"
	RuleChartersSigned      Rule = "chartes-signees"
	RuleSharedTools         Rule = "outils-communs"
	RuleReferentSPIE        Rule = "referent-spie"
	RuleOfferPublished      Rule = "offre-publiee"
	RuleAnswerDelay         Rule = "delai-reponse-prescriptions"
	RuleUserParticipation   Rule = "participation-usagers"
)

// Rules is the code list of rules.
var Rules = spie.Definitions{
	{Key: "structure-identifiee", Label: spie.Label{FR: "Structure identifiée", EN: "Identified structure"}, Source: sourceCharte,
		Description: spie.Label{FR: "SIRET valide et appartenance au consortium ou au réseau.", EN: "Valid SIRET and member of the consortium or network."}},
	{Key: "professionnel-forme", Label: spie.Label{FR: "Professionnel formé", EN: "Trained professional"}, Source: sourceCharte,
		Description: spie.Label{FR: "Au moins un professionnel formé au diagnostic partagé et à la référence de parcours depuis moins de anciennete_max_mois.", EN: "At least one professional trained in the shared diagnostic and pathway referencing within anciennete_max_mois."}},
	{Key: "chartes-signees", Label: spie.Label{FR: "Chartes signées", EN: "Charters signed"}, Source: sourceCharte,
		Description: spie.Label{FR: "Charte de confidentialité et convention de traitement des données signées.", EN: "Confidentiality charter and data-processing agreement signed."}},
	{Key: "outils-communs", Label: spie.Label{FR: "Outils communs utilisés", EN: "Shared tools used"}, Source: sourceCharte,
		Description: spie.Label{FR: "Utilise le socle commun de diagnostic et le carnet de bord.", EN: "Uses the shared diagnostic and the carnet de bord."}},
	{Key: "referent-spie", Label: spie.Label{FR: "Référent SPIE désigné", EN: "SPIE référent named"}, Source: sourceCharte,
		Description: spie.Label{FR: "Un référent SPIE joignable pour le CTO et les instances locales.", EN: "A reachable SPIE référent for the committee and local bodies."}},
	{Key: "offre-publiee", Label: spie.Label{FR: "Offre publiée et à jour", EN: "Offer published and up to date"}, Source: sourceCharte,
		Description: spie.Label{FR: "Offre publiée au catalogue, mise à jour depuis moins de anciennete_max_mois.", EN: "Offer published in the catalogue, updated within anciennete_max_mois."}},
	{Key: "delai-reponse-prescriptions", Label: spie.Label{FR: "Réponse aux prescriptions dans le délai", EN: "Prescriptions answered in time"}, Source: sourceCharte,
		Description: spie.Label{FR: "Au moins part_min_pourcent des prescriptions répondues dans les delai_max_heures.", EN: "At least part_min_pourcent of prescriptions answered within delai_max_heures."}},
	{Key: "participation-usagers", Label: spie.Label{FR: "Participation des personnes accompagnées", EN: "Participation of the people supported"}, Source: sourceCharte,
		Description: spie.Label{FR: "Au moins une action de participation (groupe d'usagers, évaluation) depuis moins de anciennete_max_mois.", EN: "At least one participation action (users' group, evaluation) within anciennete_max_mois."}},
}

// Definitions implements spie.Enum.
func (Rule) Definitions() spie.Definitions { return Rules }

// Evidence is a kind of supporting document a criterion needs.
type Evidence string

// EvidenceKinds is the code list of supporting documents.
var EvidenceKinds = spie.Definitions{
	{Key: "siret", Label: spie.Label{FR: "Numéro SIRET", EN: "SIRET number"}, Source: sourceCharte},
	{Key: "adhesion-reseau", Label: spie.Label{FR: "Preuve d'adhésion au consortium ou au réseau", EN: "Proof of membership of the consortium or network"}, Source: sourceCharte},
	{Key: "attestation-formation", Label: spie.Label{FR: "Attestation de formation", EN: "Training certificate"}, Source: sourceCharte},
	{Key: "charte-confidentialite", Label: spie.Label{FR: "Charte de confidentialité signée", EN: "Signed confidentiality charter"}, Source: sourceCharte},
	{Key: "convention-donnees", Label: spie.Label{FR: "Convention de traitement des données signée", EN: "Signed data-processing agreement"}, Source: sourceCharte},
	{Key: "usage-diagnostic", Label: spie.Label{FR: "Usage du socle commun de diagnostic", EN: "Use of the shared diagnostic"}, Source: sourceCharte},
	{Key: "usage-carnet", Label: spie.Label{FR: "Usage du carnet de bord", EN: "Use of the carnet de bord"}, Source: sourceCharte},
	{Key: "designation-referent", Label: spie.Label{FR: "Désignation du référent SPIE", EN: "Naming of the SPIE référent"}, Source: sourceCharte},
	{Key: "offre-catalogue", Label: spie.Label{FR: "Offre publiée au catalogue avec sa date de mise à jour", EN: "Offer published in the catalogue with its update date"}, Source: sourceCharte},
	{Key: "statistiques-prescriptions", Label: spie.Label{FR: "Statistiques de réponse aux prescriptions", EN: "Prescription answer statistics"}, Source: sourceCharte},
	{Key: "compte-rendu-participation", Label: spie.Label{FR: "Compte rendu d'une action de participation", EN: "Report of a participation action"}, Source: sourceCharte},
}

// Definitions implements spie.Enum.
func (Evidence) Definitions() spie.Definitions { return EvidenceKinds }

// Status is the decision on an application.
type Status string

// Decisions.
const (
	StatusLabellisee Status = "labellisee"
	StatusACompleter Status = "a-completer"
	StatusRefusee    Status = "refusee"
	StatusSuspendue  Status = "suspendue"
)

// Statuses is the code list of decisions.
var Statuses = spie.Definitions{
	{Key: "labellisee", Label: spie.Label{FR: "Labellisée", EN: "Labelled"}, Source: sourceCharte,
		Description: spie.Label{FR: "Tous les critères sont remplis.", EN: "Every criterion is met."}},
	{Key: "a-completer", Label: spie.Label{FR: "À compléter", EN: "To be completed"}, Source: sourceCharte,
		Description: spie.Label{FR: "Des critères non bloquants manquent ; la liste dit lesquels.", EN: "Non-blocking criteria are missing; the list says which."}},
	{Key: "refusee", Label: spie.Label{FR: "Refusée", EN: "Refused"}, Source: sourceCharte,
		Description: spie.Label{FR: "Un critère bloquant n'est pas rempli.", EN: "A blocking criterion is not met."}},
	{Key: "suspendue", Label: spie.Label{FR: "Label suspendu", EN: "Label suspended"}, Source: sourceCharte,
		Description: spie.Label{FR: "Un critère d'un label en cours de validité n'est plus rempli.", EN: "A criterion of a current label has lapsed."}},
}

// Definitions implements spie.Enum.
func (Status) Definitions() spie.Definitions { return Statuses }

// CharterKind is a charter a structure signs.
type CharterKind string

// CharterKinds is the code list of signed charters.
var CharterKinds = spie.Definitions{
	{Key: "confidentialite", Label: spie.Label{FR: "Charte de confidentialité", EN: "Confidentiality charter"}, Source: sourceCharte},
	{Key: "traitement-donnees", Label: spie.Label{FR: "Convention de traitement des données", EN: "Data-processing agreement"}, Source: sourceCharte},
	{Key: "charte-spie", Label: spie.Label{FR: "Charte d'engagement SPIE", EN: "SPIE commitment charter"}, Source: sourceCharte},
}

// Definitions implements spie.Enum.
func (CharterKind) Definitions() spie.Definitions { return CharterKinds }

// ParticipationKind is a way of involving the people supported.
type ParticipationKind string

// ParticipationKinds is the code list of participation actions.
var ParticipationKinds = spie.Definitions{
	{Key: "groupe-usagers", Label: spie.Label{FR: "Groupe d'usagers", EN: "Users' group"}, Source: sourceCharte},
	{Key: "evaluation", Label: spie.Label{FR: "Évaluation par les personnes accompagnées", EN: "Evaluation by the people supported"}, Source: sourceCharte},
	{Key: "questionnaire", Label: spie.Label{FR: "Questionnaire de satisfaction", EN: "Satisfaction survey"}, Source: sourceCharte},
	{Key: "instance", Label: spie.Label{FR: "Participation à une instance (comité, conseil de vie)", EN: "Seat in a governing body"}, Source: sourceCharte},
}

// Definitions implements spie.Enum.
func (ParticipationKind) Definitions() spie.Definitions { return ParticipationKinds }
