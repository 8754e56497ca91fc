package examples

import "embed"

// Carnets holds the example carnets de bord (carnet/*.json), embedded for the
// demo widgets of package wasm.
//
//go:embed carnet/*.json
var Carnets embed.FS

// Offer holds the example offer of the Aisne (offer/*: data·inclusion v1
// structures and services, a prescription), embedded for the demo portal,
// which sends it to the offre widget as any partner would.
//
//go:embed offer/structures-aisne.json offer/services-aisne.ndjson offer/prescription-acceptee.json
var Offer embed.FS

// Network holds the examples of the SPIE network (network/*.json and the
// diagnostics of the Aisne), from which the demo portal computes the
// network indicators it sends to the indicateurs widget.
//
//go:embed network/*.json network/diagnostics-aisne-2026.ndjson
var Network embed.FS
