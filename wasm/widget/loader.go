package widget

import "github.com/spie-fr/socle/spie"

// Faults the loader (spie-embed.js) and the widget page's boot script
// (spie-boot.js) report themselves in spie:error; the scripts write them as
// literals, and a test checks that they say the same (wasm's
// TestLoaderFaultsAreTheWidgets).
var (
	FaultLoad = spie.NewFaultType("WIDGET-CHARGEMENT-01", spie.SeverityError,
		"le widget n'a pas démarré dans le délai : module WebAssembly introuvable, bloqué ou trop lent",
		"the widget did not start in time: WebAssembly module missing, blocked or too slow").
		WithSource("contrat du navigateur (issue 15, point 7) : le loader prévient le portail par spie:error quand le widget ne démarre pas (délai, option timeout)")
	FaultDataURL = spie.NewFaultType("WIDGET-CHARGEMENT-02", spie.SeverityError,
		"catalogue impossible à télécharger ou illisible à l'adresse donnée par le portail",
		"catalogue could not be downloaded or read from the address the portal gave").
		WithSource("contrat du navigateur (issue 15, point 1) : le loader télécharge sur la page du portail le catalogue donné par une adresse, la CSP du widget n'autorisant aucune autre origine")
	FaultModule = spie.NewFaultType("WIDGET-CHARGEMENT-03", spie.SeverityError,
		"le module WebAssembly du widget n'a pas pu être chargé",
		"the widget's WebAssembly module could not be loaded").
		WithSource("contrat du navigateur (issue 15, point 7) : la page du widget prévient le portail par spie:error quand son module ne se charge pas, sans attendre le délai du loader")
	// FaultOptions is what the loader refuses in the partner's own call:
	// an unknown widget, an origin that is no URL, unreadable prefill in
	// the data-spie-data element.
	FaultOptions = spie.NewFaultType("WIDGET-CHARGEMENT-04", spie.SeverityError,
		"options du widget refusées par le loader : widget inconnu, origine invalide ou données de préremplissage illisibles",
		"widget options refused by the loader: unknown widget, invalid origin or unreadable prefill data").
		WithSource("contrat du navigateur (issue 15, point 7) : la page reçoit spie:error avec une faute du socle, jamais une phrase seule")
	// FaultEncode is a document the widget cannot write as JSON (a number
	// JSON cannot represent): said to the host, never Go's text.
	FaultEncode = spie.NewFaultType("WIDGET-DOCUMENT-01", spie.SeverityError,
		"le document du widget ne peut pas être écrit en JSON",
		"the widget's document cannot be written as JSON").
		WithSource("contrat du navigateur (issue 15, point 7) : la page reçoit spie:error avec une faute du socle, jamais le texte d'une bibliothèque")
)
