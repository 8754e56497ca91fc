package offer

// Service is a service of the offre d'insertion, field for field the
// data·inclusion "Service" of DataInclusionVersion (optional fields are nil when absent or
// null). Fields data·inclusion does not define are kept in Extra.
type Service struct {
	Source      string `json:"source" jsonschema:"required,title=Source"`
	StructureID string `json:"structure_id" jsonschema:"required,title=ID structure"`
	ID          string `json:"id" jsonschema:"required,title=Id"`
	Nom         string `json:"nom" jsonschema:"required,title=Nom,minLength=3,maxLength=150"`
	Description string `json:"description" jsonschema:"required,title=Description,minLength=5,maxLength=10000"`
	DateMaj     Date   `json:"date_maj" jsonschema:"required,title=Date de dernière modification"`

	Type                      *TypeService            `json:"type,omitempty"`
	Thematiques               []Thematique            `json:"thematiques,omitempty" jsonschema:"title=Thematiques,uniqueItems=true"`
	Frais                     *Frais                  `json:"frais,omitempty"`
	FraisPrecisions           *string                 `json:"frais_precisions,omitempty" jsonschema:"title=Précisions sur les frais"`
	Publics                   []Public                `json:"publics,omitempty" jsonschema:"title=Publics,minItems=1,uniqueItems=true"`
	PublicsPrecisions         *string                 `json:"publics_precisions,omitempty" jsonschema:"title=Précisions sur les publics"`
	ConditionsAcces           *string                 `json:"conditions_acces,omitempty" jsonschema:"title=Conditions d’accès"`
	Commune                   *string                 `json:"commune,omitempty" jsonschema:"title=Commune"`
	CodePostal                *string                 `json:"code_postal,omitempty" jsonschema:"title=Code Postal,minLength=5,maxLength=5,pattern=^\\d{5}$"`
	CodeInsee                 *string                 `json:"code_insee,omitempty" jsonschema:"title=Code Insee,minLength=5,maxLength=5,pattern=^\\w{5}$"`
	Adresse                   *string                 `json:"adresse,omitempty" jsonschema:"title=Adresse"`
	ComplementAdresse         *string                 `json:"complement_adresse,omitempty" jsonschema:"title=Complement Adresse"`
	Longitude                 *float64                `json:"longitude,omitempty" jsonschema:"title=Longitude"`
	Latitude                  *float64                `json:"latitude,omitempty" jsonschema:"title=Latitude"`
	Telephone                 *string                 `json:"telephone,omitempty" jsonschema:"title=Téléphone"`
	Courriel                  *string                 `json:"courriel,omitempty" jsonschema:"title=Courriel,format=email"`
	ModesAccueil              []ModeAccueil           `json:"modes_accueil,omitempty" jsonschema:"title=Modes Accueil,uniqueItems=true"`
	ZoneEligibilite           []ZoneCode              `json:"zone_eligibilite,omitempty" jsonschema:"title=Zone d’éligibilité,minItems=1"`
	ContactNomPrenom          *string                 `json:"contact_nom_prenom,omitempty" jsonschema:"title=Contact Nom Prenom"`
	LienMobilisation          *string                 `json:"lien_mobilisation,omitempty" jsonschema:"title=Lien Mobilisation,format=uri,minLength=1,maxLength=2083"`
	LienSource                *string                 `json:"lien_source,omitempty" jsonschema:"title=Lien Source,format=uri,minLength=1,maxLength=2083"`
	ModesMobilisation         []ModeMobilisation      `json:"modes_mobilisation,omitempty" jsonschema:"title=Modes Mobilisation,minItems=1,uniqueItems=true"`
	MobilisablePar            []PersonneMobilisatrice `json:"mobilisable_par,omitempty" jsonschema:"title=Mobilisable Par,minItems=1,uniqueItems=true"`
	MobilisationPrecisions    *string                 `json:"mobilisation_precisions,omitempty" jsonschema:"title=Mobilisation Precisions"`
	VolumeHoraireHebdomadaire *float64                `json:"volume_horaire_hebdomadaire,omitempty" jsonschema:"title=Volume Horaire Hebdomadaire,minimum=0"`
	NombreSemaines            *Integer                `json:"nombre_semaines,omitempty" jsonschema:"title=Nombre Semaines,minimum=1"`
	HorairesAccueil           *string                 `json:"horaires_accueil,omitempty" jsonschema:"title=Horaires d’accueil du public"`

	// Extra holds the fields data·inclusion does not define (score_qualite…).
	Extra map[string]RawJSON `json:"-"`

	missing []string
}
