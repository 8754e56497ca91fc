package spie

// Mapping names used in Definition.Map across socle.
const (
	MapDataInclusionCategorie  = "data-inclusion/categorie"
	MapDataInclusionThematique = "data-inclusion/thematique"
	MapDataInclusionPublic     = "data-inclusion/public"
	MapDSPContrainte           = "ft-dsp/contrainte"
	MapDSPBesoin               = "ft-dsp/besoin"
	// MapDSPLibelle holds France Travail's own label of the DSP item a
	// definition maps to (contrainte, situation, objectif or besoin), as its
	// referential writes it (reference/france-travail-dsp/referentiel.csv):
	// exported back to France Travail and compared with the label it sends.
	MapDSPLibelle  = "ft-dsp/libelle"
	MapCarnetTheme = "carnet-de-bord/theme"
)

// Thematique is one of the ten SPIE thématiques (Aisne guide, RULES.md §1).
type Thematique string

// The ten SPIE thématiques.
const (
	ThematiqueLogement                  Thematique = "logement"
	ThematiqueIllettrismeIllectronisme  Thematique = "illettrisme-illectronisme"
	ThematiqueSituationFinanciere       Thematique = "situation-financiere"
	ThematiqueSociabilisationRemobilise Thematique = "sociabilisation-remobilisation"
	ThematiqueAccesAuxDroits            Thematique = "acces-aux-droits"
	ThematiqueEmploiFormation           Thematique = "emploi-formation"
	ThematiqueCreationEntreprise        Thematique = "creation-entreprise"
	ThematiqueMobilite                  Thematique = "mobilite"
	ThematiqueGardeEnfant               Thematique = "garde-enfant"
	ThematiqueSante                     Thematique = "sante"
)

const sourceAisne = "Guide SPIE de l'Aisne ; RULES.md §1"

// Thematiques is the code list of the SPIE thématiques, with their mappings to
// data·inclusion v1 catégories, France Travail DSP contraintes and besoins,
// and carnet de bord themes.
var Thematiques = Definitions{
	{Key: "logement", Label: Label{"Logement", "Housing"}, Source: sourceAisne,
		Description: Label{"Accès, maintien ou changement de logement, hébergement.", "Access to, keeping or changing housing; shelter."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"logement-hebergement"}, MapDSPContrainte: {"27"}, MapDSPLibelle: {"Faire face à des difficultés de logement"}, MapCarnetTheme: {"logement"}}},
	{Key: "illettrisme-illectronisme", Label: Label{"Illettrisme & illectronisme", "Illiteracy & digital exclusion"}, Source: sourceAisne,
		Description: Label{"Lecture, écriture, calcul, maîtrise du français et du numérique.", "Reading, writing, numeracy, French language and digital skills."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"lecture-ecriture-calcul", "numerique"}, MapDSPContrainte: {"26"}, MapDSPLibelle: {"Développer ses capacités en lecture, écriture et calcul"}, MapCarnetTheme: {"maitrise_langue", "numerique"}}},
	{Key: "situation-financiere", Label: Label{"Situation financière", "Financial situation"}, Source: sourceAisne,
		Description: Label{"Ressources, budget, endettement, équipement et alimentation.", "Income, budget, debt, equipment and food."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"difficultes-financieres", "equipement-et-alimentation"}, MapDSPContrainte: {"28"}, MapDSPLibelle: {"Faire face à des difficultés financières"}, MapCarnetTheme: {"difficulte_financiere"}}},
	{Key: "sociabilisation-remobilisation", Label: Label{"Sociabilisation & remobilisation", "Socialisation & remobilisation"}, Source: sourceAisne,
		Description: Label{"Lien social, confiance en soi, activités qui remettent en mouvement.", "Social ties, self-confidence, activities that get a person moving again."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"remobilisation"}}},
	{Key: "acces-aux-droits", Label: Label{"Accès aux droits", "Access to rights"}, Source: sourceAisne,
		Description: Label{"Démarches administratives, droits, difficultés juridiques.", "Administrative procedures, rights, legal difficulties."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"difficultes-administratives-ou-juridiques"}, MapDSPContrainte: {"29"}, MapDSPLibelle: {"Faire face à des difficultés administratives ou juridiques"}, MapCarnetTheme: {"difficulte_administrative"}}},
	{Key: "emploi-formation", Label: Label{"Emploi & formation", "Employment & training"}, Source: sourceAisne,
		Description: Label{"Projet professionnel, formation, candidature, recherche d'emploi.", "Career plan, training, applications, job search."},
		Map: map[string][]string{
			MapDataInclusionCategorie: {"choisir-un-metier", "preparer-sa-candidature", "trouver-un-emploi", "se-former", "souvrir-a-linternational"},
			MapDSPBesoin:              {"1", "2", "3", "4", "5", "6", "8", "9", "10", "11", "12", "13", "14", "15", "19", "20", "21"},
			MapCarnetTheme:            {"emploi", "formation", "choisir_un_metier", "se_former", "preparer_sa_candidature", "trouver_un_emploi", "s_ouvrir_a_l_international"}}},
	{Key: "creation-entreprise", Label: Label{"Création d'entreprise", "Business creation"}, Source: sourceAisne,
		Description: Label{"Définir, structurer et développer un projet d'entreprise.", "Defining, structuring and growing a business project."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"creer-une-entreprise"}, MapDSPBesoin: {"16", "17", "18"}, MapCarnetTheme: {"creer_une_entreprise"}}},
	{Key: "mobilite", Label: Label{"Mobilité", "Mobility"}, Source: sourceAisne,
		Description: Label{"Transport, permis, véhicule, mobilité psychologique.", "Transport, driving licence, vehicle, willingness to travel."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"mobilite"}, MapDSPContrainte: {"23"}, MapDSPLibelle: {"Développer sa mobilité"}, MapCarnetTheme: {"mobilite"}}},
	{Key: "garde-enfant", Label: Label{"Garde d'enfant", "Childcare"}, Source: sourceAisne,
		Description: Label{"Garde d'enfants et contraintes familiales.", "Childcare and family constraints."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"famille"}, MapDataInclusionThematique: {"famille--garde-denfants"}, MapDSPContrainte: {"24"}, MapDSPLibelle: {"Surmonter ses contraintes familiales"}, MapCarnetTheme: {"contraintes_familiales"}}},
	{Key: "sante", Label: Label{"Santé", "Health"}, Source: sourceAisne,
		Description: Label{"État de santé, accès aux soins, handicap. Les détails sont des données sensibles (RGPD art. 9).", "Health, access to care, disability. Details are sensitive data (GDPR art. 9)."},
		Map:         map[string][]string{MapDataInclusionCategorie: {"sante"}, MapDSPContrainte: {"25"}, MapDSPLibelle: {"Prendre en compte son état de santé"}, MapCarnetTheme: {"sante"}},
		Sensitive:   true},
}

// Definitions returns the code list of the thématiques.
func (Thematique) Definitions() Definitions { return Thematiques }

// Valid reports whether t is a known thématique.
func (t Thematique) Valid() bool { return Thematiques.Has(string(t)) }

// Sensitive reports whether the details of the thématique are health data
// (RGPD art. 9; Aisne guide): only the person and their référent see them.
// It reads the Sensitive flag of Thematiques, set on santé alone.
func (t Thematique) Sensitive() bool { return Thematiques.Sensitive(string(t)) }

// Label returns the French label.
func (t Thematique) Label() string { return Thematiques.LabelOf(string(t)) }

// ThematiqueForDSPContrainte returns the SPIE thématique of a France Travail
// DSP contrainte code.
func ThematiqueForDSPContrainte(code string) (Thematique, bool) {
	k := Thematiques.Mapped(MapDSPContrainte, code)
	if len(k) != 1 {
		return "", false
	}
	return Thematique(k[0]), true
}

// ThematiqueForCarnetTheme returns the SPIE thématique of a carnet de bord theme.
func ThematiqueForCarnetTheme(theme string) (Thematique, bool) {
	k := Thematiques.Mapped(MapCarnetTheme, theme)
	if len(k) != 1 {
		return "", false
	}
	return Thematique(k[0]), true
}

// DataInclusionCategories returns the data·inclusion v1 catégories of t.
func (t Thematique) DataInclusionCategories() []string {
	d, _ := Thematiques.Get(string(t))
	return d.Map[MapDataInclusionCategorie]
}
