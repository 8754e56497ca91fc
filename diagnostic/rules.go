package diagnostic

import (
	"slices"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Fault types of the diagnostic's rules beyond the schema. 01–09: one field;
// 10–19: coherence between fields.
var (
	FaultVersion         = spie.NewFaultType("DIAG-VERSION-01", spie.SeverityError, "version du format inconnue : %q (attendue : %s)", "unknown format version %q (expected %s)").WithSource("version du format de diagnostic de socle (diagnostic.SchemaVersion)")
	FaultDateFuture      = spie.NewFaultType("DIAG-DATE-01", spie.SeverityError, "date dans le futur", "date in the future").WithSource("cohérence du document, règle propre à socle : une date constatée n'est pas dans le futur")
	FaultDateMalformed   = spie.NewFaultType("DIAG-DATE-02", spie.SeverityError, "date invalide (format attendu AAAA-MM-JJ, jour existant)", "invalid date (expected YYYY-MM-DD, a day that exists)").WithSource("ISO 8601 / RFC 3339 (date complète AAAA-MM-JJ)")
	FaultBirthAfter      = spie.NewFaultType("DIAG-PERSONNE-10", spie.SeverityError, "la date de naissance est postérieure à la date du diagnostic", "the birth date is after the diagnostic date").WithSource("cohérence du document, règle propre à socle")
	FaultTooYoung        = spie.NewFaultType("DIAG-PERSONNE-11", spie.SeverityError, "la personne a %d ans : un diagnostic d'insertion concerne des personnes de 16 ans et plus", "the person is %d: an insertion diagnostic concerns people aged 16 or more").WithSource("C. trav. L4153-1 (pas de travail avant 16 ans) : le diagnostic d'insertion concerne les 16 ans et plus")
	FaultTooOld          = spie.NewFaultType("DIAG-PERSONNE-12", spie.SeverityWarning, "la personne aurait %d ans : vérifiez la date de naissance", "the person would be %d: check the birth date").WithSource("plausibilité, règle propre à socle : plus de 100 ans signale une date de naissance erronée")
	FaultNIRBirth        = spie.NewFaultType("DIAG-PERSONNE-13", spie.SeverityWarning, "l'année ou le mois de naissance du NIR ne correspond pas à la date de naissance", "the NIR's birth year or month does not match the birth date").WithSource("INSEE, NIR : les positions 2–3 et 4–5 sont l'année et le mois de naissance")
	FaultRSAUnder25      = spie.NewFaultType("DIAG-PUBLIC-10", spie.SeverityWarning, "RSA avant 25 ans : vérifiez (parent, grossesse ou RSA jeune actif)", "RSA under 25: check (parent, pregnancy or young worker RSA)").WithSource("CASF L262-4 (RSA à partir de 25 ans, sauf charge d'enfant, grossesse ou RSA jeune actif)")
	FaultASEAge          = spie.NewFaultType("DIAG-PUBLIC-11", spie.SeverityWarning, "sortie de l'ASE signalée pour une personne de %d ans (public visé : moins de 26 ans)", "leaving child welfare reported for a person aged %d (public: under 26)").WithSource("CASF L222-5 (aide sociale à l'enfance) ; public « sortant de l'ASE » visé jusqu'à 26 ans (critère IAE « ASE », RULES.md §7)")
	FaultRQTHBOETH       = spie.NewFaultType("DIAG-PUBLIC-12", spie.SeverityError, "une RQTH ouvre droit à l'obligation d'emploi : boeth doit être vrai", "an RQTH makes the person a BOETH beneficiary: boeth must be true").WithSource("C. trav. L5212-13 : la RQTH ouvre l'obligation d'emploi des travailleurs handicapés (BOETH)")
	FaultRSADateWithout  = spie.NewFaultType("DIAG-PUBLIC-13", spie.SeverityError, "date d'ouverture des droits RSA renseignée alors que rsa est faux", "RSA opening date given while rsa is false").WithSource("cohérence du document, règle propre à socle : pas de date d'ouverture des droits sans RSA")
	FaultRSADateAfter    = spie.NewFaultType("DIAG-PUBLIC-14", spie.SeverityError, "l'ouverture des droits RSA est postérieure au diagnostic", "the RSA opening date is after the diagnostic").WithSource("cohérence du document, règle propre à socle : les droits constatés précèdent le diagnostic")
	FaultAAHWithoutHandi = spie.NewFaultType("DIAG-PUBLIC-15", spie.SeverityWarning, "AAH sans RQTH ni BOETH : le bénéficiaire de l'AAH relève de l'obligation d'emploi", "AAH without RQTH or BOETH: an AAH beneficiary is covered by the employment obligation").WithSource("C. trav. L5212-13 : le titulaire de l'AAH bénéficie de l'obligation d'emploi (BOETH)")
	FaultActivityAfter   = spie.NewFaultType("DIAG-ACTIVITE-10", spie.SeverityError, "la dernière activité ne peut pas être postérieure à la date du diagnostic", "the last activity cannot be after the diagnostic date").WithSource("cohérence du document, règle propre à socle")
	FaultActivityBirth   = spie.NewFaultType("DIAG-ACTIVITE-11", spie.SeverityError, "la dernière activité est antérieure aux 14 ans de la personne", "the last activity is before the person's 14th birthday").WithSource("C. trav. L4153-1 et L4153-3 : pas de travail avant 14 ans (travaux légers pendant les vacances dès 14 ans)")
	FaultProjectDup      = spie.NewFaultType("DIAG-PROJET-10", spie.SeverityError, "le métier %s apparaît deux fois dans le projet professionnel", "the job %s appears twice in the professional project").WithSource("cohérence du document, règle propre à socle : un métier ROME une seule fois par projet")
	FaultProjectPrio     = spie.NewFaultType("DIAG-PROJET-11", spie.SeverityError, "deux métiers du projet ont la même priorité %d", "two jobs of the project have the same priority %d").WithSource("cohérence du document, règle propre à socle : les priorités du projet ordonnent les métiers")
	FaultDiplomaYear     = spie.NewFaultType("DIAG-DIPLOME-10", spie.SeverityError, "diplôme obtenu en %d, après la date du diagnostic ou avant la naissance", "diploma obtained in %d, after the diagnostic or before birth").WithSource("cohérence du document, règle propre à socle")
	// Deprecated: DIAG-FREINS-01 told two facts; it is retired, replaced by
	// DIAG-FREINS-02 (a thématique that is not a frein) and DIAG-FREINS-03
	// (a key that is no thématique).
	FaultFreinEmploi      = spie.NewFaultType("DIAG-FREINS-01", spie.SeverityError, "la thématique %q n'est pas un frein : elle relève de la situation professionnelle", "theme %q is not a barrier: it belongs to the professional situation").WithSource("RULES.md §1 : la thématique emploi-formation se décrit dans la situation professionnelle, pas comme frein").Retire("DIAG-FREINS-02", "DIAG-FREINS-03")
	FaultFreinNotFrein    = spie.NewFaultType("DIAG-FREINS-02", spie.SeverityError, "la thématique %q ne se diagnostique pas comme un frein : décrivez-la dans la situation professionnelle", "theme %q is not diagnosed as a barrier: describe it in the professional situation").WithSource("RULES.md §1 et §2 : emploi-formation relève de la situation professionnelle (besoins du projet, DSP France Travail), les neuf autres thématiques sont des freins")
	FaultFreinUnknown     = spie.NewFaultType("DIAG-FREINS-03", spie.SeverityError, "clé %q inconnue : un frein se range sous l'une des thématiques SPIE (%s)", "unknown key %q: a barrier is filed under one of the SPIE themes (%s)").WithSource("RULES.md §1 : les dix thématiques SPIE (guide de l'Aisne)")
	FaultPriorityDup      = spie.NewFaultType("DIAG-PRIORITE-10", spie.SeverityError, "la priorité %d est donnée à plusieurs thématiques", "priority %d is given to several themes").WithSource("RULES.md §2 : les priorités de la personne ordonnent les thématiques")
	FaultPriorityNonFrein = spie.NewFaultType("DIAG-PRIORITE-11", spie.SeverityWarning, "la personne donne une priorité à une thématique jugée sans impact ou non abordée", "the person gives a priority to a theme rated without impact or not discussed").WithSource("RULES.md §2 : les priorités de la personne portent sur ses freins (impact moyen ou fort)")
	FaultCoDiagPair       = spie.NewFaultType("DIAG-AUTEURS-10", spie.SeverityError, "un co-diagnostic est réalisé par un binôme : un travailleur social et un conseiller emploi", "a co-diagnostic is made by a pair: a social worker and an employment adviser").WithSource("RULES.md §3 : le co-diagnostic de Seine-et-Marne réunit un travailleur social et un conseiller France Travail")
	FaultAuthorsDup       = spie.NewFaultType("DIAG-AUTEURS-11", spie.SeverityError, "le même professionnel est cité deux fois", "the same professional is listed twice").WithSource("cohérence du document, règle propre à socle")
	FaultConsentDate      = spie.NewFaultType("DIAG-CONSENTEMENT-10", spie.SeverityError, "le consentement au partage doit être daté", "consent to sharing must be dated").WithSource("RULES.md §10 : le consentement est enregistré avec sa date et sa portée (RGPD art. 7)")
	FaultConsentAfter     = spie.NewFaultType("DIAG-CONSENTEMENT-11", spie.SeverityWarning, "consentement recueilli après le diagnostic", "consent collected after the diagnostic").WithSource("RULES.md §10 : le consentement précède le partage (RGPD art. 7)")
	FaultBesoinsWorkload  = spie.NewFaultType("DIAG-DISPONIBILITE-10", spie.SeverityWarning, "non disponible mais des heures hebdomadaires sont souhaitées", "not available but weekly hours are wished").WithSource("cohérence du document, règle propre à socle")
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
			wrongSituation:         spie.NewFaultType(ns+"-01", spie.SeverityError, "la situation ne relève pas de la thématique "+d.Label.FR, "the situation does not belong to theme "+d.Label.EN).WithSource("référentiel des situations (DSP France Travail, carnet de bord) : chaque situation relève d'une thématique, RULES.md §1"),
			strongWithoutSituation: spie.NewFaultType(ns+"-02", spie.SeverityError, "un impact fort doit être étayé par au moins une situation constatée ("+d.Label.FR+")", "a strong impact needs at least one observed situation ("+d.Label.EN+")").WithSource("RULES.md §2 : échelle d'impact des critères CNE 2024 ; cohérence propre à socle, un impact fort s'appuie sur une situation constatée"),
			wrongObjectif:          spie.NewFaultType(ns+"-03", spie.SeverityError, "l'objectif ne relève pas de la thématique "+d.Label.FR, "the objective does not belong to theme "+d.Label.EN).WithSource("référentiel des objectifs (DSP France Travail) : chaque objectif relève d'une thématique, RULES.md §1"),
			duplicate:              spie.NewFaultType(ns+"-04", spie.SeverityError, "valeur citée deux fois ("+d.Label.FR+")", "value listed twice ("+d.Label.EN+")").WithSource("cohérence du document, règle propre à socle : une situation ou un objectif une seule fois par thématique"),
			notDiscussedFilled:     spie.NewFaultType(ns+"-05", spie.SeverityWarning, "thématique non abordée mais des situations ou objectifs sont renseignés ("+d.Label.FR+")", "theme not discussed but situations or objectives are given ("+d.Label.EN+")").WithSource("RULES.md §2 : « non-aborde » quand la thématique n'a pas été abordée, sans situation ni objectif"),
		}
	}
	return out
}()

// Check runs every rule beyond the schema at the instant now, read as a date
// in the person's territory (spie.DateIn with personne.code_commune: 00:30 on
// 1 June in Paris is 1 June, though 31 May in UTC), and returns the faults,
// sorted by path.
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

// CheckDates reports malformed dates and dates after now (as a date in the
// person's territory, spie.DateIn).
func (d *Diagnostic) CheckDates(now time.Time) spie.Faults {
	var fs spie.Faults
	if d.Version != SchemaVersion {
		fs = append(fs, FaultVersion.At(spie.Pointer("version_schema"), d.Version, SchemaVersion))
	}
	today := spie.DateIn(now, string(d.Person.Commune))
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
	// The commune: its shape (SPIE-COMMUNE-01), else its existence in the
	// official table (SPIE-COMMUNE-02, the warning every kind gives).
	if t := p.Commune.Problem(); t != nil {
		fs = append(fs, t.At("/personne/code_commune"))
	} else {
		fs = append(fs, territory.CheckCommune(p.Commune, "/personne/code_commune")...)
	}
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
	const path = "/personne/date_naissance"
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
			// Valid dates have years 0000–9999: the last two digits of
			// the year are Format("06") without its allocation.
			year := int(nir[1]-'0')*10 + int(nir[2]-'0')
			month := int(nir[3]-'0')*10 + int(nir[4]-'0')
			if year != b.Year()%100 || (month >= 1 && month <= 12 && month != int(b.Month())) {
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
		// The path is built only for a fault: most documents have none.
		path := func() string { return base("situations", i, "situation") }
		if th, ok := situationIndex().known(string(s.Situation)); ok && th != spie.ThematiqueEmploiFormation {
			fs = append(fs, ef.wrongSituation.At(path()))
		}
		if seenSit[s.Situation] {
			fs = append(fs, ef.duplicate.At(path()))
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
	// The priorities given, in the order of the thématiques (a list on the
	// stack: a document has at most one per thématique).
	type given struct {
		priority   int
		thematique string
	}
	var prioBuf [16]given
	prio := prioBuf[:0]
	// The freins in the order of their thématiques, read from the map in
	// one pass (a copy of each on the stack, no second look-up).
	var keyBuf [16]FreinThematique
	var valBuf [16]Frein
	var ordBuf [16]int
	keys, vals, ord := keyBuf[:0], valBuf[:0], ordBuf[:0]
	for k, f := range d.Freins {
		ord = append(ord, len(keys))
		keys, vals = append(keys, k), append(vals, f)
	}
	slices.SortFunc(ord, func(a, b int) int { return strings.Compare(string(keys[a]), string(keys[b])) })
	situations, objectifs := situationIndex(), objectifIndex()
	for _, i := range ord {
		t, f := keys[i], &vals[i]
		path := func(tokens ...any) string { return spie.Pointer(append([]any{"freins", string(t)}, tokens...)...) }
		// The fault types of the thématique, looked up for a fault only.
		types := func() freinFaults { return freinFaultTypes[spie.Thematique(t)] }
		if !FreinThematiques.Has(string(t)) {
			if spie.Thematiques.Has(string(t)) {
				fs = append(fs, FaultFreinNotFrein.At(path(), string(t)))
			} else {
				fs = append(fs, FaultFreinUnknown.At(path(), string(t), strings.Join(FreinThematiques.Keys(), ", ")))
			}
			continue
		}
		applies := 0
		for i, s := range f.Situations {
			if th, ok := situations.known(string(s.Situation)); ok && th != spie.Thematique(t) {
				fs = append(fs, types().wrongSituation.At(path("situations", i, "situation")))
			}
			for _, before := range f.Situations[:i] {
				if before.Situation == s.Situation {
					fs = append(fs, types().duplicate.At(path("situations", i, "situation")))
					break
				}
			}
			if s.Value == "" || s.Value == SituationOui {
				applies++
			}
		}
		for i, o := range f.Objectifs {
			if th, ok := objectifs.known(string(o.Objectif)); ok && th != spie.Thematique(t) {
				fs = append(fs, types().wrongObjectif.At(path("objectifs", i, "objectif")))
			}
			for _, before := range f.Objectifs[:i] {
				if before.Objectif == o.Objectif {
					fs = append(fs, types().duplicate.At(path("objectifs", i, "objectif")))
					break
				}
			}
		}
		switch f.Impact {
		case ImpactFort:
			if applies == 0 {
				fs = append(fs, types().strongWithoutSituation.At(path("impact")))
			}
		case ImpactNonAborde:
			if len(f.Situations) > 0 || len(f.Objectifs) > 0 {
				fs = append(fs, types().notDiscussedFilled.At(path("impact")))
			}
		}
		if v := f.PersonView; v != nil && v.Priority > 0 {
			prio = append(prio, given{v.Priority, string(t)})
			if f.Impact.Rank() <= ImpactSansImpact.Rank() && v.Impact.Rank() <= ImpactSansImpact.Rank() {
				fs = append(fs, FaultPriorityNonFrein.At(path("vue_personne", "priorite")))
			}
		}
	}
	// Every thématique but the first (in key order) given a priority.
	for i, g := range prio {
		for _, before := range prio[:i] {
			if before.priority == g.priority {
				fs = append(fs, FaultPriorityDup.At(spie.Pointer("freins", g.thematique, "vue_personne", "priorite"), g.priority))
				break
			}
		}
	}
	return fs
}

// freinKeys returns the thématiques of the freins in a stable order.
func (d *Diagnostic) freinKeys() []FreinThematique {
	return d.appendFreinKeys(make([]FreinThematique, 0, len(d.Freins)))
}

// appendFreinKeys appends the thématiques of the freins to keys, sorted.
func (d *Diagnostic) appendFreinKeys(keys []FreinThematique) []FreinThematique {
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
