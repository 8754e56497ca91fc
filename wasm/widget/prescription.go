package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

// prescriptionDraft is the fiche de prescription being filled for a service.
type prescriptionDraft struct {
	p      offer.Prescription
	faults spie.Faults
	tried  bool
	sent   bool
}

func newPrescriptionDraft(s *offer.Service, commune string) *prescriptionDraft {
	now := Clock()
	d := &prescriptionDraft{p: offer.Prescription{
		ID:        "presc-" + now.UTC().Format("20060102-150405"),
		State:     offer.StateBrouillon,
		Sender:    offer.Sender{Role: offer.SenderReferent},
		Person:    offer.PrescriptionPerson{Commune: spie.CommuneCode(commune)},
		Need:      offer.PrescriptionNeed{Kind: "frein"},
		CreatedAt: now.UTC().Truncate(1e9),
	}}
	if s != nil {
		d.p.Service = *s
	}
	return d
}

// FaultMotif says that the reason is too short for the service to act on it.
var FaultMotif = spie.NewFaultType("INPUT-FORM-02", spie.SeverityError,
	"motif trop court : 10 caractères au moins", "reason too short: at least 10 characters").WithSource("hygiène d'entrée propre à socle : motif de prescription explicite (widget prescription)")

// check runs the library's rules on the fiche and the form's own.
func (d *prescriptionDraft) check() spie.Faults {
	fs := d.p.Check(Clock())
	req := func(empty bool, tokens ...any) {
		if empty {
			fs = append(fs, FaultRequired.At(spie.Pointer(tokens...)))
		}
	}
	req(strings.TrimSpace(d.p.Person.ID) == "", "personne", "id")
	req(d.p.Sender.Name == "", "emetteur", "nom")
	req(d.p.Need.Key == "", "besoin", "cle")
	if n := len([]rune(strings.TrimSpace(d.p.Motif))); n > 0 && n < 10 {
		fs = append(fs, FaultMotif.At(spie.Pointer("motif")))
	} else if n == 0 {
		req(true, "motif")
	}
	fs.Sort()
	return fs
}

func (d *prescriptionDraft) field(path, label, hint string, required bool) fieldState {
	f := fieldState{path: path, label: label, hint: hint, required: required}
	if d.tried {
		for _, x := range d.faults {
			if x.Path == path {
				f.faults = append(f.faults, x)
			}
		}
	}
	return f
}

func (d *prescriptionDraft) submit(b *Bridge) {
	d.tried = true
	if d.p.DataProtection.Accepted && d.p.DataProtection.Date == "" {
		d.p.DataProtection.Date = spie.DateIn(Clock(), string(d.p.Person.Commune))
	}
	d.faults = d.check()
	if !d.faults.Valid() {
		b.Error(d.faults.Errors())
		return
	}
	d.sent = true
	b.Submit(d.p, d.faults)
}

func (d *prescriptionDraft) render(b *Bridge, back func(app.Context)) app.UI {
	p := &d.p
	if d.sent {
		return app.Div().ID("prescription-envoyee").Class("fr-alert fr-alert--success").Body(
			app.H2().ID("prescription-titre").TabIndex(-1).Class("fr-alert__title").Text("Prescription prête à l'envoi"),
			app.P().Text("La fiche vers « "+p.Service.Nom+" » a passé les règles du socle et a été transmise."),
		)
	}
	var errs spie.Faults
	if d.tried {
		errs = d.faults.Errors()
	}
	return app.Div().Body(
		app.H2().ID("prescription-titre").TabIndex(-1).Class("fr-h5").Text("Orienter vers « "+p.Service.Nom+" »"),
		app.Div().Body(app.If(len(errs) > 0, func() app.UI {
			return errorSummary("erreurs-prescription", errs, func(path string) string { return path }, func(ctx app.Context, path string) {})
		})),
		app.Form().ID("prescription").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			d.submit(b)
		}).Body(
			textInput(d.field("/emetteur/nom", "Votre nom", "", true), "text", p.Sender.Name, func(ctx app.Context, v string) { p.Sender.Name = v }),
			textInput(d.field("/emetteur/siret_structure", "SIRET de votre structure", "14 chiffres.", true), "text", string(p.Sender.StructureSIRET),
				func(ctx app.Context, v string) { p.Sender.StructureSIRET = spie.SIRET(strings.ReplaceAll(v, " ", "")) }),
			textInput(d.field("/personne/id", "Identifiant de la personne", "Identifiant pseudonyme.", true), "text", p.Person.ID, func(ctx app.Context, v string) { p.Person.ID = v }),
			selectInput(d.field("/besoin/cle", "Frein auquel répond l'orientation", "", true), spie.Thematiques, p.Need.Key, "— Choisir —",
				func(ctx app.Context, v string) { p.Need = offer.PrescriptionNeed{Kind: "frein", Key: v} }),
			app.Div().Class("fr-input-group").Body(
				app.Label().Class("fr-label").For("champ-motif").Text("Motif de l'orientation (10 caractères au moins)"),
				app.Textarea().ID("champ-motif").Class("fr-input").Text(p.Motif).
					OnInput(func(ctx app.Context, e app.Event) { p.Motif = ctx.JSSrc().Get("value").String() }),
				d.field("/motif", "", "", true).errorUI(),
			),
			checkbox(d.field("/engagement_donnees/accepte", "La personne est informée ; seules les données nécessaires sont partagées", "", true), p.DataProtection.Accepted,
				func(ctx app.Context, v bool) { p.DataProtection.Accepted = v }),
			app.Div().Class("spie-actions").Body(
				app.Button().Type("button").ID("retour").Class("fr-btn fr-btn--secondary").Text("Retour").
					OnClick(func(ctx app.Context, e app.Event) { back(ctx) }),
				app.Button().Type("submit").ID("envoyer-prescription").Class("fr-btn").Text("Envoyer la prescription"),
			),
		),
	)
}

// PrescriptionForm is the referral form for one service of the catalogue
// (the first one, or the one the partner names in {"service": id}).
type PrescriptionForm struct {
	app.Compo
	bridge Bridge
	draft  *prescriptionDraft
}

func (c *PrescriptionForm) init() {
	if c.draft == nil {
		var s *offer.Service
		if res, err := DemoCatalogue().Search(offer.Query{Commune: "02691", Now: Clock(), Limit: 1}); err == nil && len(res) > 0 {
			s = res[0].Service
		}
		c.draft = newPrescriptionDraft(s, "02691")
	}
}

// OnPreRender prepares the form for the test engine.
func (c *PrescriptionForm) OnPreRender(ctx app.Context) { c.init() }

// OnMount starts the channel with the partner.
func (c *PrescriptionForm) OnMount(ctx app.Context) {
	c.init()
	c.bridge.Widget = "prescription"
	c.bridge.Start(ctx, nil)
}

// Render draws the form.
func (c *PrescriptionForm) Render() app.UI {
	c.init()
	return page("prescription", c.draft.render(&c.bridge, func(ctx app.Context) { c.draft = nil; c.init() }))
}
