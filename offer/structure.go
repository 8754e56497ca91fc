package offer

// Structure is a structure of the offre d'insertion, field for field the
// data·inclusion "Structure" of DataInclusionVersion (optional fields are nil when absent or
// null). Fields data·inclusion does not define are kept in Extra and written
// back unchanged.
type Structure struct {
	Source string `json:"source" jsonschema:"required,title=Source"`
	ID     string `json:"id" jsonschema:"required,title=Id"`
	Nom    string `json:"nom" jsonschema:"required,title=Nom,minLength=3,maxLength=150"`
	// DateMaj is the date of the last change at the producer, YYYY-MM-DD.
	DateMaj Date `json:"date_maj" jsonschema:"required,title=Date de dernière modification"`

	Siret             *string         `json:"siret,omitempty" jsonschema:"title=Numéro SIRET,minLength=14,maxLength=14,pattern=^\\d{14}$"`
	LienSource        *string         `json:"lien_source,omitempty" jsonschema:"title=Lien Source,format=uri,minLength=1,maxLength=2083"`
	SiteWeb           *string         `json:"site_web,omitempty" jsonschema:"title=Site Web,format=uri,minLength=1,maxLength=2083"`
	Courriel          *string         `json:"courriel,omitempty" jsonschema:"title=Courriel,format=email"`
	Telephone         *string         `json:"telephone,omitempty" jsonschema:"title=Téléphone"`
	Adresse           *string         `json:"adresse,omitempty" jsonschema:"title=Adresse"`
	ComplementAdresse *string         `json:"complement_adresse,omitempty" jsonschema:"title=Complement Adresse"`
	Commune           *string         `json:"commune,omitempty" jsonschema:"title=Commune"`
	CodePostal        *string         `json:"code_postal,omitempty" jsonschema:"title=Code Postal,minLength=5,maxLength=5,pattern=^\\d{5}$"`
	CodeInsee         *string         `json:"code_insee,omitempty" jsonschema:"title=Code Insee,minLength=5,maxLength=5,pattern=^\\w{5}$"`
	Latitude          *float64        `json:"latitude,omitempty" jsonschema:"title=Latitude"`
	Longitude         *float64        `json:"longitude,omitempty" jsonschema:"title=Longitude"`
	Description       *string         `json:"description,omitempty" jsonschema:"title=Description,minLength=5,maxLength=10000"`
	HorairesAccueil   *string         `json:"horaires_accueil,omitempty" jsonschema:"title=Horaires d’accueil du public"`
	AccessibiliteLieu *string         `json:"accessibilite_lieu,omitempty" jsonschema:"title=Accessibilité du lieu,format=uri,minLength=1,maxLength=2083"`
	ReseauxPorteurs   []ReseauPorteur `json:"reseaux_porteurs,omitempty" jsonschema:"title=Réseaux porteurs,uniqueItems=true"`

	// Extra holds the fields data·inclusion does not define (its API adds
	// score_qualite, for instance); they are accepted with a warning.
	Extra map[string]RawJSON `json:"-"`

	missing []string // required keys absent or null in the decoded JSON
}
