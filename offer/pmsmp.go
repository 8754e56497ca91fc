package offer

import (
	"strings"

	"github.com/spie-fr/socle/spie"
)

const sourcePMSMP = "C. trav. L5135-1 à L5135-8, D5135-1 à D5135-8 ; RULES.md §6"

// PMSMPObjective is the objective of an immersion.
type PMSMPObjective string

// PMSMPObjectives is the code list of the objectives (C. trav. L5135-1).
var PMSMPObjectives = spie.Definitions{
	{Key: "decouvrir-metier", Label: spie.Label{FR: "Découvrir un métier ou un secteur d'activité", EN: "Discover a trade or a sector"}, Source: sourcePMSMP},
	{Key: "confirmer-projet", Label: spie.Label{FR: "Confirmer un projet professionnel", EN: "Confirm a career plan"}, Source: sourcePMSMP},
	{Key: "initier-recrutement", Label: spie.Label{FR: "Initier une démarche de recrutement", EN: "Start a hiring process"}, Source: sourcePMSMP},
}

// Definitions implements spie.Enum.
func (PMSMPObjective) Definitions() spie.Definitions { return PMSMPObjectives }

// PMSMPPrescriber is the kind of organisation that prescribes an immersion.
type PMSMPPrescriber string

// PMSMPPrescribers is the code list of prescribers (C. trav. L5135-2).
var PMSMPPrescribers = spie.Definitions{
	{Key: "france-travail", Label: spie.Label{FR: "France Travail", EN: "France Travail"}, Source: sourcePMSMP},
	{Key: "mission-locale", Label: spie.Label{FR: "Mission locale", EN: "Mission locale"}, Source: sourcePMSMP},
	{Key: "cap-emploi", Label: spie.Label{FR: "Cap emploi", EN: "Cap emploi"}, Source: sourcePMSMP},
	{Key: "siae", Label: spie.Label{FR: "Structure d'insertion par l'activité économique", EN: "Work integration social enterprise"}, Source: sourcePMSMP},
	{Key: "departement", Label: spie.Label{FR: "Conseil départemental", EN: "Departmental council"}, Source: sourcePMSMP},
	{Key: "prepa-apprentissage", Label: spie.Label{FR: "Prépa-apprentissage", EN: "Pre-apprenticeship programme"}, Source: sourcePMSMP},
	{Key: "structure-conventionnee", Label: spie.Label{FR: "Structure conventionnée par un prescripteur de droit", EN: "Structure under agreement with a statutory prescriber"}, Source: sourcePMSMP},
}

// Definitions implements spie.Enum.
func (PMSMPPrescriber) Definitions() spie.Definitions { return PMSMPPrescribers }

// PMSMPLimits are the legal limits of immersions, as data.
type PMSMPLimits struct {
	MaxDays        int     `json:"duree_max_jours"`
	MaxWeeklyHours float64 `json:"heures_hebdomadaires_max"`
	MaxPerHost     int     `json:"conventions_max_par_structure"`
	MaxDaysPerHost int     `json:"jours_max_par_structure"`
	WindowMonths   int     `json:"periode_glissante_mois"`
	MinAge         int     `json:"age_minimum"`
	MajorityAt     int     `json:"age_majorite"`
}

// DefaultPMSMPLimits are the limits of RULES.md §6.
var DefaultPMSMPLimits = PMSMPLimits{MaxDays: 30, MaxWeeklyHours: 48, MaxPerHost: 2, MaxDaysPerHost: 60, WindowMonths: 12, MinAge: 16, MajorityAt: 18}

// Convention is a PMSMP convention (période de mise en situation en milieu
// professionnel).
type Convention struct {
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// Identifiant pseudonyme de la personne.
	PersonID  string    `json:"personne_id" jsonschema:"minLength=1,maxLength=100"`
	BirthDate spie.Date `json:"date_naissance"`
	// Représentant légal, obligatoire pour un mineur.
	LegalRepresentative string          `json:"representant_legal,omitempty" jsonschema:"maxLength=200"`
	HostSIRET           spie.SIRET      `json:"siret_structure_accueil"`
	HostName            string          `json:"structure_accueil" jsonschema:"maxLength=200"`
	Prescriber          PMSMPPrescriber `json:"prescripteur"`
	Objective           PMSMPObjective  `json:"objectif"`
	Start               spie.Date       `json:"date_debut"`
	End                 spie.Date       `json:"date_fin"`
	WeeklyHours         float64         `json:"heures_hebdomadaires"`
	// Identifiant de la convention renouvelée, pour un renouvellement.
	RenewalOf string `json:"renouvellement_de,omitempty"`
	// Objectif atteint à l'issue de la période (inconnu avant la fin).
	ObjectiveMet *bool `json:"objectif_atteint,omitempty"`
}

// Fault types of PMSMP conventions.
var (
	FaultPMSMPDates = spie.NewFaultType("PMSMP-DATES-01", spie.SeverityError,
		"dates invalides : la fin doit suivre le début", "invalid dates: the end must follow the start").WithSource("RULES.md §6 : convention de PMSMP (C. trav. L5135-1)")
	FaultPMSMPDuration = spie.NewFaultType("PMSMP-DUREE-01", spie.SeverityError,
		"durée de %d jours au-delà du maximum de %d jours calendaires", "duration of %d days beyond the maximum of %d calendar days").WithSource("RULES.md §6 : un mois (30 jours calendaires) au plus par convention (C. trav. D5135-3)")
	FaultPMSMPHours = spie.NewFaultType("PMSMP-HEURES-01", spie.SeverityError,
		"durée hebdomadaire de %v h hors de 0 à %v h", "weekly hours %v outside 0 to %v").WithSource("RULES.md §6 : 48 heures par semaine au plus (durée maximale du travail, C. trav. L3121-20)")
	FaultPMSMPAge = spie.NewFaultType("PMSMP-AGE-01", spie.SeverityError,
		"âge de %d ans au début de la période, %d ans minimum", "age %d at the start, %d minimum").WithSource("RULES.md §6 : 16 ans au moins")
	FaultPMSMPMinor = spie.NewFaultType("PMSMP-MINEUR-01", spie.SeverityError,
		"une personne mineure doit être accompagnée de son représentant légal", "a minor needs a legal representative").WithSource("RULES.md §6 : une personne mineure est accompagnée de son représentant légal")
	FaultPMSMPValue = spie.NewFaultType("PMSMP-VALEUR-01", spie.SeverityError,
		"valeur %q inconnue de la liste %s", "value %q not in the list %s").WithSource("RULES.md §6 : objectifs et prescripteurs de la PMSMP (C. trav. L5135-1)")
	FaultPMSMPRenewal = spie.NewFaultType("PMSMP-RENOUVELLEMENT-10", spie.SeverityError,
		"renouvellement impossible : %s", "renewal not allowed: %s").WithSource("RULES.md §6 : renouvelable une fois, même objectif, seulement s'il n'est pas atteint (C. trav. D5135-3)")
	FaultPMSMPHostCount = spie.NewFaultType("PMSMP-STRUCTURE-10", spie.SeverityError,
		"%d conventions avec la même structure sur 12 mois glissants, %d au plus", "%d conventions with the same host over 12 rolling months, at most %d").WithSource("RULES.md §6 : 2 conventions au plus avec la même structure sur 12 mois glissants")
	FaultPMSMPHostDays = spie.NewFaultType("PMSMP-STRUCTURE-11", spie.SeverityError,
		"%d jours avec la même structure sur 12 mois glissants (renouvellements compris), %d au plus", "%d days with the same host over 12 rolling months, at most %d").WithSource("RULES.md §6 : 60 jours au plus avec la même structure sur 12 mois glissants, renouvellements compris")
)

// Days returns the number of calendar days of the convention (0 when the
// dates are invalid).
func (c *Convention) Days() int {
	if c.End.Before(c.Start) {
		return 0
	}
	n := c.Start.DaysUntil(c.End)
	if n < 0 {
		return 0
	}
	return n + 1
}

// Check returns the faults of the convention against the law, given the
// person's other conventions (history, renewals included) and the limits.
func (c *Convention) Check(history []Convention, l PMSMPLimits) spie.Faults {
	var fs spie.Faults
	if !PMSMPObjectives.Has(string(c.Objective)) {
		fs = append(fs, FaultPMSMPValue.At(spie.Pointer("objectif"), string(c.Objective), "des objectifs"))
	}
	if !PMSMPPrescribers.Has(string(c.Prescriber)) {
		fs = append(fs, FaultPMSMPValue.At(spie.Pointer("prescripteur"), string(c.Prescriber), "des prescripteurs"))
	}
	fs = append(fs, spie.CheckIdentifier(c.HostSIRET, spie.Pointer("siret_structure_accueil"))...)
	_, okS := c.Start.Time()
	_, okE := c.End.Time()
	if !okS || !okE || c.End.Before(c.Start) {
		fs = append(fs, FaultPMSMPDates.At(spie.Pointer("date_fin")))
	} else if d := c.Days(); d > l.MaxDays {
		fs = append(fs, FaultPMSMPDuration.At(spie.Pointer("date_fin"), d, l.MaxDays))
	}
	if c.WeeklyHours <= 0 || c.WeeklyHours > l.MaxWeeklyHours {
		fs = append(fs, FaultPMSMPHours.At(spie.Pointer("heures_hebdomadaires"), c.WeeklyHours, l.MaxWeeklyHours))
	}
	if age, ok := ageAt(c.BirthDate, c.Start); ok {
		if age < l.MinAge {
			fs = append(fs, FaultPMSMPAge.At(spie.Pointer("date_naissance"), age, l.MinAge))
		}
		if age < l.MajorityAt && strings.TrimSpace(c.LegalRepresentative) == "" {
			fs = append(fs, FaultPMSMPMinor.At(spie.Pointer("representant_legal")))
		}
	} else {
		fs = append(fs, FaultPMSMPDates.At(spie.Pointer("date_naissance")))
	}
	fs = append(fs, c.checkRenewal(history)...)
	fs = append(fs, c.checkHost(history, l)...)
	fs.Sort()
	return fs
}

// ageAt is the age on at by the anniversary rule of spie.YearsBetween
// (article 641 of the code de procédure civile); not ok when a date is
// malformed or at is before the birth.
func ageAt(birth, at spie.Date) (int, bool) {
	age, ok := spie.YearsBetween(birth, at)
	return age, ok && age >= 0
}

func (c *Convention) checkRenewal(history []Convention) spie.Faults {
	if c.RenewalOf == "" {
		return nil
	}
	p := spie.Pointer("renouvellement_de")
	var initial *Convention
	for i := range history {
		h := &history[i]
		if h.ID == c.RenewalOf {
			initial = h
		}
		if h.ID != c.ID && h.RenewalOf == c.RenewalOf {
			return spie.Faults{FaultPMSMPRenewal.At(p, "la convention "+c.RenewalOf+" a déjà été renouvelée une fois")}
		}
	}
	switch {
	case initial == nil:
		return spie.Faults{FaultPMSMPRenewal.At(p, "convention initiale "+c.RenewalOf+" inconnue")}
	case initial.RenewalOf != "":
		return spie.Faults{FaultPMSMPRenewal.At(p, "un renouvellement ne se renouvelle pas")}
	case initial.Objective != c.Objective:
		return spie.Faults{FaultPMSMPRenewal.At(spie.Pointer("objectif"), "l'objectif doit rester le même")}
	case initial.HostSIRET != c.HostSIRET:
		return spie.Faults{FaultPMSMPRenewal.At(spie.Pointer("siret_structure_accueil"), "la structure d'accueil doit rester la même")}
	case initial.ObjectiveMet != nil && *initial.ObjectiveMet:
		return spie.Faults{FaultPMSMPRenewal.At(p, "l'objectif de la convention initiale est atteint")}
	}
	return nil
}

// checkHost counts, over the rolling window ending at the end of c, the
// conventions (a renewal counts with its initial one) and the days spent
// with the same host.
func (c *Convention) checkHost(history []Convention, l PMSMPLimits) spie.Faults {
	if c.End.IsZero() || c.Days() == 0 {
		return nil
	}
	from := c.End.AddMonths(-l.WindowMonths)
	initials := map[string]bool{}
	days := 0
	all := append([]Convention{*c}, history...)
	seen := map[string]bool{}
	for _, h := range all {
		if seen[h.ID] || h.HostSIRET != c.HostSIRET || h.PersonID != c.PersonID || h.End.Before(from) || c.End.Before(h.Start) {
			continue
		}
		seen[h.ID] = true
		root := h.ID
		if h.RenewalOf != "" {
			root = h.RenewalOf
		}
		initials[root] = true
		days += h.Days()
	}
	var fs spie.Faults
	if len(initials) > l.MaxPerHost {
		fs = append(fs, FaultPMSMPHostCount.At(spie.Pointer("siret_structure_accueil"), len(initials), l.MaxPerHost))
	}
	if days > l.MaxDaysPerHost {
		fs = append(fs, FaultPMSMPHostDays.At(spie.Pointer("date_fin"), days, l.MaxDaysPerHost))
	}
	return fs
}
