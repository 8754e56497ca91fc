package committee

import (
	"net/mail"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Fault types of the committee.
var (
	FaultClockTime     = &spie.FaultType{Code: "CTO-HEURE-01", Severity: spie.SeverityError, FR: "heure mal formée : HH:MM attendu (00:00 à 23:59)", EN: "malformed time of day: HH:MM expected", Source: "ISO 8601 (heure HH:MM)"}
	FaultDate          = &spie.FaultType{Code: "CTO-DATE-01", Severity: spie.SeverityError, FR: "date mal formée : AAAA-MM-JJ attendu", EN: "malformed date: YYYY-MM-DD expected", Source: "ISO 8601 / RFC 3339 (date complète AAAA-MM-JJ)"}
	FaultName          = &spie.FaultType{Code: "CTO-NOM-01", Severity: spie.SeverityError, FR: "nom du comité manquant", EN: "missing committee name", Source: "RULES.md §8 : comité technique d'orientation (CTO SPIE, Aisne)"}
	FaultTimeZone      = &spie.FaultType{Code: "CTO-FUSEAU-01", Severity: spie.SeverityError, FR: "fuseau horaire inconnu : %q", EN: "unknown time zone: %q", Source: "base des fuseaux horaires IANA (Europe/Paris, DROM)"}
	FaultRule          = &spie.FaultType{Code: "CTO-REGLE-01", Severity: spie.SeverityError, FR: "valeur de règle hors des bornes : %s", EN: "rule value out of range: %s", Source: "RULES.md §8 : règles du comité (10 situations, date limite J-3 à 14 h, ordre du jour à J-2), bornes propres à socle"}
	FaultNoMeeting     = &spie.FaultType{Code: "CTO-SEANCE-01", Severity: spie.SeverityError, FR: "le calendrier ne compte aucune séance", EN: "the calendar has no meeting", Source: "RULES.md §8 : le CTO se réunit toutes les deux semaines (calendrier publié)"}
	FaultCapacity      = &spie.FaultType{Code: "CTO-SEANCE-02", Severity: spie.SeverityError, FR: "capacité de séance hors des bornes (1 à 100)", EN: "meeting capacity out of range (1 to 100)", Source: "RULES.md §8 : au plus 10 situations par séance (par défaut), bornes propres à socle"}
	FaultMeetingTwice  = &spie.FaultType{Code: "CTO-SEANCE-10", Severity: spie.SeverityError, FR: "deux séances le même jour à la même heure", EN: "two meetings on the same day at the same time", Source: "cohérence du calendrier, règle propre à socle"}
	FaultDeadlineAfter = &spie.FaultType{Code: "CTO-BUTOIR-10", Severity: spie.SeverityError, FR: "la date limite des demandes (%s) n'est pas avant la séance", EN: "the request deadline (%s) is not before the meeting", Source: "RULES.md §8 : date limite des demandes avant la séance (J-3 à 14 h par défaut)"}
	FaultAgendaLate    = &spie.FaultType{Code: "CTO-BUTOIR-11", Severity: spie.SeverityWarning, FR: "la date limite des demandes (%s) tombe après l'envoi de l'ordre du jour (%s)", EN: "the request deadline (%s) falls after the agenda is due (%s)", Source: "RULES.md §8 : l'ordre du jour part à J-2, après la date limite des demandes"}
	FaultMemberName    = &spie.FaultType{Code: "CTO-MEMBRE-01", Severity: spie.SeverityError, FR: "nom du membre manquant", EN: "missing member name", Source: "RULES.md §8 : membres du comité"}
	FaultMemberEmail   = &spie.FaultType{Code: "CTO-MEMBRE-02", Severity: spie.SeverityError, FR: "adresse électronique mal formée", EN: "malformed email address", Source: "RFC 5322 (adresse électronique)"}
	FaultCharter       = &spie.FaultType{Code: "CTO-CHARTE-10", Severity: spie.SeverityWarning, FR: "%s n'a pas signé la charte de confidentialité : l'ordre du jour ne lui est pas envoyé", EN: "%s has not signed the confidentiality charter: the agenda is not sent to them", Source: "RULES.md §8 : chaque membre signe la charte de confidentialité avant de voir un ordre du jour"}
	FaultCharterLate   = &spie.FaultType{Code: "CTO-CHARTE-11", Severity: spie.SeverityWarning, FR: "%s a signé la charte de confidentialité le %s : pas d'ordre du jour avant cette date", EN: "%s signed the confidentiality charter on %s: no agenda before that date", Source: "RULES.md §8 : pas d'ordre du jour avant la signature de la charte de confidentialité"}
	FaultRequestID     = &spie.FaultType{Code: "CTO-DEMANDE-01", Severity: spie.SeverityError, FR: "identifiant de la demande manquant", EN: "missing request id", Source: "format des demandes au comité de socle"}
	FaultRequestCarnet = &spie.FaultType{Code: "CTO-DEMANDE-02", Severity: spie.SeverityError, FR: "référence du carnet de bord manquante", EN: "missing carnet de bord reference", Source: "RULES.md §8 : la situation présentée renvoie au carnet de bord"}
	FaultRequestRef    = &spie.FaultType{Code: "CTO-DEMANDE-03", Severity: spie.SeverityError, FR: "nom du référent manquant", EN: "missing referent name", Source: "RULES.md §8 : le référent qui a orienté la personne reste l'interlocuteur unique"}
	FaultRequestQ      = &spie.FaultType{Code: "CTO-DEMANDE-04", Severity: spie.SeverityError, FR: "question posée au comité manquante", EN: "missing question to the committee", Source: "RULES.md §8 : le comité examine une question posée par le référent"}
	FaultRequestTime   = &spie.FaultType{Code: "CTO-DEMANDE-05", Severity: spie.SeverityError, FR: "date et heure de réception manquantes", EN: "missing date and time of receipt", Source: "RULES.md §8 : les demandes s'ordonnent par date de réception (les plus anciennes d'abord)"}
	FaultRequestAgreed = &spie.FaultType{Code: "CTO-DEMANDE-06", Severity: spie.SeverityWarning, FR: "la personne n'a pas accepté que sa situation soit présentée : la demande n'est pas inscrite", EN: "the person has not agreed to the presentation of their situation: the request is not scheduled", Source: "RULES.md §8 : la personne est volontaire et tenue informée"}
	FaultRequestTwice  = &spie.FaultType{Code: "CTO-DEMANDE-10", Severity: spie.SeverityError, FR: "identifiant de demande répété : %q", EN: "repeated request id: %q", Source: "cohérence du document, règle propre à socle : identifiants uniques"}
	FaultRequestFuture = &spie.FaultType{Code: "CTO-DEMANDE-11", Severity: spie.SeverityWarning, FR: "demande reçue après la date de référence : ignorée", EN: "request received after the reference date: ignored", Source: "RULES.md §8 : demandes reçues jusqu'à la date de référence"}
	FaultAnswerBefore  = &spie.FaultType{Code: "CTO-DEMANDE-12", Severity: spie.SeverityError, FR: "réponse datée d'avant la réception de la demande", EN: "answer dated before the request was received", Source: "cohérence du document, règle propre à socle"}
	FaultAnswerLate    = &spie.FaultType{Code: "CTO-DEMANDE-13", Severity: spie.SeverityWarning, FR: "réponse au référent au-delà de %d heures", EN: "answer to the referent beyond %d hours", Source: "RULES.md §4 et §8 : réponse sous 72 heures (guide de l'Aisne), délai de réponse du comité au référent"}
	FaultOutcomeStatus = &spie.FaultType{Code: "CTO-SUITE-01", Severity: spie.SeverityError, FR: "issue de l'examen inconnue", EN: "unknown outcome status", Source: "RULES.md §12 : situations examinées et résolues par le CTO (issues de l'examen)"}
	FaultOutcomeDate   = &spie.FaultType{Code: "CTO-SUITE-10", Severity: spie.SeverityWarning, FR: "suite rattachée à la séance du %s, alors que la situation est inscrite à celle du %s", EN: "outcome recorded for the meeting of %s, the situation is scheduled on %s", Source: "RULES.md §8 : une situation est examinée à la séance où elle est inscrite"}
	FaultOutcomeNoMeet = &spie.FaultType{Code: "CTO-SUITE-11", Severity: spie.SeverityError, FR: "la date de séance de la suite n'est pas une séance du calendrier", EN: "the outcome's meeting date is not a meeting of the calendar", Source: "RULES.md §8 : calendrier publié des séances"}
)

// Check returns the faults of the committee: its rules, calendar, members and
// requests. It does not need a date: the charter and the deadlines that
// depend on "now" are reported by BuildAgenda.
func (c *Committee) Check() spie.Faults {
	var fs spie.Faults
	if strings.TrimSpace(c.Name) == "" {
		fs = append(fs, FaultName.At(spie.Pointer("nom")))
	}
	fs = append(fs, c.Rules.check()...)
	if len(c.Meetings) == 0 {
		fs = append(fs, FaultNoMeeting.At(spie.Pointer("seances")))
	}
	seen := map[string]bool{}
	dates := map[spie.Date]bool{}
	for i, m := range c.Meetings {
		fs = append(fs, c.checkMeeting(i, m)...)
		key := string(m.Date) + " " + string(m.Time)
		if seen[key] {
			fs = append(fs, FaultMeetingTwice.At(spie.Pointer("seances", i)))
		}
		seen[key] = true
		dates[m.Date] = true
	}
	for i, mb := range c.Members {
		base := spie.Pointer("membres", i)
		if strings.TrimSpace(mb.Name) == "" {
			fs = append(fs, FaultMemberName.At(spie.Join(base, "nom")))
		}
		if mb.Email != "" {
			if a, err := mail.ParseAddress(mb.Email); err != nil || a.Address != mb.Email {
				fs = append(fs, FaultMemberEmail.At(spie.Join(base, "courriel")))
			}
		}
		if !mb.CharterSigned.IsZero() {
			if _, ok := mb.CharterSigned.Time(); !ok {
				fs = append(fs, FaultDate.At(spie.Join(base, "charte_confidentialite_signee_le")))
			}
		}
	}
	fs = append(fs, CheckRequests(c.Requests, "/demandes", dates, c.AnswerDelay())...)
	fs.Sort()
	return fs
}

func (r Rules) check() spie.Faults {
	var fs spie.Faults
	if r.TimeZone != "" {
		if _, err := time.LoadLocation(r.TimeZone); err != nil || r.TimeZone == "Local" {
			fs = append(fs, FaultTimeZone.At(spie.Pointer("regles", "fuseau_horaire"), r.TimeZone))
		}
	}
	if r.DeadlineTime != "" {
		fs = append(fs, spie.CheckIdentifier(r.DeadlineTime, spie.Pointer("regles", "butoir_heure"))...)
	}
	if r.Capacity < 0 || r.Capacity > 100 {
		fs = append(fs, FaultRule.At(spie.Pointer("regles", "capacite"), "capacité de 1 à 100"))
	}
	if r.DeadlineDaysBefore != nil && (*r.DeadlineDaysBefore < 0 || *r.DeadlineDaysBefore > 60) {
		fs = append(fs, FaultRule.At(spie.Pointer("regles", "butoir_jours_avant"), "de 0 à 60 jours"))
	}
	if r.AgendaDaysBefore != nil && (*r.AgendaDaysBefore < 0 || *r.AgendaDaysBefore > 60) {
		fs = append(fs, FaultRule.At(spie.Pointer("regles", "ordre_du_jour_jours_avant"), "de 0 à 60 jours"))
	}
	if r.AnswerHours < 0 || r.AnswerHours > 2160 {
		fs = append(fs, FaultRule.At(spie.Pointer("regles", "delai_reponse_heures"), "de 1 à 2160 heures"))
	}
	return fs
}

func (c *Committee) checkMeeting(i int, m Meeting) spie.Faults {
	var fs spie.Faults
	base := spie.Pointer("seances", i)
	if _, ok := m.Date.Time(); !ok {
		fs = append(fs, FaultDate.At(spie.Join(base, "date")))
	}
	fs = append(fs, spie.CheckIdentifier(m.Time, spie.Join(base, "heure"))...)
	if !m.DeadlineDate.IsZero() {
		if _, ok := m.DeadlineDate.Time(); !ok {
			fs = append(fs, FaultDate.At(spie.Join(base, "date_butoir")))
		}
	}
	if m.DeadlineTime != "" {
		fs = append(fs, spie.CheckIdentifier(m.DeadlineTime, spie.Join(base, "heure_butoir"))...)
	}
	if m.Capacity < 0 || m.Capacity > 100 {
		fs = append(fs, FaultCapacity.At(spie.Join(base, "capacite")))
	}
	if len(fs) > 0 {
		return fs
	}
	start, ok1 := c.Start(m)
	dl, ok2 := c.Deadline(m)
	if ok1 && ok2 {
		if !dl.Before(start) {
			fs = append(fs, FaultDeadlineAfter.At(spie.Join(base, "date_butoir"), dl.Format("2006-01-02 15:04")))
		} else if due := c.AgendaDue(m); spie.DateOf(dl).After(due) {
			fs = append(fs, FaultAgendaLate.At(spie.Join(base, "date_butoir"), dl.Format("2006-01-02 15:04"), due))
		}
	}
	return fs
}

// CheckRequests returns the faults of a list of requests at base (a JSON
// Pointer): missing fields, repeated ids, answers dated before receipt or
// beyond the delay, outcomes on a date that is not a meeting (meetings nil:
// not checked).
func CheckRequests(rs []Request, base string, meetings map[spie.Date]bool, delay time.Duration) spie.Faults {
	var fs spie.Faults
	ids := map[string]bool{}
	for i, r := range rs {
		p := spie.Join(base, i)
		if strings.TrimSpace(r.ID) == "" {
			fs = append(fs, FaultRequestID.At(spie.Join(p, "id")))
		} else if ids[r.ID] {
			fs = append(fs, FaultRequestTwice.At(spie.Join(p, "id"), r.ID))
		}
		ids[r.ID] = true
		if strings.TrimSpace(r.CarnetRef) == "" {
			fs = append(fs, FaultRequestCarnet.At(spie.Join(p, "reference_carnet")))
		}
		if strings.TrimSpace(r.Referent.Name) == "" {
			fs = append(fs, FaultRequestRef.At(spie.Join(p, "referent", "nom")))
		}
		if strings.TrimSpace(r.Question) == "" {
			fs = append(fs, FaultRequestQ.At(spie.Join(p, "question")))
		}
		if !r.PersonAgreed {
			fs = append(fs, FaultRequestAgreed.At(spie.Join(p, "accord_personne")))
		}
		if r.ReceivedAt.IsZero() {
			fs = append(fs, FaultRequestTime.At(spie.Join(p, "recue_le")))
		} else if r.AnsweredAt != nil {
			switch {
			case r.AnsweredAt.Before(r.ReceivedAt):
				fs = append(fs, FaultAnswerBefore.At(spie.Join(p, "repondue_le")))
			case r.AnsweredAt.Sub(r.ReceivedAt) > delay:
				fs = append(fs, FaultAnswerLate.At(spie.Join(p, "repondue_le"), int(delay.Hours())))
			}
		}
		if o := r.Outcome; o != nil {
			if !OutcomeStatuses.Has(string(o.Status)) {
				fs = append(fs, FaultOutcomeStatus.At(spie.Join(p, "suite", "statut")))
			}
			if _, ok := o.MeetingDate.Time(); !ok {
				fs = append(fs, FaultDate.At(spie.Join(p, "suite", "date_seance")))
			} else if meetings != nil && !meetings[o.MeetingDate] {
				fs = append(fs, FaultOutcomeNoMeet.At(spie.Join(p, "suite", "date_seance")))
			}
			if !o.FollowUp.IsZero() {
				if _, ok := o.FollowUp.Time(); !ok {
					fs = append(fs, FaultDate.At(spie.Join(p, "suite", "date_suivi")))
				}
			}
		}
	}
	return fs
}
