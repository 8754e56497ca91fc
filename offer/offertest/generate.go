package offertest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie/territory"
)

// kinds of generated structures: a name pattern, the networks and the
// catégories of services they offer.
var structureKinds = []struct {
	name       string
	reseaux    []offer.ReseauPorteur
	categories []offer.Categorie
}{
	{"CCAS de %s", []offer.ReseauPorteur{"ccas-cias"}, []offer.Categorie{"difficultes-financieres", "equipement-et-alimentation", "difficultes-administratives-ou-juridiques", "logement-hebergement"}},
	{"Mission locale du pays de %s", []offer.ReseauPorteur{"mission-locale"}, []offer.Categorie{"choisir-un-metier", "preparer-sa-candidature", "se-former", "mobilite", "logement-hebergement"}},
	{"Centre social %s", []offer.ReseauPorteur{"fcsf"}, []offer.Categorie{"remobilisation", "famille", "numerique", "lecture-ecriture-calcul"}},
	{"Atelier chantier d'insertion Les Jardins de %s", []offer.ReseauPorteur{"aci"}, []offer.Categorie{"trouver-un-emploi", "remobilisation", "se-former"}},
	{"Point conseil budget de %s", []offer.ReseauPorteur{"points-conseil-budget"}, []offer.Categorie{"difficultes-financieres"}},
	{"Espace numérique de %s", []offer.ReseauPorteur{"conseillers-numeriques", "espaces-publics-numeriques"}, []offer.Categorie{"numerique"}},
	{"Plateforme mobilité %s", []offer.ReseauPorteur{"wimoov"}, []offer.Categorie{"mobilite"}},
	{"CIDFF antenne de %s", []offer.ReseauPorteur{"cidff"}, []offer.Categorie{"difficultes-administratives-ou-juridiques", "famille", "trouver-un-emploi"}},
	{"Maison départementale des solidarités de %s", []offer.ReseauPorteur{"departements", "maisons-des-solidarites"}, []offer.Categorie{"famille", "logement-hebergement", "sante", "difficultes-administratives-ou-juridiques"}},
	{"Couveuse d'entreprises de %s", []offer.ReseauPorteur{"reseau-bge"}, []offer.Categorie{"creer-une-entreprise"}},
	{"Épicerie solidaire de %s", []offer.ReseauPorteur{"banques-alimentaires"}, []offer.Categorie{"equipement-et-alimentation"}},
	{"Centre de santé de %s", []offer.ReseauPorteur{"cms"}, []offer.Categorie{"sante"}},
}

var serviceTypes = []offer.TypeService{"accompagnement", "atelier", "information", "formation", "aide-materielle", "aide-financiere"}

var descriptions = []string{
	"Un professionnel vous reçoit pour faire le point sur votre situation et construire avec vous les prochaines étapes.",
	"Séances collectives en petit groupe, animées par un intervenant expérimenté, avec un suivi individuel entre les séances.",
	"Permanence sans rendez-vous : venez avec vos documents, nous vous aidons dans vos démarches.",
	"Accompagnement renforcé sur plusieurs semaines, en lien avec votre référent de parcours.",
	"Information et orientation vers les dispositifs adaptés à votre situation.",
}

// Generator makes deterministic structures and services.
type Generator struct {
	r     *rand.Rand
	now   time.Time
	towns []Town
}

// NewGenerator returns a generator seeded with seed; dates are before now;
// structures are placed in towns.
func NewGenerator(seed uint64, now time.Time, towns []Town) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, 0x5b1e)), now: now, towns: towns}
}

func ptr[T any](v T) *T { return &v }

// SIRET returns a random SIRET whose SIREN part (first 9 digits) and whole
// 14 digits both carry a valid Luhn key, as spie.SIRET requires.
func (g *Generator) SIRET() string {
	d := make([]byte, 14)
	for i := 0; i < 13; i++ {
		d[i] = byte('0' + g.r.IntN(10))
	}
	if d[0] == '0' {
		d[0] = '3'
	}
	setLuhnDigit(d[:9])
	setLuhnDigit(d)
	return string(d)
}

// setLuhnDigit sets the last digit of d so that d satisfies the Luhn formula.
func setLuhnDigit(d []byte) {
	for k := byte(0); k < 10; k++ {
		d[len(d)-1] = '0' + k
		if luhn(string(d)) {
			return
		}
	}
}

func luhn(s string) bool {
	sum, double := 0, false
	for i := len(s) - 1; i >= 0; i-- {
		n := int(s[i] - '0')
		if double {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

func slug(s string) string {
	r := strings.NewReplacer("é", "e", "è", "e", "ê", "e", "â", "a", "ô", "o", "î", "i", "ç", "c", "'", "-", " ", "-", "’", "-")
	out := strings.Trim(r.Replace(strings.ToLower(s)), "-")
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-")
	}
	return out
}

func (g *Generator) date(maxDays int) offer.Date {
	return offer.NewDate(g.now.AddDate(0, 0, -g.r.IntN(maxDays)))
}

func (g *Generator) jitter(v, amount float64) *float64 {
	x := math.Round((v+(g.r.Float64()*2-1)*amount)*1e5) / 1e5
	return &x
}

// Structure returns the i-th structure of source.
func (g *Generator) Structure(source string, i int) *offer.Structure {
	t := g.towns[g.r.IntN(len(g.towns))]
	k := structureKinds[g.r.IntN(len(structureKinds))]
	nom := fmt.Sprintf(k.name, t.Name)
	sl := slug(nom)
	return &offer.Structure{
		Source:          source,
		ID:              fmt.Sprintf("%s--s%05d", source, i),
		Nom:             nom,
		DateMaj:         g.date(900),
		Siret:           ptr(g.SIRET()),
		SiteWeb:         ptr("https://" + sl + ".exemple.fr"),
		Courriel:        ptr("accueil@" + sl + ".exemple.fr"),
		Telephone:       ptr(fmt.Sprintf("03 23 %02d %02d %02d", g.r.IntN(100), g.r.IntN(100), g.r.IntN(100))),
		Adresse:         ptr(fmt.Sprintf("%d rue de la République", 1+g.r.IntN(80))),
		Commune:         ptr(t.Name),
		CodePostal:      ptr(t.PostalCode),
		CodeInsee:       ptr(t.Code),
		Latitude:        g.jitter(t.Lat, 0.01),
		Longitude:       g.jitter(t.Lon, 0.01),
		Description:     ptr("Structure d'accompagnement implantée à " + t.Name + ", ouverte aux habitants du territoire."),
		HorairesAccueil: ptr("Mo-Fr 09:00-12:00,14:00-17:00"),
		ReseauxPorteurs: k.reseaux,
	}
}

// Service returns the j-th service of a structure.
func (g *Generator) Service(st *offer.Structure, j int) *offer.Service {
	cats := []offer.Categorie{"numerique"}
	for _, k := range structureKinds {
		if len(k.reseaux) > 0 && len(st.ReseauxPorteurs) > 0 && k.reseaux[0] == st.ReseauxPorteurs[0] {
			cats = k.categories
		}
	}
	cat := cats[g.r.IntN(len(cats))]
	ths := cat.Thematiques()
	n := 1 + g.r.IntN(min(3, len(ths)))
	perm := g.r.Perm(len(ths))
	var themes []offer.Thematique
	for _, p := range perm[:n] {
		themes = append(themes, ths[p])
	}
	typ := serviceTypes[g.r.IntN(len(serviceTypes))]
	nom := themes[0].Label() + " (" + strings.ToLower(offer.TypesService.LabelOf(string(typ))) + ")"
	if j > 0 {
		nom = fmt.Sprintf("%s, %s", nom, []string{"session de printemps", "permanence du mardi", "parcours renforcé", "accueil du samedi", "module découverte"}[j%5])
	}
	s := &offer.Service{
		Source:      st.Source,
		StructureID: st.ID,
		ID:          fmt.Sprintf("%s-%02d", strings.Replace(st.ID, "--s", "--svc", 1), j),
		Nom:         nom,
		Description: descriptions[g.r.IntN(len(descriptions))] + " " + st.Nom + ".",
		DateMaj:     g.date(1200),
		Type:        ptr(typ),
		Thematiques: themes,
		Frais:       ptr(offer.FraisGratuit),
		Commune:     st.Commune,
		CodePostal:  st.CodePostal,
		CodeInsee:   st.CodeInsee,
		Adresse:     st.Adresse,
		Latitude:    st.Latitude,
		Longitude:   st.Longitude,
		Telephone:   st.Telephone,
		Courriel:    st.Courriel,
	}
	if g.r.IntN(6) == 0 {
		s.Frais = ptr(offer.FraisPayant)
		s.FraisPrecisions = ptr("Participation de 2 € par séance, gratuite pour les bénéficiaires du RSA.")
	}
	switch x := g.r.IntN(10); {
	case x < 4:
		s.Publics = []offer.Public{offer.PublicTousPublics}
	case x < 9:
		all := offer.Publics.Keys()[1:]
		for _, p := range g.r.Perm(len(all))[:1+g.r.IntN(3)] {
			s.Publics = append(s.Publics, offer.Public(all[p]))
		}
	}
	switch x := g.r.IntN(10); {
	case x < 6:
		s.ModesAccueil = []offer.ModeAccueil{offer.ModeAccueilEnPresentiel}
	case x < 8:
		s.ModesAccueil = []offer.ModeAccueil{offer.ModeAccueilEnPresentiel, offer.ModeAccueilADistance}
	default:
		s.ModesAccueil = []offer.ModeAccueil{offer.ModeAccueilADistance}
	}
	dep := ""
	if c, ok := territory.Default().Commune(*st.CodeInsee); ok {
		dep = c.Departement
		switch x := g.r.IntN(10); {
		case x < 5:
			s.ZoneEligibilite = []offer.ZoneCode{offer.ZoneCode(dep)}
		case x < 7 && c.EPCI != "":
			s.ZoneEligibilite = []offer.ZoneCode{offer.ZoneCode(c.EPCI)}
		case x < 8:
			s.ZoneEligibilite = []offer.ZoneCode{offer.ZoneCode(c.Code)}
		case x < 9:
			s.ZoneEligibilite = []offer.ZoneCode{offer.ZoneFranceCode}
		}
	}
	s.ModesMobilisation = []offer.ModeMobilisation{offer.ModeMobilisationTelephone}
	if g.r.IntN(2) == 0 {
		s.ModesMobilisation = append(s.ModesMobilisation, offer.ModeMobilisationCourriel)
	}
	if g.r.IntN(4) == 0 {
		s.LienMobilisation = ptr(fmt.Sprintf("https://%s.exemple.fr/inscription/%d", slug(st.Nom), j))
		s.ModesMobilisation = append(s.ModesMobilisation, offer.ModeMobilisationLien)
	}
	switch x := g.r.IntN(3); x {
	case 0:
		s.MobilisablePar = []offer.PersonneMobilisatrice{offer.MobilisableParProfessionnels}
	default:
		s.MobilisablePar = []offer.PersonneMobilisatrice{offer.MobilisableParProfessionnels, offer.MobilisableParUsagers}
	}
	if typ == "atelier" || typ == "formation" {
		s.VolumeHoraireHebdomadaire = ptr(float64(2 + g.r.IntN(18)))
		s.NombreSemaines = ptr(offer.NewInteger(int64(1 + g.r.IntN(12))))
	}
	return s
}

// Catalogue returns structures of source, each with one to four services,
// until n services; about one in fifty services is repeated by a second
// source under a slightly different name (a cross-source duplicate).
func (g *Generator) Catalogue(source string, n int) ([]*offer.Structure, []*offer.Service) {
	var sts []*offer.Structure
	var svs []*offer.Service
	for i := 0; len(svs) < n; i++ {
		st := g.Structure(source, i)
		sts = append(sts, st)
		for j := 0; j < 1+g.r.IntN(4) && len(svs) < n; j++ {
			svs = append(svs, g.Service(st, j))
		}
	}
	const other = "partenaire"
	byID := make(map[string]*offer.Structure, len(sts))
	for _, st := range sts {
		byID[st.ID] = st
	}
	for i := 0; i < len(svs) && i < n; i += 50 {
		orig := svs[i]
		st0 := byID[orig.StructureID]
		st := *st0
		st.Source, st.ID = other, other+"--"+st0.ID
		st.Extra = nil
		dup := *orig
		dup.Source, dup.StructureID, dup.ID = other, st.ID, other+"--"+orig.ID
		dup.Nom = strings.TrimSuffix(orig.Nom, ".") + " (antenne)"
		sts = append(sts, &st)
		svs = append(svs, &dup)
	}
	return sts, svs
}

// FranceTowns returns n pseudo-towns spread over metropolitan France, taken
// from real communes (codes and names) with positions drawn in the box of
// metropolitan France, for benchmarks where geography need not be exact.
func FranceTowns(seed uint64, n int) []Town {
	r := rand.New(rand.NewPCG(seed, 7))
	tb := territory.Default()
	var deps []string
	for d := 1; d <= 95; d++ {
		if d != 20 {
			deps = append(deps, fmt.Sprintf("%02d", d))
		}
	}
	var out []Town
	for len(out) < n {
		cs := tb.CommunesOf(deps[r.IntN(len(deps))])
		if len(cs) == 0 {
			continue
		}
		c := cs[r.IntN(len(cs))]
		out = append(out, Town{Code: c.Code, Name: c.Name, PostalCode: "75001",
			Lat: 42.5 + r.Float64()*8.5, Lon: -4.5 + r.Float64()*12.5})
	}
	return out
}
