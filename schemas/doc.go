// Package schemas publishes the JSON Schemas (draft 2020-12) of the documents
// exchanged in the SPIE network and validates documents against them.
//
// The schemas are generated from the Go types of the core packages by
// `go generate ./schemas` (the internal generator, which programs that
// validate do not link; one v1/<kind>.json per registered [Kind], with
// stable, versioned $ids such as
// https://spie-fr.github.io/socle/schemas/v1/diagnostic.json): Go doc comments
// become descriptions, code lists (spie.Enum) become enums with their French
// titles, identifiers (spie.Identifier) become patterns. A test fails when the
// committed files differ from what the types produce.
//
// [Validate], the one validator, checks a kind's schema (formats asserted)
// and then its Go rules, returning spie.Faults with stable codes and JSON
// Pointers: on a compiled fast path for the kinds that have one, through the
// JSON Schema interpreter otherwise, with the same faults. The fast path
// follows the kind's plan (its schema compiled against its Go type); it
// reads documents through decoders generated from the plans by the same
// `go generate ./schemas` (fast_gen.go, no reflection but for the rare Go
// kinds it names; drift-checked), or through the reflective decoder, their
// oracle, when a plan has none (and in the widgets, GOOS=js). Each kind is
// declared by one kind_<name>.go file of this package.
package schemas
