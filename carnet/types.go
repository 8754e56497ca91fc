package carnet

import (
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// SchemaVersion is the version of the carnet format written by this package.
const SchemaVersion = "1.0"

// Carnet is the carnet de bord of one person: who follows them, the
// orientation in force, the contract, the plan d'action, the contacts, the
// milestones of the pathway, the consents to sharing and the journal of every
// change.
type Carnet struct {
	// Version du format.
	Version string `json:"version_schema" jsonschema:"enum=1.0"`
	// Identifiant unique du carnet chez la structure qui l'a ouvert.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Date d'entrée de la personne dans le SPIE (point de départ des délais).
	EntryDate spie.Date `json:"date_entree"`
	// Cohorte SPIE de la personne (par exemple « laon-18-30 »).
	Cohort string `json:"cohorte,omitempty" jsonschema:"maxLength=100"`
	// La personne accompagnée.
	Person SupportedPerson `json:"personne"`
	// Le diagnostic socio-professionnel de la personne (socle commun).
	Diagnostic *diagnostic.Diagnostic `json:"diagnostic,omitempty"`
	// Membres du carnet : professionnels et la personne, avec leur rôle et leur période d'activité ; l'historique des référents en fait partie.
	Members []Member `json:"membres,omitempty" jsonschema:"maxItems=500"`
	// Orientations successives ; la plus récente est en vigueur.
	Orientations []Orientation `json:"orientations,omitempty" jsonschema:"maxItems=100"`
	// Contrats successifs.
	Contracts []Contract `json:"contrats,omitempty" jsonschema:"maxItems=100"`
	// Objectifs du plan d'action.
	Objectifs []PlanObjectif `json:"objectifs,omitempty" jsonschema:"maxItems=500"`
	// Actions du plan d'action.
	Actions []Action `json:"actions,omitempty" jsonschema:"maxItems=2000"`
	// Rendez-vous, relances et échanges.
	Contacts []Contact `json:"rendez_vous,omitempty" jsonschema:"maxItems=5000"`
	// Jalons du parcours : ruptures prévisibles et sorties.
	Milestones []Milestone `json:"jalons,omitempty" jsonschema:"maxItems=500"`
	// Consentements de la personne au partage, structure par structure.
	Consents []SharingConsent `json:"consentements,omitempty" jsonschema:"maxItems=500"`
	// Identifiants des carnets fusionnés dans celui-ci (doublons).
	Merged []string `json:"carnets_fusionnes,omitempty" jsonschema:"maxItems=100"`
	// Valeurs écartées lors de fusions, à arbitrer par le référent.
	Conflicts []Conflict `json:"conflits_fusion,omitempty"`
	// Journal chaîné des modifications.
	Journal []Event `json:"journal,omitempty"`
	// Présent seulement dans une vue calculée par View : pour qui et à quelle date (son journal est expurgé, elle ne se vérifie pas).
	Mark *ViewMark `json:"vue,omitempty"`
}

// SupportedPerson is the person supported: minimal, pseudonymous data.
type SupportedPerson struct {
	// Identifiant pseudonyme de la personne, stable entre structures (celui du diagnostic).
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Date de naissance.
	BirthDate spie.Date `json:"date_naissance"`
	// Code INSEE de la commune de résidence.
	Commune spie.CommuneCode `json:"code_commune"`
	// Publics SPIE de la personne.
	Publics []spie.Public `json:"publics,omitempty" jsonschema:"maxItems=20,uniqueItems=true"`
	// Bénéficiaire du RSA.
	RSA bool `json:"rsa,omitempty"`
	// Date d'ouverture des droits au RSA.
	RSAOpeningDate spie.Date `json:"date_ouverture_droits_rsa,omitempty"`
	// Reconnaissance de la qualité de travailleur handicapé.
	RQTH bool `json:"rqth,omitempty"`
	// Identifiant du diagnostic de la personne.
	DiagnosticID string `json:"id_diagnostic,omitempty" jsonschema:"maxLength=100"`
}

// Member is a professional (or the person) taking part in the carnet.
type Member struct {
	// Identifiant du membre dans le carnet.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Rôle dans le carnet.
	Role Role `json:"role"`
	// SIRET de la structure (absent pour la personne).
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
	// Nom ou identifiant du professionnel.
	Professional string `json:"professionnel,omitempty" jsonschema:"maxLength=200"`
	// Début de la période d'activité.
	Start spie.Date `json:"date_debut"`
	// Fin de la période d'activité (absente : en cours).
	End spie.Date `json:"date_fin,omitempty"`
	// Vrai quand la structure du membre est habilitée à traiter le NIR de la personne : seuls ces membres, et la personne, le voient.
	AccessNIR bool `json:"acces_nir,omitempty"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Orientation is one orientation decision.
type Orientation struct {
	// Identifiant de la décision.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Date de la décision (une seule orientation par date ; jamais après le jour du contrôle).
	Date spie.Date `json:"date"`
	// Date de notification à la personne (point de départ du délai de signature du contrat).
	NoticeDate spie.Date `json:"date_notification,omitempty"`
	// Parcours retenu : emploi, global, social, ou autre (type « autre » du carnet de bord) ; correspondance avec les pairs dans diagnostic.Pathways.
	Pathway diagnostic.Pathway `json:"parcours"`
	// Organisme référent désigné.
	Organisation diagnostic.Organisation `json:"organisme_referent,omitempty"`
	// SIRET de l'organisme référent désigné.
	StructureSIRET spie.SIRET `json:"siret_organisme_referent"`
	// Motif (recommandé pour une réorientation, facultatif comme chez les pairs).
	Reason string `json:"motif,omitempty" jsonschema:"maxLength=2000"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Contract is the contract of the pathway.
type Contract struct {
	// Identifiant du contrat.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Type de contrat.
	Type ContractType `json:"type"`
	// Date de signature (absente : pas encore signé).
	SignedOn spie.Date `json:"date_signature,omitempty"`
	// Date de début.
	Start spie.Date `json:"date_debut"`
	// Date de fin prévue.
	End spie.Date `json:"date_fin,omitempty"`
	// Durée hebdomadaire d'activité prévue, en heures.
	WeeklyHours float64 `json:"heures_hebdomadaires" jsonschema:"minimum=0,maximum=48"`
	// Réduction ou dispense de la durée hebdomadaire.
	Adjustment *Adjustment `json:"amenagement,omitempty"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Adjustment is a recorded reduction or exemption of the weekly activity.
type Adjustment struct {
	// Réduction ou dispense.
	Kind AdjustmentKind `json:"type"`
	// Motif consigné.
	Reason AdjustmentReason `json:"motif"`
	// Date de la décision.
	Date spie.Date `json:"date"`
	// Précision du motif.
	Comment string `json:"commentaire,omitempty" jsonschema:"maxLength=2000"`
}

// PlanObjectif is an objectif of the plan d'action.
type PlanObjectif struct {
	// Identifiant de l'objectif dans le carnet.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Thématique SPIE.
	Thematique spie.Thematique `json:"thematique"`
	// Objectif du référentiel (objectifs du carnet de bord et du DSP).
	Objectif diagnostic.Objectif `json:"objectif,omitempty"`
	// Besoin du projet professionnel auquel l'objectif répond.
	Besoin diagnostic.Besoin `json:"besoin,omitempty"`
	// Libellé libre d'un objectif hors référentiel (repris tel quel, par exemple d'un carnet de bord importé) : objectif absent.
	FreeLabel string `json:"libelle_libre,omitempty" jsonschema:"maxLength=500"`
	// Avancement.
	Status diagnostic.ObjectifStatus `json:"statut"`
	// Rang de priorité (1 = le plus urgent).
	Priority int `json:"priorite,omitempty" jsonschema:"minimum=0,maximum=100"`
	// Pointeur JSON de l'élément du diagnostic auquel l'objectif répond.
	Source string `json:"source_diagnostic,omitempty" jsonschema:"maxLength=300"`
	// Date de création.
	Date spie.Date `json:"date"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Action is an action of the plan d'action: a catalogue action or a service
// of the offer.
type Action struct {
	// Identifiant de l'action dans le carnet.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Objectif auquel l'action répond.
	ObjectifID string `json:"id_objectif,omitempty" jsonschema:"maxLength=100"`
	// Action du référentiel du carnet de bord.
	CatalogAction CatalogAction `json:"action,omitempty"`
	// Identifiant data·inclusion du service de l'offre.
	ServiceID string `json:"id_service,omitempty" jsonschema:"maxLength=200"`
	// Libellé libre d'une action hors référentiel et hors offre (repris tel quel, par exemple d'un carnet de bord importé) : action et id_service absents.
	FreeLabel string `json:"libelle_libre,omitempty" jsonschema:"maxLength=500"`
	// Thématique SPIE de l'action.
	Thematique spie.Thematique `json:"thematique"`
	// Statut.
	Status ActionStatus `json:"statut"`
	// Date de la proposition.
	ProposedOn spie.Date `json:"date_proposition"`
	// Qui a proposé l'action.
	ProposedBy Actor `json:"proposee_par"`
	// Date de début.
	Start spie.Date `json:"date_debut,omitempty"`
	// Date de fin.
	End spie.Date `json:"date_fin,omitempty"`
	// Heures hebdomadaires d'activité.
	WeeklyHours float64 `json:"heures_hebdomadaires,omitempty" jsonschema:"minimum=0,maximum=48"`
	// Date de réponse de la structure à la prescription.
	AnsweredOn spie.Date `json:"date_reponse_prescription,omitempty"`
	// Commentaire.
	Comment string `json:"commentaire,omitempty" jsonschema:"maxLength=5000"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Contact is an appointment, a relance or another exchange with the person.
type Contact struct {
	// Identifiant du contact.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Date.
	Date spie.Date `json:"date"`
	// Nature du contact.
	Kind ContactKind `json:"type"`
	// Canal.
	Channel Channel `json:"canal"`
	// Résultat.
	Result ContactResult `json:"resultat"`
	// SIRET de la structure.
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
	// Professionnel.
	Professional string `json:"professionnel,omitempty" jsonschema:"maxLength=200"`
	// Commentaire.
	Comment string `json:"commentaire,omitempty" jsonschema:"maxLength=5000"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Milestone is a dated event of the pathway.
type Milestone struct {
	// Identifiant du jalon.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Nature du jalon.
	Kind MilestoneKind `json:"type"`
	// Date (passée ou prévue).
	Date spie.Date `json:"date"`
	// Commentaire.
	Comment string `json:"commentaire,omitempty" jsonschema:"maxLength=2000"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// SharingConsent is the person's consent to share parts of the carnet with one structure.
type SharingConsent struct {
	// Identifiant du consentement.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// SIRET de la structure avec laquelle la personne accepte le partage.
	StructureSIRET spie.SIRET `json:"siret_structure"`
	// Date du recueil.
	Date spie.Date `json:"date"`
	// Sections partagées.
	Scope []Section `json:"perimetre" jsonschema:"minItems=1,uniqueItems=true"`
	// Date de retrait (absente : en vigueur).
	WithdrawnOn spie.Date `json:"date_retrait,omitempty"`
	// Carnet d'origine de la contribution (fusions).
	Origin string `json:"origine,omitempty" jsonschema:"maxLength=100"`
}

// Actor is who makes a change: a professional of a structure in a role, or
// the person.
type Actor struct {
	// Nom ou identifiant du professionnel (ou de la personne).
	Professional string `json:"professionnel,omitempty" jsonschema:"maxLength=200"`
	// SIRET de la structure.
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
	// Rôle dans le carnet.
	Role Role `json:"role"`
}

// ActiveOn reports whether the member is active on date d.
func (m Member) ActiveOn(d spie.Date) bool {
	return !m.Start.After(d) && (m.End.IsZero() || !m.End.Before(d))
}

// Referent returns the référent active on d.
func (c *Carnet) Referent(d spie.Date) (Member, bool) {
	for _, m := range c.Members {
		if m.Role == RoleReferent && m.ActiveOn(d) {
			return m, true
		}
	}
	return Member{}, false
}

// ReferentHistory returns the référents in order of start.
func (c *Carnet) ReferentHistory() []Member {
	var out []Member
	for _, m := range c.Members {
		if m.Role == RoleReferent {
			out = append(out, m)
		}
	}
	sortStable(out, func(a, b Member) bool { return a.Start.Before(b.Start) })
	return out
}

// OrientationOn returns the orientation in force on d: the latest decided
// on or before d. Two decided the same day are refused by CheckStructure
// (CARNET-ORIENTATION-12); should a carnet hold them anyway, the one with
// the greater id is taken, so that the answer never depends on list order.
func (c *Carnet) OrientationOn(d spie.Date) (Orientation, bool) {
	var best Orientation
	found := false
	for _, o := range c.Orientations {
		if o.Date.After(d) {
			continue
		}
		if !found || o.Date.After(best.Date) || (o.Date == best.Date && o.ID > best.ID) {
			best, found = o, true
		}
	}
	return best, found
}

// ContractOn returns the contract in force on d: started, not ended.
func (c *Carnet) ContractOn(d spie.Date) (Contract, bool) {
	var best Contract
	found := false
	for _, k := range c.Contracts {
		if k.Start.After(d) || (!k.End.IsZero() && k.End.Before(d)) {
			continue
		}
		if !found || !k.Start.Before(best.Start) {
			best, found = k, true
		}
	}
	return best, found
}

// Closed returns the date of the exit milestone on or before d, if any.
func (c *Carnet) Closed(d spie.Date) (Milestone, bool) {
	for _, m := range c.Milestones {
		if m.Kind.Exit() != "" && !m.Date.After(d) {
			return m, true
		}
	}
	return Milestone{}, false
}

func sortStable[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
