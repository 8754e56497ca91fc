// Package widget holds the go-app components of the SPIE widgets (one route
// per widget: diagnostic, offre, prescription, carnet, indicateurs) and the
// widget side of the postMessage channel with the loader spie-embed.js.
//
// It compiles for GOOS=js GOARCH=wasm (one module per widget, built from
// ./wasm/cmd/<widget>, whose main calls that widget's Register function
// only) and on the host, where go-app's test engine renders
// the components without a browser. It never imports syscall/js: every
// browser call goes through go-app's app.Window().
//
// # Language
//
// Every widget speaks French, or English when the partner asks for it
// (loader option lang: "en", read from the page address and the init
// message; SetLang). One WebAssembly instance serves one widget page, so
// the language is the page's. The texts come from the definitions
// (spie.Label's EN), the faults (MessageEN) and, for each widget's own
// words, one FR/EN table per widget (commonText, carnetText, diagText,
// fieldLabels, personTexts, indicText, offreText, prescText). The library's
// sentences that exist in French only (orientation reasons, deadlines,
// search reasons) are written in English from their structured fields and
// the definitions. The faults posted to the partner keep both messages;
// exchanged data (the documents, widget.Orientation) stay French.
// TestCarnetInEnglish and its siblings render every state of each widget in
// English and fail on any French word left (frtext.French), and on any
// English word in the French rendering (frtext.Problems).
//
// # Charts of the indicateurs widget: our SVG, not @gouvfr/dsfr-chart
//
// The indicateurs widget draws its bar charts as SVG written by the
// WebAssembly module, each followed by the accessible table of the same
// figures, rather than with the DSFR's chart components
// (@gouvfr/dsfr-chart), because:
//   - CSP: the widget page allows scripts from its own origin and
//     'wasm-unsafe-eval' only, and no inline style (package wasm);
//     dsfr-chart is a library of Vue.js components shipped as web
//     components (its npm page), drawing on a canvas whose size is set by
//     inline styles: the policy would have to be loosened for it.
//   - Size and dependencies: it would add a JavaScript bundle of its own
//     (the Vue runtime, the chart library and the components; not measured
//     here) to a page whose content the WebAssembly module already draws;
//     an SVG chart is a few hundred bytes and no code.
//   - Accessibility: the components draw on a canvas, opaque to assistive
//     technologies, and take their data as JSON strings in HTML attributes;
//     a table would be needed anyway, and the SVG here is an image with a
//     title pointing to the table that follows.
//   - The statistical secret: a chart component only knows numbers, so a
//     secret cell would become a 0 or a gap; here it is written « secret »
//     with no bar, in the chart and in the table.
//
// The DSFR's classes (fr-table, fr-select) and colours are used as they
// are; a partner who prefers dsfr-chart can draw it on its own page from
// the same reports the widget receives.
package widget
