// Package manifest lists the widgets and their WebAssembly modules. It is shared
// by the go-app code (the routes) and the host side (pages, loader, tests)
// without pulling go-app into the host.
package manifest

import "github.com/spie-fr/socle/spie"

// Widgets is the list of widgets, in display order: the key is the widget
// name used by the loader (SPIE.mount(el, {widget: "diagnostic"})) and the
// page name (diagnostic.html). Each widget page loads its own module,
// diagnostic.wasm, … (wasm.WidgetWasm).
var Widgets = spie.Definitions{
	{Key: "diagnostic", Label: spie.Label{FR: "Diagnostic socio-professionnel", EN: "Socio-professional assessment"},
		Description: spie.Label{FR: "Formulaire en plusieurs étapes du socle commun de diagnostic, avec la proposition d'orientation.", EN: "Multi-step form of the common assessment, with the orientation proposal."}},
	{Key: "offre", Label: spie.Label{FR: "Offre d'insertion", EN: "Support offer"},
		Description: spie.Label{FR: "Recherche de services par commune et thématiques, avec distance et raisons.", EN: "Search of services by town and themes, with distance and reasons."}},
	{Key: "prescription", Label: spie.Label{FR: "Prescription", EN: "Referral"},
		Description: spie.Label{FR: "Orientation d'une personne vers un service.", EN: "Referral of a person to a service."}},
	{Key: "carnet", Label: spie.Label{FR: "Carnet de bord", EN: "Logbook"},
		Description: spie.Label{FR: "Journal, plan d'action et alertes du parcours.", EN: "Journal, action plan and alerts of the pathway."}},
	{Key: "indicateurs", Label: spie.Label{FR: "Indicateurs", EN: "Indicators"},
		Description: spie.Label{FR: "Indicateurs d'un territoire ou d'une cohorte, en graphiques et en tableau.", EN: "Indicators of a territory or cohort, as charts and as a table."}},
}

// CommunesWidgets are the widgets whose page fetches the table of communes
// (spie/territory, served apart: wasm.CommunesFile) while their module
// starts, the module being built without it (tag spie_communes_external): those
// whose data or form holds a commune code. The others' modules never reach
// the table (the carnet widget).
var CommunesWidgets = []string{"diagnostic", "offre", "prescription", "indicateurs"}

// Message types exchanged between the loader and the widget page. Every
// message is an object {spie: 1, type, widget, ...}.
const (
	MsgInit   = "spie:init"   // loader → widget: {data, role, lang}
	MsgReady  = "spie:ready"  // widget → loader
	MsgResize = "spie:resize" // widget → loader: {height}
	MsgChange = "spie:change" // widget → loader: {json}
	MsgSubmit = "spie:submit" // widget → loader: {json} (a validated document)
	MsgError  = "spie:error"  // widget → loader: {faults}
	// MsgOutcome is loader → widget: {data}, what the partner's server did
	// with a proposed change (e.g. the prescription it sent), for the
	// widget to check and show.
	MsgOutcome = "spie:outcome"
)
