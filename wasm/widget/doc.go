// Package widget holds the go-app components of the SPIE widgets (one route
// per widget: diagnostic, offre, prescription, carnet, indicateurs) and the
// widget side of the postMessage channel with the loader spie-embed.js.
//
// It compiles for GOOS=js GOARCH=wasm (the bundle built from
// ./wasm/cmd/widgets) and on the host, where go-app's test engine renders
// the components without a browser. It never imports syscall/js: every
// browser call goes through go-app's app.Window().
package widget
