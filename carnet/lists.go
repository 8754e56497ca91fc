package carnet

import "github.com/spie-fr/socle/spie"

const (
	sourceIssue    = "socle SPIE (carnet de bord)"
	sourceContrat  = "Loi pour le plein emploi ; C. trav. L5411-6 ; RULES.md §4–5"
	sourceRuptures = "Projets SPIE de Seine-et-Marne et de l'Aude ; RULES.md §9"
	sourceRGPD     = "RGPD ; RULES.md §10"
)

// Role is the role of a member of the carnet.
type Role string

// The roles of the members.
const (
	RoleReferent          Role = "referent"
	RoleCoReferent        Role = "co-referent"
	RolePartenaire        Role = "partenaire"
	RoleCoordinateurSPIE  Role = "coordinateur-spie"
	RoleChargeOrientation Role = "charge-orientation"
	RoleUsager            Role = "usager"
)

// Roles is the code list of the members' roles.
var Roles = spie.Definitions{
	{Key: "referent", Label: spie.Label{FR: "Référent unique", EN: "Single case worker"}, Source: sourceIssue,
		Description: spie.Label{FR: "Le professionnel qui suit la personne de bout en bout ; un seul à la fois.", EN: "The professional who follows the person throughout; one at a time."}},
	{Key: "co-referent", Label: spie.Label{FR: "Co-référent", EN: "Co-case worker"}, Source: sourceIssue,
		Description: spie.Label{FR: "Professionnel qui accompagne aux côtés du référent (binôme social et emploi).", EN: "Professional who supports alongside the case worker (social and employment pair)."}},
	{Key: "partenaire", Label: spie.Label{FR: "Partenaire", EN: "Partner"}, Source: sourceIssue,
		Description: spie.Label{FR: "Structure qui porte une action du plan.", EN: "Organisation that delivers an action of the plan."}},
	{Key: "coordinateur-spie", Label: spie.Label{FR: "Coordinateur SPIE", EN: "SPIE coordinator"}, Source: sourceIssue,
		Description: spie.Label{FR: "Anime le réseau SPIE du territoire, alerté des ruptures et perdus de vue.", EN: "Runs the local SPIE network; alerted of ruptures and people lost from sight."}},
	{Key: "charge-orientation", Label: spie.Label{FR: "Chargé d'orientation", EN: "Orientation officer"}, Source: sourceIssue,
		Description: spie.Label{FR: "Décide ou propose l'orientation et désigne l'organisme référent.", EN: "Decides or proposes the pathway and appoints the lead organisation."}},
	{Key: "usager", Label: spie.Label{FR: "Personne accompagnée", EN: "Person supported"}, Source: sourceIssue,
		Description: spie.Label{FR: "La personne elle-même, qui voit tout son carnet.", EN: "The person themself, who sees their whole carnet."}},
}

// Definitions implements spie.Enum.
func (Role) Definitions() spie.Definitions { return Roles }

// ContractType is the type of a contract. Map "actuel" tells whether new
// contracts may still be of this type.
type ContractType string

// Contract types.
const (
	ContractEngagement ContractType = "contrat-engagement"
	ContractCEJ        ContractType = "cej"
	ContractPACEA      ContractType = "pacea"
	ContractCER        ContractType = "cer"
	ContractPPAE       ContractType = "ppae"
)

// ContractTypes is the code list of contract types.
var ContractTypes = spie.Definitions{
	{Key: "contrat-engagement", Label: spie.Label{FR: "Contrat d'engagement", EN: "Commitment contract"}, Source: "Loi pour le plein emploi du 18 décembre 2023 ; C. trav. L5411-6",
		Description: spie.Label{FR: "Contrat unique depuis le 1er janvier 2025 (remplace PPAE et CER).", EN: "Single contract since 1 January 2025 (replaces PPAE and CER)."}, Map: map[string][]string{"actuel": {"oui"}}},
	{Key: "cej", Label: spie.Label{FR: "Contrat d'engagement jeune (CEJ)", EN: "Youth commitment contract (CEJ)"}, Source: "C. trav. L5131-6 ; RULES.md §5",
		Description: spie.Label{FR: "Variante jeunes : 16–25 ans (moins de 30 ans avec RQTH), 15 à 20 h par semaine, 6 à 12 mois (18 exceptionnellement).", EN: "Youth variant: aged 16–25 (under 30 with RQTH), 15–20 h a week, 6–12 months (18 exceptionally)."}, Map: map[string][]string{"actuel": {"oui"}}},
	{Key: "pacea", Label: spie.Label{FR: "Parcours contractualisé d'accompagnement vers l'emploi et l'autonomie (PACEA)", EN: "Contracted pathway towards employment and autonomy (PACEA)"}, Source: "C. trav. L5131-4 ; RULES.md §5",
		Description: spie.Label{FR: "Variante missions locales : 16–25 ans, 24 mois au plus, prend fin à 26 ans.", EN: "Mission locale variant: aged 16–25, up to 24 months, ends at 26."}, Map: map[string][]string{"actuel": {"oui"}}},
	{Key: "cer", Label: spie.Label{FR: "Contrat d'engagements réciproques (CER, ancien)", EN: "Reciprocal commitment contract (CER, legacy)"}, Source: "CASF L262-35 (ancienne rédaction)",
		Description: spie.Label{FR: "Contrat des bénéficiaires du RSA avant 2025, encore lu.", EN: "RSA beneficiaries' contract before 2025, still read."}, Map: map[string][]string{"actuel": {"non"}}},
	{Key: "ppae", Label: spie.Label{FR: "Projet personnalisé d'accès à l'emploi (PPAE, ancien)", EN: "Personalised job access plan (PPAE, legacy)"}, Source: "C. trav. L5411-6-1 (ancienne rédaction)",
		Description: spie.Label{FR: "Contrat des demandeurs d'emploi avant 2025, encore lu.", EN: "Jobseekers' contract before 2025, still read."}, Map: map[string][]string{"actuel": {"non"}}},
}

// Definitions implements spie.Enum.
func (ContractType) Definitions() spie.Definitions { return ContractTypes }

// Current reports whether new contracts may be of this type.
func (t ContractType) Current() bool {
	d, ok := ContractTypes.Get(string(t))
	return ok && len(d.Map["actuel"]) == 1 && d.Map["actuel"][0] == "oui"
}

// AdjustmentKind is how the weekly activity duty is adjusted.
type AdjustmentKind string

// Adjustment kinds.
const (
	AdjustmentReduction AdjustmentKind = "reduction"
	AdjustmentExemption AdjustmentKind = "exemption"
)

// AdjustmentKinds is the code list of adjustments of the weekly activity.
var AdjustmentKinds = spie.Definitions{
	{Key: "reduction", Label: spie.Label{FR: "Durée réduite", EN: "Reduced hours"}, Source: sourceContrat,
		Description: spie.Label{FR: "Moins de 15 heures par semaine, pour un motif consigné.", EN: "Fewer than 15 hours a week, for a recorded reason."}},
	{Key: "exemption", Label: spie.Label{FR: "Dispense", EN: "Exemption"}, Source: sourceContrat,
		Description: spie.Label{FR: "Aucune durée hebdomadaire exigée (santé, handicap, invalidité, parent isolé sans garde d'un enfant de moins de 12 ans).", EN: "No weekly hours required (health, disability, invalidity, lone parent without childcare for a child under 12)."}},
}

// Definitions implements spie.Enum.
func (AdjustmentKind) Definitions() spie.Definitions { return AdjustmentKinds }

// AdjustmentReason is the recorded reason of a reduction or exemption. Map
// "dispense" is "oui" for the reasons the law accepts for an exemption;
// Sensitive marks the reasons that reveal health data (RGPD art. 9).
type AdjustmentReason string

// AdjustmentReasons is the code list of the reasons of adjustments.
var AdjustmentReasons = spie.Definitions{
	{Key: "sante", Label: spie.Label{FR: "Raisons de santé", EN: "Health reasons"}, Source: sourceContrat, Map: dispense("oui"), Sensitive: true},
	{Key: "handicap", Label: spie.Label{FR: "Situation de handicap", EN: "Disability"}, Source: sourceContrat, Map: dispense("oui"), Sensitive: true},
	{Key: "invalidite", Label: spie.Label{FR: "Invalidité", EN: "Invalidity"}, Source: sourceContrat, Map: dispense("oui"), Sensitive: true},
	{Key: "parent-isole-sans-garde", Label: spie.Label{FR: "Parent isolé sans solution de garde d'un enfant de moins de 12 ans", EN: "Lone parent without childcare for a child under 12"}, Source: sourceContrat, Map: dispense("oui")},
	{Key: "contraintes-familiales", Label: spie.Label{FR: "Autres contraintes familiales", EN: "Other family constraints"}, Source: sourceContrat, Map: dispense("non")},
	{Key: "logement", Label: spie.Label{FR: "Difficultés de logement", EN: "Housing difficulties"}, Source: sourceContrat, Map: dispense("non")},
	{Key: "emploi-temps-partiel", Label: spie.Label{FR: "Emploi à temps partiel en cours", EN: "Part-time job in progress"}, Source: sourceContrat, Map: dispense("non")},
	{Key: "formation-en-cours", Label: spie.Label{FR: "Formation en cours", EN: "Training in progress"}, Source: sourceContrat, Map: dispense("non")},
	{Key: "autre", Label: spie.Label{FR: "Autre motif consigné", EN: "Other recorded reason"}, Source: sourceContrat, Map: dispense("non")},
}

func dispense(v string) map[string][]string { return map[string][]string{"dispense": {v}} }

// Definitions implements spie.Enum.
func (AdjustmentReason) Definitions() spie.Definitions { return AdjustmentReasons }

// AllowsExemption reports whether the reason can justify an exemption.
func (r AdjustmentReason) AllowsExemption() bool {
	d, ok := AdjustmentReasons.Get(string(r))
	return ok && len(d.Map["dispense"]) == 1 && d.Map["dispense"][0] == "oui"
}

// ActionStatus is the status of an action of the plan. Map "etat" groups
// statuses: "actif" (counts as a solution), "termine" (ended).
type ActionStatus string

// Action statuses.
const (
	ActionPlanned   ActionStatus = "prevue"
	ActionOngoing   ActionStatus = "en-cours"
	ActionDone      ActionStatus = "realisee"
	ActionAbandoned ActionStatus = "abandonnee"
	ActionCancelled ActionStatus = "annulee"
	ActionOnHold    ActionStatus = "en-attente"
	ActionRefused   ActionStatus = "refusee"
)

// ActionStatuses is the code list of action statuses.
var ActionStatuses = spie.Definitions{
	{Key: "prevue", Label: spie.Label{FR: "Prévue", EN: "Planned"}, Source: sourceIssue, Map: etat("actif")},
	{Key: "en-cours", Label: spie.Label{FR: "En cours", EN: "In progress"}, Source: sourceIssue, Map: etat("actif")},
	{Key: "en-attente", Label: spie.Label{FR: "En attente", EN: "On hold"}, Source: sourceIssue, Map: etat("actif")},
	{Key: "realisee", Label: spie.Label{FR: "Réalisée", EN: "Done"}, Source: sourceIssue, Map: etat("termine")},
	{Key: "abandonnee", Label: spie.Label{FR: "Abandonnée par la personne", EN: "Abandoned by the person"}, Source: sourceIssue, Map: etat("termine")},
	{Key: "annulee", Label: spie.Label{FR: "Annulée par la structure", EN: "Cancelled by the organisation"}, Source: sourceIssue, Map: etat("termine")},
	{Key: "refusee", Label: spie.Label{FR: "Refusée (prescription non retenue)", EN: "Refused (prescription declined)"}, Source: sourceIssue, Map: etat("termine")},
}

func etat(v string) map[string][]string { return map[string][]string{"etat": {v}} }

// Definitions implements spie.Enum.
func (ActionStatus) Definitions() spie.Definitions { return ActionStatuses }

// Active reports whether the action is planned, in progress or on hold.
func (s ActionStatus) Active() bool { return statusState(s) == "actif" }

// Ended reports whether the action is over (done, abandoned, cancelled, refused).
func (s ActionStatus) Ended() bool { return statusState(s) == "termine" }

func statusState(s ActionStatus) string {
	d, ok := ActionStatuses.Get(string(s))
	if !ok || len(d.Map["etat"]) == 0 {
		return ""
	}
	return d.Map["etat"][0]
}

// Channel is how a contact took place.
type Channel string

// Channels is the code list of contact channels.
var Channels = spie.Definitions{
	{Key: "presentiel", Label: spie.Label{FR: "En présentiel", EN: "In person"}, Source: sourceIssue},
	{Key: "telephone", Label: spie.Label{FR: "Téléphone", EN: "Phone"}, Source: sourceIssue},
	{Key: "visio", Label: spie.Label{FR: "Visioconférence", EN: "Video call"}, Source: sourceIssue},
	{Key: "sms", Label: spie.Label{FR: "SMS", EN: "Text message"}, Source: sourceIssue},
	{Key: "courriel", Label: spie.Label{FR: "Courriel", EN: "Email"}, Source: sourceIssue},
	{Key: "courrier", Label: spie.Label{FR: "Courrier postal", EN: "Letter"}, Source: sourceIssue},
	{Key: "visite-domicile", Label: spie.Label{FR: "Visite à domicile", EN: "Home visit"}, Source: sourceIssue},
	{Key: "non-renseigne", Label: spie.Label{FR: "Canal non renseigné", EN: "Channel not recorded"}, Source: "carnet de bord (GIP de l'inclusion) : notebook_appointment n'a pas de canal (hasura/migrations/carnet_de_bord/1652363016560_add_appointment_table)",
		Description: spie.Label{FR: "Le système d'origine n'a pas noté le canal (rendez-vous importés).", EN: "The source system did not record the channel (imported appointments)."}},
}

// Definitions implements spie.Enum.
func (Channel) Definitions() spie.Definitions { return Channels }

// ContactKind is the kind of a contact: an appointment, a relance of the
// perdus de vue procedure, or another exchange.
type ContactKind string

// Contact kinds.
const (
	ContactAppointment ContactKind = "rendez-vous"
	ContactRelance     ContactKind = "relance"
	ContactOther       ContactKind = "echange"
)

// ContactKinds is the code list of contact kinds.
var ContactKinds = spie.Definitions{
	{Key: "rendez-vous", Label: spie.Label{FR: "Rendez-vous", EN: "Appointment"}, Source: sourceIssue},
	{Key: "relance", Label: spie.Label{FR: "Relance (procédure perdus de vue)", EN: "Reminder (lost-from-sight procedure)"}, Source: sourceRuptures},
	{Key: "echange", Label: spie.Label{FR: "Échange", EN: "Exchange"}, Source: sourceIssue},
}

// Definitions implements spie.Enum.
func (ContactKind) Definitions() spie.Definitions { return ContactKinds }

// ContactResult is the outcome of a contact. Map "reussi" is "oui" for a
// successful contact (the person was reached).
type ContactResult string

// Contact results.
const (
	ResultHonoured ContactResult = "honore"
	ResultNoShow   ContactResult = "absent"
	ResultExcused  ContactResult = "excuse"
	ResultNoAnswer ContactResult = "sans-reponse"
	ResultPlanned  ContactResult = "a-venir"
)

// ContactResults is the code list of contact outcomes.
var ContactResults = spie.Definitions{
	{Key: "a-venir", Label: spie.Label{FR: "À venir", EN: "Upcoming"}, Source: sourceIssue, Map: reussi("non")},
	{Key: "honore", Label: spie.Label{FR: "Honoré", EN: "Honoured"}, Source: sourceIssue, Map: reussi("oui")},
	{Key: "absent", Label: spie.Label{FR: "Absent sans prévenir", EN: "No-show"}, Source: sourceIssue, Map: reussi("non")},
	{Key: "excuse", Label: spie.Label{FR: "Excusé (la personne a prévenu)", EN: "Excused (the person warned)"}, Source: sourceIssue, Map: reussi("oui")},
	{Key: "sans-reponse", Label: spie.Label{FR: "Tentative sans réponse", EN: "Attempt without answer"}, Source: sourceIssue, Map: reussi("non")},
}

func reussi(v string) map[string][]string { return map[string][]string{"reussi": {v}} }

// Definitions implements spie.Enum.
func (ContactResult) Definitions() spie.Definitions { return ContactResults }

// Successful reports whether the person was reached.
func (r ContactResult) Successful() bool {
	d, ok := ContactResults.Get(string(r))
	return ok && len(d.Map["reussi"]) == 1 && d.Map["reussi"][0] == "oui"
}

// MilestoneKind is a dated event of the person's pathway that the carnet
// must know: some risk a rupture, some are exits counted by indicators.
// Map "rupture" is "oui" for the key moments of RULES.md §9; "sortie" names
// the kind of exit.
type MilestoneKind string

// MilestoneKinds is the code list of milestones.
var MilestoneKinds = spie.Definitions{
	{Key: "demenagement-hors-departement", Label: spie.Label{FR: "Déménagement dans un autre département", EN: "Move to another département"}, Source: sourceRuptures, Map: map[string][]string{"rupture": {"oui"}}},
	{Key: "fin-droits-rsa", Label: spie.Label{FR: "Fin des droits au RSA", EN: "End of RSA rights"}, Source: sourceRuptures, Map: map[string][]string{"rupture": {"oui"}}},
	{Key: "fin-contrat-iae", Label: spie.Label{FR: "Fin d'un contrat d'insertion (IAE)", EN: "End of an integration contract (IAE)"}, Source: sourceRuptures, Map: map[string][]string{"rupture": {"oui"}}},
	{Key: "sortie-emploi-durable", Label: spie.Label{FR: "Sortie en emploi durable (CDI ou CDD de 6 mois et plus)", EN: "Exit to lasting employment (permanent or 6+ month contract)"}, Source: "RULES.md §12", Map: map[string][]string{"sortie": {"emploi-durable"}}},
	{Key: "sortie-formation-qualifiante", Label: spie.Label{FR: "Sortie en formation qualifiante", EN: "Exit to qualifying training"}, Source: "RULES.md §12", Map: map[string][]string{"sortie": {"formation-qualifiante"}}},
	{Key: "sortie-autre", Label: spie.Label{FR: "Autre fin d'accompagnement", EN: "Other end of support"}, Source: sourceIssue, Map: map[string][]string{"sortie": {"autre"}}},
}

// Definitions implements spie.Enum.
func (MilestoneKind) Definitions() spie.Definitions { return MilestoneKinds }

// Rupture reports whether the milestone is a key moment that risks a rupture.
func (k MilestoneKind) Rupture() bool {
	d, ok := MilestoneKinds.Get(string(k))
	return ok && len(d.Map["rupture"]) == 1
}

// Exit returns the kind of exit of the milestone ("" when it is not an exit).
func (k MilestoneKind) Exit() string {
	d, ok := MilestoneKinds.Get(string(k))
	if !ok || len(d.Map["sortie"]) == 0 {
		return ""
	}
	return d.Map["sortie"][0]
}

// Section is a part of the carnet to which sharing rights apply.
type Section string

// Sections of the carnet.
const (
	SectionPersonne      Section = "personne"
	SectionDiagnostic    Section = "diagnostic"
	SectionSante         Section = "sante"
	SectionMembres       Section = "membres"
	SectionOrientation   Section = "orientation"
	SectionContrat       Section = "contrat"
	SectionPlan          Section = "plan"
	SectionRendezVous    Section = "rendez-vous"
	SectionJalons        Section = "jalons"
	SectionConsentements Section = "consentements"
	SectionJournal       Section = "journal"
)

// Sections is the code list of the sections of the carnet.
var Sections = spie.Definitions{
	{Key: "personne", Label: spie.Label{FR: "Identité et situation administrative", EN: "Identity and administrative situation"}, Source: sourceRGPD},
	{Key: "diagnostic", Label: spie.Label{FR: "Diagnostic socio-professionnel (hors détails de santé)", EN: "Socio-professional diagnostic (without health details)"}, Source: sourceRGPD},
	{Key: "sante", Label: spie.Label{FR: "Détails de santé (données sensibles)", EN: "Health details (sensitive data)"}, Source: "RGPD art. 9 ; RULES.md §10",
		Description: spie.Label{FR: "Situations, objectifs, actions et commentaires de la thématique santé : la personne et son référent seulement.", EN: "Situations, objectives, actions and comments of the health theme: the person and their case worker only."},
		Sensitive:   true},
	{Key: "membres", Label: spie.Label{FR: "Membres et référent", EN: "Members and case worker"}, Source: sourceRGPD},
	{Key: "orientation", Label: spie.Label{FR: "Orientation", EN: "Orientation"}, Source: sourceRGPD},
	{Key: "contrat", Label: spie.Label{FR: "Contrat", EN: "Contract"}, Source: sourceRGPD},
	{Key: "plan", Label: spie.Label{FR: "Plan d'action (objectifs et actions)", EN: "Action plan (objectives and actions)"}, Source: sourceRGPD},
	{Key: "rendez-vous", Label: spie.Label{FR: "Rendez-vous et contacts", EN: "Appointments and contacts"}, Source: sourceRGPD},
	{Key: "jalons", Label: spie.Label{FR: "Jalons du parcours", EN: "Pathway milestones"}, Source: sourceRGPD},
	{Key: "consentements", Label: spie.Label{FR: "Consentements au partage", EN: "Consents to sharing"}, Source: sourceRGPD},
	{Key: "journal", Label: spie.Label{FR: "Journal des modifications", EN: "Change log"}, Source: sourceRGPD},
}

// Definitions implements spie.Enum.
func (Section) Definitions() spie.Definitions { return Sections }

// Access is a kind of access to a section.
type Access string

// Accesses.
const (
	AccessRead  Access = "lecture"
	AccessWrite Access = "ecriture"
)

// Accesses is the code list of accesses.
var Accesses = spie.Definitions{
	{Key: "lecture", Label: spie.Label{FR: "Lecture", EN: "Read"}, Source: sourceRGPD},
	{Key: "ecriture", Label: spie.Label{FR: "Écriture", EN: "Write"}, Source: sourceRGPD},
}

// Definitions implements spie.Enum.
func (Access) Definitions() spie.Definitions { return Accesses }
