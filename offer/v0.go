package offer

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// The published correspondences of data·inclusion from v0 to v1, as code
// lists mapping each v0 key to its v1 keys.
var (
	V0Thematiques     = catalogV0Thematiques
	V0Profils         = catalogV0Profils
	V0Frais           = catalogV0Frais
	V0LabelsNationaux = catalogV0LabelsNationaux
	V0Typologies      = catalogV0Typologies
)

// Mapping names of the v0 correspondences.
const (
	MapV1Thematique    = "data-inclusion-v1/thematique"
	MapV1Public        = "data-inclusion-v1/public"
	MapV1Frais         = "data-inclusion-v1/frais"
	MapV1ReseauPorteur = "data-inclusion-v1/reseau-porteur"
	MapV1Type          = "data-inclusion-v1/type"
	mapV1ModeAcc       = "accompagnateur"
	mapV1ModeBenef     = "beneficiaire"
)

const sourceV0 = "Correspondance v0 → v1 publiée par data·inclusion (gip-inclusion/data-inclusion, pipeline dbt, int__services)"

// V0Types maps the v0 types of service to the single v1 type, in order of
// priority: the first v0 type of a service found in this list decides.
var V0Types = spie.Definitions{
	{Key: "aide-financiere", Label: spie.Label{FR: "Aide financière", EN: "Financial aid"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"aide-financiere"}}},
	{Key: "autonomie", Label: spie.Label{FR: "Autonomie", EN: "Autonomy"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"aide-materielle"}}},
	{Key: "aide-materielle", Label: spie.Label{FR: "Aide matérielle", EN: "Material aid"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"aide-materielle"}}},
	{Key: "formation", Label: spie.Label{FR: "Formation", EN: "Training"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"formation"}}},
	{Key: "atelier", Label: spie.Label{FR: "Atelier", EN: "Workshop"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"atelier"}}},
	{Key: "numerique", Label: spie.Label{FR: "Numérique", EN: "Digital"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"atelier"}}},
	{Key: "accompagnement", Label: spie.Label{FR: "Accompagnement", EN: "Support"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"accompagnement"}}},
	{Key: "accueil", Label: spie.Label{FR: "Accueil", EN: "Reception"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"information"}}},
	{Key: "information", Label: spie.Label{FR: "Information", EN: "Information"}, Source: sourceV0, Map: map[string][]string{MapV1Type: {"information"}}},
}

// V0ModesOrientation maps the v0 modes d'orientation to the v1 modes de
// mobilisation, for the accompagnateur (professional) and the bénéficiaire.
var V0ModesOrientation = spie.Definitions{
	{Key: "envoyer-un-mail", Label: spie.Label{FR: "Envoyer un mail", EN: "Send an e-mail"}, Source: sourceV0,
		Map: map[string][]string{mapV1ModeAcc: {"envoyer-un-courriel"}, mapV1ModeBenef: {"envoyer-un-courriel"}}},
	{Key: "envoyer-un-mail-avec-une-fiche-de-prescription", Label: spie.Label{FR: "Envoyer un mail avec une fiche de prescription", EN: "Send an e-mail with a prescription form"}, Source: sourceV0,
		Map: map[string][]string{mapV1ModeAcc: {"envoyer-un-courriel"}}},
	{Key: "prendre-rdv", Label: spie.Label{FR: "Prendre rendez-vous", EN: "Book an appointment"}, Source: sourceV0,
		Map: map[string][]string{mapV1ModeAcc: {"envoyer-un-courriel", "utiliser-lien-mobilisation"}, mapV1ModeBenef: {"envoyer-un-courriel", "utiliser-lien-mobilisation"}}},
	{Key: "se-presenter", Label: spie.Label{FR: "Se présenter", EN: "Go in person"}, Source: sourceV0,
		Map: map[string][]string{mapV1ModeBenef: {"se-presenter"}}},
	{Key: "telephoner", Label: spie.Label{FR: "Téléphoner", EN: "Phone"}, Source: sourceV0,
		Map: map[string][]string{mapV1ModeAcc: {"telephoner"}, mapV1ModeBenef: {"telephoner"}}},
	{Key: "completer-le-formulaire-dadhesion", Label: spie.Label{FR: "Compléter le formulaire d'adhésion", EN: "Fill in the membership form"}, Source: sourceV0,
		Map: map[string][]string{mapV1ModeAcc: {"utiliser-lien-mobilisation"}, mapV1ModeBenef: {"utiliser-lien-mobilisation"}}},
	{Key: "autre", Label: spie.Label{FR: "Autre (voir les précisions)", EN: "Other (see details)"}, Source: sourceV0},
}

// V0Service is a service of data·inclusion v0 (the fields its converter
// reads; any other field is reported as lost).
type V0Service struct {
	ID                                   string   `json:"id"`
	StructureID                          string   `json:"structure_id"`
	Source                               string   `json:"source"`
	Nom                                  string   `json:"nom"`
	PresentationResume                   *string  `json:"presentation_resume"`
	PresentationDetail                   *string  `json:"presentation_detail"`
	Types                                []string `json:"types"`
	Thematiques                          []string `json:"thematiques"`
	PriseRdv                             *string  `json:"prise_rdv"`
	Frais                                []string `json:"frais"`
	FraisAutres                          *string  `json:"frais_autres"`
	Profils                              []string `json:"profils"`
	ProfilsPrecisions                    *string  `json:"profils_precisions"`
	PreRequis                            []string `json:"pre_requis"`
	Justificatifs                        []string `json:"justificatifs"`
	ConditionsAcces                      *string  `json:"conditions_acces"`
	FormulaireEnLigne                    *string  `json:"formulaire_en_ligne"`
	PageWeb                              *string  `json:"page_web"`
	Commune                              *string  `json:"commune"`
	CodePostal                           *string  `json:"code_postal"`
	CodeInsee                            *string  `json:"code_insee"`
	Adresse                              *string  `json:"adresse"`
	ComplementAdresse                    *string  `json:"complement_adresse"`
	Longitude                            *float64 `json:"longitude"`
	Latitude                             *float64 `json:"latitude"`
	LienSource                           *string  `json:"lien_source"`
	Telephone                            *string  `json:"telephone"`
	Courriel                             *string  `json:"courriel"`
	ContactNomPrenom                     *string  `json:"contact_nom_prenom"`
	DateMaj                              string   `json:"date_maj"`
	ModesAccueil                         []string `json:"modes_accueil"`
	ModesOrientationAccompagnateur       []string `json:"modes_orientation_accompagnateur"`
	ModesOrientationAccompagnateurAutres *string  `json:"modes_orientation_accompagnateur_autres"`
	ModesOrientationBeneficiaire         []string `json:"modes_orientation_beneficiaire"`
	ModesOrientationBeneficiaireAutres   *string  `json:"modes_orientation_beneficiaire_autres"`
	ZoneDiffusionType                    *string  `json:"zone_diffusion_type"`
	ZoneDiffusionCode                    *string  `json:"zone_diffusion_code"`
	ZoneDiffusionNom                     *string  `json:"zone_diffusion_nom"`
	NombreSemaines                       *Integer `json:"nombre_semaines"`
	VolumeHoraireHebdomadaire            *float64 `json:"volume_horaire_hebdomadaire"`
	HorairesAccueil                      *string  `json:"horaires_accueil"`
}

// Loss is a piece of v0 data the conversion to v1 could not carry.
type Loss struct {
	Path    string `json:"chemin"`
	Value   string `json:"valeur"`
	Message string `json:"message"`
}

// Conversion is the result of converting one v0 document.
type Conversion struct {
	Service   *Service   `json:"service,omitempty"`
	Structure *Structure `json:"structure,omitempty"`
	Losses    []Loss     `json:"pertes"`
}

func (c *Conversion) lose(path string, value any, msg string) {
	v := ""
	switch x := value.(type) {
	case string:
		v = x
	case nil:
	default:
		b, _ := json.Marshal(x)
		v = string(b)
	}
	c.Losses = append(c.Losses, Loss{Path: path, Value: v, Message: msg})
}

// mapV0 maps v0 keys through a correspondence, reporting unknown keys and
// keys without v1 equivalent as losses; the result keeps first-seen order.
func (c *Conversion) mapV0(field string, keys []string, ds spie.Definitions, mapping string) []string {
	var out []string
	seen := map[string]bool{}
	for i, k := range keys {
		d, ok := ds.Get(k)
		switch {
		case !ok:
			c.lose(spie.Pointer(field, i), k, "valeur v0 inconnue de la correspondance")
		case len(d.Map[mapping]) == 0:
			c.lose(spie.Pointer(field, i), k, "pas d'équivalent en v1")
		}
		for _, v := range d.Map[mapping] {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

func nonEmpty(p *string) bool { return p != nil && strings.TrimSpace(*p) != "" }

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// ConvertServiceV0 converts a v0 service to v1 with the published
// correspondences, and lists what is lost.
func ConvertServiceV0(v *V0Service, extra map[string]RawJSON) Conversion {
	c := Conversion{}
	s := &Service{Source: v.Source, StructureID: v.StructureID, ID: v.ID, DateMaj: Date(v.DateMaj),
		Commune: v.Commune, CodePostal: v.CodePostal, CodeInsee: v.CodeInsee, Adresse: v.Adresse,
		ComplementAdresse: v.ComplementAdresse, Longitude: v.Longitude, Latitude: v.Latitude,
		LienSource: v.LienSource, Telephone: v.Telephone, Courriel: v.Courriel, ContactNomPrenom: v.ContactNomPrenom,
		FraisPrecisions: v.FraisAutres, PublicsPrecisions: v.ProfilsPrecisions, NombreSemaines: v.NombreSemaines,
		VolumeHoraireHebdomadaire: v.VolumeHoraireHebdomadaire, HorairesAccueil: v.HorairesAccueil}
	c.Service = s
	s.Nom = truncate(v.Nom, 150)
	if s.Nom != v.Nom {
		c.lose("/nom", v.Nom, "nom tronqué à 150 caractères")
	}
	switch {
	case nonEmpty(v.PresentationDetail):
		s.Description = truncate(*v.PresentationDetail, 10000)
		if nonEmpty(v.PresentationResume) {
			c.lose("/presentation_resume", *v.PresentationResume, "résumé non repris : la description reprend la présentation détaillée")
		}
	case nonEmpty(v.PresentationResume):
		s.Description = *v.PresentationResume
	}
	// Type: the first v0 type in the order of priority.
	for _, d := range V0Types {
		if contains(v.Types, d.Key) && s.Type == nil {
			t := TypeService(d.Map[MapV1Type][0])
			s.Type = &t
		}
	}
	for i, t := range v.Types {
		if !V0Types.Has(t) {
			c.lose(spie.Pointer("types", i), t, "type v0 sans équivalent en v1")
		} else if d, _ := V0Types.Get(t); s.Type != nil && d.Map[MapV1Type][0] != string(*s.Type) {
			c.lose(spie.Pointer("types", i), t, "v1 n'a qu'un type : "+string(*s.Type)+" retenu")
		}
	}
	for _, t := range c.mapV0("thematiques", v.Thematiques, V0Thematiques, MapV1Thematique) {
		s.Thematiques = append(s.Thematiques, Thematique(t))
	}
	frais := c.mapV0("frais", v.Frais, V0Frais, MapV1Frais)
	switch {
	case contains(frais, "payant"):
		f := FraisPayant
		s.Frais = &f
	case contains(frais, "gratuit"):
		f := FraisGratuit
		s.Frais = &f
	}
	for i, f := range v.Frais {
		if f == "gratuit-sous-conditions" || f == "pass-numerique" || f == "adhesion" {
			c.lose(spie.Pointer("frais", i), f, "nuance des frais perdue (v1 : gratuit ou payant) ; à préciser dans frais_precisions")
		}
	}
	publics := c.mapV0("profils", v.Profils, V0Profils, MapV1Public)
	if contains(publics, string(PublicTousPublics)) && len(publics) > 1 {
		c.lose("/profils", strings.Join(v.Profils, ", "), "« tous-publics » ne se combine pas en v1 : les publics précis sont gardés")
		publics = removeString(publics, string(PublicTousPublics))
	}
	for _, p := range publics {
		s.Publics = append(s.Publics, Public(p))
	}
	var conds []string
	if contains(v.Profils, "locataires") {
		conds = append(conds, "Le bénéficiaire doit être locataire.")
	}
	if contains(v.Profils, "proprietaires") {
		conds = append(conds, "Le bénéficiaire doit être propriétaire.")
	}
	if nonEmpty(v.ConditionsAcces) {
		conds = append(conds, *v.ConditionsAcces)
	}
	if len(v.PreRequis) > 0 {
		conds = append(conds, "Prérequis : "+strings.Join(v.PreRequis, " ; "))
	}
	if len(v.Justificatifs) > 0 {
		conds = append(conds, "Justificatifs : "+strings.Join(v.Justificatifs, " ; "))
	}
	if len(conds) > 0 {
		j := strings.Join(conds, "\n")
		s.ConditionsAcces = &j
	}
	for i, m := range v.ModesAccueil {
		if ModesAccueil.Has(m) {
			if !contains(s.ModesAccueil, ModeAccueil(m)) {
				s.ModesAccueil = append(s.ModesAccueil, ModeAccueil(m))
			}
		} else {
			c.lose(spie.Pointer("modes_accueil", i), m, "mode d'accueil inconnu")
		}
	}
	// Modes de mobilisation and who may mobilise.
	var modes []string
	for field, list := range map[string][]string{"modes_orientation_accompagnateur": v.ModesOrientationAccompagnateur, "modes_orientation_beneficiaire": v.ModesOrientationBeneficiaire} {
		mapping := mapV1ModeAcc
		if field == "modes_orientation_beneficiaire" {
			mapping = mapV1ModeBenef
		}
		for i, m := range list {
			d, ok := V0ModesOrientation.Get(m)
			if !ok || (len(d.Map[mapping]) == 0 && m != "autre") {
				c.lose(spie.Pointer(field, i), m, "mode d'orientation sans équivalent en v1")
			}
			modes = append(modes, d.Map[mapping]...)
		}
	}
	links := []*string{v.PriseRdv, v.FormulaireEnLigne, v.PageWeb}
	for _, l := range links {
		if nonEmpty(l) {
			modes = append(modes, string(ModeMobilisationLien))
			if s.LienMobilisation == nil {
				s.LienMobilisation = l
			}
		}
	}
	for name, l := range map[string]*string{"prise_rdv": v.PriseRdv, "formulaire_en_ligne": v.FormulaireEnLigne, "page_web": v.PageWeb} {
		if nonEmpty(l) && l != s.LienMobilisation && *l != *s.LienMobilisation {
			c.lose("/"+name, *l, "v1 n'a qu'un lien de mobilisation")
		}
	}
	for _, d := range ModesMobilisation {
		if contains(modes, d.Key) {
			s.ModesMobilisation = append(s.ModesMobilisation, ModeMobilisation(d.Key))
		}
	}
	if len(v.ModesOrientationBeneficiaire) > 0 {
		s.MobilisablePar = append(s.MobilisablePar, MobilisableParUsagers)
	}
	if len(v.ModesOrientationAccompagnateur) > 0 {
		s.MobilisablePar = append(s.MobilisablePar, MobilisableParProfessionnels)
	}
	var prec []string
	for _, p := range []*string{v.ModesOrientationBeneficiaireAutres, v.ModesOrientationAccompagnateurAutres} {
		if nonEmpty(p) {
			prec = append(prec, *p)
		}
	}
	if len(prec) > 0 {
		j := strings.Join(prec, " ")
		s.MobilisationPrecisions = &j
	}
	c.zone(v)
	if nonEmpty(v.ZoneDiffusionNom) {
		c.lose("/zone_diffusion_nom", *v.ZoneDiffusionNom, "le nom de la zone n'existe plus en v1 (les codes suffisent)")
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.lose(spie.Pointer(k), string(extra[k]), "champ v0 sans équivalent en v1")
	}
	c.sortLosses()
	return c
}

func (c *Conversion) sortLosses() {
	sort.SliceStable(c.Losses, func(i, j int) bool { return c.Losses[i].Path < c.Losses[j].Path })
}

func removeString(vs []string, v string) []string {
	var out []string
	for _, x := range vs {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// zone converts zone_diffusion_type/code to zone_eligibilite: a region
// becomes the list of its départements (v1 never names a region).
func (c *Conversion) zone(v *V0Service) {
	if v.ZoneDiffusionType == nil {
		return
	}
	s := c.Service
	code := ""
	if v.ZoneDiffusionCode != nil {
		code = *v.ZoneDiffusionCode
	}
	tb := territory.Default()
	switch *v.ZoneDiffusionType {
	case "commune":
		if code == "" && v.CodeInsee != nil {
			code = *v.CodeInsee
		}
		if code != "" {
			s.ZoneEligibilite = []ZoneCode{ZoneCode(code)}
		}
	case "epci", "departement":
		if code != "" {
			s.ZoneEligibilite = []ZoneCode{ZoneCode(code)}
		}
	case "region":
		for _, d := range tb.DepartementsOf(code) {
			s.ZoneEligibilite = append(s.ZoneEligibilite, ZoneCode(d))
		}
	case "pays":
		s.ZoneEligibilite = []ZoneCode{ZoneFranceCode}
	default:
		c.lose("/zone_diffusion_type", *v.ZoneDiffusionType, "type de zone inconnu")
		return
	}
	if s.ZoneEligibilite == nil {
		c.lose("/zone_diffusion_code", code, fmt.Sprintf("zone %s sans code utilisable", *v.ZoneDiffusionType))
	}
}

// V0Structure is a structure of data·inclusion v0.
type V0Structure struct {
	ID                 string   `json:"id"`
	Source             string   `json:"source"`
	Nom                string   `json:"nom"`
	Siret              *string  `json:"siret"`
	Commune            *string  `json:"commune"`
	CodePostal         *string  `json:"code_postal"`
	CodeInsee          *string  `json:"code_insee"`
	Adresse            *string  `json:"adresse"`
	ComplementAdresse  *string  `json:"complement_adresse"`
	Longitude          *float64 `json:"longitude"`
	Latitude           *float64 `json:"latitude"`
	Typologie          *string  `json:"typologie"`
	Telephone          *string  `json:"telephone"`
	Courriel           *string  `json:"courriel"`
	SiteWeb            *string  `json:"site_web"`
	PresentationResume *string  `json:"presentation_resume"`
	PresentationDetail *string  `json:"presentation_detail"`
	DateMaj            string   `json:"date_maj"`
	LienSource         *string  `json:"lien_source"`
	HorairesOuverture  *string  `json:"horaires_ouverture"`
	Accessibilite      *string  `json:"accessibilite"`
	LabelsNationaux    []string `json:"labels_nationaux"`
	LabelsAutres       []string `json:"labels_autres"`
}

// ConvertStructureV0 converts a v0 structure to v1 and lists what is lost.
func ConvertStructureV0(v *V0Structure, extra map[string]RawJSON) Conversion {
	c := Conversion{}
	s := &Structure{Source: v.Source, ID: v.ID, Nom: truncate(v.Nom, 150), DateMaj: Date(v.DateMaj), Siret: v.Siret,
		Commune: v.Commune, CodePostal: v.CodePostal, CodeInsee: v.CodeInsee, Adresse: v.Adresse,
		ComplementAdresse: v.ComplementAdresse, Longitude: v.Longitude, Latitude: v.Latitude, Telephone: v.Telephone,
		Courriel: v.Courriel, SiteWeb: v.SiteWeb, LienSource: v.LienSource, HorairesAccueil: v.HorairesOuverture,
		AccessibiliteLieu: v.Accessibilite}
	c.Structure = s
	switch {
	case nonEmpty(v.PresentationDetail):
		d := truncate(*v.PresentationDetail, 10000)
		s.Description = &d
		if nonEmpty(v.PresentationResume) {
			c.lose("/presentation_resume", *v.PresentationResume, "résumé non repris : la description reprend la présentation détaillée")
		}
	case nonEmpty(v.PresentationResume):
		s.Description = v.PresentationResume
	}
	var reseaux []string
	if nonEmpty(v.Typologie) {
		reseaux = append(reseaux, c.mapV0("typologie", []string{*v.Typologie}, V0Typologies, MapV1ReseauPorteur)...)
	}
	reseaux = append(reseaux, c.mapV0("labels_nationaux", v.LabelsNationaux, V0LabelsNationaux, MapV1ReseauPorteur)...)
	for _, r := range reseaux {
		if !contains(s.ReseauxPorteurs, ReseauPorteur(r)) {
			s.ReseauxPorteurs = append(s.ReseauxPorteurs, ReseauPorteur(r))
		}
	}
	for i, l := range v.LabelsAutres {
		c.lose(spie.Pointer("labels_autres", i), l, "labels locaux sans équivalent en v1")
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.lose(spie.Pointer(k), string(extra[k]), "champ v0 sans équivalent en v1")
	}
	c.sortLosses()
	return c
}

var (
	// The members of the v0 models, listed on first use (issue 17 item 4).
	v0ServiceFields   = sync.OnceValue(func() map[string]bool { return jsonFields(reflect.TypeOf(V0Service{})) })
	v0StructureFields = sync.OnceValue(func() map[string]bool { return jsonFields(reflect.TypeOf(V0Structure{})) })
)

// ConvertV0 reads one v0 document, a service when it has a structure_id,
// else a structure, and converts it.
func ConvertV0(b []byte) (Conversion, error) {
	var probe map[string]RawJSON
	if err := json.Unmarshal(b, &probe); err != nil || probe == nil {
		return Conversion{}, fmt.Errorf("document v0 illisible : objet JSON attendu")
	}
	if _, ok := probe["structure_id"]; ok {
		var v V0Service
		if err := json.Unmarshal(b, &v); err != nil {
			return Conversion{}, fmt.Errorf("service v0 illisible : %w", err)
		}
		return ConvertServiceV0(&v, unknownMembers(probe, v0ServiceFields())), nil
	}
	var v V0Structure
	if err := json.Unmarshal(b, &v); err != nil {
		return Conversion{}, fmt.Errorf("structure v0 illisible : %w", err)
	}
	return ConvertStructureV0(&v, unknownMembers(probe, v0StructureFields())), nil
}

func unknownMembers(m map[string]RawJSON, known map[string]bool) map[string]RawJSON {
	out := map[string]RawJSON{}
	for k, v := range m {
		if !known[k] && string(v) != "null" {
			out[k] = v
		}
	}
	return out
}
