package diagnostic

import "github.com/spie-fr/socle/spie"

// SchemaVersion is the version of the diagnostic format written by this package.
const SchemaVersion = "1.0"

// Diagnostic is the socle commun de diagnostic socio-professionnel: the
// person's situation told once and shared, with their consent, across the
// SPIE network.
type Diagnostic struct {
	// Version of the diagnostic format.
	Version string `json:"version_schema" jsonschema:"enum=1.0"`
	// Identifiant unique du diagnostic chez la structure qui l'a réalisé.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Date à laquelle le diagnostic a été réalisé.
	Date spie.Date `json:"date"`
	// La personne accompagnée (données minimales, pseudonymisées).
	Person Person `json:"personne"`
	// Critères de public (droits et statuts) qui orientent le parcours.
	Criteria PublicCriteria `json:"criteres_publics"`
	// Situation professionnelle : activité, formation, compétences, projet et besoins (thématique emploi-formation).
	Professional Professional `json:"situation_professionnelle"`
	// Freins périphériques, par thématique SPIE (toutes sauf emploi-formation).
	Freins Freins `json:"freins"`
	// Auteurs du diagnostic : un professionnel, ou un binôme pour un co-diagnostic.
	Authors []Author `json:"auteurs" jsonschema:"minItems=1,maxItems=2"`
	// Vrai pour un co-diagnostic réalisé par un travailleur social et un conseiller emploi.
	CoDiagnostic bool `json:"co_diagnostic,omitempty"`
	// SIRET de la structure qui porte le diagnostic.
	StructureSIRET spie.SIRET `json:"siret_structure"`
	// Consentement de la personne au partage du diagnostic.
	Consent Consent `json:"consentement"`
	// Horodatage de la dernière modification du diagnostic argumenté France Travail importé (dateDeModification), tel que France Travail l'a écrit, rendu à l'export.
	FTModifiedAt string `json:"date_modification_france_travail,omitempty" jsonschema:"maxLength=40"`
}

// Person is the person supported: minimal, pseudonymous data.
type Person struct {
	// Identifiant pseudonyme de la personne, stable entre structures.
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// NIR, seulement si la structure est habilitée à le traiter.
	NIR spie.NIR `json:"nir,omitempty"`
	// Identifiant France Travail de la personne.
	FranceTravailID spie.FranceTravailID `json:"identifiant_france_travail,omitempty"`
	// Numéro d'allocataire CAF.
	CAFNumber spie.CAFNumber `json:"numero_allocataire_caf,omitempty"`
	// Date de naissance.
	BirthDate spie.Date `json:"date_naissance"`
	// Code INSEE de la commune de résidence.
	Commune spie.CommuneCode `json:"code_commune"`
}

// PublicCriteria are the rights and statuses that decide publics, orientation
// and IAE eligibility.
type PublicCriteria struct {
	// Bénéficiaire du revenu de solidarité active.
	RSA bool `json:"rsa,omitempty"`
	// Date d'ouverture des droits au RSA (point de départ du délai d'orientation).
	RSAOpeningDate spie.Date `json:"date_ouverture_droits_rsa,omitempty"`
	// Bénéficiaire de l'allocation de solidarité spécifique.
	ASS bool `json:"ass,omitempty"`
	// Bénéficiaire de l'allocation aux adultes handicapés.
	AAH bool `json:"aah,omitempty"`
	// Reconnaissance de la qualité de travailleur handicapé.
	RQTH bool `json:"rqth,omitempty"`
	// Bénéficiaire de l'obligation d'emploi des travailleurs handicapés.
	BOETH bool `json:"boeth,omitempty"`
	// Jeune ayant été pris en charge par l'aide sociale à l'enfance.
	ASE bool `json:"ase,omitempty"`
	// Résident d'un quartier prioritaire de la politique de la ville.
	QPV bool `json:"qpv,omitempty"`
	// Résident d'une commune France Ruralités Revitalisation (ex-ZRR).
	FRR bool `json:"frr,omitempty"`
	// Parent isolé.
	ParentIsole bool `json:"parent_isole,omitempty"`
	// Sans hébergement ou hébergé en urgence.
	SansHebergement bool `json:"sans_hebergement,omitempty"`
	// Réfugié, bénéficiaire de la protection subsidiaire ou demandeur d'asile.
	Refugie bool `json:"refugie,omitempty"`
	// Personne placée sous main de justice.
	SousMainJustice bool `json:"sous_main_justice,omitempty"`
	// Maîtrise du français inférieure au niveau A1.
	FrancaisInferieurA1 bool `json:"francais_inferieur_a1,omitempty"`
	// Nombre de mois d'inscription comme demandeur d'emploi sur les 36 derniers mois.
	MonthsRegistered *int `json:"mois_inscription_demandeur_emploi,omitempty" jsonschema:"minimum=0,maximum=600"`
	// Sortant d'une action d'insertion sans solution.
	SortantSansSolution bool `json:"sortant_sans_solution,omitempty"`
	// Primo-arrivant (arrivé en France depuis moins de 5 ans).
	PrimoArrivant bool `json:"primo_arrivant,omitempty"`
}

// Professional is the professional situation (thématique emploi-formation).
type Professional struct {
	// Situation de travail actuelle.
	WorkSituation WorkSituation `json:"situation_emploi"`
	// Date de fin de la dernière activité professionnelle.
	LastActivityDate spie.Date `json:"date_derniere_activite,omitempty"`
	// Niveau d'études (ancienne nomenclature).
	EducationLevel EducationLevel `json:"niveau_etude,omitempty"`
	// Diplômes obtenus.
	Diplomas []Diploma `json:"diplomes,omitempty" jsonschema:"maxItems=50"`
	// Passeport de compétences.
	Skills []Skill `json:"competences,omitempty" jsonschema:"maxItems=200"`
	// Projet professionnel : métiers visés par ordre de priorité.
	Project []ProjectJob `json:"projet_professionnel,omitempty" jsonschema:"maxItems=20"`
	// Situations constatées relevant de l'emploi et de la formation.
	Situations []SituationItem `json:"situations,omitempty" jsonschema:"maxItems=50"`
	// Besoins du projet professionnel (référentiel France Travail).
	Besoins Besoins `json:"besoins,omitempty"`
	// Projets professionnels du diagnostic argumenté France Travail importé, chacun avec ses besoins, tels que France Travail les a écrits, rendus à l'export.
	FTProjects []DSPProject `json:"projets_france_travail,omitempty" jsonschema:"maxItems=50"`
	// La personne se projette-t-elle dans un emploi à court terme ? Absent : non abordé.
	SeesJobShortTerm *bool `json:"se_projette_dans_emploi,omitempty"`
	// Disponibilité pour un emploi ou une action.
	Availability Availability `json:"disponibilite,omitempty"`
	// Heures de travail hebdomadaires souhaitées.
	WeeklyHours *int `json:"heures_hebdomadaires_souhaitees,omitempty" jsonschema:"minimum=0,maximum=48"`
	// Rayon de mobilité en kilomètres.
	MobilityRadiusKm *int `json:"rayon_mobilite_km,omitempty" jsonschema:"minimum=0,maximum=1000"`
}

// Diploma is a diploma obtained.
type Diploma struct {
	// Intitulé du diplôme.
	Title string `json:"intitule" jsonschema:"minLength=1,maxLength=300"`
	// Niveau du diplôme.
	Level EducationLevel `json:"niveau,omitempty"`
	// Année d'obtention.
	Year int `json:"annee,omitempty" jsonschema:"minimum=1930,maximum=2100"`
}

// Skill is one entry of the passeport de compétences.
type Skill struct {
	// Libellé de la compétence.
	Label string `json:"libelle" jsonschema:"minLength=1,maxLength=300"`
	// Code ROME du métier auquel la compétence se rattache.
	ROME spie.ROMECode `json:"code_rome,omitempty"`
	// Comment la compétence est connue : déclarée, observée ou certifiée.
	Validation SkillValidation `json:"validation"`
}

// ProjectJob is one job aimed at by the professional project.
type ProjectJob struct {
	// Code ROME du métier visé.
	ROME spie.ROMECode `json:"code_rome"`
	// Libellé du métier visé.
	Label string `json:"libelle,omitempty" jsonschema:"maxLength=300"`
	// Rang de priorité (1 = premier choix).
	Priority int `json:"priorite" jsonschema:"minimum=1,maximum=20"`
}

// Frein is the diagnostic of one thématique other than emploi-formation: its
// impact, situations and objectifs, with the person's view and the
// professional's.
type Frein struct {
	// Impact sur la recherche d'emploi retenu par le professionnel.
	Impact Impact `json:"impact"`
	// Suivi de la contrainte (référentiel France Travail).
	Status ContrainteStatus `json:"suivi,omitempty"`
	// Situations constatées.
	Situations []SituationItem `json:"situations,omitempty" jsonschema:"maxItems=50"`
	// Objectifs retenus.
	Objectifs []ObjectifItem `json:"objectifs,omitempty" jsonschema:"maxItems=50"`
	// Le regard de la personne sur ce frein.
	PersonView *PersonView `json:"vue_personne,omitempty"`
	// Commentaire du professionnel.
	Comment string `json:"commentaire_professionnel,omitempty" jsonschema:"maxLength=5000"`
	// Précisions ; pour la santé ce sont des données sensibles (RGPD art. 9), visibles de la personne et de son référent seulement.
	Details string `json:"details,omitempty" jsonschema:"maxLength=5000"`
	// Suivi de la contrainte France Travail quand sa valeur n'est pas une de celles du socle, telle que reçue.
	FTStatus string `json:"suivi_france_travail,omitempty" jsonschema:"maxLength=40"`
	// Date de la contrainte France Travail (date ou horodatage), telle que reçue.
	FTDate string `json:"date_france_travail,omitempty" jsonschema:"maxLength=40"`
}

// SituationItem is a situation observed within a frein.
type SituationItem struct {
	// Situation du référentiel.
	Situation Situation `json:"situation"`
	// La situation s'applique-t-elle ?
	Value SituationValue `json:"valeur,omitempty"`
	// Valeur France Travail qui n'est pas une de celles du socle (par exemple PEUT_ETRE), telle que reçue ; valeur est alors absente.
	FTValue string `json:"valeur_france_travail,omitempty" jsonschema:"maxLength=40"`
}

// ObjectifItem is an objectif retained within a frein.
type ObjectifItem struct {
	// Objectif du référentiel.
	Objectif Objectif `json:"objectif"`
	// Avancement de l'objectif.
	Status ObjectifStatus `json:"statut,omitempty"`
	// Valeur France Travail qui n'est pas une de celles du socle (par exemple TERMINE), telle que reçue ; statut est alors absent.
	FTStatus string `json:"statut_france_travail,omitempty" jsonschema:"maxLength=40"`
}

// PersonView is the person's own view of a frein ("la personne est la
// première à savoir identifier ses besoins").
type PersonView struct {
	// Impact selon la personne.
	Impact Impact `json:"impact,omitempty"`
	// Rang de priorité donné par la personne (1 = le plus urgent).
	Priority int `json:"priorite,omitempty" jsonschema:"minimum=1,maximum=10"`
	// Les mots de la personne.
	Words string `json:"paroles,omitempty" jsonschema:"maxLength=5000"`
}

// Author is a professional who made the diagnostic.
type Author struct {
	// Nom ou identifiant du professionnel.
	Name string `json:"nom" jsonschema:"minLength=1,maxLength=200"`
	// Rôle du professionnel.
	Role AuthorRole `json:"role"`
	// SIRET de la structure du professionnel.
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
}

// Consent is the person's consent to sharing the diagnostic.
type Consent struct {
	// La personne accepte le partage du diagnostic avec les structures du SPIE.
	Sharing bool `json:"partage"`
	// Date du recueil du consentement.
	Date spie.Date `json:"date,omitempty"`
}

// Freins holds the diagnostic of each thématique other than emploi-formation.
type Freins map[FreinThematique]Frein

// Besoins holds the status of each besoin of the professional project.
type Besoins map[Besoin]BesoinStatus

// FreinThematique is a SPIE thématique that is diagnosed as a frein: every
// thématique but emploi-formation, which the professional situation covers.
type FreinThematique string

// FreinThematiques is the code list of the thématiques diagnosed as freins,
// derived from spie.Thematiques.
var FreinThematiques = func() spie.Definitions {
	var out spie.Definitions
	for _, d := range spie.Thematiques {
		if d.Key != string(spie.ThematiqueEmploiFormation) {
			out = append(out, d)
		}
	}
	return out
}()

// Definitions implements spie.Enum.
func (FreinThematique) Definitions() spie.Definitions { return FreinThematiques }
