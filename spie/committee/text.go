package committee

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
)

// FrenchDate writes a date as « vendredi 20 janvier 2023 » (spie.Date.French).
func FrenchDate(d spie.Date) string { return d.French() }

// frenchInstant writes an instant in loc as « lundi 16 janvier 2023 à 14:00 ».
func frenchInstant(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	return FrenchDate(spie.DateOf(t)) + " à " + t.Format("15:04")
}

// WriteText prints the agenda in French as a coordinator sends it to the
// members: for the next meeting, and every later one with situations, its
// date, place, deadline, the situations in order with who presents them and
// the question, the carried-over requests and the recipients. Meetings
// already held are summed up in one line each, later empty ones in one line. The committee gives the time
// zone of the instants.
func (a Agenda) WriteText(w io.Writer, c *Committee) error {
	loc := c.loc()
	var b strings.Builder
	fmt.Fprintf(&b, "%s — ordre du jour établi le %s\n", a.Committee, frenchInstant(a.AsOf, loc))
	upcoming := 0
	var empty []string
	for _, m := range a.Meetings {
		if m.State == StateHeld {
			fmt.Fprintf(&b, "\nSéance tenue le %s : %d situation(s) examinée(s).\n", FrenchDate(m.Date), len(m.Items))
			continue
		}
		upcoming++
		if upcoming > 1 && len(m.Items) == 0 {
			empty = append(empty, FrenchDate(m.Date))
			continue
		}
		b.WriteString("\n" + strings.Repeat("=", 72) + "\n")
		fmt.Fprintf(&b, "Séance du %s à %s", FrenchDate(m.Date), strings.Replace(string(m.Time), ":", " h ", 1))
		if m.Place != "" {
			fmt.Fprintf(&b, " — %s", m.Place)
		}
		b.WriteString("\n")
		state := "demandes reçues jusqu'au"
		if m.State == StateOpen {
			state = "demandes ouvertes jusqu'au"
		}
		fmt.Fprintf(&b, "%s %s (exclu) ; envoi de l'ordre du jour le %s.\n", capitalize(state), frenchInstant(m.Deadline, loc), FrenchDate(m.AgendaDue))
		fmt.Fprintf(&b, "\nOrdre du jour : %d situation(s) sur %d place(s)\n", len(m.Items), m.Capacity)
		if len(m.Items) == 0 {
			b.WriteString("  Aucune situation inscrite.\n")
		}
		for _, it := range m.Items {
			ref := it.Referent.Name
			if it.Referent.Structure != "" {
				ref += " (" + it.Referent.Structure + ")"
			}
			fmt.Fprintf(&b, "  %d. Carnet %s — présentée par %s, demande du %s\n", it.Rank, it.CarnetRef, ref, frenchInstant(it.ReceivedAt, loc))
			fmt.Fprintf(&b, "     Question : %s\n", oneLine(it.Question))
			for _, cf := range it.CarriedFrom {
				fmt.Fprintf(&b, "     Reportée de la séance du %s : %s.\n", FrenchDate(cf.Meeting), strings.ToLower(CarryReasons.LabelOf(string(cf.Reason))))
			}
		}
		if len(m.CarriedOver) > 0 {
			b.WriteString("\nReportées à une séance suivante :\n")
			for _, cr := range m.CarriedOver {
				fmt.Fprintf(&b, "  - demande %s : %s\n", cr.RequestID, strings.ToLower(CarryReasons.LabelOf(string(cr.Reason))))
			}
		}
		fmt.Fprintf(&b, "\nDestinataires (charte de confidentialité signée) : %s\n", listOrNone(m.Recipients))
		if len(m.Withheld) > 0 {
			fmt.Fprintf(&b, "Non destinataires (charte de confidentialité non signée) : %s\n", strings.Join(m.Withheld, ", "))
		}
	}
	if len(empty) > 0 {
		fmt.Fprintf(&b, "\nSéances suivantes, sans situation inscrite à ce jour : %s.\n", strings.Join(empty, ", "))
	}
	if len(a.Pending) > 0 {
		b.WriteString("\nDemandes en attente :\n")
		for _, p := range a.Pending {
			fmt.Fprintf(&b, "  - demande %s du %s : %s\n", p.RequestID, frenchInstant(p.ReceivedAt, loc), strings.ToLower(CarryReasons.LabelOf(string(p.Reason))))
		}
	}
	if len(a.LateAnswers) > 0 {
		b.WriteString("\nRéponses aux référents au-delà du délai :\n")
		for _, l := range a.LateAnswers {
			if l.AnsweredAt == nil {
				fmt.Fprintf(&b, "  - demande %s : sans réponse, attendue avant le %s\n", l.RequestID, frenchInstant(l.Due, loc))
			} else {
				fmt.Fprintf(&b, "  - demande %s : répondue le %s, attendue avant le %s\n", l.RequestID, frenchInstant(*l.AnsweredAt, loc), frenchInstant(l.Due, loc))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "aucun"
	}
	return strings.Join(s, ", ")
}
