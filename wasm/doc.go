// Package wasm serves the socle's WebAssembly widgets to partner portals.
//
// The widgets (diagnostic, offre, prescription, carnet, indicateurs) are one
// go-app bundle, built for GOOS=js GOARCH=wasm from ./wasm/cmd/widgets; each
// widget runs in its own page inside an iframe that the loader spie-embed.js
// creates on the partner page, and the two sides talk with postMessage,
// checking each other's origin against an allow-list.
//
// This package is the host side: [Build] compiles the bundles (the widgets and
// the validation-only module ./wasm/cmd/validate) and precompresses them,
// [Handler] serves them with the right MIME types, precompressed brotli or
// gzip, cache headers and a Content-Security-Policy, and [Export] writes the
// same files to a directory for partners who host static files themselves.
//
// Core packages never import this package nor syscall/js.
package wasm
