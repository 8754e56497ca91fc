package offer

import "github.com/spie-fr/socle/spie"

// PrescriptionState is the state of a prescription.
type PrescriptionState string

// The states of a prescription.
const (
	StateBrouillon PrescriptionState = "brouillon"
	StateEnvoyee   PrescriptionState = "envoyee"
	StateAcceptee  PrescriptionState = "acceptee"
	StateRefusee   PrescriptionState = "refusee"
	StateExpiree   PrescriptionState = "expiree"
)

const sourcePrescription = "Fiche de prescription unique (guide SPIE de l'Aisne) ; pratique Dora ; RULES.md §4"

// PrescriptionStates is the code list of the states; Map "vers" lists the
// states each one may move to (the transitions, as data).
var PrescriptionStates = spie.Definitions{
	{Key: "brouillon", Label: spie.Label{FR: "Brouillon", EN: "Draft"}, Source: sourcePrescription,
		Description: spie.Label{FR: "Fiche en cours de rédaction, pas encore envoyée.", EN: "Being written, not sent yet."},
		Map:         map[string][]string{"vers": {"envoyee"}}},
	{Key: "envoyee", Label: spie.Label{FR: "Envoyée", EN: "Sent"}, Source: sourcePrescription,
		Description: spie.Label{FR: "Envoyée à la structure, en attente de réponse.", EN: "Sent to the structure, awaiting an answer."},
		Map:         map[string][]string{"vers": {"acceptee", "refusee", "expiree"}}},
	{Key: "acceptee", Label: spie.Label{FR: "Acceptée", EN: "Accepted"}, Source: sourcePrescription},
	{Key: "refusee", Label: spie.Label{FR: "Refusée", EN: "Refused"}, Source: sourcePrescription},
	{Key: "expiree", Label: spie.Label{FR: "Expirée", EN: "Expired"}, Source: sourcePrescription,
		Description: spie.Label{FR: "Restée sans réponse au-delà du délai d'expiration.", EN: "Left unanswered beyond the expiry delay."}},
}

// Definitions implements spie.Enum.
func (PrescriptionState) Definitions() spie.Definitions { return PrescriptionStates }

// CanMoveTo reports whether the transition from s to t is allowed.
func (s PrescriptionState) CanMoveTo(t PrescriptionState) bool {
	d, _ := PrescriptionStates.Get(string(s))
	return contains(d.Map["vers"], string(t))
}

// RefusalReason is the reason code of a refused prescription.
type RefusalReason string

// RefusalReasons is the code list of refusal reasons.
var RefusalReasons = spie.Definitions{
	{Key: "public-non-eligible", Label: spie.Label{FR: "La personne ne fait pas partie des publics du service", EN: "The person is not in the publics of the service"}, Source: sourcePrescription},
	{Key: "hors-zone", Label: spie.Label{FR: "La personne réside hors de la zone d'éligibilité", EN: "The person lives outside the eligibility zone"}, Source: sourcePrescription},
	{Key: "plus-de-place", Label: spie.Label{FR: "Plus de place disponible", EN: "No place available"}, Source: sourcePrescription},
	{Key: "dossier-incomplet", Label: spie.Label{FR: "Dossier incomplet (pièces manquantes)", EN: "Incomplete file (missing documents)"}, Source: sourcePrescription},
	{Key: "orientation-inadaptee", Label: spie.Label{FR: "Orientation inadaptée au besoin de la personne", EN: "Orientation not suited to the person's need"}, Source: sourcePrescription},
	{Key: "personne-injoignable", Label: spie.Label{FR: "La personne n'a pas pu être jointe", EN: "The person could not be reached"}, Source: sourcePrescription},
	{Key: "service-suspendu", Label: spie.Label{FR: "Service suspendu ou fermé", EN: "Service suspended or closed"}, Source: sourcePrescription},
	{Key: "autre", Label: spie.Label{FR: "Autre motif (commentaire obligatoire)", EN: "Other reason (comment required)"}, Source: sourcePrescription},
}

// Definitions implements spie.Enum.
func (RefusalReason) Definitions() spie.Definitions { return RefusalReasons }

// SenderRole is who sends a prescription: a référent or the person.
type SenderRole string

// The sender roles, mapped to the personnes mobilisatrices of data·inclusion.
const (
	SenderReferent SenderRole = "referent"
	SenderPersonne SenderRole = "personne"
)

// SenderRoles is the code list of sender roles.
var SenderRoles = spie.Definitions{
	{Key: "referent", Label: spie.Label{FR: "Référent de parcours (professionnel)", EN: "Pathway referent (professional)"}, Source: sourcePrescription,
		Map: map[string][]string{"data-inclusion/personne-mobilisatrice": {"professionnels"}}},
	{Key: "personne", Label: spie.Label{FR: "La personne elle-même (auto-prescription)", EN: "The person themself (self-referral)"}, Source: sourcePrescription,
		Map: map[string][]string{"data-inclusion/personne-mobilisatrice": {"usagers"}}},
}

// Definitions implements spie.Enum.
func (SenderRole) Definitions() spie.Definitions { return SenderRoles }

// AttachmentType is a document joined to a prescription.
type AttachmentType string

// AttachmentTypes is the code list of attachments a service may require.
var AttachmentTypes = spie.Definitions{
	{Key: "piece-identite", Label: spie.Label{FR: "Pièce d'identité ou titre de séjour", EN: "Identity document or residence permit"}, Source: sourcePrescription},
	{Key: "cv", Label: spie.Label{FR: "Curriculum vitæ", EN: "CV"}, Source: sourcePrescription},
	{Key: "diagnostic", Label: spie.Label{FR: "Diagnostic socio-professionnel partagé", EN: "Shared socio-professional diagnostic"}, Source: sourcePrescription},
	{Key: "attestation-droits", Label: spie.Label{FR: "Attestation de droits (RSA, CAF, France Travail)", EN: "Proof of entitlement (RSA, CAF, France Travail)"}, Source: sourcePrescription},
	{Key: "justificatif-domicile", Label: spie.Label{FR: "Justificatif de domicile", EN: "Proof of address"}, Source: sourcePrescription},
	{Key: "notification-mdph", Label: spie.Label{FR: "Notification MDPH (RQTH)", EN: "MDPH notification (RQTH)"}, Source: sourcePrescription},
	{Key: "autre", Label: spie.Label{FR: "Autre pièce", EN: "Other document"}, Source: sourcePrescription},
}

// Definitions implements spie.Enum.
func (AttachmentType) Definitions() spie.Definitions { return AttachmentTypes }
