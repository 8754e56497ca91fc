package offer

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// MinDateMaj is the earliest date_maj data·inclusion accepts: 1 January
// 2000, 00:00 UTC, written as seconds since 1970 (30 years of which 7 leap,
// 30×365+7 = 10,957 days of 86,400 s) because time.Date at package
// initialisation would link its calendar arithmetic into every program
// importing the package, the widget modules among them.
var MinDateMaj = time.Unix(10957*86400, 0).UTC()

// checker accumulates faults.
type checker struct {
	faults spie.Faults
	now    time.Time
	// formatsChecked: the "email" and "uri" formats of the schema, judged
	// by IsEmail and IsHTTPURL, have already refused what email and url
	// would (CheckAfterFormats).
	formatsChecked bool
	// schemaChecked: the document's JSON Schema has accepted it, each
	// refused member left out (CheckAfterSchema, with formatsChecked): the
	// checks that restate the schema — the lengths of nom and description
	// (minLength, maxLength), the code lists and their repeats and sizes
	// (enum, uniqueItems, minItems), the shapes of the codes (pattern) and
	// the minimums — cannot fail, and are not run.
	schemaChecked bool
}

func (c *checker) add(f spie.Fault) { c.faults = append(c.faults, f) }

func (c *checker) missing(keys []string) {
	for _, k := range keys {
		c.add(FaultRequired.At(spie.Pointer(k)))
	}
}

func (c *checker) length(name, v string, lo, hi int) {
	if c.schemaChecked {
		return // the schema's minLength and maxLength, the same bounds
	}
	if n := utf8.RuneCountInString(v); n < lo || n > hi {
		c.add(FaultLength.At(spie.Pointer(name), n, lo, hi))
	}
}

func (c *checker) optLength(name string, v *string, lo, hi int) {
	if v != nil {
		c.length(name, *v, lo, hi)
	}
}

func (c *checker) id(name, v string, missing []string) {
	for _, m := range missing {
		if m == name {
			return
		}
	}
	if strings.TrimSpace(v) == "" {
		c.add(FaultEmptyID.At(spie.Pointer(name)))
	}
}

func (c *checker) nom(v string) {
	c.length("nom", v, 3, 150)
	if strings.HasSuffix(v, ".") && !strings.HasSuffix(v, "etc.") {
		c.add(FaultNomPoint.At(spie.Pointer("nom")))
	}
}

func (c *checker) date(name string, d Date, missing []string) {
	for _, m := range missing {
		if m == name {
			return
		}
	}
	t, err := d.Time()
	if err != nil {
		c.add(FaultDate.At(spie.Pointer(name)))
		return
	}
	// Today as NewDate writes it, in a buffer of this frame: no string
	// is made unless the date is in the future.
	var buf [len(DateLayout) + 8]byte
	today := c.now.AppendFormat(buf[:0], DateLayout)
	switch {
	case t.Before(MinDateMaj):
		c.add(FaultDateTooOld.At(spie.Pointer(name)))
	case string(d) > string(today):
		c.add(FaultDateFuture.At(spie.Pointer(name), string(today)))
	}
}

func (c *checker) email(name string, v *string) {
	if v != nil && !c.formatsChecked && !IsEmail(*v) {
		c.add(FaultEmail.At(spie.Pointer(name)))
	}
}

func (c *checker) url(name string, v *string) {
	if v != nil && !c.formatsChecked && !IsHTTPURL(*v) {
		c.add(FaultURL.At(spie.Pointer(name)))
	}
}

func (c *checker) codePostal(v *string) {
	if v == nil || c.schemaChecked { // the schema's pattern, the same one
		return
	}
	if !reCodePostal.MatchString(*v) {
		c.add(FaultFormat.At(spie.Pointer("code_postal"), "5 chiffres"))
	}
}

func (c *checker) codeInsee(v *string) {
	if v == nil {
		return
	}
	if !c.schemaChecked && !reCodeInsee.MatchString(*v) { // else the schema's pattern, the same one
		c.add(FaultFormat.At(spie.Pointer("code_insee"), "5 caractères"))
		return
	}
	for _, f := range territory.CheckCommune(spie.CommuneCode(*v), pointerCodeInsee) {
		c.add(f)
	}
}

func (c *checker) siret(v *string) {
	if v == nil {
		return
	}
	if !c.schemaChecked && !reSiret.MatchString(*v) { // else the schema's pattern, the same one
		c.add(FaultFormat.At(spie.Pointer("siret"), "14 chiffres"))
		return
	}
	if spie.SIRET(*v).Problem() != nil {
		c.add(FaultSiretKey.At(spie.Pointer("siret")))
	}
}

// pointerCodeInsee is the path of code_insee, made once.
var pointerCodeInsee = spie.Pointer("code_insee")

// coordinates warns on the coordinate that is wrong: the missing one of a
// pair, a latitude beyond ±90, a longitude beyond ±180.
func (c *checker) coordinates(lat, lon *float64) {
	if lat == nil && lon == nil {
		return
	}
	if lat == nil || lon != nil && math.Abs(*lat) > 90 {
		c.add(FaultCoordinates.At(spie.Pointer("latitude")))
	}
	if lon == nil || lat != nil && math.Abs(*lon) > 180 {
		c.add(FaultCoordinates.At(spie.Pointer("longitude")))
	}
}

func (c *checker) extra(extra map[string]RawJSON) {
	for k := range extra {
		c.add(FaultUnknownField.At(spie.Pointer(k), k))
	}
}

// enumList checks a list of code list values: known, unique, and non-empty
// when minOne.
func enumList[T ~string](c *checker, name string, vs []T, ds spie.Definitions, list string, minOne bool) {
	if vs == nil || c.schemaChecked { // the schema's enum, uniqueItems and minItems
		return
	}
	if len(vs) == 0 && minOne {
		c.add(FaultEmptyList.At(spie.Pointer(name)))
	}
	var seen map[T]bool // only for a long list: a short one is compared pairwise
	if len(vs) > 16 {
		seen = make(map[T]bool, len(vs))
	}
	for i, v := range vs {
		if !ds.Has(string(v)) {
			c.add(FaultEnum.At(spie.Pointer(name, i), string(v), list))
		}
		if seen != nil && seen[v] || seen == nil && slices.Contains(vs[:i], v) {
			c.add(FaultRepeated.At(spie.Pointer(name, i), string(v)))
		}
		if seen != nil {
			seen[v] = true
		}
	}
}

func enumValue[T ~string](c *checker, name string, v *T, ds spie.Definitions, list string) {
	if v != nil && !c.schemaChecked && !ds.Has(string(*v)) { // else the schema's enum
		c.add(FaultEnum.At(spie.Pointer(name), string(*v), list))
	}
}

// Check returns the faults of the structure at the date now.
func (s *Structure) Check(now time.Time) spie.Faults {
	return s.check(&checker{now: now})
}

// CheckAfterFormats is Check for a structure whose e-mail address and
// links the "email" and "uri" formats of its JSON Schema have already
// judged with IsEmail and IsHTTPURL, a refused value left out (as
// schemas.Validate does): the same faults, without checking each address
// and link a second time (issue 17: each check once per value).
func (s *Structure) CheckAfterFormats(now time.Time) spie.Faults {
	return s.check(&checker{now: now, formatsChecked: true})
}

// CheckAfterSchema is CheckAfterFormats for a structure that its JSON
// Schema (schemas/v1/structure.json, read as schemas.Validate reads it) has
// accepted, each refused member left out: the same faults, without the
// checks that restate the schema (the length of nom and description, the
// code list of reseaux_porteurs, the shapes of siret, code_postal and
// code_insee; issue 17: each check once per value). On a document the
// schema has not judged, use Check.
func (s *Structure) CheckAfterSchema(now time.Time) spie.Faults {
	return s.check(&checker{now: now, formatsChecked: true, schemaChecked: true})
}

func (s *Structure) check(c *checker) spie.Faults {
	c.missing(s.missing)
	c.id("source", s.Source, s.missing)
	c.id("id", s.ID, s.missing)
	c.nom(s.Nom)
	c.date("date_maj", s.DateMaj, s.missing)
	c.siret(s.Siret)
	c.url("lien_source", s.LienSource)
	c.url("site_web", s.SiteWeb)
	c.url("accessibilite_lieu", s.AccessibiliteLieu)
	c.email("courriel", s.Courriel)
	c.codePostal(s.CodePostal)
	c.codeInsee(s.CodeInsee)
	c.coordinates(s.Latitude, s.Longitude)
	c.optLength("description", s.Description, 5, 10000)
	enumList(c, "reseaux_porteurs", s.ReseauxPorteurs, ReseauxPorteurs, "des réseaux porteurs", false)
	c.extra(s.Extra)
	c.faults.Sort()
	return c.faults
}

// Check returns the faults of the service at the date now.
func (s *Service) Check(now time.Time) spie.Faults {
	return s.check(&checker{now: now})
}

// CheckAfterFormats is Check for a service whose e-mail address and links
// the "email" and "uri" formats of its JSON Schema have already judged
// with IsEmail and IsHTTPURL, a refused value left out (as schemas.Validate
// does): the same faults, without checking each address and link a second
// time (issue 17: each check once per value).
func (s *Service) CheckAfterFormats(now time.Time) spie.Faults {
	return s.check(&checker{now: now, formatsChecked: true})
}

// CheckAfterSchema is CheckAfterFormats for a service that its JSON Schema
// (schemas/v1/service.json, read as schemas.Validate reads it) has
// accepted, each refused member left out: the same faults, without the
// checks that restate the schema (the lengths of nom and description, the
// code lists, their repeats and their minimum sizes, the shapes of
// code_postal and code_insee, the minimums of volume_horaire_hebdomadaire
// and nombre_semaines; issue 17: each check once per value). On a
// document the schema has not judged, use Check.
func (s *Service) CheckAfterSchema(now time.Time) spie.Faults {
	return s.check(&checker{now: now, formatsChecked: true, schemaChecked: true})
}

func (s *Service) check(c *checker) spie.Faults {
	c.missing(s.missing)
	c.id("source", s.Source, s.missing)
	c.id("structure_id", s.StructureID, s.missing)
	c.id("id", s.ID, s.missing)
	c.nom(s.Nom)
	c.length("description", s.Description, 5, 10000)
	c.date("date_maj", s.DateMaj, s.missing)
	enumValue(c, "type", s.Type, TypesService, "des types de service")
	enumList(c, "thematiques", s.Thematiques, Thematiques, "des thématiques", false)
	enumValue(c, "frais", s.Frais, FraisList, "des frais")
	enumList(c, "publics", s.Publics, Publics, "des publics", true)
	if len(s.Publics) > 1 {
		for i, p := range s.Publics {
			if p == PublicTousPublics {
				c.add(FaultPublicsExclusive.At(spie.Pointer("publics", i)))
			}
		}
	}
	c.codePostal(s.CodePostal)
	c.codeInsee(s.CodeInsee)
	c.coordinates(s.Latitude, s.Longitude)
	c.email("courriel", s.Courriel)
	enumList(c, "modes_accueil", s.ModesAccueil, ModesAccueil, "des modes d'accueil", false)
	c.zone(s.ZoneEligibilite)
	c.url("lien_mobilisation", s.LienMobilisation)
	c.url("lien_source", s.LienSource)
	enumList(c, "modes_mobilisation", s.ModesMobilisation, ModesMobilisation, "des modes de mobilisation", true)
	enumList(c, "mobilisable_par", s.MobilisablePar, PersonnesMobilisatrices, "des personnes mobilisatrices", true)
	// The schema's minimums, when it has checked them (schemaChecked).
	if v := s.VolumeHoraireHebdomadaire; v != nil && !c.schemaChecked && *v < 0 {
		c.add(FaultMinimum.At(spie.Pointer("volume_horaire_hebdomadaire"), 0))
	}
	if v := s.NombreSemaines; v != nil && !c.schemaChecked && v.Sign() < 1 {
		c.add(FaultMinimum.At(spie.Pointer("nombre_semaines"), 1))
	}
	for i, m := range s.ModesMobilisation {
		if need := s.missingContact(m); need != "" {
			c.add(FaultModeContact.At(spie.Pointer("modes_mobilisation", i), string(m), need))
		}
	}
	if s.Frais != nil && *s.Frais == FraisPayant && (s.FraisPrecisions == nil || strings.TrimSpace(*s.FraisPrecisions) == "") {
		c.add(FaultFraisPrecisions.At(spie.Pointer("frais_precisions")))
	}
	c.extra(s.Extra)
	c.faults.Sort()
	return c.faults
}

// missingContact names the contact field a mobilisation mode needs when the
// service lacks it ("" when present).
func (s *Service) missingContact(m ModeMobilisation) string {
	empty := func(p *string) bool { return p == nil || strings.TrimSpace(*p) == "" }
	switch m {
	case ModeMobilisationTelephone:
		if empty(s.Telephone) {
			return "telephone"
		}
	case ModeMobilisationCourriel:
		if empty(s.Courriel) {
			return "courriel"
		}
	case ModeMobilisationLien:
		if empty(s.LienMobilisation) {
			return "lien_mobilisation"
		}
	case ModeMobilisationPresenter:
		if empty(s.Adresse) && empty(s.Commune) {
			return "adresse"
		}
	}
	return ""
}

func (c *checker) zone(zs []ZoneCode) {
	if zs == nil {
		return
	}
	if len(zs) == 0 {
		c.add(FaultEmptyList.At(spie.Pointer("zone_eligibilite")))
	}
	tb := territory.Default()
	for i, z := range zs {
		p := func() string { return spie.Pointer("zone_eligibilite", i) } // made for a fault only
		switch z.Kind() {
		case ZoneInvalid:
			c.add(FaultZone.At(p()))
		case ZoneCommune:
			if _, ok := tb.Commune(string(z)); !ok {
				c.add(FaultZoneCommune.At(p(), string(z)))
			}
		case ZoneDepartement:
			if _, ok := tb.Departement(string(z)); !ok {
				c.add(FaultZoneDepartement.At(p(), string(z)))
			}
		case ZoneEPCI:
			if _, ok := tb.EPCI(string(z)); !ok {
				c.add(FaultZoneEPCI.At(p(), string(z)))
			}
		}
	}
}
