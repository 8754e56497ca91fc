//go:build !spie_widget_diagnostic && !spie_widget_carnet && !spie_widget_indicateurs

package widget

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// Faults of the prescription widgets (the prescription widget, and the form
// « Orienter » opens in the offre widget).
var (
	FaultMotif = spie.NewFaultType("INPUT-FORM-02", spie.SeverityError,
		"motif trop court : 10 caractères au moins", "reason too short: at least 10 characters").WithSource("hygiène d'entrée propre à socle : motif de prescription explicite (widget prescription)")
	FaultPrescData = spie.NewFaultType("WIDGET-PRESC-01", spie.SeverityError,
		"données de la prescription illisibles : le widget attend {\"service\": …, \"personne\": …, \"emetteur\": …}",
		"unreadable referral data: the widget expects {\"service\": …, \"personne\": …, \"emetteur\": …}").
		WithSource("hygiène d'entrée propre à socle : message du portail au widget prescription (service data·inclusion v1, personne, prescripteur)")
	FaultPrescService = spie.NewFaultType("WIDGET-PRESC-02", spie.SeverityError,
		"service visé absent : le portail doit envoyer le service choisi (data·inclusion v1)",
		"target service missing: the portal must send the chosen service (data·inclusion v1)").
		WithSource("fiche de prescription unique : la prescription vise un service ; le widget ne choisit jamais un service d'exemple")
	FaultPrescOutcome = spie.NewFaultType("WIDGET-PRESC-03", spie.SeverityError,
		"confirmation d'envoi illisible : le portail doit renvoyer la fiche de prescription envoyée",
		"unreadable sending confirmation: the portal must send back the sent referral").
		WithSource("contrat du navigateur (issue 15) : le portail applique offer.Prescription.Send et renvoie la fiche envoyée, que le widget vérifie avant d'afficher « transmise »")
	FaultPrescOutcomeOther = spie.NewFaultType("WIDGET-PRESC-04", spie.SeverityError,
		"la fiche confirmée n'est pas celle que le widget a proposée",
		"the confirmed referral is not the one the widget proposed").
		WithSource("contrat du navigateur (issue 15) : la confirmation porte sur la fiche proposée (même identifiant, même contenu : offer.Prescription.Send ne change que l'état et le journal)")
	FaultPrescOutcomeNotSent = spie.NewFaultType("WIDGET-PRESC-05", spie.SeverityError,
		"la fiche confirmée n'est pas dans l'état « envoyée »",
		"the confirmed referral is not in the « envoyee » state").
		WithSource("cycle de vie de la prescription de socle : « transmise » suppose l'envoi consigné au journal (offer.Prescription.Send)")
)

// prescriptionFields are the fields of the fiche de prescription the form
// shows, keyed by their JSON Pointer: their labels and hints, used by the
// form and by its error summary.
var prescriptionFields = spie.Definitions{
	{Key: "/emetteur/nom", Label: spie.Label{FR: "Votre nom", EN: "Your name"}},
	{Key: "/emetteur/siret_structure", Label: spie.Label{FR: "SIRET de votre structure", EN: "SIRET of your organisation"},
		Description: spie.Label{FR: "14 chiffres.", EN: "14 digits."}},
	{Key: "/personne/id", Label: spie.Label{FR: "Identifiant de la personne", EN: "Identifier of the person"},
		Description: spie.Label{FR: "Identifiant pseudonyme.", EN: "Pseudonymous identifier."}},
	{Key: "/personne/code_commune", Label: spie.Label{FR: "Code INSEE de la commune de la personne", EN: "INSEE code of the person's town"}},
	{Key: "/besoin", Label: spie.Label{FR: "Frein auquel répond l'orientation", EN: "Barrier the referral answers"}},
	{Key: "/besoin/cle", Label: spie.Label{FR: "Frein auquel répond l'orientation", EN: "Barrier the referral answers"}},
	{Key: "/motif", Label: spie.Label{FR: "Motif de l'orientation", EN: "Reason for the referral"},
		Description: spie.Label{FR: "10 caractères au moins.", EN: "At least 10 characters."}},
	{Key: "/engagement_donnees/accepte", Label: spie.Label{FR: "La personne est informée ; seules les données nécessaires sont partagées", EN: "The person is informed; only the necessary data is shared"}},
	{Key: "/service", Label: spie.Label{FR: "Service visé", EN: "Target service"}},
	{Key: "/emetteur", Label: spie.Label{FR: "Prescripteur", EN: "Prescriber"}},
	{Key: "", Label: spie.Label{FR: "Fiche de prescription", EN: "Referral form"}},
}

// fieldLabel returns the label of the field at path, or of the nearest
// enclosing part of the fiche the form names.
func fieldLabel(path string) string {
	for p := path; ; p = p[:strings.LastIndex(p, "/")] {
		if prescriptionFields.Has(p) {
			return labelOf(prescriptionFields, p)
		}
		if p == "" {
			return ""
		}
	}
}

// PrescriptionProposal is what the widget hands back with a fiche that
// passed the library's rules (the result of spie:submit): the transition it
// proposes, offer.Prescription.Send at le by par, which the partner's server
// applies, and the deadlines the library computes if it does (suivi).
type PrescriptionProposal struct {
	Operation string         `json:"operation"` // "envoyer"
	At        time.Time      `json:"le"`
	By        string         `json:"par"`
	FollowUp  offer.FollowUp `json:"suivi"`
}

// prescriptionDraft is the fiche de prescription being filled for a service,
// and where it is in its life: proposed to the partner (« prête à être
// transmise »), then sent by the partner (« transmise »).
type prescriptionDraft struct {
	p        offer.Prescription
	faults   spie.Faults
	tried    bool
	proposed bool
	sent     *offer.Prescription // the partner's confirmation, checked
	due      offer.FollowUp      // its deadlines (offer.Prescription.FollowUp)
	focus    func(id string)
}

func newPrescriptionDraft(s *offer.Service, person offer.PrescriptionPerson, sender offer.Sender) *prescriptionDraft {
	now := Clock()
	if sender.Role == "" {
		sender.Role = offer.SenderReferent
	}
	d := &prescriptionDraft{p: offer.Prescription{
		ID:        newID("presc-" + now.UTC().Format("20060102-150405")),
		State:     offer.StateBrouillon,
		Sender:    sender,
		Person:    person,
		Need:      offer.PrescriptionNeed{Kind: "frein"},
		CreatedAt: now.UTC().Truncate(time.Second),
	}, focus: func(string) {}}
	if s != nil {
		d.p.Service = *s
	}
	return d
}

// check runs the library's rules on the fiche and the form's own (the
// sender's name, a reason of 10 characters at least), one fault per fact
// and field.
func (d *prescriptionDraft) check() spie.Faults {
	fs := d.p.Check(Clock())
	if strings.TrimSpace(d.p.Sender.Name) == "" {
		fs = append(fs, FaultRequired.At(spie.Pointer("emetteur", "nom")))
	}
	if n := len([]rune(strings.TrimSpace(d.p.Motif))); n > 0 && n < 10 {
		fs = append(fs, FaultMotif.At(spie.Pointer("motif")))
	}
	return unique(fs)
}

// unique keeps the first fault of each code and path, sorted.
func unique(fs spie.Faults) spie.Faults {
	seen := map[[2]string]bool{}
	out := fs[:0:0]
	for _, f := range fs {
		k := [2]string{f.Code, f.Path}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	out.Sort()
	return out
}

func (d *prescriptionDraft) field(path string, required bool) fieldState {
	f := fieldState{path: path, label: labelOf(prescriptionFields, path), hint: hintOf(prescriptionFields, path), required: required}
	if d.tried {
		for _, x := range d.faults {
			if x.Path == path {
				f.faults = append(f.faults, x)
			}
		}
	}
	return f
}

// submit checks the fiche with the library, tries the library's Send on a
// copy and, when both pass, hands the partner the fiche ready to send with
// the proposed Send: the widget never sends it itself.
func (d *prescriptionDraft) submit(b *Bridge) {
	d.tried = true
	now := Clock()
	if d.p.DataProtection.Accepted && d.p.DataProtection.Date == "" {
		d.p.DataProtection.Date = spie.DateIn(now, string(d.p.Person.Commune))
	}
	d.faults = d.check()
	var proposal PrescriptionProposal
	if d.faults.Valid() {
		trial := d.p
		trial.Journal = append([]offer.Transition(nil), d.p.Journal...)
		by := strings.TrimSpace(d.p.Sender.Name)
		if fs := trial.Send(now, by); !fs.Valid() {
			d.faults = unique(append(d.faults, fs...))
		} else {
			fu, _ := trial.FollowUp(now, offer.DefaultDeadlines)
			proposal = PrescriptionProposal{Operation: "envoyer", At: now, By: by, FollowUp: fu}
		}
	}
	if !d.faults.Valid() {
		b.Error(d.faults.Errors())
		d.focus("erreurs-prescription")
		return
	}
	d.proposed = true
	b.SubmitResult(d.p, d.faults, proposal)
	d.focus("prescription-titre")
}

// outcome reads the partner's confirmation: the fiche its server sent with
// offer.Prescription.Send. It must be this fiche, sent, and pass the
// library's rules; the widget then shows « transmise » with the deadlines
// offer.Prescription.FollowUp computes. It returns the faults of a refused
// confirmation, for spie:error; the fiche then stays « prête à être
// transmise ».
func (d *prescriptionDraft) outcome(data json.RawMessage) spie.Faults {
	var p offer.Prescription
	if err := json.Unmarshal(data, &p); err != nil {
		return spie.Faults{FaultPrescOutcome.At("")}
	}
	if !d.proposed || p.ID != d.p.ID {
		return spie.Faults{FaultPrescOutcomeOther.At(spie.Pointer("id"))}
	}
	if !sameFiche(p, d.p) {
		return spie.Faults{FaultPrescOutcomeOther.At("")}
	}
	if errs := p.Check(Clock()).Errors(); len(errs) > 0 {
		return errs
	}
	fu, ok := p.FollowUp(Clock(), offer.DefaultDeadlines)
	if !ok {
		return spie.Faults{FaultPrescOutcomeNotSent.At(spie.Pointer("etat"))}
	}
	d.sent, d.due = &p, fu
	d.focus("prescription-titre")
	return nil
}

// sameFiche reports whether the confirmed fiche is the proposed one: Send
// changes only its state and appends to its journal, so everything else
// (person, service, need, reason, prescriber…) must be the same, and the
// proposed journal must be the start of the confirmed one. An identifier
// alone is not enough: the partner may send another fiche under it.
func sameFiche(sent, proposed offer.Prescription) bool {
	if len(sent.Journal) < len(proposed.Journal) {
		return false
	}
	head, _ := json.Marshal(append([]offer.Transition{}, sent.Journal[:len(proposed.Journal)]...))
	was, _ := json.Marshal(append([]offer.Transition{}, proposed.Journal...))
	sent.State, sent.Journal, proposed.State, proposed.Journal = "", nil, "", nil
	a, errA := json.Marshal(sent)
	b, errB := json.Marshal(proposed)
	return errA == nil && errB == nil && string(a) == string(b) && string(head) == string(was)
}

// Sent reports whether the partner confirmed the sending, and the answer
// deadline the library computed.
func (d *prescriptionDraft) Sent() (time.Time, bool) {
	if d.sent == nil {
		return time.Time{}, false
	}
	return d.due.AnswerDue, true
}

// frenchTime writes an instant as the person's territory reads it, in the
// page's language: 28/11/2026 à 10 h 00; 28 November 2026 at 10:00.
func frenchTime(t time.Time, commune spie.CommuneCode) string {
	return t.In(spie.TimeZone(string(commune))).Format(prescText.TimeLayout.String())
}

func (d *prescriptionDraft) render(b *Bridge, back func(app.Context)) app.UI {
	p := &d.p
	if d.sent != nil {
		sent, _ := d.sent.SentAt()
		hours := strconv.FormatFloat(offer.DefaultDeadlines.Answer.Hours(), 'f', -1, 64)
		return app.Div().ID("prescription-transmise").Class("fr-alert fr-alert--success").Body(
			app.H2().ID("prescription-titre").TabIndex(-1).Class("fr-alert__title").Text(prescText.Sent.String()),
			app.P().Text(fmt.Sprintf(prescText.SentText.String(), quote(p.Service.Nom), frenchTime(sent, p.Person.Commune))),
			app.P().ID("prescription-echeance").Text(fmt.Sprintf(prescText.Deadline.String(), hours, frenchTime(d.due.AnswerDue, p.Person.Commune))),
		)
	}
	if d.proposed {
		return app.Div().ID("prescription-prete").Class("fr-alert fr-alert--info").Body(
			app.H2().ID("prescription-titre").TabIndex(-1).Class("fr-alert__title").Text(prescText.Ready.String()),
			app.P().Text(fmt.Sprintf(prescText.ReadyText.String(), quote(p.Service.Nom))),
		)
	}
	var errs spie.Faults
	if d.tried {
		errs = d.faults.Errors()
	}
	return app.Div().Body(
		app.H2().ID("prescription-titre").TabIndex(-1).Class("fr-h5").Text(fmt.Sprintf(prescText.Title.String(), quote(p.Service.Nom))),
		app.Div().Body(app.If(len(errs) > 0, func() app.UI {
			return errorSummary("erreurs-prescription", errs, fieldLabel, func(ctx app.Context, path string) {
				if el := app.Window().GetElementByID(fieldID(path)); el.Truthy() {
					el.Call("focus")
				}
			})
		})),
		app.Form().ID("prescription").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			d.submit(b)
		}).Body(
			textInput(d.field("/emetteur/nom", true), "text", p.Sender.Name, func(ctx app.Context, v string) { p.Sender.Name = v }),
			textInput(d.field("/emetteur/siret_structure", true), "text", string(p.Sender.StructureSIRET),
				func(ctx app.Context, v string) { p.Sender.StructureSIRET = spie.SIRET(strings.ReplaceAll(v, " ", "")) }),
			textInput(d.field("/personne/id", true), "text", p.Person.ID, func(ctx app.Context, v string) { p.Person.ID = v }),
			textInput(d.field("/personne/code_commune", true), "text", string(p.Person.Commune),
				func(ctx app.Context, v string) { p.Person.Commune = spie.CommuneCode(strings.TrimSpace(v)) },
				func(in app.HTMLInput) app.HTMLInput { return in.Attr("inputmode", "numeric") }),
			selectInput(d.field("/besoin/cle", true), spie.Thematiques, p.Need.Key, commonText.Choose.String(),
				func(ctx app.Context, v string) { p.Need = offer.PrescriptionNeed{Kind: "frein", Key: v} }),
			d.motifField(),
			checkbox(d.field("/engagement_donnees/accepte", true), p.DataProtection.Accepted,
				func(ctx app.Context, v bool) { p.DataProtection.Accepted = v }),
			app.Div().Class("spie-actions").Body(
				app.If(back != nil, func() app.UI {
					return app.Button().Type("button").ID("retour").Class("fr-btn fr-btn--secondary").Text(prescText.Back.String()).
						OnClick(func(ctx app.Context, e app.Event) { back(ctx) })
				}),
				app.Button().Type("submit").ID("envoyer-prescription").Class("fr-btn").Text(prescText.Propose.String()),
			),
		),
	)
}

// motifField is the reason, a textarea with the field's label, hint and faults.
func (d *prescriptionDraft) motifField() app.UI {
	f := d.field("/motif", true)
	ta := app.Textarea().ID(f.id()).Name(f.path).Class(groupClass("fr-input", f)).Required(true).Text(d.p.Motif).
		OnInput(func(ctx app.Context, e app.Event) { d.p.Motif = ctx.JSSrc().Get("value").String() })
	if db := f.describedBy(); db != "" {
		ta = ta.Aria("describedby", db)
	}
	if f.hasError() {
		ta = ta.Aria("invalid", "true")
	}
	return app.Div().Class(groupClass("fr-input-group", f)).Body(f.labelUI(), ta, f.errorUI())
}

// PrescriptionInit is what the partner sends to the prescription widget:
// the chosen service (data·inclusion v1), the person (minimal data of the
// fiche: pseudonymous id, commune…) and the prescriber (role, name, SIRET
// of the structure). Only the service is required; the form asks what the
// rest lacks.
type PrescriptionInit struct {
	Service json.RawMessage           `json:"service"`
	Person  *offer.PrescriptionPerson `json:"personne,omitempty"`
	Sender  *offer.Sender             `json:"emetteur,omitempty"`
}

// PrescriptionForm is the referral form for the service the partner sends.
type PrescriptionForm struct {
	app.Compo
	bridge  Bridge
	ctx     app.Context
	hasCtx  bool
	draft   *prescriptionDraft
	loadErr string
	// communes holds the partner's data until the table of communes has
	// arrived: the service's zones and the person's commune need it.
	communes communesGate
}

// OnMount starts the channel with the partner.
func (c *PrescriptionForm) OnMount(ctx app.Context) {
	c.ctx, c.hasCtx = ctx, true
	c.bridge.Widget = "prescription"
	c.communes.watch(ctx, &c.bridge, nil)
	c.bridge.OnOutcome(func(ctx app.Context, data json.RawMessage) {
		if c.draft != nil {
			if fs := c.draft.outcome(data); len(fs) > 0 {
				c.bridge.Error(fs)
			}
		}
	})
	c.bridge.Start(ctx, func(ctx app.Context, in Init) {
		if fs := c.Init(in.Data); len(fs) > 0 {
			c.bridge.Error(fs)
		}
	})
}

// Init applies the partner's data (PrescriptionInit) and returns the faults
// of refused data: unreadable, no service, a service the library refuses
// (offer.DecodeService) or that cannot receive a prescription from this
// prescriber (offer.Service.CanReceive), an unknown prescriber role. Data
// that comes before the table of communes is applied once the table has
// arrived (its faults then posted with spie:error); if the table cannot
// come, the data is refused with WIDGET-CHARGEMENT-07.
func (c *PrescriptionForm) Init(data json.RawMessage) spie.Faults {
	c.draft, c.loadErr = nil, ""
	c.communes.drop() // new data, or none, replaces the data kept for the table
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	if fs, held := c.communes.hold(&c.bridge, func() spie.Faults { return c.Init(data) }); held {
		return fs
	}
	refuse := func(fs spie.Faults) spie.Faults {
		fs = unique(fs)
		c.loadErr = message(fs[0])
		return fs
	}
	var in PrescriptionInit
	if err := json.Unmarshal(data, &in); err != nil {
		return refuse(spie.Faults{FaultPrescData.At("")})
	}
	if len(in.Service) == 0 || string(in.Service) == "null" {
		return refuse(spie.Faults{FaultPrescService.At("/service")})
	}
	s, sfs := offer.DecodeService(in.Service, Clock())
	var fs spie.Faults
	for _, f := range sfs.Errors() {
		f.Path = "/service" + f.Path
		fs = append(fs, f)
	}
	if s == nil || len(fs) > 0 {
		if len(fs) == 0 {
			fs = spie.Faults{FaultPrescData.At("/service")}
		}
		return refuse(fs)
	}
	var person offer.PrescriptionPerson
	if in.Person != nil {
		person = *in.Person
	}
	var sender offer.Sender
	if in.Sender != nil {
		sender = *in.Sender
	}
	if sender.Role != "" && !offer.SenderRoles.Has(string(sender.Role)) {
		return refuse(spie.Faults{offer.FaultPrescValue.At("/emetteur/role", string(sender.Role), offer.ListSenders)})
	}
	d := newPrescriptionDraft(s, person, sender)
	if fs := s.CanReceive(d.p.Sender.Role); !fs.Valid() {
		return refuse(fs.Errors())
	}
	d.focus = c.focus
	c.draft = d
	return nil
}

func (c *PrescriptionForm) focus(id string) {
	if c.hasCtx {
		focus(c.ctx, id)
	}
}

// Render draws the form.
func (c *PrescriptionForm) Render() app.UI {
	if c.loadErr != "" {
		return page("prescription", alert("error", prescText.Refused.String(), app.P().ID("prescription-refus").Text(c.loadErr)))
	}
	if g := c.communes.render(); g != nil {
		return page("prescription", g)
	}
	if c.draft == nil {
		return page("prescription", app.P().Class("spie-attente").Text(prescText.Waiting.String()))
	}
	return page("prescription", c.draft.render(&c.bridge, nil))
}

// prescText are the prescription widget's own words, French and English.
var prescText = struct {
	TimeLayout, Sent, SentText, Deadline, Ready, ReadyText, Title, Back, Propose, Refused, Waiting text
}{
	TimeLayout: text{"02/01/2006 à 15 h 04", "2 January 2006 at 15:04"},
	Sent:       text{"Prescription transmise", "Referral sent"},
	SentText:   text{"La fiche vers %s a été transmise par le portail le %s.", "The form to %s was sent by the portal on %s."},
	Deadline:   text{"Le service s'engage à répondre sous %s heures : au plus tard le %s.", "The service undertakes to answer within %s hours: by %s at the latest."},
	Ready:      text{"Prescription prête à être transmise", "Referral ready to be sent"},
	ReadyText:  text{"La fiche vers %s a passé les règles du socle. Le portail la transmet au service ; cette page l'indiquera dès qu'il l'aura confirmé.", "The form to %s passed the rules of the common base. The portal sends it to the service; this page will say so as soon as the portal confirms it."},
	Title:      text{"Orienter vers %s", "Refer to %s"},
	Back:       text{"Retour", "Back"},
	Propose:    text{"Proposer la prescription", "Propose the referral"},
	Refused:    text{"Prescription refusée", "Referral refused"},
	Waiting:    text{"En attente du service choisi, envoyé par le portail.", "Waiting for the chosen service, sent by the portal."},
}

// RegisterPrescription declares the route of the prescription widget.
func RegisterPrescription() {
	route("prescription", func() app.Composer { return &PrescriptionForm{} })
}
