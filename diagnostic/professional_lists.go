package diagnostic

import "github.com/spie-fr/socle/spie"

// EducationLevel is the education level in the old nomenclature used by the
// carnet de bord (AFS … NV1).
type EducationLevel string

// EducationLevels is the code list of education levels, from lowest to
// highest. Map "qualifie" is "oui" from NV5 up (RULES.md §2).
var EducationLevels = spie.Definitions{
	{Key: "AFS", Label: spie.Label{FR: "Aucune formation scolaire", EN: "No schooling"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"non"}}},
	{Key: "CP4", Label: spie.Label{FR: "Primaire à 4e", EN: "Primary school to year 8"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"non"}}},
	{Key: "CFG", Label: spie.Label{FR: "4e achevée (certificat de formation générale)", EN: "Year 8 completed (general training certificate)"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"non"}}},
	{Key: "C3A", Label: spie.Label{FR: "3e achevée ou brevet", EN: "Year 9 completed or brevet"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"non"}}},
	{Key: "C12", Label: spie.Label{FR: "2nde ou 1re achevée", EN: "Year 10 or 11 completed"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"non"}}},
	{Key: "NV5", Label: spie.Label{FR: "CAP, BEP ou équivalent", EN: "CAP, BEP or equivalent (vocational)"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"oui"}}},
	{Key: "NV4", Label: spie.Label{FR: "Bac ou équivalent", EN: "Baccalauréat or equivalent"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"oui"}}},
	{Key: "NV3", Label: spie.Label{FR: "Bac+2 ou équivalent", EN: "Two years of higher education"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"oui"}}},
	{Key: "NV2", Label: spie.Label{FR: "Bac+3 ou bac+4 ou équivalent", EN: "Three or four years of higher education"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"oui"}}},
	{Key: "NV1", Label: spie.Label{FR: "Bac+5 et plus ou équivalent", EN: "Five or more years of higher education"}, Source: sourceCarnet, Map: map[string][]string{"qualifie": {"oui"}}},
}

// Definitions implements spie.Enum.
func (EducationLevel) Definitions() spie.Definitions { return EducationLevels }

// Qualified reports whether the level is NV5 (CAP/BEP) or higher.
func (l EducationLevel) Qualified() bool {
	d, ok := EducationLevels.Get(string(l))
	return ok && len(d.Map["qualifie"]) == 1 && d.Map["qualifie"][0] == "oui"
}

// WorkSituation is the person's current work situation.
type WorkSituation string

// WorkSituations is the code list of work situations. Map "en-activite" tells
// whether the situation is a professional activity (orientation criterion).
var WorkSituations = spie.Definitions{
	{Key: "recherche-emploi", Label: spie.Label{FR: "En recherche d'emploi", EN: "Looking for a job"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "recherche-formation", Label: spie.Label{FR: "En recherche de formation", EN: "Looking for training"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "emploi-cdi", Label: spie.Label{FR: "En emploi (CDI)", EN: "Employed (permanent contract)"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "emploi-cdd", Label: spie.Label{FR: "En emploi (CDD)", EN: "Employed (fixed-term contract)"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "interim", Label: spie.Label{FR: "En intérim", EN: "Temping"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "iae", Label: spie.Label{FR: "En parcours d'insertion par l'activité économique (IAE)", EN: "In an integration-through-work contract (IAE)"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "contrat-aide", Label: spie.Label{FR: "En contrat aidé", EN: "In a subsidised contract"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "alternance", Label: spie.Label{FR: "En alternance", EN: "In a work-study contract"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "independant", Label: spie.Label{FR: "Travailleur indépendant ou créateur d'entreprise", EN: "Self-employed or starting a business"}, Source: sourceCarnet, Map: activite("oui")},
	{Key: "formation", Label: spie.Label{FR: "En formation", EN: "In training"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "stage", Label: spie.Label{FR: "En stage ou immersion (PMSMP)", EN: "In an internship or work placement (PMSMP)"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "service-civique", Label: spie.Label{FR: "En service civique", EN: "In civic service"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "etudiant", Label: spie.Label{FR: "Étudiant ou scolarisé", EN: "Student or at school"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "arret-maladie", Label: spie.Label{FR: "En arrêt maladie", EN: "On sick leave"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "invalidite", Label: spie.Label{FR: "En invalidité", EN: "On invalidity"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "conge-parental", Label: spie.Label{FR: "En congé parental", EN: "On parental leave"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "au-foyer", Label: spie.Label{FR: "Au foyer", EN: "Homemaker"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "retraite", Label: spie.Label{FR: "À la retraite", EN: "Retired"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "sans-activite", Label: spie.Label{FR: "Sans activité", EN: "Without activity"}, Source: sourceCarnet, Map: activite("non")},
	{Key: "autre", Label: spie.Label{FR: "Autre situation", EN: "Other situation"}, Source: sourceCarnet, Map: activite("non")},
}

func activite(v string) map[string][]string { return map[string][]string{"en-activite": {v}} }

// Definitions implements spie.Enum.
func (WorkSituation) Definitions() spie.Definitions { return WorkSituations }

// InActivity reports whether the situation is a professional activity.
func (w WorkSituation) InActivity() bool {
	d, ok := WorkSituations.Get(string(w))
	return ok && len(d.Map["en-activite"]) == 1 && d.Map["en-activite"][0] == "oui"
}

// SkillValidation tells how a skill of the passeport de compétences is known.
type SkillValidation string

// SkillValidations is the code list of skill validations.
var SkillValidations = spie.Definitions{
	{Key: "declaree", Label: spie.Label{FR: "Déclarée par la personne", EN: "Declared by the person"}, Source: sourceSocle},
	{Key: "observee", Label: spie.Label{FR: "Observée en situation (immersion, atelier, emploi)", EN: "Observed at work (placement, workshop, job)"}, Source: sourceSocle},
	{Key: "certifiee", Label: spie.Label{FR: "Certifiée (diplôme, titre, certificat)", EN: "Certified (diploma, title, certificate)"}, Source: sourceSocle},
}

// Definitions implements spie.Enum.
func (SkillValidation) Definitions() spie.Definitions { return SkillValidations }

// Availability is when the person can start a job or an action.
type Availability string

// Availabilities is the code list of availabilities.
var Availabilities = spie.Definitions{
	{Key: "immediate", Label: spie.Label{FR: "Immédiate", EN: "Immediate"}, Source: sourceSocle},
	{Key: "moins-1-mois", Label: spie.Label{FR: "Dans le mois", EN: "Within a month"}, Source: sourceSocle},
	{Key: "1-a-3-mois", Label: spie.Label{FR: "Dans 1 à 3 mois", EN: "In 1 to 3 months"}, Source: sourceSocle},
	{Key: "plus-3-mois", Label: spie.Label{FR: "Dans plus de 3 mois", EN: "In more than 3 months"}, Source: sourceSocle},
	{Key: "non-disponible", Label: spie.Label{FR: "Non disponible", EN: "Not available"}, Source: sourceSocle},
}

// Definitions implements spie.Enum.
func (Availability) Definitions() spie.Definitions { return Availabilities }

// AuthorRole is the role of an author of the diagnostic.
type AuthorRole string

// AuthorRoles is the code list of author roles. Map "binome" tells which side
// of a co-diagnostic pair the role stands for (social or emploi).
var AuthorRoles = spie.Definitions{
	{Key: "travailleur-social", Label: spie.Label{FR: "Travailleur social", EN: "Social worker"}, Source: "Co-diagnostic de Seine-et-Marne", Map: binome("social")},
	{Key: "conseiller-france-travail", Label: spie.Label{FR: "Conseiller France Travail", EN: "France Travail adviser"}, Source: "Co-diagnostic de Seine-et-Marne", Map: binome("emploi")},
	{Key: "conseiller-mission-locale", Label: spie.Label{FR: "Conseiller de mission locale", EN: "Mission locale adviser"}, Source: sourceSocle, Map: binome("emploi")},
	{Key: "conseiller-cap-emploi", Label: spie.Label{FR: "Conseiller Cap emploi", EN: "Cap emploi adviser"}, Source: sourceSocle, Map: binome("emploi")},
	{Key: "conseiller-insertion", Label: spie.Label{FR: "Conseiller en insertion professionnelle", EN: "Employment integration adviser"}, Source: sourceSocle, Map: binome("emploi")},
	{Key: "charge-accompagnement-siae", Label: spie.Label{FR: "Chargé d'accompagnement socio-professionnel (SIAE)", EN: "Social and professional support officer (SIAE)"}, Source: sourceSocle, Map: binome("emploi")},
	{Key: "referent-rsa", Label: spie.Label{FR: "Référent RSA du Département", EN: "Département RSA case worker"}, Source: sourceSocle, Map: binome("social")},
	{Key: "autre-professionnel", Label: spie.Label{FR: "Autre professionnel", EN: "Other professional"}, Source: sourceSocle},
}

func binome(side string) map[string][]string { return map[string][]string{"binome": {side}} }

// Definitions implements spie.Enum.
func (AuthorRole) Definitions() spie.Definitions { return AuthorRoles }

// Side returns "social", "emploi" or "" for the co-diagnostic pair.
func (r AuthorRole) Side() string {
	d, ok := AuthorRoles.Get(string(r))
	if !ok || len(d.Map["binome"]) == 0 {
		return ""
	}
	return d.Map["binome"][0]
}

// Projections is the code list of the answers to "does the person see
// themself in a job in the short term?" (Professional.SeesJobShortTerm, an
// orientation criterion); an absent answer means the question was not asked.
var Projections = spie.Definitions{
	{Key: "oui", Label: spie.Label{FR: "Oui, à court terme", EN: "Yes, in the short term"}, Source: sourceCNE},
	{Key: "non", Label: spie.Label{FR: "Non, pas à court terme", EN: "Not in the short term"}, Source: sourceCNE},
}
