package diagnostic

import (
	"slices"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Fault types of the diagnostic's rules beyond the schema. 01–09: one field;
// 10–19: coherence between fields.
var (
	FaultVersion          = spie.NewFaultType("DIAG-VERSION-01", spie.SeverityError, "version du format inconnue : %q (attendue : %s)", "unknown format version %q (expected %s)")
	FaultDateFuture       = spie.NewFaultType("DIAG-DATE-01", spie.SeverityError, "date dans le futur", "date in the future")
	FaultDateMalformed    = spie.NewFaultType("DIAG-DATE-02", spie.SeverityError, "date invalide (format attendu AAAA-MM-JJ, jour existant)", "invalid date (expected YYYY-MM-DD, a day that exists)")
	FaultBirthAfter       = spie.NewFaultType("DIAG-PERSONNE-10", spie.SeverityError, "la date de naissance est postérieure à la date du diagnostic", "the birth date is after the diagnostic date")
	FaultTooYoung         = spie.NewFaultType("DIAG-PERSONNE-11", spie.SeverityError, "la personne a %d ans : un diagnostic d'insertion concerne des personnes de 16 ans et plus", "the person is %d: an insertion diagnostic concerns people aged 16 or more")
	FaultTooOld           = spie.NewFaultType("DIAG-PERSONNE-12", spie.SeverityWarning, "la personne aurait %d ans : vérifiez la date de naissance", "the person would be %d: check the birth date")
	FaultNIRBirth         = spie.NewFaultType("DIAG-PERSONNE-13", spie.SeverityWarning, "l'année ou le mois de naissance du NIR ne correspond pas à la date de naissance", "the NIR's birth year or month does not match the birth date")
	FaultRSAUnder25       = spie.NewFaultType("DIAG-PUBLIC-10", spie.SeverityWarning, "RSA avant 25 ans : vérifiez (parent, grossesse ou RSA jeune actif)", "RSA under 25: check (parent, pregnancy or young worker RSA)")
	FaultASEAge           = spie.NewFaultType("DIAG-PUBLIC-11", spie.SeverityWarning, "sortie de l'ASE signalée pour une personne de %d ans (public visé : moins de 26 ans)", "leaving child welfare reported for a person aged %d (public: under 26)")
	FaultRQTHBOETH        = spie.NewFaultType("DIAG-PUBLIC-12", spie.SeverityError, "une RQTH ouvre droit à l'obligation d'emploi : boeth doit être vrai", "an RQTH makes the person a BOETH beneficiary: boeth must be true")
	FaultRSADateWithout   = spie.NewFaultType("DIAG-PUBLIC-13", spie.SeverityError, "date d'ouverture des droits RSA renseignée alors que rsa est faux", "RSA opening date given while rsa is false")
	FaultRSADateAfter     = spie.NewFaultType("DIAG-PUBLIC-14", spie.SeverityError, "l'ouverture des droits RSA est postérieure au diagnostic", "the RSA opening date is after the diagnostic")
	FaultAAHWithoutHandi  = spie.NewFaultType("DIAG-PUBLIC-15", spie.SeverityWarning, "AAH sans RQTH ni BOETH : le bénéficiaire de l'AAH relève de l'obligation d'emploi", "AAH without RQTH or BOETH: an AAH beneficiary is covered by the employment obligation")
	FaultActivityAfter    = spie.NewFaultType("DIAG-ACTIVITE-10", spie.SeverityError, "la dernière activité ne peut pas être postérieure à la date du diagnostic", "the last activity cannot be after the diagnostic date")
	FaultActivityBirth    = spie.NewFaultType("DIAG-ACTIVITE-11", spie.SeverityError, "la dernière activité est antérieure aux 14 ans de la personne", "the last activity is before the person's 14th birthday")
	FaultProjectDup       = spie.NewFaultType("DIAG-PROJET-10", spie.SeverityError, "le métier %s apparaît deux fois dans le projet professionnel", "the job %s appears twice in the professional project")
	FaultProjectPrio      = spie.NewFaultType("DIAG-PROJET-11", spie.SeverityError, "deux métiers du projet ont la même priorité %d", "two jobs of the project have the same priority %d")
	FaultDiplomaYear      = spie.NewFaultType("DIAG-DIPLOME-10", spie.SeverityError, "diplôme obtenu en %d, après la date du diagnostic ou avant la naissance", "diploma obtained in %d, after the diagnostic or before birth")
	FaultFreinEmploi      = spie.NewFaultType("DIAG-FREINS-01", spie.SeverityError, "la thématique %q n'est pas un frein : elle relève de la situation professionnelle", "theme %q is not a barrier: it belongs to the professional situation")
	FaultPriorityDup      = spie.NewFaultType("DIAG-PRIORITE-10", spie.SeverityError, "la priorité %d est donnée à plusieurs thématiques", "priority %d is given to several themes")
	FaultPriorityNonFrein = spie.NewFaultType("DIAG-PRIORITE-11", spie.SeverityWarning, "la personne donne une priorité à une thématique jugée sans impact ou non abordée", "the person gives a priority to a theme rated without impact or not discussed")
	FaultCoDiagPair       = spie.NewFaultType("DIAG-AUTEURS-10", spie.SeverityError, "un co-diagnostic est réalisé par un binôme : un travailleur social et un conseiller emploi", "a co-diagnostic is made by a pair: a social worker and an employment adviser")
	FaultAuthorsDup       = spie.NewFaultType("DIAG-AUTEURS-11", spie.SeverityError, "le même professionnel est cité deux fois", "the same professional is listed twice")
	FaultConsentDate      = spie.NewFaultType("DIAG-CONSENTEMENT-10", spie.SeverityError, "le consentement au partage doit être daté", "consent to sharing must be dated")
	FaultConsentAfter     = spie.NewFaultType("DIAG-CONSENTEMENT-11", spie.SeverityWarning, "consentement recueilli après le diagnostic", "consent collected after the diagnostic")
	FaultBesoinsWorkload  = spie.NewFaultType("DIAG-DISPONIBILITE-10", spie.SeverityWarning, "non disponible mais des heures hebdomadaires sont souhaitées", "not available but weekly hours are wished")
)

// Fault types per thématique, derived from FreinThematiques: the code
// DIAG-<THEMATIQUE>-NN names the thématique (for example DIAG-LOGEMENT-02).
// Their messages never quote the situation or objectif at fault (the path
// points at it): a code of the santé referential is health data (RGPD
// art. 9), wherever it is written.
type freinFaults struct {
	wrongSituation, strongWithoutSituation, wrongObjectif, duplicate, notDiscussedFilled *spie.FaultType
}

var freinFaultTypes = func() map[spie.Thematique]freinFaults {
	out := map[spie.Thematique]freinFaults{}
	for _, d := range spie.Thematiques {
		ns := "DIAG-" + strings.ToUpper(d.Key)
		out[spie.Thematique(d.Key)] = freinFaults{
			wrongSituation:         spie.NewFaultType(ns+"-01", spie.SeverityError, "la situation ne relève pas de la thématique "+d.Label.FR, "the situation does not belong to theme "+d.Label.EN),
			strongWithoutSituation: spie.NewFaultType(ns+"-02", spie.SeverityError, "un impact fort doit être étayé par au moins une situation constatée ("+d.Label.FR+")", "a strong impact needs at least one observed situation ("+d.Label.EN+")"),
			wrongObjectif:          spie.NewFaultType(ns+"-03", spie.SeverityError, "l'objectif ne relève pas de la thématique "+d.Label.FR, "the objective does not belong to theme "+d.Label.EN),
			duplicate:              spie.NewFaultType(ns+"-04", spie.SeverityError, "valeur citée deux fois ("+d.Label.FR+")", "value listed twice ("+d.Label.EN+")"),
			notDiscussedFilled:     spie.NewFaultType(ns+"-05", spie.SeverityWarning, "thématique non abordée mais des situations ou objectifs sont renseignés ("+d.Label.FR+")", "theme not discussed but situations or objectives are given ("+d.Label.EN+")"),
		}
	}
	return out
}()

// Check runs every rule beyond the schema at the date now (the caller's
// "today") and returns the faults, sorted by path.
func (d *Diagnostic) Check(now time.Time) spie.Faults {
	var fs spie.Faults
	fs = append(fs, d.CheckDates(now)...)
	fs = append(fs, d.CheckIdentifiers()...)
	fs = append(fs, d.CheckPerson()...)
	fs = append(fs, d.CheckPublicCriteria()...)
	fs = append(fs, d.CheckProfessional()...)
	fs = append(fs, d.CheckFreins()...)
	fs = append(fs, d.CheckAuthors()...)
	fs = append(fs, d.CheckConsent()...)
	fs.Sort()
	return fs
}

// CheckDates reports malformed dates and dates after now.
func (d *Diagnostic) CheckDates(now time.Time) spie.Faults {
	var fs spie.Faults
	if d.Version != SchemaVersion {
		fs = append(fs, FaultVersion.At(spie.Pointer("version_schema"), d.Version, SchemaVersion))
	}
	today := spie.DateOf(now)
	for _, x := range []struct {
		v    spie.Date
		path string
	}{
		{d.Date, "/date"},
		{d.Person.BirthDate, "/personne/date_naissance"},
		{d.Criteria.RSAOpeningDate, "/criteres_publics/date_ouverture_droits_rsa"},
		{d.Professional.LastActivityDate, "/situation_professionnelle/date_derniere_activite"},
		{d.Consent.Date, "/consentement/date"},
	} {
		if x.v.IsZero() {
			continue
		}
		if !x.v.Valid() {
			fs = append(fs, FaultDateMalformed.At(x.path))
			continue
		}
		if x.v > today {
			fs = append(fs, FaultDateFuture.At(x.path))
		}
	}
	return fs
}

// CheckIdentifiers runs the full checks (keys, exceptions) of every identifier.
func (d *Diagnostic) CheckIdentifiers() spie.Faults {
	var fs spie.Faults
	// Paths are built only for a fault: most documents have none.
	add := func(id spie.Identifier, empty bool, path func() string) {
		if empty {
			return
		}
		if t := id.Problem(); t != nil {
			fs = append(fs, t.At(path()))
		}
	}
	p := d.Person
	add(p.NIR, p.NIR == "", func() string { return "/personne/nir" })
	add(p.FranceTravailID, p.FranceTravailID == "", func() string { return "/personne/identifiant_france_travail" })
	add(p.CAFNumber, p.CAFNumber == "", func() string { return "/personne/numero_allocataire_caf" })
	add(p.Commune, false, func() string { return "/personne/code_commune" })
	add(d.StructureSIRET, false, func() string { return "/siret_structure" })
	for i, a := range d.Authors {
		if t := problem(a.StructureSIRET, a.StructureSIRET == ""); t != nil {
			fs = append(fs, t.At(spie.Pointer("auteurs", i, "siret_structure")))
		}
	}
	for i, s := range d.Professional.Skills {
		if t := problem(s.ROME, s.ROME == ""); t != nil {
			fs = append(fs, t.At(spie.Pointer("situation_professionnelle", "competences", i, "code_rome")))
		}
	}
	for i, j := range d.Professional.Project {
		if t := problem(j.ROME, false); t != nil {
			fs = append(fs, t.At(spie.Pointer("situation_professionnelle", "projet_professionnel", i, "code_rome")))
		}
	}
	return fs
}

// problem returns the fault type of an identifier, nil when it is valid or
// empty and optional.
func problem(id spie.Identifier, empty bool) *spie.FaultType {
	if empty {
		return nil
	}
	return id.Problem()
}

// Age returns the person's age in whole years at the diagnostic date.
func (d *Diagnostic) Age() (int, bool) { return spie.YearsBetween(d.Person.BirthDate, d.Date) }

// CheckPerson checks the birth date against the diagnostic date and the NIR.
func (d *Diagnostic) CheckPerson() spie.Faults {
	var fs spie.Faults
	path := spie.Pointer("personne", "date_naissance")
	if d.Person.BirthDate.After(d.Date) {
		return append(fs, FaultBirthAfter.At(path))
	}
	if age, ok := d.Age(); ok {
		switch {
		case age < 16:
			fs = append(fs, FaultTooYoung.At(path, age))
		case age > 100:
			fs = append(fs, FaultTooOld.At(path, age))
		}
	}
	if nir := string(d.Person.NIR); len(nir) == 15 && d.Person.NIR.Problem() == nil {
		if b, ok := d.Person.BirthDate.Time(); ok {
			yy, mm := nir[1:3], nir[3:5]
			month := int(mm[0]-'0')*10 + int(mm[1]-'0')
			if yy != b.Format("06") || (month >= 1 && month <= 12 && month != int(b.Month())) {
				fs = append(fs, FaultNIRBirth.At(spie.Pointer("personne", "nir")))
			}
		}
	}
	return fs
}

// CheckPublicCriteria checks the public criteria against age and each other.
func (d *Diagnostic) CheckPublicCriteria() spie.Faults {
	var fs spie.Faults
	c := d.Criteria
	base := func(field string) string { return spie.Pointer("criteres_publics", field) }
	age, hasAge := d.Age()
	if c.RSA && hasAge && age < 25 && !c.ParentIsole {
		fs = append(fs, FaultRSAUnder25.At(base("rsa")))
	}
	if c.ASE && hasAge && age >= 26 {
		fs = append(fs, FaultASEAge.At(base("ase"), age))
	}
	if c.RQTH && !c.BOETH {
		fs = append(fs, FaultRQTHBOETH.At(base("boeth")))
	}
	if c.AAH && !c.RQTH && !c.BOETH {
		fs = append(fs, FaultAAHWithoutHandi.At(base("aah")))
	}
	if !c.RSAOpeningDate.IsZero() {
		if !c.RSA {
			fs = append(fs, FaultRSADateWithout.At(base("date_ouverture_droits_rsa")))
		} else if c.RSAOpeningDate.After(d.Date) {
			fs = append(fs, FaultRSADateAfter.At(base("date_ouverture_droits_rsa")))
		}
	}
	return fs
}

// CheckProfessional checks the professional situation's coherence.
func (d *Diagnostic) CheckProfessional() spie.Faults {
	var fs spie.Faults
	p := d.Professional
	base := func(tokens ...any) string {
		return spie.Pointer(append([]any{"situation_professionnelle"}, tokens...)...)
	}
	if !p.LastActivityDate.IsZero() {
		if p.LastActivityDate.After(d.Date) {
			fs = append(fs, FaultActivityAfter.At(base("date_derniere_activite")))
		} else if fourteen := d.Person.BirthDate.AddMonths(14 * 12); fourteen != "" && p.LastActivityDate.Before(fourteen) {
			fs = append(fs, FaultActivityBirth.At(base("date_derniere_activite")))
		}
	}
	seenROME := map[spie.ROMECode]bool{}
	seenPrio := map[int]bool{}
	for i, j := range p.Project {
		if seenROME[j.ROME] {
			fs = append(fs, FaultProjectDup.At(base("projet_professionnel", i, "code_rome"), string(j.ROME)))
		}
		if seenPrio[j.Priority] {
			fs = append(fs, FaultProjectPrio.At(base("projet_professionnel", i, "priorite"), j.Priority))
		}
		seenROME[j.ROME], seenPrio[j.Priority] = true, true
	}
	ef := freinFaultTypes[spie.ThematiqueEmploiFormation]
	seenSit := map[Situation]bool{}
	for i, s := range p.Situations {
		path := base("situations", i, "situation")
		if s.Situation.Valid() && s.Situation.Thematique() != spie.ThematiqueEmploiFormation {
			fs = append(fs, ef.wrongSituation.At(path))
		}
		if seenSit[s.Situation] {
			fs = append(fs, ef.duplicate.At(path))
		}
		seenSit[s.Situation] = true
	}
	dy, _ := d.Date.Time()
	by, hasBirth := d.Person.BirthDate.Time()
	for i, dip := range p.Diplomas {
		if dip.Year == 0 {
			continue
		}
		if dip.Year > dy.Year() || (hasBirth && dip.Year < by.Year()) {
			fs = append(fs, FaultDiplomaYear.At(base("diplomes", i, "annee"), dip.Year))
		}
	}
	if p.Availability == "non-disponible" && p.WeeklyHours != nil && *p.WeeklyHours > 0 {
		fs = append(fs, FaultBesoinsWorkload.At(base("heures_hebdomadaires_souhaitees")))
	}
	return fs
}

// CheckFreins checks each frein: situations and objectifs of its own
// thématique, a strong impact backed by a situation, no repetition, and the
// person's priorities.
func (d *Diagnostic) CheckFreins() spie.Faults {
	var fs spie.Faults
	prio := map[int][]string{}
	for _, t := range d.freinKeys() {
		f := d.Freins[t]
		path := func(tokens ...any) string { return spie.Pointer(append([]any{"freins", string(t)}, tokens...)...) }
		types := freinFaultTypes[spie.Thematique(t)]
		if !FreinThematiques.Has(string(t)) {
			fs = append(fs, FaultFreinEmploi.At(path(), string(t)))
			continue
		}
		applies := 0
		for i, s := range f.Situations {
			if s.Situation.Valid() && s.Situation.Thematique() != spie.Thematique(t) {
				fs = append(fs, types.wrongSituation.At(path("situations", i, "situation")))
			}
			for _, before := range f.Situations[:i] {
				if before.Situation == s.Situation {
					fs = append(fs, types.duplicate.At(path("situations", i, "situation")))
					break
				}
			}
			if s.Value == "" || s.Value == SituationOui {
				applies++
			}
		}
		for i, o := range f.Objectifs {
			if o.Objectif.Valid() && o.Objectif.Thematique() != spie.Thematique(t) {
				fs = append(fs, types.wrongObjectif.At(path("objectifs", i, "objectif")))
			}
			for _, before := range f.Objectifs[:i] {
				if before.Objectif == o.Objectif {
					fs = append(fs, types.duplicate.At(path("objectifs", i, "objectif")))
					break
				}
			}
		}
		switch f.Impact {
		case ImpactFort:
			if applies == 0 {
				fs = append(fs, types.strongWithoutSituation.At(path("impact")))
			}
		case ImpactNonAborde:
			if len(f.Situations) > 0 || len(f.Objectifs) > 0 {
				fs = append(fs, types.notDiscussedFilled.At(path("impact")))
			}
		}
		if v := f.PersonView; v != nil && v.Priority > 0 {
			prio[v.Priority] = append(prio[v.Priority], string(t))
			if f.Impact.Rank() <= ImpactSansImpact.Rank() && v.Impact.Rank() <= ImpactSansImpact.Rank() {
				fs = append(fs, FaultPriorityNonFrein.At(path("vue_personne", "priorite")))
			}
		}
	}
	for p, ts := range prio {
		if len(ts) > 1 {
			for _, t := range ts[1:] {
				fs = append(fs, FaultPriorityDup.At(spie.Pointer("freins", t, "vue_personne", "priorite"), p))
			}
		}
	}
	return fs
}

// freinKeys returns the thématiques of the freins in a stable order.
func (d *Diagnostic) freinKeys() []FreinThematique {
	keys := make([]FreinThematique, 0, len(d.Freins))
	for k := range d.Freins {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// CheckAuthors checks the authors, and the pair of a co-diagnostic.
func (d *Diagnostic) CheckAuthors() spie.Faults {
	var fs spie.Faults
	if len(d.Authors) == 2 && d.Authors[0].Name == d.Authors[1].Name && d.Authors[0].StructureSIRET == d.Authors[1].StructureSIRET {
		fs = append(fs, FaultAuthorsDup.At(spie.Pointer("auteurs", 1, "nom")))
	}
	if d.CoDiagnostic {
		sides := map[string]bool{}
		for _, a := range d.Authors {
			sides[a.Role.Side()] = true
		}
		if len(d.Authors) != 2 || !sides["social"] || !sides["emploi"] {
			fs = append(fs, FaultCoDiagPair.At(spie.Pointer("auteurs")))
		}
	}
	return fs
}

// CheckConsent checks that consent to sharing is dated.
func (d *Diagnostic) CheckConsent() spie.Faults {
	var fs spie.Faults
	if d.Consent.Sharing && d.Consent.Date.IsZero() {
		fs = append(fs, FaultConsentDate.At(spie.Pointer("consentement", "date")))
	}
	if d.Consent.Date.After(d.Date) {
		fs = append(fs, FaultConsentAfter.At(spie.Pointer("consentement", "date")))
	}
	return fs
}
