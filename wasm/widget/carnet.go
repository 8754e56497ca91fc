package widget

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// Faults of the data a partner sends to the carnet widget.
var (
	FaultCarnetData   = spie.NewFaultType("WIDGET-CARNET-01", spie.SeverityError, "données du carnet illisibles : le widget attend {\"carnet\": …, \"acteur\": …}", "unreadable carnet data: the widget expects {\"carnet\": …, \"acteur\": …}").WithSource("hygiène d'entrée propre à socle : message du portail au widget carnet ({\"carnet\", \"acteur\"})")
	FaultCarnetViewer = spie.NewFaultType("WIDGET-CARNET-02", spie.SeverityError, "lecteur du carnet non déclaré : le portail doit indiquer le rôle et la structure de qui consulte le carnet", "carnet viewer not declared: the portal must give the role and organisation of whoever views the carnet").WithSource("RULES.md §10 : chacun ne voit que ce que son rôle permet (santé : la personne et son référent, RGPD art. 9) ; le widget montre la vue du lecteur déclaré")
)

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
	loadErr string
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
		v.loadErr = f.Message
		return spie.Faults{f}
	}
	if in.Viewer == nil || in.Viewer.Role == "" {
		f := FaultCarnetViewer.At("/acteur")
		v.loadErr = f.Message
		return spie.Faults{f}
	}
	v.actor = *in.Viewer
	v.commune = in.Carnet.Person.Commune
	viewer := carnet.Viewer{Actor: v.actor, On: v.today()}
	if in.Carnet.Mark != nil {
		// a view computed by the partner's server: its journal is redacted
		// and is not verified again; View only narrows it to the viewer.
		v.c = carnet.View(in.Carnet, viewer)
	} else {
		view, fs := carnet.VerifiedView(in.Carnet, viewer, carnet.Trust{})
		if errs := fs.Errors(); len(errs) > 0 {
			v.loadErr = errs[0].Message
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
		return false, f.Message
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
	d.ID = "rdv-" + strconv.Itoa(len(v.c.Contacts)+1) + "-" + string(d.Date)
	d.StructureSIRET = v.actor.StructureSIRET
	d.Professional = v.actor.Professional
	change := carnet.Change{Op: "ajouter", Target: "rendez_vous", ID: d.ID, Value: d, At: Clock()}
	trial := carnet.View(v.c, carnet.Viewer{Actor: v.actor, On: v.today()})
	trial.Person.Commune = v.commune // Apply dates the change where the person lives, as the server will
	fs := carnet.Apply(trial, change, v.actor)
	v.faults = fs
	if !fs.Valid() {
		v.bridge.Error(fs.Errors())
		return
	}
	v.added = d.ID
	v.resetDraft()
	v.bridge.Submit(change, fs)
}

// Render draws the carnet.
func (v *CarnetView) Render() app.UI {
	if v.loadErr != "" {
		return page("carnet", alert("error", "Carnet refusé", app.P().Text(v.loadErr)))
	}
	if v.c == nil {
		return page("carnet", app.P().Class("spie-attente").Text("En attente du carnet envoyé par le portail."))
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
			orientation = o.Parcours
		}
	}
	// The alerts of the view, kept only where the viewer may read what they
	// point at: a deadline of a part the view lacks would otherwise be
	// reported as missed (carnet.Visible).
	alerts := carnet.Visible(c, carnet.Viewer{Actor: v.actor, On: day}, c.Alerts(day, carnet.DefaultPolicy()))
	alertItems := make([]app.UI, 0, len(alerts))
	for _, a := range alerts {
		alertItems = append(alertItems, app.Li().Text(a.Message))
	}
	contacts := append([]carnet.Contact(nil), c.Contacts...)
	sort.SliceStable(contacts, func(i, j int) bool { return contacts[i].Date > contacts[j].Date })
	timeline := make([]app.UI, 0, len(contacts))
	for _, k := range contacts {
		text := carnet.ContactKinds.LabelOf(string(k.Kind)) + " (" + carnet.Channels.LabelOf(string(k.Channel)) + ") : " + carnet.ContactResults.LabelOf(string(k.Result))
		if k.Professional != "" {
			text += " — " + k.Professional
		}
		timeline = append(timeline, app.Li().Body(
			app.P().Class("fr-text--bold fr-mb-0").Text(frenchDate(k.Date)),
			app.P().Class("fr-mb-0").Text(text),
			app.If(k.Comment != "", func() app.UI { return app.P().Class("fr-text--sm").Text(k.Comment) }),
		))
	}
	rows := make([]app.UI, 0, len(c.Actions))
	for _, a := range c.Actions {
		b, _ := json.Marshal(a)
		var x struct {
			Action string `json:"action"`
			Libre  string `json:"libelle_libre"`
			Statut string `json:"statut"`
			Theme  string `json:"thematique"`
		}
		json.Unmarshal(b, &x)
		label := carnet.CatalogActions.LabelOf(x.Action)
		if x.Action == "" {
			label = x.Libre // an action outside the referential keeps its own words
		}
		rows = append(rows, app.Tr().Body(
			app.Th().Scope("row").Text(label),
			app.Td().Text(spie.Thematiques.LabelOf(x.Theme)),
			app.Td().Text(carnet.ActionStatuses.LabelOf(x.Statut)),
		))
	}
	can, why := v.CanAddContact()
	return page("carnet",
		app.Div().Class("fr-table").Body(app.Table().Body(
			app.Caption().Text("La personne et son parcours"),
			app.TBody().Body(
				app.Tr().Body(app.Th().Scope("row").Text("Carnet"), app.Td().Text(c.ID)),
				app.Tr().Body(app.Th().Scope("row").Text("Entrée dans le SPIE"), app.Td().Text(frenchDate(c.EntryDate))),
				app.Tr().Body(app.Th().Scope("row").Text("Cohorte"), app.Td().Text(c.Cohort)),
				app.Tr().Body(app.Th().Scope("row").Text("Référent"), app.Td().Text(referent)),
				app.Tr().Body(app.Th().Scope("row").Text("Parcours en vigueur"), app.Td().Text(orientation)),
			),
		)),
		app.Section().Aria("labelledby", "alertes-titre").Body(
			app.H2().ID("alertes-titre").Class("fr-h5").Text("Alertes ("+strconv.Itoa(len(alerts))+")"),
			app.If(len(alerts) == 0, func() app.UI { return app.P().Text("Aucune alerte aujourd'hui.") }).
				Else(func() app.UI { return app.Ul().Body(alertItems...) }),
		),
		app.Section().Aria("labelledby", "plan-titre").Body(
			app.H2().ID("plan-titre").Class("fr-h5").Text("Plan d'action"),
			app.Div().Class("fr-table").Body(app.Table().Body(
				app.Caption().Text("Actions du plan"),
				app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Action"), app.Th().Scope("col").Text("Thématique"), app.Th().Scope("col").Text("Statut"))),
				app.TBody().Body(rows...),
			)),
		),
		app.Section().Aria("labelledby", "journal-titre").Body(
			app.H2().ID("journal-titre").Class("fr-h5").Text("Rendez-vous et échanges"),
			app.Ol().Class("spie-timeline").Body(timeline...),
		),
		app.Section().Aria("labelledby", "ajout-titre").Body(
			app.H2().ID("ajout-titre").Class("fr-h5").Text("Ajouter un rendez-vous"),
			app.If(!can, func() app.UI {
				return app.P().ID("ajout-refuse").Text("Votre rôle ne permet pas d'ajouter un rendez-vous à ce carnet" + reason(why))
			}).Else(func() app.UI { return v.renderContactForm() }),
		),
	)
}

func reason(why string) string {
	if why == "" {
		return "."
	}
	return " : " + why + "."
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
	return app.Form().ID("ajout-contact").NoValidate(true).OnSubmit(func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		v.AddContact(ctx)
	}).Body(
		app.If(v.added != "", func() app.UI {
			return app.P().Class("fr-alert fr-alert--success fr-alert--sm").Aria("live", "polite").Text("Rendez-vous proposé : le portail l'enregistre dans le carnet.")
		}),
		textInput(withLabel(fault("/contact/date"), "Date", true), "date", string(d.Date),
			func(ctx app.Context, s string) { d.Date = spie.Date(s) }),
		selectInput(withLabel(fault("/contact/type"), "Nature", true), carnet.ContactKinds, string(d.Kind), "",
			func(ctx app.Context, s string) { d.Kind = carnet.ContactKind(s) }),
		selectInput(withLabel(fault("/contact/canal"), "Canal", true), carnet.Channels, string(d.Channel), "",
			func(ctx app.Context, s string) { d.Channel = carnet.Channel(s) }),
		selectInput(withLabel(fault("/contact/resultat"), "Résultat", true), carnet.ContactResults, string(d.Result), "",
			func(ctx app.Context, s string) { d.Result = carnet.ContactResult(s) }),
		textInput(withLabel(fault("/contact/commentaire"), "Commentaire", false), "text", d.Comment,
			func(ctx app.Context, s string) { d.Comment = s }),
		app.Div().Class("spie-actions").Body(app.Button().Type("submit").ID("ajouter-contact").Class("fr-btn").Text("Ajouter au carnet")),
	)
}

// frenchDate writes 2026-03-02 as 02/03/2026.
func frenchDate(d spie.Date) string {
	s := string(d)
	if len(s) != 10 {
		return s
	}
	return s[8:10] + "/" + s[5:7] + "/" + s[0:4]
}
