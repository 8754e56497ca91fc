//go:build !spie_widget_offre && !spie_widget_prescription && !spie_widget_indicateurs

package widget

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Faults of the data a partner sends to the carnet widget.
var (
	FaultCarnetData   = spie.NewFaultType("WIDGET-CARNET-01", spie.SeverityError, "données du carnet illisibles : le widget attend {\"carnet\": …, \"acteur\": …}", "unreadable carnet data: the widget expects {\"carnet\": …, \"acteur\": …}").WithSource("hygiène d'entrée propre à socle : message du portail au widget carnet ({\"carnet\", \"acteur\"})")
	FaultCarnetViewer = spie.NewFaultType("WIDGET-CARNET-02", spie.SeverityError, "lecteur du carnet non déclaré : le portail doit indiquer le rôle et la structure de qui consulte le carnet", "carnet viewer not declared: the portal must give the role and organisation of whoever views the carnet").WithSource("RULES.md §10 : chacun ne voit que ce que son rôle permet (santé : la personne et son référent, RGPD art. 9) ; le widget montre la vue du lecteur déclaré")
)

// FaultCarnetOtherViewer refuses a view computed for someone else than the
// viewer the partner declares (review 15: it used to show an empty carnet).
var FaultCarnetOtherViewer = spie.NewFaultType("WIDGET-CARNET-03", spie.SeverityError, "vue calculée pour un autre lecteur que celui que déclare le portail : rien n'est affiché", "view computed for another viewer than the one the portal declares: nothing is shown").WithSource("carnet.View : une vue (marque vue) n'est montrée qu'au lecteur pour qui elle a été calculée ; le portail envoie la vue de qui consulte")

// CarnetInit is what the partner sends to the carnet widget: the view of
// the carnet that its server computed for the viewer (carnet.View, or
// `spie view`), and that viewer (role among the carnet's roles, structure
// SIRET, professional). The partner authenticates the viewer; the widget
// shows nothing until both are given. Whatever it receives, the widget
// applies carnet.View for the declared viewer again before rendering
// (defence in depth): a full carnet sent by mistake shows only what the
// viewer may read, and only when its journal verifies (carnet.VerifiedView,
// without keys: the browser holds none); a view marked by carnet.View
// (field "vue") is rendered without verification, its journal being
// redacted. Sending the view, never the full carnet, is what keeps
// hidden data out of the browser.
type CarnetInit struct {
	Carnet *carnet.Carnet `json:"carnet,omitempty"`
	Viewer *carnet.Actor  `json:"acteur,omitempty"`
}

// CarnetView shows a carnet de bord as the declared viewer may see it: the
// timeline of contacts, the plan d'action, the alerts, and a form to propose
// a contact when the viewer's rights allow it (carnet.Authorize). The
// proposed change goes to the partner, whose server applies it (carnet.Apply).
type CarnetView struct {
	app.Compo
	bridge Bridge

	c       *carnet.Carnet // what the viewer may see, never more
	actor   carnet.Actor
	loadErr string // in the page's language
	draft   carnet.Contact
	commune spie.CommuneCode // the person's, read before the view hides sections
	faults  spie.Faults
	tried   bool
	added   string
}

// today is the date of Clock() in the person's territory (spie.DateIn), the
// date carnet.Apply judges the change on.
func (v *CarnetView) today() spie.Date { return spie.DateIn(Clock(), string(v.commune)) }

func (v *CarnetView) resetDraft() {
	v.draft = carnet.Contact{Date: v.today(), Kind: "rendez-vous", Channel: "presentiel", Result: "a-venir"}
	v.faults, v.tried = nil, false
}

// OnMount listens to the partner.
func (v *CarnetView) OnMount(ctx app.Context) {
	v.bridge.Widget = "carnet"
	v.bridge.Start(ctx, func(ctx app.Context, in Init) {
		if fs := v.Init(in.Data); len(fs) > 0 {
			v.bridge.Error(fs)
		}
	})
}

// Init applies the partner's data: the carnet (its view) and the viewer. It
// keeps only carnet.View of the carnet for that viewer today, and returns
// the faults of refused data (nothing is then shown): a full carnet whose
// journal does not verify is refused with the faults of carnet.VerifyCarnet.
func (v *CarnetView) Init(data json.RawMessage) spie.Faults {
	v.c, v.loadErr = nil, ""
	var in CarnetInit
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	if err := json.Unmarshal(data, &in); err != nil || in.Carnet == nil {
		f := FaultCarnetData.At("")
		v.loadErr = message(f)
		return spie.Faults{f}
	}
	if in.Viewer == nil || in.Viewer.Role == "" {
		f := FaultCarnetViewer.At("/acteur")
		v.loadErr = message(f)
		return spie.Faults{f}
	}
	v.actor = *in.Viewer
	v.commune = in.Carnet.Person.Commune
	viewer := carnet.Viewer{Actor: v.actor, On: v.today()}
	// Data the partner got wrong is refused, never shown as an empty
	// carnet (carnet.View gives the identifier only): a view computed for
	// another viewer than the one declared, a role the library does not
	// know. A viewer the rights leave nothing to read (not a member…)
	// sees the identifier and why they may not add anything.
	var refused spie.Faults
	switch {
	case in.Carnet.Mark != nil && in.Carnet.Mark.Viewer != v.actor:
		refused = spie.Faults{FaultCarnetOtherViewer.At("/carnet/vue/lecteur")}
	case !carnet.Roles.Has(string(v.actor.Role)):
		refused = spie.Faults{carnet.FaultRightsRole.At("/acteur/role", string(v.actor.Role))}
	}
	if len(refused) > 0 {
		v.loadErr = message(refused[0])
		return refused
	}
	if in.Carnet.Mark != nil {
		// a view computed by the partner's server: its journal is redacted
		// and is not verified again; View only narrows it to the viewer.
		v.c = carnet.View(in.Carnet, viewer)
	} else {
		view, fs := carnet.VerifiedView(in.Carnet, viewer, carnet.Trust{})
		if errs := fs.Errors(); len(errs) > 0 {
			v.loadErr = message(errs[0])
			return errs
		}
		v.c = view
	}
	v.resetDraft()
	return nil
}

// CanAddContact reports whether the viewer may add a contact today.
func (v *CarnetView) CanAddContact() (bool, string) {
	if v.c == nil {
		return false, ""
	}
	if f := carnet.Authorize(v.c, v.actor, "rendez-vous", "ecriture", v.today()); f != nil {
		return false, message(*f)
	}
	return true, ""
}

// AddContact checks the draft contact with the library's rights and rules
// on the viewer's carnet and, when they pass, hands the proposed change
// (carnet.Change) to the partner, whose server applies it; the carnet
// itself never leaves the widget.
func (v *CarnetView) AddContact(ctx app.Context) {
	v.tried = true
	d := v.draft
	// unique: the view may hide contacts, and two proposals may share a day
	d.ID = newID("rdv-" + string(d.Date))
	d.StructureSIRET = v.actor.StructureSIRET
	d.Professional = v.actor.Professional
	change := carnet.Change{Op: "ajouter", Target: "rendez_vous", ID: d.ID, Value: d, At: Clock()}
	trial := carnet.View(v.c, carnet.Viewer{Actor: v.actor, On: v.today()})
	trial.Person.Commune = v.commune // Apply dates the change where the person lives, as the server will
	fs := carnet.Apply(trial, change, v.actor)
	v.faults = fs
	if !fs.Valid() {
		v.added = ""
		v.bridge.Error(fs.Errors())
		if app.IsClient {
			focus(ctx, "erreurs-contact")
		}
		return
	}
	v.added = d.ID
	v.resetDraft()
	v.bridge.Submit(change, fs)
	if app.IsClient {
		focus(ctx, "contact-propose")
	}
}

// contactFields are the fields of the contact form, by the last segment of
// a fault's JSON Pointer (Apply points into /rendez_vous/i/…).
var contactFields = map[string]text{
	"date": carnetText.Date, "type": carnetText.Kind, "canal": carnetText.Channel,
	"resultat": carnetText.Result, "commentaire": carnetText.Comment,
}

// contactPath is the form's path of a fault of the proposed contact:
// /contact/<field> for a field of the form, the fault's own path otherwise.
func contactPath(p string) string {
	last := p[strings.LastIndex(p, "/")+1:]
	if _, ok := contactFields[last]; ok {
		return "/contact/" + last
	}
	return p
}

// Render draws the carnet.
func (v *CarnetView) Render() app.UI {
	if v.loadErr != "" {
		return page("carnet", alert("error", carnetText.Refused.String(), app.P().Text(v.loadErr)))
	}
	if v.c == nil {
		return page("carnet", app.P().Class("spie-attente").Text(carnetText.Waiting.String()))
	}
	c := v.c
	day := v.today()
	referent := ""
	for _, m := range c.Members {
		if m.Role == "referent" && m.Professional != "" {
			referent = m.Professional
		}
	}
	orientation := "—"
	if n := len(c.Orientations); n > 0 {
		b, _ := json.Marshal(c.Orientations[n-1])
		var o struct {
			Parcours string `json:"parcours"`
		}
		json.Unmarshal(b, &o)
		if o.Parcours != "" {
			orientation = labelOf(diagnostic.Pathways, o.Parcours)
		}
	}
	// The alerts of the view, kept only where the viewer may read what they
	// point at: a deadline of a part the view lacks would otherwise be
	// reported as missed (carnet.Visible).
	alerts := carnet.Visible(c, carnet.Viewer{Actor: v.actor, On: day}, c.Alerts(day, carnet.DefaultPolicy()))
	alertItems := make([]app.UI, 0, len(alerts))
	for _, a := range alerts {
		alertItems = append(alertItems, app.Li().Text(message(a)))
	}
	contacts := append([]carnet.Contact(nil), c.Contacts...)
	sort.SliceStable(contacts, func(i, j int) bool { return contacts[i].Date > contacts[j].Date })
	timeline := make([]app.UI, 0, len(contacts))
	for _, k := range contacts {
		text := labelOf(carnet.ContactKinds, string(k.Kind)) + " (" + labelOf(carnet.Channels, string(k.Channel)) + ")" + commonText.Colon.String() + labelOf(carnet.ContactResults, string(k.Result))
		if k.Professional != "" {
			text += " — " + k.Professional
		}
		timeline = append(timeline, app.Li().Body(
			app.P().Class("fr-text--bold fr-mb-0").Text(showDate(k.Date)),
			app.P().Class("fr-mb-0").Text(text),
			app.If(k.Comment != "", func() app.UI { return app.P().Class("fr-text--sm").Text(k.Comment) }),
		))
	}
	rows := make([]app.UI, 0, len(c.Actions))
	for _, a := range c.Actions {
		b, _ := json.Marshal(a)
		var x struct {
			Action  string `json:"action"`
			Libre   string `json:"libelle_libre"`
			Service string `json:"id_service"`
			Statut  string `json:"statut"`
			Theme   string `json:"thematique"`
		}
		json.Unmarshal(b, &x)
		action := labelOf(carnet.CatalogActions, x.Action)
		switch {
		case x.Action == "" && x.Libre != "":
			action = x.Libre // an action outside the referential keeps its own words
		case x.Action == "":
			// a service of the offre d'insertion, prescribed (no catalogue action)
			action = fmt.Sprintf(carnetText.ServiceAction.String(), x.Service)
		}
		rows = append(rows, app.Tr().Body(
			app.Th().Scope("row").Text(action),
			app.Td().Text(labelOf(spie.Thematiques, x.Theme)),
			app.Td().Text(labelOf(carnet.ActionStatuses, x.Statut)),
		))
	}
	can, why := v.CanAddContact()
	return page("carnet",
		app.Div().Class("fr-table").Body(app.Table().Body(
			app.Caption().Text(carnetText.Person.String()),
			app.TBody().Body(
				app.Tr().Body(app.Th().Scope("row").Text(carnetText.Carnet.String()), app.Td().Text(c.ID)),
				app.Tr().Body(app.Th().Scope("row").Text(carnetText.Entry.String()), app.Td().Text(showDate(c.EntryDate))),
				app.Tr().Body(app.Th().Scope("row").Text(carnetText.Cohort.String()), app.Td().Text(c.Cohort)),
				app.Tr().Body(app.Th().Scope("row").Text(carnetText.Referent.String()), app.Td().Text(referent)),
				app.Tr().Body(app.Th().Scope("row").Text(carnetText.Pathway.String()), app.Td().Text(orientation)),
			),
		)),
		app.Section().Aria("labelledby", "alertes-titre").Body(
			app.H2().ID("alertes-titre").Class("fr-h5").Text(fmt.Sprintf(carnetText.Alerts.String(), len(alerts))),
			app.If(len(alerts) == 0, func() app.UI { return app.P().Text(carnetText.NoAlert.String()) }).
				Else(func() app.UI { return app.Ul().Body(alertItems...) }),
		),
		app.Section().Aria("labelledby", "plan-titre").Body(
			app.H2().ID("plan-titre").Class("fr-h5").Text(carnetText.Plan.String()),
			app.Div().Class("fr-table").Body(app.Table().Body(
				app.Caption().Text(carnetText.PlanActions.String()),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text(carnetText.Action.String()), app.Th().Scope("col").Text(carnetText.Theme.String()), app.Th().Scope("col").Text(carnetText.Status.String()))),
				app.TBody().Body(rows...),
			)),
		),
		app.Section().Aria("labelledby", "journal-titre").Body(
			app.H2().ID("journal-titre").Class("fr-h5").Text(carnetText.Journal.String()),
			app.Ol().Class("spie-timeline").Body(timeline...),
		),
		app.Section().Aria("labelledby", "ajout-titre").Body(
			app.H2().ID("ajout-titre").Class("fr-h5").Text(carnetText.Add.String()),
			app.If(!can, func() app.UI {
				return app.P().ID("ajout-refuse").Text(carnetText.Forbidden.String() + reason(why))
			}).Else(func() app.UI { return v.renderContactForm() }),
		),
	)
}

func reason(why string) string {
	if why == "" {
		return "."
	}
	return commonText.Colon.String() + why + "."
}

func (v *CarnetView) renderContactForm() app.UI {
	d := &v.draft
	fault := func(path string) fieldState {
		f := fieldState{path: path}
		if v.tried {
			for _, ft := range v.faults {
				if strings.HasSuffix(ft.Path, path[strings.LastIndex(path, "/"):]) {
					f.faults = append(f.faults, ft)
				}
			}
		}
		return f
	}
	withLabel := func(f fieldState, label string, required bool) fieldState {
		f.label, f.required = label, required
		return f
	}
	// One entry per fault, with the field's label; its button focuses the
	// field (the carnet's own rules may point elsewhere: the form's name).
	var summary spie.Faults
	if v.tried {
		for _, f := range v.faults.Errors() {
			f.Path = contactPath(f.Path)
			summary = append(summary, f)
		}
	}
	label := func(p string) string {
		if t, ok := contactFields[p[strings.LastIndex(p, "/")+1:]]; ok && strings.HasPrefix(p, "/contact/") {
			return t.String()
		}
		return carnetText.Add.String()
	}
	return app.Form().ID("ajout-contact").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		v.AddContact(ctx)
	}).Body(
		app.If(v.added != "", func() app.UI {
			return app.P().ID("contact-propose").TabIndex(-1).Class("fr-alert fr-alert--success fr-alert--sm").Aria("live", "polite").Text(carnetText.Proposed.String())
		}),
		app.If(len(summary) > 0, func() app.UI {
			return errorSummary("erreurs-contact", summary, label, func(ctx app.Context, path string) {
				if el := app.Window().GetElementByID(fieldID(path)); el.Truthy() {
					el.Call("focus")
				}
			})
		}),
		textInput(withLabel(fault("/contact/date"), carnetText.Date.String(), true), "date", string(d.Date),
			func(ctx app.Context, s string) { d.Date = spie.Date(s) }),
		selectInput(withLabel(fault("/contact/type"), carnetText.Kind.String(), true), carnet.ContactKinds, string(d.Kind), "",
			func(ctx app.Context, s string) { d.Kind = carnet.ContactKind(s) }),
		selectInput(withLabel(fault("/contact/canal"), carnetText.Channel.String(), true), carnet.Channels, string(d.Channel), "",
			func(ctx app.Context, s string) { d.Channel = carnet.Channel(s) }),
		selectInput(withLabel(fault("/contact/resultat"), carnetText.Result.String(), true), carnet.ContactResults, string(d.Result), "",
			func(ctx app.Context, s string) { d.Result = carnet.ContactResult(s) }),
		textInput(withLabel(fault("/contact/commentaire"), carnetText.Comment.String(), false), "text", d.Comment,
			func(ctx app.Context, s string) { d.Comment = s }),
		app.Div().Class("spie-actions").Body(app.Button().Type("submit").ID("ajouter-contact").Class("fr-btn").Text(carnetText.Submit.String())),
	)
}

// carnetText are the carnet widget's own words.
var carnetText = struct {
	Refused, Waiting, Person, Carnet, Entry, Cohort, Referent, Pathway, Alerts, NoAlert, Plan, PlanActions,
	Action, ServiceAction, Theme, Status, Journal, Add, Forbidden, Proposed, Date, Kind, Channel, Result, Comment, Submit text
}{
	Refused:       text{"Carnet refusé", "Carnet refused"},
	Waiting:       text{"En attente du carnet envoyé par le portail.", "Waiting for the carnet the portal sends."},
	Person:        text{"La personne et son parcours", "The person and their pathway"},
	Carnet:        text{"Carnet", "Carnet"},
	Entry:         text{"Entrée dans le SPIE", "Entry into the SPIE"},
	Cohort:        text{"Cohorte", "Cohort"},
	Referent:      text{"Référent", "Referent"},
	Pathway:       text{"Parcours en vigueur", "Current pathway"},
	Alerts:        text{"Alertes (%d)", "Alerts (%d)"},
	NoAlert:       text{"Aucune alerte aujourd'hui.", "No alert today."},
	Plan:          text{"Plan d'action", "Action plan"},
	PlanActions:   text{"Actions du plan", "Actions of the plan"},
	Action:        text{"Action", "Action"},
	ServiceAction: text{"Service de l'offre d'insertion %s", "Service of the support offer %s"},
	Theme:         text{"Thématique", "Theme"},
	Status:        text{"Statut", "Status"},
	Journal:       text{"Rendez-vous et échanges", "Appointments and exchanges"},
	Add:           text{"Ajouter un rendez-vous", "Add an appointment"},
	Forbidden:     text{"Votre rôle ne permet pas d'ajouter un rendez-vous à ce carnet", "Your role does not allow adding an appointment to this carnet"},
	Proposed:      text{"Rendez-vous proposé : le portail l'enregistre dans le carnet.", "Appointment proposed: the portal records it in the carnet."},
	Date:          text{"Date", "Date"},
	Kind:          text{"Nature", "Kind"},
	Channel:       text{"Canal", "Channel"},
	Result:        text{"Résultat", "Outcome"},
	Comment:       text{"Commentaire", "Comment"},
	Submit:        text{"Ajouter au carnet", "Add to the carnet"},
}

// RegisterCarnet declares the route of the carnet widget.
func RegisterCarnet() { route("carnet", func() app.Composer { return &CarnetView{} }) }
