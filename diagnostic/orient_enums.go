package diagnostic

import "github.com/spie-fr/socle/spie"

// Pathway is the orientation pathway (CNE criteria): emploi, global or
// social; indetermine when the diagnostic is too incomplete to decide;
// autre for an orientation recorded by a partner outside the three
// pathways (carnet de bord's type « autre »), which rules never decide.
type Pathway string

// Pathways.
const (
	PathwayEmploi       Pathway = "emploi"
	PathwayGlobal       Pathway = "global"
	PathwaySocial       Pathway = "social"
	PathwayUndetermined Pathway = "indetermine"
	PathwayOther        Pathway = "autre"
)

// Groups of Pathways: the three pathways of the national criteria, the
// undecided outcome of the rules, and the partners' other orientations.
const (
	PathwayGroupCNE       = "cne"
	PathwayGroupUndecided = "indecis"
	PathwayGroupPartner   = "partenaire"
)

// Mappings of Pathways to the orientation types of the peers:
//   - MapCarnetDeBord: orientation_type of carnet de bord
//     (gip-inclusion/carnet-de-bord@e0fe7212, hasura migrations
//     1655396477440_add_beneficiary_info: social, pro, sociopro;
//     1690467448554_add-orientation-type-autre: autre);
//   - MapRdvInsertion: OrientationType.casf_category of rdv-insertion
//     (gip-inclusion/rdv-insertion@6713dfaf, app/models/orientation_type.rb:
//     social, pro, socio_pro; no « autre »).
//
// emploi ↔ pro, global ↔ sociopro / socio_pro, social ↔ social, autre ↔
// autre (carnet de bord only): the national criteria (arrêté du 21 novembre
// 2024) name the parcours emploi, socio-professionnel and social, which the
// peers label « Professionnel » / « Socio-professionnel » / « Social ».
// indetermine has no counterpart: it is never recorded as a decision.
const (
	MapCarnetDeBord = "carnet-de-bord/orientation_type"
	MapRdvInsertion = "rdv-insertion/casf_category"
)

func pathwayMap(cdb, rdvi string) map[string][]string {
	m := map[string][]string{MapCarnetDeBord: {cdb}}
	if rdvi != "" {
		m[MapRdvInsertion] = []string{rdvi}
	}
	return m
}

// Pathways is the code list of orientation pathways, with their
// correspondence to the peers' orientation types.
var Pathways = spie.Definitions{
	{Key: "emploi", Group: PathwayGroupCNE, Label: spie.Label{FR: "Parcours emploi", EN: "Employment pathway"}, Source: sourceCNE, Map: pathwayMap("pro", "pro"),
		Description: spie.Label{FR: "Accompagnement centré sur l'accès à l'emploi.", EN: "Support focused on getting a job."}},
	{Key: "global", Group: PathwayGroupCNE, Label: spie.Label{FR: "Parcours socio-professionnel", EN: "Socio-professional pathway"}, Source: sourceCNE, Map: pathwayMap("sociopro", "socio_pro"),
		Description: spie.Label{FR: "Accompagnement global : emploi et freins périphériques traités ensemble.", EN: "Global support: employment and barriers addressed together."}},
	{Key: "social", Group: PathwayGroupCNE, Label: spie.Label{FR: "Parcours social", EN: "Social pathway"}, Source: sourceCNE, Map: pathwayMap("social", "social"),
		Description: spie.Label{FR: "Lever d'abord les freins sociaux avant la recherche d'emploi.", EN: "Remove social barriers before the job search."}},
	{Key: "indetermine", Group: PathwayGroupUndecided, Label: spie.Label{FR: "Indéterminé", EN: "Undetermined"}, Source: sourceSocle,
		Description: spie.Label{FR: "Le diagnostic ne permet pas de décider : des critères manquent.", EN: "The diagnostic does not allow a decision: criteria are missing."}},
	{Key: "autre", Group: PathwayGroupPartner, Label: spie.Label{FR: "Autre orientation", EN: "Other orientation"}, Source: "carnet de bord, type d'orientation « autre » (migration 1690467448554, juillet 2023)", Map: pathwayMap("autre", ""),
		Description: spie.Label{FR: "Orientation consignée par un partenaire hors des trois parcours ; les règles d'orientation ne la proposent jamais.", EN: "Orientation recorded by a partner outside the three pathways; orientation rules never propose it."}},
}

// Definitions implements spie.Enum.
func (Pathway) Definitions() spie.Definitions { return Pathways }

// Decidable reports whether orientation rules may decide the pathway: one of
// the three pathways of the national criteria.
func (p Pathway) Decidable() bool {
	d, ok := Pathways.Get(string(p))
	return ok && d.Group == PathwayGroupCNE
}

// Recordable reports whether a decided orientation may carry the pathway:
// one of the three, or a partner's « autre ».
func (p Pathway) Recordable() bool {
	d, ok := Pathways.Get(string(p))
	return ok && (d.Group == PathwayGroupCNE || d.Group == PathwayGroupPartner)
}

// Label returns the French label of the pathway.
func (p Pathway) Label() string { return Pathways.LabelOf(string(p)) }

// Organisation is the organisation référente of the person's pathway.
type Organisation string

// Organisations référentes.
const (
	OrganisationDepartement   Organisation = "departement"
	OrganisationFranceTravail Organisation = "france-travail"
	OrganisationMissionLocale Organisation = "mission-locale"
	OrganisationCapEmploi     Organisation = "cap-emploi"
)

// Organisations is the code list of organisations référentes.
var Organisations = spie.Definitions{
	{Key: "departement", Label: spie.Label{FR: "Département", EN: "Département (county council)"}, Source: sourceCNE},
	{Key: "france-travail", Label: spie.Label{FR: "France Travail", EN: "France Travail"}, Source: sourceCNE},
	{Key: "mission-locale", Label: spie.Label{FR: "Mission locale", EN: "Mission locale (youth employment)"}, Source: sourceCNE},
	{Key: "cap-emploi", Label: spie.Label{FR: "Cap emploi", EN: "Cap emploi (disability employment)"}, Source: sourceCNE},
}

// Definitions implements spie.Enum.
func (Organisation) Definitions() spie.Definitions { return Organisations }

// Label returns the French label of the organisation.
func (o Organisation) Label() string { return Organisations.LabelOf(string(o)) }

// Decider is who takes the orientation decision.
type Decider string

// Deciders.
const (
	DeciderDepartement   Decider = "departement"
	DeciderFranceTravail Decider = "france-travail"
)

// Deciders is the code list of who decides the orientation.
var Deciders = spie.Definitions{
	{Key: "departement", Label: spie.Label{FR: "Président du conseil départemental", EN: "President of the département council"}, Source: "CASF L262-29",
		Description: spie.Label{FR: "Le Département oriente les bénéficiaires du RSA.", EN: "The Département orients RSA beneficiaries."}},
	{Key: "france-travail", Label: spie.Label{FR: "France Travail", EN: "France Travail"}, Source: "C. trav. L5411-5-1",
		Description: spie.Label{FR: "France Travail oriente les autres personnes inscrites.", EN: "France Travail orients the other registered people."}},
}

// Definitions implements spie.Enum.
func (Decider) Definitions() spie.Definitions { return Deciders }

// Label returns the French label of the decider.
func (d Decider) Label() string { return Deciders.LabelOf(string(d)) }

// OrientationCriterion is a criterion that orientation rules may test. Its
// definition's Group is the kind of value: oui-non, impact, nombre or parcours.
type OrientationCriterion string

// Orientation criteria.
const (
	CriterionRecentActivity OrientationCriterion = "activite-recente"
	CriterionSeesJob        OrientationCriterion = "se-projette"
	CriterionQualified      OrientationCriterion = "qualifie"
	CriterionStrongestFrein OrientationCriterion = "impact-max"
	CriterionRSA            OrientationCriterion = "rsa"
	CriterionDisability     OrientationCriterion = "rqth-boeth"
	CriterionAge            OrientationCriterion = "age"
	CriterionPathway        OrientationCriterion = "parcours"
)

// OrientationCriteria is the code list of orientation criteria.
var OrientationCriteria = spie.Definitions{
	{Key: "activite-recente", Group: "oui-non", Label: spie.Label{FR: "Activité professionnelle récente", EN: "Recent professional activity"}, Source: sourceCNE,
		Description: spie.Label{FR: "En activité, ou dernière activité dans la période fixée par les règles (24 mois par défaut).", EN: "Working, or last activity within the period set by the rules (24 months by default)."}},
	{Key: "se-projette", Group: "oui-non", Label: spie.Label{FR: "Se projette dans un emploi à court terme", EN: "Sees themself in a job in the short term"}, Source: sourceCNE},
	{Key: "qualifie", Group: "oui-non", Label: spie.Label{FR: "Qualifié (CAP/BEP ou plus)", EN: "Qualified (CAP/BEP or higher)"}, Source: sourceCNE},
	{Key: "impact-max", Group: "impact", Label: spie.Label{FR: "Impact le plus fort parmi les freins", EN: "Strongest impact among the barriers"}, Source: sourceCNE},
	{Key: "rsa", Group: "oui-non", Label: spie.Label{FR: "Bénéficiaire du RSA", EN: "RSA beneficiary"}, Source: "CASF L262-28"},
	{Key: "rqth-boeth", Group: "oui-non", Label: spie.Label{FR: "RQTH ou bénéficiaire de l'obligation d'emploi", EN: "RQTH or employment obligation beneficiary"}, Source: "C. trav. L5212-13"},
	{Key: "age", Group: "nombre", Label: spie.Label{FR: "Âge à la date du diagnostic", EN: "Age on the diagnostic date"}, Source: sourceSocle},
	{Key: "parcours", Group: "parcours", Label: spie.Label{FR: "Parcours retenu", EN: "Pathway chosen"}, Source: sourceSocle},
}

// Definitions implements spie.Enum.
func (OrientationCriterion) Definitions() spie.Definitions { return OrientationCriteria }
