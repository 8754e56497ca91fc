// Package wasm serves the socle's WebAssembly widgets to partner portals.
//
// The widgets (diagnostic, offre, prescription, carnet, indicateurs) are
// go-app components (package wasm/widget) built for GOOS=js GOARCH=wasm into
// one module per widget (./wasm/cmd/diagnostic → diagnostic.wasm, …), each
// linking only its widget's components: a widget page downloads and
// compiles its own module, so a partner page pays only for the widgets it
// shows (issue 17, item 4).
// Each widget runs in its own page inside an iframe that the loader
// spie-embed.js creates on the partner page (go-app owns its whole document);
// the two sides talk with postMessage, each checking the other's origin.
//
// Embedding, on the partner page (CSP: frame-src and script-src of the widget
// origin, see PartnerCSP):
//
//	<script src="https://widgets.example.fr/spie/spie-embed.js" defer></script>
//	<div data-spie-widget="diagnostic" data-spie-data="prefill"></div>
//	<script type="application/json" id="prefill">{"personne": {"id": "…"}}</script>
//
// and listen to spie:ready, spie:change, spie:submit (detail.document is a
// document that passed every rule of the socle) and spie:error on the element.
// spie-embed.d.ts declares the API (SPIE.mount, SPIE.mountAll).
//
// This package is the host side: [Build] compiles the modules (and the
// validation-only module ./wasm/cmd/validate, which exposes validate(kind,
// json) to JavaScript) and precompresses them; [Handler] serves them with the
// right MIME types, precompressed brotli or gzip, content-addressed names
// cached for a year, the table of communes apart from the widgets' modules
// (CommunesFile: built with CommunesTag, they hold none, and each with its
// WidgetTag, none holds another widget's code; the pages of
// manifest.CommunesWidgets fetch it while their module starts and hand it
// to territory.Provide), and the widget pages' Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval', frame-ancestors limited to the
// allowed partner origins); [Export] writes the same files to a directory for
// partners who host static files. `spie demo` serves a fictitious partner
// portal embedding every widget (package wasm/demo).
//
// The browser tests drive Debian's headless chromium (scripts/install-browser.sh
// installs it, with axe-core and @gouvfr/dsfr from npm into wasm/node_modules);
// they skip without chromium or with SPIE_BROWSER_TESTS=0. Screenshots go to
// artifacts/wasm (or SPIE_ARTIFACTS). SPIE_MEASURE=1 runs the measurements.
//
// Core packages never import this package nor syscall/js.
package wasm
