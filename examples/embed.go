package examples

import "embed"

// Carnets holds the example carnets de bord (carnet/*.json), embedded for the
// demo widgets of package wasm.
//
//go:embed carnet/*.json
var Carnets embed.FS
