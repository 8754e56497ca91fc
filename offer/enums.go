package offer

import (
	"github.com/spie-fr/socle/spie"
)

// The code lists are the JSON files of catalogues/ (one definition per fact,
// checked by spie.LoadDefinitions); catalog_gen.go holds them as Go literals
// so that no JSON is decoded at package initialisation (issue 17 item 4). A
// test compares each literal to its decoded file.
//
//go:generate go run ../internal/gen/catalogues -dir catalogues -pkg offer -out catalog_gen.go

// DataInclusionVersion is the version of data-inclusion-schema socle
// follows: its models (whose verdict Validate gives), its JSON Schemas and
// its code lists. It is the one place that names it; moving to another
// version (1.0.10 was published in 2026-09, its text is not available here)
// starts by changing it, and the tests then name every list and reference
// to bring along.
const DataInclusionVersion = "1.0.8"

// Source of the code lists of data·inclusion.
const SourceDataInclusion = "data·inclusion v" + DataInclusionVersion

// The code lists of data·inclusion DataInclusionVersion, with English labels. Thematiques
// are grouped (Definition.Group) by their catégorie.
var (
	Categories              = catalogCategories
	Thematiques             = catalogThematiques
	Publics                 = catalogPublics
	TypesService            = catalogTypes
	FraisList               = catalogFrais
	ModesAccueil            = catalogModesAccueil
	ModesMobilisation       = catalogModesMobilisation
	PersonnesMobilisatrices = catalogPersonnesMobilisatrices
	ReseauxPorteurs         = catalogReseauxPorteurs
)

// Categorie is a data·inclusion catégorie of thématiques ("mobilite").
type Categorie string

// Thematique is a data·inclusion thématique, "categorie--sous-theme".
type Thematique string

// Public is a data·inclusion public.
type Public string

// TypeService is a data·inclusion type of service.
type TypeService string

// Frais tells whether a service is free or paid.
type Frais string

// ModeAccueil is how a service receives people (in person, remotely).
type ModeAccueil string

// ModeMobilisation is how a service is mobilised (phone, e-mail, link, in person).
type ModeMobilisation string

// PersonneMobilisatrice is who may mobilise a service (users, professionals).
type PersonneMobilisatrice string

// ReseauPorteur is a network carrying a structure.
type ReseauPorteur string

// Keys used by the rules.
const (
	PublicTousPublics Public = "tous-publics"

	FraisGratuit Frais = "gratuit"
	FraisPayant  Frais = "payant"

	ModeAccueilADistance    ModeAccueil = "a-distance"
	ModeAccueilEnPresentiel ModeAccueil = "en-presentiel"

	ModeMobilisationCourriel  ModeMobilisation = "envoyer-un-courriel"
	ModeMobilisationPresenter ModeMobilisation = "se-presenter"
	ModeMobilisationTelephone ModeMobilisation = "telephoner"
	ModeMobilisationLien      ModeMobilisation = "utiliser-lien-mobilisation"

	MobilisableParUsagers        PersonneMobilisatrice = "usagers"
	MobilisableParProfessionnels PersonneMobilisatrice = "professionnels"
)

// Definitions implement spie.Enum.
func (Categorie) Definitions() spie.Definitions             { return Categories }
func (Thematique) Definitions() spie.Definitions            { return Thematiques }
func (Public) Definitions() spie.Definitions                { return Publics }
func (TypeService) Definitions() spie.Definitions           { return TypesService }
func (Frais) Definitions() spie.Definitions                 { return FraisList }
func (ModeAccueil) Definitions() spie.Definitions           { return ModesAccueil }
func (ModeMobilisation) Definitions() spie.Definitions      { return ModesMobilisation }
func (PersonneMobilisatrice) Definitions() spie.Definitions { return PersonnesMobilisatrices }
func (ReseauPorteur) Definitions() spie.Definitions         { return ReseauxPorteurs }

// categorieOf maps each thématique to its catégorie (a hot path of search).
var categorieOf = func() map[Thematique]Categorie {
	m := make(map[Thematique]Categorie, len(Thematiques))
	for _, d := range Thematiques {
		m[Thematique(d.Key)] = Categorie(d.Group)
	}
	return m
}()

// Categorie returns the catégorie of a thématique ("" when unknown).
func (t Thematique) Categorie() Categorie { return categorieOf[t] }

// Label returns the French label of the thématique.
func (t Thematique) Label() string { return Thematiques.LabelOf(string(t)) }

// Thematiques returns the thématiques of a catégorie, in display order.
func (c Categorie) Thematiques() []Thematique {
	ds := Thematiques.InGroup(string(c))
	out := make([]Thematique, len(ds))
	for i, d := range ds {
		out[i] = Thematique(d.Key)
	}
	return out
}
