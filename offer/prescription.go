package offer

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// Prescription is a fiche de prescription unique: a request from a référent
// (or the person, for auto-prescription) to a service, with the person's
// minimal data, the reason and the need it answers, the attachments, the
// data-protection commitment, a snapshot of the target service and the
// journal of every transition.
type Prescription struct {
	ID    string            `json:"id" jsonschema:"minLength=1,maxLength=100"`
	State PrescriptionState `json:"etat"`
	// Emetteur : qui prescrit.
	Sender Sender `json:"emetteur"`
	// Personne : données minimales.
	Person PrescriptionPerson `json:"personne"`
	// Motif de la prescription, en clair.
	Motif string `json:"motif" jsonschema:"minLength=10,maxLength=5000"`
	// Besoin du diagnostic auquel la prescription répond.
	Need PrescriptionNeed `json:"besoin"`
	// Pièces jointes demandées par le service, fournies ou non.
	Attachments []Attachment `json:"pieces_jointes,omitempty"`
	// Engagement de protection des données (obligatoire).
	DataProtection DataProtection `json:"engagement_donnees"`
	// Service visé, tel qu'il était au moment de la prescription.
	Service Service `json:"service"`
	// Refus : motif codé, quand l'état est refusee.
	Refusal *Refusal `json:"refus,omitempty"`
	// Journal des transitions, dans l'ordre.
	Journal []Transition `json:"journal,omitempty"`
	// Date de création.
	CreatedAt time.Time `json:"cree_le"`
}

// Sender is who sends the prescription.
type Sender struct {
	Role SenderRole `json:"role"`
	// Nom de la personne ou du professionnel émetteur (libre).
	Name string `json:"nom,omitempty" jsonschema:"maxLength=200"`
	// SIRET de la structure du référent (obligatoire pour un référent).
	StructureSIRET spie.SIRET `json:"siret_structure,omitempty"`
}

// PrescriptionPerson is the minimal data of the person.
type PrescriptionPerson struct {
	// Identifiant pseudonyme.
	ID        string           `json:"id" jsonschema:"minLength=1,maxLength=100"`
	BirthDate spie.Date        `json:"date_naissance,omitempty"`
	Commune   spie.CommuneCode `json:"code_commune"`
	Telephone string           `json:"telephone,omitempty" jsonschema:"maxLength=30"`
	Courriel  string           `json:"courriel,omitempty" jsonschema:"maxLength=320"`
}

// PrescriptionNeed names the need answered: a frein (SPIE thématique) or a
// besoin of the professional project.
type PrescriptionNeed struct {
	Kind string `json:"nature" jsonschema:"enum=frein,enum=besoin"`
	Key  string `json:"cle" jsonschema:"minLength=1,maxLength=100"`
}

// Attachment is a document required by the service.
type Attachment struct {
	Type     AttachmentType `json:"type"`
	Label    string         `json:"libelle,omitempty" jsonschema:"maxLength=200"`
	Provided bool           `json:"fournie"`
}

// DataProtection is the data-protection commitment of the sender.
type DataProtection struct {
	// La personne a été informée et le partage est limité au nécessaire.
	Accepted bool `json:"accepte"`
	// Date de l'engagement.
	Date spie.Date `json:"date,omitempty"`
}

// Refusal is the coded reason of a refusal.
type Refusal struct {
	Reason  RefusalReason `json:"motif"`
	Comment string        `json:"commentaire,omitempty" jsonschema:"maxLength=2000"`
}

// Transition is one entry of the journal.
type Transition struct {
	From PrescriptionState `json:"de"`
	To   PrescriptionState `json:"vers"`
	At   time.Time         `json:"le"`
	// Auteur de la transition (identifiant libre ; « système » pour l'expiration).
	By      string `json:"par" jsonschema:"minLength=1,maxLength=200"`
	Comment string `json:"commentaire,omitempty" jsonschema:"maxLength=2000"`
}

// Deadlines are the delays of the prescription process, as data: a
// territory may set its own (RULES.md §4). In JSON they read
// {"delai_reponse_heures":72,"relance_jours":10,"expiration_jours":30}.
type Deadlines struct {
	// Answer is the commitment to answer (Aisne: 72 hours).
	Answer time.Duration
	// Reminder is when an unanswered prescription is recalled (Dora: 10 days).
	Reminder time.Duration
	// Expiry is when an unanswered prescription expires (Dora: 30 days).
	Expiry time.Duration
}

type deadlinesJSON struct {
	AnswerHours  float64 `json:"delai_reponse_heures"`
	ReminderDays float64 `json:"relance_jours"`
	ExpiryDays   float64 `json:"expiration_jours"`
}

// MarshalJSON writes the delays in hours and days.
func (d Deadlines) MarshalJSON() ([]byte, error) {
	return json.Marshal(deadlinesJSON{d.Answer.Hours(), d.Reminder.Hours() / 24, d.Expiry.Hours() / 24})
}

// UnmarshalJSON reads delays in hours and days; they must be positive and
// ordered (answer ≤ reminder ≤ expiry).
func (d *Deadlines) UnmarshalJSON(b []byte) error {
	var j deadlinesJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("délais illisibles : %w", err)
	}
	n := Deadlines{
		Answer:   time.Duration(j.AnswerHours * float64(time.Hour)),
		Reminder: time.Duration(j.ReminderDays * 24 * float64(time.Hour)),
		Expiry:   time.Duration(j.ExpiryDays * 24 * float64(time.Hour)),
	}
	if n.Answer <= 0 || n.Reminder < n.Answer || n.Expiry < n.Reminder {
		return fmt.Errorf("délais incohérents : il faut 0 < réponse ≤ relance ≤ expiration")
	}
	*d = n
	return nil
}

// DefaultDeadlines are the delays of RULES.md §4.
var DefaultDeadlines = Deadlines{Answer: 72 * time.Hour, Reminder: 10 * 24 * time.Hour, Expiry: 30 * 24 * time.Hour}

// Fault types of prescriptions.
var (
	FaultPrescRequired       = &spie.FaultType{Code: "PRESC-REQUIS-01", Severity: spie.SeverityError, FR: "champ obligatoire absent", EN: "required field missing", Source: "fiche de prescription unique (guide de l'Aisne) : champs obligatoires"}
	FaultPrescValue          = &spie.FaultType{Code: "PRESC-VALEUR-01", Severity: spie.SeverityError, FR: "valeur %q inconnue de la liste %s", EN: "value %q not in the list %s", Source: "listes de la fiche de prescription de socle et data·inclusion v1 (ModeMobilisation, PersonneMobilisatrice)"}
	FaultPrescConsent        = &spie.FaultType{Code: "PRESC-DONNEES-01", Severity: spie.SeverityError, FR: "l'engagement de protection des données est obligatoire", EN: "the data-protection commitment is required", Source: "RGPD art. 5 et 28 : engagement de protection des données du prescripteur"}
	FaultPrescAttachment     = &spie.FaultType{Code: "PRESC-PIECES-01", Severity: spie.SeverityError, FR: "pièce jointe requise non fournie : %s", EN: "required attachment not provided: %s", Source: "data·inclusion v1, Service.documents_a_fournir : pièces demandées par le service"}
	FaultPrescTransition     = &spie.FaultType{Code: "PRESC-TRANSITION-10", Severity: spie.SeverityError, FR: "transition interdite de « %s » vers « %s »", EN: "transition from %q to %q not allowed", Source: "cycle de vie de la prescription de socle (envoyée, acceptée, refusée, expirée…)"}
	FaultPrescJournal        = &spie.FaultType{Code: "PRESC-JOURNAL-10", Severity: spie.SeverityError, FR: "journal incohérent : %s", EN: "inconsistent journal: %s", Source: "journal de la prescription de socle : chaque transition est consignée dans l'ordre"}
	FaultPrescRefusal        = &spie.FaultType{Code: "PRESC-REFUS-10", Severity: spie.SeverityError, FR: "un refus exige un motif codé (et un commentaire pour « autre »), et seulement un refus", EN: "a refusal needs a coded reason (and a comment for \"autre\"), and only a refusal", Source: "fiche de prescription unique : un refus est motivé (motifs codés, pratique Dora)"}
	FaultPrescNotMobilisable = &spie.FaultType{Code: "PRESC-MOBILISABLE-10", Severity: spie.SeverityError, FR: "le service n'est pas mobilisable par %s", EN: "the service cannot be mobilised by %s", Source: "data·inclusion v1, Service.mobilisable_par (PersonneMobilisatrice)"}
	FaultPrescNoContact      = &spie.FaultType{Code: "PRESC-CONTACT-10", Severity: spie.SeverityError, FR: "le service ne peut pas recevoir de prescription : aucun contact pour ses modes de mobilisation", EN: "the service cannot receive a prescription: no contact for its mobilisation modes", Source: "data·inclusion v1, Service.modes_mobilisation et ses contacts (courriel, téléphone, lien)"}
	FaultPrescExpiry         = &spie.FaultType{Code: "PRESC-EXPIRATION-10", Severity: spie.SeverityError, FR: "expiration prématurée : la prescription envoyée le %s n'expire que le %s", EN: "early expiry: sent on %s, expires only on %s", Source: "RULES.md §4 : expiration d'une demande d'orientation après 30 jours (pratique Dora)"}
	FaultPrescSender         = &spie.FaultType{Code: "PRESC-EMETTEUR-01", Severity: spie.SeverityError, FR: "un référent doit indiquer le SIRET de sa structure", EN: "a referent must give the SIRET of their structure", Source: "RULES.md §11 : structure identifiée par un SIRET valide"}
	FaultPrescNeed           = &spie.FaultType{Code: "PRESC-BESOIN-01", Severity: spie.SeverityError, FR: "besoin %q inconnu : un frein est une thématique SPIE, un besoin une clé du référentiel des besoins", EN: "unknown need %q: a frein is a SPIE thématique, a besoin a key of the besoins catalogue", Source: "RULES.md §1 (thématiques SPIE) et §2 (besoins du projet professionnel, DSP France Travail)"}
	FaultPrescLate           = &spie.FaultType{Code: "PRESC-DELAI-10", Severity: spie.SeverityWarning, FR: "réponse au-delà de l'engagement de %s", EN: "answer beyond the %s commitment", Source: "RULES.md §4 : réponse à une prescription sous 72 heures (guide de l'Aisne)"}
)

// CanReceive returns the faults that forbid sending a prescription from
// role to the service: mobilisable_par excluding the sender, no contact for
// any of its modes de mobilisation (or no mode and no contact at all).
func (s *Service) CanReceive(role SenderRole) spie.Faults {
	var fs spie.Faults
	def, _ := SenderRoles.Get(string(role))
	if len(s.MobilisablePar) > 0 {
		ok := false
		for _, p := range def.Map["data-inclusion/personne-mobilisatrice"] {
			ok = ok || contains(s.MobilisablePar, PersonneMobilisatrice(p))
		}
		if !ok {
			fs = append(fs, FaultPrescNotMobilisable.At(spie.Pointer("service", "mobilisable_par"), labelArg(SenderRoles, string(role))))
		}
	}
	reachable := false
	if len(s.ModesMobilisation) > 0 {
		for _, m := range s.ModesMobilisation {
			reachable = reachable || s.missingContact(m) == ""
		}
	} else {
		empty := func(p *string) bool { return p == nil || strings.TrimSpace(*p) == "" }
		reachable = !empty(s.Telephone) || !empty(s.Courriel) || !empty(s.LienMobilisation)
	}
	if !reachable {
		fs = append(fs, FaultPrescNoContact.At(spie.Pointer("service", "modes_mobilisation")))
	}
	return fs
}

// Check returns the faults of the prescription at the date now: content,
// commitment, the journal (every transition allowed, in time order, ending
// in the current state) and the refusal.
func (p *Prescription) Check(now time.Time) spie.Faults {
	var fs spie.Faults
	req := func(ok bool, tokens ...any) {
		if !ok {
			fs = append(fs, FaultPrescRequired.At(spie.Pointer(tokens...)))
		}
	}
	req(strings.TrimSpace(p.ID) != "", "id")
	req(len(strings.TrimSpace(p.Motif)) > 0, "motif")
	req(p.Person.ID != "", "personne", "id")
	req(p.Need.Key != "", "besoin", "cle")
	if p.Need.Key != "" {
		ok := false
		switch p.Need.Kind {
		case "frein":
			ok = diagnostic.FreinThematiques.Has(p.Need.Key)
		case "besoin":
			ok = diagnostic.BesoinDefinitions.Has(p.Need.Key)
		}
		if !ok {
			fs = append(fs, FaultPrescNeed.At(spie.Pointer("besoin"), p.Need.Kind+"/"+p.Need.Key))
		}
	}
	if !PrescriptionStates.Has(string(p.State)) {
		fs = append(fs, FaultPrescValue.At(spie.Pointer("etat"), string(p.State), listStates))
	}
	if !SenderRoles.Has(string(p.Sender.Role)) {
		fs = append(fs, FaultPrescValue.At(spie.Pointer("emetteur", "role"), string(p.Sender.Role), ListSenders))
	}
	if p.Sender.Role == SenderReferent {
		if p.Sender.StructureSIRET == "" {
			fs = append(fs, FaultPrescSender.At(spie.Pointer("emetteur", "siret_structure")))
		} else {
			fs = append(fs, spie.CheckIdentifier(p.Sender.StructureSIRET, spie.Pointer("emetteur", "siret_structure"))...)
		}
	}
	if p.Person.Commune != "" {
		path := spie.Pointer("personne", "code_commune")
		if f := spie.CheckIdentifier(p.Person.Commune, path); len(f) > 0 {
			fs = append(fs, f...)
		} else {
			fs = append(fs, territory.CheckCommune(p.Person.Commune, path)...)
		}
	} else {
		req(false, "personne", "code_commune")
	}
	if !p.DataProtection.Accepted {
		fs = append(fs, FaultPrescConsent.At(spie.Pointer("engagement_donnees", "accepte")))
	}
	for i, a := range p.Attachments {
		if !AttachmentTypes.Has(string(a.Type)) {
			fs = append(fs, FaultPrescValue.At(spie.Pointer("pieces_jointes", i, "type"), string(a.Type), listAttachments))
		}
		if !a.Provided && p.State != StateBrouillon {
			fs = append(fs, FaultPrescAttachment.At(spie.Pointer("pieces_jointes", i, "fournie"), labelArg(AttachmentTypes, string(a.Type))))
		}
	}
	for _, f := range p.Service.Check(now).Errors() {
		f.Path = "/service" + f.Path
		fs = append(fs, f)
	}
	fs = append(fs, p.checkJournal()...)
	switch {
	case p.State == StateRefusee && (p.Refusal == nil || !RefusalReasons.Has(string(p.Refusal.Reason)) ||
		(p.Refusal.Reason == "autre" && strings.TrimSpace(p.Refusal.Comment) == "")):
		fs = append(fs, FaultPrescRefusal.At(spie.Pointer("refus")))
	case p.State != StateRefusee && p.Refusal != nil:
		fs = append(fs, FaultPrescRefusal.At(spie.Pointer("refus")))
	}
	fs.Sort()
	return fs
}

func (p *Prescription) checkJournal() spie.Faults {
	var fs spie.Faults
	state := StateBrouillon
	var last time.Time
	for i, t := range p.Journal {
		path := spie.Pointer("journal", i)
		if t.From != state {
			fs = append(fs, FaultPrescJournal.At(path, "la transition part de « "+string(t.From)+" » au lieu de « "+string(state)+" »"))
		}
		if !t.From.CanMoveTo(t.To) {
			fs = append(fs, FaultPrescTransition.At(path, string(t.From), string(t.To)))
		}
		if t.At.Before(last) {
			fs = append(fs, FaultPrescJournal.At(spie.Join(path, "le"), "date antérieure à la transition précédente"))
		}
		if strings.TrimSpace(t.By) == "" {
			fs = append(fs, FaultPrescRequired.At(spie.Join(path, "par")))
		}
		state, last = t.To, t.At
	}
	if PrescriptionStates.Has(string(p.State)) && state != p.State {
		fs = append(fs, FaultPrescJournal.At(spie.Pointer("etat"), "le journal mène à « "+string(state)+" », pas à « "+string(p.State)+" »"))
	}
	return fs
}

// SentAt returns when the prescription was sent.
func (p *Prescription) SentAt() (time.Time, bool) {
	for _, t := range p.Journal {
		if t.To == StateEnvoyee {
			return t.At, true
		}
	}
	return time.Time{}, false
}

// move applies a transition after the check, journaling it; on a refused
// transition the prescription is unchanged and the fault returned.
func (p *Prescription) move(to PrescriptionState, at time.Time, by, comment string, check func() spie.Faults) spie.Faults {
	if !p.State.CanMoveTo(to) {
		return spie.Faults{FaultPrescTransition.At(spie.Pointer("etat"), string(p.State), string(to))}
	}
	if check != nil {
		if fs := check(); !fs.Valid() {
			return fs
		}
	}
	p.Journal = append(p.Journal, Transition{From: p.State, To: to, At: at, By: by, Comment: comment})
	p.State = to
	return nil
}

// Send sends a draft: the prescription must be complete (Check without
// error) and the service able to receive it from the sender.
func (p *Prescription) Send(at time.Time, by string) spie.Faults {
	return p.move(StateEnvoyee, at, by, "", func() spie.Faults {
		draft := *p
		draft.State = StateEnvoyee
		draft.Journal = append(append([]Transition{}, p.Journal...), Transition{From: p.State, To: StateEnvoyee, At: at, By: by})
		fs := draft.Check(at)
		return append(fs, p.Service.CanReceive(p.Sender.Role)...)
	})
}

// Accept records the acceptance by the service. An answer later than the
// answer commitment is journaled with a warning returned.
func (p *Prescription) Accept(at time.Time, by string, d Deadlines) spie.Faults {
	if fs := p.move(StateAcceptee, at, by, "", nil); fs != nil {
		return fs
	}
	return p.lateness(at, d)
}

// Refuse records a refusal with its coded reason (a comment is required
// for "autre").
func (p *Prescription) Refuse(at time.Time, by string, reason RefusalReason, comment string, d Deadlines) spie.Faults {
	r := &Refusal{Reason: reason, Comment: comment}
	fs := p.move(StateRefusee, at, by, comment, func() spie.Faults {
		if !RefusalReasons.Has(string(reason)) || (reason == "autre" && strings.TrimSpace(comment) == "") {
			return spie.Faults{FaultPrescRefusal.At(spie.Pointer("refus"))}
		}
		return nil
	})
	if fs != nil {
		return fs
	}
	p.Refusal = r
	return p.lateness(at, d)
}

// Expire ends an unanswered prescription once the expiry delay has passed.
func (p *Prescription) Expire(now time.Time, d Deadlines) spie.Faults {
	return p.move(StateExpiree, now, "système", "", func() spie.Faults {
		sent, _ := p.SentAt()
		if end := sent.Add(d.Expiry); now.Before(end) {
			where := string(p.Person.Commune) // dates as the person's territory reads them
			return spie.Faults{FaultPrescExpiry.At(spie.Pointer("etat"), string(spie.DateIn(sent, where)), string(spie.DateIn(end, where)))}
		}
		return nil
	})
}

func (p *Prescription) lateness(at time.Time, d Deadlines) spie.Faults {
	if sent, ok := p.SentAt(); ok && at.Sub(sent) > d.Answer {
		return spie.Faults{FaultPrescLate.At(spie.Pointer("journal", len(p.Journal)-1), d.Answer.String())}
	}
	return nil
}

// Follow-up of a sent prescription at a date.
type FollowUp struct {
	AnswerDue   time.Time `json:"reponse_attendue_le"`
	ReminderAt  time.Time `json:"relance_le"`
	ExpiresAt   time.Time `json:"expire_le"`
	AnswerLate  bool      `json:"reponse_en_retard"`
	ReminderDue bool      `json:"relance_due"`
	Expired     bool      `json:"expiration_due"`
}

// FollowUp returns the deadlines of a sent prescription and which are due
// at now; ok is false when it is not awaiting an answer.
func (p *Prescription) FollowUp(now time.Time, d Deadlines) (FollowUp, bool) {
	sent, ok := p.SentAt()
	if !ok || p.State != StateEnvoyee {
		return FollowUp{}, false
	}
	f := FollowUp{AnswerDue: sent.Add(d.Answer), ReminderAt: sent.Add(d.Reminder), ExpiresAt: sent.Add(d.Expiry)}
	f.AnswerLate = now.After(f.AnswerDue)
	f.ReminderDue = !now.Before(f.ReminderAt)
	f.Expired = !now.Before(f.ExpiresAt)
	return f, true
}

// The lists PRESC-VALEUR-01 names, in French and English (its templates end
// with "de la liste %s" and "not in the list %s").
var (
	listStates      = spie.Label{FR: "des états", EN: "of states"}
	listAttachments = spie.Label{FR: "des pièces", EN: "of attachments"}
	// ListSenders is the list of sender roles, as PRESC-VALEUR-01 names it.
	ListSenders = spie.Label{FR: "des émetteurs", EN: "of senders"}
)

// labelArg is the label of key in defs as a fault argument: French in the
// fault's message, English in its message_en (spie.FaultType.At); the key
// itself when unknown.
func labelArg(defs spie.Definitions, key string) any {
	if d, ok := defs.Get(key); ok {
		return d.Label
	}
	return key
}
