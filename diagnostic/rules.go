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
	FaultVersion         = &spie.FaultType{Code: "DIAG-VERSION-01", Severity: spie.SeverityError, FR: "version du format inconnue : %q (attendue : %s)", EN: "unknown format version %q (expected %s)", Source: "version du format de diagnostic de socle (diagnostic.SchemaVersion)"}
	FaultDateFuture      = &spie.FaultType{Code: "DIAG-DATE-01", Severity: spie.SeverityError, FR: "date dans le futur", EN: "date in the future", Source: "cohérence du document, règle propre à socle : une date constatée n'est pas dans le futur"}
	FaultDateMalformed   = &spie.FaultType{Code: "DIAG-DATE-02", Severity: spie.SeverityError, FR: "date invalide (format attendu AAAA-MM-JJ, jour existant)", EN: "invalid date (expected YYYY-MM-DD, a day that exists)", Source: "ISO 8601 / RFC 3339 (date complète AAAA-MM-JJ)"}
	FaultBirthAfter      = &spie.FaultType{Code: "DIAG-PERSONNE-10", Severity: spie.SeverityError, FR: "la date de naissance est postérieure à la date du diagnostic", EN: "the birth date is after the diagnostic date", Source: "cohérence du document, règle propre à socle"}
	FaultTooYoung        = &spie.FaultType{Code: "DIAG-PERSONNE-11", Severity: spie.SeverityError, FR: "la personne a %d ans : un diagnostic d'insertion concerne des personnes de 16 ans et plus", EN: "the person is %d: an insertion diagnostic concerns people aged 16 or more", Source: "C. trav. L4153-1 (pas de travail avant 16 ans) : le diagnostic d'insertion concerne les 16 ans et plus"}
	FaultTooOld          = &spie.FaultType{Code: "DIAG-PERSONNE-12", Severity: spie.SeverityWarning, FR: "la personne aurait %d ans : vérifiez la date de naissance", EN: "the person would be %d: check the birth date", Source: "plausibilité, règle propre à socle : plus de 100 ans signale une date de naissance erronée"}
	FaultNIRBirth        = &spie.FaultType{Code: "DIAG-PERSONNE-13", Severity: spie.SeverityWarning, FR: "l'année ou le mois de naissance du NIR ne correspond pas à la date de naissance", EN: "the NIR's birth year or month does not match the birth date", Source: "INSEE, NIR : les positions 2–3 et 4–5 sont l'année et le mois de naissance"}
	FaultRSAUnder25      = &spie.FaultType{Code: "DIAG-PUBLIC-10", Severity: spie.SeverityWarning, FR: "RSA avant 25 ans : vérifiez (parent, grossesse ou RSA jeune actif)", EN: "RSA under 25: check (parent, pregnancy or young worker RSA)", Source: "CASF L262-4 (RSA à partir de 25 ans, sauf charge d'enfant, grossesse ou RSA jeune actif)"}
	FaultASEAge          = &spie.FaultType{Code: "DIAG-PUBLIC-11", Severity: spie.SeverityWarning, FR: "sortie de l'ASE signalée pour une personne de %d ans (public visé : moins de 26 ans)", EN: "leaving child welfare reported for a person aged %d (public: under 26)", Source: "CASF L222-5 (aide sociale à l'enfance) ; public « sortant de l'ASE » visé jusqu'à 26 ans (critère IAE « ASE », RULES.md §7)"}
	FaultRQTHBOETH       = &spie.FaultType{Code: "DIAG-PUBLIC-12", Severity: spie.SeverityError, FR: "une RQTH ouvre droit à l'obligation d'emploi : boeth doit être vrai", EN: "an RQTH makes the person a BOETH beneficiary: boeth must be true", Source: "C. trav. L5212-13 : la RQTH ouvre l'obligation d'emploi des travailleurs handicapés (BOETH)"}
	FaultRSADateWithout  = &spie.FaultType{Code: "DIAG-PUBLIC-13", Severity: spie.SeverityError, FR: "date d'ouverture des droits RSA renseignée alors que rsa est faux", EN: "RSA opening date given while rsa is false", Source: "cohérence du document, règle propre à socle : pas de date d'ouverture des droits sans RSA"}
	FaultRSADateAfter    = &spie.FaultType{Code: "DIAG-PUBLIC-14", Severity: spie.SeverityError, FR: "l'ouverture des droits RSA est postérieure au diagnostic", EN: "the RSA opening date is after the diagnostic", Source: "cohérence du document, règle propre à socle : les droits constatés précèdent le diagnostic"}
	FaultAAHWithoutHandi = &spie.FaultType{Code: "DIAG-PUBLIC-15", Severity: spie.SeverityWarning, FR: "AAH sans RQTH ni BOETH : le bénéficiaire de l'AAH relève de l'obligation d'emploi", EN: "AAH without RQTH or BOETH: an AAH beneficiary is covered by the employment obligation", Source: "C. trav. L5212-13 : le titulaire de l'AAH bénéficie de l'obligation d'emploi (BOETH)"}
	FaultActivityAfter   = &spie.FaultType{Code: "DIAG-ACTIVITE-10", Severity: spie.SeverityError, FR: "la dernière activité ne peut pas être postérieure à la date du diagnostic", EN: "the last activity cannot be after the diagnostic date", Source: "cohérence du document, règle propre à socle"}
	FaultActivityBirth   = &spie.FaultType{Code: "DIAG-ACTIVITE-11", Severity: spie.SeverityError, FR: "la dernière activité est antérieure aux 14 ans de la personne", EN: "the last activity is before the person's 14th birthday", Source: "C. trav. L4153-1 et L4153-3 : pas de travail avant 14 ans (travaux légers pendant les vacances dès 14 ans)"}
	FaultProjectDup      = &spie.FaultType{Code: "DIAG-PROJET-10", Severity: spie.SeverityError, FR: "le métier %s apparaît deux fois dans le projet professionnel", EN: "the job %s appears twice in the professional project", Source: "cohérence du document, règle propre à socle : un métier ROME une seule fois par projet"}
	FaultProjectPrio     = &spie.FaultType{Code: "DIAG-PROJET-11", Severity: spie.SeverityError, FR: "deux métiers du projet ont la même priorité %d", EN: "two jobs of the project have the same priority %d", Source: "cohérence du document, règle propre à socle : les priorités du projet ordonnent les métiers"}
	FaultDiplomaYear     = &spie.FaultType{Code: "DIAG-DIPLOME-10", Severity: spie.SeverityError, FR: "diplôme obtenu en %d, après la date du diagnostic ou avant la naissance", EN: "diploma obtained in %d, after the diagnostic or before birth", Source: "cohérence du document, règle propre à socle"}
	// Deprecated: DIAG-FREINS-01 told two facts; it is retired, replaced by
	// DIAG-FREINS-02 (a thématique that is not a frein) and DIAG-FREINS-03
	// (a key that is no thématique).
	FaultFreinEmploi      = &spie.FaultType{Code: "DIAG-FREINS-01", Severity: spie.SeverityError, FR: "la thématique %q n'est pas un frein : elle relève de la situation professionnelle", EN: "theme %q is not a barrier: it belongs to the professional situation", Source: "RULES.md §1 : la thématique emploi-formation se décrit dans la situation professionnelle, pas comme frein", Retired: true, ReplacedBy: []string{"DIAG-FREINS-02", "DIAG-FREINS-03"}}
	FaultFreinNotFrein    = &spie.FaultType{Code: "DIAG-FREINS-02", Severity: spie.SeverityError, FR: "la thématique %q ne se diagnostique pas comme un frein : décrivez-la dans la situation professionnelle", EN: "theme %q is not diagnosed as a barrier: describe it in the professional situation", Source: "RULES.md §1 et §2 : emploi-formation relève de la situation professionnelle (besoins du projet, DSP France Travail), les neuf autres thématiques sont des freins"}
	FaultFreinUnknown     = &spie.FaultType{Code: "DIAG-FREINS-03", Severity: spie.SeverityError, FR: "clé %q inconnue : un frein se range sous l'une des thématiques SPIE (%s)", EN: "unknown key %q: a barrier is filed under one of the SPIE themes (%s)", Source: "RULES.md §1 : les dix thématiques SPIE (guide de l'Aisne)"}
	FaultPriorityDup      = &spie.FaultType{Code: "DIAG-PRIORITE-10", Severity: spie.SeverityError, FR: "la priorité %d est donnée à plusieurs thématiques", EN: "priority %d is given to several themes", Source: "RULES.md §2 : les priorités de la personne ordonnent les thématiques"}
	FaultPriorityNonFrein = &spie.FaultType{Code: "DIAG-PRIORITE-11", Severity: spie.SeverityWarning, FR: "la personne donne une priorité à une thématique jugée sans impact ou non abordée", EN: "the person gives a priority to a theme rated without impact or not discussed", Source: "RULES.md §2 : les priorités de la personne portent sur ses freins (impact moyen ou fort)"}
	FaultCoDiagPair       = &spie.FaultType{Code: "DIAG-AUTEURS-10", Severity: spie.SeverityError, FR: "un co-diagnostic est réalisé par un binôme : un travailleur social et un conseiller emploi", EN: "a co-diagnostic is made by a pair: a social worker and an employment adviser", Source: "RULES.md §3 : le co-diagnostic de Seine-et-Marne réunit un travailleur social et un conseiller France Travail"}
	FaultAuthorsDup       = &spie.FaultType{Code: "DIAG-AUTEURS-11", Severity: spie.SeverityError, FR: "le même professionnel est cité deux fois", EN: "the same professional is listed twice", Source: "cohérence du document, règle propre à socle"}
	FaultConsentDate      = &spie.FaultType{Code: "DIAG-CONSENTEMENT-10", Severity: spie.SeverityError, FR: "le consentement au partage doit être daté", EN: "consent to sharing must be dated", Source: "RULES.md §10 : le consentement est enregistré avec sa date et sa portée (RGPD art. 7)"}
	FaultConsentAfter     = &spie.FaultType{Code: "DIAG-CONSENTEMENT-11", Severity: spie.SeverityWarning, FR: "consentement recueilli après le diagnostic", EN: "consent collected after the diagnostic", Source: "RULES.md §10 : le consentement précède le partage (RGPD art. 7)"}
	FaultBesoinsWorkload  = &spie.FaultType{Code: "DIAG-DISPONIBILITE-10", Severity: spie.SeverityWarning, FR: "non disponible mais des heures hebdomadaires sont souhaitées", EN: "not available but weekly hours are wished", Source: "cohérence du document, règle propre à socle"}
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
